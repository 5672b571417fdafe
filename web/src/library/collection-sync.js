// The collection shared between the page's open tabs: a tab that stores or removes articles says
// which (ids only, on a channel of its own: annotations/tab-bus.js), and the others read those
// records from storage and add or drop them, so a second tab sees an import without a reload.
// What is heard twice, or about articles already here, changes nothing.
import { isValidRecord } from './records.js';

const NAMES = { channel: 'lectern-articles', pingKey: 'lectern.articles.ping' };
/** Another tab's import says something every part: the views catch up at most this often. */
const SETTLE_MS = 300;

/**
 * @typedef {object} SyncDeps
 * @property {() => {getArticles(ids: string[]): Promise<object[]>} | null} store
 * @property {import('./collection.js').Collection} collection
 * @property {(change: {added: string[], removed: string[]}) => void} changed  after another tab's change
 * @property {(receive: (m: {type: string, ids?: string[]}) => void, names: object) => {post(m: object): void}} bus
 */

export class CollectionSync {
  /** @param {SyncDeps} deps */
  constructor(deps) {
    this.deps = deps;
    /** @type {Promise<unknown>} what other tabs said, applied in order */
    this.applying = Promise.resolve();
    this.pending = { added: new Set(), removed: new Set() };
    /** @type {ReturnType<typeof setTimeout>|undefined} */
    this.timer = undefined;
    this.bus = deps.bus((m) => this.receive(m), NAMES);
  }

  /** These records were stored here. */
  stored(ids) {
    this.post('stored', ids);
  }

  /** These articles were removed here. */
  removed(ids) {
    this.post('removed', ids);
  }

  post(type, ids) {
    this.bus.post({ type, ids }); // in pieces of a few thousand ids (annotations/tab-bus.js)
  }

  /** @param {{type: string, ids?: string[]}} m */
  receive(m) {
    const ids = Array.isArray(m?.ids) ? m.ids.filter((id) => typeof id === 'string') : [];
    if (!ids.length) return this.applying;
    this.applying = this.applying
      .then(() => (m.type === 'stored' ? this.add(ids) : m.type === 'removed' ? this.drop(ids) : null))
      .catch((error) => console.warn('another tab’s change to the collection was not applied', error));
    return this.applying;
  }

  async add(ids) {
    const missing = ids.filter((id) => !this.deps.collection.has(id));
    const store = this.deps.store();
    if (!missing.length || !store) return;
    const records = (await store.getArticles(missing)).filter(isValidRecord);
    for (const r of records) {
      if (!this.deps.collection.add(r)) continue;
      this.pending.added.add(r.id);
      this.pending.removed.delete(r.id);
    }
    this.settle();
  }

  drop(ids) {
    for (const id of ids) {
      if (!this.deps.collection.remove(id)) continue;
      if (!this.pending.added.delete(id)) this.pending.removed.add(id);
    }
    this.settle();
  }

  /** Tells the page what changed, once things have been quiet for a moment (or now, when `now`). */
  settle(now = false) {
    clearTimeout(this.timer);
    const flush = () => {
      const added = [...this.pending.added];
      const removed = [...this.pending.removed];
      this.pending = { added: new Set(), removed: new Set() };
      if (added.length || removed.length) this.deps.changed({ added, removed });
    };
    if (now) flush();
    else this.timer = setTimeout(flush, SETTLE_MS);
  }
}
