// Diff time and edit size in one run: the Lectern core in WebAssembly under Node against jsdiff's
// diffWords and diff-match-patch, on the 50 most similar (but not identical) Reuters pairs and on
// adversarial inputs. Reuters-21578 lives in ../shared/data and is not part of the project: without
// it this says so and stops. Peers run in a worker thread and are stopped after LIMIT seconds.
//   node bench/diff.mjs [path/to/reuters21578.jsonl] [--limit SECONDS]
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const WORD = /[\p{L}\p{N}]+/gu;
const countWords = (s) => s.match(WORD)?.length ?? 0;

// Each peer answers {seconds, edited}: edited = words inside inserted or deleted text.
const PEERS = {
  'jsdiff diffWords': (a, b) => {
    const parts = require('diff').diffWords(a, b);
    return parts.reduce((n, p) => n + (p.added || p.removed ? countWords(p.value) : 0), 0);
  },
  'diff-match-patch': (a, b) => {
    const DiffMatchPatch = require('diff-match-patch');
    const dmp = new DiffMatchPatch(); // default Diff_Timeout: 1 s, then it degrades
    const parts = dmp.diff_main(a, b);
    dmp.diff_cleanupSemantic(parts);
    return parts.reduce((n, [op, text]) => n + (op !== 0 ? countWords(text) : 0), 0);
  },
};

if (!isMainThread) {
  const { peer, a, b } = workerData;
  const start = process.hrtime.bigint();
  const edited = PEERS[peer](a, b);
  parentPort.postMessage({ seconds: Number(process.hrtime.bigint() - start) / 1e9, edited });
} else {
  await main();
}

function runPeer(peer, a, b, limit) {
  return new Promise((done) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { peer, a, b } });
    const timer = setTimeout(() => {
      worker.terminate();
      done({ seconds: Infinity, edited: NaN });
    }, limit * 1000);
    worker.once('message', (m) => {
      clearTimeout(timer);
      worker.terminate();
      done(m);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      done({ seconds: NaN, edited: NaN, error: e instanceof Error ? e.message : String(e) });
    });
  });
}

async function main() {
  const args = process.argv.slice(2);
  const limitAt = args.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(args.splice(limitAt, 2)[1]) : 20;
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const corpus = args[0] ?? resolve(root, '../shared/data/bench/reuters21578.jsonl');
  if (!existsSync(corpus)) {
    console.log(`skipped: ${corpus} not found (the benchmark corpus lives in ../shared/data)`);
    return;
  }
  const core = await require(join(root, 'build-wasm/bin/lectern-core.js'))();
  const records = readFileSync(corpus, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .filter((r) => typeof r.text === 'string' && r.text.trim().length > 0);

  const lectern = (a, b) => {
    const start = process.hrtime.bigint();
    const diff = JSON.parse(core.diffTexts(a, b, ''));
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (diff.error) throw new Error(diff.error);
    const edited = diff.groups.reduce(
      (n, g) => n + g.words.reduce((m, w) => m + (w.op !== 'equal' ? countWords(w.text) : 0), 0),
      0,
    );
    return { seconds, edited };
  };

  // The 50 most similar pairs whose texts differ, as the core's clustering finds them.
  const clusterer = new core.StoryClusterer('');
  let pairs;
  try {
    records.forEach((r, i) => clusterer.add(String(i), r.text));
    ({ pairs } = JSON.parse(clusterer.cluster()));
  } finally {
    clusterer.delete();
  }
  const differing = pairs
    .filter((p) => records[p.a].text !== records[p.b].text)
    .sort((x, y) => y.jaccard - x.jaccard || y.containment - x.containment);
  // Also 50 real rewrites: the least similar pairs the clustering keeps (cut-down versions).
  const sets = [
    ['most similar', differing.slice(0, 50)],
    ['least similar kept', differing.slice(-50)],
  ];

  const rows = [];
  const add = async (name, a, b, peers = true) => {
    const row = { name, words: `${countWords(a)}/${countWords(b)}`, lectern: lectern(a, b) };
    for (const peer of Object.keys(PEERS)) row[peer] = peers ? await runPeer(peer, a, b, limit) : null;
    rows.push(row);
    return row;
  };

  const perSet = [];
  for (const [title, list] of sets) {
    const perPair = { lectern: [], 'jsdiff diffWords': [], 'diff-match-patch': [] };
    for (const p of list) {
      const a = records[p.a].text,
        b = records[p.b].text;
      perPair.lectern.push(lectern(a, b));
      for (const peer of Object.keys(PEERS)) perPair[peer].push(await runPeer(peer, a, b, limit));
    }
    perSet.push({ title, list, perPair });
  }

  // Adversarial inputs built from the corpus: long texts from many articles, none shared.
  const join20k = (from) => {
    const out = [];
    let words = 0;
    for (let i = from; words < 20000 && i < records.length; i++) {
      out.push(records[i].text);
      words += countWords(records[i].text);
    }
    return out.join('\n\n');
  };
  const unrelatedA = join20k(0),
    unrelatedB = join20k(Math.floor(records.length / 2));
  const big = Array.from({ length: 10 }, (_, k) => join20k(k * 1500)).join('\n\n');
  const edited = big.replace(/\b(\d+)\b/g, (m, d, at) => (at % 7 === 0 ? String(Number(d) + 1) : m));
  const unpunctuated = unrelatedA.replace(/[.!?\n]+/g, ' ');
  const shuffled = unpunctuated.split(' ').reverse().join(' ');
  const rewrite = unrelatedA
    .split(/(?<=\.)\s+/)
    .filter((_, i) => i % 3 !== 1)
    .join(' ')
    .slice(0, 30000);

  await add('unrelated 20k vs 20k words', unrelatedA, unrelatedB);
  await add('rewrite: every third sentence cut', unrelatedA, rewrite);
  await add('identical 20k words', unrelatedA, unrelatedA);
  // One word changed in the middle (the first "the" past half the text).
  const middle = unrelatedA.indexOf(' the ', unrelatedA.length >> 1);
  const nearA = `${unrelatedA.slice(0, middle)} a ${unrelatedA.slice(middle + 5)}`;
  await add('nearly identical 20k words (one word changed)', unrelatedA, nearA);
  await add('20k words without punctuation vs reversed', unpunctuated, shuffled);
  await add('200k words vs numbers changed', big, edited, false);

  const fmt = (r) =>
    r === null
      ? 'not run'
      : !Number.isFinite(r.seconds)
        ? Number.isNaN(r.seconds)
          ? `error ${r.error ?? ''}`
          : `>${limit} s (stopped)`
        : `${(r.seconds * 1000).toFixed(1)} ms, ${r.edited} words edited`;
  console.log(`${records.length} Reuters articles (${corpus})`);
  for (const { title, list, perPair } of perSet) {
    console.log(
      `\n${list.length} ${title} non-identical pairs ` +
        `(Jaccard ${list.at(-1)?.jaccard}–${list[0]?.jaccard}):`,
    );
    for (const [name, results] of Object.entries(perPair)) {
      const done = results.filter((r) => Number.isFinite(r.seconds));
      const ms = done.map((r) => r.seconds * 1000).sort((x, y) => x - y);
      const edits = done.reduce((n, r) => n + r.edited, 0);
      const stopped = results.length - done.length;
      console.log(
        `  ${name.padEnd(18)} total ${ms.reduce((n, x) => n + x, 0).toFixed(1)} ms, ` +
          `median ${ms[ms.length >> 1]?.toFixed(2)} ms, max ${ms.at(-1)?.toFixed(1)} ms, ` +
          `${edits} words edited${stopped ? `, ${stopped} stopped` : ''}`,
      );
    }
  }
  console.log('\nAdversarial inputs:');
  for (const row of rows) {
    console.log(`  ${row.name} (${row.words})`);
    for (const name of ['lectern', ...Object.keys(PEERS)])
      console.log(`    ${name.padEnd(18)} ${fmt(row[name])}`);
  }
}
