// The page's side of the core worker. Imports read files with the core in a Web Worker, so the page
// repaints and answers input while a big file is read: the worker is made from the core's own
// script text (the data block <script type="text/plain" id="lectern-core">) followed by a small
// glue (worker.js, the data block "lectern-worker"), through a blob: URL, and loads the core once.
//
// When no worker can be had — no Worker, a Content-Security-Policy or browser policy that refuses
// it, an exception, or no "ready" within WORKER_START_MS — the page loads the core on its main
// thread instead and says so in the console (console.info: it still works, less smoothly).
import { loadCore } from './core.js';
import { compactClusters } from '../stories/cluster-answer.js';

export const WORKER_START_MS = 10000;

/**
 * A function that starts a worker from the page's scripts: {worker, release()} (release frees the
 * blob: URL once the worker has started, or failed to).
 */
export function pageWorkerSpawner({
  document: doc = globalThis.document,
  Worker: WorkerClass = globalThis.Worker,
  Blob: BlobClass = globalThis.Blob,
  URL: Url = globalThis.URL,
} = {}) {
  return () => {
    if (typeof WorkerClass !== 'function') throw new Error('this browser has no Web Workers');
    const core = doc?.getElementById('lectern-core')?.textContent;
    const glue = doc?.getElementById('lectern-worker')?.textContent;
    if (!core || !glue) throw new Error('this page has no worker script');
    const url = Url.createObjectURL(new BlobClass([core, '\n;\n', glue], { type: 'text/javascript' }));
    try {
      return {
        worker: new WorkerClass(url, { name: 'lectern-core' }),
        release: () => Url.revokeObjectURL(url),
      };
    } catch (error) {
      Url.revokeObjectURL(url);
      throw error;
    }
  };
}

/**
 * Reads files with the core in a worker (see worker-host.js for the messages). Starts the worker
 * on first use, and a new one after a worker failed; when none can be started, reads on the main
 * thread from then on (`kind` says which).
 */
export class WorkerReader {
  /**
   * @param {() => {worker: Worker, release?: () => void}} spawn
   * @param {object} [options]
   * @param {number} [options.timeoutMs]  how long a new worker may take to say "ready"
   * @param {() => Promise<import('./core.js').CoreReader>} [options.fallback]  the main-thread core
   * @param {(message: string) => void} [options.log]  for the switch to the main thread
   */
  constructor(
    spawn,
    { timeoutMs = WORKER_START_MS, fallback = () => loadCore(), log = (m) => console.info(m) } = {},
  ) {
    this.spawn = spawn;
    this.timeoutMs = timeoutMs;
    this.fallback = fallback;
    this.log = log;
    this.worker = null;
    this.starting = null;
    this.coreVersion = null;
    this.main = null; // the main-thread CoreReader, once the worker was given up
    this.requests = new Map();
    this.lastId = 0;
    this.lastSession = 0;
    /** @type {{worker: Worker, ids: Set<string>}|null} the bodies the current worker was sent */
    this.bodiesSent = null;
  }

  get kind() {
    return this.main ? 'main-thread' : 'worker';
  }

  version() {
    return this.main ? this.main.version() : (this.coreVersion ?? 'unknown');
  }

  /** Resolves once a worker is ready; rejects when it cannot start (see useMainThread). */
  ensureWorker() {
    if (this.worker && !this.starting) return Promise.resolve();
    if (!this.starting)
      this.starting = this.startWorker().finally(() => {
        this.starting = null;
      });
    return this.starting;
  }

  startWorker() {
    return new Promise((resolve, reject) => {
      let spawned;
      try {
        spawned = this.spawn();
      } catch (error) {
        reject(error);
        return;
      }
      const { worker, release = () => {} } = spawned;
      let settled = false;
      const settle = (error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        release();
        if (error) {
          this.discard(worker);
          reject(error);
        } else {
          resolve();
        }
      };
      const timer = setTimeout(
        () => settle(new Error(`the worker did not start within ${Math.round(this.timeoutMs / 1000)} s`)),
        this.timeoutMs,
      );
      this.worker = worker;
      worker.addEventListener('message', (event) => {
        const m = event.data;
        if (m?.type === 'ready') {
          this.coreVersion = String(m.version ?? 'unknown');
          settle(null);
        } else if (m?.type === 'failed') {
          settle(new Error(`the worker could not load the reading engine (${m.message})`));
        } else {
          this.onMessage(worker, m);
        }
      });
      const stopped = (what) => (event) => {
        event?.preventDefault?.(); // reported here, not as an uncaught error
        const error = new Error(`the worker ${what}${event?.message ? ` (${event.message})` : ''}`);
        if (!settled) settle(error);
        else this.discard(worker, error);
      };
      worker.addEventListener('error', stopped('stopped'));
      worker.addEventListener('messageerror', stopped('sent a message that could not be read'));
    });
  }

  onMessage(worker, m) {
    if (m?.type === 'csp') {
      console.error(
        `Content-Security-Policy violation in the reading worker: ${m.directive} blocked ${m.blocked || '(inline)'}`,
      );
      return;
    }
    const request = this.requests.get(m?.id);
    if (!request) return;
    if (request.call) {
      this.requests.delete(m.id);
      if (m.type === 'result') request.resolve(request.whole ? m : m.value);
      else request.reject(new Error(m.message || 'the worker failed'));
      return;
    }
    if (m.type === 'part') request.parts.push(m.part);
    else if (m.type === 'end') request.ended = true;
    else if (m.type === 'error') {
      request.error = new Error(m.message);
      request.wake?.();
      // The next file gets a fresh worker and core; what else was asked of this one fails.
      this.discard(worker, new Error(`the worker was restarted after a file failed (${m.message})`));
      return;
    } else return;
    request.wake?.();
  }

  /**
   * Stops `worker` and ends every request still waiting on it with `error` (a terminated worker
   * never answers: a request left waiting would hang its caller for good).
   */
  discard(worker, error = new Error('the worker was stopped')) {
    try {
      worker.terminate();
    } catch {
      /* already gone */
    }
    if (this.worker === worker) this.worker = null;
    for (const [id, request] of this.requests) {
      if (request.worker !== worker) continue;
      if (request.call) {
        this.requests.delete(id);
        request.reject(error);
        continue;
      }
      request.error ??= error;
      request.wake?.();
    }
  }

  /**
   * The worker to send a request to, started if need be; null once reading has moved to the main
   * thread (this.main), as it does when no worker can be started.
   * @returns {Promise<Worker|null>}
   */
  async readyWorker() {
    if (!this.main) {
      try {
        await this.ensureWorker();
      } catch (error) {
        await this.useMainThread(error);
      }
    }
    if (this.main) return null;
    if (!this.worker) throw new Error('the worker stopped');
    return this.worker;
  }

  /** Gives up on workers: reads on the main thread from now on. */
  async useMainThread(reason) {
    if (!this.main) {
      this.log(
        `Lectern: reading files on the page's main thread (${reason?.message || reason}); the page may pause during long imports.`,
      );
      this.main = await this.fallback();
    }
    return this.main;
  }

  /**
   * Calls one of the core's JSON functions (core.js CALLABLE) in the worker (or on the main thread
   * once the worker was given up).
   * @param {string} fn
   * @param {...(string|number)} args
   * @returns {Promise<string>}
   */
  async call(fn, ...args) {
    const worker = await this.readyWorker();
    if (!worker) return this.main.call(fn, args);
    return this.request(worker, { type: 'call', fn: String(fn), args });
  }

  /**
   * The core's annotationsAnchor over `articles`, sending each body to the worker only once: the
   * worker keeps them (article-bodies.js) and answers "missing" for any it has dropped since (all are
   * then sent again). Article ids are content hashes, so an id names one body.
   * @param {string} annotationsJson
   * @param {{id: string, body: string, title?: string, url?: string}[]} articles
   * @param {string} optionsJson
   * @returns {Promise<string>} the core's answer
   */
  async anchor(annotationsJson, articles, optionsJson) {
    const worker = await this.readyWorker();
    if (!worker)
      return this.main.call('annotationsAnchor', [annotationsJson, JSON.stringify(articles), optionsJson]);
    if (this.bodiesSent?.worker !== worker) this.bodiesSent = { worker, ids: new Set() };
    const sent = this.bodiesSent.ids;
    const refs = articles.map(({ id, title, url }) => ({ id, title, url }));
    const ask = (send) =>
      this.request(
        worker,
        {
          type: 'anchor',
          annotations: annotationsJson,
          articles: refs,
          bodies: articles.filter(send).map((a) => [a.id, a.body]),
          options: optionsJson,
        },
        true,
      );
    let answer = await ask((a) => !sent.has(a.id));
    for (const a of articles) sent.add(a.id);
    // Dropped since they were sent: this once, every body goes with the request (the worker uses
    // what a request carries even when it cannot keep it all).
    if (answer.missing) answer = await ask(() => true);
    return answer.value;
  }

  /**
   * Starts grouping articles into stories (the core's StoryClusterer), in the worker (or on the main
   * thread once the worker was given up). The steps are answered in order; a failed or cancelled
   * session is freed in the worker.
   * @param {string} [optionsJson]
   * @returns {Promise<{kind: string, add(items: [string, string][]): Promise<number>,
   *   finish(): Promise<import('../stories/cluster-answer.js').CompactClusters>,
   *   cancel(): Promise<void>}>}
   */
  async openClusterer(optionsJson = '') {
    const worker = await this.readyWorker();
    if (!worker) {
      const session = this.main.startClustering(optionsJson);
      return {
        kind: 'main-thread',
        add: async (items) => session.add(items),
        finish: async () => compactClusters(session.finish()),
        cancel: async () => session.close(),
      };
    }
    const session = ++this.lastSession;
    const step = (op, extra = {}) => this.request(worker, { type: 'cluster', session, op, ...extra });
    await step('begin', { options: String(optionsJson ?? '') });
    return {
      kind: 'worker',
      add: async (items) => Number(await step('add', { items })),
      finish: () => step('finish'),
      // A worker that stopped has freed everything already.
      cancel: async () => {
        if (this.worker === worker) await step('cancel').catch(() => {});
      },
    };
  }

  /**
   * Sends one request answered by a single result (or error) message: resolves with its value, or
   * with the `whole` message.
   */
  request(worker, message, whole = false) {
    const id = ++this.lastId;
    return new Promise((resolve, reject) => {
      this.requests.set(id, { worker, call: true, whole, resolve, reject });
      worker.postMessage({ ...message, id });
    });
  }

  /**
   * Reads one file in the worker, part by part (see reading.js). The bytes are transferred to the
   * worker: the caller must not use them afterwards.
   * @param {Uint8Array} bytes
   * @param {string} fileName
   * @param {import('../import/reading.js').ReadOptions} [options]
   * @returns {AsyncGenerator<import('../import/reading.js').ReadPart>}
   */
  async *readParts(bytes, fileName, options = {}) {
    const worker = await this.readyWorker();
    if (!worker) {
      yield* this.main.readParts(bytes, fileName, options);
      return;
    }
    const id = ++this.lastId;
    const request = { worker, parts: [], ended: false, error: null, wake: null };
    this.requests.set(id, request);
    try {
      const buffer = ownBuffer(bytes);
      const { chunkBytes, firstChunkBytes } = options;
      worker.postMessage(
        { type: 'read', id, fileName: String(fileName), buffer, options: { chunkBytes, firstChunkBytes } },
        [buffer],
      );
      for (;;) {
        if (request.parts.length) {
          yield request.parts.shift();
          worker.postMessage({ type: 'more', id }); // taken: the worker may read one more
        } else if (request.error) throw request.error;
        else if (request.ended) return;
        else
          await new Promise((resolve) => {
            request.wake = resolve;
          });
        request.wake = null;
      }
    } finally {
      // Abandoned before its end (the caller stopped): the worker, waiting for it, stops too.
      if (!request.ended && !request.error) worker.postMessage({ type: 'more', id, stop: true });
      this.requests.delete(id);
    }
  }
}

/** An ArrayBuffer holding exactly `bytes`, that may be transferred (theirs when it is, else a copy). */
function ownBuffer(bytes) {
  const whole =
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    Object.prototype.toString.call(bytes.buffer) === '[object ArrayBuffer]';
  return whole ? bytes.buffer : bytes.slice().buffer;
}

/**
 * The page's reader: the core in a worker when one starts, else on the main thread (logged with
 * console.info). Rejects only when neither works.
 * @param {{spawn?: () => {worker: Worker, release?: () => void}, timeoutMs?: number,
 *   fallback?: () => Promise<import('./core.js').CoreReader>, log?: (message: string) => void}} [options]
 *   as WorkerReader takes them; spawn: by default from the page's scripts
 * @returns {Promise<WorkerReader>}
 */
export async function startReader({ spawn = pageWorkerSpawner(), timeoutMs, fallback, log } = {}) {
  const reader = new WorkerReader(spawn, { timeoutMs, fallback, log });
  try {
    await reader.ensureWorker();
  } catch (error) {
    await reader.useMainThread(error);
  }
  return reader;
}
