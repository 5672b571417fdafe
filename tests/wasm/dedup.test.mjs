// StoryClusterer in the WebAssembly core: what the library's story groups rely on.
// Runs against build-wasm/bin/lectern-core.js, or the file named by LECTERN_CORE.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core, seedBody, seeds } from './core.mjs';

function cluster(entries, options = '', exact = false) {
  const c = new core.StoryClusterer(options);
  try {
    const indices = entries.map(([key, text]) => c.add(key, text));
    return { indices, ...JSON.parse(exact ? c.clusterExact() : c.cluster()) };
  } finally {
    c.delete();
  }
}

test('the seed story: 000 and 001 form a cluster, 002-004 join no one', () => {
  const r = cluster(seeds.map((s) => [s, seedBody(s)]));
  assert.deepEqual(r.indices, [0, 1, 2, 3, 4]);
  assert.deepEqual(r.clusters, [{ members: [seeds[0], seeds[1]] }]);
  assert.equal(r.pairs.length, 1);
  const [p] = r.pairs;
  assert.deepEqual([p.a, p.b], [seeds[0], seeds[1]]);
  assert.ok(p.jaccard > 0.3 && p.jaccard < 0.5, `Jaccard ${p.jaccard}: kept for its containment`);
  assert.ok(p.containment > 0.7, `containment ${p.containment}`);
  assert.deepEqual(cluster(seeds.map((s) => [s, seedBody(s)]), '', true).clusters, r.clusters);
});

test('identical and empty articles, non-ASCII keys', () => {
  const text = seedBody(seeds[2]);
  const r = cluster([['é 🦊', text], ['empty', ''], ['copy', text], ['word', 'Hello']]);
  assert.deepEqual(r.clusters, [{ members: ['é 🦊', 'copy'] }]);
  assert.equal(r.pairs[0].jaccard, 1);
  assert.deepEqual(cluster([]).clusters, []);
});

test('a stricter threshold drops the cut-down version; bad options are an error', () => {
  const r = cluster(seeds.slice(0, 2).map((s) => [s, seedBody(s)]), JSON.stringify({ minContainment: 0.9 }));
  assert.deepEqual(r.clusters, []);
  assert.match(cluster([], JSON.stringify({ minJaccard: 2 })).error, /bad options/);
  assert.match(cluster([], '{not json').error, /bad options/);
});
