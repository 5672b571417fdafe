// Entity-finding throughput in one run: sentences + entities in the Lectern core (WebAssembly under
// Node, and natively through build/bin/bench_entities when it is built) against the npm packages
// compromise and wink-nlp (its English lite model finds dates and numbers, no people,
// organisations or places: it is timed all the same), on real newswire text (Reuters-21578, which
// lives in ../shared/data and is not part of the project: without it this says so and stops).
// compromise is slow, so it reads the first COMPROMISE_MB of the corpus (default 1); the others
// read it all. Also reports peak memory, the model's bytes and the module's size.
//   node bench/entities.mjs [path/to/reuters21578.jsonl]
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readCorpus, root } from './corpus.mjs';

const { corpus, texts } = readCorpus(process.argv[2]);
const corpusPath = process.argv[2] ?? join(root, '../shared/data/bench/reuters21578.jsonl');
const require = createRequire(import.meta.url);
const bytes = (list) => list.reduce((n, t) => n + Buffer.byteLength(t), 0);

/** The first texts that make up at least `mb` megabytes. */
function sample(mb) {
  const out = [];
  for (let n = 0, i = 0; i < texts.length && n < mb * 1e6; i++) {
    out.push(texts[i]);
    n += Buffer.byteLength(texts[i]);
  }
  return out;
}

/**
 * One timed pass of `find` over `list`: MB/s and the number of sentences and entities found.
 * @param {string} name
 * @param {string[]} list
 * @param {(text: string) => [number, number]} find sentences and entities of one text
 */
function measure(name, list, find) {
  find('Warm up. Angela Merkel visited Paris.');
  let sentences = 0,
    entities = 0;
  const start = process.hrtime.bigint();
  for (const t of list) {
    const [s, e] = find(t);
    sentences += s;
    entities += e;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const megabytes = bytes(list) / 1e6;
  return { name, megabytes, seconds, mbPerSecond: megabytes / seconds, sentences, entities };
}

const modulePath = join(root, 'build-wasm/bin/lectern-core.js');
const core = await require(modulePath)();
const wasm = measure('Lectern WASM (Node)', texts, (t) => [
  core.splitSentences(t).length / 2,
  JSON.parse(core.entities(t, '{}')).length,
]);
const wasmRss = process.resourceUsage().maxRSS * 1e3; // bytes; before any JS peer is loaded
const nlp = require('compromise');
const peer = measure('compromise 14.18.0', sample(Number(process.env.COMPROMISE_MB ?? 1)), (t) => {
  const doc = nlp(t);
  return [doc.sentences().length, doc.people().length + doc.organizations().length + doc.places().length];
});

const { default: winkNLP } = await import('wink-nlp');
const { default: winkModel } = await import('wink-eng-lite-web-model');
const wink = winkNLP(winkModel);
const winkRow = measure('wink-nlp 2.4.0', texts, (t) => {
  const doc = wink.readDoc(t);
  return [doc.sentences().length(), doc.entities().length()];
});

// Native: the same work per article in C++ (best of three passes), when the native build is there.
const nativeBin = join(root, 'build/bin/bench_entities');
let native = null;
if (existsSync(nativeBin)) {
  const r = JSON.parse(execFileSync(nativeBin, [corpusPath], { encoding: 'utf8' }));
  native = { name: 'Lectern native', ...r };
}

console.log(`${texts.length} articles, ${(bytes(texts) / 1e6).toFixed(1)} MB (${corpus})`);
for (const r of [wasm, native, peer, winkRow].filter(Boolean)) {
  console.log(
    `${r.name.padEnd(22)} ${r.mbPerSecond.toFixed(2).padStart(7)} MB/s  over ${r.megabytes.toFixed(1)} MB  ` +
      `${r.sentences} sentences, ${r.entities} entities`,
  );
}
console.log(`WASM / compromise: ${(wasm.mbPerSecond / peer.mbPerSecond).toFixed(1)}x`);
if (native) console.log(`native / compromise: ${(native.mbPerSecond / peer.mbPerSecond).toFixed(1)}x`);
console.log(`WASM / wink-nlp: ${(wasm.mbPerSecond / winkRow.mbPerSecond).toFixed(1)}x`);
console.log(
  `peak memory: Node with the WASM core ${(wasmRss / 1e6).toFixed(0)} MB max RSS, ` +
    `after all JS rows ${(process.resourceUsage().maxRSS / 1e3).toFixed(0)} MB max RSS` +
    (native ? `; native ${(native.peakRssKb / 1e3).toFixed(0)} MB max RSS` : ''),
);
const model = join(root, 'wasm/src/entities/model/entities.lnm');
console.log(`model: ${statSync(model).size} bytes (${model})`);
console.log(`module: ${statSync(modulePath).size} bytes (${modulePath}, the .wasm embedded)`);
