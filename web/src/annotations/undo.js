// Undo and redo for annotation changes. Each step records, for every annotation it touched, the
// version before and after (null: absent). Undo writes the "before" versions back, redo the
// "after" ones; the app gives each a fresh `modified` time so that other tabs take it
// (last writer wins). Pure.

export class UndoStack {
  constructor(limit = 200) {
    this.limit = limit;
    this.done = [];
    this.undone = [];
  }

  /**
   * @param {{label: string, before: Map<string, object|null>, after: Map<string, object|null>}} step
   */
  push(step) {
    if (!step || !step.before || !step.after || step.before.size === 0) return;
    this.done.push(step);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  get canUndo() {
    return this.done.length > 0;
  }

  get canRedo() {
    return this.undone.length > 0;
  }

  /** The label of the step undo would revert ("" when none). */
  get undoLabel() {
    return this.done.at(-1)?.label ?? '';
  }

  get redoLabel() {
    return this.undone.at(-1)?.label ?? '';
  }

  /** @returns {{label: string, apply: Map<string, object|null>}|null} what to write */
  undo() {
    const step = this.done.pop();
    if (!step) return null;
    this.undone.push(step);
    return { label: step.label, apply: step.before };
  }

  redo() {
    const step = this.undone.pop();
    if (!step) return null;
    this.done.push(step);
    return { label: step.label, apply: step.after };
  }

  clear() {
    this.done = [];
    this.undone = [];
  }
}
