// The entity index as a table (web/src/entities/index-table.js): sorting, the type / search / outlet
// filters, per-outlet counts and merge candidates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  filterEntities,
  indexOutlets,
  mergeCandidates,
  missingOutlets,
  nextIndexSort,
  outletCounts,
  sortEntities,
  typeCounts,
} from '../../../web/src/entities/index-table.js';

/** An index as the core's entityIndex answers (most mentioned first). */
const entry = (entity, name, type, articles, mentions, outlets, first, last) => ({
  entity,
  name,
  type,
  articles,
  mentions,
  outlets,
  ...(first ? { first, last } : {}),
});
const INDEX = [
  entry(
    'LOC:china',
    'China',
    'LOC',
    ['a', 'b', 'c'],
    30,
    ['China Daily', 'KUNA', 'Xinhua'],
    '2024-09-11',
    '2024-09-13',
  ),
  entry(
    'PER:vladimir putin',
    'Vladimir Putin',
    'PER',
    ['a', 'd'],
    12,
    ['China Daily', 'EFE'],
    '2022-10-02',
    '2024-09-13',
  ),
  entry('ORG:brics', 'BRICS', 'ORG', ['a', 'b'], 12, ['China Daily', 'KUNA'], '2024-09-13', '2024-09-13'),
  entry('PER:putin', 'Putin', 'PER', ['b'], 3, ['KUNA'], '2024-09-13', '2024-09-13'),
  entry('DATE:2024-10', 'next month', 'DATE', ['a'], 1, ['China Daily']),
];
const ids = (entries) => entries.map((e) => e.entity);

test('sortEntities: no column keeps the core order; each column sorts both ways, stable', () => {
  assert.deepEqual(ids(sortEntities(INDEX, { column: null, direction: 'descending' })), ids(INDEX));
  assert.deepEqual(ids(sortEntities(INDEX, { column: 'name', direction: 'ascending' })), [
    'ORG:brics',
    'LOC:china',
    'DATE:2024-10',
    'PER:putin',
    'PER:vladimir putin',
  ]);
  assert.deepEqual(ids(sortEntities(INDEX, { column: 'articles', direction: 'descending' })), [
    'LOC:china',
    'PER:vladimir putin', // 2 articles, before BRICS as the core listed it first
    'ORG:brics',
    'PER:putin',
    'DATE:2024-10',
  ]);
  assert.deepEqual(ids(sortEntities(INDEX, { column: 'articles', direction: 'ascending' })).slice(0, 2), [
    'PER:putin',
    'DATE:2024-10',
  ]);
  // Types in the page's order: people, organisations, places, dates.
  assert.deepEqual(
    sortEntities(INDEX, { column: 'type', direction: 'ascending' }).map((e) => e.type),
    ['PER', 'PER', 'ORG', 'LOC', 'DATE'],
  );
  assert.deepEqual(ids(sortEntities(INDEX, { column: 'outlets', direction: 'descending' })).slice(0, 1), [
    'LOC:china',
  ]);
  assert.equal(sortEntities(INDEX, { column: 'mentions', direction: 'ascending' })[0].entity, 'DATE:2024-10');
  assert.notEqual(sortEntities(INDEX, { column: 'name', direction: 'ascending' }), INDEX, 'a new array');
});

test('sortEntities by first date: earliest first, entities without dates last in both directions', () => {
  const up = ids(sortEntities(INDEX, { column: 'first', direction: 'ascending' }));
  assert.equal(up[0], 'PER:vladimir putin');
  assert.equal(up.at(-1), 'DATE:2024-10');
  const down = ids(sortEntities(INDEX, { column: 'first', direction: 'descending' }));
  assert.deepEqual(down.slice(0, 2), ['ORG:brics', 'PER:putin']);
  assert.equal(down.at(-1), 'DATE:2024-10');
});

test('nextIndexSort: a new column in its first direction, the same again reverses, unknown ignored', () => {
  const start = { column: null, direction: 'descending' };
  assert.deepEqual(nextIndexSort(start, 'name'), { column: 'name', direction: 'ascending' });
  assert.deepEqual(nextIndexSort(start, 'mentions'), { column: 'mentions', direction: 'descending' });
  assert.deepEqual(nextIndexSort({ column: 'name', direction: 'ascending' }, 'name'), {
    column: 'name',
    direction: 'descending',
  });
  assert.equal(nextIndexSort(start, 'nope'), start);
});

test('filterEntities: by type, by search, by outlet (mentioned by / not mentioned by)', () => {
  assert.deepEqual(ids(filterEntities(INDEX, { type: 'PER' })), ['PER:vladimir putin', 'PER:putin']);
  assert.deepEqual(ids(filterEntities(INDEX, { query: 'PUTIN' })), ['PER:vladimir putin', 'PER:putin']);
  assert.deepEqual(ids(filterEntities(INDEX, { type: 'PER', query: 'vlad' })), ['PER:vladimir putin']);
  assert.deepEqual(ids(filterEntities(INDEX, { outlet: 'KUNA' })), ['LOC:china', 'ORG:brics', 'PER:putin']);
  assert.deepEqual(ids(filterEntities(INDEX, { outlet: 'KUNA', presence: 'not-in' })), [
    'PER:vladimir putin',
    'DATE:2024-10',
  ]);
  assert.deepEqual(ids(filterEntities(INDEX, { outlet: 'KUNA', presence: 'not-in', type: 'PER' })), [
    'PER:vladimir putin',
  ]);
  assert.deepEqual(ids(filterEntities(INDEX, {})), ids(INDEX));
  assert.deepEqual(filterEntities(INDEX, { type: 'LOC', query: 'putin' }), []);
});

test('typeCounts and indexOutlets: how many entities per type and per outlet', () => {
  assert.deepEqual(
    [...typeCounts(INDEX)],
    [
      ['PER', 2],
      ['ORG', 1],
      ['LOC', 1],
      ['DATE', 1],
    ],
  );
  assert.deepEqual(
    [...typeCounts([])].map(([, n]) => n),
    [0, 0, 0, 0],
  );
  assert.deepEqual(indexOutlets(INDEX), [
    { outlet: 'China Daily', entities: 4 },
    { outlet: 'KUNA', entities: 3 },
    { outlet: 'EFE', entities: 1 },
    { outlet: 'Xinhua', entities: 1 },
  ]);
});

test('outletCounts: the articles of one entity per outlet, most first; missingOutlets: who leaves it out', () => {
  const outletOf = (id) => ({ a: 'China Daily', b: 'KUNA', c: 'KUNA', d: 'EFE' })[id] ?? '';
  assert.deepEqual(outletCounts(INDEX[0], outletOf), [
    { outlet: 'KUNA', articles: 2 },
    { outlet: 'China Daily', articles: 1 },
  ]);
  const unknown = entry('LOC:x', 'X', 'LOC', ['a', 'zz'], 2, ['China Daily']);
  assert.deepEqual(outletCounts(unknown, outletOf), [
    { outlet: '', articles: 1 },
    { outlet: 'China Daily', articles: 1 },
  ]);
  const all = indexOutlets(INDEX).map((o) => o.outlet);
  assert.deepEqual(missingOutlets(INDEX[3], all), ['China Daily', 'EFE', 'Xinhua']);
  assert.deepEqual(missingOutlets(INDEX[0], ['China Daily', 'KUNA', 'Xinhua']), []);
});

test('mergeCandidates: the other entities of the same type, searched, capped', () => {
  assert.deepEqual(ids(mergeCandidates(INDEX, INDEX[3], '')), ['PER:vladimir putin']);
  assert.deepEqual(ids(mergeCandidates(INDEX, INDEX[3], 'xi')), []);
  const many = Array.from({ length: 80 }, (_, i) => entry(`PER:p${i}`, `P ${i}`, 'PER', ['a'], 1, []));
  assert.equal(mergeCandidates(many, many[0], '', 50).length, 50);
  assert.ok(!mergeCandidates(many, many[0], '').some((e) => e.entity === 'PER:p0'), 'never itself');
});
