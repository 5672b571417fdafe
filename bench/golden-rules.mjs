// The English "golden rules" (tests/fixtures/golden-rules-en.json) for the Lectern core in
// WebAssembly and its browser peers, in one run: how many of the 48 cases each splits exactly.
//   node bench/golden-rules.mjs
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { cases } = JSON.parse(readFileSync(join(root, 'tests/fixtures/golden-rules-en.json'), 'utf8'));
const norm = (s) => s.replace(/\s+/g, ' ').trim();

const core = await require(join(root, 'build-wasm/bin/lectern-core.js'))();
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const sbd = require('sbd');
const splitters = {
  'Lectern (WASM)': (t) => {
    const b = core.splitSentences(t);
    const out = [];
    for (let i = 0; i < b.length; i += 2) out.push(t.slice(b[i], b[i + 1]));
    return out;
  },
  'Intl.Segmenter': (t) => [...segmenter.segment(t)].map((s) => s.segment),
  sbd: (t) => sbd.sentences(t, { newline_boundaries: false }),
};

for (const [name, split] of Object.entries(splitters)) {
  const failed = cases.filter((c) => {
    const got = split(c.text).map(norm).filter(Boolean);
    return JSON.stringify(got) !== JSON.stringify(c.expected.map(norm));
  });
  console.log(
    `${name.padEnd(16)} ${cases.length - failed.length}/${cases.length}` +
      (failed.length && failed.length < 6 ? `  (fails: ${failed.map((c) => c.name).join(', ')})` : ''),
  );
}
