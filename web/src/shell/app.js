// The application: state (collection, sort, view), and the wiring of storage, the core (in a Web
// Worker when possible: worker-client.js), the importer and the views. Built once by main.js.
import { Collection } from '../library/collection.js';
import { readBlobBytes } from '../core/core.js';
import { startReader } from '../core/worker-client.js';
import { importInputs, textInput } from '../import/importer.js';
import { isValidRecord, rowOf } from '../library/records.js';
import { sortRows, nextSort } from '../library/sorting.js';
import { parseHash, readerHash, LIBRARY_HASH, ANNOTATIONS_HASH } from './router.js';
import { groupRows } from '../stories/stories.js';
import { commandFor } from './keys.js';
import { INITIALISED_KEY, parseSeeds, shouldLoadSeeds } from '../library/seeds.js';
import { openStore, describeStorageError } from '../storage/store.js';
import { duplicatesNotice, groupByFile, importSummary, problemText } from '../import/problems.js';
import { pastedFileName, plural, truncate } from './format.js';
import { h, icon, ICONS, isControl, isEditable } from './dom.js';
import { LibraryView } from '../library/library-view.js';
import { ReaderView } from '../reader/reader-view.js';
import { MessageList } from './messages.js';
import { ProgressView } from './progress.js';
import { ConfirmDialog, PasteDialog, ShortcutsDialog } from './dialogs.js';
import { DropZone } from '../import/dropzone.js';
import { AnnotationController } from '../annotations/ui/annotation-controller.js';
import { StoryController } from '../stories/story-controller.js';

const SORT_KEY = 'lectern.sort';
const GROUP_KEY = 'lectern.groupVersions';

export class App {
  constructor({ root, seedsJson }) {
    this.root = root;
    this.seeds = parseSeeds(seedsJson);
    this.collection = new Collection();
    this.store = null;
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
    this.storageWarned = false;
    this.replaceSeedsAfterImport = false;
    this.buildShell();
  }

  // --- Layout ---------------------------------------------------------------------------------

  buildShell() {
    this.fileInput = h('input', {
      type: 'file',
      multiple: true,
      id: 'import-input',
      class: 'visually-hidden',
      'data-testid': 'import-input',
      'aria-label': 'Import files',
      tabindex: '-1',
      onchange: () => {
        const files = [...this.fileInput.files].map((file) => ({ file, name: file.name }));
        this.fileInput.value = '';
        if (files.length) this.importFiles(files);
      },
      oncancel: () => {
        this.replaceSeedsAfterImport = false;
      },
    });
    this.storageStatus = h(
      'span',
      { class: 'storage-status', 'data-testid': 'storage-status' },
      'Opening storage…',
    );
    this.versionText = h('span', { class: 'core-version', 'data-testid': 'core-version' });
    this.loading = h(
      'div',
      { class: 'loading', 'data-testid': 'loading', role: 'status' },
      h('span', { class: 'spinner', 'aria-hidden': 'true' }),
      'Starting the reader…',
    );

    this.messages = new MessageList();
    this.progress = new ProgressView();
    this.pasteDialog = new PasteDialog((text) => this.importText(text));
    this.shortcutsDialog = new ShortcutsDialog();
    this.confirmDialog = new ConfirmDialog();
    this.annotations = new AnnotationController({
      collection: this.collection,
      messages: this.messages,
      view: () => this.view,
      currentId: () => this.currentId,
      openArticle: (id) => this.openArticle(id),
      showAnnotations: () => this.showAnnotations(),
      showLibrary: () => this.showLibrary(),
      setAnnotationCount: (n) => this.setAnnotationCount(n),
      updateStorageStatus: (failed) => this.updateStorageStatus(failed),
      sameStory: (a, b) => this.stories.stories.sameStory(a, b),
    });
    this.stories = new StoryController({
      collection: this.collection,
      messages: this.messages,
      progress: this.progress,
      root: this.root,
      reader: () => this.reader,
      readerReady: this.readerReady,
      openArticle: (id) => this.openArticle(id),
      storiesChanged: () => this.storiesChanged(),
      route: () => this.route(),
      showLibrary: () => this.showLibrary(),
    });
    this.library = new LibraryView({
      compare: (a, b) => this.stories.openCompare(a, b),
      variants: (id) => this.stories.openVariants(id),
      toggleGrouping: () => this.setGroupVersions(!this.groupVersions),
      open: (id) => this.openArticle(id),
      remove: (id) => this.removeArticles([id]),
      sort: (column) => this.setSort(nextSort(this.sort, column)),
      select: (id) => {
        this.currentId = id;
      },
      chooseFiles: () => this.chooseFiles(),
      pasteText: () => this.pasteDialog.open(),
      removeAll: () => this.confirmRemoveAll(),
      removeSeeds: () => this.removeSeeds(),
      replaceSeeds: () => {
        this.replaceSeedsAfterImport = true;
        this.chooseFiles();
      },
      loadSeeds: () => this.loadSeeds({ manual: true }),
    });
    this.readerView = new ReaderView(
      {
        back: () => this.showLibrary(),
        next: () => this.step(1),
        previous: () => this.step(-1),
        toggleOriginal: () => this.toggleOriginal(),
        remove: (id) => this.removeArticles([id]),
        toggleSidebar: () => this.annotations.toggleSidebar(),
        compare: (a, b) => this.stories.openCompare(a, b),
        variants: (id) => this.stories.openVariants(id),
      },
      this.annotations.sidebar.el,
    );
    this.annotations.attachReader(this.readerView);
    this.dropZone = new DropZone({
      files: (inputs) => this.importFiles(inputs),
      text: (text) => this.importText(text),
      enabled: () => !this.anyDialogOpen(),
    });

    const header = h(
      'header',
      { class: 'topbar' },
      h(
        'div',
        { class: 'topbar-inner' },
        h('a', { class: 'skip-link', href: '#main' }, 'Skip to content'),
        h(
          'div',
          { class: 'brand' },
          h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'L'),
          h('span', { class: 'brand-name' }, 'Lectern'),
          h('span', { class: 'brand-tagline wide-only' }, 'a reader for news collections'),
        ),
        h(
          'div',
          { class: 'topbar-actions' },
          h(
            'button',
            {
              type: 'button',
              class: 'button primary',
              'data-testid': 'import-button',
              onclick: () => this.chooseFiles(),
            },
            icon(ICONS.upload),
            'Import files…',
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'button',
              'data-testid': 'paste-button',
              onclick: () => this.pasteDialog.open(),
            },
            icon(ICONS.paste),
            'Paste text…',
          ),
          (this.annotationsButton = h(
            'button',
            {
              type: 'button',
              class: 'button',
              'data-testid': 'annotations-button',
              onclick: () => this.showAnnotations(),
              title: 'Every annotation in the collection: search, filters, import and export',
              'aria-label': 'Annotations',
            },
            icon(ICONS.note),
            h('span', { class: 'wide-only' }, 'Annotations'),
            (this.annotationCount = h(
              'span',
              { class: 'count-badge', 'data-testid': 'annotation-count' },
              '0',
            )),
          )),
          h(
            'button',
            {
              type: 'button',
              class: 'button quiet',
              'data-testid': 'shortcuts-button',
              'aria-label': 'Keyboard shortcuts',
              title: 'Keyboard shortcuts (?)',
              onclick: () => this.shortcutsDialog.open(),
            },
            icon(ICONS.keyboard),
            h('span', { class: 'wide-only' }, 'Shortcuts'),
          ),
          this.fileInput,
        ),
      ),
    );
    this.main = h(
      'main',
      { id: 'main', tabindex: '-1' },
      this.loading,
      this.library.el,
      this.readerView.el,
      this.annotations.view.el,
      this.stories.compareView.el,
      this.stories.variantsView.el,
    );
    const footer = h(
      'footer',
      { class: 'footer' },
      h('span', {}, 'Lectern reads everything on this computer; nothing is sent anywhere.'),
      this.storageStatus,
      this.versionText,
    );
    this.root.replaceChildren(
      header,
      h('div', { class: 'notices' }, this.progress.el, this.messages.el),
      this.main,
      footer,
      this.dropZone.el,
      this.pasteDialog.el,
      this.shortcutsDialog.el,
      this.confirmDialog.el,
      ...this.annotations.floating,
    );
    this.library.el.hidden = true;
  }

  // --- Startup --------------------------------------------------------------------------------

  async start() {
    this.installGlobalHandlers();
    this.store = await openStore();
    let records = [];
    try {
      records = (await this.store.loadAll()).filter(isValidRecord);
    } catch (error) {
      this.storageFailed(error, 'read');
    }
    for (const r of records) this.collection.add(r);
    await this.annotations.load(this.store);
    this.updateStorageStatus();
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
      this.reader = await startReader();
      this.readerLoaded.resolve(this.reader);
      this.versionText.textContent = `core ${this.reader.version()}`;
      await this.addContentHashes(records);
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

    let initialised = false;
    try {
      initialised = Boolean(await this.store.getMeta(INITIALISED_KEY));
    } catch (error) {
      this.storageFailed(error, 'read');
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

  setAnnotationCount(n) {
    this.annotationCount.textContent = String(n);
    this.annotationCount.hidden = n === 0;
    this.annotationsButton.setAttribute('aria-label', n ? `Annotations (${n})` : 'Annotations');
  }

  async setInitialised() {
    try {
      await this.store.setMeta(INITIALISED_KEY, true);
    } catch (error) {
      this.storageFailed(error);
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
    this.queue = run.catch(() => {});
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
    try {
      result = await importInputs(inputs, {
        reader: this.reader,
        collection: this.collection,
        seed,
        onProgress: (p) => this.progress.update(p),
        onAdded: async (records) => {
          await this.persist(records);
          if (performance.now() - lastRender > 400) {
            this.renderLibrary({ windowed: true });
            lastRender = performance.now();
          }
        },
      });
    } finally {
      document.body.removeAttribute('aria-busy');
      delete this.root.dataset.importing;
      this.progress.update({ done: true });
      this.stories.importEnded(result?.added.length ?? 0);
    }
    let replaced = 0;
    if (replaceSeeds && result.added.length > 0) {
      const seeds = this.collection.seeds().map((r) => r.id);
      if (seeds.length) replaced = (await this.removeArticles(seeds, { quiet: true })).length;
    }
    this.renderLibrary();
    this.reportImport(result, { quiet, pasted });
    if (result.added.length) this.annotations.articlesAdded(result.added.map((r) => r.id)); // orphans may find their article
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

  reportImport(result, { quiet, pasted }) {
    const groups = groupByFile(result.problems);
    // The summary first, then what went wrong, file by file.
    if (pasted && result.added.length === 1) {
      const id = result.added[0].id;
      this.messages.show({
        kind: 'success',
        key: 'import',
        text: `Added the pasted text as “${truncate(rowOf(result.added[0]).displayTitle, 80)}”.`,
        action: { label: 'Open it', run: () => this.openArticle(id) },
      });
    } else if (!(quiet && !groups.length) && !(pasted && !result.added.length)) {
      this.messages.show({
        kind: result.added.length ? 'success' : 'info',
        key: 'import',
        text: importSummary({
          added: result.added.length,
          duplicates: result.duplicates.length,
          files: result.fileCount,
          problemFiles: groups.length,
        }),
      });
    }
    for (const group of groups) {
      const key = `problem:${group.file}`;
      if (group.problems.length === 1) {
        this.messages.show({ kind: 'error', key, text: problemText(group.problems[0]) });
      } else {
        this.messages.show({
          kind: 'error',
          key,
          text: `${group.file}: ${plural(group.problems.length, 'problem')}; everything else in the file was imported.`,
          details: group.problems.map((p) => [p.where, p.message].filter(Boolean).join(': ')),
          detailsLabel: `Show the ${plural(group.problems.length, 'problem')}`,
        });
      }
    }
    const dupsByFile = new Map();
    for (const d of result.duplicates) {
      if (!dupsByFile.has(d.file)) dupsByFile.set(d.file, []);
      dupsByFile.get(d.file).push(d);
    }
    for (const [file, dups] of dupsByFile) {
      this.messages.show({
        kind: 'warning',
        key: `duplicate:${file}`,
        text: duplicatesNotice(pasted ? 'Pasted text' : file, dups.length, truncate(dups[0].title, 80)),
        action: dups.length === 1 ? { label: 'Show it', run: () => this.openArticle(dups[0].id) } : null,
      });
    }
  }

  // --- Storage --------------------------------------------------------------------------------

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
    } catch (error) {
      this.storageFailed(error);
    }
  }

  storageFailed(error, action = 'write') {
    this.storageWarned = true;
    this.updateStorageStatus(true);
    this.messages.show({
      kind: 'warning',
      key: 'storage',
      text:
        action === 'read'
          ? `Lectern could not read the articles saved in this browser: ${describeStorageError(error, action)}.`
          : `Lectern could not save to this browser's storage: ${describeStorageError(error, action)}. Everything imported is still here until you close or reload the page; remove articles you no longer need to make room.`,
    });
  }

  updateStorageStatus(failed = this.storageWarned) {
    const persistent = Boolean(this.store?.persistent);
    const unsaved = Boolean(this.annotations?.book?.hasUnsaved);
    this.storageStatus.textContent = !persistent
      ? 'Not saved: storage unavailable'
      : failed || unsaved
        ? 'Storage failed: recent changes may not be saved'
        : 'Saved in this browser';
    this.storageStatus.classList.toggle('warn', !persistent || failed);
  }

  // --- Removing -------------------------------------------------------------------------------

  async removeArticles(ids, { quiet = false } = {}) {
    const hadFocus = this.library.el.contains(document.activeElement);
    const removed = ids.map((id) => this.collection.remove(id)).filter(Boolean);
    if (!removed.length) return [];
    const wasCurrent = this.view === 'reader' && removed.some((r) => r.id === this.currentId);
    let nextId = null;
    if (wasCurrent || removed.some((r) => r.id === this.library.selectedId)) {
      const rows = this.sortedRows(true, removed);
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
    } catch (error) {
      this.storageFailed(error);
    }
    this.stories.collectionChanged({ removed: removed.map((r) => r.id) });
    this.renderLibrary();
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
    this.renderLibrary();
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
    } catch (error) {
      this.storageFailed(error);
    }
    await this.setInitialised();
    this.stories.collectionChanged({ removed: removed.map((r) => r.id) });
    this.renderLibrary();
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

  /** @param {{windowed?: boolean}} [options]  windowed: during an import (see LibraryView#render) */
  renderLibrary({ windowed = false } = {}) {
    const sorted = this.sortedRows();
    // A story's versions sit together, where the first of them is in the sort order.
    const rows = this.groupVersions ? groupRows(sorted, this.stories.stories) : sorted;
    this.rows = rows;
    this.library.render(rows, this.sort, {
      seedCount: rows.filter((r) => r.seed).length,
      windowed,
      grouping: { on: this.groupVersions, stories: this.stories.stories.size },
    });
    if (this.currentId && this.collection.has(this.currentId) && this.view === 'library')
      this.library.select(this.currentId);
  }

  setGroupVersions(on) {
    this.groupVersions = on;
    try {
      localStorage.setItem(GROUP_KEY, on ? '1' : '0');
    } catch {
      /* not important */
    }
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
    try {
      localStorage.setItem(SORT_KEY, JSON.stringify(sort));
    } catch {
      /* not important */
    }
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
    this.root.dataset.view = 'reader';
    document.title = `${rowOf(record).displayTitle} — Lectern`;
    if (focus && !wasReader) {
      window.scrollTo(0, 0);
      this.readerView.focusTitle();
    }
  }

  showLibrary({ replace = false } = {}) {
    if (replace) history.replaceState(null, '', LIBRARY_HASH);
    else if (location.hash !== LIBRARY_HASH) history.pushState(null, '', LIBRARY_HASH);
    this.showLibraryView();
  }

  /** Shows one view's element and hides the others. */
  showOnly(el) {
    for (const v of [
      this.library.el,
      this.readerView.el,
      this.annotations.view.el,
      this.stories.compareView.el,
      this.stories.variantsView.el,
    ]) {
      v.hidden = v !== el;
    }
  }

  /** #compare=A,B or #variants=ID (ui/story-controller.js draws them). */
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
    const fromReader = this.view !== 'library' && this.view !== 'annotations';
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
    this.annotations.renderCollection();
    window.scrollTo(0, 0);
    this.annotations.view.focusTitle();
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
    document.addEventListener('keydown', (e) => this.handleKey(e));
    document.addEventListener('paste', (e) => this.handlePaste(e));
    this.dropZone.install(window);
  }

  handleKey(e) {
    if (e.defaultPrevented || e.isComposing) return;
    const target = e.target;
    if (e.key === 'Escape' && this.annotations.toolbar.shown && !this.anyDialogOpen()) {
      this.annotations.toolbar.hide();
      if (this.annotations.attaching) this.annotations.cancelAttach();
      e.preventDefault();
      return;
    }
    const command = commandFor(e, {
      view: this.view,
      editable: isEditable(target),
      control: isControl(target),
      dialogOpen: this.anyDialogOpen(),
      onHighlight: Boolean(target?.classList?.contains('hl')),
      onSentence: Boolean(target?.classList?.contains('sentence')),
    });
    if (!command) return;
    const handled = this.run(command);
    if (handled !== false) e.preventDefault();
  }

  run(command) {
    switch (command) {
      case 'help':
        this.shortcutsDialog.open();
        return true;
      case 'next':
        return this.view === 'library' ? this.library.move(1) : this.step(1);
      case 'previous':
        return this.view === 'library' ? this.library.move(-1) : this.step(-1);
      case 'first':
        return this.library.move('first');
      case 'last':
        return this.library.move('last');
      case 'open':
        if (this.library.selectedId) this.openArticle(this.library.selectedId);
        return true;
      case 'remove':
        if (this.library.selectedId) this.removeArticles([this.library.selectedId]);
        return true;
      case 'back':
        if (this.view === 'compare' || this.view === 'variants') this.stories.back();
        else this.showLibrary();
        return true;
      case 'next-change':
        return this.view === 'compare' ? this.stories.stepChange(1) : this.stories.variantsView.step(1);
      case 'previous-change':
        return this.view === 'compare' ? this.stories.stepChange(-1) : this.stories.variantsView.step(-1);
      case 'swap':
        this.stories.swap();
        return true;
      case 'toggle-original':
        this.toggleOriginal();
        return true;
      case 'next-sentence':
        return this.readerView.moveSentence(1);
      case 'previous-sentence':
        return this.readerView.moveSentence(-1);
      case 'undo':
        if (this.view === 'library') return false;
        this.annotations.undo();
        return true;
      case 'redo':
        if (this.view === 'library') return false;
        this.annotations.redo();
        return true;
      case 'tag':
        return this.annotations.openEditor('tags');
      case 'note':
        return this.annotations.openEditor('note');
      case 'sidebar':
        return this.annotations.focusSidebar();
      case 'highlight-card':
        return this.annotations.openCard(document.activeElement);
      case 'delete-highlight':
        return this.annotations.deleteFocused();
      case 'highlight-back':
        return this.annotations.highlightBack();
      case 'sentence-card':
        return this.annotations.openSentenceCard(document.activeElement);
      default:
        if (command.startsWith('tag-')) return this.annotations.quickTag(Number(command.slice(4)));
        return false;
    }
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

  // --- For window.lectern ---------------------------------------------------------------------

  /** @param {{name: string, text: string|Uint8Array|ArrayBuffer}[]} items */
  async loadArticles(items) {
    const inputs = items.map((it, i) => textInput(String(it?.name ?? `input-${i + 1}.txt`), it?.text ?? ''));
    const result = await this.runImport(inputs, {});
    return (result?.results ?? []).map(({ id, title, added }) => ({ id, title, added }));
  }

  /** One article with its body (for window.lectern.article), or null. */
  article(id) {
    const r = this.collection.get(String(id));
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

  articles() {
    return this.collection
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

  async removeArticle(id) {
    const removed = await this.removeArticles([id]);
    return removed.length > 0;
  }
}

function loadGroupVersions() {
  try {
    return localStorage.getItem(GROUP_KEY) !== '0';
  } catch {
    return true;
  }
}

function loadSort() {
  try {
    const s = JSON.parse(localStorage.getItem(SORT_KEY) || 'null');
    if (
      s &&
      (s.column === null || typeof s.column === 'string') &&
      (s.direction === 'ascending' || s.direction === 'descending')
    )
      return s;
  } catch {
    /* storage may be unavailable */
  }
  return { column: null, direction: 'ascending' };
}
