// The core worker's side (worker.js is its entry point): loads the core once, says "ready" (with the
// core's version) or "failed", then answers each read request with one message per part (see
// reading.js) and an "end" — or an "error" when the core failed, after which the page starts a new
// worker for the next file (a core that aborted cannot be trusted with another).
//
// Messages from the page: {type: 'read', id, fileName, buffer: ArrayBuffer (transferred), options} |
//   {type: 'call', id, fn, args: string[]} (one of the core's JSON functions, CALLABLE below) |
//   {type: 'cluster', id, session, op, options?, items?}: grouping articles into stories, in steps
//   so the page can show progress and cancel (core.js ClusterSession): op 'begin' (options: the
//   StoryClusterer's options JSON) → result ''; 'add' (items: [[key, cleaned body], …]) → result
//   the number added so far; 'finish' → result the clusters' JSON (the session is freed);
//   'cancel' → result '' (the session is freed). Each step is answered like a call.
// Messages to the page: {type: 'ready', version} | {type: 'failed', message} |
//   {type: 'part', id, part} | {type: 'end', id} | {type: 'error', id, message} |
//   {type: 'result', id, value: string} (the answer to a call) |
//   {type: 'csp', directive, blocked} (a Content-Security-Policy violation inside the worker, which
//   the page would not otherwise hear of).
import { CoreReader } from './core.js';

/**
 * @param {{postMessage: Function, addEventListener: Function}} scope  the worker's global scope
 * @param {() => Promise<object>} factory  createLecternCore
 */
export function serveCore(scope, factory) {
  const post = (message) => scope.postMessage(message);
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
  scope.addEventListener('message', async (event) => {
    const request = event.data;
    if (request?.type === 'cluster') {
      try {
        const reader = await loading;
        post({ type: 'result', id: request.id, value: clusterStep(reader, sessions, request) });
      } catch (error) {
        post({ type: 'error', id: request.id, message: describe(error) });
      }
      return;
    }
    if (request?.type === 'call') {
      try {
        const reader = await loading;
        post({ type: 'result', id: request.id, value: reader.call(request.fn, request.args) });
      } catch (error) {
        post({ type: 'error', id: request.id, message: describe(error) });
      }
      return;
    }
    if (request?.type !== 'read') return;
    const { id, fileName } = request;
    try {
      const reader = await loading;
      const bytes = new Uint8Array(request.buffer);
      for (const part of reader.readParts(bytes, String(fileName), request.options || {})) {
        post({ type: 'part', id, part });
      }
      post({ type: 'end', id });
    } catch (error) {
      post({ type: 'error', id, message: describe(error) });
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
      return session.finish();
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
