// The collection in memory: records by id, in import order. Pure (no storage, no DOM).
import { shareRecordStrings } from './records.js';

export class Collection {
  /** @param {import('./records.js').LibraryRecord[]} records */
  constructor(records = []) {
    /** @type {Map<string, import('./records.js').LibraryRecord>} */
    this.byId = new Map();
    this.maxSeq = 0;
    /** the seeds among the records, counted as they come and go (the library asks at each drawing) */
    this.seedCount = 0;
    /** @type {import('./records.js').LibraryRecord[]|null} the records in import order, once asked for */
    this._sorted = null;
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

  /**
   * Adds a record unless one with the same id is there, its repeated strings shared (every record
   * comes in here: imported, read from storage, or from another tab). @returns {boolean} whether added
   */
  add(record) {
    if (this.byId.has(record.id)) return false;
    this.byId.set(record.id, shareRecordStrings(record));
    if (record.seed) this.seedCount++;
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
      if (r.seed) this.seedCount--;
      this._sorted = null;
    }
    return r;
  }

  clear() {
    const all = this.list();
    this.byId.clear();
    this.seedCount = 0;
    this._sorted = null;
    return all;
  }

  /** Records in import order. */
  list() {
    this._sorted ??= inImportOrder([...this.byId.values()]);
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

/**
 * `records` ordered by `seq`. Sequence numbers are small distinct integers (one per import, gaps
 * where articles were removed), so each record is put in its slot: O(n), where Firefox's sort of
 * 40,000 records by a comparator took 60 ms of the library's first drawing (a Gecko profile,
 * RELIABILITY.md). Anything else (ties, sparse or odd numbers) is sorted, stably, as before.
 * @template {{seq: number}} T
 * @param {T[]} records
 * @returns {T[]}
 */
export function inImportOrder(records) {
  const sorted = () => records.sort((a, b) => a.seq - b.seq);
  let max = -1;
  for (const { seq } of records) {
    if (!Number.isInteger(seq) || seq < 0) return sorted();
    if (seq > max) max = seq;
  }
  if (max > 4 * records.length + 1024) return sorted();
  // Slots in a typed array: an Array with holes filled out of order can turn sparse (slow) in
  // SpiderMonkey, and the records come from storage in id order, not by sequence.
  const slots = new Int32Array(max + 1).fill(-1);
  for (let i = 0; i < records.length; i++) {
    const { seq } = records[i];
    if (slots[seq] >= 0) return sorted();
    slots[seq] = i;
  }
  /** @type {T[]} */
  const out = [];
  for (const i of slots) if (i >= 0) out.push(records[i]);
  return out;
}
