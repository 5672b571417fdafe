// Shared helpers for the web tests.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SRC = path.join(ROOT, 'web/src');

/** The fake core's factory (tests/web/fixtures/fake-core.js defines a global). */
export function fakeCoreFactory() {
  const require = createRequire(import.meta.url);
  require('./fixtures/fake-core.js');
  return globalThis.createLecternCore;
}

export const encode = (s) => new TextEncoder().encode(s);

/**
 * A test double where the page's code expects the real thing (a core, a DOM, a Worker class): the
 * type checker takes it as any, the test says what it stands in for.
 * @param {unknown} double
 * @returns {any}
 */
export const standIn = (double) => double;
