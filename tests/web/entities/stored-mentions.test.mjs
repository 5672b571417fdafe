import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasMentions, packMentions, unpackMentions } from '../../../web/src/entities/stored-mentions.js';

const found = [
  { start: 0, end: 12, type: 'PER', entity: 'PER:barack obama', text: 'Barack Obama' },
  { start: 17, end: 30, type: 'PER', entity: 'PER:angela merkel', text: 'Angela Merkel' },
  { start: 34, end: 40, type: 'LOC', entity: 'LOC:berlin', text: 'Berlin' },
  { start: 44, end: 56, type: 'DATE', entity: 'DATE:2020-03-05', value: '2020-03-05', text: '5 March 2020' },
  { start: 58, end: 63, type: 'PER', entity: 'PER:barack obama', text: 'Obama' },
];

test('stored mentions: packed and unpacked again, the same mentions without their text', () => {
  const packed = packMentions(found);
  assert.ok(Array.isArray(packed.spans), 'numbers in a plain array (no buffer of their own)');
  assert.equal(packed.spans.length, 5 * found.length);
  assert.deepEqual(
    unpackMentions(packed),
    found.map(({ text: _text, ...kept }) => kept),
  );
});

test('stored mentions: each string kept once however often it is used', () => {
  const { names } = packMentions(found);
  assert.deepEqual(names, [
    'PER',
    'PER:barack obama',
    'PER:angela merkel',
    'LOC',
    'LOC:berlin',
    'DATE',
    'DATE:2020-03-05',
    '2020-03-05',
  ]);
});

test('stored mentions: the arrays of objects earlier versions stored are read as they are', () => {
  const old = [{ start: 1, end: 4, type: 'ORG', entity: 'ORG:un' }];
  assert.equal(unpackMentions(old), old);
  assert.ok(hasMentions({ entities: old }));
  const packed = packMentions(found);
  const int32 = { spans: Int32Array.from(packed.spans), names: packed.names }; // as stored before
  assert.ok(hasMentions({ entities: int32 }));
  assert.deepEqual(unpackMentions(int32), unpackMentions(packed));
});

test('stored mentions: an article whose mentions were not found, and one that has none', () => {
  assert.equal(hasMentions({}), false);
  assert.equal(hasMentions(undefined), false);
  assert.equal(hasMentions({ entities: { spans: 'x', names: [] } }), false);
  const none = packMentions([]);
  assert.ok(hasMentions({ entities: none }));
  assert.deepEqual(unpackMentions(none), []);
});

test('stored mentions: structured cloning (IndexedDB, the worker) keeps them', () => {
  const copy = structuredClone(packMentions(found));
  assert.ok(hasMentions({ entities: copy }));
  assert.equal(unpackMentions(copy).length, found.length);
});
