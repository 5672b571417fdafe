// StoryClusterer's limits in the WebAssembly core: the pairs listed for the page are bounded
// (maxPairs, by default 20 per article and at least 10,000) while every clustered article keeps a
// pair, and pair counts do not overflow wasm32's 32-bit size_t.
// Runs against build-wasm/bin/lectern-core.js, or the file named by LECTERN_CORE.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core } from './core.mjs';

function cluster(texts, options = '') {
  const c = new core.StoryClusterer(options);
  try {
    texts.forEach((text, i) => c.add(`k${i}`, text));
    return JSON.parse(c.cluster());
  } finally {
    c.delete();
  }
}

const wire = 'The central bank raised its key interest rate by a quarter point on Thursday, '
  + 'citing persistent inflation in services and a tight labour market.';

test('the pairs listed are bounded by default, and every clustered article keeps one', () => {
  const r = cluster(Array.from({ length: 300 }, () => wire));
  assert.equal(r.keptPairs, (300 * 299) / 2);
  assert.equal(r.pairs.length, 10000, 'max(10,000, 20 x 300 articles)');
  const paired = new Set(r.pairs.flatMap((p) => [p.a, p.b]));
  assert.equal(paired.size, 300);
  assert.deepEqual(r.clusters.map((c) => c.members.length), [300]);
});

test('maxPairs sets the limit; a bad one is an error', () => {
  const texts = Array.from({ length: 40 }, () => wire);
  assert.equal(cluster(texts, JSON.stringify({ maxPairs: 39 })).pairs.length, 39);
  assert.equal(cluster(texts, JSON.stringify({ maxPairs: 0 })).pairs.length, 0);
  assert.equal(cluster(texts, JSON.stringify({ maxPairs: 1e6 })).pairs.length, 780);
  for (const bad of [-1, 1.5, '10', null]) {
    assert.match(cluster(texts, JSON.stringify({ maxPairs: bad })).error, /bad options: maxPairs/);
  }
});

test('70,000 copies: 2,449,965,000 pairs counted in 64 bits', () => {
  const r = cluster(Array.from({ length: 70000 }, () => 'one wire item'), JSON.stringify({ maxPairs: 10 }));
  assert.equal(r.keptPairs, (70000 * 69999) / 2);
  assert.equal(r.pairs.length, 10);
  assert.equal(r.clusters[0].members.length, 70000);
});
