// Modal dialogs (native <dialog>): paste text, keyboard shortcuts, confirmation.
import { h, icon, ICONS } from './dom.js';
import { SHORTCUTS } from './keys.js';

function dialogShell(testid, titleText, ...content) {
  const titleId = `${testid}-title`;
  const dialog = h(
    'dialog',
    { class: 'dialog', 'data-testid': testid, 'aria-labelledby': titleId },
    h(
      'div',
      { class: 'dialog-head' },
      h('h2', { id: titleId }, titleText),
      h(
        'button',
        {
          type: 'button',
          class: 'icon-button',
          'aria-label': 'Close',
          'data-testid': `${testid}-close`,
          onclick: () => dialog.close('cancel'),
        },
        icon(ICONS.close),
      ),
    ),
    ...content,
  );
  // A click on the backdrop (outside the dialog's box) closes it.
  dialog.addEventListener('click', (e) => {
    if (e.target !== dialog) return;
    const r = dialog.getBoundingClientRect();
    if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom)
      dialog.close('cancel');
  });
  return dialog;
}

export class PasteDialog {
  /** @param {(text: string) => void} onSubmit */
  constructor(onSubmit) {
    this.textarea = h('textarea', {
      id: 'paste-text',
      class: 'paste-text',
      'data-testid': 'paste-textarea',
      rows: '14',
      placeholder: 'Paste the text of an article here (a headline on the first line helps).',
      spellcheck: 'false',
    });
    this.submit = h(
      'button',
      { type: 'submit', class: 'button primary', 'data-testid': 'paste-submit' },
      'Add article',
    );
    const form = h(
      'form',
      { method: 'dialog', class: 'dialog-body' },
      h('label', { for: 'paste-text', class: 'field-label' }, 'Article text'),
      this.textarea,
      h(
        'p',
        { class: 'hint' },
        'Tip: you can also press Ctrl+V (⌘V on a Mac) anywhere on the page, outside a text field.',
      ),
      h(
        'div',
        { class: 'dialog-actions' },
        h(
          'button',
          { type: 'button', class: 'button quiet', onclick: () => this.dialog.close('cancel') },
          'Cancel',
        ),
        this.submit,
      ),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const text = this.textarea.value;
      if (!text.trim()) {
        this.textarea.focus();
        return;
      }
      this.dialog.close('ok');
      this.textarea.value = '';
      onSubmit(text);
    });
    this.textarea.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.requestSubmit();
    });
    this.dialog = dialogShell('paste-dialog', 'Paste text as a new article', form);
    this.el = this.dialog;
  }

  open() {
    this.dialog.showModal();
    this.textarea.focus();
  }
}

export class ShortcutsDialog {
  constructor() {
    const rows = SHORTCUTS.map(({ keys, action }) =>
      h(
        'tr',
        {},
        h(
          'th',
          { scope: 'row' },
          keys.flatMap((k, i) =>
            i ? [keys[0] === 'Ctrl' ? ' + ' : ' or ', h('kbd', {}, k)] : [h('kbd', {}, k)],
          ),
        ),
        h('td', {}, action),
      ),
    );
    this.dialog = dialogShell(
      'shortcuts-dialog',
      'Keyboard shortcuts',
      h(
        'div',
        { class: 'dialog-body' },
        h('table', { class: 'shortcuts' }, h('tbody', {}, rows)),
        h(
          'div',
          { class: 'dialog-actions' },
          h(
            'button',
            { type: 'button', class: 'button primary', onclick: () => this.dialog.close() },
            'Close',
          ),
        ),
      ),
    );
    this.el = this.dialog;
  }

  open() {
    if (!this.dialog.open) this.dialog.showModal();
  }
}

export class ConfirmDialog {
  constructor() {
    this.text = h('p', { 'data-testid': 'confirm-text' });
    this.ok = h(
      'button',
      {
        type: 'button',
        class: 'button danger-solid',
        'data-testid': 'confirm-ok',
        onclick: () => this.dialog.close('ok'),
      },
      'OK',
    );
    this.cancel = h(
      'button',
      {
        type: 'button',
        class: 'button quiet',
        'data-testid': 'confirm-cancel',
        onclick: () => this.dialog.close('cancel'),
      },
      'Cancel',
    );
    this.heading = 'Are you sure?';
    this.dialog = dialogShell(
      'confirm-dialog',
      'Are you sure?',
      h(
        'div',
        { class: 'dialog-body' },
        this.text,
        h('div', { class: 'dialog-actions' }, this.cancel, this.ok),
      ),
    );
    this.el = this.dialog;
  }

  /** @returns {Promise<boolean>} */
  ask({ title, text, confirmLabel = 'OK' }) {
    this.dialog.querySelector('h2').textContent = title;
    this.text.textContent = text;
    this.ok.textContent = confirmLabel;
    this.dialog.returnValue = '';
    this.dialog.showModal();
    this.cancel.focus();
    return new Promise((resolve) => {
      this.dialog.addEventListener('close', () => resolve(this.dialog.returnValue === 'ok'), { once: true });
    });
  }
}
