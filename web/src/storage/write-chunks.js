// How many records go into one write transaction. The browser copies each record it is given to
// put() in the page's own task, so a chunk is as long a task as its records take to copy: 500
// articles with their sentences and entities took 240 ms in Chromium (the longest task of an
// import of 100,000 articles). The size follows what the last chunk cost per record, aiming at a
// few milliseconds per chunk; transactions stay big for small records (annotations, tags).

/** Milliseconds of copying a chunk aims at. */
export const CHUNK_MS = 12;
export const MIN_CHUNK = 10;
export const MAX_CHUNK = 500;

export class WriteChunks {
  /** @param {{now?: () => number, first?: number}} [o]  first: the first chunk's size */
  constructor({ now = () => performance.now(), first = 50 } = {}) {
    this.now = now;
    this.size = first;
  }

  /**
   * Runs `put(chunk)` over `records` in chunks (awaiting each): the time its timed parts took
   * sizes the next chunk.
   * @template T
   * @param {T[]} records
   * @param {(chunk: T[], timed: <R>(work: () => R) => R) => Promise<unknown>} put  calls
   *   timed(work) around each synchronous part that issues requests for every record (the put()
   *   calls; the get() calls too, where it reads before it writes)
   */
  async each(records, put) {
    for (let i = 0; i < records.length;) {
      const chunk = records.slice(i, i + this.size);
      i += chunk.length;
      let spent = 0;
      await put(chunk, (work) => {
        const start = this.now();
        try {
          return work();
        } finally {
          spent += this.now() - start;
        }
      });
      this.sized(chunk.length, spent);
    }
  }

  /** The next size after `count` records took `ms`. */
  sized(count, ms) {
    const perRecord = ms / Math.max(1, count);
    const size = perRecord > 0 ? Math.floor(CHUNK_MS / perRecord) : MAX_CHUNK;
    this.size = Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, size));
  }
}
