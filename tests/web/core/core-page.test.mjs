// The core's page-side helpers (core/core.js): a file read a piece at a time, and the core's data
// block run as a script only when asked for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageCoreFactory, readBlobBytes } from '../../../web/src/core/core.js';

const bytesOf = (n) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) % 251);

test('a file is read a piece at a time and put together whole', async () => {
  const data = bytesOf(10_500);
  const blob = new Blob([data]);
  const reads = [];
  const counted = {
    size: blob.size,
    slice: (from, to) => {
      reads.push([from, to]);
      return blob.slice(from, to);
    },
  };
  assert.deepEqual(await readBlobBytes(/** @type {any} */ (counted), 4000), data);
  assert.deepEqual(reads, [
    [0, 4000],
    [4000, 8000],
    [8000, 12000],
  ]);
  assert.deepEqual(await readBlobBytes(blob, 20_000), data, 'a small file in one read');
  assert.deepEqual(await readBlobBytes(new Blob([]), 10), new Uint8Array());
});

test('a file that shrinks while it is read gives what was there', async () => {
  const data = bytesOf(9000);
  const short = new Blob([data.subarray(0, 5000)]);
  const shrinking = { size: data.length, slice: (from, to) => short.slice(from, to) };
  assert.deepEqual(await readBlobBytes(/** @type {any} */ (shrinking), 2000), data.subarray(0, 5000));
});

test("the core's data block runs as a script once, when the core is first asked for", () => {
  const ran = [];
  const doc = {
    getElementById: (id) => (id === 'lectern-core' ? { textContent: 'the core' } : null),
    createElement: (tag) => ({ tag, textContent: '', remove() {} }),
    head: {
      append: (script) => {
        ran.push(script.textContent);
        globalThis.createLecternCore = async () => /** @type {any} */ ({});
      },
    },
  };
  try {
    const factory = pageCoreFactory(/** @type {any} */ (doc));
    assert.equal(typeof factory, 'function');
    assert.equal(pageCoreFactory(/** @type {any} */ (doc)), factory, 'not run again');
    assert.deepEqual(ran, ['the core']);
  } finally {
    delete globalThis.createLecternCore;
  }
  const empty = { getElementById: () => null };
  assert.equal(pageCoreFactory(/** @type {any} */ (empty)), undefined, 'a page without the core');
});
