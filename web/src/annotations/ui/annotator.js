// Making and changing annotations in the reader: the small toolbar over a selection, the card over
// a highlight (what is there, edit, delete) and the tooltip of a focused highlight; the editor is
// annotation-editor.js.
import { h, icon, ICONS, replaceChildren } from '../../shell/dom.js';
import { cardContent } from './annotation-card.js';
import { truncate } from '../../shell/format.js';

/** Places `el` (position: absolute, in the page) below or above a screen rectangle. */
function placeNear(el, rect, { above = false, gap = 8 } = {}) {
  const width = el.offsetWidth || 320;
  const height = el.offsetHeight || 40;
  const vw = document.documentElement.clientWidth;
  let left = rect.left + rect.width / 2 - width / 2;
  left = Math.max(8, Math.min(left, vw - width - 8));
  let top = above ? rect.top - height - gap : rect.bottom + gap;
  if (above && top < 64) top = rect.bottom + gap;
  el.style.setProperty('left', `${Math.round(left + window.scrollX)}px`);
  el.style.setProperty('top', `${Math.round(top + window.scrollY)}px`);
}

const keepSelection = (e) => e.preventDefault();

export class SelectionToolbar {
  /**
   * @param {{highlight(): void, tag(name: string): void, more(focus: 'tags'|'note'): void,
   *          entity(): void, attach(): void, cancelAttach(): void}} on
   */
  constructor(on) {
    this.on = on;
    this.el = h('div', {
      class: 'selection-toolbar',
      role: 'toolbar',
      'aria-label': 'Annotate the selected text',
      'data-testid': 'selection-toolbar',
      hidden: true,
    });
    // A toolbar: arrow keys move between its buttons.
    this.el.addEventListener('keydown', (e) => {
      const buttons = [...this.el.querySelectorAll('button')];
      const i = buttons.indexOf(document.activeElement);
      if (i < 0) return;
      const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: buttons.length - 1 }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      e.stopPropagation();
      buttons[(next + buttons.length) % buttons.length].focus();
    });
  }

  /**
   * @param {{tags: {name: string, color: string, shortcut: number|null}[], attach?: {quote: string}|null}} state
   * @param {DOMRect} rect
   */
  show({ tags, attach = null }, rect) {
    const items = [];
    if (attach) {
      items.push(
        h(
          'button',
          {
            type: 'button',
            class: 'tool primary',
            'data-testid': 'toolbar-attach',
            onmousedown: keepSelection,
            onclick: () => this.on.attach(),
            title: `Attach “${truncate(attach.quote, 80)}” to the selected text`,
          },
          icon(ICONS.link),
          'Attach here',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'tool',
            'data-testid': 'toolbar-attach-cancel',
            onmousedown: keepSelection,
            onclick: () => this.on.cancelAttach(),
          },
          'Cancel',
        ),
      );
    } else {
      items.push(
        h(
          'button',
          {
            type: 'button',
            class: 'tool',
            'data-testid': 'toolbar-highlight',
            onmousedown: keepSelection,
            onclick: () => this.on.highlight(),
            title: 'Highlight without a tag',
          },
          icon(ICONS.highlight),
          'Highlight',
        ),
      );
      for (const t of tags.slice(0, 5)) {
        const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
        swatch.style.setProperty('background-color', t.color);
        items.push(
          h(
            'button',
            {
              type: 'button',
              class: 'tool',
              'data-testid': 'toolbar-tag',
              'data-tag': t.name,
              onmousedown: keepSelection,
              onclick: () => this.on.tag(t.name),
              title: t.shortcut ? `Tag “${t.name}” (${t.shortcut})` : `Tag “${t.name}”`,
              'aria-label': `Tag ${t.name}${t.shortcut ? `, shortcut ${t.shortcut}` : ''}`,
            },
            swatch,
            h('span', { class: 'tool-label' }, truncate(t.name, 18)),
            t.shortcut ? h('kbd', { 'aria-hidden': 'true' }, String(t.shortcut)) : null,
          ),
        );
      }
      items.push(
        h(
          'button',
          {
            type: 'button',
            class: 'tool',
            'data-testid': 'toolbar-more',
            onmousedown: keepSelection,
            onclick: () => this.on.more('tags'),
            title: 'Tags and a note (t)',
          },
          icon(ICONS.tag),
          'Tag…',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'tool',
            'data-testid': 'toolbar-note',
            onmousedown: keepSelection,
            onclick: () => this.on.more('note'),
            title: 'Add a note (n)',
          },
          icon(ICONS.note),
          'Note…',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'tool',
            'data-testid': 'toolbar-entity',
            onmousedown: keepSelection,
            onclick: () => this.on.entity(),
            title: 'Mark as a person, organisation, place or date',
          },
          'Entity…',
        ),
      );
    }
    replaceChildren(this.el, items);
    this.el.hidden = false;
    placeNear(this.el, rect, { above: true });
  }

  hide() {
    this.el.hidden = true;
  }

  get shown() {
    return !this.el.hidden;
  }
}

/** The card over a highlight: the annotations there, with edit and delete. */
export class HighlightCard {
  constructor() {
    this.list = h('ul', { class: 'card-list' });
    this.backButton = h(
      'button',
      { type: 'button', class: 'button quiet small', 'data-testid': 'card-back', hidden: true },
      icon(ICONS.back),
      'Back to the list',
    );
    this.el = h(
      'div',
      {
        class: 'highlight-card',
        role: 'dialog',
        'aria-label': 'Annotations on this passage',
        'data-testid': 'highlight-card',
        hidden: true,
        tabindex: '-1',
      },
      h(
        'div',
        { class: 'highlight-card-head' },
        h('span', { class: 'highlight-card-title' }, 'On this passage'),
        this.backButton,
        h(
          'button',
          {
            type: 'button',
            class: 'icon-button',
            'aria-label': 'Close',
            'data-testid': 'card-close',
            onclick: () => this.close(),
          },
          icon(ICONS.close),
        ),
      ),
      this.list,
    );
    this.el.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        this.close();
      }
    });
    this.el.addEventListener('focusout', (e) => {
      if (
        !this.el.hidden &&
        e.relatedTarget &&
        !this.el.contains(e.relatedTarget) &&
        e.relatedTarget !== this.returnTo
      )
        this.close({ restore: false });
    });
  }

  /**
   * @param {{view: object, status: string, statusKind: string, actions: import('./annotation-card.js').CardAction[],
   *   keepVersion?: (index: number) => void}[]} entries
   * @param {HTMLElement} mark
   * @param {{colorOf: import('./annotation-card.js').ColorOf, back?: () => void}} o
   */
  open(entries, mark, { colorOf, back = null }) {
    this.returnTo = mark;
    replaceChildren(
      this.list,
      entries.map((e) =>
        h(
          'li',
          { class: 'annotation-card', 'data-testid': 'card-item', 'data-id': e.view.id },
          cardContent(e.view, {
            colorOf,
            status: e.status,
            statusKind: e.statusKind,
            actions: e.actions,
            keepVersion: e.keepVersion,
          }),
        ),
      ),
    );
    this.backButton.hidden = !back;
    this.backButton.onclick = back;
    this.el.hidden = false;
    placeNear(this.el, mark.getBoundingClientRect());
    (this.list.querySelector('button') ?? this.el).focus({ preventScroll: true });
  }

  close({ restore = true } = {}) {
    if (this.el.hidden) return;
    const hadFocus = this.el.contains(document.activeElement);
    this.el.hidden = true;
    if (restore && hadFocus && this.returnTo?.isConnected) this.returnTo.focus({ preventScroll: true });
  }

  get shown() {
    return !this.el.hidden;
  }
}

/** A tooltip listing the tags of the highlight that has focus. */
export class HighlightTooltip {
  constructor() {
    this.el = h('div', {
      class: 'hl-tooltip',
      role: 'tooltip',
      id: 'hl-tooltip',
      'data-testid': 'highlight-tooltip',
      hidden: true,
    });
  }

  show(mark, lines) {
    replaceChildren(
      this.el,
      lines.map((l) =>
        h(
          'div',
          { class: 'hl-tooltip-line' },
          l.color
            ? (() => {
                const s = h('span', { class: 'swatch', 'aria-hidden': 'true' });
                s.style.setProperty('background-color', l.color);
                return s;
              })()
            : null,
          l.text,
        ),
      ),
    );
    this.el.hidden = false;
    mark.setAttribute('aria-describedby', 'hl-tooltip');
    placeNear(this.el, mark.getBoundingClientRect(), { above: true, gap: 6 });
  }

  hide() {
    this.el.hidden = true;
  }
}
