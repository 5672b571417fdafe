import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Collection, inImportOrder } from '../../../web/src/library/collection.js';
import {
  makeRecord,
  normaliseArticle,
  rowOf,
  isValidRecord,
  shareRecordStrings,
} from '../../../web/src/library/records.js';
import { SharedStrings } from '../../../web/src/storage/shared-strings.js';
import { parseSeeds, shouldLoadSeeds } from '../../../web/src/library/seeds.js';
import {
  firstSpan,
  packArticleSpans,
  packSpans,
  spanCount,
  spanList,
} from '../../../web/src/reader/spans.js';
import { parseHash, readerHash } from '../../../web/src/shell/router.js';
import { createHash } from 'node:crypto';

/** A stand-in for the core's contentHash (tests/wasm checks the real one). */
const contentHash = (/** @type {string} */ text) => createHash('sha256').update(text).digest('hex');

test('records: normalised article, words, display row', () => {
  const r = makeRecord(
    {
      id: 7,
      title: null,
      body: 'Hello there. Bye.',
      sentences: [
        { start: 0, end: 12 },
        { start: 5, end: 2 },
      ],
      paragraphs: 'x',
      wordCount: 3,
    },
    contentHash,
    { fileName: 'f.txt', importedAt: 5, seq: 3 },
  );
  assert.equal(r.article.recordId, '7');
  assert.equal(r.article.title, '');
  assert.deepEqual(r.article.sentences, [0, 12], 'packed; bad spans dropped');
  assert.deepEqual(r.article.paragraphs, []);
  assert.equal(r.words, 3, "the core's word count");
  assert.equal(r.hash, contentHash('Hello there. Bye.'), "the core's content hash of the body");
  assert.equal(r.id, r.hash.slice(0, 16), 'the article key is its first 16 digits');
  assert.equal(isValidRecord(r), true);
  assert.equal(isValidRecord({ id: 'x' }), false);
  const row = rowOf(r);
  assert.deepEqual([row.displayTitle, row.titleFromText, row.words, row.seq], ['Hello there.', true, 3, 3]);
  assert.equal(normaliseArticle(undefined).body, '');
  assert.equal('original' in r.article, false, 'the original is not in the article');
});

test('the original text goes with the record only when it is not the body', () => {
  const html = makeRecord({ body: 'Text.', original: 'Menu\nText.\nFooter' }, contentHash, {
    fileName: 'a.html',
    importedAt: 0,
    seq: 1,
  });
  assert.equal(html.original, 'Menu\nText.\nFooter');
  const plain = makeRecord({ body: 'Text.', original: 'Text.' }, contentHash, {
    fileName: 'a.txt',
    importedAt: 0,
    seq: 2,
  });
  assert.equal(plain.original, undefined, 'the body is the original: nothing to store apart');
});

/** A library record with only what Collection looks at. */
const rec = (id, seq) => ({
  id,
  seq,
  article: { body: id },
  fileName: '',
  importedAt: 0,
  seed: false,
  words: 1,
});

test("a record's repeating strings go through the table: file, source, date, unit, mention names", () => {
  const given = [];
  const strings = new (class extends SharedStrings {
    of(value) {
      given.push(value);
      return super.of(value);
    }
  })();
  const record = makeRecord(
    { body: 'Ana met Bo.', title: 'T', source: 'Wire 3', date: '2024-03-01', offsetUnit: 'utf16' },
    () => 'c'.repeat(64),
    { fileName: 'desk.jsonl', importedAt: 1, seq: 1 },
  );
  record.article.entities = { spans: new Int32Array(5), names: ['PER', 'PER:ana'] };
  const before = structuredClone(record);
  assert.deepEqual(shareRecordStrings(record, strings), before);
  assert.deepEqual(given, ['desk.jsonl', 'Wire 3', '2024-03-01', 'utf16', 'PER', 'PER:ana']);
});

test('collection keeps import order, refuses duplicates, removes and restores', () => {
  const c = new Collection();
  assert.equal(c.add(rec('b', 2)), true);
  assert.equal(c.add(rec('a', 1)), true);
  assert.equal(c.add(rec('a', 9)), false);
  assert.deepEqual(
    c.list().map((r) => r.id),
    ['a', 'b'],
  );
  assert.equal(c.nextSeq(), 3);
  const removed = c.remove('a');
  assert.equal(removed.id, 'a');
  assert.equal(c.remove('zzz'), undefined);
  assert.equal(c.size, 1);
  c.add(removed); // undo puts it back where it was
  assert.deepEqual(
    c.list().map((r) => r.id),
    ['a', 'b'],
  );
  assert.equal(c.clear().length, 2);
  assert.equal(c.size, 0);
});

test('the collection counts its seeds as records come and go', () => {
  const c = new Collection([{ ...rec('s1', 1), seed: true }, rec('a', 2), { ...rec('s2', 3), seed: true }]);
  assert.equal(c.seedCount, 2);
  assert.equal(c.add({ ...rec('s1', 4), seed: true }), false); // a duplicate is not counted
  assert.equal(c.seedCount, 2);
  c.remove('s1');
  c.remove('a');
  assert.equal(c.seedCount, 1);
  assert.equal(c.seedCount, c.seeds().length);
  c.clear();
  assert.equal(c.seedCount, 0);
});

test('seeds load on first run only, or always when nothing is stored', () => {
  assert.equal(shouldLoadSeeds({ persistent: true, initialised: false }), true);
  assert.equal(shouldLoadSeeds({ persistent: true, initialised: true }), false);
  assert.equal(shouldLoadSeeds({ persistent: false, initialised: false }), true);
  assert.deepEqual(parseSeeds('[{"name":"a.txt","text":"x"},{"name":1},null]'), [
    { name: 'a.txt', text: 'x' },
  ]);
  assert.deepEqual(parseSeeds('not json'), []);
  assert.deepEqual(parseSeeds(''), []);
  assert.deepEqual(parseSeeds('{}'), []);
});

test('hash routes', () => {
  assert.deepEqual(parseHash(''), { view: 'library' });
  assert.deepEqual(parseHash('#library'), { view: 'library' });
  assert.deepEqual(parseHash('#article=abc'), { view: 'reader', id: 'abc', original: false });
  assert.deepEqual(parseHash(readerHash('a b&c', true)), { view: 'reader', id: 'a b&c', original: true });
});

test('spans are packed, validated and unpacked', () => {
  const packed = packSpans(
    [{ start: 0, end: 3 }, { start: 4, end: 2 }, { start: 5, end: 99 }, null, { start: 5, end: 9 }],
    10,
  );
  assert.deepEqual(packed, [0, 3, 5, 9]);
  assert.deepEqual(spanList(packed), [
    { start: 0, end: 3 },
    { start: 5, end: 9 },
  ]);
  assert.deepEqual(packSpans(packed, 10), packed);
  assert.deepEqual(firstSpan(packed), { start: 0, end: 3 });
  assert.equal(firstSpan([]), null);
  assert.equal(spanCount(packed), 2);
  assert.deepEqual(spanList('nonsense'), []);
  assert.deepEqual(packSpans(undefined, 5), []);
  // As versions before this one stored them: a Uint32Array.
  const stored = Uint32Array.from([0, 3, 5, 9]);
  assert.deepEqual(spanList(stored), spanList(packed));
  assert.deepEqual(firstSpan(stored), { start: 0, end: 3 });
  assert.equal(spanCount(stored), 2);
  assert.deepEqual(packSpans(stored, 10), packed);
});

test("an article's paragraphs and sentences are packed in plain arrays, no buffer of their own", () => {
  const { paragraphs, sentences } = packArticleSpans(
    [{ start: 0, end: 9 }],
    [
      { start: 0, end: 3 },
      { start: 7, end: 2 },
      { start: 4, end: 9 },
    ],
    10,
  );
  assert.ok(Array.isArray(paragraphs) && Array.isArray(sentences));
  assert.deepEqual(paragraphs, [0, 9]);
  assert.deepEqual(sentences, [0, 3, 4, 9]);
  const copy = structuredClone({ paragraphs, sentences });
  assert.ok(Array.isArray(copy.sentences), 'as IndexedDB and postMessage copy them');
  assert.deepEqual(spanList(copy.sentences), spanList(sentences));
  const none = packArticleSpans(undefined, 'x', 5);
  assert.deepEqual([none.paragraphs.length, none.sentences.length], [0, 0]);
});

test('Collection.list stays in import order when records are added after it was read', () => {
  const c = new Collection([rec('b', 2), rec('a', 1)]);
  assert.deepEqual(
    c.list().map((r) => r.id),
    ['a', 'b'],
  );
  c.add(rec('c', 3)); // after the last: appended
  c.add(rec('z', 0)); // before the first (a restored record): in its place
  assert.deepEqual(
    c.list().map((r) => r.id),
    ['z', 'a', 'b', 'c'],
  );
  c.remove('a');
  c.add(rec('d', 4));
  assert.deepEqual(
    c.list().map((r) => r.id),
    ['z', 'b', 'c', 'd'],
  );
});

test('inImportOrder places records by sequence number, and sorts stably what it cannot place', () => {
  /** @param {ReturnType<typeof rec>[]} records */
  const ids = (records) => inImportOrder(records).map((r) => r.id);
  assert.deepEqual(ids([rec('c', 7), rec('a', 1), rec('b', 3)]), ['a', 'b', 'c'], 'gaps');
  assert.deepEqual(ids([rec('b', 2), rec('x', 2), rec('a', 1)]), ['a', 'b', 'x'], 'ties keep their order');
  assert.deepEqual(ids([rec('b', 1e9), rec('a', 5)]), ['a', 'b'], 'sparse');
  assert.deepEqual(ids([rec('b', 2.5), rec('a', 1), rec('z', -1)]), ['z', 'a', 'b'], 'not integers');
  assert.deepEqual(ids([]), []);
  const many = Array.from({ length: 5000 }, (_, i) => rec(`r${i}`, (i * 7919) % 5000));
  const placed = inImportOrder(many.slice());
  assert.deepEqual(
    placed.map((r) => r.seq),
    Array.from({ length: 5000 }, (_, i) => i),
  );
});
