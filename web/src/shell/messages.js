// The message list: import summaries, problems (one per file, with details when a file has many),
// storage warnings and undo offers. Each message can be dismissed; nothing disappears on a timer.
import { h, icon, ICONS } from './dom.js';

const MAX_DETAILS = 200;

export class MessageList {
  constructor() {
    this.nextId = 1;
    this.list = h('ul', { class: 'message-list', 'data-testid': 'message-list' });
    this.dismissAll = h(
      'button',
      {
        type: 'button',
        class: 'link-button',
        'data-testid': 'messages-dismiss-all',
        hidden: true,
        onclick: () => this.clear(),
      },
      'Dismiss all',
    );
    this.el = h(
      'section',
      {
        id: 'messages',
        class: 'messages',
        'data-testid': 'messages',
        'aria-label': 'Messages',
        'aria-live': 'polite',
        'aria-relevant': 'additions text',
        hidden: true,
      },
      this.list,
      h('div', { class: 'messages-foot' }, this.dismissAll),
    );
  }

  /**
   * Shows a message. A message with the same `key` as one shown replaces it.
   * @param {{kind?: 'error'|'warning'|'info'|'success', text: string, key?: string,
   *   details?: string[], detailsLabel?: string, action?: {label: string, run: () => void}}} m
   * @returns {string} the message's id
   */
  show({ kind = 'info', text, key, details, detailsLabel, action }) {
    const id = `m${this.nextId++}`;
    const body = h(
      'div',
      { class: 'message-body' },
      h('p', { class: 'message-text', 'data-testid': 'message-text' }, text),
    );
    if (details && details.length) {
      const shown = details.slice(0, MAX_DETAILS);
      const items = shown.map((d) => h('li', {}, d));
      if (details.length > shown.length)
        items.push(h('li', { class: 'muted' }, `… and ${details.length - shown.length} more`));
      body.append(
        h(
          'details',
          {},
          h('summary', {}, detailsLabel || `Show ${details.length} details`),
          h('ul', { class: 'message-details', 'data-testid': 'message-details' }, items),
        ),
      );
    }
    const li = h(
      'li',
      {
        class: `message ${kind}`,
        'data-testid': 'message',
        'data-kind': kind,
        'data-id': id,
        role: kind === 'error' ? 'alert' : null,
      },
      h(
        'span',
        { class: 'message-icon', 'aria-hidden': 'true' },
        { error: '!', warning: '!', success: '✓', info: 'i' }[kind] || 'i',
      ),
      body,
      action
        ? h(
            'button',
            {
              type: 'button',
              class: 'button small',
              'data-testid': 'message-action',
              onclick: () => {
                this.dismiss(id);
                action.run();
              },
            },
            action.label,
          )
        : null,
      h(
        'button',
        {
          type: 'button',
          class: 'icon-button',
          'data-testid': 'message-dismiss',
          'aria-label': 'Dismiss this message',
          title: 'Dismiss',
          onclick: () => this.dismiss(id),
        },
        icon(ICONS.close),
      ),
    );
    if (key) {
      li.dataset.key = key;
      // The newest message goes last; an older one with the same key is removed.
      this.list.querySelector(`li[data-key="${CSS.escape(key)}"]`)?.remove();
    }
    this.list.append(li);
    // At the next frame: scrolling now would lay out at once what the caller has just changed (a
    // library of 100,000 rows redrawn at the end of an import: a task of 100 ms in Chromium).
    globalThis.requestAnimationFrame?.(() => li.scrollIntoView?.({ block: 'nearest' }));
    this.update();
    return id;
  }

  dismiss(id) {
    const li = this.list.querySelector(`li[data-id="${CSS.escape(id)}"]`);
    const hadFocus = li?.contains(document.activeElement);
    li?.remove();
    this.update();
    if (hadFocus)
      (
        this.list.querySelector('[data-testid="message-dismiss"]') || document.getElementById('main')
      )?.focus?.();
  }

  dismissKey(key) {
    this.list.querySelector(`li[data-key="${CSS.escape(key)}"]`)?.remove();
    this.update();
  }

  clear() {
    this.list.replaceChildren();
    this.update();
  }

  update() {
    const n = this.list.children.length;
    this.el.hidden = n === 0;
    this.dismissAll.hidden = n < 2;
  }
}
