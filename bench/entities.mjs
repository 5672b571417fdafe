// Entity-finding throughput in one run: sentences + entities in the Lectern core (WebAssembly under
// Node) against the npm package compromise, on real newswire text (Reuters-21578, which lives in
// ../shared/data and is not part of the project: without it this says so and stops). compromise is
// slow, so it reads the first COMPROMISE_MB of the corpus (default 1); the WASM core reads it all.
// Also reports the model's bytes and the module's size.
//   node bench/entities.mjs [path/to/reuters21578.jsonl]
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readCorpus, root } from './corpus.mjs';

const { corpus, texts } = readCorpus(process.argv[2]);
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
const nlp = require('compromise');
const peer = measure('compromise 14.18.0', sample(Number(process.env.COMPROMISE_MB ?? 1)), (t) => {
  const doc = nlp(t);
  return [doc.sentences().length, doc.people().length + doc.organizations().length + doc.places().length];
});

console.log(`${texts.length} articles, ${(bytes(texts) / 1e6).toFixed(1)} MB (${corpus})`);
for (const r of [wasm, peer]) {
  console.log(
    `${r.name.padEnd(22)} ${r.mbPerSecond.toFixed(2).padStart(7)} MB/s  over ${r.megabytes.toFixed(1)} MB  ` +
      `${r.sentences} sentences, ${r.entities} entities`,
  );
}
console.log(`WASM / compromise: ${(wasm.mbPerSecond / peer.mbPerSecond).toFixed(1)}x`);
const model = join(root, 'wasm/src/entities/model/entities.lnm');
console.log(`model: ${statSync(model).size} bytes (${model})`);
console.log(`module: ${statSync(modulePath).size} bytes (${modulePath}, the .wasm embedded)`);
