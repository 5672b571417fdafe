// Entity corrections as W3C annotations (web/src/entities/corrections.js): what an annotation
// states, the fields that state it, its effect on an article's mentions and the core's edits.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  applyToMentions,
  correctionFields,
  correctionOf,
  editsOf,
  entityIdOf,
  isCorrection,
} from '../../../web/src/entities/corrections.js';

const annotated = (fields) => ({ id: 'urn:uuid:1', type: 'Annotation', target: {}, ...fields });

test('every correction survives the trip through its annotation fields', () => {
  /** @type {import('../../../web/src/entities/corrections.js').Correction[]} */
  const corrections = [
    { kind: 'classify', type: 'PER' },
    { kind: 'classify', type: 'DATE' },
    { kind: 'reject' },
    { kind: 'identify', scope: 'text', entity: 'PER:vladimir putin', from: 'PER:putin' },
    { kind: 'identify', scope: 'article', entity: 'PER:putin (KUNA)', from: 'PER:putin' },
    { kind: 'identify', scope: 'entity', entity: 'ORG:un', from: 'ORG:united nations' },
  ];
  for (const c of corrections) {
    const a = annotated(correctionFields(c));
    assert.ok(isCorrection(a));
    assert.deepEqual(correctionOf(a), c);
  }
});

test('highlights, tags, notes and malformed corrections are not corrections', () => {
  assert.equal(correctionOf(annotated({ motivation: 'highlighting' })), null);
  assert.equal(correctionOf(annotated({ body: [{ purpose: 'tagging', value: 'PER' }] })), null);
  assert.equal(
    correctionOf(annotated({ motivation: 'classifying', body: [{ purpose: 'classifying', value: 'CAT' }] })),
    null,
  );
  assert.equal(correctionOf(annotated({ motivation: 'classifying' })), null);
  const noScope = annotated({ motivation: 'identifying', body: { purpose: 'identifying', value: 'PER:x' } });
  assert.equal(correctionOf(noScope), null);
  assert.equal(
    correctionOf({ ...noScope, 'lectern:scope': 'entity' }),
    null,
    'a merge names the entity merged',
  );
  // A single body object (not an array) is read too.
  assert.deepEqual(correctionOf({ ...noScope, 'lectern:scope': 'text' }), {
    kind: 'identify',
    scope: 'text',
    entity: 'PER:x',
    from: '',
  });
});

test('classifying corrections replace or remove the mentions they overlap, later ones winning', () => {
  const body = 'Vladimir Putin met Xi Jinping in Kazan on Friday.';
  const at = (text) => ({ start: body.indexOf(text), end: body.indexOf(text) + text.length });
  const mentions = [
    { ...at('Vladimir Putin'), type: 'PER', entity: 'PER:vladimir putin' },
    { ...at('Xi Jinping'), type: 'PER', entity: 'PER:xi jinping' },
    { ...at('Kazan'), type: 'LOC', entity: 'LOC:kazan' },
  ];
  const out = applyToMentions(
    mentions,
    [
      { ...at('Kazan'), correction: { kind: 'reject' } },
      { ...at('Friday'), correction: { kind: 'classify', type: 'DATE' } },
      { start: 9, end: 14, correction: { kind: 'classify', type: 'ORG' } },
      { start: 9, end: 14, correction: { kind: 'classify', type: 'PER' } },
    ],
    body,
  );
  assert.deepEqual(
    out.map((m) => [body.slice(m.start, m.end), m.type, m.entity, Boolean(m.corrected)]),
    [
      ['Putin', 'PER', 'PER:putin', true],
      ['Xi Jinping', 'PER', 'PER:xi jinping', false],
      ['Friday', 'DATE', 'DATE:friday', true],
    ],
  );
  assert.deepEqual(applyToMentions(mentions, [], body), mentions, 'no corrections: the same mentions');
});

test('identifying corrections become the core edits: alias, split (in their article), merge', () => {
  const edits = editsOf([
    {
      text: 'Putin',
      articleId: 'a1',
      correction: { kind: 'identify', scope: 'text', entity: 'PER:vladimir putin', from: '' },
    },
    {
      text: 'Putin',
      articleId: 'a2',
      correction: { kind: 'identify', scope: 'article', entity: 'PER:putin (b)', from: 'PER:putin' },
    },
    {
      text: 'UN',
      articleId: 'a3',
      correction: { kind: 'identify', scope: 'entity', entity: 'ORG:united nations', from: 'ORG:un' },
    },
    { text: 'x', articleId: 'a3', correction: { kind: 'reject' } },
  ]);
  assert.deepEqual(edits, {
    alias: [{ text: 'Putin', entity: 'PER:vladimir putin' }],
    split: [{ entity: 'PER:putin', articles: ['a2'], as: 'PER:putin (b)' }],
    merge: [['ORG:united nations', 'ORG:un']],
  });
  assert.equal(entityIdOf('LOC', '  New\nYork '), 'LOC:new york');
});
