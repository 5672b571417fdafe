// Lectern's page: entry point (bundled by web/build.mjs into dist/lectern.html).
//
// Module map: app.js (state and wiring) uses pure modules — core.js (the WebAssembly core),
// worker-client.js (the core in a Web Worker; worker.js + worker-host.js are the worker's side),
// importer.js + reading.js + chunking.js + json-split.js (batch import; big .jsonl and .json
// files in chunks), records.js + identity.js +
// sha256.js (records and content keys), collection.js, sorting.js, format.js, problems.js,
// seeds.js, router.js (#article=ID), keys.js, segments.js — and DOM views under ui/ (dom.js,
// library.js, reader.js, messages.js, progress.js, dialogs.js, dropzone.js). store.js keeps
// the collection in IndexedDB.
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
// The root element #app carries data-view = "library" | "reader", and data-importing while an
// import runs. URL hash: #article=ID opens an article (#article=ID&view=original: its original).
//
// window.lectern (for tests and power users):
//   ready: Promise, resolved once the core is loaded and the collection restored (rejected if the
//     core cannot start); loadArticles([{name, text}]) → Promise<[{id, title, added}]>;
//   articles() → [{id, title, source, date, words}] in import order; removeArticle(id) →
//   Promise<boolean>; version() → the core's version; engine() → where the core runs: "worker" (a
//   Web Worker, the page stays responsive during imports), "main-thread" (no worker could be
//   started; the console says why) or null before it is loaded.
import { App } from './app.js';

function boot() {
  const root = document.getElementById('app');
  const seedsJson = document.getElementById('seeds')?.textContent ?? '[]';
  const app = new App({ root, seedsJson });
  const ready = app.start().then(() => undefined);
  ready.catch((error) => console.error('Lectern could not start:', error));
  window.lectern = Object.freeze({
    ready,
    loadArticles: async (items) => {
      await ready;
      return app.loadArticles(Array.isArray(items) ? items : [items]);
    },
    articles: () => app.articles(),
    article: (id) => app.article(id),
    removeArticle: async (id) => {
      await ready;
      return app.removeArticle(String(id));
    },
    version: () => app.reader?.version() ?? null,
    engine: () => app.reader?.kind ?? null,
    annotate: async (request) => {
      await ready;
      return app.annotations.annotate(request);
    },
    annotations: (articleId) => app.annotations.annotations(articleId),
    exportAnnotations: async () => {
      await ready;
      return app.annotations.exportObject();
    },
    importAnnotations: async (objectOrString) => {
      await ready;
      return app.annotations.importFrom(objectOrString);
    },
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot, { once: true });
else boot();
