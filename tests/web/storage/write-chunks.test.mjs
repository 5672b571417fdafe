// write-chunks.js: big writes go in transactions sized by what copying the last one cost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WriteChunks, CHUNK_MS, MAX_CHUNK, MIN_CHUNK } from '../../../web/src/storage/write-chunks.js';

/** A clock that moves `perRecord` ms for each record a timed put copies. */
function run(records, perRecord) {
  let clock = 0;
  const sizes = [];
  const chunks = new WriteChunks({ now: () => clock });
  return chunks
    .each(records, async (chunk, timed) => {
      sizes.push(chunk.length);
      timed(() => {
        clock += chunk.length * perRecord;
      });
    })
    .then(() => sizes);
}

const ids = (n) => Array.from({ length: n }, (_, i) => i);

test('big records: chunks shrink to what copies in about CHUNK_MS', async () => {
  const sizes = await run(ids(1000), 0.5); // 0.5 ms per article, as Chromium under load
  assert.equal(sizes[0], 50, 'the first guess');
  assert.equal(sizes[1], Math.floor(CHUNK_MS / 0.5));
  assert.equal(
    sizes.reduce((a, b) => a + b),
    1000,
    'every record written once',
  );
});

test('small records: chunks grow to MAX_CHUNK; very big ones do not go under MIN_CHUNK', async () => {
  assert.deepEqual((await run(ids(1100), 0.001)).slice(0, 3), [50, MAX_CHUNK, MAX_CHUNK]);
  assert.deepEqual((await run(ids(80), 100)).slice(0, 3), [50, MIN_CHUNK, MIN_CHUNK]);
  assert.deepEqual(await run([], 1), [], 'nothing to write: no transaction');
});

test('chunks keep the records in order', async () => {
  const seen = [];
  await new WriteChunks({ first: 3 }).each(ids(10), async (chunk) => {
    seen.push(...chunk);
  });
  assert.deepEqual(seen, ids(10));
});

test('every timed part of a chunk counts: reads and writes add up', async () => {
  let clock = 0;
  const sizes = [];
  await new WriteChunks({ now: () => clock }).each(ids(200), async (chunk, timed) => {
    sizes.push(chunk.length);
    timed(() => (clock += chunk.length * 0.1)); // the reads
    timed(() => (clock += chunk.length * 0.1)); // the writes
  });
  assert.equal(sizes[1], Math.floor(CHUNK_MS / 0.2));
});
