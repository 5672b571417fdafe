// Big .json arrays read a few records at a time (json-split.js, reading.js): the chunks cover the
// records exactly, and what comes back is what reading the whole file gives — the same articles,
// ids and messages, numbered for the whole file. Checked against a stand-in with the real core's
// numbering rules, and against the real core when it is built (build-wasm/bin/lectern-core.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  arrayElements,
  chunkBytes,
  isJsonName,
  newlinesIn,
  planJsonRecords,
  renumberChunk,
} from '../../../web/src/import/json-split.js';
import { readParts } from '../../../web/src/import/reading.js';
import { CoreReader } from '../../../web/src/core/core.js';
import { ROOT, encode, standIn } from '../helpers.mjs';

const decode = (b) => new TextDecoder().decode(b);
const elements = (s) => arrayElements(encode(s))?.map((r) => decode(encode(s).subarray(r.start, r.end)));

test('arrayElements finds the records of a top-level array, whatever their strings hold', () => {
  assert.deepEqual(elements('[1, "a", {"x": [1, {"y": "]},{"}]}, [2,3], null]'), [
    '1',
    '"a"',
    '{"x": [1, {"y": "]},{"}]}',
    '[2,3]',
    'null',
  ]);
  assert.deepEqual(elements('\uFEFF \r\n[ {"t": "say \\"hi\\", [then] {go}\\\\"} ,\n{"t":"é😀"}\n]\n\n'), [
    '{"t": "say \\"hi\\", [then] {go}\\\\"}',
    '{"t":"é😀"}',
  ]);
  assert.deepEqual(elements('[]'), []);
  assert.deepEqual(elements(' [ ] '), []);
  assert.equal(arrayElements(encode('{"articles": []}')), null, 'not an array');
  assert.equal(arrayElements(encode('[1, 2')), null, 'never closes');
  assert.equal(arrayElements(encode('[1] x')), null, 'something after it');
  assert.equal(arrayElements(encode('')), null);
});

test('planJsonRecords: only valid JSON arrays of two or more records are split', () => {
  const plan = planJsonRecords(
    encode('[{"id": "a", "text": "x"}, {"text": "y"}, {"id": 7}, {"id": ""}, {"id": null}, "s"]'),
  );
  assert.equal(plan.ranges.length, 6);
  assert.deepEqual([...plan.ownId], [1, 0, 1, 0, 0, 0]);
  assert.equal(planJsonRecords(encode('[{"text": "x"}, {"text": "y"},]')), null, 'invalid JSON: read whole');
  assert.equal(planJsonRecords(encode('{"articles": [{"text": "x"}, {"text": "y"}]}')), null);
  assert.equal(planJsonRecords(encode('[{"text": "x"}]')), null);
  assert.equal(
    planJsonRecords(new Uint8Array([0x5b, 0x22, 0xff, 0x22, 0x2c, 0x31, 0x5d])),
    null,
    'invalid UTF-8',
  );
  assert.ok(isJsonName('a.JSON') && !isJsonName('a.jsonl') && !isJsonName('json.txt'));
});

test('chunkBytes makes a JSON array of some records; newlinesIn counts lines', () => {
  const bytes = encode('[\n{"a":1},\n{"b":2},\n{"c":3}\n]');
  const { ranges } = planJsonRecords(bytes);
  assert.equal(decode(chunkBytes(bytes, ranges, 1, 3)), '[{"b":2},\n{"c":3}]');
  assert.equal(newlinesIn(bytes, 0, ranges[2].start), 3);
});

test('renumberChunk: record numbers, default ids and line numbers count over the whole file', () => {
  const ownId = new Uint8Array([0, 0, 0, 0, 0, 1, 0]);
  const result = {
    articles: [{ id: 'f.json#1' }, { id: 'f.json#2' }, { id: 'own' }, { id: 'f.json#9' }],
    problems: [
      { file: 'f.json', where: 'record 3', message: 'no "text" or "html" (id f.json#3)' },
      { file: 'f.json', where: '', message: 'not valid JSON (error near line 4)' },
    ],
  };
  renumberChunk(result, { fileName: 'f.json', first: 4, count: 3, linesBefore: 10, ownId });
  // Record 5 (local 1) and 6 (local 2): 6 has an id of its own, which happens to look like a default one.
  assert.deepEqual(
    result.articles.map((a) => a.id),
    ['f.json#5', 'f.json#2', 'own', 'f.json#9'],
  );
  assert.deepEqual(result.problems, [
    { file: 'f.json', where: 'record 7', message: 'no "text" or "html" (id f.json#7)' },
    { file: 'f.json', where: '', message: 'not valid JSON (error near line 14)' },
  ]);
});

/**
 * A stand-in core with the real one's rules for .json: records counted from 1 ("record N"), ids
 * defaulting to "FILE#N", a record's "(id …)" in messages; JSON.parse for the document.
 */
function numberingCore() {
  return {
    version: () => 'numbering',
    contentHash: String,
    readFile(bytes, name) {
      const articles = [];
      const problems = [];
      let doc;
      try {
        doc = JSON.parse(decode(bytes));
      } catch {
        problems.push({ file: name, where: '', message: 'not valid JSON' });
        return JSON.stringify({ articles, problems });
      }
      (Array.isArray(doc) ? doc : [doc]).forEach((rec, i) => {
        const n = i + 1;
        const own = rec && (typeof rec.id === 'number' || (typeof rec.id === 'string' && rec.id));
        const id = own ? String(rec.id) : `${name}#${n}`;
        if (!rec || typeof rec !== 'object' || typeof rec.text !== 'string' || !rec.text.trim()) {
          problems.push({
            file: name,
            where: `record ${n}`,
            message: `no "text"${rec && typeof rec === 'object' && 'id' in rec ? ` (id ${id})` : ''}`,
          });
        } else {
          articles.push({ id, title: rec.title ?? '', body: rec.text, paragraphs: [], sentences: [] });
        }
      });
      return JSON.stringify({ articles, problems });
    },
  };
}

/** A collection with every kind of record the numbering depends on. */
function tricky(n) {
  const records = [];
  for (let i = 1; i <= n; i++) {
    const kind = i % 7;
    if (kind === 0)
      records.push({ title: `no id ${i}`, text: `Text number ${i} with "quotes", [brackets] and {braces}.` });
    else if (kind === 1) records.push({ id: `own-${i}`, text: `Own id ${i}. \\ backslash and é and 😀.` });
    else if (kind === 2) records.push({ id: null, title: 'null id' });
    else if (kind === 3) records.push({ id: i * 1000, text: `Numeric id ${i}.` });
    else if (kind === 4) records.push({ id: '', text: `Empty id ${i}.\n\nSecond paragraph.` });
    else if (kind === 5) records.push(`just a string ${i}`);
    else records.push({ title: `nothing ${i}` });
  }
  return records;
}

const collect = (parts) => {
  const out = { articles: [], problems: [], bytes: 0, parts: 0 };
  for (const p of parts) {
    out.articles.push(...p.articles.map((a) => [a.article.recordId, a.key, a.article.body]));
    out.problems.push(...p.problems);
    out.bytes += p.bytes;
    out.parts++;
  }
  return out;
};

function compareChunkedWithWhole(reader, bytes, name, chunk) {
  const whole = collect(readParts(reader, bytes, name, { chunkBytes: bytes.length + 1 }));
  const chunked = collect(readParts(reader, bytes, name, { chunkBytes: chunk, firstChunkBytes: chunk }));
  assert.equal(whole.parts, 1);
  assert.ok(chunked.parts > 3, `${chunked.parts} parts`);
  assert.equal(chunked.bytes, bytes.length, 'the parts cover the file');
  assert.deepEqual(chunked.articles, whole.articles);
  assert.deepEqual(chunked.problems, whole.problems);
  return { whole, chunked };
}

test('a big .json array read in chunks gives what reading it whole gives (stand-in core)', () => {
  const reader = new CoreReader(standIn(numberingCore()));
  const bytes = encode(
    `\uFEFF[\n${tricky(200)
      .map((r) => JSON.stringify(r, null, 2))
      .join(',\n')}\n]\n`,
  );
  const { whole } = compareChunkedWithWhole(reader, bytes, 'tricky.json', 2000);
  assert.ok(whole.problems.some((p) => p.where === 'record 195'));
  assert.ok(whole.articles.some(([id]) => id === 'tricky.json#196'));
});

test('files that are not split: invalid JSON, an object, small files, other formats', () => {
  const calls = [];
  const read = (b) => {
    calls.push(decode(b).slice(0, 12));
    return { articles: [], problems: [] };
  };
  const big = `[${'{"text": "x"},'.repeat(100)}]`; // a trailing comma: invalid
  assert.equal(
    collect(readParts({ read, contentHash: String }, encode(big), 'bad.json', { chunkBytes: 100 })).parts,
    1,
  );
  assert.equal(
    collect(
      readParts(
        { read, contentHash: String },
        encode(`{"articles": [${'{"text": "x"},'.repeat(99)}{}]}`),
        'o.json',
        {
          chunkBytes: 100,
        },
      ),
    ).parts,
    1,
  );
  assert.equal(
    collect(
      readParts({ read, contentHash: String }, encode('[{"text": "a"}, {"text": "b"}]'), 'small.json', {}),
    ).parts,
    1,
  );
  assert.equal(
    collect(
      readParts({ read, contentHash: String }, encode(big.replace(',]', ']')), 'a.txt', { chunkBytes: 100 }),
    ).parts,
    1,
  );
  assert.equal(
    collect(readParts({ read, contentHash: String }, new Uint8Array(), 'empty.json', { chunkBytes: 100 }))
      .parts,
    1,
    'empty: the core says so',
  );
  assert.equal(calls.length, 5);
});

const realCore = path.join(ROOT, 'build-wasm/bin/lectern-core.js');

test(
  'a big .json array read in chunks gives what reading it whole gives (the real core)',
  { skip: !existsSync(realCore) && 'the core is not built' },
  async () => {
    const factory = createRequire(import.meta.url)(realCore);
    const reader = new CoreReader(await factory());
    const bytes = encode(
      `[\r\n${tricky(120)
        .map((r) => JSON.stringify(r))
        .join(',\r\n')}\r\n]`,
    );
    const { whole } = compareChunkedWithWhole(reader, bytes, 'real.json', 1500);
    assert.ok(whole.articles.length > 40 && whole.problems.length > 40);
    assert.ok(
      whole.problems.some((p) => p.where === 'record 118'),
      JSON.stringify(whole.problems.slice(-3)),
    );
    assert.ok(
      whole.articles.some(([id]) => id === 'real.json#119'),
      'default ids count over the whole file',
    );
    // A lone surrogate: JSON.parse accepts it, the core does not. The chunk holding it is refused, with
    // the line counted over the whole file; the other chunks still come in.
    const lines = tricky(60).map((r) => JSON.stringify(r));
    lines[40] = '{"id": "bad", "text": "lone \\ud800 surrogate"}';
    const bad = encode(`[\n${lines.join(',\n')}\n]`);
    const parts = collect(
      readParts(reader, bad, 'bad.json', {
        chunkBytes: 600,
        firstChunkBytes: 600,
      }),
    );
    const wholeBad = collect(readParts(reader, bad, 'bad.json', { chunkBytes: bad.length + 1 }));
    assert.deepEqual(wholeBad.articles, []);
    assert.equal(wholeBad.problems.length, 1);
    const refused = parts.problems.filter((p) => !p.where);
    assert.deepEqual(
      refused.map((p) => p.message),
      wholeBad.problems.map((p) => p.message),
      'same message, same line',
    );
    assert.ok(parts.articles.length > 10);
  },
);
