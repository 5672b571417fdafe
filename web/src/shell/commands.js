// The keyboard: a key press becomes a command (keys.js says which, from where the focus is), and a
// command becomes what the app does. The annotation toolbar's Esc comes first.
import { commandFor } from './keys.js';
import { isControl, isEditable } from './dom.js';

/**
 * @param {import('./app.js').App} app
 * @param {KeyboardEvent} e
 */
export function handleKey(app, e) {
  if (e.defaultPrevented || e.isComposing) return;
  const target = /** @type {HTMLElement} */ (e.target);
  if (e.key === 'Escape' && app.annotations.toolbar.shown && !app.anyDialogOpen()) {
    app.annotations.toolbar.hide();
    if (app.annotations.attach.id) app.annotations.attach.cancel();
    e.preventDefault();
    return;
  }
  const command = commandFor(e, {
    view: app.view,
    editable: isEditable(target),
    control: isControl(target),
    dialogOpen: app.anyDialogOpen(),
    onHighlight: Boolean(target?.classList?.contains('hl')),
    onSentence: Boolean(target?.classList?.contains('sentence')),
  });
  if (!command) return;
  const handled = runCommand(app, command);
  if (handled !== false) e.preventDefault();
}

/**
 * Runs a command (keys.js commandFor).
 * @param {import('./app.js').App} app
 * @param {string} command
 * @returns {boolean|void} false: not handled here (the browser does what the key does)
 */
function runCommand(app, command) {
  switch (command) {
    case 'help':
      app.shortcutsDialog.open();
      return true;
    case 'next':
      return app.view === 'library' ? app.library.move(1) : app.step(1);
    case 'previous':
      return app.view === 'library' ? app.library.move(-1) : app.step(-1);
    case 'first':
      return app.library.move('first');
    case 'last':
      return app.library.move('last');
    case 'open':
      if (app.library.selectedId) app.openArticle(app.library.selectedId);
      return true;
    case 'remove':
      if (app.library.selectedId) app.removeArticles([app.library.selectedId]);
      return true;
    case 'back':
      if (app.view === 'compare' || app.view === 'variants') app.stories.back();
      else app.showLibrary();
      return true;
    case 'next-change':
      return app.view === 'compare' ? app.stories.stepChange(1) : app.stories.variantsView.step(1);
    case 'previous-change':
      return app.view === 'compare' ? app.stories.stepChange(-1) : app.stories.variantsView.step(-1);
    case 'swap':
      app.stories.swap();
      return true;
    case 'toggle-original':
      app.toggleOriginal();
      return true;
    case 'next-sentence':
      return app.readerView.moveSentence(1);
    case 'previous-sentence':
      return app.readerView.moveSentence(-1);
    case 'undo':
      if (app.view === 'library') return false;
      app.annotations.undo();
      return true;
    case 'redo':
      if (app.view === 'library') return false;
      app.annotations.redo();
      return true;
    case 'tag':
      return app.annotations.openEditor('tags');
    case 'note':
      return app.annotations.openEditor('note');
    case 'sidebar':
      return app.annotations.focusSidebar();
    case 'highlight-card':
      return app.annotations.openCard(document.activeElement);
    case 'delete-highlight':
      return app.annotations.deleteFocused();
    case 'highlight-back':
      return app.annotations.highlightBack();
    case 'sentence-card':
      return app.annotations.openSentenceCard(document.activeElement);
    default:
      if (command.startsWith('tag-')) return app.annotations.quickTag(Number(command.slice(4)));
      return false;
  }
}
