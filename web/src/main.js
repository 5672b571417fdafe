// Lectern's page: entry point (bundled by web/build.mjs into dist/lectern.html).
//
// Module map (one folder per feature; the README's "Modules" says more):
//   shell/      app.js (state and wiring), app-shell.js (the layout: views and controllers, wired),
//               topbar.js, router.js (#article=ID, #annotations, #compare=A,B, #variants=ID),
//               keys.js + commands.js (shortcuts), dom.js (element builder; text only, never HTML),
//               messages.js, progress.js, dialogs.js, format.js, yield.js
//   core/       core.js (loads the WebAssembly core; lectern-core.d.ts declares it), worker-client.js
//               (the core in a Web Worker; worker.js + worker-host.js are the worker's side), offsets.js
//   import/     importer.js, reading.js, chunking.js, json-split.js (big .jsonl and .json files in
//               chunks), problems.js, import-report.js, dropzone.js
//   library/    records.js (content hash, key and word count from the core), collection.js,
//               sorting.js, seeds.js, library-prefs.js, library-view.js
//   reader/     reader-view.js, segments.js (reader layout), spans.js (packed paragraph/sentence spans)
//   storage/    store.js (IndexedDB through idb, or memory), storage-status.js
//   annotations/  annotations.js (changes, undo, import, export) on annotation-placement.js (placed in
//               articles through the core, carried over to the versions of a story) on
//               annotation-records.js (kept, stored, shared with other tabs: tab-bus.js);
//               annotation-model.js (W3C objects, search, filters, last writer wins), anchor-records.js,
//               collection-listing.js, annotation-files.js, annotation-user.js, tags.js, undo.js;
//               ui/: annotation-controller.js joins them to the reader and the views (annotation-views.js:
//               annotation-sidebar.js, annotator.js, annotation-editor.js, annotations-view.js,
//               annotation-card.js), highlights.js, note-view.js (notes: CommonMark → DOM, text nodes
//               only), annotation-transfer.js, orphan-attach.js, user-name.js
//   entities/   entity-controller.js (each article's mentions, found by the core when it is read, after
//               the user's corrections; the collection's index from the core), corrections.js (the
//               corrections as W3C classifying/identifying annotations, kept in the annotation book),
//               entity-model.js; reader-entities.js joins them to the reader (entity-legend.js,
//               entity-panel.js, mention-card.js)
//   stories/    clustering.js (the core's StoryClusterer, in the worker, in batches; rerun after imports
//               and removals), stories.js (the clusters: versions of one story), compare-model.js (the
//               core's diffTexts → rows, summary, changes), variant-table.js; story-controller.js joins
//               them to compare-view.js (#compare=A,B) and variants-view.js (#variants=ID)
//
// Stable hooks for end-to-end tests (data-testid unless noted):
//   import-input (also id="import-input": the <input type=file multiple>), import-button,
//   paste-button, shortcuts-button, dropzone (overlay while dragging), drop-target
//   library (section), library-table, library-row (data-id = article id), open-article (title
//   link in a row), remove-article (row's remove button), sort-title / sort-source / sort-date /
//   sort-words (header buttons; their <th> carries aria-sort), article-count, library-empty,
//   remove-all, seed-banner, replace-seeds, remove-seeds, load-seeds
//   reader (article element; data-mode = "cleaned" | "original"), reader-title, reader-meta,
//   reader-outlet, reader-date, reader-dateline, reader-provenance, reader-body, sentence (spans,
//   data-index = index into the article's sentences), reader-original (<pre>), toggle-original
//   (aria-pressed), back-to-library, previous-article, next-article, reader-position,
//   reader-remove
//   messages (section), message-list, message (data-kind = error | warning | info | success),
//   message-text, message-details, message-action (Undo / Open it), message-dismiss,
//   messages-dismiss-all
//   progress (region, data-state = running | done; data-waiting = "true" while a big file is read
//   and nothing of it has come back: the bar is then indeterminate), progress-bar (<progress>),
//   progress-label, progress-detail
//   paste-dialog, paste-textarea, paste-submit, shortcuts-dialog, confirm-dialog, confirm-text, confirm-ok,
//   confirm-cancel, storage-status, core-version, loading
// Annotations:
//   annotations-button (top bar; annotation-count inside), reader-announce (polite live region)
//   highlight (<mark> over the body; data-ids = the annotation ids covering it, outermost first;
//   data-kind = own | carried), highlight-tooltip (tags of the focused highlight), highlight-card
//   (card-item [data-id], card-edit, card-delete, card-open-original, card-back, card-close)
//   selection-toolbar (toolbar-highlight, toolbar-tag [data-tag], toolbar-more, toolbar-note, toolbar-entity,
//   toolbar-attach, toolbar-attach-cancel)
//   annotation-editor (<dialog>; editor-quote, editor-tags, editor-tag [data-tag, aria-pressed],
//   editor-tag-color [data-tag], editor-new-tag, editor-note, editor-markdown, editor-preview,
//   editor-save, editor-cancel, editor-delete, editor-close)
//   annotations-sidebar (sidebar-toggle + sidebar-count in the reader toolbar; sidebar-list,
//   sidebar-item [data-id, data-kind = own | anchored | carried], sidebar-edit, sidebar-delete,
//   sidebar-open-original, sidebar-empty, sidebar-pending, sidebar-missing > missing-item
//   [data-id] ("not in this version"), missing-open, undo-button, redo-button, export-article,
//   export-article-report, open-collection)
//   in every card: card-open (the quote, a button where it leads somewhere), tag-chip [data-tag],
//   card-note, card-author, card-status, conflict-versions > conflict-version, keep-version
//   annotations-view (#annotations; annotations-back, annotations-search, filter-tag,
//   filter-article, filter-author, filter-status, annotations-count, annotation-list >
//   annotation-item [data-id, data-status = placed | orphan] with item-open, item-edit,
//   item-delete, attach-orphan; import-annotations-button, import-annotations-input, export-json,
//   export-markdown, export-html, export-tag, export-filtered-article, orphan-list > orphan-item
//   [data-id] with attach-orphan, tag-list > tag-item [data-tag] with tag-color, user-name)
//   messages with data-key: annotations:FILE (an import's summary, per-annotation errors in
//   message-details), annotation-storage, annotation-undo, attach, export, adopted
// Versions of one story:
//   library rows of a story carry class "story story-first|middle|last" and data-story (the id of
//   the story's first row); story-size (the first row's "3 versions" chip), story-shared (the
//   other rows' "72% shared", title = what it means), compare-article, variants-article (3+ only)
//   in the row's actions; group-versions (toggle, aria-pressed) in the library's tools
//   reader-versions (aside after the article) > reader-version [data-id] with reader-compare
//   [data-id]; reader-variants (3+ only); reader-compare-closest (toolbar: the closest version)
//   compare (section, data-state = pending | ready | message | error): compare-back, compare-swap,
//   compare-variants (3+ only), compare-version-a / compare-version-b (outlet-a/-b:
//   compare-outlet-a/-b, links compare-open-a/-b), compare-status (role=status: "Comparing…",
//   errors, "same article", identical), compare-summary > compare-summary-lines, compare-only-a,
//   compare-only-b, compare-changed, compare-same, compare-named > named-type [data-type = PER |
//   ORG | LOC | DATE | number | name] > named-change [data-group, data-kind = name | date | number,
//   data-type], named-more, named-omitted; compare-changes > change-item [data-group, data-kind;
//   the current one aria-current], compare-table > compare-row [data-group, data-kind = same |
//   changed | merged | split | moved | onlyA | onlyB; class current + aria-current when chosen]
//   with compare-a, compare-gutter (kind-badge or moved-badge), compare-b (row-callouts >
//   row-callout [data-type]: "Person dropped: …"); compare-empty (the empty side of a one-sided
//   row), moved-note; <del>/<ins> mark word changes; compare-announce
//   variants (section, data-state as compare): variants-back, variants-intro, variants-status,
//   variants-table > variants-column [data-id] (variants-counts, variants-compare [data-id]),
//   variant-row [data-kind = reference | added, data-index] > variant-cell [data-state = reference
//   | same | changed | moved | merged-above | cut | added | absent]
//   progress shows the grouping of big collections too: data-task = "import" | "cluster"
// Entities (reader):
//   entity (<span class="ent"> in the body around a mention; data-type = PER | ORG | LOC | DATE,
//   data-entity = its id in the index, data-mention = index into window.lectern.entities(id);
//   title = "Person: Vladimir Putin · in 2 articles"), entity-tooltip (shown while one is focused)
//   entity-legend > entity-toggle [data-type, aria-pressed] (hides or shows that type's marks:
//   the body gets class hide-TYPE), entity-panel-toggle (aria-expanded) opens entity-panel >
//   entity-item [data-entity, data-type] (each jumps to its next mention; entity-mentions "×3",
//   entity-articles-here "in 2 articles"), entity-panel-empty
//   entity-card (over a clicked mention: entity-card-title, entity-reject, entity-retype [data-type],
//   entity-same-input + entity-same-as, entity-split; over a selection, after toolbar-entity:
//   entity-mark [data-type])
// The root element #app carries data-view = "library" | "reader" | "annotations" | "compare" |
// "variants", data-importing while an import runs and data-clustering while the collection is
// grouped into stories. URL hash: #article=ID opens an article (#article=ID&view=original: its
// original); #annotations the collection's annotations; #compare=ID_A,ID_B two versions side by
// side; #variants=ID the variant table of ID's story.
//
// window.lectern (for tests and power users):
//   ready: Promise, resolved once the core is loaded and the collection restored (rejected if the
//     core cannot start); loadArticles([{name, text}]) → Promise<[{id, title, added}]>;
//   articles() → [{id, title, source, date, words}] in import order; article(id) → {id, title,
//   source, date, url, body, fileName} or null (body: the text annotation offsets count in);
//   removeArticle(id) → Promise<boolean>; version() → the core's version; engine() → where the
//   core runs: "worker" (a Web Worker, the page stays responsive during imports), "main-thread"
//   (no worker could be started; the console says why) or null before it is loaded.
//   annotate({articleId, start, end, tags?, note?, noteFormat?}) → Promise<annotation id>: start
//     and end are CODE POINT offsets into the article's body (as W3C TextPositionSelector counts;
//     [...body].length, not body.length), tags names (made when new), noteFormat "text/markdown"
//     (default) or "text/plain"; rejects for an unknown article or an empty range.
//   annotations(articleId?) → the W3C Web Annotation objects (copies): all, or those showing on
//     that article as its own (or anchored into it), in reading order. Synchronous.
//   counts() → {articles, annotations}: how many are in the library and live, without copying
//     them (articles() and annotations() copy 100,000 objects: polling them is itself a long task).
//   exportAnnotations() → Promise<the W3C AnnotationCollection object of every annotation>.
//   importAnnotations(objectOrString) → Promise<{imported, duplicates, conflicts, orphaned,
//     errors: ["path: message"]}>: merged as a file would be (the page also shows a message).
//   clusters() → Promise<[{members: [ids], pairs: [{a, b, jaccard, containment}]}]>: the versions
//     of each story (clusters of two or more, as the core's StoryClusterer found them), once any
//     pending grouping (after an import or removal) has finished; rejects when the core cannot
//     group stories.
//   compare(idA, idB) → Promise<the core's diffTexts JSON, parsed>: {offsetUnit, a: {sentences},
//     b: {sentences}, groups: [{a, b, kind, similarity, words, changes}], summary}; offsets are
//     UTF-16 indices into article(id).body; rejects for an unknown article.
//   variants(id) → Promise<{columns: [{id, label, reference, counts}], rows: [{kind, index, cells:
//     [{state, text?, parts?, …}]}]}>: the variant table of id's story (variant-table.js).
//   clusterStats() → {articles, ms, engine} of the last grouping, or null.
//   entities(id) → Promise<[{start, end, type, text, entity, value?}]>: the article's entity mentions
//     after the user's corrections, in text order; start/end CODE POINT offsets into article(id).body;
//     type PER | ORG | LOC | DATE; entity: the id of its entry in entityIndex(); value: a date's ISO
//     value ("2024-09-12", "2024-10") when resolved against the article's date. Rejects for an
//     unknown article.
//   entityIndex() → Promise<[{entity, name, type, articles: [ids], mentions, outlets: [sources],
//     first?, last?}]>: the collection's entities after the user's corrections, most mentioned first
//     (first/last: the earliest and latest date of the articles that mention it).
import { App } from './shell/app.js';
import { textInput } from './import/importer.js';
import { rowOf } from './library/records.js';
import { OffsetMap } from './core/offsets.js';

function boot() {
  const root = document.getElementById('app');
  const seedsJson = document.getElementById('seeds')?.textContent ?? '[]';
  const app = new App({ root, seedsJson });
  const ready = app.start().then(() => undefined);
  ready.catch((error) => console.error('Lectern could not start:', error));
  window.lectern = lecternApi(app, ready);
}

/**
 * window.lectern (see above).
 * @param {App} app
 * @param {Promise<void>} ready
 */
export function lecternApi(app, ready) {
  return Object.freeze({
    ready,
    loadArticles: async (items) => {
      await ready;
      return loadArticles(app, Array.isArray(items) ? items : [items]);
    },
    articles: () => articles(app),
    article: (id) => article(app, id),
    removeArticle: async (id) => {
      await ready;
      return (await app.removeArticles([String(id)])).length > 0;
    },
    version: () => app.reader?.version() ?? null,
    engine: () => app.reader?.kind ?? null,
    annotate: async (request) => {
      await ready;
      return annotate(app, request);
    },
    annotations: (articleId) => annotationsOn(app, articleId),
    counts: () => ({ articles: app.collection.size, annotations: app.annotations.book?.live().length ?? 0 }),
    exportAnnotations: async () => {
      await ready;
      return app.annotations.transfer.exportObject();
    },
    importAnnotations: async (objectOrString) => {
      await ready;
      return app.annotations.transfer.importFrom(objectOrString);
    },
    clusters: async () => {
      await ready;
      return app.stories.clusters();
    },
    compare: async (a, b) => {
      await ready;
      return structuredClone(await app.stories.diff(String(a), String(b)));
    },
    variants: async (id) => {
      await ready;
      await app.stories.clusters();
      return app.stories.variantTable(String(id));
    },
    clusterStats: () => (app.stories.lastRun ? { ...app.stories.lastRun } : null),
    entities: async (id) => {
      await ready;
      return entitiesOf(app, String(id));
    },
    entityIndex: async () => {
      await ready;
      return (await app.entities.index()).map(
        ({ entity, name, type, articles, mentions, outlets, first, last }) => ({
          entity,
          name,
          type,
          articles: [...articles],
          mentions,
          outlets: [...outlets],
          ...(first ? { first } : {}),
          ...(last ? { last } : {}),
        }),
      );
    },
  });
}

/**
 * window.lectern.entities: the article's mentions after the user's corrections, in code points of
 * its body, each with the id of its entity in the index.
 * @param {App} app
 * @param {string} id
 */
async function entitiesOf(app, id) {
  const record = app.collection.get(id);
  if (!record) throw new Error(`no article with the id ${id}`);
  const offsets = new OffsetMap(record.article.body);
  return (await app.entities.shown(record)).map((m) => {
    const { start, end } = offsets.rangeToCodePoints(m.start, m.end);
    return { start, end, type: m.type, text: m.text, entity: m.id, ...(m.value ? { value: m.value } : {}) };
  });
}

/** @param {{name: string, text: string|Uint8Array|ArrayBuffer}[]} items */
async function loadArticles(app, items) {
  const inputs = items.map((it, i) => textInput(String(it?.name ?? `input-${i + 1}.txt`), it?.text ?? ''));
  const result = await app.runImport(inputs, {});
  return (result?.results ?? []).map(({ id, title, added }) => ({ id, title, added }));
}

/** One article with its body (for window.lectern.article), or null. */
function article(app, id) {
  const r = app.collection.get(String(id));
  if (!r) return null;
  const a = r.article;
  return {
    id: r.id,
    title: a.title || rowOf(r).displayTitle,
    source: a.source,
    date: a.date,
    url: a.url,
    body: a.body,
    fileName: r.fileName,
  };
}

function articles(app) {
  return app.collection
    .list()
    .map(rowOf)
    .map(({ id, title, displayTitle, source, date, words }) => ({
      id,
      title: title || displayTitle,
      source,
      date,
      words,
    }));
}

/**
 * window.lectern.annotate: start and end are code point offsets into the article's body.
 * @param {App} app
 * @param {{articleId: string, start: number, end: number, tags?: string[]|string, note?: string,
 *   noteFormat?: string}} request
 * @returns {Promise<string>} the new annotation's id
 */
async function annotate(app, { articleId, start, end, tags = [], note = '', noteFormat = 'text/markdown' }) {
  const record = app.collection.get(String(articleId));
  if (!record) throw new Error(`no article with the id ${articleId}`);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start)
    throw new Error('start and end must be code point offsets with start < end');
  const names = (Array.isArray(tags) ? tags : [tags]).map(String);
  const id = await app.annotations.book.create(record, {
    start,
    end,
    unit: 'codepoint',
    tags: names,
    note: String(note ?? ''),
    noteFormat,
  });
  return id;
}

/** window.lectern.annotations: copies of the W3C objects, in reading order. */
function annotationsOn(app, articleId) {
  const book = app.annotations.book;
  if (!book) return [];
  let list = book.live();
  if (articleId != null) list = list.filter((r) => book.homeOf(r)?.article?.id === String(articleId));
  const pos = (r) => book.homeOf(r)?.start ?? 0;
  return list
    .sort((a, b) => pos(a) - pos(b) || a.id.localeCompare(b.id))
    .map((r) => structuredClone(r.annotation));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot, { once: true });
else boot();
