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
