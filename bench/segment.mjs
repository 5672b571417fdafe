// Sentence-splitting throughput in one run: the Lectern core natively and in WebAssembly under
// Node, against Intl.Segmenter and the npm package sbd, on real newswire text (Reuters-21578,
// which lives in ../shared/data and is not part of the project: without it this says so and stops).
//   node bench/segment.mjs [path/to/reuters21578.jsonl]
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readCorpus, root } from './corpus.mjs';

const { corpus, texts } = readCorpus(process.argv[2]);
const require = createRequire(import.meta.url);
const megabytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;

function measure(name, split) {
  split('Warm up. Once.');
  let best = Infinity,
    sentences = 0;
  for (let pass = 0; pass < 3; pass++) {
    const start = process.hrtime.bigint();
    sentences = 0;
    for (const t of texts) sentences += split(t);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { name, seconds: best, mbPerSecond: megabytes / best, sentences };
}

const results = [];
const native = join(root, 'build/bin/bench_segment');
if (existsSync(native)) {
  const r = JSON.parse(execFileSync(native, [corpus], { encoding: 'utf8' }));
  results.push({ name: 'Lectern native (C++)', ...r });
}
const core = await require(join(root, 'build-wasm/bin/lectern-core.js'))();
results.push(measure('Lectern WASM (Node)', (t) => core.splitSentences(t).length / 2));
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
results.push(
  measure('Intl.Segmenter', (t) => {
    let n = 0;
    for (const _ of segmenter.segment(t)) n++;
    return n;
  }),
);
const sbd = require('sbd');
results.push(measure('sbd', (t) => sbd.sentences(t).length));

const base = results.find((r) => r.name === 'Intl.Segmenter').mbPerSecond;
console.log(`${texts.length} articles, ${megabytes.toFixed(1)} MB (${corpus})`);
for (const r of results) {
  console.log(
    `${r.name.padEnd(24)} ${r.mbPerSecond.toFixed(1).padStart(7)} MB/s  ` +
      `${(r.mbPerSecond / base).toFixed(2)}x Intl.Segmenter  ${r.sentences} sentences`,
  );
}
