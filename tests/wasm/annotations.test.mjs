// Annotations through the WebAssembly core, as the page will use them: W3C JSON in and out,
// offsets in UTF-16 units, and every exported annotation checked against the W3C annotation-model
// test suite's JSON Schemas for the MUSTs (tests/fixtures/w3c-annotation-schemas).
// Runs against build-wasm/bin/lectern-core.js, or the file named by LECTERN_CORE.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core, root } from './core.mjs';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { prepareArticle } from '../../web/src/library/records.js';

const require = createRequire(import.meta.url);
const Ajv = require('ajv-draft-04').default;
const addFormats = require('ajv-formats').default;

const fixture = (name) => readFileSync(join(root, 'tests/fixtures/annotations', name), 'utf8');
const call = (name, ...args) => JSON.parse(core[name](...args));
const article = (name) => {
  const { articles } = JSON.parse(core.readFile(new TextEncoder().encode(fixture(name)), name,
                                                JSON.stringify({ offsetUnit: 'utf16' })));
  return articles[0];
};

// --- The W3C MUST schemas ------------------------------------------------------------------------
const schemaDir = join(root, 'tests/fixtures/w3c-annotation-schemas');
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
for (const name of readdirSync(join(schemaDir, 'definitions'))) {
  ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, 'definitions', name), 'utf8')));
}
const musts = JSON.parse(readFileSync(join(schemaDir, 'annotations/annotationMusts.test'), 'utf8'))
  .assertions.map((path) => {
    const schema = JSON.parse(readFileSync(join(schemaDir, path), 'utf8'));
    return { path, title: schema.title, validate: ajv.compile(schema) };
  });

/** The MUST assertions `annotation` fails, as their file names. */
function mustFailures(annotation) {
  return musts.filter((m) => !m.validate(annotation)).map((m) => m.path.split('/').pop());
}

// A spread of annotations made the way the page makes them.
function created() {
  const a = article('article.txt');
  const at = (exact) => ({ start: a.body.indexOf(exact), end: a.body.indexOf(exact) + exact.length });
  const requests = [
    { ...at('grilled sardines 🐟'), tags: ['food', { name: 'fish', color: '#09f' }] },
    { ...at('𝔸'), note: 'A *non-BMP* letter', noteFormat: 'text/markdown' },
    { ...at('欢迎光临'), creator: { id: 'mailto:wang@example.org', name: 'Wang' } },
    { ...at('a scandal'), tags: ['<script>alert(1)</script>'], note: '<img src=x onerror=alert(2)>',
      creator: { name: '"><svg onload=alert(3)>' } },
    { ...at('The repairs'), url: 'https://news.example/fish market?id=1', title: 'Fish <b>market</b>' },
  ];
  return requests.map((r, i) => {
    const out = call('annotationsCreate', JSON.stringify({
      body: a.body, title: a.title, id: crypto.randomUUID(),
      created: `2024-09-1${i}T10:00:00Z`, modified: `2024-09-1${i}T11:30:00.125+01:00`, ...r,
    }));
    assert.ok(out.annotation, JSON.stringify(out));
    return out.annotation;
  });
}

test('the content hash: SHA-256 of the normalised body; its first 16 digits are the article key', () => {
  // What the core normalises (lectern/annotations.h ContentHash): NFC, whitespace runs → one space.
  const normalised = (s) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();
  const samples = ['', 'x', 'A  b\n\nc ', 'Cafe\u0301', '\u00a0\ufeffa\u2028b\u0085c\u180e d\u3000',
    '𝔸 😀 欢迎', article('article.txt').body];
  const seeds = readdirSync(join(root, 'shared/seeds')).filter((f) => f.endsWith('.txt'));
  for (const name of seeds) {
    const bytes = readFileSync(join(root, 'shared/seeds', name));
    samples.push(JSON.parse(core.readFile(bytes, name, '{}')).articles[0].body);
  }
  for (const s of samples) {
    const hash = core.contentHash(s);
    assert.equal(hash, createHash('sha256').update(normalised(s)).digest('hex'));
    assert.equal(prepareArticle({ body: s }, core.contentHash).key, hash.slice(0, 16));
  }
  assert.equal(core.contentHash('A  b\n\nc '), core.contentHash('A b c'));
  assert.equal(core.contentHash('Caf\u00e9'), core.contentHash('Cafe\u0301'));
  assert.notEqual(core.contentHash('A b c'), core.contentHash('A b d'));
});

test('every exported annotation satisfies every W3C MUST', () => {
  const mine = created();
  const imported = call('annotationsImport', JSON.stringify(mine), fixture('alice.json'));
  const merged = call('annotationsImport', JSON.stringify(imported.merged), fixture('bob.json'));
  assert.equal(merged.conflicts, 1);
  const exported = call('annotationsExport', JSON.stringify(merged.merged), '{}');
  const collection = JSON.parse(exported.text);
  assert.equal(collection['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(collection.type, 'AnnotationCollection');
  assert.equal(collection.total, mine.length + 5);
  assert.equal(collection.first.type, 'AnnotationPage');
  assert.equal(collection.first.items.length, collection.total);
  assert.equal(musts.length, 14);
  for (const a of collection.first.items) assert.deepEqual(mustFailures(a), [], a.id);
  // Annotations from other tools keep what Lectern does not read, and still pass.
  const foreign = {
    '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'https://annotations.example/42',
    type: 'Annotation', motivation: 'commenting', rights: 'https://creativecommons.org/licenses/by/4.0/',
    generated: '2024-01-01T00:00:00Z', via: ['https://elsewhere.example/1'],
    body: [{ type: 'TextualBody', value: 'reply', purpose: 'replying' }, 'https://example.org/link',
      { id: 'https://example.org/photo.jpg', type: 'Image', format: 'image/jpeg' },
      { type: 'Choice', items: [{ type: 'TextualBody', value: 'a' }, 'https://example.org/b'] }],
    target: { source: 'https://example.org/page', selector: [
      { type: 'TextQuoteSelector', exact: 'quote' }, { type: 'XPathSelector', value: '/p[2]' },
      { type: 'FragmentSelector', value: 'para5', conformsTo: 'http://tools.ietf.org/rfc/rfc3236' }] },
  };
  const check = call('annotationsCheck', JSON.stringify(foreign));
  assert.deepEqual(check.errors, []);
  assert.deepEqual(mustFailures(check.annotations[0]), []);
  assert.equal(check.annotations[0].body.length, 4);
});

test('the schema check fails annotations that break a MUST, and so does the core', () => {
  const good = created()[0];
  assert.deepEqual(mustFailures(good), []);
  const breakages = {
    '3.1-annotationContextValidated.json': (a) => { a['@context'] = 'http://example.org/ctx'; },
    '3.1-annotationIdValidated.json': (a) => { a.id = 'not a uri'; },
    '3.1-annotationTypeValidated.json': (a) => { a.type = 'Note'; },
    '3.1-targetKeyFound.json': (a) => { delete a.target; },
    '3.2-targetObjectsRecognized.json': (a) => { a.target.selector[1].start = -1; a.target.selector.splice(0, 1); },
    '3.2.5-notBodyBodyValue.json': (a) => { a.bodyValue = 'both'; },
    '3.2-bodyObjectsRecognized.json': (a) => { a.body.push({ type: 'Mystery' }); },
    '3.3.1-annotationCreatedValidated.json': (a) => { a.created = 'yesterday'; },
    '3.3.1-annotationModifiedValidated.json': (a) => { a.modified = ['2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z']; },
    '3.3.6-annotationRightsValidated.json': (a) => { a.rights = 'all rights reserved'; },
    '3.3.7-annotationCanonicalValidated.json': (a) => { a.canonical = 'not a uri'; },
  };
  for (const [assertion, breakIt] of Object.entries(breakages)) {
    const bad = structuredClone(good);
    breakIt(bad);
    assert.ok(mustFailures(bad).includes(assertion), `${assertion}: ${mustFailures(bad)}`);
    // Lectern's own validation refuses the same annotation (the W3C MUST, or its own need of a quote).
    const checked = call('annotationsCheck', JSON.stringify(bad));
    assert.ok(checked.errors.length > 0, assertion);
    assert.equal(checked.annotations.length, 0, assertion);
  }
});

test('describeRange and annotationsCreate take the page\'s UTF-16 offsets', () => {
  const body = 'Say 😀 hello, world.';
  const r = call('describeRange', body, body.indexOf('hello'), body.indexOf('hello') + 5, 'utf16');
  assert.equal(r.selector[0].exact, 'hello');
  assert.equal(r.selector[0].prefix, 'Say 😀 ');
  const points = [...body];
  assert.equal(points.slice(r.selector[1].start, r.selector[1].end).join(''), 'hello');
  assert.equal(body.slice(r.start, r.end), 'hello');
  assert.match(call('describeRange', body, 3, 3, 'utf16').error, /empty/);
  assert.match(call('annotationsCreate', '{"body": "x", "start": 0, "end": 1, "id": "bad id"}').error,
               /not an IRI/);
});

test('a broken character in a tag is refused in a sentence; in a file it costs one annotation', () => {
  // What window.lectern.annotate sends for a tag cut in the middle of an emoji.
  const request = { body: 'Say hello.', start: 4, end: 9, tags: ['\ud83d'], offsetUnit: 'utf16' };
  assert.equal(call('annotationsCreate', JSON.stringify(request)).error,
               'A tag or the note holds half of a character (a broken emoji or symbol, as a cut or ' +
               'pasted text may leave): remove it and try again.');
  const file = JSON.parse(fixture('alice.json'));
  file.first.items[1].body[0].value = 'half \ud800';
  file.first.items.push(file.first.items[0]);  // and an id twice: merged, not imported twice
  const r = call('annotationsImport', '[]', JSON.stringify(file));
  assert.equal(r.imported, 3);
  assert.deepEqual(r.errors.map((e) => e.path), ['first.items[1].body[0].value']);
});

test('import merges, counts, and loses nothing on a bad file', () => {
  let store = [];
  const first = call('annotationsImport', JSON.stringify(store), fixture('alice.json'));
  assert.equal(first.imported, 4);
  assert.equal(first.changed.length, 4);
  store = first.merged;
  const second = call('annotationsImport', JSON.stringify(store), fixture('bob.json'));
  assert.deepEqual([second.imported, second.duplicates, second.conflicts], [1, 1, 1]);
  assert.deepEqual(second.authors.map((a) => a.name), ['Alice', 'Bob']);
  assert.equal(second.changed.length, 2);
  store = second.merged;
  const again = call('annotationsImport', JSON.stringify(store), fixture('bob.json'));
  assert.deepEqual([again.imported, again.duplicates, again.conflicts, again.changed.length], [0, 3, 0, 0]);
  for (const bad of ['not-json.json', 'not-annotations.json']) {
    const r = call('annotationsImport', JSON.stringify(store), fixture(bad));
    assert.equal(r.merged.length, store.length, bad);
    assert.deepEqual(r.changed, [], bad);
    assert.equal(r.errors.length, 1, bad);
  }
  const partly = call('annotationsImport', JSON.stringify(store), fixture('some-broken.json'));
  assert.equal(partly.imported, 1);
  assert.equal(partly.errors.length, 9);
  assert.ok(partly.errors.every((e) => e.path.startsWith('first.items[')));
});

test('anchoring answers in UTF-16 units; orphans are listed', () => {
  const v1 = article('article.txt');
  const v2 = article('article-v2.txt');
  const alice = fixture('alice.json');
  const r = call('annotationsAnchor', alice, JSON.stringify([{ id: 'v1', body: v1.body, title: v1.title }]), '{}');
  const quotes = JSON.parse(alice).first.items.map((a) => a.target.selector[0].exact);
  r.results.forEach((x, i) => {
    assert.equal(x.status, 'anchored');
    assert.equal(v1.body.slice(x.start, x.end), quotes[i]);
  });
  const edited = call('annotationsAnchor', alice, JSON.stringify({ id: 'v2', body: v2.body, title: v2.title }), '{}');
  assert.deepEqual(edited.results.map((x) => x.status), ['anchored', 'anchored', 'orphan', 'anchored']);
  assert.equal(v2.body.slice(edited.results[1].start, edited.results[1].end), 'griled sardines 🐟');
  assert.equal(edited.results[2].article, 'v2');
});

test('exports and reports keep hostile text as text', () => {
  const mine = created();
  const html = call('annotationsExport', JSON.stringify(mine), '{"format": "html"}');
  assert.equal(html.mediaType, 'text/html; charset=utf-8');
  assert.doesNotMatch(html.text, /<script|<img|<svg|<b>/);
  assert.match(html.text, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  const md = call('annotationsExport', JSON.stringify(mine), '{"format": "markdown", "tag": "<script>alert(1)</script>"}');
  assert.equal(md.count, 1);
  assert.doesNotMatch(md.text, /<script|<img|<svg/);
  const jsonld = JSON.parse(call('annotationsExport', JSON.stringify(mine), '{}').text);
  assert.equal(jsonld.first.items[3].body[0].value, '<script>alert(1)</script>');
});

test('the bindings answer every odd input with JSON, never an exception', () => {
  const odd = ['', '{', 'null', '[]', '{}', '"x"', '[1,2,3]', '\u0000', 'x'.repeat(100000), '[[[[[[[['];
  for (const text of odd) {
    assert.equal(typeof core.contentHash(text), 'string');
    for (const out of [core.annotationsCheck(text), core.annotationsImport(text, text),
      core.annotationsExport(text, text), core.annotationsAnchor(text, text, text),
      core.annotationsCreate(text), core.describeRange(text, -1, 1e12, text)]) {
      assert.doesNotThrow(() => JSON.parse(out));
    }
  }
});
