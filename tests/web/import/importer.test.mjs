import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importInputs, textInput } from '../../../web/src/import/importer.js';
import { Collection } from '../../../web/src/library/collection.js';
import { loadCore, resetCoreForTests } from '../../../web/src/core/core.js';
import { MAX_FILE_BYTES } from '../../../web/src/import/problems.js';
import { encode, fakeCoreFactory } from '../helpers.mjs';

async function setup() {
  resetCoreForTests();
  const reader = await loadCore(fakeCoreFactory());
  return { reader, collection: new Collection(), yieldNow: async () => {} };
}

const article = (title, text) => `${title}\n\n${text}`;

test('imports a batch; problems name the file; the rest of the batch still comes in', async () => {
  const deps = await setup();
  const pdf = {
    name: 'report.pdf',
    size: 6,
    read: async () => new Uint8Array([0x25, 0x50, 0x44, 0x00, 0x01, 0x02]),
  };
  const result = await importInputs(
    [
      textInput('one.txt', article('First headline', 'It begins here. Then more.')),
      pdf,
      textInput('two.txt', article('Second headline', 'Different text entirely.')),
    ],
    deps,
  );
  assert.equal(result.added.length, 2);
  assert.equal(deps.collection.size, 2);
  assert.deepEqual(result.problems, [
    { file: 'report.pdf', where: '', message: 'looks like a binary file, not text' },
  ]);
  assert.deepEqual(
    result.results.map((r) => [r.title, r.added]),
    [
      ['First headline', true],
      ['Second headline', true],
    ],
  );
  assert.ok(result.added.every((r) => /^[0-9a-f]{16}$/.test(r.id)));
  assert.deepEqual(
    result.added.map((r) => r.seq),
    [1, 2],
  );
});

test('the same article imported twice is recognised and not duplicated', async () => {
  const deps = await setup();
  const text = article('Same', 'Identical body text.');
  const first = await importInputs([textInput('a.txt', text)], deps);
  const second = await importInputs([textInput('b.txt', text), textInput('c.txt', `${text}\n`)], deps);
  assert.equal(first.added.length, 1);
  assert.equal(second.added.length, 0);
  assert.equal(second.duplicates.length, 2);
  assert.equal(second.duplicates[0].id, first.added[0].id);
  assert.deepEqual(
    second.results.map((r) => r.added),
    [false, false],
  );
  assert.equal(deps.collection.size, 1);
});

test('files over 64 MB are refused without being read', async () => {
  const deps = await setup();
  let read = false;
  const big = {
    name: 'huge.jsonl',
    size: MAX_FILE_BYTES + 1,
    read: async () => {
      read = true;
      return new Uint8Array();
    },
  };
  const result = await importInputs([big], deps);
  assert.equal(read, false);
  assert.equal(result.problems.length, 1);
  assert.match(result.problems[0].message, /too large to import \(64 MB; the limit is 64 MB\)/);
});

test('unreadable files and folders become problems', async () => {
  const deps = await setup();
  const gone = {
    name: 'gone.txt',
    size: 10,
    read: async () => {
      throw new DOMException('x', 'NotReadableError');
    },
  };
  const folder = { name: 'articles', size: 0, isDirectory: true, read: async () => new Uint8Array() };
  const result = await importInputs([gone, folder], deps);
  assert.deepEqual(
    result.problems.map((p) => p.file),
    ['gone.txt', 'articles'],
  );
  assert.match(result.problems[0].message, /could not read it/);
  assert.match(result.problems[1].message, /folder/);
});

test('a failing core is reported for that file and the batch goes on', async () => {
  const deps = await setup();
  const reader = {
    contentHash: (t) => deps.reader.contentHash(t),
    read(bytes, name) {
      if (name === 'bad.txt') throw new Error('memory access out of bounds');
      return deps.reader.read(bytes, name);
    },
  };
  const result = await importInputs([textInput('bad.txt', 'x'), textInput('ok.txt', 'Fine text.')], {
    ...deps,
    reader,
  });
  assert.equal(result.added.length, 1);
  assert.deepEqual(result.problems, [
    { file: 'bad.txt', where: '', message: 'the reader failed on this file (memory access out of bounds)' },
  ]);
});

test('big .jsonl files are read in chunks with the right line numbers; good records survive', async () => {
  const deps = await setup();
  const lines = [];
  for (let i = 1; i <= 300; i++) {
    lines.push(
      i % 100 === 0
        ? '{broken'
        : JSON.stringify({ id: `r${i}`, title: `Title ${i}`, text: `Record number ${i} says something.` }),
    );
  }
  const bytes = encode(`${lines.join('\n')}\n`);
  const calls = [];
  const reader = {
    contentHash: (t) => deps.reader.contentHash(t),
    read: (b, name, opts) => {
      calls.push(opts.firstLine);
      return deps.reader.read(b, name, opts);
    },
  };
  const progress = [];
  const persisted = [];
  const result = await importInputs([{ name: 'feed.jsonl', size: bytes.length, read: async () => bytes }], {
    ...deps,
    reader,
    chunkBytes: 1000,
    onProgress: (p) => progress.push(p),
    onAdded: (r) => persisted.push(r.length),
  });
  assert.ok(calls.length > 5, `read in ${calls.length} chunks`);
  assert.equal(calls[0], 1);
  assert.ok(calls.every((n, i) => i === 0 || n > calls[i - 1]));
  assert.equal(result.added.length, 297);
  assert.deepEqual(
    result.problems.map((p) => p.where),
    ['line 100', 'line 200', 'line 300'],
  );
  assert.equal(
    persisted.reduce((a, b) => a + b, 0),
    297,
  );
  const last = progress.at(-1);
  assert.equal(last.done, true);
  assert.equal(last.bytesDone, bytes.length);
  assert.equal(last.bytesTotal, bytes.length);
  assert.equal(last.records, 297);
  // Progress never goes backwards.
  assert.ok(progress.every((p, i) => i === 0 || p.bytesDone >= progress[i - 1].bytesDone));
});

test('yields to the event loop between chunks and files', async () => {
  const deps = await setup();
  let yields = 0;
  await importInputs([textInput('a.txt', 'A.'), textInput('b.txt', 'B.')], {
    ...deps,
    yieldNow: async () => {
      yields++;
    },
  });
  assert.equal(yields, 2);
});

test('articles with no text are reported, not added', async () => {
  const deps = await setup();
  const reader = {
    read: () => ({ articles: [{ id: 'x', title: 'Empty', body: '  ' }], problems: [] }),
    contentHash: String,
  };
  const result = await importInputs([textInput('empty.json', '[]')], { ...deps, reader });
  assert.equal(result.added.length, 0);
  assert.match(result.problems[0].message, /no text/);
});

test('seed imports are marked as seeds', async () => {
  const deps = await setup();
  const result = await importInputs([textInput('000.txt', ' date 2024-09-13 Some seed text. More.')], {
    ...deps,
    seed: true,
  });
  assert.equal(result.added[0].seed, true);
  assert.equal(result.added[0].article.date, '2024-09-13');
});

test('textInput accepts strings and bytes', async () => {
  assert.deepEqual(await textInput('a', 'é').read(), encode('é'));
  assert.equal(textInput('a', 'é').size, 2);
  assert.deepEqual(await textInput('a', encode('x').buffer).read(), encode('x'));
});

test('chunks of a big .jsonl shrink when reading is slow, and lines stay right', async () => {
  const deps = await setup();
  const lines = Array.from({ length: 20000 }, (_, i) =>
    JSON.stringify({ id: `r${i + 1}`, text: `Record ${i + 1} text here.` }),
  );
  lines[15000] = 'oops';
  const bytes = encode(`${lines.join('\n')}\n`);
  let t = 0;
  const sizes = [];
  const reader = {
    contentHash: (t) => deps.reader.contentHash(t),
    read(b, name, opts) {
      sizes.push(b.length);
      t += b.length / 1000; // 1000 bytes per ms: a 512 KB chunk takes half a second
      return deps.reader.read(b, name, opts);
    },
  };
  const result = await importInputs([{ name: 'slow.jsonl', size: bytes.length, read: async () => bytes }], {
    ...deps,
    reader,
    chunkBytes: 512 * 1024,
    firstChunkBytes: 512 * 1024,
    clock: () => t,
  });
  assert.ok(sizes.length >= 5, `${sizes.length} chunks`);
  assert.ok(
    sizes.slice(1, -1).every((n) => n > 90 * 1000 && n < 110 * 1000),
    `later chunks take ~100 ms: ${sizes}`,
  );
  assert.equal(result.added.length, 19999);
  assert.deepEqual(
    result.problems.map((p) => p.where),
    ['line 15001'],
  );
});

test('a part with many articles is added in slices, yielding in between; progress waits for big files', async () => {
  const deps = await setup();
  const raw = Array.from({ length: 50 }, (_, i) => ({
    id: `a${i}`,
    title: `T${i}`,
    body: `Body number ${i}.`,
  }));
  let t = 0;
  const reader = {
    // As the worker does: an async iterator of prepared parts.
    async *readParts(bytes) {
      const { prepareArticle } = await import('../../../web/src/library/records.js');
      yield { articles: raw.map((a) => prepareArticle(a, String)), problems: [], bytes: bytes.length };
    },
  };
  let yields = 0;
  const batches = [];
  const progress = [];
  const size = 2 * 1024 * 1024;
  const result = await importInputs([{ name: 'big.json', size, read: async () => new Uint8Array(size) }], {
    ...deps,
    reader,
    clock: () => (t += 5),
    yieldNow: async () => {
      yields++;
    },
    onAdded: (records) => {
      batches.push(records.length);
    },
    onProgress: (p) => progress.push(p),
  });
  assert.equal(result.added.length, 50);
  assert.ok(batches.length >= 5, `added in ${batches.length} slices`);
  assert.equal(
    batches.reduce((a, b) => a + b, 0),
    50,
  );
  assert.ok(yields > batches.length - 1);
  assert.deepEqual(progress.filter((p) => p.waiting).length, 1);
  assert.equal(progress.at(-1).bytesDone, size);
});
