// The application: state (collection, sort, view), and the wiring of storage, the core (in a Web
// Worker when possible: worker-client.js), the importer and the views. Built once by main.js.
import { Collection } from '../library/collection.js';
import { readBlobBytes } from '../core/core.js';
import { startReader } from '../core/worker-client.js';
import { importInputs, textInput } from '../import/importer.js';
import { isValidRecord, rowOf } from '../library/records.js';
import { sortRows, sortRowsSliced } from '../library/sorting.js';
import { TimeSlicer, forEachSliced } from './slices.js';

/** Libraries of this many articles or more are sorted in slices (see App#renderLibrary). */
const SLICED_FROM = 2000;
import { loadGroupVersions, loadSort, saveGroupVersions, saveSort } from '../library/library-prefs.js';
import {
  parseHash,
  readerHash,
  libraryHash,
  LIBRARY_HASH,
  ANNOTATIONS_HASH,
  ENTITIES_HASH,
} from './router.js';
import { entryForName, searchIndex } from '../entities/entity-model.js';
import { groupRows, groupRowsSliced } from '../stories/stories.js';
import { INITIALISED_KEY, parseSeeds, shouldLoadSeeds } from '../library/seeds.js';
import { openStore } from '../storage/store.js';
import { CollectionSync } from '../library/collection-sync.js';
import {
  ANNOTATION_JOURNAL_KEY,
  ImportJournal,
  interruptedAnnotationsText,
  interruptedText,
  keptBy,
} from '../import/import-journal.js';
import { tabBus } from '../annotations/tab-bus.js';
import { pastedFileName, plural, truncate } from './format.js';
import { isEditable } from './dom.js';
import { handleKey } from './commands.js';
import { reportImport } from '../import/import-report.js';
import { buildShell } from './app-shell.js';

export class App {
  constructor({ root, seedsJson }) {
    this.root = root;
    this.seeds = parseSeeds(seedsJson);
    this.collection = new Collection();
    this.store = null;
    /** @type {CollectionSync|null} the collection shared with the page's other tabs */
    this.sync = null;
    // An import's progress in storage: one a reload cut short is told about at the next start.
    this.journal = new ImportJournal(() => this.store, { failed: (error) => this.storage.failed(error) });
    this.annotationJournal = new ImportJournal(() => this.store, {
      key: ANNOTATION_JOURNAL_KEY,
      failed: (error) => this.storage.failed(error),
    });
    this.reader = null;
    this.sort = loadSort();
    this.groupVersions = loadGroupVersions();
    // Resolves with the core (worker-client.js) once it is loaded; views that need it wait here.
    this.readerReady = new Promise((resolve, reject) => {
      this.readerLoaded = { resolve, reject };
    });
    this.readerReady.catch(() => {});
    this.view = 'library';
    this.currentId = null;
    this.showOriginal = false;
    /** @type {Promise<unknown>} the import running (imports run one after another) */
    this.queue = Promise.resolve();
    this.replaceSeedsAfterImport = false;
    /** @type {string|null} the entity the library is filtered to (#library&mentioning=ID) */
    this.mentioning = null;
    this.mentioningIndexed = false; // whether an index is known to filter by
    // The views and controllers (app-shell.js buildShell makes them and puts them in the page).
    /** @type {import('../annotations/ui/annotation-controller.js').AnnotationController} */ this.annotations;
    /** @type {import('../stories/story-controller.js').StoryController} */ this.stories;
    /** @type {import('../entities/entity-controller.js').EntityController} */ this.entities;
    /** @type {import('../entities/reader-entities.js').ReaderEntities} */ this.readerEntities;
    /** @type {import('../library/library-view.js').LibraryView} */ this.library;
    /** @type {import('../reader/reader-view.js').ReaderView} */ this.readerView;
    /** @type {import('../entities/entity-index-view.js').EntityIndexView} */ this.entityIndex;
    /** @type {import('./messages.js').MessageList} */ this.messages;
    /** @type {import('./progress.js').ProgressView} */ this.progress;
    /** @type {import('../storage/storage-status.js').StorageStatus} */ this.storage;
    /** @type {import('./dialogs.js').PasteDialog} */ this.pasteDialog;
    /** @type {import('./dialogs.js').ShortcutsDialog} */ this.shortcutsDialog;
    /** @type {import('./dialogs.js').ConfirmDialog} */ this.confirmDialog;
    /** @type {import('../import/dropzone.js').DropZone} */ this.dropZone;
    /** @type {HTMLInputElement} */ this.fileInput;
    /** @type {HTMLElement} */ this.loading;
    /** @type {HTMLElement} */ this.main;
    /** @type {HTMLElement} */ this.versionText;
    /** @type {HTMLElement} */ this.annotationsButton;
    /** @type {HTMLElement} */ this.annotationCount;
    /** @type {HTMLElement} */ this.entitiesButton;
    buildShell(this);
  }

  // --- Layout ---------------------------------------------------------------------------------

  // --- Startup --------------------------------------------------------------------------------

  async start() {
    this.installGlobalHandlers();
    // The core's worker loads (compiling the WebAssembly on a thread of its own) while storage
    // opens and the library is read: ready sooner, on a first visit by about the worker's start.
    const readerStarting = startReader();
    readerStarting.catch(() => {}); // awaited below, once the library is shown
    this.store = await openStore();
    this.sync = new CollectionSync({
      store: () => this.store,
      collection: this.collection,
      bus: tabBus,
      changed: (change) => this.changedElsewhere(change),
    });
    let records = [];
    try {
      records = (await this.store.loadAll()).filter(isValidRecord);
    } catch (error) {
      this.storage.failed(error, 'read');
    }
    // In slices: adding 40,000 stored records took Firefox 65 ms in one task (RELIABILITY.md).
    await forEachSliced(records, (r) => this.collection.add(r));
    this.store
      .sweepOriginals()
      .catch((error) => console.warn('originals of removed articles not swept', error));
    await this.annotations.load(this.store);
    this.storage.update();
    await this.tellInterruptedImport();
    if (!this.store.persistent) {
      this.messages.show({
        kind: 'warning',
        key: 'storage',
        text: `Lectern cannot save your articles or annotations in this browser: ${this.store.reason}. They stay available until you close or reload the page (export your annotations to keep them).`,
      });
    }
    // With articles stored, show them at once (they need no core); with none, keep "Starting the
    // reader…" until the core is loaded and, on a first visit, the sample articles are in.
    if (records.length) {
      this.loading.hidden = true;
      this.route();
    }

    try {
      this.reader = await readerStarting;
      this.readerLoaded.resolve(this.reader);
      this.versionText.textContent = `core ${this.reader.version()}`;
    } catch (error) {
      this.readerLoaded.reject(error);
      this.messages.show({
        kind: 'error',
        key: 'core',
        text: `The reading engine could not be started (${error?.message || error}). Articles already in the library can be read, but nothing new can be imported.`,
      });
      this.loading.hidden = true;
      this.route();
      throw error;
    }
    try {
      await this.addContentHashes(records);
    } catch (error) {
      // Records keep their key (the hash's prefix), so their annotations still find them.
      console.warn('content hashes of stored articles not computed', error);
    }

    let initialised = false;
    try {
      initialised = Boolean(await this.store.getMeta(INITIALISED_KEY));
    } catch (error) {
      this.storage.failed(error, 'read');
    }
    if (records.length > 0) initialised = true;
    if (shouldLoadSeeds({ persistent: this.store.persistent, initialised })) {
      await this.loadSeeds({ manual: false });
    } else if (!initialised) {
      await this.setInitialised();
    }
    this.loading.hidden = true;
    this.route();
    this.annotations.render();
    this.stories.collectionChanged({ delayMs: 100 }); // find the versions of each story
    // The annotation core (a worker of its own) starts once the page has settled.
    setTimeout(() => this.annotations.warm(), 1500);
  }

  /** An import a reload or a closed tab cut short: say what it kept and offer to finish it. */
  async tellInterruptedImport() {
    const annotations = await this.annotationJournal.interrupted();
    if (annotations) {
      this.messages.show({
        kind: 'warning',
        key: 'annotation-import-interrupted',
        text: interruptedAnnotationsText(annotations),
        action: { label: 'Choose the file again…', run: () => this.chooseFiles() },
      });
    }
    const journal = await this.journal.interrupted();
    if (!journal) return;
    const added = Math.max(journal.added, keptBy(journal, this.collection.list()));
    this.messages.show({
      kind: 'warning',
      key: 'import-interrupted',
      text: interruptedText({ ...journal, added }),
      action: { label: 'Choose the files again…', run: () => this.chooseFiles() },
    });
  }

  setAnnotationCount(n) {
    this.annotationCount.textContent = String(n);
    this.annotationCount.hidden = n === 0;
    this.annotationsButton.setAttribute('aria-label', n ? `Annotations (${n})` : 'Annotations');
  }

  async setInitialised() {
    try {
      await this.store.setMeta(INITIALISED_KEY, true);
    } catch (error) {
      this.storage.failed(error);
    }
  }

  async loadSeeds({ manual }) {
    const inputs = this.seeds.map((s) => textInput(s.name, s.text));
    const result = await this.runImport(inputs, { seed: true, quiet: !manual });
    if (result && result.added.length + result.duplicates.length > 0) await this.setInitialised();
    return result;
  }

  // --- Importing ------------------------------------------------------------------------------

  chooseFiles() {
    this.fileInput.click();
  }

  /**
   * Imports files: W3C annotation files (.json that look like them) as annotations, the rest as
   * articles.
   * @param {{file?: File, name: string, isDirectory?: boolean, empty?: boolean, error?: Error}[]} items
   */
  async importFiles(items) {
    items = await this.annotations.transfer.takeAnnotationFiles(items);
    if (!items.length) return null;
    const inputs = items.map((item) =>
      item.file
        ? { name: item.name, size: item.file.size, read: () => readBlobBytes(item.file) }
        : {
            name: item.name,
            size: 0,
            isDirectory: item.isDirectory,
            empty: item.empty,
            error: item.error,
            read: async () => new Uint8Array(),
          },
    );
    return this.runImport(inputs, {});
  }

  importText(text) {
    return this.runImport([textInput(pastedFileName(), text)], { pasted: true });
  }

  /** Imports inputs after any import already running (one batch at a time). */
  runImport(inputs, options) {
    const run = this.queue.then(() => this.doImport(inputs, options));
    // Not the result: it holds every record the import added, long after they are shown.
    this.queue = run.then(
      () => {},
      () => {},
    );
    return run;
  }

  async doImport(inputs, { seed = false, quiet = false, pasted = false }) {
    if (!inputs.length) return null;
    if (!this.reader) {
      try {
        this.reader = await startReader();
        this.readerLoaded.resolve(this.reader);
      } catch (error) {
        this.messages.show({
          kind: 'error',
          key: 'core',
          text: `Nothing can be imported: the reading engine could not be started (${error?.message || error}).`,
        });
        return null;
      }
    }
    const replaceSeeds = this.replaceSeedsAfterImport;
    this.replaceSeedsAfterImport = false;
    document.body.setAttribute('aria-busy', 'true');
    this.stories.importStarted();
    this.root.dataset.importing = 'true';
    let lastRender = performance.now();
    let result;
    let fileIndex = 0;
    let added = 0;
    if (!seed) await this.journal.begin(inputs);
    try {
      result = await importInputs(inputs, {
        reader: this.reader,
        collection: this.collection,
        seed,
        onProgress: (p) => {
          fileIndex = p.fileIndex;
          this.progress.update(p);
        },
        onAdded: async (records) => {
          await this.persist(records);
          added += records.length;
          if (!seed) await this.journal.progress({ fileIndex, added });
          if (performance.now() - lastRender > 400) {
            this.renderLibrary({ windowed: true });
            lastRender = performance.now();
          }
        },
      });
    } finally {
      if (!seed) await this.journal.end();
      document.body.removeAttribute('aria-busy');
      delete this.root.dataset.importing;
      this.progress.update({ done: true });
      this.stories.importEnded(result?.added.length ?? 0);
    }
    if (!seed) this.messages.dismissKey('import-interrupted'); // this import finished what it left
    let replaced = 0;
    if (replaceSeeds && result.added.length > 0) {
      const seeds = this.collection.seeds().map((r) => r.id);
      if (seeds.length) replaced = (await this.removeArticles(seeds, { quiet: true })).length;
    }
    await this.renderLibrary();
    reportImport(this.messages, result, { quiet, pasted, open: (id) => this.openArticle(id) });
    if (result.added.length) {
      this.annotations.articlesAdded(result.added.map((r) => r.id)); // orphans may find their article
      this.entities.invalidate();
    }
    if (replaced) {
      this.messages.show({
        kind: 'info',
        key: 'seeds',
        text:
          replaced === 1
            ? 'The sample article was replaced by your files.'
            : `The ${replaced} sample articles were replaced by your files.`,
      });
    }
    if (this.view === 'reader') this.showReader(this.currentId, { focus: false });
    // Stay where the user is, but select the first new article so that Enter opens it.
    if (result.added.length && this.view === 'library') this.library.select(result.added[0].id);
    return result;
  }

  /**
   * Records stored by versions of the page before the core made content hashes have none: the core
   * makes them now (annotations find their article by it), once.
   */
  async addContentHashes(records) {
    const missing = records.filter((r) => !r.hash);
    if (!missing.length) return;
    for (const r of missing) r.hash = await this.reader.call('contentHash', r.article.body);
    await this.persist(missing);
    this.annotations.changed();
  }

  async persist(records) {
    if (!this.store) return;
    try {
      await this.store.putAll(records);
      // Stored apart now, and read from there when the reader shows it (see records.js).
      for (const r of records) r.original = undefined;
      this.sync?.stored(records.map((r) => r.id));
    } catch (error) {
      this.storage.failed(error);
    }
  }

  /**
   * Another tab stored or removed articles (library/collection-sync.js has already changed the
   * collection): the views catch up as after an import or a removal here, without a message.
   * @param {{added: string[], removed: string[]}} change
   */
  changedElsewhere({ added, removed }) {
    this.stories.collectionChanged(removed.length ? { removed } : {});
    this.entities.invalidate();
    this.renderLibrary();
    if (added.length) this.annotations.articlesAdded(added);
    if (removed.length) this.annotations.changed();
    if (this.view === 'reader' && removed.includes(this.currentId)) this.showLibrary({ replace: true });
  }

  async removeArticles(ids, { quiet = false } = {}) {
    const hadFocus = this.library.el.contains(document.activeElement);
    const removed = ids.map((id) => this.collection.remove(id)).filter(Boolean);
    if (!removed.length) return [];
    const wasCurrent = this.view === 'reader' && removed.some((r) => r.id === this.currentId);
    let nextId = null;
    if (wasCurrent || removed.some((r) => r.id === this.library.selectedId)) {
      // The rows as shown (they still list the removed ones): the next one the user sees.
      const rows = this.rows ?? this.sortedRows(true, removed);
      const index = rows.findIndex((r) => r.id === (wasCurrent ? this.currentId : this.library.selectedId));
      nextId =
        rows.slice(index + 1).find((r) => this.collection.has(r.id))?.id ??
        rows
          .slice(0, Math.max(0, index))
          .reverse()
          .find((r) => this.collection.has(r.id))?.id ??
        null;
    }
    try {
      await this.store?.deleteIds(removed.map((r) => r.id));
      this.sync?.removed(removed.map((r) => r.id));
    } catch (error) {
      this.storage.failed(error);
    }
    this.stories.collectionChanged({ removed: removed.map((r) => r.id) });
    this.entities.invalidate();
    await this.renderLibrary();
    this.annotations.changed(); // their annotations are orphans now (kept, listed)
    if (nextId) this.library.select(nextId, { focus: this.view === 'library' && hadFocus });
    if (wasCurrent) {
      if (nextId) this.openArticle(nextId, { replace: true });
      else this.showLibrary({ replace: true });
    }
    if (!quiet) {
      const label =
        removed.length === 1
          ? `Removed “${truncate(rowOf(removed[0]).displayTitle, 80)}”.`
          : `Removed ${plural(removed.length, 'article')}.`;
      this.messages.show({
        kind: 'info',
        key: 'undo',
        text: label,
        action: { label: 'Undo', run: () => this.restore(removed) },
      });
    }
    return removed;
  }

  async restore(records) {
    const back = records.filter((r) => this.collection.add(r));
    await this.persist(back);
    this.stories.collectionChanged();
    this.entities.invalidate();
    await this.renderLibrary();
    this.annotations.changed();
    if (back.length === 1 && this.view === 'library') this.library.select(back[0].id, { focus: true });
    this.messages.show({ kind: 'success', key: 'undo', text: `Restored ${plural(back.length, 'article')}.` });
  }

  async confirmRemoveAll() {
    const n = this.collection.size;
    if (!n) return;
    const ok = await this.confirmDialog.ask({
      title: 'Remove all articles?',
      text: `This removes all ${plural(n, 'article')} from the library and from this browser's storage. Your files are not touched.`,
      confirmLabel: `Remove ${plural(n, 'article')}`,
    });
    if (!ok) return;
    const removed = this.collection.clear();
    try {
      await this.store?.clearArticles();
      this.sync?.removed(removed.map((r) => r.id));
    } catch (error) {
      this.storage.failed(error);
    }
    await this.setInitialised();
    this.stories.collectionChanged({ removed: removed.map((r) => r.id) });
    this.entities.invalidate();
    await this.renderLibrary();
    this.showLibrary();
    this.messages.show({
      kind: 'info',
      key: 'undo',
      text: `Removed all ${plural(removed.length, 'article')}.`,
      action: { label: 'Undo', run: () => this.restore(removed) },
    });
  }

  async removeSeeds() {
    const ids = this.collection.seeds().map((r) => r.id);
    await this.setInitialised();
    await this.removeArticles(ids);
  }

  // --- Views ----------------------------------------------------------------------------------

  sortedRows(includeRemoved = false, removed = []) {
    const records = this.collection.list();
    if (includeRemoved) records.push(...removed);
    return sortRows(records.map(rowOf), this.sort);
  }

  /**
   * Draws the library. A big one (SLICED_FROM articles or more) has its rows made and sorted in
   * slices, yielding in between (a title sort of 100,000 rows is a second of work); renders asked
   * for while one is being made are joined into one more, made when it is drawn (an import asks
   * every 400 ms: they never pile up). A smaller library is drawn before this returns, as always.
   * @param {{windowed?: boolean}} [options]  windowed: during an import (see LibraryView#render)
   * @returns {Promise<void>} resolves once what was asked for is drawn
   */
  renderLibrary({ windowed = false } = {}) {
    const run = (this.libraryRun = (this.libraryRun ?? 0) + 1);
    if (this.collection.size < SLICED_FROM) {
      this.libraryWanted = null;
      this.smallDrawn = run; // a big render still being made is older: it is not drawn
      this.showRows(this.sortedRows(), { windowed });
      return Promise.resolve();
    }
    this.libraryWanted = { windowed };
    this.libraryRendering ??= (async () => {
      try {
        while (this.libraryWanted) {
          const options = this.libraryWanted;
          const asked = this.libraryRun;
          this.libraryWanted = null;
          const slicer = new TimeSlicer();
          const rows = [];
          await forEachSliced(this.collection.list(), (r) => rows.push(rowOf(r)), slicer);
          const sorted = await sortRowsSliced(rows, this.sort, slicer);
          const grouped = this.groupVersions
            ? await groupRowsSliced(sorted, this.stories.stories, slicer)
            : sorted;
          // Drawn unless a small library was drawn meanwhile (after removals): that one is newer.
          if ((this.smallDrawn ?? 0) < asked) this.showRows(grouped, { ...options, grouped: true });
        }
      } finally {
        this.libraryRendering = null;
      }
    })();
    return this.libraryRendering;
  }

  /**
   * Draws sorted rows (grouped, filtered) in the library view.
   * @param {object[]} sorted
   * @param {{windowed?: boolean, grouped?: boolean}} o  grouped: the rows are already grouped
   */
  showRows(sorted, { windowed, grouped = false }) {
    // A story's versions sit together, where the first of them is in the sort order.
    const all = this.groupVersions && !grouped ? groupRows(sorted, this.stories.stories) : sorted;
    const { rows, mentioning } = this.filterMentioning(all);
    this.rows = rows;
    this.library.render(rows, this.sort, {
      seedCount: this.collection.seedCount,
      windowed,
      grouping: { on: this.groupVersions, stories: this.stories.stories.size },
      mentioning,
    });
    if (this.currentId && this.collection.has(this.currentId) && this.view === 'library')
      this.library.select(this.currentId);
  }

  /** Mentions, corrections or the collection changed: the views that show entities catch up. */
  entitiesChanged() {
    if (this.view === 'reader' && this.currentId) this.readerEntities.refresh();
    if (this.view === 'entities') this.entityIndex.refresh();
    if (this.mentioning) this.loadMentioning();
  }

  // --- "Articles mentioning …" ----------------------------------------------------------------

  /**
   * The library's rows kept by the "Mentioning…" filter, and what its chip says. Until an index is
   * known no row is shown (the index is being made; showing every row first would mislead).
   */
  filterMentioning(rows) {
    const id = this.mentioning;
    if (!id) return { rows, mentioning: null };
    const entry = this.entities.entryOf(id);
    const name = entry?.name ?? id.replace(/^[A-Z]+:/u, '');
    if (!entry && !this.mentioningIndexed) {
      this.loadMentioning();
      return { rows: [], mentioning: { name, count: null, total: rows.length } };
    }
    const ids = new Set(this.entities.articlesMentioning(id));
    const kept = rows.filter((r) => ids.has(r.id));
    return { rows: kept, mentioning: { name, count: kept.length, total: rows.length } };
  }

  /** Makes (or remakes, after a change) the entity index, then filters the library by it. */
  loadMentioning() {
    if (this.mentioningRun) return;
    this.mentioningRun = this.entities
      .index()
      .then(
        () => {
          this.mentioningIndexed = true;
        },
        (error) => {
          this.mentioningIndexed = true; // filter by what is known (nothing): say why
          this.messages.show({
            kind: 'error',
            key: 'mentioning',
            text: `The articles mentioning an entity cannot be found: ${error?.message || error}.`,
          });
        },
      )
      .finally(() => {
        this.mentioningRun = null;
        if (this.mentioning && this.rows && !('importing' in this.root.dataset)) this.renderLibrary();
      });
  }

  /** Entities of the last index for the "Mentioning…" field's suggestions. */
  suggestMentioning(query) {
    return searchIndex(this.entities.lastIndex, query);
  }

  /** The user typed or picked a name in the "Mentioning…" field. */
  chooseMentioning(text) {
    const entry = entryForName(this.entities.lastIndex, text);
    if (!entry) {
      this.messages.show({
        kind: 'warning',
        key: 'mentioning',
        text: `No person, organisation, place or date named “${text}” is mentioned in the library.`,
      });
      return;
    }
    this.messages.dismissKey('mentioning');
    this.showMentioning(entry.entity);
  }

  /** The library, filtered to the articles mentioning an entity (null: not filtered). */
  showMentioning(id) {
    this.mentioning = id || null;
    const hash = libraryHash(this.mentioning);
    if (location.hash !== hash) history.pushState(null, '', hash);
    this.renderLibrary();
    this.showLibraryView();
  }

  setGroupVersions(on) {
    this.groupVersions = on;
    saveGroupVersions(on);
    this.renderLibrary();
  }

  /** The stories changed (stories.js): the library and the reader show them. */
  storiesChanged() {
    if (this.rows && !('importing' in this.root.dataset)) this.renderLibrary();
    this.annotations.changed(); // annotations are carried over between the versions of a story
    if (this.view === 'reader' && this.currentId) this.showReaderVersions(this.currentId);
  }

  showReaderVersions(id) {
    const story = this.stories.stories.storyOf(id);
    this.readerView.setVersions(id, this.stories.versionsOf(id), story ? story.members.length : 0);
  }

  setSort(sort) {
    this.sort = sort;
    saveSort(sort);
    this.renderLibrary();
  }

  /** Shows what the URL hash names. */
  route() {
    const r = parseHash(location.hash);
    if (r.view !== 'compare' && r.view !== 'variants') this.stories.cameFrom = null;
    if (r.view === 'annotations') {
      this.showAnnotationsView();
      return;
    }
    if (r.view === 'entities') {
      this.showEntitiesView();
      return;
    }
    if (r.view === 'compare' || r.view === 'variants') {
      this.showStoryView(r);
      return;
    }
    if (r.view === 'reader' && this.collection.has(r.id)) {
      this.showOriginal = r.original;
      this.showReader(r.id);
    } else {
      if (r.view === 'reader' && this.reader) {
        this.messages.show({
          kind: 'warning',
          key: 'route',
          text: 'The article in the link is not in this library.',
        });
        history.replaceState(null, '', LIBRARY_HASH);
      }
      const mentioning = (r.view === 'library' && r.mentioning) || null;
      if (mentioning !== this.mentioning) {
        this.mentioning = mentioning;
        if (this.rows) this.renderLibrary();
      }
      this.showLibraryView();
    }
  }

  openArticle(id, { replace = false } = {}) {
    if (!this.collection.has(id)) return;
    const hash = readerHash(id, false);
    this.showOriginal = false;
    if (replace) history.replaceState(null, '', hash);
    else history.pushState(null, '', hash);
    this.showReader(id);
  }

  showReader(id, { focus = true } = {}) {
    const record = this.collection.get(id);
    if (!record) return;
    const rows = this.rows ?? this.sortedRows();
    const index = rows.findIndex((r) => r.id === id);
    const wasReader = this.view === 'reader' && this.currentId === id;
    this.view = 'reader';
    this.currentId = id;
    this.library.selectedId = id;
    this.showOnly(this.readerView.el);
    const highlights = this.annotations.beforeShow(record);
    this.readerView.show(record, { index, total: rows.length, original: this.showOriginal, highlights });
    this.showReaderVersions(id);
    this.annotations.afterShow();
    this.readerEntities.refresh();
    this.root.dataset.view = 'reader';
    document.title = `${rowOf(record).displayTitle} — Lectern`;
    if (focus && !wasReader) {
      window.scrollTo(0, 0);
      this.readerView.focusTitle();
    }
  }

  showLibrary({ replace = false } = {}) {
    const hash = libraryHash(this.mentioning); // the filter stays until cleared
    if (replace) history.replaceState(null, '', hash);
    else if (location.hash !== hash) history.pushState(null, '', hash);
    this.showLibraryView();
  }

  /** Shows one view's element and hides the others. */
  showOnly(el) {
    for (const v of [
      this.library.el,
      this.readerView.el,
      this.annotations.view.el,
      this.entityIndex.el,
      this.stories.compareView.el,
      this.stories.variantsView.el,
    ]) {
      v.hidden = v !== el;
    }
  }

  /** #compare=A,B or #variants=ID (stories/story-controller.js draws them). */
  showStoryView(r) {
    const compare = r.view === 'compare';
    const view = compare ? this.stories.compareView : this.stories.variantsView;
    const changed = this.view !== r.view;
    this.view = r.view;
    this.showOnly(view.el);
    this.root.dataset.view = r.view;
    document.title = `${compare ? 'Compare versions' : 'All versions'} — Lectern`;
    // The article the user came from stays the current one (the library selects it on the way back).
    const shown = compare ? [r.a, r.b] : [r.id];
    if (!shown.includes(this.currentId) && this.collection.has(shown[0])) this.currentId = shown[0];
    if (compare) this.stories.showCompare(r.a, r.b);
    else this.stories.showVariants(r.id);
    window.scrollTo(0, 0);
    if (changed || compare) view.focusHeading();
  }

  showLibraryView() {
    const fromReader = this.view !== 'library' && this.view !== 'annotations' && this.view !== 'entities';
    this.view = 'library';
    this.showOnly(this.library.el);
    this.root.dataset.view = 'library';
    document.title = 'Lectern';
    if (!this.rows) this.renderLibrary();
    if (fromReader) window.scrollTo(0, this.libraryScroll ?? 0);
    this.library.shown();
    if (this.currentId && this.collection.has(this.currentId)) this.library.select(this.currentId);
    if (fromReader) this.library.focusSelected();
  }

  showAnnotations() {
    if (location.hash !== ANNOTATIONS_HASH) history.pushState(null, '', ANNOTATIONS_HASH);
    this.showAnnotationsView();
  }

  showAnnotationsView() {
    this.view = 'annotations';
    this.showOnly(this.annotations.view.el);
    this.root.dataset.view = 'annotations';
    document.title = 'Annotations — Lectern';
    this.annotations.renderCollection({ opening: true });
    window.scrollTo(0, 0);
    this.annotations.view.focusTitle();
  }

  showEntities() {
    if (location.hash !== ENTITIES_HASH) history.pushState(null, '', ENTITIES_HASH);
    this.showEntitiesView();
  }

  showEntitiesView() {
    const changed = this.view !== 'entities';
    this.view = 'entities';
    this.showOnly(this.entityIndex.el);
    this.root.dataset.view = 'entities';
    document.title = 'Entities — Lectern';
    this.entityIndex.shown();
    if (changed) {
      window.scrollTo(0, 0);
      this.entityIndex.focusTitle();
    }
  }

  step(delta) {
    const rows = this.rows ?? this.sortedRows();
    const index = rows.findIndex((r) => r.id === this.currentId);
    const next = rows[index + delta];
    if (next) this.openArticle(next.id, { replace: true });
  }

  toggleOriginal() {
    if (this.view !== 'reader') return;
    this.showOriginal = !this.showOriginal;
    history.replaceState(null, '', readerHash(this.currentId, this.showOriginal));
    this.readerView.setOriginal(this.showOriginal);
  }

  anyDialogOpen() {
    return Boolean(this.root.querySelector('dialog[open]'));
  }

  // --- Global input ---------------------------------------------------------------------------

  installGlobalHandlers() {
    window.addEventListener('hashchange', () => this.route());
    window.addEventListener('popstate', () => this.route());
    window.addEventListener(
      'scroll',
      () => {
        if (this.view === 'library') this.libraryScroll = window.scrollY;
      },
      { passive: true },
    );
    document.addEventListener('keydown', (e) => handleKey(this, e));
    document.addEventListener('paste', (e) => this.handlePaste(e));
    this.dropZone.install(window);
    // A page left for good (a reload, a closed tab) lets go of its library at once: see release.
    window.addEventListener('pagehide', (e) => {
      if (!e.persisted) this.release();
    });
  }

  /**
   * Lets go of the articles, annotations, library rows and stories in memory (storage keeps them).
   * In Firefox a page left is freed by the cycle collector, which walks all the old page still
   * reaches, in one pause on the page that follows in the same process: 0.4-1.9 s at 100,000
   * articles (RELIABILITY.md, sessions 16 and 18).
   */
  release() {
    this.collection.clear();
    this.annotations.book?.records.clear();
    this.rows = null;
    this.library.rows = [];
    this.stories.release();
  }

  handlePaste(e) {
    if (isEditable(e.target) || this.anyDialogOpen()) return;
    const data = e.clipboardData;
    if (!data) return;
    const files = [...(data.files || [])];
    if (files.length) {
      e.preventDefault();
      this.importFiles(files.map((file) => ({ file, name: file.name || 'Pasted file' })));
      return;
    }
    const text = data.getData('text/plain');
    if (text && text.trim()) {
      e.preventDefault();
      this.importText(text);
    }
  }
}
