// Sorting of the library table. Pure: takes rows, returns a new sorted array.

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
 * Rows sorted by `state` (stable; ties keep import order, i.e. by `seq`). Rows with no value in
 * the column (no outlet, no date) go last in both directions. With no column: import order.
 * @template {{seq: number}} R
 * @param {R[]} rows
 * @returns {R[]}
 */
export function sortRows(rows, state) {
  const out = rows.slice();
  const bySeq = (a, b) => (a.seq ?? 0) - (b.seq ?? 0);
  const column = state?.column;
  if (!column || !COLUMNS[column]) return out.sort(bySeq);
  const sign = state.direction === 'descending' ? -1 : 1;
  return out.sort((a, b) => {
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
  });
}
