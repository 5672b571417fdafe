// The core worker's side (worker.js is its entry point): loads the core once, says "ready" (with the
// core's version) or "failed", then answers each read request with one message per part (see
// reading.js) and an "end" — or an "error" when the core failed, after which the page starts a new
// worker for the next file (a core that aborted cannot be trusted with another).
//
// Messages from the page: {type: 'read', id, fileName, buffer: ArrayBuffer (transferred), options} |
//   {type: 'more', id, stop?}: the page took a part of read `id` (see PARTS_AHEAD); `stop`: it
//   wants no more (the import was abandoned) |
//   {type: 'call', id, fn, args: string[]} (one of the core's JSON functions, CALLABLE below) |
//   {type: 'cluster', id, session, op, options?, items?}: grouping articles into stories, in steps
//   so the page can show progress and cancel (core.js ClusterSession): op 'begin' (options: the
//   StoryClusterer's options JSON) → result ''; 'add' (items: [[key, cleaned body], …]) → result
//   the number added so far; 'finish' → result the clusters, compact (stories/cluster-answer.js,
//   its arrays transferred; the session is freed);
//   'cancel' → result '' (the session is freed). Each step is answered like a call. |
//   {type: 'anchor', id, annotations, articles: [{id, title?, url?}], bodies: [[id, body], …],
//   options}: annotationsAnchor over articles whose bodies were sent now or kept from earlier
//   anchor requests (article-bodies.js) → result the core's answer, or, when some bodies are no
//   longer kept, {type: 'result', id, missing: [ids]} (nothing anchored: send those again).
// Messages to the page: {type: 'ready', version} | {type: 'failed', message} |
//   {type: 'part', id, part} | {type: 'end', id} | {type: 'error', id, message} |
//   {type: 'result', id, value: string} (the answer to a call) |
//   {type: 'csp', directive, blocked} (a Content-Security-Policy violation inside the worker, which
//   the page would not otherwise hear of).
import { ArticleBodies, articlesWithBodies } from './article-bodies.js';
import { CoreReader } from './core.js';
import { compactClusters, isCompact, transferables } from '../stories/cluster-answer.js';

/** Article text kept for anchoring, in UTF-16 units: 64 M (128 MB), a library of ~20,000 articles. */
const KEPT_BODY_CHARS = 64 * 1024 * 1024;

/**
 * Parts of a read sent ahead of what the page has taken: the worker reads faster than the page
 * stores, and without a bound a 1,000,000-line file was soon all in the page's queue of parts, as
 * objects (the most memory of that import). Two keep the page from ever waiting for the next.
 */
export const PARTS_AHEAD = 2;

/**
 * @param {{postMessage: Function, addEventListener: Function}} scope  the worker's global scope
 * @param {() => Promise<object>} factory  createLecternCore
 * @param {{keptBodyChars?: number}} [options]  article text kept for anchoring (UTF-16 units)
 */
export function serveCore(scope, factory, { keptBodyChars = KEPT_BODY_CHARS } = {}) {
  const post = (message, transfer = []) => scope.postMessage(message, transfer);
  scope.addEventListener('securitypolicyviolation', (e) => {
    post({ type: 'csp', directive: String(e.violatedDirective || ''), blocked: String(e.blockedURI || '') });
  });
  const loading = (async () => {
    if (typeof factory !== 'function')
      throw new Error('the worker has no reading engine (no createLecternCore)');
    return new CoreReader(await factory());
  })();
  loading.then(
    (reader) => post({ type: 'ready', version: reader.version() }),
    (error) => post({ type: 'failed', message: describe(error) }),
  );
  const sessions = new Map(); // cluster session id → ClusterSession
  const bodies = new ArticleBodies(keptBodyChars);
  /** @type {Map<number, {credit: number, stop: boolean, wake: (() => void) | null}>} read id → its flow */
  const reads = new Map();
  /**
   * Answers request `id` with what `work` makes of the core ({value} or {missing}, and the buffers
   * to transfer with it), or an error.
   */
  const answer = async (id, work) => {
    try {
      const { transfer = [], ...result } = work(await loading);
      post({ type: 'result', id, ...result }, transfer);
    } catch (error) {
      post({ type: 'error', id, message: describe(error) });
    }
  };
  scope.addEventListener('message', async (event) => {
    const request = event.data;
    if (request?.type === 'cluster') {
      await answer(request.id, (reader) => {
        const value = clusterStep(reader, sessions, request);
        return { value, transfer: isCompact(value) ? transferables(value) : [] };
      });
      return;
    }
    if (request?.type === 'anchor') {
      await answer(request.id, (reader) => {
        const { articles, missing } = articlesWithBodies(bodies, request.articles, request.bodies);
        if (missing.length) return { missing };
        const args = [request.annotations, JSON.stringify(articles), request.options];
        return { value: reader.call('annotationsAnchor', args) };
      });
      return;
    }
    if (request?.type === 'call') {
      await answer(request.id, (reader) => ({ value: reader.call(request.fn, request.args) }));
      return;
    }
    if (request?.type === 'more') {
      const flow = reads.get(request.id);
      if (!flow) return;
      flow.credit++;
      flow.stop ||= Boolean(request.stop);
      flow.wake?.();
      return;
    }
    if (request?.type !== 'read') return;
    const { id, fileName } = request;
    /** @type {{credit: number, stop: boolean, wake: (() => void) | null}} */
    const flow = { credit: PARTS_AHEAD, stop: false, wake: null };
    reads.set(id, flow);
    try {
      const reader = await loading;
      const bytes = new Uint8Array(request.buffer);
      for (const part of reader.readParts(bytes, String(fileName), request.options || {})) {
        post({ type: 'part', id, part });
        flow.credit--;
        while (flow.credit <= 0 && !flow.stop) {
          await new Promise((resolve) => {
            flow.wake = () => resolve(undefined);
          });
        }
        if (flow.stop) return;
      }
      post({ type: 'end', id });
    } catch (error) {
      post({ type: 'error', id, message: describe(error) });
    } finally {
      reads.delete(id);
    }
  });
}

/** One step of a cluster session (see the messages above); an error frees the session. */
function clusterStep(reader, sessions, { session: key, op, options, items }) {
  if (op === 'begin') {
    sessions.get(key)?.close();
    sessions.set(key, reader.startClustering(String(options ?? '')));
    return '';
  }
  const session = sessions.get(key);
  if (op === 'cancel') {
    session?.close();
    sessions.delete(key);
    return '';
  }
  if (!session) throw new Error('no such grouping (it was finished, cancelled or failed)');
  try {
    if (op === 'add') return String(session.add(Array.isArray(items) ? items : []));
    if (op === 'finish') {
      sessions.delete(key);
      return compactClusters(session.finish());
    }
  } catch (error) {
    session.close();
    sessions.delete(key);
    throw error;
  }
  throw new Error(`unknown grouping step ${op}`);
}

function describe(error) {
  return String(error?.message || error || 'unknown error');
}
