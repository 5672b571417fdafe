// The card over an entity mention (or over selected text): what it is, and the corrections a user
// can make — not an entity, another type, the same as another entity (an alias), not the same as
// the others here (a split). It only asks; reader-entities.js records the correction.
import { h, replaceChildren } from '../shell/dom.js';
import { ENTITY_TYPES, typeName } from './entity-model.js';

/** Places the card under a screen rectangle, inside the page's width. */
function placeUnder(el, rect) {
  const width = el.offsetWidth || 320;
  const vw = document.documentElement.clientWidth;
  const left = Math.max(8, Math.min(rect.left, vw - width - 8));
  el.style.setProperty('left', `${Math.round(left + window.scrollX)}px`);
  el.style.setProperty('top', `${Math.round(rect.bottom + 6 + window.scrollY)}px`);
}

export class MentionCard {
  /** @param {{correct(correction: import('./corrections.js').Correction): void}} on */
  constructor(on) {
    this.on = on;
    this.returnTo = null;
    this.el = h('div', {
      class: 'entity-card',
      role: 'dialog',
      'aria-label': 'Entity',
      'data-testid': 'entity-card',
      hidden: true,
      onkeydown: (e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          this.close();
        }
      },
    });
  }

  get shown() {
    return !this.el.hidden;
  }

  /**
   * Opens the card for a mention.
   * @param {HTMLElement} anchor  the mention's element (focus returns to it)
   * @param {{mention: import('./entity-model.js').ShownMention, label: string, sameType: {entity: string, name: string}[],
   *   splitAs: string|null}} about  sameType: other entities of its type (for "same as"); splitAs:
   *   the id its mentions here get when they are not the same as the others (null: nothing to split)
   */
  openForMention(anchor, { mention, label, sameType, splitAs }) {
    const typeButtons = ENTITY_TYPES.filter((t) => t.type !== mention.type).map((t) =>
      this.button(t.one, 'entity-retype', { kind: 'classify', type: t.type }, t.type),
    );
    const listId = 'entity-same-as-list';
    const input = h('input', {
      type: 'text',
      class: 'entity-same-input',
      'data-testid': 'entity-same-input',
      list: listId,
      placeholder: `Another ${typeName(mention.type).toLowerCase()}…`,
      'aria-label': `The same as which ${typeName(mention.type).toLowerCase()}?`,
    });
    const options = h(
      'datalist',
      { id: listId },
      sameType.map((e) => h('option', { value: e.name })),
    );
    const join = () => {
      const wanted = input.value.trim().toLowerCase();
      const target = sameType.find((e) => e.name.toLowerCase() === wanted);
      if (target) this.choose({ kind: 'identify', scope: 'text', entity: target.entity, from: mention.id });
      else input.setCustomValidity('Choose one of the names listed.');
      input.reportValidity();
    };
    input.addEventListener('input', () => input.setCustomValidity(''));
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        join();
      }
    });
    replaceChildren(
      this.el,
      h('p', { class: 'entity-card-title', 'data-testid': 'entity-card-title' }, label),
      h(
        'div',
        { class: 'entity-card-row' },
        this.button('Not an entity', 'entity-reject', { kind: 'reject' }),
        h('span', { class: 'muted' }, 'It is a'),
        ...typeButtons,
      ),
      h(
        'div',
        { class: 'entity-card-row' },
        input,
        options,
        h(
          'button',
          { type: 'button', class: 'button', 'data-testid': 'entity-same-as', onclick: join },
          'Same as',
        ),
      ),
      splitAs
        ? h(
            'div',
            { class: 'entity-card-row' },
            this.button(
              `Not the same ${typeName(mention.type).toLowerCase()} in this article`,
              'entity-split',
              {
                kind: 'identify',
                scope: 'article',
                entity: splitAs,
                from: mention.id,
              },
            ),
          )
        : null,
    );
    this.show(anchor);
  }

  /**
   * Opens the card for selected text: which type of entity it is.
   * @param {DOMRect} rect  the selection's rectangle
   * @param {string} text
   */
  openForSelection(rect, text) {
    replaceChildren(
      this.el,
      h(
        'p',
        { class: 'entity-card-title' },
        `Mark “${text.length > 60 ? `${text.slice(0, 59)}…` : text}” as`,
      ),
      h(
        'div',
        { class: 'entity-card-row' },
        ENTITY_TYPES.map((t) =>
          this.button(t.one, 'entity-mark', { kind: 'classify', type: t.type }, t.type),
        ),
      ),
    );
    this.show(null, rect);
  }

  button(label, testid, correction, type = '') {
    return h(
      'button',
      {
        type: 'button',
        class: 'button',
        'data-testid': testid,
        ...(type ? { 'data-type': type } : {}),
        onmousedown: (e) => e.preventDefault(), // keeps a selection
        onclick: () => this.choose(correction),
      },
      type ? h('span', { class: 'entity-swatch', 'data-type': type, 'aria-hidden': 'true' }) : null,
      label,
    );
  }

  choose(correction) {
    this.close();
    this.on.correct(correction);
  }

  show(anchor, rect = anchor?.getBoundingClientRect()) {
    this.returnTo = anchor;
    this.el.hidden = false;
    placeUnder(this.el, rect);
    /** @type {HTMLElement|null} */ (this.el.querySelector('button'))?.focus({ preventScroll: true });
  }

  close({ restore = true } = {}) {
    if (this.el.hidden) return;
    this.el.hidden = true;
    if (restore) this.returnTo?.focus({ preventScroll: true });
    this.returnTo = null;
  }
}
