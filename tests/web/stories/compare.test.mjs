// The compare view's model (compare-model.js) and the variant table (variant-table.js), from diffs the
// WebAssembly core made (tests/web/fixtures/make-diff-fixture.mjs; tests/wasm/page-fixtures.test.mjs
// fails when the core's output drifts from them): seeds 000 (China Daily) vs 001 (KUNA), and a
// small three-version story.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compareModel,
  sideSentences,
  changeText,
  diffOptions,
  foldPartialNames,
  namedByType,
  range,
  stepChange,
  summaryLines,
  versionLabels,
} from '../../../web/src/stories/compare-model.js';
import { variantTable, chooseReference } from '../../../web/src/stories/variant-table.js';
import { ROOT } from '../helpers.mjs';

const fixture = (name) => JSON.parse(readFileSync(join(ROOT, 'tests/web/fixtures', name), 'utf8'));
const SEEDS = fixture('diff-seeds-000-001.json');
const THREE = fixture('variants-three.json');
const A = { id: 'cd', label: 'China Daily' };
const B = { id: 'kuna', label: 'KUNA' };
const sideText = (parts) => parts.map((p) => p.text).join('');

test("compare: one row per group, in A's order, each side's sentences with their word changes", () => {
  const m = compareModel(SEEDS.diff, A, B);
  assert.equal(m.rows.length, SEEDS.diff.groups.length);
  assert.deepEqual(
    m.rows.map((r) => r.kind),
    [
      'changed',
      'changed',
      'onlyA',
      'merged',
      'changed',
      'changed',
      'onlyA',
      'onlyA',
      'changed',
      'split',
      'changed',
      'changed',
      'onlyA',
      'onlyA',
      'onlyA',
      'onlyA',
      'onlyA',
    ],
  );
  const first = m.rows[0];
  assert.deepEqual(
    first.a.map((s) => s.index),
    [0],
  );
  assert.equal(
    sideText(first.a[0].parts),
    SEEDS.diff.a.sentences[0].text,
    "equal + delete make A's sentence",
  );
  assert.equal(sideText(first.b[0].parts), SEEDS.diff.b.sentences[0].text, "equal + insert make B's");
  assert.ok(
    first.a[0].parts.every((p) => p.op !== 'insert') && first.b[0].parts.every((p) => p.op !== 'delete'),
  );
  assert.ok(first.a[0].parts.some((p) => p.op === 'delete' && p.text.includes('Thursday')));
  assert.ok(first.b[0].parts.some((p) => p.op === 'insert' && p.text.includes('Friday')));
  assert.equal(first.label, '1 ↔ 1: changed');
  assert.ok(first.a[0].parts.some((p) => p.op === 'delete' && p.text.includes('ST. PETERSBURG')));
  assert.ok(first.b[0].parts.some((p) => p.op === 'insert' && p.text.includes('BEIJING')));
  // The core's callouts come from entities: KUNA's rewrite cuts the person's name ("Russian
  // President Vladimir Friday") and says Friday for Thursday; the datelines ("ST. PETERSBURG -" and
  // "BEIJING, Sept 13 (KUNA) --") differ too but are no change.
  assert.deepEqual(
    first.changes.map((c) => [c.kind, c.type, c.text]),
    [
      ['name', 'PER', 'Person changed: Vladimir Putin → Vladimir'],
      ['date', 'DATE', 'Date changed: Thursday → Friday'],
    ],
  );
  // Every group's parts rebuild both sides' sentences exactly.
  for (const row of m.rows) {
    for (const side of ['a', 'b']) {
      for (const x of row[side])
        assert.equal(
          sideText(x.parts),
          SEEDS.diff[side].sentences[x.index].text,
          `group ${row.group} ${side}`,
        );
    }
  }
});

test('compare: merged and split groups keep each sentence apart on the side that has several', () => {
  const m = compareModel(SEEDS.diff, A, B);
  const merged = m.rows[3];
  assert.equal(merged.label, '4–5 → 3: merged');
  assert.deepEqual(
    merged.a.map((s) => s.index),
    [3, 4],
  );
  assert.deepEqual(
    merged.b.map((s) => s.index),
    [2],
  );
  merged.a.forEach((s) => assert.equal(sideText(s.parts), SEEDS.diff.a.sentences[s.index].text));
  assert.equal(sideText(merged.b[0].parts), SEEDS.diff.b.sentences[2].text);
  const split = m.rows[9];
  assert.equal(split.label, '11 → 7–8: split');
  assert.deepEqual(
    split.b.map((s) => s.index),
    [6, 7],
  );
  split.b.forEach((s) => assert.equal(sideText(s.parts), SEEDS.diff.b.sentences[s.index].text));
  const only = m.rows.at(-1);
  assert.equal(only.label, '18: only in China Daily');
  assert.equal(only.b.length, 0);
  assert.deepEqual(
    only.a.map((s) => s.text),
    [SEEDS.diff.a.sentences[17].text],
  );
  // A one-sided group of several sentences (the core gives each its own group here).
  const several = compareModel(
    {
      ...SEEDS.diff,
      groups: [
        {
          a: [14, 15, 16],
          b: [],
          kind: 'onlyA',
          words: [
            {
              op: 'delete',
              text: SEEDS.articles.a.body.slice(
                SEEDS.diff.a.sentences[14].start,
                SEEDS.diff.a.sentences[16].end,
              ),
            },
          ],
        },
      ],
    },
    A,
    B,
  );
  assert.equal(several.rows[0].label, '15–17: only in China Daily');
  assert.deepEqual(
    several.rows[0].a.map((s) => s.text),
    SEEDS.diff.a.sentences.slice(14, 17).map((s) => s.text),
  );
});

test('compare: the summary says what B drops, adds and changes; names and numbers listed', () => {
  const m = compareModel(SEEDS.diff, A, B);
  assert.deepEqual(m.summary.dropped.sentences, 8);
  assert.ok(m.summary.dropped.words > 150);
  assert.equal(m.summary.dropped.words, SEEDS.diff.summary.wordsOnlyA, "the core's count");
  assert.equal(m.summary.added.sentences, 0);
  assert.deepEqual(m.summary.changed, { groups: 9, changed: 7, merged: 1, split: 1, moved: 0 });
  assert.equal(m.summary.words.deleted, SEEDS.diff.summary.wordsDeleted);
  assert.deepEqual(m.summary.lines, [
    `KUNA leaves out 8 sentences of China Daily's 18 (${m.summary.dropped.words} words).`,
    'KUNA adds no sentences of its own.',
    `9 passages differ (7 reworded, 1 merged, 1 split): ${SEEDS.diff.summary.wordsDeleted} words removed, ${SEEDS.diff.summary.wordsInserted} words added in all.`,
  ]);
  // By type (people, organisations, places, dates), in reading order within each; the same change
  // in several places listed once ("Putin dropped" in rows 4 and 5).
  assert.deepEqual(
    m.named.map((c) => [c.groups, c.type, c.text]),
    [
      [[0], 'PER', 'Person changed: Vladimir Putin → Vladimir'],
      [[4, 5], 'PER', 'Person dropped: Putin'],
      [[8, 10], 'PER', 'Person added: Wang'],
      [[9], 'PER', 'Person dropped: Wang'],
      [
        [1],
        'ORG',
        'Organisation changed: Political Bureau of the Communist Party of China Central Committee → Bureau of the Communist Party of China Central Committee',
      ],
      [[1], 'ORG', 'Organisation added: Xinhua'],
      [[1], 'LOC', 'Place added: China'],
      [[5, 8], 'LOC', 'Place changed: China → Beijing'],
      [[8], 'LOC', 'Place changed: Russia → Moscow'],
      [[0], 'DATE', 'Date changed: Thursday → Friday'],
    ],
  );
  assert.deepEqual(
    namedByType(m.named).map((t) => [t.type, t.label, t.changes.length]),
    [
      ['PER', 'People', 4],
      ['ORG', 'Organisations', 2],
      ['LOC', 'Places', 3],
      ['DATE', 'Dates', 1],
    ],
  );
  // Neither version's dateline is a change: no change names a word of them.
  const datelineWords = [SEEDS.diff.a.sentences[0].text, SEEDS.diff.b.sentences[0].text]
    .map((t) => t.slice(0, t.search(/ --? /)))
    .flatMap((d) => d.split(/[\s,()]+/).filter((w) => w.length > 1));
  assert.ok(
    datelineWords.includes('BEIJING') && datelineWords.includes('PETERSBURG'),
    datelineWords.join(' '),
  );
  for (const c of m.named) {
    for (const w of datelineWords)
      assert.ok(![c.a, c.b].includes(w) && !c.text.includes(w), `${c.text} (${w})`);
  }
  assert.equal(m.namedOmitted, 0);
  assert.equal(m.identical, false);
  assert.deepEqual(
    m.changeRows,
    m.rows.map((r) => r.group),
    'no row is the same: every row is a change',
  );
});

test('compare: n/p steps through the changes, from a "same" row too, and stays at the ends', () => {
  const changes = [1, 3, 4, 7];
  assert.equal(stepChange(changes, null, 1), 1);
  assert.equal(stepChange(changes, null, -1), 7);
  assert.equal(stepChange(changes, 1, 1), 3);
  assert.equal(stepChange(changes, 3, -1), 1);
  assert.equal(stepChange(changes, 7, 1), 7);
  assert.equal(stepChange(changes, 1, -1), 1);
  assert.equal(stepChange(changes, 5, 1), 7, 'from a row that is no change');
  assert.equal(stepChange(changes, 5, -1), 4);
  assert.equal(stepChange(changes, 0, -1), 1);
  assert.equal(stepChange([], null, 1), null);
});

test('compare: identical versions, an empty one, and a malformed answer', () => {
  const same = {
    a: { sentences: [{ start: 0, end: 3, text: 'One' }] },
    b: { sentences: [{ start: 0, end: 3, text: 'One' }] },
    groups: [
      { a: [0], b: [0], kind: 'same', similarity: 1, words: [{ op: 'equal', text: 'One' }], changes: [] },
    ],
    summary: { same: 1, wordsEqual: 1, wordsDeleted: 0, wordsInserted: 0, changes: [] },
  };
  const m = compareModel(same, A, B);
  assert.equal(m.identical, true);
  assert.deepEqual(m.changeRows, []);
  assert.equal(m.summary.lines.at(-1), 'No shared sentence is worded differently.');
  const empty = compareModel(
    {
      a: { sentences: [{ start: 0, end: 5, text: 'Word.' }] },
      b: { sentences: [] },
      groups: [{ a: [0], b: [], kind: 'onlyA', words: [{ op: 'delete', text: 'Word.' }], changes: [] }],
      summary: {},
    },
    A,
    B,
  );
  assert.deepEqual(empty.empty, { a: false, b: true });
  assert.equal(empty.rows[0].label, '1: only in China Daily');
  assert.equal(empty.identical, false);
  assert.throws(() => compareModel({ error: 'text too long' }, A, B), /text too long/);
  assert.throws(() => compareModel(null, A, B), /no comparison/);
  // Indices outside the sentences are ignored rather than drawn wrong.
  const odd = compareModel(
    { a: { sentences: [] }, b: { sentences: [] }, groups: [{ a: [5], b: [-1], kind: 'weird', words: [] }] },
    A,
    B,
  );
  assert.deepEqual([odd.rows[0].kind, odd.rows[0].a, odd.rows[0].b], ['changed', [], []]);
});

test('compare: word parts that do not add up to the sentences are shown plain, not misplaced', () => {
  const sentences = [{ start: 0, end: 9, text: 'Abc defgh' }];
  const out = sideSentences(
    [
      { op: 'equal', text: 'Abc' },
      { op: 'delete', text: ' de' },
    ],
    sentences,
    [0],
    'delete',
  );
  assert.deepEqual(out[0].parts, [{ op: 'equal', text: 'Abc defgh' }]);
  // Cut at sentence boundaries; the space between sentences is left out.
  const two = [
    { start: 0, end: 4, text: 'One.' },
    { start: 5, end: 9, text: 'Two.' },
  ];
  const cut = sideSentences(
    [
      { op: 'equal', text: 'On' },
      { op: 'delete', text: 'e. Tw' },
      { op: 'equal', text: 'o.' },
    ],
    two,
    [0, 1],
    'delete',
  );
  assert.deepEqual(
    cut.map((s) => s.parts),
    [
      [
        { op: 'equal', text: 'On' },
        { op: 'delete', text: 'e.' },
      ],
      [
        { op: 'delete', text: 'Tw' },
        { op: 'equal', text: 'o.' },
      ],
    ],
  );
});

test('compare: names and numbers the core did not list (changesOmitted in groups and the summary)', () => {
  const diff = structuredClone(SEEDS.diff);
  assert.equal(compareModel(diff, A, B).namedOmitted, 0, 'the seeds: every change listed');
  diff.groups[0].changesOmitted = 40;
  diff.groups[8].changesOmitted = 2;
  diff.summary.changesOmitted = 45;
  let m = compareModel(diff, A, B);
  assert.equal(m.rows[0].changesOmitted, 40);
  assert.equal(m.rows[1].changesOmitted, 0);
  assert.equal(m.namedOmitted, 45, "the summary's total");
  assert.equal(m.named.length, 10, 'the listed ones are all there');
  diff.summary.changesOmitted = -3;
  diff.groups[0].changesOmitted = 'many';
  m = compareModel(diff, A, B);
  assert.deepEqual([m.namedOmitted, m.rows[0].changesOmitted], [0, 0], 'nonsense counts as none');
});

test('compare: wording of changes, ranges and labels', () => {
  assert.equal(
    changeText({ kind: 'date', type: 'DATE', a: 'Thursday', b: 'Friday' }),
    'Date changed: Thursday → Friday',
  );
  assert.equal(changeText({ kind: 'name', type: 'PER', a: 'Putin', b: '' }), 'Person dropped: Putin');
  assert.equal(changeText({ kind: 'name', type: 'ORG', a: '', b: 'Xinhua' }), 'Organisation added: Xinhua');
  assert.equal(
    changeText({ kind: 'name', type: 'LOC', a: 'China', b: 'Beijing' }),
    'Place changed: China → Beijing',
  );
  assert.equal(changeText({ kind: 'number', type: '', a: '5', b: '6' }), 'Number changed: 5 → 6');
  // From a core without types: by the kind ("date" is a date; other names are names).
  assert.equal(changeText({ kind: 'name', a: 'Putin', b: '' }), 'Name dropped: Putin');
  assert.equal(changeText({ kind: 'date', a: 'May', b: 'June' }), 'Date changed: May → June');
  assert.equal(changeText({ kind: 'name', type: 'MISC', a: 'X', b: 'Y' }), 'Name changed: X → Y');
  assert.equal(changeText({ kind: 'name', type: 'PER', a: '', b: '' }), '', 'nothing on either side');
  assert.equal(range([3]), '4');
  assert.equal(range([14, 15, 16]), '15–17');
  assert.deepEqual(versionLabels({ source: 'KUNA' }, { source: 'Xinhua' }), ['KUNA', 'Xinhua']);
  assert.deepEqual(
    versionLabels({ source: 'KUNA', date: '2024-09-12' }, { source: 'KUNA', date: '2024-09-13' }),
    ['KUNA (2024-09-12)', 'KUNA (2024-09-13)'],
  );
  assert.deepEqual(versionLabels({ title: 'T' }, { title: 'T' }), ['T (left)', 'T (right)']);
  assert.deepEqual(
    summaryLines(
      {
        sentences: { a: 3, b: 4 },
        dropped: { sentences: 1, words: 1 },
        added: { sentences: 1, words: 5 },
        changed: { groups: 1, changed: 0, merged: 0, split: 0, moved: 1 },
        words: { deleted: 0, inserted: 0 },
      },
      'X',
      'Y',
    ),
    [
      "Y leaves out 1 sentence of X's 3 (1 word).",
      'Y adds 1 sentence of its own (5 words).',
      '1 passage differs (1 moved): 0 words removed, 0 words added in all.',
    ],
  );
});

test('compare: a moved group says where the other version has it', () => {
  const m = compareModel(THREE.v2, { label: 'R' }, { label: 'V2' });
  const moved = m.rows.find((r) => r.kind === 'moved');
  assert.equal(moved.movedNote, 'moved: in V2 it comes after sentence 2');
  assert.equal(m.rows.find((r) => r.kind === 'onlyB').label, '2: only in V2');
});

test('variants: one row per reference sentence, sentences only others have put in where they occur', () => {
  const t = variantTable({ id: 'r', label: 'R', sentences: THREE.reference.sentences }, [
    { id: 'v1', label: 'V1', diff: THREE.v1 },
    { id: 'v2', label: 'V2', diff: THREE.v2 },
  ]);
  assert.deepEqual(
    t.columns.map((c) => [c.id, c.reference]),
    [
      ['r', true],
      ['v1', false],
      ['v2', false],
    ],
  );
  assert.deepEqual(
    t.rows.map((r) => (r.kind === 'added' ? '+' : r.index)),
    [0, '+', 1, 2, 3, 4],
  );
  const states = t.rows.map((r) => r.cells.map((c) => c.state).join(' '));
  assert.deepEqual(states, [
    'reference same same',
    'absent added added', // both versions add "Officials agreed." after sentence 1: one row
    'reference changed changed', // V1 merges 2+3, V2 splits 2
    'reference merged-above cut',
    'reference cut cut',
    'reference changed moved',
  ]);
  const [, added, two, three, , five] = t.rows;
  assert.equal(added.cells[1].text, 'Officials agreed.');
  assert.equal(added.cells[2].at, 2);
  assert.equal(two.cells[1].how, 'merged');
  assert.equal(two.cells[1].spans, 2);
  assert.equal(two.cells[1].text, 'Ministers met in Paris and discussed trade.');
  assert.deepEqual(
    two.cells[1].parts.filter((p) => p.op !== 'equal'),
    [
      { op: 'delete', text: '. They' },
      { op: 'insert', text: ' and' },
    ],
  );
  assert.equal(two.cells[2].how, 'split');
  assert.equal(two.cells[2].count, 2);
  assert.equal(two.cells[2].text, 'Ministers met. In Paris.');
  assert.equal(three.differs, true);
  assert.equal(five.cells[2].at, 3, 'V2 has it as its sentence 3');
  assert.equal(five.cells[1].parts.find((p) => p.op === 'insert').text, 'April');
  assert.equal(t.rows[0].differs, false, 'everyone kept it');
  assert.deepEqual(t.columns[1].counts, { same: 1, changed: 2, moved: 0, cut: 1, added: 1 });
  assert.deepEqual(t.columns[2].counts, { same: 1, changed: 1, moved: 1, cut: 2, added: 1 });
});

test('variants: different sentences added at the same place are separate rows; a version covering nothing is all cut', () => {
  const v1 = structuredClone(THREE.v1);
  const v2 = structuredClone(THREE.v2);
  v2.b.sentences[1].text = 'Diplomats were hopeful.';
  v2.groups[1].words = [{ op: 'insert', text: 'Diplomats were hopeful.' }];
  const t = variantTable({ id: 'r', label: 'R', sentences: THREE.reference.sentences }, [
    { id: 'v1', label: 'V1', diff: v1 },
    { id: 'v2', label: 'V2', diff: v2 },
    { id: 'v3', label: 'V3', diff: { groups: [] } },
  ]);
  const added = t.rows.filter((r) => r.kind === 'added');
  assert.deepEqual(
    added.map((r) => r.cells.map((c) => c.state).join(' ')),
    ['absent added absent absent', 'absent absent added absent'],
  );
  assert.ok(t.rows.filter((r) => r.kind === 'reference').every((r) => r.cells[3].state === 'cut'));
  // Sentences added before the first shared one come first.
  const early = structuredClone(THREE.v1);
  early.groups = [early.groups[1], early.groups[0], ...early.groups.slice(2)];
  const t2 = variantTable({ id: 'r', label: 'R', sentences: THREE.reference.sentences }, [
    { id: 'v1', label: 'V1', diff: early },
  ]);
  assert.equal(t2.rows[0].kind, 'added');
});

test('variants: the reference is the longest version', () => {
  assert.equal(
    chooseReference([
      { id: 'a', words: 300 },
      { id: 'b', words: 588 },
      { id: 'c', words: 588 },
    ]).id,
    'b',
  );
  assert.equal(chooseReference([]), null);
});

test('compare: a person dropped by part of their name where the full name is dropped too is one person', () => {
  const e = (type, a, b, groups) => ({
    group: groups[0],
    groups,
    kind: type === 'DATE' ? 'date' : 'name',
    type,
    verb: a && b ? 'changed' : a ? 'dropped' : 'added',
    a,
    b,
    text: `${a}|${b}`,
  });
  const folded = foldPartialNames([
    e('PER', 'Putin', '', [5, 2]),
    e('PER', 'Vladimir Putin', '', [3]),
    e('PER', '', 'Wang', [1]), // added, not dropped: apart from a dropped Wang Yi
    e('PER', 'Wang Yi', '', [4]),
    e('PER', 'Li', '', [6]), // two names end with it: which one is not known
    e('PER', 'Jun Li', '', [7]),
    e('PER', 'Mei Li', '', [8]),
    e('PER', 'Tin', '', [9]), // not a whole word of "Vladimir Putin"
    e('LOC', 'Jersey', '', [10]), // places are not folded
    e('LOC', 'New Jersey', '', [11]),
    e('PER', 'Biden', 'Harris', [12]), // a change is not a drop
    e('PER', 'Joe Biden', '', [13]),
    e('PER', 'Ann Lee', '', [14]), // only one word of a name is folded, as the core pairs them
    e('PER', 'Mary Ann Lee', '', [15]),
  ]);
  assert.deepEqual(
    folded.map((x) => [x.a || x.b, x.verb, x.group, x.groups]),
    [
      ['Vladimir Putin', 'dropped', 2, [2, 3, 5]],
      ['Wang', 'added', 1, [1]],
      ['Wang Yi', 'dropped', 4, [4]],
      ['Li', 'dropped', 6, [6]],
      ['Jun Li', 'dropped', 7, [7]],
      ['Mei Li', 'dropped', 8, [8]],
      ['Tin', 'dropped', 9, [9]],
      ['Jersey', 'dropped', 10, [10]],
      ['New Jersey', 'dropped', 11, [11]],
      ['Biden', 'changed', 12, [12]],
      ['Joe Biden', 'dropped', 13, [13]],
      ['Ann Lee', 'dropped', 14, [14]],
      ['Mary Ann Lee', 'dropped', 15, [15]],
    ],
  );
  const added = foldPartialNames([e('PER', '', 'Xi Jinping', [2]), e('PER', '', 'Xi', [0])]);
  assert.deepEqual(
    added.map((x) => [x.b, x.groups]),
    [['Xi Jinping', [0, 2]]],
    'added alike; the first place first',
  );
});

test('compare: names, dates and numbers by type, in CHANGE_TYPES order, empty types left out', () => {
  const diff = {
    a: { sentences: [{ start: 0, end: 5, text: 'One.' }] },
    b: { sentences: [{ start: 0, end: 5, text: 'Two.' }] },
    groups: [{ a: [0], b: [0], kind: 'changed', similarity: 0.5, words: [], changes: [] }],
    summary: {
      changes: [
        { group: 0, kind: 'number', type: '', a: '5', b: '6' },
        { group: 0, kind: 'date', type: 'DATE', a: 'Monday', b: 'Tuesday' },
        { group: 0, kind: 'name', type: '', a: 'Foo', b: '' },
        { group: 0, kind: 'name', type: 'PER', a: '', b: 'Ann Lee' },
        { group: 7, kind: 'name', type: 'PER', a: 'Out', b: 'Of range' },
      ],
    },
  };
  const m = compareModel(diff, A, B);
  assert.deepEqual(
    namedByType(m.named).map((t) => [t.label, t.changes.map((c) => c.text)]),
    [
      ['People', ['Person added: Ann Lee']],
      ['Dates', ['Date changed: Monday → Tuesday']],
      ['Numbers', ['Number changed: 5 → 6']],
      ['Other names', ['Name dropped: Foo']],
    ],
  );
});

test("compare: diffTexts' options carry the articles' dates the core can read", () => {
  assert.deepEqual(diffOptions({ date: '2024-09-13' }, { date: '2024-09-12' }), {
    dateA: '2024-09-13',
    dateB: '2024-09-12',
  });
  assert.deepEqual(diffOptions({ date: 'Sept 13' }, { date: '' }), {});
  assert.deepEqual(diffOptions({}, { date: '2024-09-12' }), { dateB: '2024-09-12' });
  assert.deepEqual(diffOptions({ date: '2024-09-13T10:00' }, null), {});
});
