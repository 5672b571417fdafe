// Pure logic of annotations in the page: offsets (UTF-16 ↔ code points), the Markdown subset and
// its DOM (XSS payloads), tags and colours, undo, search and filters, highlight segments,
// last-writer-wins storage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  OffsetMap,
  snapRange,
  codePointLength,
  utf16ToCodePoint,
  codePointToUtf16,
} from '../../../web/src/core/offsets.js';
import { renderNote } from '../../../web/src/annotations/ui/note-view.js';
import { safeHref } from '../../../web/src/shell/dom.js';
import {
  TagSet,
  normaliseColor,
  normaliseTagName,
  PALETTE,
  tint,
} from '../../../web/src/annotations/tags.js';
import { UndoStack } from '../../../web/src/annotations/undo.js';
import {
  authorsOf,
  editAnnotation,
  filterAnnotations,
  isNewer,
  noteOf,
  nowAfter,
  resolveConflict,
  segmentRange,
  tagsOf,
  targetHash,
  viewOf,
  foldForSearch,
  readingOrder,
} from '../../../web/src/annotations/annotation-model.js';
import { MemoryStore } from '../../../web/src/storage/store.js';
import { fakeDocument, serialise, elements } from '../fake-dom.mjs';
import { standIn } from '../helpers.mjs';

test('offsets: code points and UTF-16 units, with characters outside the BMP', () => {
  const text = 'a😀b𝔸c欢d';
  const m = new OffsetMap(text);
  assert.equal(m.utf16Length, 9);
  assert.equal(m.codePointLength, 7);
  assert.equal(codePointLength(text), [...text].length);
  // Every code point boundary maps back and forth.
  let u = 0;
  [...text].forEach((ch, cp) => {
    assert.equal(m.toUtf16(cp), u, `cp ${cp}`);
    assert.equal(m.toCodePoint(u), cp, `u ${u}`);
    u += ch.length;
  });
  assert.equal(m.toUtf16(7), 9);
  // Inside a surrogate pair: before it, or after it for an end.
  assert.equal(m.toCodePoint(2), 1);
  assert.equal(m.toCodePoint(2, true), 2);
  assert.deepEqual(m.rangeToCodePoints(2, 2), { start: 1, end: 2 });
  assert.deepEqual(m.rangeToCodePoints(3, 6), { start: 2, end: 4 });
  assert.deepEqual(m.rangeToUtf16(2, 4), { start: 3, end: 6 });
  assert.equal(text.slice(3, 6), 'b𝔸');
  // Clamped.
  assert.equal(m.toUtf16(99), 9);
  assert.equal(m.toCodePoint(-5), 0);
  assert.deepEqual(snapRange(text, 2, 5), { start: 1, end: 6 });
  assert.equal(utf16ToCodePoint('😀😀x', 4), 2);
  assert.equal(codePointToUtf16('😀😀x', 2), 4);
  // A lone surrogate counts as one of each.
  assert.equal(new OffsetMap('a\ud800b').codePointLength, 3);
});

/** A Markdown note rendered (fake DOM), serialised. */
const markdown = (text) => serialise(renderNote(text, 'text/markdown', standIn(fakeDocument)));

test('Markdown notes (CommonMark): blocks and inline', () => {
  assert.equal(
    markdown(
      '# Head\n\nSome *em* and **strong** and `code` and [a link](https://example.org/x?y=1).\nNext line\n\n- one\n- two\n\n3. third\n4. fourth\n\n> quoted\n\n```\n<b>raw</b>\n```',
    ),
    '<p class="note-heading"><strong>Head</strong></p>' +
      '<p>Some <em>em</em> and <strong>strong</strong> and <code>code</code> and ' +
      '<a href="https://example.org/x?y=1" rel="noopener noreferrer" target="_blank">a link</a>.<br></br>Next line</p>' +
      '<ul><li>one</li><li>two</li></ul>' +
      '<ol start="3"><li>third</li><li>fourth</li></ol>' +
      '<blockquote><p>quoted</p></blockquote>' +
      '<pre><code>&lt;b&gt;raw&lt;/b&gt;</code></pre>',
  );
  assert.equal(markdown('a **b** _c_ \\*d\\*'), '<p>a <strong>b</strong> <em>c</em> *d*</p>');
  assert.equal(markdown('snake_case_name stays'), '<p>snake_case_name stays</p>');
  assert.equal(markdown('x'.repeat(20001)), `<p>${'x'.repeat(20001)}</p>`, 'too long: plain text');
  assert.equal(
    serialise(renderNote('one\ntwo\n  \nthree', 'text/plain', standIn(fakeDocument))),
    '<p>one<br></br>two</p><p>three</p>',
  );
});

test('Markdown links: only absolute http(s); everything else stays the text written', () => {
  assert.equal(safeHref('https://example.org'), 'https://example.org/');
  assert.equal(safeHref('HTTP://EXAMPLE.org/a'), 'http://example.org/a');
  for (const bad of [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    '//evil.example',
    '/relative',
    'file:///etc/passwd',
    '',
  ]) {
    assert.equal(safeHref(bad), null, bad);
  }
  assert.equal(
    markdown(
      '[click](javascript:alert(1)) and <javascript:alert(2)> and [x](data:text/html;base64,PHNjcmlwdD4=)',
    ),
    '<p>[click](javascript:alert(1)) and &lt;javascript:alert(2)&gt; and [x](data:text/html;base64,PHNjcmlwdD4=)</p>',
  );
});

const XSS = [
  '<script>window.pwned=1</script>',
  '<img src=x onerror="window.pwned=2">',
  '"><svg onload=window.pwned=3>',
  '[x](javascript:window.pwned=4)',
  '[x](  javascript:window.pwned=5  )',
  '<a href="javascript:window.pwned=6">a</a>',
  '![img](javascript:window.pwned=7)',
  '<iframe srcdoc="<script>parent.pwned=8</script>">',
  '**<b onclick=x>bold</b>**',
  '`<script>`',
  '[ok](https://example.org/" onmouseover="window.pwned=9)',
  '<https://example.org/"onmouseover="x>',
];

test('notes render with text nodes only: XSS payloads stay text, links stay http(s)', () => {
  for (const format of ['text/markdown', 'text/plain']) {
    for (const payload of XSS) {
      const fragment = renderNote(`Note: ${payload}\n\nsecond ${payload}`, format, standIn(fakeDocument));
      for (const el of elements(fragment)) {
        assert.ok(
          ['P', 'STRONG', 'EM', 'CODE', 'PRE', 'A', 'BR', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'SPAN'].includes(
            el.tagName,
          ),
          `${el.tagName} from ${payload}`,
        );
        for (const [name, value] of el.attributes) {
          assert.ok(['href', 'rel', 'target', 'start'].includes(name), `attribute ${name} from ${payload}`);
          if (name === 'href') assert.match(value, /^https?:\/\//, payload);
        }
        if (el.tagName === 'A') assert.equal(el.getAttribute('rel'), 'noopener noreferrer');
      }
      // What was written is still readable as text.
      const text = fragment.textContent;
      if (format === 'text/plain') assert.ok(text.includes(payload), `${payload} → ${text}`);
    }
  }
  const html = serialise(
    renderNote(
      '[ok](https://example.org/a) <img src=x onerror=alert(1)>',
      'text/markdown',
      standIn(fakeDocument),
    ),
  );
  assert.equal(
    html,
    '<p><a href="https://example.org/a" rel="noopener noreferrer" target="_blank">ok</a> &lt;img src=x onerror=alert(1)&gt;</p>',
  );
});

test('tags: made on the fly, palette colours, editable, shortcuts for the first nine', () => {
  const tags = new TagSet();
  assert.equal(tags.ensure('  economy  ').name, 'economy');
  assert.equal(tags.ensure('Economy').name, 'economy', 'case-insensitive');
  assert.equal(tags.ensure(''), null);
  assert.equal(tags.ensure('politics', '#ABC').color, '#aabbcc');
  for (let i = 0; i < 10; i++) tags.ensure(`t${i}`);
  assert.equal(tags.size, 12);
  assert.equal(tags.colorOf('economy'), PALETTE[0]);
  assert.equal(tags.colorOf('t0'), PALETTE[1], 'a colour not used yet');
  assert.equal(tags.shortcutOf('economy'), 1);
  assert.equal(tags.shortcutOf('t6'), 9);
  assert.equal(tags.shortcutOf('t7'), null);
  assert.equal(tags.byShortcut(2).name, 'politics');
  assert.equal(tags.byShortcut(0), null);
  assert.equal(tags.setColor('economy', 'red'), false, 'not a colour');
  assert.equal(tags.setColor('ECONOMY', '#112233'), true);
  assert.equal(tags.colorOf('economy'), '#112233');
  assert.deepEqual(
    tags.suggest('t1').map((t) => t.name),
    ['t1'],
  );
  assert.deepEqual(new TagSet(JSON.parse(JSON.stringify(tags))).list(), tags.list());
  assert.equal(normaliseTagName('a\n\tb'), 'a b');
  assert.equal([...normaliseTagName('😀'.repeat(100))].length, 60);
  assert.equal(normaliseColor('#FFF'), '#ffffff');
  assert.equal(normaliseColor('url(x)'), null);
  assert.equal(tint('#ff8000', 0.2), 'rgb(255 128 0 / 0.2)');
  assert.equal(tint('javascript:x', 0.2), tint('#8a9097', 0.2));
});

test('undo stack: undo, redo, a new step clears redo', () => {
  const u = new UndoStack(2);
  assert.equal(u.undo(), null);
  const step = (n) => ({
    label: `s${n}`,
    before: new Map([['a', n - 1 || null]]),
    after: new Map([['a', n]]),
  });
  u.push(step(1));
  u.push(step(2));
  u.push(step(3));
  assert.equal(u.done.length, 2, 'limited');
  assert.equal(u.undoLabel, 's3');
  assert.deepEqual([...u.undo().apply], [['a', 2]]);
  assert.ok(u.canRedo);
  assert.deepEqual([...u.redo().apply], [['a', 3]]);
  u.undo();
  u.push(step(4));
  assert.equal(u.canRedo, false);
  u.push({ label: 'empty', before: new Map(), after: new Map() });
  assert.equal(u.undoLabel, 's4', 'empty steps are not kept');
});

const ANNOTATION = {
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  id: 'urn:uuid:1',
  type: 'Annotation',
  created: '2024-09-14T08:00:00Z',
  modified: '2024-09-14T08:00:00Z',
  creator: { id: 'mailto:alice@example.org', type: 'Person', name: 'Alice' },
  body: [
    { type: 'TextualBody', purpose: 'tagging', value: 'events', 'schema:color': '#3366ff' },
    { type: 'TextualBody', purpose: 'commenting', value: 'Check *this*', format: 'text/markdown' },
    { type: 'SpecificResource', source: 'https://example.org/other' },
  ],
  target: {
    source: { id: `urn:sha256:${'a'.repeat(64)}`, type: 'Text', 'dc:title': 'Fish market' },
    selector: [
      { type: 'TextQuoteSelector', exact: 'reopened', prefix: 'market ', suffix: ' on' },
      { type: 'TextPositionSelector', start: 5, end: 13 },
    ],
  },
};

test('reading and editing W3C annotations', () => {
  const v = viewOf(ANNOTATION);
  assert.deepEqual(v.tags, [{ name: 'events', color: '#3366ff' }]);
  assert.deepEqual(v.note, { text: 'Check *this*', format: 'text/markdown' });
  assert.equal(v.quote, 'reopened');
  assert.deepEqual(v.position, { start: 5, end: 13 });
  assert.equal(v.hash, 'a'.repeat(64));
  assert.equal(v.creator.name, 'Alice');
  assert.equal(targetHash({ target: { source: { 'schema:sha256': 'B'.repeat(64) } } }), 'b'.repeat(64));
  const edited = editAnnotation(ANNOTATION, {
    tags: [{ name: 'quote' }, { name: 'x', color: '#000000' }],
    modified: '2024-09-15T00:00:00Z',
  });
  assert.deepEqual(tagsOf(edited), [
    { name: 'quote', color: null },
    { name: 'x', color: '#000000' },
  ]);
  assert.deepEqual(noteOf(edited), noteOf(ANNOTATION), 'the note is kept');
  assert.ok(
    edited.body.some((b) => b.type === 'SpecificResource'),
    'other bodies are kept',
  );
  assert.equal(edited.modified, '2024-09-15T00:00:00Z');
  assert.equal(ANNOTATION.body.length, 3, 'the original is not changed');
  const noNote = editAnnotation(ANNOTATION, { note: '  ', modified: 'x' });
  assert.equal(noteOf(noNote), null);
  const plain = editAnnotation(ANNOTATION, { note: 'plain', noteFormat: 'text/plain', modified: 'x' });
  assert.deepEqual(noteOf(plain), { text: 'plain', format: 'text/plain' });
  const bare = editAnnotation({ ...ANNOTATION, body: undefined }, { tags: [], note: '', modified: 'x' });
  assert.equal('body' in bare, false, 'no empty body array');
});

test('conflicts: keep one version', () => {
  const conflicted = {
    ...ANNOTATION,
    '@context': ['http://www.w3.org/ns/anno.jsonld', { lectern: 'urn:lectern:' }],
    'lectern:conflicts': [
      {
        ...ANNOTATION,
        id: undefined,
        body: [{ type: 'TextualBody', purpose: 'tagging', value: 'other' }],
        creator: { name: 'Bob' },
      },
    ],
  };
  const kept = resolveConflict(conflicted, 0, '2025-01-01T00:00:00Z');
  assert.equal(kept.id, ANNOTATION.id);
  assert.equal(kept['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(kept['lectern:conflicts'], undefined);
  assert.deepEqual(tagsOf(kept), [{ name: 'other', color: null }]);
  assert.equal(kept.modified, '2025-01-01T00:00:00Z');
  assert.deepEqual(tagsOf(resolveConflict(conflicted, -1, 'x')), [{ name: 'events', color: '#3366ff' }]);
  assert.equal(resolveConflict(conflicted, 5, 'x'), null);
});

test('last writer wins by modified; nowAfter always moves forward', () => {
  assert.equal(isNewer({ modified: '2024-01-02T00:00:00Z' }, { modified: '2024-01-01T00:00:00Z' }), true);
  assert.equal(isNewer({ modified: '2024-01-01T00:00:00Z' }, { modified: '2024-01-02T00:00:00Z' }), false);
  assert.equal(
    isNewer({ modified: '2024-01-01T00:00:00.000Z' }, { modified: '2024-01-01T00:00:00Z' }),
    true,
    'equal times',
  );
  assert.equal(isNewer({ modified: 'x' }, undefined), true);
  const later = nowAfter('2999-01-01T00:00:00.000Z', Date.parse('2024-01-01T00:00:00Z'));
  assert.equal(later, '2999-01-01T00:00:00.001Z');
  assert.equal(nowAfter('', Date.parse('2024-01-01T00:00:00Z')), '2024-01-01T00:00:00.000Z');
});

test('MemoryStore: per-record last writer wins; tombstones keep older writes out', async () => {
  const s = new MemoryStore('test');
  const rec = (id, modified, extra = {}) => ({
    id,
    hash: 'h',
    modified,
    annotation: { id, modified },
    ...extra,
  });
  assert.deepEqual(
    (await s.putAnnotations([rec('a', '2024-01-02T00:00:00Z'), rec('b', '2024-01-01T00:00:00Z')])).written,
    ['a', 'b'],
  );
  const r = await s.putAnnotations([rec('a', '2024-01-01T00:00:00Z'), rec('b', '2024-01-03T00:00:00Z')]);
  assert.deepEqual(r.written, ['b']);
  assert.equal(r.stale[0].modified, '2024-01-02T00:00:00Z', 'the newer stored version is returned');
  await s.putAnnotations([{ id: 'a', hash: 'h', modified: '2024-01-05T00:00:00Z', deleted: true }]);
  await s.putAnnotations([rec('a', '2024-01-04T00:00:00Z')]);
  assert.equal((await s.getAnnotations(['a']))[0].deleted, true);
  assert.equal((await s.loadAnnotations()).length, 2);
});

test('search and filters over quotes, notes, tags, authors and articles', () => {
  const make = (id, quote, tags, note, creator, articleId) => ({
    id,
    articleId,
    articleTitle: articleId === 'A' ? 'Report Alpha' : 'Report Beta',
    status: 'placed',
    view: viewOf({
      id,
      body: [
        ...tags.map((t) => ({ purpose: 'tagging', value: t })),
        ...(note ? [{ purpose: 'commenting', value: note }] : []),
      ],
      creator,
      target: { selector: [{ type: 'TextQuoteSelector', exact: quote }] },
    }),
  });
  const items = [
    make('1', 'Café reopened', ['economy'], 'see budget', { id: 'mailto:a@x', name: 'Alice' }, 'A'),
    make('2', 'the scandal', ['politics', 'quote'], '', { name: 'Bob' }, 'A'),
    make('3', 'grilled sardines 🐟', ['food'], 'Ünïcode note', { id: 'mailto:a@x', name: 'Alice' }, 'B'),
  ];
  const ids = (f) => filterAnnotations(items, f).map((x) => x.id);
  assert.deepEqual(ids({ query: 'cafe' }), ['1'], 'accents folded');
  assert.deepEqual(ids({ query: 'BUDGET' }), ['1'], 'notes');
  assert.deepEqual(ids({ query: 'quote' }), ['2'], 'tags');
  assert.deepEqual(ids({ query: 'unicode' }), ['3']);
  assert.deepEqual(ids({ query: 'alice sardines' }), ['3'], 'every word, anywhere');
  assert.deepEqual(ids({ query: 'beta' }), ['3'], 'article titles');
  assert.deepEqual(ids({ tag: 'Politics' }), ['2']);
  assert.deepEqual(ids({ article: 'A' }), ['1', '2']);
  assert.deepEqual(ids({ author: 'mailto:a@x' }), ['1', '3']);
  assert.deepEqual(ids({ author: 'name:Bob', tag: 'quote' }), ['2']);
  assert.deepEqual(
    authorsOf(items.map((i) => i.view)).map((a) => [a.label, a.count]),
    [
      ['Alice', 2],
      ['Bob', 1],
    ],
  );
  assert.equal(foldForSearch('ÉCOLE  Ünï'), 'ecole uni');
});

test('highlight segments: overlapping ranges split cleanly, outermost first', () => {
  const hs = [
    { id: 'a', start: 2, end: 10 },
    { id: 'b', start: 5, end: 15 },
    { id: 'c', start: 6, end: 7 },
    { id: 'z', start: 40, end: 50 },
  ];
  const segs = segmentRange(0, 20, hs);
  assert.deepEqual(segs, [
    { start: 0, end: 2, ids: [] },
    { start: 2, end: 5, ids: ['a'] },
    { start: 5, end: 6, ids: ['a', 'b'] },
    { start: 6, end: 7, ids: ['a', 'b', 'c'] },
    { start: 7, end: 10, ids: ['a', 'b'] },
    { start: 10, end: 15, ids: ['b'] },
    { start: 15, end: 20, ids: [] },
  ]);
  assert.deepEqual(segmentRange(8, 12, hs), [
    { start: 8, end: 10, ids: ['a', 'b'] },
    { start: 10, end: 12, ids: ['b'] },
  ]);
  assert.deepEqual(segmentRange(0, 3, []), [{ start: 0, end: 3, ids: [] }]);
  assert.deepEqual(
    readingOrder([
      { id: 'x', start: 3, end: 4 },
      { id: 'y', start: 1, end: 9 },
    ]).map((x) => x.id),
    ['y', 'x'],
  );
});

test('keys: tagging, notes, the sidebar, highlights and undo in the reader', async () => {
  const { commandFor, SHORTCUTS } = await import('../../../web/src/shell/keys.js');
  const rd = { view: 'reader' };
  assert.equal(commandFor({ key: '1' }, rd), 'tag-1');
  assert.equal(commandFor({ key: '9' }, rd), 'tag-9');
  assert.equal(commandFor({ key: '0' }, rd), null);
  assert.equal(commandFor({ key: '3' }, { view: 'library' }), null);
  assert.equal(commandFor({ key: 't' }, rd), 'tag');
  assert.equal(commandFor({ key: 'n' }, rd), 'note');
  assert.equal(commandFor({ key: 'a' }, rd), 'sidebar');
  assert.equal(commandFor({ key: 'Enter' }, { ...rd, onHighlight: true }), 'highlight-card');
  assert.equal(commandFor({ key: 'Enter' }, { ...rd, onSentence: true }), 'sentence-card');
  assert.equal(commandFor({ key: 'Delete' }, { ...rd, onHighlight: true }), 'delete-highlight');
  assert.equal(commandFor({ key: 'Escape' }, { ...rd, onHighlight: true }), 'highlight-back');
  assert.equal(commandFor({ key: 'Escape' }, rd), 'back');
  assert.equal(commandFor({ key: 'z', ctrlKey: true }, rd), 'undo');
  assert.equal(commandFor({ key: 'Z', ctrlKey: true, shiftKey: true }, rd), 'redo');
  assert.equal(commandFor({ key: 'y', metaKey: true }, rd), 'redo');
  assert.equal(
    commandFor({ key: 'z', ctrlKey: true }, { ...rd, editable: true }),
    null,
    'text fields keep their own undo',
  );
  assert.equal(commandFor({ key: '1' }, { ...rd, editable: true }), null);
  assert.equal(commandFor({ key: 't' }, { ...rd, dialogOpen: true }), null);
  assert.equal(commandFor({ key: 'Escape' }, { view: 'annotations' }), 'back');
  assert.ok(SHORTCUTS.some((s) => s.keys.includes('1–9')));
});

test('annotation files: told apart from article files; export names; import summaries', async () => {
  const { looksLikeAnnotations, isJsonName, exportFileName, importSentence, slug } =
    await import('../../../web/src/annotations/annotation-files.js');
  assert.ok(
    looksLikeAnnotations('{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection"'),
  );
  assert.ok(looksLikeAnnotations('[{"type":"Annotation","id":"x"'));
  assert.ok(!looksLikeAnnotations('[{"title": "An article", "text": "… an Annotation …"}]'));
  assert.ok(!looksLikeAnnotations('{"articles": []}'));
  assert.ok(isJsonName('a.JSON') && isJsonName('x.jsonld') && !isJsonName('feed.jsonl'));
  const date = new Date(2024, 8, 14);
  assert.equal(exportFileName({ date }), 'lectern-annotations-2024-09-14.json');
  assert.equal(
    exportFileName({ format: 'markdown', tag: 'Économie / EU', date }),
    'lectern-report-tag-economie-eu-2024-09-14.md',
  );
  assert.equal(
    exportFileName({ format: 'html', articleTitle: '"><img src=x onerror=alert(1)>', date }),
    'lectern-report-img-src-x-onerror-alert-1-2024-09-14.html',
  );
  assert.equal(slug('???'), 'untitled');
  assert.equal(
    importSentence('bob.json', {
      imported: 1,
      duplicates: 1,
      conflicts: 1,
      orphaned: 0,
      errors: [],
      fatal: false,
    }),
    'bob.json: added 1 annotation, 1 annotation already here, 1 conflicting version kept side by side.',
  );
  assert.match(
    importSentence('x.json', {
      imported: 2,
      duplicates: 0,
      conflicts: 0,
      orphaned: 1,
      errors: ['a', 'b'],
      fatal: false,
    }),
    /added 2 annotations\. One was not found in any article here \(orphaned: kept, listed under Annotations\)\. 2 annotations in the file were invalid and left out\./,
  );
  assert.equal(
    importSentence('n.json', {
      imported: 0,
      duplicates: 0,
      conflicts: 0,
      orphaned: 0,
      errors: ['not JSON'],
      fatal: true,
    }),
    'n.json: no annotations could be read: not JSON.',
  );
});
