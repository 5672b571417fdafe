// Yielding to the event loop between pieces of work, so the page repaints and answers input.

/**
 * Resolves in a new task (after pending input and rendering had their chance): scheduler.yield
 * where the browser has it (Chromium), else a MessageChannel message — setTimeout(0) would do, but
 * browsers wait at least 4 ms for a timer nested five deep, which a loop of 8 ms slices would
 * spend a third of its time waiting on.
 */
export function yieldToEventLoop() {
  const s = globalThis.scheduler;
  if (s && typeof s.yield === 'function') return s.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close(); // a port left open keeps Node's event loop (tests) alive
        resolve(undefined);
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
