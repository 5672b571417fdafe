import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_LENGTH, SharedStrings } from '../../../web/src/storage/shared-strings.js';

// Two equal strings built apart (as two structured clones or two JSON.parse results give them);
// JavaScript cannot tell copies apart, so the table's answer is checked by what it kept.
const copy = (s) => JSON.parse(JSON.stringify(s));

test('shared strings: the first copy is kept and given back for equal strings', () => {
  const strings = new SharedStrings();
  assert.equal(strings.of('TextualBody'), 'TextualBody');
  assert.equal(strings.of(copy('TextualBody')), 'TextualBody');
  assert.equal(strings.of(copy('Person')), 'Person');
  assert.deepEqual([...strings.table.keys()], ['TextualBody', 'Person']);
});

test('shared strings: long strings, other values and strings past the bound are not kept', () => {
  const strings = new SharedStrings(2);
  const long = 'x'.repeat(MAX_LENGTH + 1);
  assert.equal(strings.of(long), long);
  assert.equal(strings.of(undefined), undefined);
  assert.equal(strings.of(7), 7);
  strings.of('a');
  strings.of('b');
  assert.equal(strings.of('c'), 'c');
  assert.deepEqual([...strings.table.keys()], ['a', 'b']);
});
