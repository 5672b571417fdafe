import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  adaptChunkSize,
  chunkEnd,
  countNewlines,
  planChunks,
  shouldChunk,
  CHUNK_BYTES,
  MIN_CHUNK_BYTES,
} from '../../../web/src/import/chunking.js';
import { encode } from '../helpers.mjs';

const text = (chunks, bytes) => chunks.map((c) => new TextDecoder().decode(bytes.subarray(c.start, c.end)));

test('chunks end after newlines and carry the number of their first line', () => {
  const bytes = encode('aaaa\nbbbb\ncccc\ndddd\n');
  const chunks = planChunks(bytes, 12);
  assert.deepEqual(text(chunks, bytes), ['aaaa\nbbbb\n', 'cccc\ndddd\n']);
  assert.deepEqual(
    chunks.map((c) => c.firstLine),
    [1, 3],
  );
});

test('chunks cover the input exactly, in order', () => {
  const lines = Array.from({ length: 500 }, (_, i) => `{"id":${i},"text":"${'é'.repeat(i % 37)}"}`);
  const bytes = encode(lines.join('\r\n'));
  for (const target of [1, 7, 64, 1000, 1e6]) {
    const chunks = planChunks(bytes, target);
    let at = 0;
    let line = 1;
    for (const c of chunks) {
      assert.equal(c.start, at);
      assert.equal(c.firstLine, line);
      assert.ok(c.end > c.start);
      line += countNewlines(bytes, c.start, c.end);
      at = c.end;
      // Every chunk but the last ends just after a newline (never inside a UTF-8 sequence).
      if (c.end < bytes.length) assert.equal(bytes[c.end - 1], 0x0a);
    }
    assert.equal(at, bytes.length);
    // The first line of each chunk is the line its first byte is on.
    for (const c of chunks) {
      const before = new TextDecoder().decode(bytes.subarray(0, c.start));
      assert.equal(c.firstLine, before.split('\n').length);
    }
  }
});

test('a line longer than the target makes one longer chunk (lines are never split)', () => {
  const bytes = encode(`short\n${'x'.repeat(100)}\nend`);
  const chunks = planChunks(bytes, 10);
  assert.deepEqual(text(chunks, bytes), ['short\n', `${'x'.repeat(100)}\n`, 'end']);
  assert.deepEqual(
    chunks.map((c) => c.firstLine),
    [1, 2, 3],
  );
});

test('input without newlines is one chunk; empty input has none', () => {
  assert.deepEqual(planChunks(encode('x'.repeat(50)), 10), [{ start: 0, end: 50, firstLine: 1 }]);
  assert.deepEqual(planChunks(new Uint8Array(0), 10), []);
  assert.throws(() => planChunks(encode('x'), 0), RangeError);
});

test('a starting line number other than 1 is carried through', () => {
  const chunks = planChunks(encode('a\nb\nc\n'), 2, 41);
  assert.deepEqual(
    chunks.map((c) => c.firstLine),
    [41, 42, 43],
  );
});

test('only big .jsonl files are chunked', () => {
  assert.equal(shouldChunk('feed.jsonl', CHUNK_BYTES + 1), true);
  assert.equal(shouldChunk('FEED.JSONL', CHUNK_BYTES + 1), true);
  assert.equal(shouldChunk('feed.jsonl', CHUNK_BYTES), false);
  assert.equal(shouldChunk('feed.json', CHUNK_BYTES * 5), false);
  assert.equal(shouldChunk('notes.txt', CHUNK_BYTES * 5), false);
});

test('chunkEnd cuts after a newline within the target, else after the next one', () => {
  const bytes = encode('ab\ncd\nef');
  assert.equal(chunkEnd(bytes, 0, 4), 3);
  assert.equal(chunkEnd(bytes, 0, 2), 3);
  assert.equal(chunkEnd(bytes, 3, 2), 6);
  assert.equal(chunkEnd(bytes, 6, 2), 8);
  assert.equal(chunkEnd(bytes, 0, 100), 8);
});

test('chunk sizes adapt to aim at the target time, within bounds, growing at most twofold', () => {
  const MB = 1024 * 1024;
  assert.equal(adaptChunkSize(MB, 120, { targetMs: 120 }), MB);
  assert.equal(adaptChunkSize(MB, 100), MB, 'the default target is 100 ms');
  assert.equal(adaptChunkSize(MB, 1200, { targetMs: 120 }), Math.round(MB / 10));
  assert.equal(adaptChunkSize(MB, 12, { targetMs: 120 }), 2 * MB, 'capped at twice the last');
  assert.equal(adaptChunkSize(256 * 1024, 0), 512 * 1024, 'no time measured: double');
  assert.equal(adaptChunkSize(2 * MB, 1), CHUNK_BYTES, 'never over the maximum');
  assert.equal(adaptChunkSize(100 * 1024, 100000), MIN_CHUNK_BYTES, 'never under the minimum');
});
