// Keyboard shortcuts: which command a key press means in which view. Pure, so it is testable and
// the help dialog lists exactly what is handled.

/** Shown in the "?" dialog: [keys, what they do]. */
export const SHORTCUTS = Object.freeze([
  { keys: ['j', '↓'], action: 'Next article (in the library and in the reader)' },
  { keys: ['k', '↑'], action: 'Previous article' },
  { keys: ['Enter'], action: 'Open the selected article' },
  { keys: ['Esc'], action: 'Back to the library' },
  { keys: ['o'], action: 'Reader: switch between cleaned and original text' },
  { keys: ['→', '←'], action: 'Reader: next / previous sentence (Tab also moves through sentences)' },
  { keys: ['Delete'], action: 'Library: remove the selected article (can be undone)' },
  { keys: ['Ctrl', 'V'], action: 'Paste text anywhere outside a text field to add it as an article' },
  { keys: ['?'], action: 'Show these shortcuts' },
]);

/**
 * @param {{key: string, ctrlKey?: boolean, metaKey?: boolean, altKey?: boolean}} event
 * @param {{view: 'library'|'reader', editable?: boolean, control?: boolean, dialogOpen?: boolean}} context
 *   editable: focus is in a text field; control: focus is on a button, link or form control (which
 *   Enter and Space activate themselves); dialogOpen: a modal dialog is open.
 * @returns {string|null} a command name, or null to leave the key to the browser
 */
export function commandFor(event, context) {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (context.editable || context.dialogOpen) return null;
  const { key } = event;
  if (key === '?') return 'help';
  if (context.view === 'library') {
    switch (key) {
      case 'j': case 'ArrowDown': return 'next';
      case 'k': case 'ArrowUp': return 'previous';
      case 'Home': return context.control ? null : 'first';
      case 'End': return context.control ? null : 'last';
      case 'Enter': return context.control ? null : 'open';
      case 'Delete': return context.control ? null : 'remove';
      default: return null;
    }
  }
  if (context.view === 'reader') {
    switch (key) {
      case 'j': case 'ArrowDown': return 'next';
      case 'k': case 'ArrowUp': return 'previous';
      case 'Escape': return 'back';
      case 'o': case 'O': return 'toggle-original';
      case 'ArrowRight': return 'next-sentence';
      case 'ArrowLeft': return 'previous-sentence';
      default: return null;
    }
  }
  return null;
}
