// Persistence of the collection in IndexedDB: database "lectern", object store "articles" (records
// keyed by `id`, the content key of the body), "originals" ({id, text}: an article's text as read,
// apart from its record so that loading the library neither copies nor keeps it; the reader asks
// for it; a removal leaves it, so that Undo brings the article back whole, and the next start
// sweeps those of articles that stayed removed), "meta" (key → value, e.g. "initialised") and
// "annotations" (see below).
//
// Annotations: one record per annotation, keyed by its id, indexed by "hash" (the content hash of
// the article it was made on, from its target): {id, hash, modified, annotation (the W3C JSON-LD
// object as the core made it), anchor? (where it was placed in this collection when its own
// article is not here: {article, start, end (code points), score, match, status}), deleted?
// (a tombstone, so that an older write from another tab cannot bring it back)}. Writes are
// per record, last writer wins by `modified` (annotation-model.js isNewer), checked in the same
// transaction: a tab never overwrites a newer version another tab wrote.
// When IndexedDB cannot be opened, a MemoryStore with the same interface keeps the page working
// (`persistent: false`, `reason` says why). Requests and transactions go through idb; opening
// stays here, for what idb's openDB does not do: a time limit, a late answer closed, a test's
// stand-in for indexedDB.

import { wrap } from 'idb';
import { isNewer } from '../annotations/annotation-model.js';
import { WriteChunks } from './write-chunks.js';

const DB_NAME = 'lectern';
const DB_VERSION = 3;
const ARTICLES = 'articles';
const ORIGINALS = 'originals';
const META = 'meta';
const ANNOTATIONS = 'annotations';
/** Meta key: articles were removed since the last sweep of their originals (see sweepOriginals). */
const SWEEP_KEY = 'sweep-originals';
/**
 * Records per request when everything is read: the browser copies a request's records into the
 * page in one task (about 15 ms per 1,000 articles in Chromium; 5,000 took 70 ms and more).
 */
const READ_CHUNK = 1000;

/** The database through idb: requests and transactions as promises. */
export class IdbStore {
  /** @param {IDBDatabase} db */
  constructor(db) {
    this.db = wrap(db);
    this.persistent = true;
    this.reason = '';
    /** @type {Error|null} why the browser closed the connection, once it has */
    this.closed = null;
    db.onversionchange = () => db.close(); // let a newer page upgrade the database
    // Firefox reports a failed request nobody called preventDefault on as an uncaught error, even
    // when its promise is handled: handled here, and the transaction aborted as it would have been
    // (the write's promise rejects with the request's error, and the caller says so).
    db.onerror = (event) => {
      event.preventDefault();
      try {
        /** @type {any} */ (event.target)?.transaction?.abort();
      } catch {
        /* already finished */
      }
    };
    // The browser closes a connection itself when its storage is full or cleared (Firefox, after
    // a quota error): every later transaction would throw InvalidStateError.
    db.onclose = () => {
      this.closed = Object.assign(new Error("the browser closed this page's storage"), {
        name: 'QuotaExceededError',
      });
    };
  }

  /** A transaction, or the reason there can be none (a closed connection) as a rejection. */
  transaction(storeName, mode) {
    if (this.closed) throw this.closed;
    return this.db.transaction(storeName, mode);
  }

  async loadAll() {
    return this.getAllInChunks(ARTICLES);
  }

  /**
   * Every record of a store, READ_CHUNK at a time in key order: one getAll of 100,000 records
   * holds the page while the browser copies them all; chunks let it paint and answer in between.
   */
  async getAllInChunks(storeName) {
    const out = [];
    let last;
    for (;;) {
      const range = last === undefined ? undefined : IDBKeyRange.lowerBound(last, true);
      const rows = await this.db.getAll(storeName, range, READ_CHUNK);
      for (const row of rows) out.push(row);
      if (rows.length < READ_CHUNK) return out;
      last = rows[rows.length - 1].id;
    }
  }

  /** The article records with these ids (missing ones left out). */
  async getArticles(ids) {
    const tx = this.transaction(ARTICLES, 'readonly');
    const rows = await Promise.all(ids.map((id) => tx.store.get(id)));
    return rows.filter(Boolean);
  }

  async getMeta(key) {
    return (await this.db.get(META, key))?.value;
  }

  async setMeta(key, value) {
    const tx = this.transaction(META, 'readwrite');
    const put = tx.store.put({ key, value });
    commitNow(tx);
    await Promise.all([put, tx.done]);
  }

  /**
   * Writes article records in transactions one after the other, as many per transaction as take a
   * few milliseconds to copy (write-chunks.js): each put copies its record (the whole article) in
   * the page's task, and a part of an import can hold thousands. A record's `original`, when it
   * has one, goes to the originals store, in the same transaction.
   */
  async putAll(records) {
    await new WriteChunks().each(records, async (chunk, timed) => {
      const tx = this.transaction([ARTICLES, ORIGINALS], 'readwrite');
      const [articles, originals] = [tx.objectStore(ARTICLES), tx.objectStore(ORIGINALS)];
      const puts = timed(() =>
        chunk.flatMap((r) => {
          if (typeof r.original !== 'string') return [articles.put(r)];
          const { original, ...record } = r;
          return [articles.put(record), originals.put({ id: r.id, text: original })];
        }),
      );
      commitNow(tx);
      await Promise.all([...puts, tx.done]);
    });
  }

  /** The original text of article `id`; undefined when none was stored apart (see putAll). */
  async getOriginal(id) {
    return (await this.db.get(ORIGINALS, id))?.text;
  }

  async deleteIds(ids) {
    if (ids.length) await this.removeArticles((articles) => ids.map((id) => articles.delete(id)));
  }

  async clearArticles() {
    await this.removeArticles((articles) => [articles.clear()]);
  }

  /** Removes articles and, in the same transaction, asks for a sweep of their originals. */
  async removeArticles(change) {
    const tx = this.transaction([ARTICLES, META], 'readwrite');
    const requests = [
      ...change(tx.objectStore(ARTICLES)),
      tx.objectStore(META).put({ key: SWEEP_KEY, value: true }),
    ];
    commitNow(tx);
    await Promise.all([...requests, tx.done]);
  }

  /**
   * Deletes the originals of articles no longer stored, when articles were removed since the last
   * sweep (the page calls it once it has started). Each is checked against the articles in the same
   * transaction: another tab may be storing new ones meanwhile. Returns how many were deleted.
   */
  async sweepOriginals() {
    if (!(await this.getMeta(SWEEP_KEY))) return 0;
    const tx = this.transaction([ARTICLES, ORIGINALS, META], 'readwrite');
    const articles = tx.objectStore(ARTICLES);
    const originals = tx.objectStore(ORIGINALS);
    const deletes = [];
    for (let cursor = await originals.openKeyCursor(); cursor; cursor = await cursor.continue()) {
      if ((await articles.count(cursor.key)) === 0) deletes.push(originals.delete(cursor.key));
    }
    await Promise.all([...deletes, tx.objectStore(META).delete(SWEEP_KEY), tx.done]);
    return deletes.length;
  }

  /** Every annotation record (tombstones included). */
  async loadAnnotations() {
    return this.getAllInChunks(ANNOTATIONS);
  }

  /** The records with these ids (missing ones left out). */
  async getAnnotations(ids) {
    const tx = this.transaction(ANNOTATIONS, 'readonly');
    const rows = await Promise.all(ids.map((id) => tx.store.get(id)));
    return rows.filter(Boolean);
  }

  /**
   * Writes each record unless the stored one is newer (last writer wins, checked in the same
   * transaction as the write). A big write (an import of 100,000 annotations) goes in
   * transactions of a few milliseconds' copying each (write-chunks.js), so the page is not held while the
   * browser clones them all at once; each record's check and write stay in one transaction.
   * @returns {Promise<{written: string[], stale: object[]}>} stale: the newer stored records
   */
  async putAnnotations(records) {
    const result = { written: [], stale: [] };
    await new WriteChunks().each(records, (chunk, timed) => {
      const tx = this.transaction(ANNOTATIONS, 'readwrite');
      const reads = timed(() => chunk.map((r) => tx.store.get(r.id)));
      const writes = Promise.all(reads).then((stored) => {
        const puts = timed(() =>
          chunk.map((record, k) => {
            if (!isNewer(record, stored[k])) {
              result.stale.push(stored[k]);
              return null;
            }
            result.written.push(record.id);
            return tx.store.put(record);
          }),
        );
        commitNow(tx);
        return Promise.all(puts);
      });
      return Promise.all([writes, tx.done]);
    });
    return result;
  }
}

/**
 * Asks the browser to commit `tx` now: every request of it has been made. Left to commit itself,
 * a Chromium transaction still open when the page was left (a reload, a closed tab) was lost: an
 * Undo followed at once by a reload lost the article it had brought back, 2 runs in 3
 * (tests/e2e/page.test.mjs; RELIABILITY.md, session 17).
 * @param {{commit?: () => void}} tx
 */
function commitNow(tx) {
  tx.commit?.();
}

export class MemoryStore {
  constructor(reason = '') {
    this.persistent = false;
    this.reason = reason;
    this.articles = new Map();
    /** @type {Map<string, string>} article id → original text */
    this.originals = new Map();
    this.meta = new Map();
    this.annotations = new Map();
  }

  async loadAll() {
    return [...this.articles.values()];
  }

  async getArticles(ids) {
    return ids.map((id) => this.articles.get(id)).filter(Boolean);
  }

  async getMeta(key) {
    return this.meta.get(key);
  }

  async setMeta(key, value) {
    this.meta.set(key, value);
  }

  async putAll(records) {
    for (const r of records) {
      if (typeof r.original !== 'string') {
        this.articles.set(r.id, r);
        continue;
      }
      const { original, ...record } = r;
      this.articles.set(r.id, record);
      this.originals.set(r.id, original);
    }
  }

  async getOriginal(id) {
    return this.originals.get(id);
  }

  async deleteIds(ids) {
    for (const id of ids) this.articles.delete(id);
  }

  async clearArticles() {
    this.articles.clear();
  }

  async sweepOriginals() {
    let swept = 0;
    for (const id of this.originals.keys()) {
      if (!this.articles.has(id)) {
        this.originals.delete(id);
        swept++;
      }
    }
    return swept;
  }

  async loadAnnotations() {
    return [...this.annotations.values()].map((r) => structuredClone(r));
  }

  async getAnnotations(ids) {
    return ids
      .map((id) => this.annotations.get(id))
      .filter(Boolean)
      .map((r) => structuredClone(r));
  }

  async putAnnotations(records) {
    const result = { written: [], stale: [] };
    for (const record of records) {
      const stored = this.annotations.get(record.id);
      if (isNewer(record, stored)) {
        this.annotations.set(record.id, structuredClone(record));
        result.written.push(record.id);
      } else {
        result.stale.push(structuredClone(stored));
      }
    }
    return result;
  }
}

/**
 * Opens the database, or falls back to memory.
 * @returns {Promise<IdbStore|MemoryStore>}
 */
export async function openStore({
  indexedDB = undefined,
  getIndexedDB = () => globalThis.indexedDB,
  timeoutMs = 10000,
} = {}) {
  try {
    // Reading window.indexedDB itself throws in some browsers when storage is off or broken
    // (Firefox: InvalidStateError or SecurityError).
    indexedDB ??= getIndexedDB();
  } catch (error) {
    return new MemoryStore(describeStorageError(error, 'open'));
  }
  if (!indexedDB) return new MemoryStore('this browser offers no IndexedDB storage to this page');
  try {
    const db = await new Promise((resolve, reject) => {
      let request;
      try {
        request = indexedDB.open(DB_NAME, DB_VERSION);
      } catch (error) {
        reject(error);
        return;
      }
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        reject(new Error(`it did not answer within ${Math.round(timeoutMs / 1000)} seconds`));
      }, timeoutMs);
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains(ARTICLES)) db.createObjectStore(ARTICLES, { keyPath: 'id' });
        if (!db.objectStoreNames.contains(ORIGINALS)) db.createObjectStore(ORIGINALS, { keyPath: 'id' });
        if (!db.objectStoreNames.contains(META)) db.createObjectStore(META, { keyPath: 'key' });
        if (!db.objectStoreNames.contains(ANNOTATIONS)) {
          db.createObjectStore(ANNOTATIONS, { keyPath: 'id' }).createIndex('hash', 'hash', { unique: false });
        }
      };
      request.onsuccess = () => {
        clearTimeout(timer);
        if (timedOut)
          request.result.close(); // too late: this page already works from memory
        else resolve(request.result);
      };
      request.onerror = (event) => {
        event?.preventDefault?.(); // handled: Firefox would also report it as uncaught
        clearTimeout(timer);
        reject(request.error);
      };
      request.onblocked = () => {
        /* wait: another tab will close its connection */
      };
    });
    return new IdbStore(db);
  } catch (error) {
    return new MemoryStore(describeStorageError(error, 'open'));
  }
}

/** Why storage failed, for a user. */
export function describeStorageError(error, action = 'write') {
  const name = error?.name || '';
  if (name === 'QuotaExceededError' || /quota/iu.test(String(error?.message))) {
    return "the browser's storage for this page is full (quota exceeded)";
  }
  // Firefox answers writes with InvalidStateError once a quota error has closed the connection;
  // when opening, it means storage is off (a private window, or storage disabled for files).
  if (name === 'InvalidStateError' && action !== 'open') {
    return "the browser's storage for this page is full (quota exceeded), or the browser closed it";
  }
  if (name === 'SecurityError' || name === 'InvalidStateError') {
    return 'the browser does not allow this page to store data (private window, or storage disabled for files)';
  }
  if (action === 'open')
    return `the browser's storage could not be opened${error?.message ? ` (${error.message})` : ''}`;
  return `the browser's storage failed${error?.message ? ` (${error.message})` : ''}`;
}
