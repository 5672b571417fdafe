// Near-duplicate clustering in one run: the Lectern core natively (build/bin/bench_dedup) and in
// WebAssembly under Node against a plain JavaScript MinHash LSH (bench/minhash-plain.mjs) and,
// with --npm-minhash, the npm package `minhash` (slow: tens of seconds), each with its recall
// against an exact answer: every pair with word-5-gram Jaccard >= 0.5 by the core's exact
// all-pairs comparison (prefix filter). Two truth sets, as the rows say:
//  - the WASM row and the JS peers: the core's exact pass in WASM over the JSONL `text` fields as
//    they are (the texts every method here is given);
//  - the native row: bench_dedup's own exact pass over the cleaned bodies (lectern::ReadFile),
//    which are the texts it clusters.
// The JS peers shingle with their own tokenisation (lower-cased runs of \p{L}\p{N}), not the
// core's (case-folded runs of letters, marks and digits, one word per ideograph), so they are
// scored on the core's pairs but compare slightly different sets. Reuters-21578 lives in
// ../shared/data and is not part of the project: without it this says so and stops.
//   node bench/dedup.mjs [path/to/reuters21578.jsonl] [--npm-minhash]
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readCorpus, root } from './corpus.mjs';
import { plainMinHashPairs, shingles } from './minhash-plain.mjs';

const args = process.argv.slice(2);
const withNpm = args.includes('--npm-minhash');
const { corpus, texts } = readCorpus(args.find((a) => !a.startsWith('--')));
const require = createRequire(import.meta.url);

const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const key = (a, b) => (Number(a) < Number(b) ? `${a} ${b}` : `${b} ${a}`);

// The Lectern core in WebAssembly: add every article, cluster, then the exact answer.
const core = await require(join(root, 'build-wasm/bin/lectern-core.js'))();
// maxPairs: list every pair, since the exact pass is the truth (the page's default limit is 20 per
// article, far above Reuters' ~1,000 pairs anyway).
const clusterer = new core.StoryClusterer(JSON.stringify({ maxPairs: 1e9 }));
let wasm, exact, memory;
try {
  let start = process.hrtime.bigint();
  texts.forEach((t, i) => clusterer.add(String(i), t));
  const add = seconds(start);
  start = process.hrtime.bigint();
  const result = JSON.parse(clusterer.cluster());
  wasm = { add, cluster: seconds(start), result };
  start = process.hrtime.bigint();
  const exactResult = JSON.parse(clusterer.clusterExact());
  exact = { seconds: seconds(start), result: exactResult };
  memory = clusterer.memoryBytes();
} finally {
  clusterer.delete();
}
if (exact.result.error || exact.result.pairs.length !== exact.result.keptPairs) {
  throw new Error(
    `the exact pass listed ${exact.result.pairs?.length} of ${exact.result.keptPairs} pairs: ${exact.result.error ?? ''}`,
  );
}
const truth = new Set(exact.result.pairs.filter((p) => p.jaccard >= 0.5).map((p) => key(p.a, p.b)));
const rawTruth = `core exact, raw texts (WASM): ${truth.size}`;
const recall = (pairs) => pairs.filter((p) => truth.has(key(p.a, p.b))).length / truth.size;

const rows = [];
const native = join(root, 'build/bin/bench_dedup');
if (existsSync(native)) {
  const out = execFileSync(native, [corpus], { encoding: 'utf8' });
  const field = (name) => out.match(new RegExp(`^${name}\\s+([\\d.]+)`, 'm'))?.[1];
  rows.push({
    name: 'Lectern native (C++)',
    seconds: Number(field('Add all \\(shingle\\+sketch\\)')) + Number(field('Cluster \\(LSH\\+verify\\)')),
    recall: Number(field('recall J>=0.5')),
    truth: `core exact, cleaned bodies (native): ${field('pairs J>=0.5 exact')}`,
  });
}
rows.push({
  name: 'Lectern WASM (Node)',
  seconds: wasm.add + wasm.cluster,
  recall: recall(wasm.result.pairs.filter((p) => p.jaccard >= 0.5)),
  truth: rawTruth,
});

let start = process.hrtime.bigint();
const plain = plainMinHashPairs(texts, 0.5);
rows.push({ name: 'plain JS MinHash LSH', seconds: seconds(start), recall: recall(plain), truth: rawTruth });

if (withNpm) {
  const { Minhash, LshIndex } = require('minhash');
  start = process.hrtime.bigint();
  const index = new LshIndex();
  const hashes = texts.map((t, i) => {
    const m = new Minhash();
    for (const s of shingles(t)) m.update(String(s));
    index.insert(i, m);
    return m;
  });
  const found = [];
  hashes.forEach((m, i) => {
    for (const j of index.query(m)) {
      if (j > i && m.jaccard(hashes[j]) >= 0.5) found.push({ a: i, b: j });
    }
  });
  rows.push({ name: 'npm minhash', seconds: seconds(start), recall: recall(found), truth: rawTruth });
}

console.log(
  `${texts.length} Reuters articles (${corpus}); exact answer over the raw texts: ` +
    `${truth.size} pairs with Jaccard >= 0.5 (core's exact all-pairs in WASM: ${exact.seconds.toFixed(2)} s)`,
);
const base = rows.find((r) => r.name === 'plain JS MinHash LSH').seconds;
for (const r of rows) {
  console.log(
    `${r.name.padEnd(22)} ${r.seconds.toFixed(3).padStart(7)} s  ` +
      `${(base / r.seconds).toFixed(1).padStart(5)}x plain JS  recall ${r.recall.toFixed(4)}  ` +
      `(truth: ${r.truth} pairs)`,
  );
}
console.log(
  `WASM: add ${wasm.add.toFixed(3)} s + cluster ${wasm.cluster.toFixed(3)} s; ` +
    `${wasm.result.clusters.length} clusters, ${wasm.result.keptPairs} kept pairs; index ` +
    `${(memory / texts.length).toFixed(0)} bytes per article (${(memory / texts.length / 1000).toFixed(2)} MB per 1,000)`,
);
