// The footer's line about storage ("Saved in this browser", …) and the warning when it fails.
import { h } from '../shell/dom.js';
import { describeStorageError } from './store.js';

export class StorageStatus {
  /**
   * @param {object} deps
   * @param {import('../shell/messages.js').MessageList} deps.messages
   * @param {() => {persistent: boolean}|null} deps.store  the store, once opened
   * @param {() => boolean} deps.unsaved  annotations are kept only in memory (their storage failed)
   */
  constructor(deps) {
    this.deps = deps;
    this.warned = false;
    this.el = h('span', { class: 'storage-status', 'data-testid': 'storage-status' }, 'Opening storage…');
  }

  /**
   * Storage failed: articles saved here could not be read ('read'), or something could not be saved.
   * @param {unknown} error
   * @param {'read'|'write'} [action]
   */
  failed(error, action = 'write') {
    this.warned = true;
    this.update(true);
    this.deps.messages.show({
      kind: 'warning',
      key: 'storage',
      text:
        action === 'read'
          ? `Lectern could not read the articles saved in this browser: ${describeStorageError(error, action)}.`
          : `Lectern could not save to this browser's storage: ${describeStorageError(error, action)}. Everything imported is still here until you close or reload the page; remove articles you no longer need to make room.`,
    });
  }

  /** The footer's line: saved, not saved (no storage), or failed (`failed`, or unsaved annotations). */
  update(failed = this.warned) {
    const persistent = Boolean(this.deps.store()?.persistent);
    const unsaved = this.deps.unsaved();
    this.el.textContent = !persistent
      ? 'Not saved: storage unavailable'
      : failed || unsaved
        ? 'Storage failed: recent changes may not be saved'
        : 'Saved in this browser';
    this.el.classList.toggle('warn', !persistent || failed);
  }

  // --- Removing -------------------------------------------------------------------------------

  /**
   * The annotations' storage failed: they are kept in memory and written with the next change.
   * @param {unknown} error
   * @param {'read'|'write'} action
   * @param {() => void} exportNow  offered when a write failed
   */
  annotationsFailed(error, action, exportNow) {
    this.deps.messages.show({
      kind: 'warning',
      key: 'annotation-storage',
      text:
        action === 'read'
          ? `Lectern could not read the annotations saved in this browser: ${describeStorageError(error, 'read')}.`
          : `Your annotations could not be saved in this browser: ${describeStorageError(error, 'write')}. They are kept on this page and saved as soon as storage works again; export them (Annotations → Export) to keep a copy.`,
      action: action === 'read' ? null : { label: 'Export now', run: exportNow },
    });
    this.update(true);
  }
}
