// Tells the page's other open tabs what changed in the annotations, and hears what they changed:
// a BroadcastChannel where there is one, and a localStorage ping (storage events) as well.
import { uuid } from './annotations.js';

const PING_KEY = 'lectern.annotations.ping';
const CHANNEL = 'lectern-annotations';

/**
 * @param {(message: {type: string, ids?: string[]}) => void} receive  what another tab said
 * @returns {{post(message: object): void}}
 */
export function tabBus(receive) {
  let channel = null;
  try {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (e) => receive(e.data);
  } catch {
    /* storage events below */
  }
  window.addEventListener('storage', (e) => {
    if (e.key !== PING_KEY || !e.newValue) return;
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
        localStorage.setItem(PING_KEY, JSON.stringify({ ...m, nonce: uuid() }));
      } catch {
        /* no storage */
      }
    },
  };
}
