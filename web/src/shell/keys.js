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
  {
    keys: ['1–9'],
    action:
      'Reader: tag the selected text (or the focused sentence) with tag 1–9; on a highlight, add or remove that tag',
  },
  { keys: ['t'], action: 'Reader: tag the selected text or the focused sentence; on a highlight, edit it' },
  { keys: ['n'], action: 'Reader: add a note to the selected text or the focused sentence' },
  { keys: ['a'], action: "Reader: go to the list of this article's annotations" },
  {
    keys: ['Enter'],
    action:
      'Reader, on a sentence or a highlight: show its annotations (on a highlight, Delete deletes it and Esc goes back to the list)',
  },
  { keys: ['Ctrl', 'Z'], action: 'Undo the last change to annotations (Ctrl+Shift+Z or Ctrl+Y: redo)' },
  { keys: ['Delete'], action: 'Library: remove the selected article (can be undone)' },
  { keys: ['n', 'j'], action: 'Compare and variants: go to the next change (p or k: the previous one)' },
  { keys: ['s'], action: 'Compare: swap the two sides' },
  { keys: ['Ctrl', 'V'], action: 'Paste text anywhere outside a text field to add it as an article' },
  { keys: ['?'], action: 'Show these shortcuts' },
]);

/**
 * @param {{key: string, ctrlKey?: boolean, metaKey?: boolean, altKey?: boolean, shiftKey?: boolean}} event
 * @param {{view: string, editable?: boolean, control?: boolean, dialogOpen?: boolean, onHighlight?: boolean,
 *          onSentence?: boolean}} context
 *   view: library | reader | annotations | entities | compare | variants (router.js parseHash);
 *   editable: focus is in a text field; control: focus is on a button, link or form control (which
 *   Enter and Space activate themselves); dialogOpen: a modal dialog is open; onHighlight: focus is
 *   on a highlight in the reader; onSentence: on a sentence.
 * @returns {string|null} a command name, or null to leave the key to the browser
 */
export function commandFor(event, context) {
  if (context.editable || context.dialogOpen) return null;
  if ((event.ctrlKey || event.metaKey) && !event.altKey) {
    const k = String(event.key).toLowerCase();
    if (k === 'z') return event.shiftKey ? 'redo' : 'undo';
    if (k === 'y' && !event.shiftKey) return 'redo';
    return null;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const { key } = event;
  if (key === '?') return 'help';
  if (context.view === 'library') {
    switch (key) {
      case 'j':
      case 'ArrowDown':
        return 'next';
      case 'k':
      case 'ArrowUp':
        return 'previous';
      case 'Home':
        return context.control ? null : 'first';
      case 'End':
        return context.control ? null : 'last';
      case 'Enter':
        return context.control ? null : 'open';
      case 'Delete':
        return context.control ? null : 'remove';
      default:
        return null;
    }
  }
  if (context.view === 'reader') {
    if (/^[1-9]$/u.test(key)) return `tag-${key}`;
    if (context.onSentence && key === 'Enter') return 'sentence-card';
    if (context.onHighlight) {
      if (key === 'Enter') return 'highlight-card';
      if (key === 'Delete' || key === 'Backspace') return 'delete-highlight';
      if (key === 'Escape') return 'highlight-back';
    }
    switch (key) {
      case 't':
      case 'T':
        return 'tag';
      case 'n':
      case 'N':
        return 'note';
      case 'a':
      case 'A':
        return 'sidebar';
      case 'j':
      case 'ArrowDown':
        return 'next';
      case 'k':
      case 'ArrowUp':
        return 'previous';
      case 'Escape':
        return 'back';
      case 'o':
      case 'O':
        return 'toggle-original';
      case 'ArrowRight':
        return 'next-sentence';
      case 'ArrowLeft':
        return 'previous-sentence';
      default:
        return null;
    }
  }
  if (context.view === 'annotations' || context.view === 'entities') {
    if (key === 'Escape') return 'back';
  }
  if (context.view === 'compare' || context.view === 'variants') {
    switch (key) {
      case 'n':
      case 'N':
      case 'j':
        return 'next-change';
      case 'p':
      case 'P':
      case 'k':
        return 'previous-change';
      case 's':
      case 'S':
        return context.view === 'compare' ? 'swap' : null;
      case 'Escape':
        return 'back';
      default:
        return null;
    }
  }
  return null;
}
