// The page's view of entities (web/src/entities/entity-model.js): parts of a sentence around
// mentions, the panel's groups, a mention's label, the articles sent to the core's index, and
// finding entries of the index by name or type.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  entityParts,
  entryForName,
  indexArticles,
  mentionLabel,
  othersOfType,
  panelGroups,
  searchIndex,
  shownMentions,
} from '../../../web/src/entities/entity-model.js';

test('entityParts cuts a range at mention edges, clipping mentions that cross it', () => {
  const mentions = [
    { start: 2, end: 5 },
    { start: 8, end: 12 },
    { start: 20, end: 25 },
  ];
  assert.deepEqual(entityParts(0, 10, mentions), [
    { start: 0, end: 2, mention: -1 },
    { start: 2, end: 5, mention: 0 },
    { start: 5, end: 8, mention: -1 },
    { start: 8, end: 10, mention: 1 },
  ]);
  assert.deepEqual(entityParts(10, 20, mentions), [
    { start: 10, end: 12, mention: 1 },
    { start: 12, end: 20, mention: -1 },
  ]);
  assert.deepEqual(entityParts(20, 25, mentions), [{ start: 20, end: 25, mention: 2 }]);
  assert.deepEqual(entityParts(3, 3, []), [{ start: 3, end: 3, mention: -1 }]);
});

test('the panel groups an article by type, names each entity from the index, counts mentions', () => {
  const body = 'Vladimir Putin met Xi. Putin and Xi spoke on Friday in Kazan. Putin left.';
  const at = (text, from = 0) => body.indexOf(text, from);
  const raw = [
    { start: 0, end: 14, type: 'PER', entity: 'PER:vladimir putin' },
    { start: 19, end: 21, type: 'PER', entity: 'PER:xi' },
    { start: at('Putin', 20), end: at('Putin', 20) + 5, type: 'PER', entity: 'PER:putin' },
    { start: at('Xi', 25), end: at('Xi', 25) + 2, type: 'PER', entity: 'PER:xi' },
    { start: at('Friday'), end: at('Friday') + 6, type: 'DATE', entity: 'DATE:friday', value: '2024-09-13' },
    { start: at('Kazan'), end: at('Kazan') + 5, type: 'LOC', entity: 'LOC:kazan' },
    { start: at('Putin', 50), end: at('Putin', 50) + 5, type: 'PER', entity: 'PER:putin' },
  ];
  // The core resolved "Putin" to the full name (an alias the user made).
  const ids = raw.map((m) => (m.entity === 'PER:putin' ? 'PER:vladimir putin' : m.entity));
  const mentions = shownMentions(raw, body, ids);
  const index = new Map([['PER:vladimir putin', { name: 'Vladimir Putin', articles: ['a', 'b'] }]]);
  const groups = panelGroups(mentions, (id) => index.get(id));
  assert.deepEqual(
    groups.map((g) => [g.type, g.entities.map((e) => [e.name, e.mentions.length, e.articles, e.value])]),
    [
      [
        'PER',
        [
          ['Vladimir Putin', 3, 2, ''],
          ['Xi', 2, 0, ''],
        ],
      ],
      ['LOC', [['Kazan', 1, 0, '']]],
      ['DATE', [['Friday', 1, 0, '2024-09-13']]],
    ],
  );
  assert.equal(
    mentionLabel(mentions[2], { name: 'Vladimir Putin', articles: ['a', 'b'] }),
    'Person: Vladimir Putin · in 2 articles',
  );
  assert.equal(mentionLabel(mentions[4], undefined), 'Date: Friday · 2024-09-13');
});

test('indexArticles sends each article with its outlet, ISO date and mentions (text from the body)', () => {
  const records = [
    { id: 'a', article: { body: 'Kazan, Friday', source: 'KUNA', date: '2024-09-13' } },
    { id: 'b', article: { body: 'Paris', source: '', date: 'Sept 2024' } },
  ];
  const mentionsOf = (r) => (r.id === 'a' ? [{ start: 0, end: 5, type: 'LOC', entity: 'LOC:kazan' }] : []);
  assert.deepEqual(indexArticles(records, mentionsOf), [
    {
      id: 'a',
      source: 'KUNA',
      date: '2024-09-13',
      entities: [{ type: 'LOC', text: 'Kazan', entity: 'LOC:kazan' }],
    },
    { id: 'b', source: '', date: '', entities: [] },
  ]);
});

/** Entries as the core's entityIndex gives them (only what finding them reads). */
const INDEX = [
  { entity: 'PER:vladimir putin', name: 'Vladimir Putin', type: 'PER' },
  { entity: 'LOC:russia', name: 'Russia', type: 'LOC' },
  { entity: 'PER:putin', name: 'Putin', type: 'PER' },
  { entity: 'PER:wang yi', name: 'Wang Yi', type: 'PER' },
];
const ids = (entries) => entries.map((e) => e.entity);

test('searchIndex finds a query in names and ids, case-insensitive, in the index order', () => {
  assert.deepEqual(ids(searchIndex(INDEX, ' PUTIN ')), ['PER:vladimir putin', 'PER:putin']);
  assert.deepEqual(ids(searchIndex(INDEX, 'loc:')), ['LOC:russia']);
  assert.equal(searchIndex(INDEX, '').length, INDEX.length);
});

test('entryForName: an exact name first, else the first match, else null', () => {
  assert.equal(entryForName(INDEX, 'putin')?.entity, 'PER:putin', 'exact, though Vladimir Putin comes first');
  assert.equal(entryForName(INDEX, '  Vladimir ')?.entity, 'PER:vladimir putin');
  assert.equal(entryForName(INDEX, 'nobody'), null);
  assert.equal(entryForName(INDEX, ''), null);
});

test('othersOfType: the entities of a type but the one given, most mentioned first', () => {
  assert.deepEqual(ids(othersOfType(INDEX, 'PER', 'PER:putin')), ['PER:vladimir putin', 'PER:wang yi']);
  assert.deepEqual(ids(othersOfType(INDEX, 'LOC', 'LOC:russia')), []);
});
