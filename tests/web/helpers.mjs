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

/**
 * The WebAssembly core with the annotation functions (build-wasm/bin/lectern-core.js, or
 * LECTERN_CORE), for tests that run against it; `skip` says why they cannot when it is missing.
 * @returns {Promise<{core: import('../../web/src/core/core.js').CoreReader|null, skip: string|false}>}
 */
export async function annotationCore() {
  const { existsSync } = await import('node:fs');
  const { CoreReader } = await import('../../web/src/core/core.js');
  const corePath = process.env.LECTERN_CORE ?? path.join(ROOT, 'build-wasm/bin/lectern-core.js');
  let core = null;
  if (existsSync(corePath)) {
    const module = await createRequire(import.meta.url)(corePath)();
    if (typeof module.annotationsCreate === 'function') core = new CoreReader(module);
  }
  return { core, skip: core ? false : `no core with annotation functions at ${corePath}` };
}
