import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextSort, sortRows } from '../../../web/src/library/sorting.js';

const rows = [
  { id: 'a', seq: 1, displayTitle: 'beta', source: 'Xinhua', date: '2024-09-13', words: 300 },
  { id: 'b', seq: 2, displayTitle: 'Alpha', source: '', date: '', words: 50 },
  { id: 'c', seq: 3, displayTitle: '"Gamma"', source: 'KUNA', date: '2022-10-02', words: 1200 },
  { id: 'd', seq: 4, displayTitle: 'alpha 2', source: 'xinhua', date: '2024-09-13', words: 300 },
  { id: 'e', seq: 5, displayTitle: 'Alpha 10', source: 'China Daily', date: '2024-04-10', words: 9 },
];
const ids = (r) => r.map((x) => x.id).join('');

test('nextSort: a new column sorts in its first direction, the same column again reverses', () => {
  /** @type {{column: string|null, direction: 'ascending'|'descending'}} */
  let s = { column: null, direction: 'ascending' };
  s = nextSort(s, 'title');
  assert.deepEqual(s, { column: 'title', direction: 'ascending' });
  s = nextSort(s, 'title');
  assert.deepEqual(s, { column: 'title', direction: 'descending' });
  s = nextSort(s, 'date');
  assert.deepEqual(s, { column: 'date', direction: 'descending' });
  s = nextSort(s, 'date');
  assert.deepEqual(s, { column: 'date', direction: 'ascending' });
  assert.deepEqual(nextSort(s, 'nonsense'), s);
});

test('no column: import order', () => {
  assert.equal(ids(sortRows([...rows].reverse(), { column: null })), 'abcde');
});

test('title sorts case-insensitively, ignoring punctuation, numbers naturally', () => {
  assert.equal(ids(sortRows(rows, { column: 'title', direction: 'ascending' })), 'bdeac');
  assert.equal(ids(sortRows(rows, { column: 'title', direction: 'descending' })), 'caedb');
});

test('missing values go last in both directions; ties keep import order', () => {
  assert.equal(ids(sortRows(rows, { column: 'source', direction: 'ascending' })), 'ecadb');
  assert.equal(ids(sortRows(rows, { column: 'source', direction: 'descending' })), 'adceb');
  assert.equal(ids(sortRows(rows, { column: 'date', direction: 'descending' })), 'adecb');
  assert.equal(
    ids(sortRows(rows, { column: 'date', direction: 'ascending' })),
    'cadb'.slice(0, 1) + 'e' + 'adb',
  );
});

test('words sort numerically', () => {
  assert.equal(ids(sortRows(rows, { column: 'words', direction: 'descending' })), 'cadbe');
  assert.equal(ids(sortRows(rows, { column: 'words', direction: 'ascending' })), 'ebadc');
});

test('sortRows does not modify its input', () => {
  const copy = rows.slice();
  sortRows(rows, { column: 'words', direction: 'ascending' });
  assert.deepEqual(rows, copy);
});

test('sortRowsSliced gives the order sortRows gives, for every column and direction', async () => {
  const { sortRowsSliced } = await import('../../../web/src/library/sorting.js');
  const { TimeSlicer } = await import('../../../web/src/shell/slices.js');
  let state = 3;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = (list) => list[Math.floor(random() * list.length)];
  const rows = Array.from({ length: 3000 }, (_, seq) => ({
    id: `a${seq}`,
    seq,
    displayTitle: pick(['Äpfel', 'apfel', 'Zebra', 'zebra 2', 'zebra 10', '', 'Été']),
    source: pick(['Reuters', 'AP', '', 'reuters']),
    date: pick(['2024-01-02', '2023-12-31', '', '2024-01-02']),
    words: pick([10, 200, 3, Number.NaN]),
  }));
  let t = 0;
  for (const column of [null, 'title', 'source', 'date', 'words']) {
    for (const direction of ['ascending', 'descending']) {
      const sort = { column, direction };
      const slicer = new TimeSlicer({ budgetMs: 1, now: () => t++, yieldNow: async () => {} });
      const sliced = await sortRowsSliced(rows, sort, slicer);
      assert.deepEqual(
        sliced.map((r) => r.id),
        sortRows(rows, sort).map((r) => r.id),
        `${column} ${direction}`,
      );
      assert.ok(slicer.yields > 0);
    }
  }
});
