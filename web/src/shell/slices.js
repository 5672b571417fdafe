// Work over big lists (100,000 articles or annotations) in slices of a few milliseconds with a
// yield to the event loop in between, so no task holds the page for long. A loop asks `due()`
// after each item and awaits `pause()` only when its slice is used up: small lists finish in one
// slice, synchronously, as before. Yields go behind the tasks already waiting (yield.js
// yieldBehindOthers): a run of slices over 100,000 items takes a second or more, and timers,
// messages and input get their turn throughout.
import { yieldBehindOthers } from './yield.js';

/** Milliseconds of work per slice: well under the 50 ms a "long task" starts at. */
export const SLICE_MS = 8;

export class TimeSlicer {
  /**
   * @param {{budgetMs?: number, now?: () => number, yieldNow?: () => Promise<unknown>}} [o]
   *   budgetMs: Infinity never yields (the same code, run at once)
   */
  constructor({ budgetMs = SLICE_MS, now = () => performance.now(), yieldNow = yieldBehindOthers } = {}) {
    this.budgetMs = budgetMs;
    this.now = now;
    this.yieldNow = yieldNow;
    this.start = now();
    /** How many times it yielded (for tests and benchmarks). */
    this.yields = 0;
  }

  /** Whether this slice's time is used up. */
  due() {
    return this.budgetMs !== Infinity && this.now() - this.start >= this.budgetMs;
  }

  /** Yields to the event loop and starts a new slice. */
  async pause() {
    this.yields++;
    await this.yieldNow();
    this.start = this.now();
  }

  /** Yields when the slice is used up (await it between items). */
  async maybePause() {
    if (this.due()) await this.pause();
  }
}

/** A slicer that never yields: for callers that need the answer at once. */
export function atOnce() {
  return new TimeSlicer({ budgetMs: Infinity });
}

/**
 * Calls `fn(item, index)` for each item, yielding between slices.
 * @template T
 * @param {Iterable<T>} items
 * @param {(item: T, index: number) => void} fn
 * @param {TimeSlicer} [slicer]
 */
export async function forEachSliced(items, fn, slicer = new TimeSlicer()) {
  let i = 0;
  for (const item of items) {
    fn(item, i++);
    if (slicer.due()) await slicer.pause();
  }
}

/**
 * `items` sorted by `compare`, stable (ties keep their order in `items`), as Array#sort would
 * give it, but in slices: runs of `run` items are sorted one at a time, then merged pairwise, with
 * a yield whenever a slice is used up. `items` is not changed.
 * @template T
 * @param {T[]} items
 * @param {(a: T, b: T) => number} compare
 * @param {{slicer?: TimeSlicer, run?: number}} [o]  run: items sorted at once (one slice's worth)
 * @returns {Promise<T[]>}
 */
export async function sortSliced(items, compare, { slicer = new TimeSlicer(), run = 4096 } = {}) {
  /** @type {T[][]} */
  let runs = [];
  for (let i = 0; i < items.length; i += run) {
    runs.push(items.slice(i, i + run).sort(compare));
    if (slicer.due()) await slicer.pause();
  }
  while (runs.length > 1) {
    const next = [];
    for (let r = 0; r < runs.length; r += 2) {
      next.push(r + 1 < runs.length ? await mergeSliced(runs[r], runs[r + 1], compare, slicer) : runs[r]);
    }
    runs = next;
  }
  return runs[0] ?? [];
}

/** Merges two sorted lists; on ties `a`'s item comes first (what keeps sortSliced stable). */
async function mergeSliced(a, b, compare, slicer) {
  const out = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    out[k++] = compare(b[j], a[i]) < 0 ? b[j++] : a[i++];
    if ((k & 1023) === 0 && slicer.due()) await slicer.pause();
  }
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}
