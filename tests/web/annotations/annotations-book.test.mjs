// The page's annotation bookkeeping (web/src/annotations/annotations.js) against the real core: create with
// offsets outside the BMP, edit, undo/redo, import two authors' files (duplicates, conflicts,
// errors), orphans and attaching by hand, carried over to another version, export, two "tabs"
// sharing one store. Needs the WebAssembly core with the annotation functions
// (build-wasm/bin/lectern-core.js, or LECTERN_CORE); skipped without it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { AnnotationBook } from '../../../web/src/annotations/annotations.js';
import { CoreReader } from '../../../web/src/core/core.js';
import { Collection } from '../../../web/src/library/collection.js';
import { Stories } from '../../../web/src/stories/stories.js';
import { makeRecord } from '../../../web/src/library/records.js';
import { MemoryStore } from '../../../web/src/storage/store.js';
import { tagsOf, noteOf, viewOf } from '../../../web/src/annotations/annotation-model.js';
import { ROOT } from '../helpers.mjs';

const require = createRequire(import.meta.url);
const corePath = process.env.LECTERN_CORE ?? path.join(ROOT, 'build-wasm/bin/lectern-core.js');
let core = null;
if (existsSync(corePath)) {
  const module = await require(corePath)();
  if (typeof module.annotationsCreate === 'function') core = new CoreReader(module);
}
const skip = core ? false : `no core with annotation functions at ${corePath}`;

const fixture = (name) => readFileSync(path.join(ROOT, 'tests/fixtures/annotations', name), 'utf8');

const hashOf = (text) => core.contentHash(text);

function recordOf(name, text, seq) {
  const { articles } = core.read(new TextEncoder().encode(text), name);
  return makeRecord(articles[0], hashOf, { fileName: name, importedAt: 0, seq });
}

/** The core's story clusters of a collection, as the library has them. */
function storiesOf(collection) {
  const session = core.startClustering('');
  session.add(collection.list().map((r) => /** @type {[string, string]} */ ([r.id, r.article.body])));
  return Stories.fromCore(session.finish());
}

/**
 * @param {{store?: MemoryStore, articles?: string[], user?: {id: string, name: string}, clock?: () => number,
 *   stories?: Stories}} [o]  stories: by default the core's clusters of the articles
 */
function setup({
  store = new MemoryStore('test'),
  articles = ['article.txt'],
  user = { id: 'urn:uuid:me', name: 'Me' },
  clock,
  stories,
} = {}) {
  const collection = new Collection(articles.map((n, i) => recordOf(n, fixture(n), i + 1)));
  const clusters = stories ?? storiesOf(collection);
  const events = [];
  let t = Date.parse('2025-01-01T00:00:00Z');
  const book = new AnnotationBook({
    call: async (fn, ...args) => core.call(fn, args),
    store,
    articles: collection,
    user: () => user,
    sameStory: (a, b) => clusters.sameStory(a, b),
    now: clock ?? (() => (t += 1000)),
    onChange: (what, detail) => events.push([what, detail]),
  });
  return { book, collection, store, events };
}

const at = (body, exact) => {
  const start = body.indexOf(exact);
  assert.ok(start >= 0, exact);
  return { start, end: start + exact.length };
};

test('create with UTF-16 and code point offsets, placed where they were made', { skip }, async () => {
  const { book, collection } = setup();
  await book.load();
  const article = collection.list()[0];
  const body = article.article.body;
  const id = await book.create(article, {
    ...at(body, 'sardines 🐟'),
    tags: ['food', 'fish'],
    note: '**fresh**',
  });
  const a = book.get(id).annotation;
  assert.match(id, /^urn:uuid:[0-9a-f-]{36}$/);
  assert.deepEqual(
    tagsOf(a).map((t) => t.name),
    ['food', 'fish'],
  );
  assert.deepEqual(noteOf(a), { text: '**fresh**', format: 'text/markdown' });
  assert.equal(a.creator.name, 'Me');
  const pos = a.target.selector.find((s) => s.type === 'TextPositionSelector');
  const cp = [...body.slice(0, body.indexOf('sardines 🐟'))].length;
  assert.deepEqual([pos.start, pos.end], [cp, cp + 10], 'code points in the annotation');
  // Code points in: the same passage.
  const id2 = await book.create(article, {
    start: [...body.slice(0, body.indexOf('𝔸'))].length,
    end: [...body.slice(0, body.indexOf('𝔸'))].length + 1,
    unit: 'codepoint',
    tags: ['math'],
  });
  assert.equal(viewOf(book.get(id2).annotation).quote, '𝔸');
  const { highlights, missing } = book.placementsFor(article);
  assert.equal(missing.length, 0);
  const h = highlights.find((x) => x.id === id);
  assert.equal(body.slice(h.start, h.end), 'sardines 🐟', 'UTF-16 offsets for the page');
  assert.equal(
    body.slice(highlights.find((x) => x.id === id2).start, highlights.find((x) => x.id === id2).end),
    '𝔸',
  );
  assert.deepEqual(
    book.tags.list().map((t) => t.name),
    ['food', 'fish', 'math'],
  );
  assert.equal(book.tags.shortcutOf('math'), 3);
});

test(
  'edit, re-tag, delete; undo and redo; a fresh book reads it all back from the store',
  { skip },
  async () => {
    const { book, collection, store } = setup();
    await book.load();
    const article = collection.list()[0];
    const body = article.article.body;
    const id = await book.create(article, { ...at(body, 'a brass band'), tags: ['music'] });
    const created = book.get(id).annotation.modified;
    await book.update(id, { note: 'Loud', noteFormat: 'text/plain' });
    await book.toggleTag(id, 'events');
    await book.toggleTag(id, 'music');
    assert.deepEqual(
      tagsOf(book.get(id).annotation).map((t) => t.name),
      ['events'],
    );
    assert.ok(book.get(id).annotation.modified > created);
    await book.undo(); // music back
    assert.deepEqual(
      tagsOf(book.get(id).annotation).map((t) => t.name),
      ['music', 'events'],
    );
    await book.remove([id]);
    assert.equal(book.get(id), null);
    await book.undo();
    assert.equal(noteOf(book.get(id).annotation).text, 'Loud');
    await book.redo();
    assert.equal(book.get(id), null);
    await book.undo();
    await book.undo();
    await book.undo(); // the note
    await book.undo(); // the creation
    assert.equal(book.get(id), null);
    assert.equal(book.history.canUndo, false);
    await book.redo();
    assert.deepEqual(
      tagsOf(book.get(id).annotation).map((t) => t.name),
      ['music'],
    );

    const again = setup({ store });
    await again.book.load();
    assert.deepEqual(
      tagsOf(again.book.get(id).annotation).map((t) => t.name),
      ['music'],
    );
    assert.ok(again.book.tags.has('events'), 'tags are stored');
  },
);

test(
  'import: two authors merge, duplicates recognised, conflicts side by side, errors listed, nothing lost',
  { skip },
  async () => {
    const { book, collection } = setup();
    await book.load();
    const mine = await book.create(collection.list()[0], {
      ...at(collection.list()[0].article.body, 'Traders returned'),
      tags: ['mine'],
    });
    const alice = await book.importText(fixture('alice.json'));
    assert.equal(alice.imported, 4);
    assert.equal(alice.orphaned, 0, 'the same article: all placed');
    assert.deepEqual(alice.errors, []);
    const bob = await book.importText(fixture('bob.json'));
    assert.equal(bob.imported, 1);
    assert.equal(bob.duplicates, 1);
    assert.equal(bob.conflicts, 1);
    const conflicted = book.live().find((r) => r.annotation['lectern:conflicts']);
    assert.ok(conflicted);
    const v = viewOf(conflicted.annotation);
    assert.equal(v.creator.name, 'Bob', 'the newest version shows');
    assert.equal(viewOf(v.conflicts[0]).creator.name, 'Alice', 'the other kept with its author');
    assert.ok(book.get(mine), 'mine kept');
    assert.equal(book.live().length, 6);
    const before = book.live().length;
    const broken = await book.importText(fixture('some-broken.json'));
    assert.equal(broken.imported, 1);
    assert.ok(broken.errors.length >= 8, broken.errors.join('\n'));
    assert.ok(
      broken.errors.every((e) => /^first\.items\[\d+\]/.test(e)),
      'with paths',
    );
    for (const bad of ['not-json.json', 'not-annotations.json']) {
      const r = await book.importText(fixture(bad));
      assert.equal(r.imported, 0);
      assert.ok(r.fatal && r.errors.length === 1, JSON.stringify(r));
    }
    assert.equal(book.live().length, before + 1, 'nothing existing lost');
    // Keep one version of the conflict.
    await book.keepVersion(conflicted.id, 0);
    assert.equal(viewOf(book.get(conflicted.id).annotation).creator.name, 'Alice');
    assert.equal(book.get(conflicted.id).annotation['lectern:conflicts'], undefined);
    // Undo the whole import of bob's file: it had added one annotation.
    await book.undo(); // keep version
    await book.undo(); // the broken file's one annotation
    await book.undo(); // bob
    assert.equal(book.live().length, 5);
  },
);

test(
  'imports into an edited copy re-anchor; what cannot be found is an orphan, kept and attachable',
  { skip },
  async () => {
    const { book, collection } = setup({ articles: ['article-v2.txt'] });
    await book.load();
    const r = await book.importText(fixture('alice.json'));
    assert.equal(r.imported, 4);
    const v2 = collection.list()[0];
    const body = v2.article.body;
    const placed = book.placementsFor(v2).highlights;
    for (const h of placed) {
      assert.equal(h.kind, 'anchored');
      assert.ok(body.slice(h.start, h.end).length > 0);
    }
    const orphans = book.orphans();
    assert.equal(placed.length + orphans.length, 4, 'each annotation placed or listed as an orphan');
    // "reopened on Saturday after three years of repairs" became "… of repair work": a fuzzy match.
    const repairs = placed.find((h) => h.view.quote.startsWith('reopened on Saturday'));
    if (repairs)
      assert.match(
        body.slice(repairs.start, repairs.end),
        /^reopened on Saturday after three years of repair/,
      );
    // Attach an orphan (or a placed one) by hand.
    const target = orphans[0]?.id ?? placed[0].id;
    await book.attach(target, v2, at(body, 'It had been closed since a storm tore off its roof.'));
    const after = book.placementsFor(v2).highlights.find((h) => h.id === target);
    assert.equal(body.slice(after.start, after.end), 'It had been closed since a storm tore off its roof.');
    assert.equal(after.kind, 'own');
    assert.ok(!book.orphans().some((o) => o.id === target));
  },
);

test(
  'carried over to the other version of a story; "not in this version" where the passage was dropped',
  { skip },
  async () => {
    const { book, collection } = setup({ articles: ['article.txt', 'article-v2.txt'] });
    await book.load();
    const [v1, v2] = collection.list();
    const kept = await book.create(v1, {
      ...at(v1.article.body, 'a brass band played on the quay'),
      tags: ['music'],
    });
    const dropped = await book.create(v1, {
      ...at(v1.article.body, 'Critics on the council called the overrun'),
      tags: ['politics'],
    });
    let p = book.placementsFor(v2);
    assert.equal(p.pending, true);
    await Promise.all([...book.anchoring.values()]);
    p = book.placementsFor(v2);
    assert.equal(p.pending, false);
    const carried = p.highlights.find((h) => h.id === kept);
    assert.equal(carried.kind, 'carried');
    assert.equal(carried.from, v1);
    assert.equal(v2.article.body.slice(carried.start, carried.end), 'a brass band played on the quay');
    assert.deepEqual(
      p.missing.map((m) => m.id),
      [dropped],
    );
    // The original article shows them as its own.
    assert.deepEqual(
      book.placementsFor(v1).highlights.map((h) => h.kind),
      ['own', 'own'],
    );
  },
);

test(
  'carried over only to the versions the library lists: not between articles the core did not cluster',
  { skip },
  async () => {
    // article.txt and article-v2.txt share 73% of their word 4-grams (a "version" by the page's
    // old text rule); without a story listing them together, nothing is carried and nothing is
    // "not in this version".
    const { book, collection } = setup({
      articles: ['article.txt', 'article-v2.txt'],
      stories: new Stories(),
    });
    await book.load();
    const [v1, v2] = collection.list();
    await book.create(v1, { ...at(v1.article.body, 'a brass band played on the quay'), tags: ['music'] });
    const p = book.placementsFor(v2);
    assert.equal(p.pending, false, 'nothing to anchor');
    assert.deepEqual([p.highlights, p.missing], [[], []]);
    // The core clusters them: one story.
    assert.equal(storiesOf(collection).sameStory(v1.id, v2.id), true);
  },
);

test('export: the whole collection, one article, one tag; JSON-LD and reports', { skip }, async () => {
  const { book, collection } = setup({ articles: ['article.txt', 'article-v2.txt'] });
  await book.load();
  const [v1, v2] = collection.list();
  await book.create(v1, {
    ...at(v1.article.body, 'grilled sardines'),
    tags: ['food'],
    note: '<script>x</script>',
  });
  await book.create(v2, { ...at(v2.article.body, 'storm tore off its roof'), tags: ['weather'] });
  const all = JSON.parse((await book.exportText()).text);
  assert.equal(all.type, 'AnnotationCollection');
  assert.equal(all['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(all.total, 2);
  assert.equal(all.first.items.length, 2);
  assert.equal(JSON.parse((await book.exportText({ articleId: v2.id })).text).total, 1);
  const food = JSON.parse((await book.exportText({ tag: 'FOOD' })).text);
  assert.equal(food.total, 1);
  assert.equal(food.first.items[0].body[0]['schema:color'], book.tags.colorOf('food'), 'tag colours kept');
  const md = await book.exportText({ format: 'markdown' });
  assert.match(md.text, /grilled sardines/);
  assert.doesNotMatch(md.text, /<script>/);
  const html = await book.exportText({ format: 'html' });
  assert.match(html.mediaType, /html/);
  assert.doesNotMatch(html.text, /<script>x/);
  // A tag colour change reaches the user's own annotations (one undoable step).
  await book.setTagColor('food', '#123456');
  assert.equal(
    JSON.parse((await book.exportText({ tag: 'food' })).text).first.items[0].body[0]['schema:color'],
    '#123456',
  );
});

test(
  "two tabs on one store: each one's edits survive, the newer version of one annotation wins",
  { skip },
  async () => {
    const store = new MemoryStore('shared');
    let clock = Date.parse('2025-01-01T00:00:00Z');
    const now = () => (clock += 1000);
    const tabA = setup({ store, clock: now });
    const tabB = setup({ store, clock: now });
    await tabA.book.load();
    await tabB.book.load();
    const art = tabA.collection.list()[0];
    const artB = tabB.collection.list()[0];
    const a1 = await tabA.book.create(art, { ...at(art.article.body, 'Traders returned'), tags: ['a'] });
    const b1 = await tabB.book.create(artB, { ...at(artB.article.body, 'first boats'), tags: ['b'] });
    await tabB.book.receive([a1]);
    await tabA.book.receive([b1]);
    assert.ok(tabA.book.get(b1) && tabB.book.get(a1), 'both see both');
    // Both edit a1; B's edit is later and wins in both.
    await tabA.book.update(a1, { note: 'from A' });
    await tabB.book.update(a1, { note: 'from B' });
    await tabA.book.receive([a1]);
    assert.equal(noteOf(tabA.book.get(a1).annotation).text, 'from B');
    // A tab that writes an older version does not overwrite the newer one (it adopts it).
    const stale = { ...tabA.book.records.get(b1), modified: '2000-01-01T00:00:00Z' };
    const r = await store.putAnnotations([stale]);
    assert.deepEqual(r.written, []);
    // Deleting in one tab reaches the other; a late older edit does not bring it back.
    await tabB.book.remove([b1]);
    await tabA.book.receive([b1]);
    assert.equal(tabA.book.get(b1), null);
    const fresh = setup({ store });
    await fresh.book.load();
    assert.equal(fresh.book.live().length, 1);
  },
);

test('storage that fails keeps everything in memory, says so, and writes it later', { skip }, async () => {
  const store = new MemoryStore('flaky');
  let failing = true;
  const put = store.putAnnotations.bind(store);
  store.putAnnotations = async (records) => {
    if (failing) throw new DOMException('full', 'QuotaExceededError');
    return put(records);
  };
  const errors = [];
  const { book, collection } = setup({ store });
  book.onStorageError = (e) => errors.push(e.name);
  await book.load();
  const art = collection.list()[0];
  const id = await book.create(art, { ...at(art.article.body, 'Traders returned'), tags: ['x'] });
  assert.deepEqual(errors, ['QuotaExceededError']);
  assert.ok(book.get(id), 'kept in memory');
  assert.ok(book.hasUnsaved);
  failing = false;
  await book.create(art, { ...at(art.article.body, 'first boats'), tags: ['y'] });
  assert.equal(book.hasUnsaved, false);
  assert.equal((await store.loadAnnotations()).length, 2, 'the earlier one written too');
});

// The W3C annotation-model MUST schemas (as tests/wasm/annotations.test.mjs reads them).
function mustValidator() {
  const Ajv = require('ajv-draft-04').default;
  const addFormats = require('ajv-formats').default;
  const dir = path.join(ROOT, 'tests/fixtures/w3c-annotation-schemas');
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const name of readdirSync(path.join(dir, 'definitions')))
    ajv.addSchema(JSON.parse(readFileSync(path.join(dir, 'definitions', name), 'utf8')));
  const musts = JSON.parse(
    readFileSync(path.join(dir, 'annotations/annotationMusts.test'), 'utf8'),
  ).assertions.map((p) => ({
    p,
    validate: ajv.compile(JSON.parse(readFileSync(path.join(dir, p), 'utf8'))),
  }));
  return (a) => musts.filter((m) => !m.validate(a)).map((m) => m.p.split('/').pop());
}

test(
  'what the page writes stays W3C-valid: created, edited in JS, re-tagged, re-coloured, attached, conflict resolved',
  { skip },
  async () => {
    const failures = mustValidator();
    const { book, collection } = setup({ articles: ['article.txt', 'article-v2.txt'] });
    await book.load();
    const [v1, v2] = collection.list();
    const a = await book.create(v1, {
      ...at(v1.article.body, 'grilled sardines 🐟'),
      tags: ['food'],
      note: '*yum*',
    });
    await book.update(a, { tags: ['food', 'fish'], note: 'plain now', noteFormat: 'text/plain' });
    await book.update(a, { tags: [], note: '' });
    const b = await book.create(v1, { ...at(v1.article.body, 'brass band'), tags: ['music'] });
    await book.setTagColor('music', '#abcdef');
    await book.importText(fixture('alice.json'));
    await book.importText(fixture('bob.json'));
    const conflicted = book.live().find((r) => r.annotation['lectern:conflicts']).id;
    await book.attach(b, v2, at(v2.article.body, 'storm tore off its roof'));
    const exported = JSON.parse((await book.exportText()).text).first.items;
    assert.ok(exported.length >= 7);
    for (const item of exported) assert.deepEqual(failures(item), [], item.id);
    await book.keepVersion(conflicted, 0);
    for (const r of book.live()) assert.deepEqual(failures(r.annotation), [], r.id);
    const check = JSON.parse(
      await book.call('annotationsCheck', JSON.stringify(book.live().map((r) => r.annotation))),
    );
    assert.deepEqual(check.errors, []);
  },
);

test('re-importing a file does not bring back what was deleted here later', { skip }, async () => {
  const { book } = setup({ articles: ['article.txt'] });
  await book.load();
  await book.importText(fixture('alice.json'));
  const id = 'urn:uuid:6c1b0f5e-1111-4a8e-9d0b-000000000002';
  await book.remove([id]);
  const again = await book.importText(fixture('alice.json'));
  assert.equal(book.get(id), null, 'still deleted');
  assert.equal(again.imported, 0);
  assert.equal(again.deletedHere, 1);
  assert.equal(book.live().length, 3);
});

test(
  'same content hash, other white space: placed again by the core once; not found: an orphan of that article, asked once',
  { skip },
  async () => {
    // Articles as another reader might give them: the same text but for runs of white space.
    const spaced = makeRecord(
      {
        title: 'Spaced story',
        body: 'The  council   met on Monday. It approved   the budget for the harbour.',
      },
      hashOf,
      { fileName: 'a', importedAt: 0, seq: 1 },
    );
    const other = makeRecord(
      { title: 'Spaced story', body: 'The council met on Monday. It approved the budget for the harbour.' },
      hashOf,
      { fileName: 'b', importedAt: 0, seq: 2 },
    );
    const collection = new Collection([spaced]);
    let anchorCalls = 0;
    const book = new AnnotationBook({
      call: async (fn, ...args) => {
        if (fn === 'annotationsAnchor') anchorCalls++;
        return core.call(fn, args);
      },
      store: new MemoryStore('t'),
      articles: collection,
    });
    await book.load();
    assert.equal(other.hash, collection.list()[0].hash, 'the same content hash');
    const made = await book.makeAnnotation(other, {
      ...at(other.article.body, 'approved the budget'),
      tags: ['money'],
    });
    const gone = structuredClone(made);
    gone.id = 'urn:uuid:00000000-0000-4000-8000-000000000001';
    gone.target.selector[0].exact = 'a passage that is nowhere';
    gone.target.selector[0].prefix = 'xx';
    gone.target.selector[0].suffix = 'yy';
    await book.apply(
      new Map([
        [made.id, made],
        [gone.id, gone],
      ]),
      { undoable: false },
    );
    const article = collection.list()[0];
    let p = book.placementsFor(article);
    assert.equal(p.pending, true);
    await new Promise((r) => setTimeout(r, 50));
    while (book.rechecking.size) await new Promise((r) => setTimeout(r, 10));
    p = book.placementsFor(article);
    const h = p.highlights.find((x) => x.id === made.id);
    assert.equal(article.article.body.slice(h.start, h.end), 'approved   the budget');
    assert.equal(h.kind, 'own');
    assert.deepEqual(
      p.missing.map((m) => [m.id, m.orphan]),
      [[gone.id, true]],
    );
    const calls = anchorCalls;
    book.placementsFor(article);
    book.placementsFor(article);
    assert.equal(anchorCalls, calls, 'not asked again');
    assert.deepEqual(
      book.orphans().map((r) => r.id),
      [gone.id],
    );
  },
);
