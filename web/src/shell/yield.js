// Yielding to the event loop between pieces of work, so the page repaints and answers input.

/**
 * Resolves in a new task (after pending input and rendering had their chance): scheduler.yield
 * where the browser has it (Chromium; its continuation goes before other waiting tasks), else as
 * yieldBehindOthers.
 */
export function yieldToEventLoop() {
  const s = globalThis.scheduler;
  if (s && typeof s.yield === 'function') return s.yield();
  return yieldBehindOthers();
}

/**
 * Resolves in a new task queued behind the tasks already waiting (a timer that is due, a message):
 * for long runs of slices (shell/slices.js), which scheduler.yield would keep in front of them.
 * A MessageChannel message — setTimeout(0) would do, but browsers wait at least 4 ms for a timer
 * nested five deep, which a run of 8 ms slices would spend a third of its time waiting on.
 */
export function yieldBehindOthers() {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close(); // a port left open keeps Node's event loop (tests) alive
      resolve(undefined);
    };
    channel.port2.postMessage(null);
  });
}
