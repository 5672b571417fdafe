// What the WebAssembly suites share: the core (build-wasm/bin/lectern-core.js, or the file named
// by LECTERN_CORE), loaded once per test file, and the project's seed articles.
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corePath = process.env.LECTERN_CORE ?? join(root, 'build-wasm/bin/lectern-core.js');
export const core = await createRequire(import.meta.url)(corePath)();

export const seedDir = join(root, 'shared/seeds');
/** The seed files' names, sorted (000 China Daily, 001 KUNA, ...). */
export const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort();
/** The cleaned body of seed `name`, as the page has it. */
export const seedBody = (name) =>
  JSON.parse(core.readFile(readFileSync(join(seedDir, name)), name, '')).articles[0].body;
