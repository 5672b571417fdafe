// diffTexts in the WebAssembly core: what the compare view relies on (UTF-16 offsets into the
// texts given, groups that rebuild both texts, the seed story's merges and splits).
// Runs against build-wasm/bin/lectern-core.js, or the file named by LECTERN_CORE.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core, seedBody, seeds } from './core.mjs';

const diff = (a, b, options = '') => JSON.parse(core.diffTexts(a, b, options));

// Every sentence is in one group, and each group's ops rebuild both sides' text exactly.
function assertRebuilds(a, b, d) {
  const seen = { a: new Set(), b: new Set() };
  for (const g of d.groups) {
    for (const side of ['a', 'b']) {
      const text = side === 'a' ? a : b;
      const sentences = d[side].sentences;
      for (const i of g[side]) {
        assert.ok(!seen[side].has(i), `${side} sentence ${i} in two groups`);
        seen[side].add(i);
        assert.equal(text.slice(sentences[i].start, sentences[i].end), sentences[i].text);
      }
      if (g[side].length === 0) continue;
      const from = sentences[g[side][0]].start, to = sentences[g[side].at(-1)].end;
      const skip = side === 'a' ? 'insert' : 'delete';
      const rebuilt = g.words.filter((w) => w.op !== skip).map((w) => w.text).join('');
      assert.equal(rebuilt, text.slice(from, to), `group ${JSON.stringify(g.a)}/${JSON.stringify(g.b)}`);
    }
  }
  assert.equal(seen.a.size, d.a.sentences.length);
  assert.equal(seen.b.size, d.b.sentences.length);
}

test('seeds 000 vs 001: merged and split sentences, a person dropped, a date changed, no dateline', () => {
  const a = seedBody(seeds[0]), b = seedBody(seeds[1]);
  const d = diff(a, b);
  assert.equal(d.offsetUnit, 'utf16');
  assertRebuilds(a, b, d);
  const find = (kind, aIndex) => d.groups.find((g) => g.kind === kind && g.a.includes(aIndex));
  assert.deepEqual(find('merged', 3)?.b, [2], 'KUNA 3 merges China Daily 4 and 5');
  assert.deepEqual(find('merged', 3)?.a, [3, 4]);
  const split = find('split', 10);
  assert.deepEqual(split?.b, [6, 7], 'China Daily 11 is split into KUNA 7 and 8');
  assert.ok(split.words.some((w) => w.op === 'delete' && w.text.includes('rejected unilateral bullying')));
  const first = d.groups[0];
  assert.deepEqual([first.a, first.b], [[0], [0]]);
  // Callouts from entities: the name KUNA cuts short, the day it changes; its dateline ("BEIJING,
  // Sept 13 (KUNA) --" for "ST. PETERSBURG -") is no change.
  assert.deepEqual(first.changes, [
    { kind: 'name', type: 'PER', a: 'Vladimir Putin', b: 'Vladimir' },
    { kind: 'date', type: 'DATE', a: 'Thursday', b: 'Friday' },
  ]);
  for (const i of [2, 14, 15, 16]) assert.ok(find('onlyA', i), `China Daily ${i + 1} only in A`);
  assert.equal(d.summary.merged, 1);
  assert.equal(d.summary.split, 1);
});

test("the articles' dates (dateA, dateB) resolve relative dates: the same day is no change", () => {
  const a = 'Putin spoke on Thursday in Moscow.';
  const b = 'Putin spoke on Sept. 12 in Moscow.';
  const dated = diff(a, b, JSON.stringify({ dateA: '2024-09-13', dateB: '2024-09-13' }));
  assert.deepEqual(dated.summary.changes, [], 'Thursday before Friday 2024-09-13 is Sept. 12');
  const undated = diff(a, b);
  assert.ok(undated.summary.changes.some((c) => c.type === 'DATE'), JSON.stringify(undated.summary.changes));
  assert.ok('error' in diff(a, b, JSON.stringify({ dateA: 7 })), 'a date that is not a string');
});

test('offsets are UTF-16 by default and code points on request (characters outside the BMP)', () => {
  const a = 'The 🦊 fox ran 12 km. Then it slept.';
  const b = 'The 🦊 fox ran 15 km. Then it slept soundly.';
  const utf16 = diff(a, b);
  assertRebuilds(a, b, utf16);
  assert.ok(utf16.groups[0].changes.some((c) => c.kind === 'number' && c.a === '12' && c.b === '15'));
  const points = diff(a, b, JSON.stringify({ offsetUnit: 'codepoint' }));
  assert.equal(points.offsetUnit, 'codepoint');
  assert.equal(points.a.sentences[1].start, utf16.a.sentences[1].start - 1);
});

test('identical texts, a text with itself, empty and one-word texts', () => {
  const a = seedBody(seeds[2]);
  const same = diff(a, a);
  assertRebuilds(a, a, same);
  assert.ok(same.groups.every((g) => g.kind === 'same'));
  assert.equal(same.summary.wordsDeleted + same.summary.wordsInserted, 0);
  const empty = diff('', a);
  assertRebuilds('', a, empty);
  assert.ok(empty.groups.every((g) => g.kind === 'onlyB'));
  assert.deepEqual(diff('', '').groups, []);
  const word = diff('Hello', 'Goodbye');
  assertRebuilds('Hello', 'Goodbye', word);
});

test('junk and unrelated texts give a diff, not an error', () => {
  const junk = String.fromCharCode(...Array.from({ length: 3000 }, (_, i) => (i * 7919) % 0xd7ff));
  const d = diff(junk, seedBody(seeds[3]));
  assert.equal(d.error, undefined);
  assertRebuilds(junk, seedBody(seeds[3]), d);
});

test('a bad option is an error message, not an exception', () => {
  assert.match(diff('a', 'b', JSON.stringify({ offsetUnit: 'bytes?' })).error, /offset/i);
  assert.ok(diff('a', 'b', '{not json').error);
});
