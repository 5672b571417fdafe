// Merging from the index (web/src/entities/merge.js): the correction lands on a mention of the
// merged entity, in the first of its articles that still has one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeEntity } from '../../../web/src/entities/merge.js';

const PUTIN = { entity: 'PER:putin', name: 'Putin', articles: ['gone', 'a', 'b'] };

function fakes(shownById) {
  const corrected = [];
  const records = new Map(Object.keys(shownById).map((id) => [id, { id }]));
  const entities = {
    shown: async (record) => shownById[record.id],
    correct: async (record, range, correction) => {
      corrected.push({ id: record.id, range, correction });
      return `anno-${corrected.length}`;
    },
  };
  return { entities, collection: { get: (id) => records.get(id) }, corrected };
}

test('mergeEntity: an identifying correction on a mention of the merged entity', async () => {
  const { entities, collection, corrected } = fakes({
    a: [{ start: 0, end: 5, id: 'PER:xi' }], // no mention of Putin here (after earlier edits)
    b: [
      { start: 3, end: 8, id: 'PER:wang' },
      { start: 20, end: 25, id: 'PER:putin' },
    ],
  });
  const id = await mergeEntity(entities, collection, PUTIN, 'PER:vladimir putin');
  assert.equal(id, 'anno-1');
  assert.deepEqual(corrected, [
    {
      id: 'b',
      range: { start: 20, end: 25 },
      correction: { kind: 'identify', scope: 'entity', entity: 'PER:vladimir putin', from: 'PER:putin' },
    },
  ]);
});

test('mergeEntity: no mention left, or into itself, is an error and corrects nothing', async () => {
  const { entities, collection, corrected } = fakes({ a: [], b: [{ start: 0, end: 2, id: 'PER:x' }] });
  await assert.rejects(
    mergeEntity(entities, collection, PUTIN, 'PER:vladimir putin'),
    /no mention of “Putin”/,
  );
  await assert.rejects(mergeEntity(entities, collection, PUTIN, 'PER:putin'), /into itself/);
  assert.deepEqual(corrected, []);
});
