// Annotation files of any size, against the real core: an export made in batches is the core's
// export of the whole (the same items and reports, joined from Blob parts), and an import read in
// batches merges like the whole file (duplicates recognised by id across batches, problems at
// their place in the whole file, one undoable step). Needs the WebAssembly core with the
// annotation functions (build-wasm/bin/lectern-core.js, or LECTERN_CORE); skipped without it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportBatches, exportInParts } from '../../../web/src/annotations/annotation-export.js';
import { AnnotationBook } from '../../../web/src/annotations/annotations.js';
import { parseCore } from '../../../web/src/annotations/annotation-records.js';
import { annotationBatches } from '../../../web/src/import/annotation-items.js';
import { Collection } from '../../../web/src/library/collection.js';
import { MemoryStore } from '../../../web/src/storage/store.js';
import { annotationFileText, generatedAnnotation } from '../../e2e/generated-annotations.mjs';
import { annotationCore } from '../helpers.mjs';

const { core, skip } = await annotationCore();
const call = async (fn, ...args) => core.call(fn, args);
const parse = (json) => parseCore(json, 'the export');

const ARTICLES = [
  {
    hash: '1a'.repeat(32),
    title: 'Zebra crossing “moved”',
    body: 'The council moved the crossing. '.repeat(30),
  },
  { hash: '2b'.repeat(32), title: '', body: 'Untitled wire copy with 😀 in it. '.repeat(30) },
  { hash: '3c'.repeat(32), title: 'Ärger im Hafen', body: 'Der Hafen blieb geschlossen. '.repeat(30) },
  { hash: '4d'.repeat(32), title: 'Apples <b>&</b> pears', body: 'Prices of apples rose again. '.repeat(30) },
];
const annotations = Array.from({ length: 240 }, (_, i) =>
  generatedAnnotation(i, ARTICLES, { noteChars: 120 }),
);

test(
  'an export in batches is the core export of the whole: JSON-LD items, Markdown, HTML',
  { skip },
  async () => {
    for (const format of /** @type {const} */ (['jsonld', 'markdown', 'html'])) {
      const whole = await exportInParts(annotations, { format, batchChars: 1e9 }, call, parse);
      assert.equal(whole.parts.length, 1, 'a small export is one call');
      const parts = await exportInParts(annotations, { format, batchChars: 20000 }, call, parse);
      assert.ok(exportBatches(annotations, format, 20000).length >= 3, `${format}: several batches`);
      assert.equal(parts.count, 240);
      assert.equal(parts.mediaType, whole.mediaType);
      const text = parts.parts.join('');
      if (format === 'jsonld') {
        const a = JSON.parse(whole.parts[0]);
        const b = JSON.parse(text);
        assert.deepEqual(b.first.items, a.first.items, 'the same items in the same order');
        assert.deepEqual(
          { ...b, id: '', first: { ...b.first, id: '', partOf: '' } },
          { ...a, id: '', first: { ...a.first, id: '', partOf: '' } },
        );
        assert.match(b.id, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        assert.equal(b.first.partOf, b.id);
        const again = await exportInParts(annotations, { format, batchChars: 20000 }, call, parse);
        assert.equal(again.parts.join(''), text, 'the same annotations give the same file');
        assert.notEqual(
          JSON.parse(
            (
              await exportInParts(annotations.slice(1), { format, batchChars: 20000 }, call, parse)
            ).parts.join(''),
          ).id,
          b.id,
        );
      } else {
        assert.equal(text, whole.parts[0], `${format}: the joined report is the core's report`);
      }
    }
  },
);

test('an empty export is the core export of nothing', { skip }, async () => {
  const out = await exportInParts([], { format: 'markdown', batchChars: 100 }, call, parse);
  assert.equal(out.parts.length, 1);
  assert.match(out.parts[0], /0 annotations on 0 articles/);
});

function book() {
  return new AnnotationBook({
    call,
    store: new MemoryStore('scale'),
    articles: new Collection([]),
    user: () => ({ id: 'urn:uuid:me', name: 'Me' }),
    sameStory: () => false,
    now: () => Date.parse('2025-01-01T00:00:00Z'),
    onChange: () => {},
  });
}

test(
  'an import in batches: every annotation once, duplicates across batches, problems in place, one step',
  { skip },
  async () => {
    const b = book();
    await b.load();
    const file = (from, to) => new Blob([...annotationFileText(ARTICLES, { from, to, noteChars: 120 })]);
    const first = await b.importBatches(annotationBatches(file(0, 150), { batchChars: 8000 }), {
      label: 'first',
    });
    assert.equal(first.imported, 150);
    assert.equal(first.fatal, false);
    assert.equal(b.all().length, 150);
    assert.equal(b.history.done.length, 1, 'one undoable step');
    // Overlapping: 100..239, of which 100..149 are here already.
    const second = await b.importBatches(annotationBatches(file(100, 240), { batchChars: 8000 }), {
      label: 'second',
    });
    assert.equal(second.imported, 90);
    assert.equal(second.duplicates, 50);
    assert.equal(b.all().length, 240);
    // A broken annotation deep in the file is named at its place in the whole file.
    const text = [...annotationFileText(ARTICLES, { from: 300, to: 360, noteChars: 120 })].join('');
    const doc = JSON.parse(text);
    delete doc.first.items[47].target;
    const broken = await b.importBatches(
      annotationBatches(new Blob([JSON.stringify(doc, null, 2)]), { batchChars: 8000 }),
    );
    assert.equal(broken.imported, 59);
    assert.equal(broken.errors.length, 1);
    assert.match(broken.errors[0], /^first\.items\[47\]/);
    assert.deepEqual(broken.warnings, [], 'no "only the first page" warning from a batch');
  },
);
