// The collection in memory: records by id, in import order. Pure (no storage, no DOM).

export class Collection {
  /** @param {import('./records.js').LibraryRecord[]} records */
  constructor(records = []) {
    /** @type {Map<string, import('./records.js').LibraryRecord>} */
    this.byId = new Map();
    this.maxSeq = 0;
    for (const r of records) this.add(r);
  }

  get size() {
    return this.byId.size;
  }

  has(id) {
    return this.byId.has(id);
  }

  get(id) {
    return this.byId.get(id);
  }

  /** Adds a record unless one with the same id is there. @returns {boolean} whether added */
  add(record) {
    if (this.byId.has(record.id)) return false;
    this.byId.set(record.id, record);
    // An import adds records after the last: kept in order without sorting 100,000 again.
    if (this._sorted && record.seq > this.maxSeq) this._sorted.push(record);
    else this._sorted = null;
    if (record.seq > this.maxSeq) this.maxSeq = record.seq;
    return true;
  }

  /** @returns the removed record, or undefined */
  remove(id) {
    const r = this.byId.get(id);
    if (r) {
      this.byId.delete(id);
      this._sorted = null;
    }
    return r;
  }

  clear() {
    const all = this.list();
    this.byId.clear();
    this._sorted = null;
    return all;
  }

  /** Records in import order. */
  list() {
    if (!this._sorted) this._sorted = [...this.byId.values()].sort((a, b) => a.seq - b.seq);
    return this._sorted.slice();
  }

  /** The next free import sequence number. */
  nextSeq() {
    return this.maxSeq + 1;
  }

  seeds() {
    return this.list().filter((r) => r.seed);
  }
}
