// Yielding to the event loop between pieces of work, so the page repaints and answers input.

/** Resolves in a new task (after pending input and rendering had their chance). */
export function yieldToEventLoop() {
  const s = globalThis.scheduler;
  if (s && typeof s.yield === 'function') return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
