// The reader's entity panel: the article's people, organisations, places and dates, each with its
// number of mentions here and of articles in the collection; choosing one goes to its next mention.
import { h, replaceChildren } from '../shell/dom.js';
import { plural } from '../shell/format.js';

export class EntityPanel {
  /** @param {{jump(entity: {id: string, name: string, mentions: {start: number}[]}): void}} on */
  constructor(on) {
    this.on = on;
    this.el = h('section', {
      id: 'entity-panel',
      class: 'entity-panel',
      'data-testid': 'entity-panel',
      'aria-label': 'Entities in this article',
      hidden: true,
    });
  }

  get open() {
    return !this.el.hidden;
  }

  setOpen(open) {
    this.el.hidden = !open;
  }

  /** @param {ReturnType<typeof import('./entity-model.js').panelGroups>} groups */
  render(groups) {
    if (!groups.length) {
      replaceChildren(
        this.el,
        h('p', { class: 'muted', 'data-testid': 'entity-panel-empty' }, 'No entities found in this article.'),
      );
      return;
    }
    replaceChildren(
      this.el,
      groups.map((g) =>
        h(
          'div',
          { class: 'entity-group', 'data-type': g.type },
          h(
            'h2',
            { class: 'entity-group-title' },
            h('span', { class: 'entity-swatch', 'data-type': g.type }),
            g.label,
          ),
          h(
            'ul',
            { class: 'entity-list' },
            g.entities.map((e) =>
              h(
                'li',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'entity-item',
                    'data-testid': 'entity-item',
                    'data-entity': e.id,
                    'data-type': g.type,
                    title: `Go to the next mention of ${e.name}`,
                    onclick: () => this.on.jump(e),
                  },
                  h('span', { class: 'entity-name' }, e.name),
                  e.value && e.value !== e.name ? h('span', { class: 'entity-value' }, e.value) : null,
                  h(
                    'span',
                    {
                      class: 'entity-count',
                      'data-testid': 'entity-mentions',
                      title: plural(e.mentions.length, 'mention'),
                    },
                    `×${e.mentions.length}`,
                  ),
                  e.articles > 1
                    ? h(
                        'span',
                        { class: 'entity-articles', 'data-testid': 'entity-articles-here' },
                        `in ${e.articles} articles`,
                      )
                    : null,
                ),
              ),
            ),
          ),
        ),
      ),
    );
  }
}
