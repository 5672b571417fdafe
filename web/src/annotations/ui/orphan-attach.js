// Attaching an orphan (an annotation found in no article) by hand: the user opens an article,
// selects the passage it belongs to and chooses "Attach here", which re-targets it (undoable).
import { viewOf } from '../annotation-model.js';
import { truncate } from '../../shell/format.js';

/**
 * What attaching needs of the annotations and the page.
 * @typedef {object} AttachDeps
 * @property {() => import('../annotations.js').AnnotationBook} book
 * @property {import('../../shell/messages.js').MessageList} messages
 * @property {{has(id: string): boolean}} collection
 * @property {(id: string) => void} openArticle
 * @property {() => {hide(): void}} toolbar  the selection toolbar
 * @property {() => object|undefined} currentRecord  the article in the reader
 * @property {() => {start: number, end: number}|null} selectedRange  the selection in its body (UTF-16)
 * @property {() => void} changed  the orphan being attached changed: redraw the lists
 * @property {(id: string) => void} attached  it was attached: show it
 * @property {() => void} undo
 */

export class OrphanAttach {
  /** @param {AttachDeps} deps */
  constructor(deps) {
    this.deps = deps;
    /** @type {string|null} the orphan being attached */
    this.id = null;
  }

  /** Starts attaching orphan `id`: the user opens an article and selects its passage. */
  start(id) {
    const r = this.deps.book().get(id);
    if (!r) return;
    this.id = id;
    const quote = viewOf(r.annotation).quote;
    this.deps.messages.show({
      kind: 'info',
      key: 'attach',
      text: `Attaching “${truncate(quote, 80)}”: open an article, select the passage it belongs to, then choose “Attach here”.`,
      action: { label: 'Cancel', run: () => this.cancel() },
    });
    const near = r.anchor?.near && this.deps.collection.has(r.anchor.near) ? r.anchor.near : null;
    if (near) this.deps.openArticle(near);
    this.deps.changed();
  }

  cancel() {
    this.id = null;
    this.deps.toolbar().hide();
    this.deps.messages.dismissKey('attach');
    this.deps.changed();
  }

  /** "Attach here": the selection in the reader becomes the orphan's place. */
  async here() {
    const id = this.id;
    const record = this.deps.currentRecord();
    const range = this.deps.selectedRange();
    if (!id || !record || !range) return;
    document.getSelection()?.removeAllRanges();
    this.deps.toolbar().hide();
    try {
      await this.deps.book().attach(id, record, range);
    } catch (error) {
      this.deps.messages.show({
        kind: 'error',
        key: 'attach',
        text: `The annotation could not be attached: ${error?.message || error}.`,
      });
      return;
    }
    this.id = null;
    this.deps.messages.show({
      kind: 'success',
      key: 'attach',
      text: 'Attached the annotation to the selected passage.',
      action: { label: 'Undo', run: () => this.deps.undo() },
    });
    this.deps.attached(id);
  }

  // --- window.lectern --------------------------------------------------------------------------
}
