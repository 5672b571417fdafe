// Sorting of the library table. Pure: takes rows, returns a new sorted array.
import { sortSliced } from '../shell/slices.js';

/** The sortable columns, with the direction of a first click. */
export const COLUMNS = Object.freeze({
  title: { label: 'Title', firstDirection: 'ascending' },
  source: { label: 'Outlet', firstDirection: 'ascending' },
  date: { label: 'Date', firstDirection: 'descending' },
  words: { label: 'Words', firstDirection: 'descending' },
});

/**
 * The next sort state after a click on `column`: a new column sorts in its first direction, the
 * same column again reverses.
 * @param {{column: string|null, direction: 'ascending'|'descending'}} state
 */
export function nextSort(state, column) {
  if (!COLUMNS[column]) return state;
  if (state && state.column === column) {
    return { column, direction: state.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { column, direction: COLUMNS[column].firstDirection };
}

const collator = new Intl.Collator(undefined, {
  sensitivity: 'base',
  numeric: true,
  ignorePunctuation: true,
});

function keyOf(row, column) {
  switch (column) {
    case 'title':
      return row.displayTitle ?? row.title ?? '';
    case 'source':
      return row.source ?? '';
    case 'date':
      return row.date ?? '';
    case 'words':
      return Number.isFinite(row.words) ? row.words : null;
    default:
      return null;
  }
}

function isMissing(v) {
  return v === null || v === undefined || v === '';
}

/**
 * The order of rows for `state`: stable by import order (`seq`) on ties. Rows with no value in
 * the column (no outlet, no date) go last in both directions. With no column: import order.
 * @param {{column: string|null, direction: string}|null|undefined} state
 * @returns {(a: {seq: number}, b: {seq: number}) => number}
 */
export function rowOrder(state) {
  const bySeq = (a, b) => (a.seq ?? 0) - (b.seq ?? 0);
  const column = state?.column;
  if (!column || !COLUMNS[column]) return bySeq;
  const sign = state.direction === 'descending' ? -1 : 1;
  return (a, b) => {
    const ka = keyOf(a, column);
    const kb = keyOf(b, column);
    const ma = isMissing(ka);
    const mb = isMissing(kb);
    if (ma || mb) return ma === mb ? bySeq(a, b) : ma ? 1 : -1;
    let c;
    if (column === 'words') c = ka - kb;
    else if (column === 'date') c = ka < kb ? -1 : ka > kb ? 1 : 0;
    else c = collator.compare(ka, kb);
    return c !== 0 ? sign * c : bySeq(a, b);
  };
}

/**
 * Rows sorted by `state` (see rowOrder).
 * @template {{seq: number}} R
 * @param {R[]} rows
 * @returns {R[]}
 */
export function sortRows(rows, state) {
  return rows.slice().sort(rowOrder(state));
}

/**
 * The same order as sortRows, worked out in slices (a title sort of 100,000 rows is a second of
 * collation): see shell/slices.js sortSliced.
 * @template {{seq: number}} R
 * @param {R[]} rows
 * @param {import('../shell/slices.js').TimeSlicer} slicer
 * @returns {Promise<R[]>}
 */
export function sortRowsSliced(rows, state, slicer) {
  return sortSliced(rows, rowOrder(state), { slicer });
}
