// Tells the page's other open tabs what changed in the annotations (or, on a channel of its own,
// in the collection: library/collection-sync.js), and hears what they changed: a BroadcastChannel
// where there is one, and a localStorage ping (storage events) as well, so a message may be heard
// twice (receivers are idempotent).
import { uuid } from './annotations.js';

const PING_KEY = 'lectern.annotations.ping';
const CHANNEL = 'lectern-annotations';
/**
 * Ids per message, one message per task: the 100,000 ids of an annotation import in one message
 * were about 4.8 million characters of JSON for the ping, a task of 566 ms in Chromium, and near the
 * few megabytes that localStorage holds.
 */
export const IDS_PER_MESSAGE = 2000;

/**
 * A message as the pieces it is sent in: one per `size` ids, in order (as it is when it has no
 * more ids than that, or none).
 * @param {Record<string, any>} message
 * @returns {Record<string, any>[]}
 */
export function inPieces(message, size = IDS_PER_MESSAGE) {
  const ids = message.ids;
  if (!Array.isArray(ids) || ids.length <= size) return [message];
  const pieces = [];
  for (let i = 0; i < ids.length; i += size) pieces.push({ ...message, ids: ids.slice(i, i + size) });
  return pieces;
}

/**
 * @typedef {object} BusEnvironment  what the bus uses of the page (tests give their own)
 * @property {((name: string) => {postMessage(m: unknown): void, onmessage: unknown}) | undefined} channel
 * @property {() => {setItem(key: string, value: string): void}} storage
 * @property {(listener: (e: {key: string|null, newValue: string|null}) => void) => void} onStorage
 * @property {(next: () => void) => void} later  runs `next` in a task of its own
 */

/** @type {() => BusEnvironment} */
const pageEnvironment = () => ({
  channel: typeof BroadcastChannel === 'function' ? (name) => new BroadcastChannel(name) : undefined,
  storage: () => localStorage,
  onStorage: (listener) => window.addEventListener('storage', listener),
  later: (next) => setTimeout(next, 0),
});

/**
 * @param {(message: {type: string, ids?: string[]}) => void} receive  what another tab said
 * @param {{channel?: string, pingKey?: string}} [names]  the annotations' by default
 * @param {BusEnvironment} [env]
 * @returns {{post(message: object): void}}  post: sent in pieces (inPieces), the first now and
 *   each other one in a task of its own, in the order posted
 */
export function tabBus(
  receive,
  { channel: name = CHANNEL, pingKey = PING_KEY } = {},
  env = pageEnvironment(),
) {
  let channel = null;
  try {
    channel = env.channel?.(name) ?? null;
    if (channel) channel.onmessage = (/** @type {{data: any}} */ e) => receive(e.data);
  } catch {
    /* storage events below */
  }
  env.onStorage((e) => {
    if (e.key !== pingKey || !e.newValue) return;
    try {
      receive(JSON.parse(e.newValue));
    } catch {
      /* not ours */
    }
  });
  const send = (/** @type {object} */ m) => {
    try {
      channel?.postMessage(m);
    } catch {
      /* closed */
    }
    try {
      env.storage().setItem(pingKey, JSON.stringify({ ...m, nonce: uuid() }));
    } catch {
      /* no storage */
    }
  };
  /** @type {object[]} pieces not sent yet */
  const queue = [];
  const sendNext = () => {
    send(/** @type {object} */ (queue.shift()));
    if (queue.length) env.later(sendNext);
  };
  return {
    post: (m) => {
      const idle = queue.length === 0;
      queue.push(...inPieces(m));
      if (idle) sendNext();
    },
  };
}
