// Grouping the collection into stories with the core's StoryClusterer: every article's cleaned body
// goes to the core (in its Web Worker) in batches, with progress after each, then the clusters come
// back as JSON (stories.js reads them). ClusterScheduler reruns it, debounced, after imports and
// removals, and cancels a run the collection changed under.
import { yieldToEventLoop } from '../shell/yield.js';

/** Characters of text per batch sent to the core (about 100 ordinary articles). */
export const BATCH_CHARS = 256 * 1024;
/** At most this many articles per batch. */
export const BATCH_ITEMS = 200;

export class ClusteringCancelled extends Error {
  constructor() {
    super('the grouping was cancelled (the collection changed)');
    this.name = 'ClusteringCancelled';
  }
}

/**
 * [key, text] pairs cut into batches of about `maxChars` characters and at most `maxItems` items
 * (an article longer than maxChars is a batch of its own).
 * @param {[string, string][]} entries
 */
export function* batches(entries, { maxChars = BATCH_CHARS, maxItems = BATCH_ITEMS } = {}) {
  let batch = [];
  let chars = 0;
  for (const entry of entries) {
    if (batch.length && (chars + entry[1].length > maxChars || batch.length >= maxItems)) {
      yield batch;
      batch = [];
      chars = 0;
    }
    batch.push(entry);
    chars += entry[1].length;
  }
  if (batch.length) yield batch;
}

/**
 * Clusters `entries` with the core.
 * @param {{openClusterer(options: string): Promise<{kind: string, add: Function, finish: Function, cancel: Function}>}} reader
 *   worker-client.js WorkerReader
 * @param {[string, string][]} entries  [article id, cleaned body]
 * @param {object} [options]
 * @param {string} [options.coreOptions]  the StoryClusterer's options JSON ("" for its defaults)
 * @param {(p: {done: number, total: number}) => void} [options.onProgress]
 * @param {() => boolean} [options.isCancelled]  checked between batches
 * @param {() => Promise<unknown>} [options.yieldFn]  between batches on the main thread (no worker)
 * @param {{maxChars?: number, maxItems?: number}} [options.batchOptions]  batch sizes (see batches)
 * @returns {Promise<unknown>} the clusters as the reader's finish() gives them (compact from
 *   worker-client.js; stories.js Stories.fromCore reads either form)
 * @throws {ClusteringCancelled} when isCancelled() said so
 */
export async function clusterArticles(
  reader,
  entries,
  {
    coreOptions = '',
    onProgress = () => {},
    isCancelled = () => false,
    yieldFn = yieldToEventLoop,
    batchOptions,
  } = {},
) {
  const session = await reader.openClusterer(coreOptions);
  let done = 0;
  try {
    onProgress({ done, total: entries.length });
    for (const batch of batches(entries, batchOptions)) {
      if (isCancelled()) throw new ClusteringCancelled();
      await session.add(batch);
      done += batch.length;
      onProgress({ done, total: entries.length });
      // In the worker, waiting for its answer already lets the page work; on the main thread the
      // page gets a turn between batches.
      if (session.kind !== 'worker') await yieldFn();
    }
    if (isCancelled()) throw new ClusteringCancelled();
    return await session.finish();
  } catch (error) {
    // Frees the core's clusterer, but waits for it only a moment: a worker that was stopped or is
    // busy must not hold up the scheduler (the next session's steps queue behind this one anyway).
    await settlesWithin(session.cancel(), CANCEL_WAIT_MS);
    throw error;
  }
}

/** How long a failed or cancelled run waits for its clusterer to be freed before it gives up waiting. */
export const CANCEL_WAIT_MS = 2000;

/** Waits for `promise` (its failure ignored), but at most `ms`. */
function settlesWithin(promise, ms) {
  let timer;
  return Promise.race([
    Promise.resolve(promise).catch(() => {}),
    new Promise((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Runs `run` once things have been quiet for `delayMs` after the last schedule(); a schedule()
 * while it runs cancels that run (run's isCancelled() turns true) and starts again after the delay.
 * whenIdle() resolves once nothing is scheduled or running.
 */
export class ClusterScheduler {
  /**
   * @param {(isCancelled: () => boolean) => Promise<unknown>} run  throws ClusteringCancelled when cancelled
   * @param {{delayMs?: number, setTimer?: Function, clearTimer?: Function, onError?: (e: Error) => void}} [options]
   */
  constructor(
    run,
    {
      delayMs = 600,
      setTimer = (f, ms) => setTimeout(f, ms),
      clearTimer = (t) => clearTimeout(t),
      onError = () => {},
    } = {},
  ) {
    this.run = run;
    this.delayMs = delayMs;
    this.setTimer = setTimer;
    this.clearTimer = clearTimer;
    this.onError = onError;
    this.timer = null;
    this.current = null; // {cancelled: boolean, promise}
    this.pending = false; // a run is due as soon as the cancelled one has stopped
    this.waiters = [];
  }

  get busy() {
    return Boolean(this.timer !== null || this.current || this.pending);
  }

  /** @param {number} [delayMs]  0 to start as soon as possible */
  schedule(delayMs = this.delayMs) {
    if (this.current) this.current.cancelled = true;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => {
      this.timer = null;
      if (this.current)
        this.pending = true; // starts when the cancelled run has stopped
      else this.start();
    }, delayMs);
  }

  start() {
    const token = { cancelled: false };
    this.current = token;
    token.promise = (async () => {
      try {
        await this.run(() => token.cancelled);
      } catch (error) {
        if (!(error instanceof ClusteringCancelled)) this.onError(error);
      } finally {
        this.current = null;
        if (this.pending) {
          this.pending = false;
          this.start();
        }
        this.settle();
      }
    })();
  }

  /** Stops what is scheduled or running (no result from it). */
  cancel() {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    this.pending = false;
    if (this.current) this.current.cancelled = true;
    this.settle();
  }

  settle() {
    if (this.busy) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Resolves when nothing is scheduled or running. */
  whenIdle() {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
