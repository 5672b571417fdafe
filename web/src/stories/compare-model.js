// What the compare view shows, from the core's diff of two versions (diffTexts; see the contract in
// the comment below). Pure: rows of aligned sentence groups with their word changes cut per
// sentence, the summary (what B drops, adds and changes), the people, organisations, places, dates
// and numbers that changed (by type), and the order of the changes for n/p and the changes list.
//
// The core's diff: {offsetUnit: "utf16", a: {sentences: [{start, end, text}]}, b: {…},
//   groups: [{a: [i…], b: [j…], kind: same|changed|merged|split|moved|onlyA|onlyB, similarity,
//             words: [{op: equal|insert|delete, text}],
//             changes: [{kind: name|date|number, type: PER|ORG|LOC|DATE|"", a, b}], changesOmitted}],
//   summary: {same, changed, merged, split, moved, onlyA, onlyB, wordsEqual, wordsDeleted,
//             wordsInserted, changes: [{group, kind, type, a, b}], changesOmitted}}
// A change's type is the entity type of the mention the core found changed (a person, an
// organisation, a place, a date); numbers have none, nor names from a core that found them from
// capitalised words. A wire dateline is never a change (the core keeps it quiet). changesOmitted:
// how many changes of the group (of all groups, in the summary) the core found but did not list.
// Within a run of changes the core already gives all that was removed before all that was added,
// so word parts are shown as they come.
// equal+delete texts of a group make A's text from its first sentence's start to its last one's
// end; equal+insert B's. Groups come in A's reading order (onlyB after the group holding the B
// sentence before them).
import { ENTITY_TYPES } from '../entities/entity-model.js';
import { plural } from '../shell/format.js';

export const KINDS = Object.freeze(['same', 'changed', 'merged', 'split', 'moved', 'onlyA', 'onlyB']);

/**
 * @typedef {{op: 'equal'|'delete'|'insert', text: string}} WordPart
 * @typedef {{index: number, parts: WordPart[], text: string}} SideSentence  index: 0-based in its version
 * @typedef {object} CompareRow
 * @property {number} group       index into diff.groups
 * @property {string} kind
 * @property {SideSentence[]} a   A's sentences in this group (parts: equal and delete)
 * @property {SideSentence[]} b   B's sentences (parts: equal and insert)
 * @property {{kind: string, type: string, a: string, b: string, text: string}[]} changes
 * @property {number} changesOmitted  changes of the group the core did not list
 * @property {number} similarity
 * @property {string} label       e.g. "4–5 → 3: merged"
 * @property {string|null} movedNote  where a moved sentence is in B
 */

/**
 * @param {object} diff  the core's JSON, parsed
 * @param {{label: string}} a  what to call version A ("China Daily"); likewise b
 * @param {{label: string}} b
 */
export function compareModel(diff, a, b) {
  if (!diff || !Array.isArray(diff.groups)) {
    throw new Error(diff?.error ? String(diff.error) : 'the reading engine returned no comparison');
  }
  const aSentences = diff.a?.sentences ?? [];
  const bSentences = diff.b?.sentences ?? [];
  const rows = diff.groups.map((g, group) => {
    const kind = KINDS.includes(g.kind) ? g.kind : 'changed';
    const ai = indices(g.a, aSentences.length);
    const bi = indices(g.b, bSentences.length);
    const words = Array.isArray(g.words) ? g.words : [];
    const changes = (Array.isArray(g.changes) ? g.changes : []).map((c) => ({ ...c, text: changeText(c) }));
    return {
      group,
      kind,
      a: sideSentences(words, aSentences, ai, 'delete'),
      b: sideSentences(words, bSentences, bi, 'insert'),
      changes,
      changesOmitted: count(g.changesOmitted),
      similarity: Number.isFinite(g.similarity) ? g.similarity : null,
      label: rowLabel(kind, ai, bi, a.label, b.label),
      movedNote: kind === 'moved' ? movedNote(bi, b.label) : null,
    };
  });
  const changeRows = rows.filter((r) => r.kind !== 'same').map((r) => r.group);
  return {
    a,
    b,
    rows,
    changeRows,
    summary: summarise(diff, rows, aSentences, bSentences, a.label, b.label),
    named: namedChanges(diff, rows),
    // Changes the core found but did not list (it lists at most so many per group).
    namedOmitted: count(diff.summary?.changesOmitted),
    identical: rows.length > 0 && changeRows.length === 0,
    empty: { a: aSentences.length === 0, b: bSentences.length === 0 },
  };
}

/** A count from the core: a whole number ≥ 0, else 0. */
function count(v) {
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : 0;
}

function indices(list, n) {
  return (Array.isArray(list) ? list : []).filter((i) => Number.isInteger(i) && i >= 0 && i < n);
}

/**
 * One side's sentences of a group, each with the group's word parts cut at sentence boundaries
 * (the text between sentences — spaces, paragraph breaks — is left out). When the parts do not add
 * up to the sentences' text the sentences are shown plain, unmarked, rather than wrong.
 */
export function sideSentences(words, sentences, idx, otherOp) {
  if (!idx.length) return [];
  const base = sentences[idx[0]].start;
  const bounds = idx.map((i) => [sentences[i].start - base, sentences[i].end - base]);
  const out = idx.map((i) => ({ index: i, parts: [], text: sentenceText(sentences[i]) }));
  const mine = words.filter((w) => w && (w.op === 'equal' || w.op === otherOp) && typeof w.text === 'string');
  const total = mine.reduce((n, w) => n + w.text.length, 0);
  if (total !== bounds.at(-1)[1]) {
    for (const s of out) s.parts = [{ op: 'equal', text: s.text }];
    return out;
  }
  let pos = 0;
  for (const w of mine) {
    const from = pos;
    const to = pos + w.text.length;
    pos = to;
    bounds.forEach(([start, end], k) => {
      const lo = Math.max(start, from);
      const hi = Math.min(end, to);
      if (hi <= lo) return;
      const text = w.text.slice(lo - from, hi - from);
      const parts = out[k].parts;
      const last = parts.at(-1);
      if (last && last.op === w.op) last.text += text;
      else parts.push({ op: w.op, text });
    });
  }
  return out;
}

function sentenceText(s) {
  return typeof s?.text === 'string' ? s.text : '';
}

/**
 * The types of change in the order the view groups them, with their names: the entity types
 * (entity-model.js), then numbers, then names without a type (from a core that found them from
 * capitalised words).
 * @type {readonly {type: string, label: string, one: string}[]}
 */
export const CHANGE_TYPES = Object.freeze([
  ...ENTITY_TYPES,
  { type: 'number', label: 'Numbers', one: 'Number' },
  { type: 'name', label: 'Other names', one: 'Name' },
]);

/** The type a change is grouped under (a type of CHANGE_TYPES): its entity type, else by its kind. */
export function changeType(c) {
  const type = String(c?.type ?? '');
  if (CHANGE_TYPES.some((t) => t.type === type)) return type;
  if (c?.kind === 'date') return 'DATE';
  return c?.kind === 'number' ? 'number' : 'name';
}

/** "Person", "Place", "Number", … */
export function changeNoun(c) {
  const type = changeType(c);
  return CHANGE_TYPES.find((t) => t.type === type)?.one ?? 'Name';
}

/** "dropped" (only A has it), "added" (only B), "changed" (A's became B's), or "" for neither. */
export function changeVerb(c) {
  const a = String(c?.a ?? '');
  const b = String(c?.b ?? '');
  return a && b ? 'changed' : a ? 'dropped' : b ? 'added' : '';
}

/** "Date changed: Thursday → Friday", "Person dropped: Putin", "Organisation added: KUNA". */
export function changeText(c) {
  const a = String(c?.a ?? '');
  const b = String(c?.b ?? '');
  const verb = changeVerb(c);
  if (!verb) return '';
  return `${changeNoun(c)} ${verb}: ${a && b ? `${a} → ${b}` : a || b}`;
}

/** 1-based sentence numbers: "4", "4–5". */
export function range(idx) {
  if (!idx.length) return '';
  const first = idx[0] + 1;
  const last = idx.at(-1) + 1;
  return first === last ? String(first) : `${first}–${last}`;
}

function rowLabel(kind, ai, bi, aLabel, bLabel) {
  switch (kind) {
    case 'onlyA':
      return `${range(ai)}: only in ${aLabel}`;
    case 'onlyB':
      return `${range(bi)}: only in ${bLabel}`;
    case 'merged':
      return `${range(ai)} → ${range(bi)}: merged`;
    case 'split':
      return `${range(ai)} → ${range(bi)}: split`;
    case 'moved':
      return `${range(ai)} ↔ ${range(bi)}: moved`;
    case 'same':
      return `${range(ai)} ↔ ${range(bi)}: same`;
    default:
      return `${range(ai)} ↔ ${range(bi)}: changed`;
  }
}

function movedNote(bi, bLabel) {
  if (!bi.length) return null;
  return bi[0] === 0
    ? `moved: ${bLabel} has it first`
    : `moved: in ${bLabel} it comes after sentence ${bi[0]}`;
}

/**
 * A change as the "names, dates and numbers" list shows it: once however many rows it is in.
 * @typedef {{group: number, groups: number[], kind: string, type: string, verb: string, a: string,
 *   b: string, text: string}} NamedChange  group: the first of groups (row indices, ascending)
 */

/**
 * The changes the core listed (the summary's, else the groups'), the same change in several places
 * ("Putin dropped" three times) once with its places, a person dropped by part of their name
 * where the full name is dropped too folded into it (foldPartialNames); by type (CHANGE_TYPES order), in reading
 * order within each.
 * @returns {NamedChange[]}
 */
function namedChanges(diff, rows) {
  const listed = Array.isArray(diff.summary?.changes) ? diff.summary.changes : null;
  const all = listed
    ? listed.filter((c) => Number.isInteger(c?.group) && c.group >= 0 && c.group < rows.length)
    : rows.flatMap((r) => r.changes.map((c) => ({ ...c, group: r.group })));
  const byText = new Map();
  for (const c of all) {
    const text = changeText(c);
    if (!text) continue;
    const kind = c.kind === 'number' || c.kind === 'date' ? c.kind : 'name';
    const type = changeType(c);
    if (!byText.has(text)) {
      const [a, b] = [String(c.a ?? ''), String(c.b ?? '')];
      byText.set(text, { group: c.group, groups: [], kind, type, verb: changeVerb(c), a, b, text });
    }
    const entry = byText.get(text);
    if (!entry.groups.includes(c.group)) entry.groups.push(c.group);
  }
  const order = (e) => CHANGE_TYPES.findIndex((t) => t.type === e.type);
  return foldPartialNames([...byText.values()]).sort((x, y) => order(x) - order(y) || x.group - y.group);
}

/**
 * Folds a person dropped (or added) by one word of their name into the one person dropped (added)
 * whose longer name holds that word: "Putin dropped" into "Vladimir Putin dropped", "Xi added" into
 * "Xi Jinping added" (the core pairs mentions alike: a person named in part is the same person).
 * Wire copy names a person in full once, then in part, so both are one person leaving the story;
 * listed apart they read as two. With no such name, or several ("Li" with "Jun Li" and "Mei Li"),
 * the entry stays. Pure: returns new entries (groups ascending), in the order given.
 * @param {NamedChange[]} entries
 * @returns {NamedChange[]}
 */
export function foldPartialNames(entries) {
  const out = entries.map((e) => ({ ...e, groups: [...e.groups] }));
  const folded = new Set();
  const words = (e) => (e.verb === 'dropped' ? e.a : e.b).split(/\s+/).filter(Boolean);
  for (const short of out) {
    if (short.type !== 'PER' || (short.verb !== 'dropped' && short.verb !== 'added')) continue;
    const name = words(short);
    if (name.length !== 1) continue;
    const longer = out.filter(
      (e) =>
        e !== short &&
        !folded.has(e) &&
        e.type === 'PER' &&
        e.verb === short.verb &&
        words(e).length > 1 &&
        words(e).includes(name[0]),
    );
    if (longer.length !== 1) continue;
    const full = longer[0];
    for (const g of short.groups) if (!full.groups.includes(g)) full.groups.push(g);
    folded.add(short);
  }
  const kept = out.filter((e) => !folded.has(e));
  for (const e of kept) {
    e.groups.sort((x, y) => x - y);
    e.group = e.groups[0];
  }
  return kept;
}

/**
 * The named changes under their types, for the view: [{type, label, changes}] in CHANGE_TYPES
 * order, types with no change left out.
 * @param {NamedChange[]} named
 */
export function namedByType(named) {
  return CHANGE_TYPES.map(({ type, label }) => ({
    type,
    label,
    changes: named.filter((c) => c.type === type),
  })).filter((t) => t.changes.length > 0);
}

function summarise(diff, rows, aSentences, bSentences, aLabel, bLabel) {
  const s = diff.summary ?? {};
  const count = (kind) => rows.filter((r) => r.kind === kind).length;
  const sentencesOf = (kind, side) =>
    rows.filter((r) => r.kind === kind).reduce((n, r) => n + r[side].length, 0);
  const rewritten = ['changed', 'merged', 'split', 'moved'];
  const num = (v, fallback) => (Number.isFinite(v) ? v : fallback);
  const summary = {
    sentences: { a: aSentences.length, b: bSentences.length },
    // The core counts the words of the sentences only one version has (summary.wordsOnlyA/B).
    dropped: { sentences: sentencesOf('onlyA', 'a'), words: num(s.wordsOnlyA, 0) },
    added: { sentences: sentencesOf('onlyB', 'b'), words: num(s.wordsOnlyB, 0) },
    same: { sentences: sentencesOf('same', 'a') },
    changed: {
      groups: rewritten.reduce((n, k) => n + count(k), 0),
      changed: count('changed'),
      merged: count('merged'),
      split: count('split'),
      moved: count('moved'),
    },
    words: {
      equal: num(s.wordsEqual, 0),
      deleted: num(s.wordsDeleted, 0),
      inserted: num(s.wordsInserted, 0),
    },
  };
  summary.lines = summaryLines(summary, aLabel, bLabel);
  return summary;
}

/** The summary in words: what B drops, adds and changes relative to A. */
export function summaryLines(s, aLabel, bLabel) {
  const lines = [];
  lines.push(
    s.dropped.sentences
      ? `${bLabel} leaves out ${plural(s.dropped.sentences, 'sentence')} of ${aLabel}'s ${s.sentences.a} (${plural(s.dropped.words, 'word')}).`
      : `${bLabel} leaves out none of ${aLabel}'s sentences.`,
  );
  lines.push(
    s.added.sentences
      ? `${bLabel} adds ${plural(s.added.sentences, 'sentence')} of its own (${plural(s.added.words, 'word')}).`
      : `${bLabel} adds no sentences of its own.`,
  );
  const c = s.changed;
  if (c.groups) {
    const how = [
      ['changed', 'reworded'],
      ['merged', 'merged'],
      ['split', 'split'],
      ['moved', 'moved'],
    ]
      .filter(([k]) => c[k])
      .map(([k, w]) => `${c[k]} ${w}`)
      .join(', ');
    lines.push(
      `${plural(c.groups, 'passage')} ${c.groups === 1 ? 'differs' : 'differ'} (${how}): ${plural(s.words.deleted, 'word')} removed, ${plural(s.words.inserted, 'word')} added in all.`,
    );
  } else {
    lines.push('No shared sentence is worded differently.');
  }
  return lines;
}

/**
 * The change to go to from `current` (a group index, or null) by `delta` (+1 next, −1 previous),
 * among `changeRows` (group indices in order); stays at the ends.
 * @returns {number|null}
 */
export function stepChange(changeRows, current, delta) {
  if (!changeRows.length) return null;
  if (current == null) return delta > 0 ? changeRows[0] : changeRows.at(-1);
  const at = changeRows.indexOf(current);
  if (at < 0) {
    // On a row that is no change ("same"): the next change after it, or the previous before it.
    const next =
      delta > 0 ? changeRows.find((g) => g > current) : [...changeRows].reverse().find((g) => g < current);
    return next ?? (delta > 0 ? changeRows.at(-1) : changeRows[0]);
  }
  return changeRows[Math.max(0, Math.min(changeRows.length - 1, at + delta))];
}

/**
 * diffTexts' options for two articles: their dates ("YYYY-MM-DD"; others left out), against which
 * the core resolves relative dates ("on Thursday"), so a date counts as changed only when the day
 * it names differs.
 * @param {{date?: string}} a
 * @param {{date?: string}} b
 * @returns {{dateA?: string, dateB?: string}}
 */
export function diffOptions(a, b) {
  const iso = (d) => (typeof d === 'string' && /^\d{4}-\d\d-\d\d$/.test(d) ? d : undefined);
  const options = {};
  if (iso(a?.date)) options.dateA = iso(a.date);
  if (iso(b?.date)) options.dateB = iso(b.date);
  return options;
}

/** What to call a version: its outlet, else its title, told apart when both versions have the same. */
export function versionLabels(a, b) {
  const base = (x) => x.source || x.title || 'Untitled';
  let la = base(a);
  let lb = base(b);
  if (la === lb) {
    la = `${la} (${a.date || 'left'})`;
    lb = `${lb} (${b.date || 'right'})`;
    if (la === lb) {
      la = `${base(a)} (left)`;
      lb = `${base(b)} (right)`;
    }
  }
  return [la, lb];
}
