// The WebAssembly core under Node: the same behaviour the page relies on.
// Runs against build-wasm/bin/lectern-core.js, or the file named by LECTERN_CORE.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core, seedDir, seeds } from './core.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const encoder = new TextEncoder();
/**
 * The core's readFile, parsed.
 * @param {string|Uint8Array} bytes
 * @param {string} name
 * @param {import('../../web/src/core/lectern-core.js').ReadFileOptions} [options]
 * @returns {import('../../web/src/core/lectern-core.js').ReadFileAnswer}
 */
const read = (bytes, name, options = {}) =>
  JSON.parse(core.readFile(typeof bytes === 'string' ? encoder.encode(bytes) : bytes, name,
                           JSON.stringify({ offsetUnit: 'utf16', ...options })));

test('reads every seed article with title, date and sentences', () => {
  assert.equal(seeds.length, 5);
  for (const name of seeds) {
    const { articles, problems } = read(readFileSync(join(seedDir, name)), name);
    assert.deepEqual(problems, [], name);
    assert.equal(articles.length, 1, name);
    const a = articles[0];
    assert.match(a.date, /^\d{4}-\d{2}-\d{2}$/, name);
    assert.ok(a.sentences.length > 5, name);
    for (const s of a.sentences) assert.equal(a.body.slice(s.start, s.end), s.text, name);
  }
});

test('seed 000: title, cleaned body, original kept', () => {
  const [a] = read(readFileSync(join(seedDir, seeds[0])), seeds[0]).articles;
  assert.equal(a.title, 'Russia to work with China for multipolarity, fair intl order, says Putin');
  assert.equal(a.date, '2024-09-13');
  assert.ok(a.body.startsWith('ST. PETERSBURG - Russian President'));
  assert.ok(a.body.endsWith('and national security advisors.'));
  assert.ok(a.original.includes('BACK TO THE TOP'));
  assert.equal(a.offsetUnit, 'utf16');
});

test('offsets are UTF-16 code units, or code points when asked', () => {
  const text = '𝔸 is here 😀. Then été came. 习近平说。Россия согласна.';
  const utf16 = read(text, 'x.txt', { plain: true }).articles[0];
  for (const s of utf16.sentences) assert.equal(utf16.body.slice(s.start, s.end), s.text);
  const cp = read(text, 'x.txt', { plain: true, offsetUnit: 'codepoint' }).articles[0];
  const points = [...cp.body];
  for (const s of cp.sentences) assert.equal(points.slice(s.start, s.end).join(''), s.text);
  assert.ok(cp.sentences.length >= 3);
});

test('Chinese, Arabic and Cyrillic sentences split', () => {
  /** @type {[string, number][]} */
  const cases = [
    ['北京天气很好。我们去公园吧！你来吗？', 3],
    ['هذا نص عربي. هل هو واضح؟ نعم.', 3],
    ['Путин встретился с министром. Они обсудили отношения.', 2],
  ];
  for (const [text, n] of cases) {
    assert.equal(read(text, 'x.txt', { plain: true }).articles[0].sentences.length, n, text);
  }
});

test('words are counted with ICU, Chinese and Japanese by character (as natively)', () => {
  const count = (text) => read(text, 'x.txt', { plain: true }).articles[0].wordCount;
  assert.equal(count('Putin met Wang Yi in St. Petersburg on Sept. 10, 2024.'), 11);
  assert.equal(count('北京天气很好。'), 6);
  assert.equal(count('コーヒーを飲む。Tokyo 2020'), 9);
});

test('bad input comes back as problems naming the file', () => {
  const problem = (bytes, name) => {
    const r = read(bytes, name);
    assert.equal(r.articles.length, 0, name);
    assert.equal(r.problems.length, 1, name);
    assert.equal(r.problems[0].file, name);
    return r.problems[0].message;
  };
  assert.match(problem('', 'empty.txt'), /empty/);
  assert.match(problem(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2]), 'a.pdf'), /PDF/);
  // Neither UTF-8 nor Western text (Shift_JIS): refused rather than garbled.
  const sjis = [0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea, 0x20, 0x82, 0xc5, 0x82, 0xb7];
  assert.match(problem(new Uint8Array(sjis), 's.txt'), /not valid UTF-8 text .*nor Western/);
  assert.match(problem('[{"text": ', 'bad.json'), /not valid JSON/);
  assert.match(problem(new Uint8Array(9 << 20).fill(0x61), 'big.txt'), /9\.0 MB/);
});

test('UTF-16 and Windows-1252 files are decoded; a NUL anywhere makes a file binary', () => {
  const text = 'Caf\u00e9 owners meet. They agree on \u201cprices\u201d.';
  const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer)]);
  assert.equal(read(le, 'le.txt').articles[0]?.body, text);
  assert.equal(read(le, 'le.txt').articles[0]?.encoding, 'UTF-16LE');
  const latin = new Uint8Array([...'The caf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x2e]));
  assert.equal(read(latin, 'l.txt').articles[0]?.body, 'The caf\u00e9.');
  assert.equal(read(latin, 'l.txt').articles[0]?.encoding, 'windows-1252');
  assert.equal(read(encoder.encode(text), 'u.txt').articles[0]?.encoding, '', 'UTF-8 says nothing');
  const late = new Uint8Array(20000).fill(0x61);
  late[15000] = 0;
  assert.match(read(late, 'n.txt').problems[0]?.message ?? '', /binary/);
});

test('a broken JSONL line is reported and the rest imported', () => {
  const r = read('{"id":"a","text":"One."}\n{oops\n{"id":"c","text":"Three."}\n', 'c.jsonl',
                 { firstLine: 41 });
  assert.deepEqual(r.articles.map((a) => a.id), ['a', 'c']);
  assert.deepEqual(r.problems, [{ file: 'c.jsonl', where: 'line 42', message: 'not valid JSON' }]);
});

test('splitSentences returns UTF-16 boundaries', () => {
  const text = 'Mr. Smith went to Washington. He arrived on Sept. 10 at the U.S. embassy. Then he left 😀.';
  const b = core.splitSentences(text);
  assert.ok(b instanceof Uint32Array);
  const sentences = [];
  for (let i = 0; i < b.length; i += 2) sentences.push(text.slice(b[i], b[i + 1]));
  assert.equal(sentences[0], 'Mr. Smith went to Washington.');
  assert.equal(sentences[1], 'He arrived on Sept. 10 at the U.S. embassy.');
  assert.equal(sentences.at(-1), 'Then he left 😀.');
});

test('HTML is read as text, never run', () => {
  const html = '<html><body><script>globalThis.pwned = 1</script><h1>Title</h1>' +
    '<p onclick="pwned=2">Body text here. More.</p><img src=x onerror="pwned=3"></body></html>';
  const [a] = read(html, 'p.html').articles;
  assert.equal(a.title, 'Title');
  assert.ok(!a.body.includes('pwned'));
  assert.equal(globalThis.pwned, undefined);
});
