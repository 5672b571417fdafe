// An import's progress kept in storage (import/import-journal.js): written as it goes, gone when it
// ends, found at the next start only when a reload cut it short, and said in words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ImportJournal,
  interruptedText,
  JOURNAL_KEY,
  keptBy,
} from '../../../web/src/import/import-journal.js';
import { MemoryStore } from '../../../web/src/storage/store.js';

/** @type {{name: string, size: number, isDirectory?: boolean}[]} */
const files = [
  { name: 'a.json', size: 10 },
  { name: 'b.jsonl', size: 20 },
  { name: 'folder', size: 0, isDirectory: true },
  { name: 'c.txt', size: 30 },
];

test('written as the import goes, gone when it ends; what a reload leaves is found', async () => {
  const store = new MemoryStore('test');
  const journal = new ImportJournal(() => store, { now: () => 1000 });
  assert.equal(await journal.interrupted(), null);
  await journal.begin(files);
  await journal.progress({ fileIndex: 1, added: 1234 });
  // A new page (after a reload) reads what the old one wrote.
  const next = new ImportJournal(() => store);
  assert.deepEqual(await next.interrupted(), {
    started: 1000,
    files: [
      { name: 'a.json', size: 10 },
      { name: 'b.jsonl', size: 20 },
      { name: 'c.txt', size: 30 },
    ],
    fileIndex: 1,
    added: 1234,
  });
  await journal.end();
  assert.equal(await next.interrupted(), null);
  await store.setMeta(JOURNAL_KEY, { nonsense: true });
  assert.equal(await next.interrupted(), null, 'not a journal');
});

test('storage failures are reported, never thrown', async () => {
  const failures = [];
  const broken = {
    getMeta: async () => {
      throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    },
    setMeta: async () => {
      throw new Error('closed');
    },
  };
  const journal = new ImportJournal(() => broken, {
    failed: (e) => failures.push(/** @type {Error} */ (e).message),
  });
  await journal.begin(files);
  assert.equal(await journal.interrupted(), null);
  assert.deepEqual(failures, ['closed', 'full']);
});

test('the message says which files were read, how many articles were kept, and what to do', () => {
  const when = () => 'at 10:00';
  const j = { started: 0, files: files.filter((f) => !f.isDirectory), fileIndex: 1, added: 1234 };
  assert.equal(
    interruptedText(j, when),
    'An import of 3 files started at 10:00 was interrupted (the page was reloaded or closed): “a.json” was read, ' +
      '“b.jsonl” in part, 1 file not at all; 1,234 new articles were kept. Choose the same files again to finish ' +
      'it: the articles already here are recognised as duplicates and skipped.',
  );
  assert.match(
    interruptedText({ ...j, files: [files[0]], fileIndex: 0, added: 0 }, when),
    /“a.json” was read in part; no articles were kept\./,
  );
  assert.match(
    interruptedText({ ...j, fileIndex: 2, added: 1 }, when),
    /“a.json”, “b.jsonl” were read, “c.txt” in part; 1 new article was kept/,
  );
});

test('what was kept is counted from the records: its files, imported since it started', () => {
  const j = { started: 100, files: [{ name: 'a.json', size: 1 }], fileIndex: 0, added: 2 };
  const records = [
    { fileName: 'a.json', importedAt: 150 },
    { fileName: 'a.json', importedAt: 160 },
    { fileName: 'a.json', importedAt: 170 }, // stored after the journal's last word
    { fileName: 'a.json', importedAt: 50 }, // an earlier import of the same file
    { fileName: 'b.json', importedAt: 150 },
    {},
  ];
  assert.equal(keptBy(j, records), 3);
});
