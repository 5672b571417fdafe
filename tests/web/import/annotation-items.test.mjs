// Annotation files split into their annotations as they are read (import/annotation-items.js):
// whatever the pieces the text comes in, the elements are the list's, the envelope is the rest,
// and a batch is read by JSON.parse as the file with only those elements; problems' paths are
// shifted to the whole file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AnnotationItemSplitter,
  annotationBatches,
  idsInBatch,
  shiftPath,
} from '../../../web/src/import/annotation-items.js';
import { annotationFileText } from '../../e2e/generated-annotations.mjs';

/** Splits `text` fed in pieces of `size` characters. */
function split(text, size) {
  const elements = [];
  const s = new AnnotationItemSplitter((e) => elements.push(e));
  for (let i = 0; i < text.length; i += size) s.push(text.slice(i, i + size));
  return { elements, s };
}

const SHAPES = {
  array: ['[{"id":"a"} , {"id":"b","t":"x,]}\\"["}, 3, "s"]', ''],
  page: [
    '{"@context":"c","type":"AnnotationPage","items":[{"id":"a","x":[1,{"items":[2]}]},{"id":"b"}],"z":{}}',
    'items',
  ],
  collection: [
    JSON.stringify(
      {
        '@context': 'c',
        first: {
          id: 'p',
          items: [
            { id: 'a', k: { items: [9] } },
            { id: 'b', q: '"]' },
          ],
          type: 'AnnotationPage',
        },
        type: 'AnnotationCollection',
        total: 2,
      },
      null,
      2,
    ),
    'first.items',
  ],
};

test('the elements of the list, whatever the pieces the text comes in', () => {
  for (const [shape, [text, listPath]] of Object.entries(SHAPES)) {
    const expected =
      listPath === ''
        ? JSON.parse(text)
        : listPath === 'items'
          ? JSON.parse(text).items
          : JSON.parse(text).first.items;
    for (const size of [1, 2, 3, 7, 1000]) {
      const { elements, s } = split(text, size);
      assert.equal(s.listPath, listPath, `${shape} in pieces of ${size}`);
      assert.deepEqual(
        elements.map((e) => JSON.parse(e)),
        expected,
        `${shape} in pieces of ${size}`,
      );
      const batch = JSON.parse(s.batch([elements[1]]));
      const list = listPath === '' ? batch : listPath === 'items' ? batch.items : batch.first.items;
      assert.deepEqual(list, [expected[1]], `${shape}: a batch is the file with one element`);
      if (shape === 'collection')
        assert.equal(batch.type, 'AnnotationCollection', 'the envelope after the list is kept');
    }
  }
});

test('one annotation, or no list at all, has no elements', () => {
  for (const text of ['{"type":"Annotation","id":"x","body":[1,2]}', '"just a string"', '{"items": 3}']) {
    const { elements, s } = split(text, 2);
    assert.equal(s.listPath, null, text);
    assert.deepEqual(elements, []);
  }
});

test('batches of a generated export: every annotation once, in order, each batch valid JSON', async () => {
  const articles = [{ hash: 'ab'.repeat(32), title: 'T “é”', body: 'Ünïcode 😀 body text. '.repeat(20) }];
  const text = [...annotationFileText(articles, { to: 57, noteChars: 300 })].join('');
  const file = new Blob([text]);
  const seen = [];
  const progress = [];
  for await (const b of annotationBatches(file, { batchChars: 5000, progress: (f) => progress.push(f) })) {
    const doc = JSON.parse(b.text);
    assert.equal(doc.type, 'AnnotationCollection');
    assert.equal(b.first, seen.length);
    assert.equal(b.count, doc.first.items.length);
    assert.equal(b.total, 57);
    assert.equal(b.listPath, 'first.items');
    seen.push(...doc.first.items.map((a) => a.id));
  }
  assert.deepEqual(
    seen,
    JSON.parse(text).first.items.map((a) => a.id),
  );
  assert.ok(progress.length > 2 && progress.at(-1) === 1, 'progress moves to the end');
});

test('a file without a list is one batch, itself; an invalid UTF-8 file is refused by name', async () => {
  const one = '{"type": "Annotation", "id": "x"}';
  const batches = [];
  for await (const b of annotationBatches(new Blob([one]))) batches.push(b);
  assert.deepEqual(batches, [{ text: one, first: 0, count: 1, listPath: null, total: 1 }]);
  await assert.rejects(async () => {
    for await (const b of annotationBatches(new Blob([new Uint8Array([0x5b, 0xff, 0x5d])]))) assert.ok(b);
  }, /not valid UTF-8/);
});

test('paths shift to the whole file; ids of a batch', () => {
  assert.equal(
    shiftPath('first.items[3].target.selector[0]', 'first.items', 1000),
    'first.items[1003].target.selector[0]',
  );
  assert.equal(shiftPath('[2]', '', 10), '[12]');
  assert.equal(shiftPath('items[0]', 'items', 5), 'items[5]');
  assert.equal(shiftPath('total', 'first.items', 5), 'total');
  assert.equal(shiftPath('', null, 5), '');
  assert.deepEqual(idsInBatch(SHAPES.collection[0]), ['a', 'b']);
  assert.deepEqual(idsInBatch('[{"id":"x"},{"id":""},{}]'), ['x']);
  assert.deepEqual(idsInBatch('{"type":"Annotation","id":"y"}'), ['y']);
  assert.deepEqual(idsInBatch('not json'), []);
});
