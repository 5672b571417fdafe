// The benchmarks' corpus: Reuters-21578 as JSONL, which lives in ../shared/data and is not part of
// the project. Without it, the benchmark says so and stops (exit 0).
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The non-blank `text` fields of the corpus at `path` (by default ../shared/data/bench/reuters21578.jsonl).
 * @param {string} [path]
 * @returns {{corpus: string, texts: string[]}}
 */
export function readCorpus(path) {
  const corpus = path ?? resolve(root, '../shared/data/bench/reuters21578.jsonl');
  if (!existsSync(corpus)) {
    console.log(`skipped: ${corpus} not found (the benchmark corpus lives in ../shared/data)`);
    process.exit(0);
  }
  const texts = readFileSync(corpus, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line).text)
    .filter((t) => typeof t === 'string' && t.trim() !== '');
  return { corpus, texts };
}
