import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shareAnnotationStrings } from '../../../web/src/annotations/annotation-strings.js';
import { SharedStrings } from '../../../web/src/storage/shared-strings.js';

/** A table that records what it was given. */
class Recording extends SharedStrings {
  constructor() {
    super();
    /** @type {string[]} */
    this.given = [];
  }
  of(value) {
    if (typeof value === 'string') this.given.push(value);
    return super.of(value);
  }
}

const record = () => ({
  id: 'urn:uuid:1',
  hash: 'ab'.repeat(32),
  modified: '2024-01-02T00:00:00Z',
  annotation: {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'urn:uuid:1',
    type: 'Annotation',
    motivation: ['highlighting', 'tagging'],
    created: '2024-01-01T00:00:00Z',
    modified: '2024-01-02T00:00:00Z',
    creator: { id: 'mailto:ana@example.org', type: 'Person', name: 'Ana' },
    body: [
      { type: 'TextualBody', purpose: 'tagging', value: 'beat-3' },
      { type: 'TextualBody', purpose: 'commenting', value: 'A note of its own.', format: 'text/plain' },
    ],
    target: {
      source: { id: 'urn:sha256:abab', 'schema:sha256': 'ab'.repeat(32), 'dc:title': 'Report 1' },
      selector: [
        { type: 'TextQuoteSelector', exact: 'the quote', prefix: 'before ', suffix: ' after' },
        { type: 'TextPositionSelector', start: 4, end: 13 },
      ],
    },
  },
  anchor: { start: 4, end: 13 },
});

test('annotation strings: the repeating fields go through the table, each annotation’s own do not', () => {
  const strings = new Recording();
  shareAnnotationStrings(record(), strings);
  assert.deepEqual(
    new Set(strings.given),
    new Set([
      'ab'.repeat(32),
      'http://www.w3.org/ns/anno.jsonld',
      'Annotation',
      'highlighting',
      'tagging',
      'mailto:ana@example.org',
      'Person',
      'Ana',
      'TextualBody',
      'beat-3',
      'commenting',
      'text/plain',
      'urn:sha256:abab',
      'Report 1',
      'TextQuoteSelector',
      'TextPositionSelector',
    ]),
  );
  for (const own of ['urn:uuid:1', '2024-01-01T00:00:00Z', 'A note of its own.', 'the quote', 'before '])
    assert.ok(!strings.given.includes(own), own);
});

test('annotation strings: the record reads the same after, tombstones included', () => {
  const strings = new SharedStrings();
  assert.deepEqual(shareAnnotationStrings(record(), strings), record());
  const tombstone = { id: 'urn:uuid:2', hash: '', modified: '2024-01-03T00:00:00Z', deleted: true };
  assert.deepEqual(shareAnnotationStrings({ ...tombstone }, strings), tombstone);
});
