// The variant table of a story told by three or more versions: one row per sentence, one column
// per version, saying who kept a sentence (same), changed it (with the word changes), or cut it.
// Pure: built from the core's diffs of the reference (the longest version) against each other
// version (compare-model.js describes a diff).
//
// Rows are the reference's sentences in order; a sentence that only other versions have is put
// after the reference sentence it follows in that version (the same sentence added by several
// versions at the same place is one row).

/**
 * @typedef {{op: 'equal'|'delete'|'insert', text: string}} WordPart
 * @typedef {object} VariantCell
 * @property {'reference'|'same'|'changed'|'moved'|'merged-above'|'cut'|'added'|'absent'} state
 *   reference: the reference's own sentence; same: kept as it is; changed: reworded, merged or
 *   split (`how`); moved: kept elsewhere in that version (`at`: its sentence number there);
 *   merged-above: part of the sentence shown in a row above (merged there); cut: left out;
 *   added: a sentence of this version that the reference lacks; absent: not in this version (an
 *   added row of another version)
 * @property {string} [text]     the cell's sentence text (that version's)
 * @property {WordPart[]} [parts]  the word changes from the reference's text to this version's
 * @property {'changed'|'merged'|'split'} [how]
 * @property {number} [count]   sentences of this version in the cell (split: 2 or more)
 * @property {number} [spans]   reference rows the cell covers (merged: 2 or more)
 * @property {number} [at]      1-based sentence number in this version (moved, added)
 *
 * @typedef {object} VariantRow
 * @property {string} key
 * @property {'reference'|'added'} kind
 * @property {number|null} index  the reference sentence (null for added rows)
 * @property {VariantCell[]} cells  one per column
 * @property {boolean} differs
 *
 * @typedef {object} VariantTable
 * @property {{id: string, label: string, reference: boolean, counts: object}[]} columns
 * @property {VariantRow[]} rows
 * @property {number} [versionsLeftOut]  versions of the story not in the table (too many to show)
 */

/**
 * @param {{id: string, label: string, sentences: {text: string}[]}} reference
 * @param {{id: string, label: string, diff: object}[]} others  diff: diffTexts(reference, other)
 * @returns {VariantTable}
 */
export function variantTable(reference, others) {
  const n = reference.sentences.length;
  const columns = [{ id: reference.id, label: reference.label, reference: true, counts: null }].concat(
    others.map((o) => ({
      id: o.id,
      label: o.label,
      reference: false,
      counts: { same: 0, changed: 0, moved: 0, cut: 0, added: 0 },
    })),
  );
  // base[i][k]: the cell of version k (0 = reference) in reference row i.
  /** @type {VariantCell[][]} */
  const base = Array.from({ length: n }, (_, i) => [
    { state: 'reference', text: sentenceText(reference.sentences[i]) },
  ]);
  const inserted = new Map(); // reference row after which (−1: before the first) → added rows
  others.forEach((other, k) => {
    const column = k + 1;
    const groups = Array.isArray(other.diff?.groups) ? other.diff.groups : [];
    const theirs = other.diff?.b?.sentences ?? [];
    let anchor = -1; // the last reference row seen in this version's groups
    for (const g of groups) {
      const a = (g.a ?? []).filter((i) => Number.isInteger(i) && i >= 0 && i < n);
      const b = (g.b ?? []).filter((j) => Number.isInteger(j) && j >= 0 && j < theirs.length);
      const text = b.map((j) => sentenceText(theirs[j])).join(' ');
      if (!a.length) {
        if (b.length) addInserted(inserted, anchor, column, text, b[0] + 1);
        continue;
      }
      anchor = Math.max(anchor, a.at(-1));
      const parts = Array.isArray(g.words) ? g.words : [];
      a.forEach((i, pos) => {
        base[i][column] = cellFor(g.kind, { pos, a, b, text, parts, theirs });
      });
    }
    for (let i = 0; i < n; i++) if (!base[i][column]) base[i][column] = { state: 'cut' }; // no group covered it
  });

  /** @type {VariantRow[]} */
  const rows = [];
  const pushInserted = (after) => {
    for (const added of inserted.get(after) ?? []) {
      const cells = columns.map((_, c) =>
        c === 0 ? { state: 'absent' } : (added.cells.get(c) ?? { state: 'absent' }),
      );
      rows.push({ key: `added-${after}-${rows.length}`, kind: 'added', index: null, cells, differs: true });
    }
  };
  pushInserted(-1);
  for (let i = 0; i < n; i++) {
    const cells = base[i];
    rows.push({
      key: `ref-${i}`,
      kind: 'reference',
      index: i,
      cells,
      differs: cells.some((c, k) => k > 0 && c.state !== 'same'),
    });
    pushInserted(i);
  }
  for (const row of rows) {
    row.cells.forEach((cell, c) => {
      const counts = columns[c].counts;
      if (!counts) return;
      if (cell.state === 'merged-above') return;
      if (cell.state === 'same' || cell.state === 'cut' || cell.state === 'added' || cell.state === 'moved')
        counts[cell.state]++;
      else if (cell.state === 'changed') counts.changed++;
    });
  }
  return { columns, rows };
}

/**
 * The cell of reference sentence a[pos] in a group of `kind`.
 * @returns {VariantCell}
 */
function cellFor(kind, { pos, a, b, text, parts, theirs }) {
  if (kind === 'onlyA' || !b.length) return { state: 'cut' };
  if (kind === 'same') {
    // Sentence for sentence when the counts agree; else the whole group in its first row.
    if (a.length === b.length) return { state: 'same', text: sentenceText(theirs[b[pos]]) };
    return pos === 0 ? { state: 'same', text } : { state: 'merged-above' };
  }
  if (pos > 0) return { state: 'merged-above' };
  if (kind === 'moved') return { state: 'moved', text, parts, at: b[0] + 1 };
  const how = a.length > 1 ? 'merged' : b.length > 1 ? 'split' : 'changed';
  return { state: 'changed', how, text, parts, count: b.length, spans: a.length };
}

function addInserted(inserted, after, column, text, at) {
  if (!inserted.has(after)) inserted.set(after, []);
  const list = inserted.get(after);
  const key = normalise(text);
  let row = list.find((r) => r.key === key && !r.cells.has(column));
  if (!row) {
    row = { key, cells: new Map() };
    list.push(row);
  }
  row.cells.set(column, { state: 'added', text, at });
}

function normalise(text) {
  return text.toLowerCase().replace(/\s+/gu, ' ').trim();
}

function sentenceText(s) {
  return typeof s?.text === 'string' ? s.text : '';
}

/** The reference of a story: its longest version (most words; the first listed on a tie). */
export function chooseReference(versions) {
  let best = null;
  for (const v of versions) if (!best || v.words > best.words) best = v;
  return best;
}
