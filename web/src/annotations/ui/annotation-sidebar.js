// The reader's sidebar: the article's annotations in reading order (click one to go to its
// highlight; from the highlight, Esc or "Back to the list" comes back), those of other versions
// of the story whose passage this version lacks, undo/redo, and the article's export.
import { h, icon, ICONS, replaceChildren, focusedElement } from '../../shell/dom.js';
import { cardContent } from './annotation-card.js';
import { plural, truncate } from '../../shell/format.js';

export class AnnotationSidebar {
  /**
   * @param {{jump(id: string): void, edit(id: string): void, remove(id: string): void, undo(): void,
   *          redo(): void, exportArticle(format: 'jsonld'|'markdown'|'html'): void, openCollection(): void,
   *          openArticle(id: string): void, keepVersion(id: string, index: number): void,
   *          attach(id: string): void}} on
   */
  constructor(on) {
    this.on = on;
    this.count = h('span', { class: 'sidebar-count muted' });
    this.undoButton = h(
      'button',
      {
        type: 'button',
        class: 'icon-button',
        'data-testid': 'undo-button',
        'aria-label': 'Undo',
        title: 'Undo (Ctrl+Z)',
        onclick: () => on.undo(),
        disabled: true,
      },
      icon(ICONS.undo),
    );
    this.redoButton = h(
      'button',
      {
        type: 'button',
        class: 'icon-button',
        'data-testid': 'redo-button',
        'aria-label': 'Redo',
        title: 'Redo (Ctrl+Shift+Z)',
        onclick: () => on.redo(),
        disabled: true,
      },
      icon(ICONS.redo),
    );
    this.empty = h(
      'p',
      { class: 'sidebar-empty muted', 'data-testid': 'sidebar-empty' },
      'Select text in the article to highlight it, or focus a sentence (← →) and press t to tag it or n to add a note.',
    );
    this.list = h('ol', {
      class: 'sidebar-list',
      'data-testid': 'sidebar-list',
      'aria-label': 'Annotations in reading order',
    });
    this.missingList = h('ul', {
      class: 'sidebar-list missing',
      'data-testid': 'sidebar-missing',
      'aria-label': 'Annotations not in this version',
    });
    this.missing = h(
      'section',
      { class: 'sidebar-section', hidden: true, 'aria-labelledby': 'sidebar-missing-title' },
      h('h3', { id: 'sidebar-missing-title' }, 'Not in this version'),
      h(
        'p',
        { class: 'muted small' },
        'Annotations made on another version or copy of this story whose passage this one does not have.',
      ),
      this.missingList,
    );
    this.pending = h(
      'p',
      { class: 'muted small', hidden: true, 'data-testid': 'sidebar-pending' },
      'Looking for annotations from other versions of this story…',
    );
    this.el = h(
      'aside',
      {
        id: 'annotations-sidebar',
        class: 'annotations-sidebar',
        'data-testid': 'annotations-sidebar',
        'aria-labelledby': 'sidebar-title',
      },
      h(
        'div',
        { class: 'sidebar-head' },
        h('h2', { id: 'sidebar-title' }, 'Annotations'),
        this.count,
        h('span', { class: 'toolbar-spacer' }),
        this.undoButton,
        this.redoButton,
      ),
      this.empty,
      this.list,
      this.pending,
      this.missing,
      h(
        'div',
        { class: 'sidebar-foot' },
        h(
          'button',
          {
            type: 'button',
            class: 'button quiet small',
            'data-testid': 'export-article',
            onclick: () => on.exportArticle('jsonld'),
            title: "Download this article's annotations as W3C JSON-LD",
          },
          icon(ICONS.download),
          'Export (.json)',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'button quiet small',
            'data-testid': 'export-article-report',
            onclick: () => on.exportArticle('markdown'),
          },
          icon(ICONS.download),
          'Report (.md)',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'button quiet small',
            'data-testid': 'open-collection',
            onclick: () => on.openCollection(),
          },
          'All annotations →',
        ),
      ),
    );
  }

  /**
   * @param {{items: object[], missing: object[], pending: boolean, colorOf: import('./annotation-card.js').ColorOf,
   *          history: {canUndo: boolean, canRedo: boolean, undoLabel: string, redoLabel: string}}} state
   *   items: {id, view, kind: own|anchored|carried, from?: record, fromTitle?}
   */
  render({ items, missing, pending, colorOf, history }) {
    const active = focusedElement();
    const focusedId = this.el.contains(active)
      ? /** @type {HTMLElement|null} */ (active.closest('[data-id]'))?.dataset.id
      : null;
    const focusedTestid = active?.dataset?.testid;
    this.count.textContent = items.length ? `(${items.length})` : '';
    this.empty.hidden = items.length > 0;
    replaceChildren(
      this.list,
      items.map((it) => {
        const differs = it.here && it.here !== it.view.quote;
        const hereText = differs ? ` Here: “${truncate(it.here, 120)}”.` : '';
        const status =
          it.kind === 'carried'
            ? `Carried over from another version: “${it.fromTitle}”.${hereText}`
            : it.kind === 'anchored'
              ? `Re-anchored: made on a different copy of this article.${hereText}`
              : '';
        /** @type {import('./annotation-card.js').CardAction[]} */
        const actions = [
          {
            label: 'Edit',
            testid: 'sidebar-edit',
            icon: ICONS.edit,
            run: () => this.on.edit(it.id),
            ariaLabel: `Edit the annotation “${it.view.quote.slice(0, 60)}”`,
          },
          {
            label: 'Delete',
            testid: 'sidebar-delete',
            icon: ICONS.trash,
            danger: true,
            run: () => this.on.remove(it.id),
            ariaLabel: `Delete the annotation “${it.view.quote.slice(0, 60)}”`,
          },
        ];
        if (it.kind === 'carried')
          actions.splice(0, 2, {
            label: 'Open the original',
            testid: 'sidebar-open-original',
            run: () => this.on.openArticle(it.from.id),
          });
        return h(
          'li',
          {
            class: `annotation-card kind-${it.kind}`,
            'data-testid': 'sidebar-item',
            'data-id': it.id,
            'data-kind': it.kind,
          },
          cardContent(it.view, {
            colorOf,
            status,
            statusKind: it.kind,
            quoteMax: 160,
            actions,
            open: () => this.on.jump(it.id),
            keepVersion: it.kind === 'carried' ? null : (i) => this.on.keepVersion(it.id, i),
          }),
        );
      }),
    );
    this.pending.hidden = !pending;
    this.missing.hidden = missing.length === 0;
    replaceChildren(
      this.missingList,
      missing.map((m) =>
        h(
          'li',
          {
            class: 'annotation-card kind-missing',
            'data-testid': 'missing-item',
            'data-id': m.id,
            'data-orphan': m.orphan ? 'true' : null,
          },
          cardContent(
            m.view,
            m.orphan
              ? {
                  colorOf,
                  quoteMax: 160,
                  status:
                    'Made on another copy of this article; the passage was not found here (an orphan, kept).',
                  statusKind: 'orphan',
                  actions: [
                    {
                      label: 'Attach…',
                      testid: 'missing-attach',
                      icon: ICONS.link,
                      run: () => this.on.attach(m.id),
                    },
                  ],
                }
              : {
                  colorOf,
                  quoteMax: 160,
                  status: `Made on “${m.fromTitle}”; the passage is not in this version.`,
                  statusKind: 'missing',
                  actions: [
                    {
                      label: 'Open that version',
                      testid: 'missing-open',
                      run: () => this.on.openArticle(m.from.id),
                    },
                  ],
                },
          ),
        ),
      ),
    );
    this.undoButton.disabled = !history.canUndo;
    this.redoButton.disabled = !history.canRedo;
    this.undoButton.title = history.canUndo
      ? `Undo ${history.undoLabel.toLowerCase()} (Ctrl+Z)`
      : 'Nothing to undo';
    this.redoButton.title = history.canRedo
      ? `Redo ${history.redoLabel.toLowerCase()} (Ctrl+Shift+Z)`
      : 'Nothing to redo';
    if (focusedId) {
      const li = this.list.querySelector(`li[data-id="${CSS.escape(focusedId)}"]`);
      (
        li?.querySelector(`[data-testid="${CSS.escape(focusedTestid || 'card-open')}"]`) ??
        li?.querySelector('button')
      )?.focus({ preventScroll: true });
    }
  }

  /** Focuses the item of annotation `id` (its quote button); false when it is not listed. */
  focusItem(id) {
    const button = this.list.querySelector(`li[data-id="${CSS.escape(id)}"] [data-testid="card-open"]`);
    if (!button) return false;
    button.focus({ preventScroll: true });
    button.scrollIntoView({ block: 'nearest' });
    return true;
  }

  /** Focuses the first item (or the sidebar itself). */
  focusFirst() {
    const button = this.list.querySelector('[data-testid="card-open"]');
    if (button) button.focus();
    else {
      this.el.tabIndex = -1;
      this.el.focus();
    }
  }

  static summary(n) {
    return plural(n, 'annotation');
  }
}
