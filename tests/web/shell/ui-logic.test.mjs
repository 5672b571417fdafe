import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandFor, SHORTCUTS } from '../../../web/src/shell/keys.js';
import { layoutBody, paragraphsFromBlankLines } from '../../../web/src/reader/segments.js';
import {
  duplicatesNotice,
  groupByFile,
  importSummary,
  problemText,
  tooLargeProblem,
  normaliseProblem,
} from '../../../web/src/import/problems.js';

test('keys: library and reader commands', () => {
  const lib = { view: 'library' };
  const rd = { view: 'reader' };
  assert.equal(commandFor({ key: 'j' }, lib), 'next');
  assert.equal(commandFor({ key: 'ArrowDown' }, lib), 'next');
  assert.equal(commandFor({ key: 'k' }, lib), 'previous');
  assert.equal(commandFor({ key: 'ArrowUp' }, rd), 'previous');
  assert.equal(commandFor({ key: 'Enter' }, lib), 'open');
  assert.equal(commandFor({ key: 'Escape' }, rd), 'back');
  assert.equal(commandFor({ key: 'o' }, rd), 'toggle-original');
  assert.equal(commandFor({ key: 'o' }, lib), null);
  assert.equal(commandFor({ key: '?' }, lib), 'help');
  assert.equal(commandFor({ key: '?' }, rd), 'help');
  assert.equal(commandFor({ key: 'ArrowRight' }, rd), 'next-sentence');
});

test('keys: left to the browser in text fields, dialogs, on buttons and with modifiers', () => {
  assert.equal(commandFor({ key: 'j' }, { view: 'library', editable: true }), null);
  assert.equal(commandFor({ key: 'Escape' }, { view: 'reader', dialogOpen: true }), null);
  assert.equal(commandFor({ key: 'Enter' }, { view: 'library', control: true }), null);
  assert.equal(commandFor({ key: 'j', ctrlKey: true }, { view: 'library' }), null);
  assert.equal(commandFor({ key: 'v', metaKey: true }, { view: 'library' }), null);
  assert.ok(SHORTCUTS.length >= 6);
});

test('layoutBody: paragraphs of sentences and the text between them', () => {
  const body = 'One. Two!\n\nThree';
  const plan = layoutBody({
    body,
    paragraphs: [
      { start: 0, end: 9 },
      { start: 11, end: 16 },
    ],
    sentences: [
      { start: 0, end: 4 },
      { start: 5, end: 9 },
      { start: 11, end: 16 },
    ],
  });
  assert.deepEqual(
    plan.map((p) => p.pieces),
    [
      [
        { kind: 'sentence', index: 0, text: 'One.' },
        { kind: 'text', text: ' ' },
        { kind: 'sentence', index: 1, text: 'Two!' },
      ],
      [{ kind: 'sentence', index: 2, text: 'Three' }],
    ],
  );
});

test('layoutBody copes with missing paragraphs, bad and overlapping sentences, emoji offsets', () => {
  const body = 'Hi 👋 there. Next.\n\nLast one';
  const plan = layoutBody({
    body,
    sentences: [
      { start: 0, end: 12 },
      { start: 3, end: 8 },
      { start: 13, end: 18 },
      { start: 15, end: 99 },
    ],
  });
  assert.equal(plan.length, 2);
  assert.deepEqual(
    plan[0].pieces.map((x) => x.text),
    ['Hi 👋 there.', ' ', 'Next.'],
  );
  assert.deepEqual(plan[1].pieces, [{ kind: 'text', text: 'Last one' }]);
  // All text of each paragraph is kept.
  for (const p of plan) assert.equal(p.pieces.map((x) => x.text).join(''), body.slice(p.start, p.end));
  assert.deepEqual(layoutBody({ body: '' }), []);
});

test('paragraphsFromBlankLines', () => {
  const t = '  a b\n c\n\n\nd  \n \n e';
  assert.deepEqual(
    paragraphsFromBlankLines(t).map((s) => t.slice(s.start, s.end)),
    ['a b\n c', 'd', 'e'],
  );
});

test('problem texts name the file', () => {
  assert.equal(
    problemText({ file: 'report.pdf', where: '', message: 'looks like a binary file, not text' }),
    'report.pdf: looks like a binary file, not text',
  );
  assert.equal(
    problemText({ file: 'feed.jsonl', where: 'line 7', message: 'is not valid JSON' }),
    'feed.jsonl: line 7: is not valid JSON',
  );
  assert.deepEqual(normaliseProblem({ message: 'x' }, 'f.txt'), { file: 'f.txt', where: '', message: 'x' });
  assert.match(
    problemText(tooLargeProblem('big.jsonl', 80 * 1024 * 1024)),
    /^big\.jsonl: too large to import \(80 MB; the limit is 64 MB\)/,
  );
  assert.equal(
    duplicatesNotice('a.txt', 1, 'Title'),
    'a.txt: “Title” is already in the library, so it was not added again.',
  );
  assert.match(duplicatesNotice('f.jsonl', 3, 'x'), /^f\.jsonl: 3 articles were already/);
});

test('problems are grouped by file in order of appearance', () => {
  const g = groupByFile([
    { file: 'b', message: '1' },
    { file: 'a', message: '2' },
    { file: 'b', message: '3' },
  ]);
  assert.deepEqual(
    g.map((x) => [x.file, x.problems.length]),
    [
      ['b', 2],
      ['a', 1],
    ],
  );
});

test('import summaries', () => {
  assert.equal(
    importSummary({ added: 12, duplicates: 0, files: 3, problemFiles: 0 }),
    'Added 12 articles from 3 files.',
  );
  assert.equal(
    importSummary({ added: 1, duplicates: 2, files: 1, problemFiles: 1 }),
    'Added 1 article from 1 file. 2 duplicates skipped. 1 file had problems (see below).',
  );
  assert.equal(
    importSummary({ added: 0, duplicates: 1, files: 1, problemFiles: 0 }),
    'No new articles were added. 1 duplicate skipped.',
  );
});
