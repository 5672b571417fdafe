// Tells the page's other open tabs what changed in the annotations (or, on a channel of its own,
// in the collection: library/collection-sync.js), and hears what they changed: a BroadcastChannel
// where there is one, and a localStorage ping (storage events) as well, so a message may be heard
// twice (receivers are idempotent).
import { uuid } from './annotations.js';

const PING_KEY = 'lectern.annotations.ping';
const CHANNEL = 'lectern-annotations';

/**
 * @param {(message: {type: string, ids?: string[]}) => void} receive  what another tab said
 * @param {{channel?: string, pingKey?: string}} [names]  the annotations' by default
 * @returns {{post(message: object): void}}
 */
export function tabBus(receive, { channel: name = CHANNEL, pingKey = PING_KEY } = {}) {
  let channel = null;
  try {
    channel = new BroadcastChannel(name);
    channel.onmessage = (e) => receive(e.data);
  } catch {
    /* storage events below */
  }
  window.addEventListener('storage', (e) => {
    if (e.key !== pingKey || !e.newValue) return;
    try {
      receive(JSON.parse(e.newValue));
    } catch {
      /* not ours */
    }
  });
  return {
    post: (m) => {
      try {
        channel?.postMessage(m);
      } catch {
        /* closed */
      }
      try {
        localStorage.setItem(pingKey, JSON.stringify({ ...m, nonce: uuid() }));
      } catch {
        /* no storage */
      }
    },
  };
}
