// The annotation editor (a modal <dialog>): tags made on the fly, each with its colour (its swatch
// changes it) and its 1–9 shortcut, and a note in plain text or Markdown with a live, safe preview.
import { h, icon, ICONS, isEditable, replaceChildren, focusedElement } from '../../shell/dom.js';
import { renderNote } from './note-view.js';
import { truncate } from '../../shell/format.js';
import { normaliseTagName } from '../tags.js';

export class AnnotationEditor {
  /**
   * @param {{tags: () => import('../tags.js').TagSet, setColor(name: string, color: string): Promise<void>|void}} deps
   */
  constructor(deps) {
    this.deps = deps;
    this.selected = [];
    this.handlers = null;
    this.titleEl = h('h2', { id: 'editor-title' }, 'Highlight');
    this.quote = h('blockquote', { class: 'editor-quote', 'data-testid': 'editor-quote' });
    this.chips = h('div', {
      class: 'tag-chips',
      role: 'group',
      'aria-label': 'Tags (1–9 toggle the first nine)',
      'data-testid': 'editor-tags',
    });
    this.newTag = h('input', {
      type: 'text',
      class: 'text-input',
      id: 'editor-new-tag',
      'data-testid': 'editor-new-tag',
      autocomplete: 'off',
      placeholder: 'New tag, then Enter',
      maxlength: '60',
      list: 'editor-tag-suggestions',
      'aria-label': 'Add a tag',
    });
    this.suggestions = h('datalist', { id: 'editor-tag-suggestions' });
    this.note = h('textarea', {
      id: 'editor-note',
      class: 'note-input',
      'data-testid': 'editor-note',
      rows: '4',
      placeholder: 'A note (optional). Markdown: **bold**, *italic*, [text](address), - lists',
    });
    this.markdown = h('input', {
      type: 'checkbox',
      id: 'editor-markdown',
      'data-testid': 'editor-markdown',
      checked: true,
    });
    this.preview = h('div', {
      class: 'note-preview card-note',
      'data-testid': 'editor-preview',
      'aria-live': 'polite',
      hidden: true,
    });
    this.extra = h('div', { class: 'editor-extra' });
    this.deleteButton = h(
      'button',
      {
        type: 'button',
        class: 'button quiet danger',
        'data-testid': 'editor-delete',
        onclick: () => this.finish('delete'),
      },
      icon(ICONS.trash),
      'Delete',
    );
    this.saveButton = h(
      'button',
      { type: 'submit', class: 'button primary', 'data-testid': 'editor-save' },
      'Save',
    );
    const form = h(
      'form',
      { method: 'dialog', class: 'editor-form' },
      h(
        'div',
        { class: 'dialog-head' },
        this.titleEl,
        h(
          'button',
          {
            type: 'button',
            class: 'icon-button',
            'aria-label': 'Close',
            'data-testid': 'editor-close',
            onclick: () => this.finish('cancel'),
          },
          icon(ICONS.close),
        ),
      ),
      h(
        'div',
        { class: 'dialog-body' },
        this.quote,
        h(
          'fieldset',
          { class: 'editor-field' },
          h(
            'legend',
            { class: 'field-label' },
            'Tags ',
            h('span', { class: 'hint-inline' }, '1–9 toggle the first nine'),
          ),
          this.chips,
          h('div', { class: 'new-tag-row' }, this.newTag, this.suggestions),
        ),
        h(
          'div',
          { class: 'editor-field' },
          h(
            'div',
            { class: 'note-label-row' },
            h('label', { for: 'editor-note', class: 'field-label' }, 'Note'),
            h('label', { class: 'checkbox' }, this.markdown, 'Markdown'),
          ),
          this.note,
          this.preview,
        ),
        this.extra,
      ),
      h(
        'div',
        { class: 'dialog-actions editor-actions' },
        this.deleteButton,
        h('span', { class: 'toolbar-spacer' }),
        h(
          'button',
          {
            type: 'button',
            class: 'button quiet',
            'data-testid': 'editor-cancel',
            onclick: () => this.finish('cancel'),
          },
          'Cancel',
        ),
        this.saveButton,
      ),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.finish('save');
    });
    this.newTag.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.isComposing) {
        e.preventDefault();
        if (e.ctrlKey || e.metaKey) {
          this.addTyped();
          this.finish('save');
          return;
        }
        this.addTyped();
      }
    });
    this.newTag.addEventListener('change', () => {
      // Picking a suggestion adds it.
      if (this.deps.tags().has(this.newTag.value)) this.addTyped();
    });
    this.note.addEventListener('input', () => this.updatePreview());
    this.markdown.addEventListener('change', () => this.updatePreview());
    this.dialog = h(
      'dialog',
      {
        class: 'dialog annotation-editor',
        'data-testid': 'annotation-editor',
        'aria-labelledby': 'editor-title',
      },
      form,
    );
    this.dialog.addEventListener('keydown', (e) => this.onKey(e));
    this.dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      this.finish('cancel');
    });
    this.el = this.dialog;
  }

  /**
   * @param {{mode: 'new'|'edit', quote: string, tags?: string[], note?: string, noteFormat?: string,
   *          focus?: 'tags'|'note', rect?: DOMRect, extra?: Node[]}} o
   * @param {{save(result: {tags: string[], note: string, noteFormat: string}): void, remove?(): void,
   *   closed?(how: string): void}} handlers
   */
  open(
    {
      mode,
      quote,
      tags = [],
      note = '',
      noteFormat = 'text/markdown',
      focus = 'tags',
      rect = null,
      extra = [],
    },
    handlers,
  ) {
    this.handlers = handlers;
    this.mode = mode;
    this.titleEl.textContent = mode === 'edit' ? 'Edit annotation' : 'Highlight and tag';
    this.quote.textContent = `“${truncate(quote, 300)}”`;
    this.selected = [...tags];
    this.note.value = note;
    this.markdown.checked = noteFormat === 'text/markdown';
    this.deleteButton.hidden = mode !== 'edit';
    this.saveButton.textContent = mode === 'edit' ? 'Save' : 'Highlight';
    replaceChildren(this.extra, extra);
    this.newTag.value = '';
    this.renderChips();
    this.updatePreview();
    if (!this.dialog.open) this.dialog.showModal();
    this.dialog.classList.toggle('placed', Boolean(rect));
    if (rect) {
      const box = this.dialog.getBoundingClientRect();
      const vh = window.innerHeight;
      const vw = document.documentElement.clientWidth;
      let top = rect.bottom + 10;
      if (top + box.height > vh - 8) top = Math.max(8, rect.top - box.height - 10);
      if (top + box.height > vh - 8) top = Math.max(8, vh - box.height - 8);
      const left = Math.max(8, Math.min(rect.left, vw - box.width - 8));
      this.dialog.style.setProperty('top', `${Math.round(top)}px`);
      this.dialog.style.setProperty('left', `${Math.round(left)}px`);
      this.dialog.style.setProperty('max-height', `${Math.round(vh - top - 8)}px`);
    } else {
      this.dialog.style.removeProperty('top');
      this.dialog.style.removeProperty('left');
      this.dialog.style.removeProperty('max-height');
    }
    if (focus === 'note') this.note.focus();
    else (this.chips.querySelector('button') ?? this.newTag).focus();
    if (focus !== 'note' && !this.chips.querySelector('button')) this.newTag.focus();
  }

  get isOpen() {
    return this.dialog.open;
  }

  renderChips() {
    const tags = this.deps.tags();
    const all = tags.list();
    // Tags the annotation has that the list lacks (cannot happen after ensure, but be safe).
    for (const n of this.selected) if (!tags.has(n)) all.push({ name: n, color: tags.colorOf(n) });
    replaceChildren(
      this.chips,
      all.map((t) => {
        const on = this.selected.some((s) => s.toLocaleLowerCase('en') === t.name.toLocaleLowerCase('en'));
        const shortcut = tags.shortcutOf(t.name);
        const color = h('input', {
          type: 'color',
          class: 'tag-color',
          value: t.color,
          'data-testid': 'editor-tag-color',
          'data-tag': t.name,
          'aria-label': `Colour of the tag ${t.name}`,
          title: `Change the colour of “${t.name}”`,
        });
        color.addEventListener('change', async () => {
          await this.deps.setColor(t.name, color.value);
          this.renderChips();
        });
        return h(
          'span',
          { class: `chip-group${on ? ' on' : ''}` },
          color,
          h(
            'button',
            {
              type: 'button',
              class: 'chip-toggle',
              'aria-pressed': String(on),
              'data-testid': 'editor-tag',
              'data-tag': t.name,
              onclick: () => this.toggle(t.name),
              title: shortcut ? `Add or remove “${t.name}” (${shortcut})` : `Add or remove “${t.name}”`,
            },
            h('span', { class: 'tag-name' }, t.name),
            shortcut ? h('kbd', { 'aria-hidden': 'true' }, String(shortcut)) : null,
          ),
        );
      }),
    );
    replaceChildren(
      this.suggestions,
      all.map((t) => h('option', { value: t.name })),
    );
  }

  toggle(name) {
    const k = name.toLocaleLowerCase('en');
    const had = this.selected.some((s) => s.toLocaleLowerCase('en') === k);
    this.selected = had
      ? this.selected.filter((s) => s.toLocaleLowerCase('en') !== k)
      : [...this.selected, name];
    const focused = focusedElement()?.dataset?.tag;
    this.renderChips();
    if (focused) this.chips.querySelector(`button[data-tag="${CSS.escape(focused)}"]`)?.focus();
  }

  addTyped() {
    const name = normaliseTagName(this.newTag.value);
    if (!name) return;
    const tag = this.deps.tags().ensure(name);
    if (!this.selected.some((s) => s.toLocaleLowerCase('en') === tag.name.toLocaleLowerCase('en')))
      this.selected.push(tag.name);
    this.newTag.value = '';
    this.renderChips();
    this.newTag.focus();
  }

  updatePreview() {
    const md = this.markdown.checked && this.note.value.trim();
    this.preview.hidden = !md;
    if (md)
      replaceChildren(
        this.preview,
        h('p', { class: 'preview-label' }, 'Preview'),
        renderNote(this.note.value, 'text/markdown'),
      );
  }

  onKey(e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.addTyped();
      this.finish('save');
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || isEditable(e.target)) return;
    if (/^[1-9]$/u.test(e.key)) {
      const tag = this.deps.tags().byShortcut(Number(e.key));
      if (tag) {
        e.preventDefault();
        this.toggle(tag.name);
      }
    }
  }

  finish(how) {
    const handlers = this.handlers;
    this.handlers = null;
    if (how === 'save') this.addTyped();
    const result = {
      tags: [...this.selected],
      note: this.note.value,
      noteFormat: this.markdown.checked ? 'text/markdown' : 'text/plain',
    };
    if (this.dialog.open) this.dialog.close();
    if (!handlers) return;
    if (how === 'save') handlers.save(result);
    else if (how === 'delete') handlers.remove?.();
    handlers.closed?.(how);
  }
}
