// The page's layout: the views and controllers the app is made of, wired to it, in the page's
// elements (top bar, notices, the views, footer, dialogs). Called once by the App's constructor.
import { h } from './dom.js';
import { buildTopbar } from './topbar.js';
import { MessageList } from './messages.js';
import { StorageStatus } from '../storage/storage-status.js';
import { ProgressView } from './progress.js';
import { ConfirmDialog, PasteDialog, ShortcutsDialog } from './dialogs.js';
import { DropZone } from '../import/dropzone.js';
import { LibraryView } from '../library/library-view.js';
import { ReaderView } from '../reader/reader-view.js';
import { nextSort } from '../library/sorting.js';
import { AnnotationController } from '../annotations/ui/annotation-controller.js';
import { StoryController } from '../stories/story-controller.js';
import { EntityController } from '../entities/entity-controller.js';
import { EntityIndexView } from '../entities/entity-index-view.js';
import { mergeEntity } from '../entities/merge.js';
import { ReaderEntities } from '../entities/reader-entities.js';

/** @param {import('./app.js').App} app */
export function buildShell(app) {
  app.fileInput = h('input', {
    type: 'file',
    multiple: true,
    id: 'import-input',
    class: 'visually-hidden',
    'data-testid': 'import-input',
    'aria-label': 'Import files',
    tabindex: '-1',
    onchange: () => {
      const files = [...app.fileInput.files].map((file) => ({ file, name: file.name }));
      app.fileInput.value = '';
      if (files.length) app.importFiles(files);
    },
    oncancel: () => {
      app.replaceSeedsAfterImport = false;
    },
  });
  app.versionText = h('span', { class: 'core-version', 'data-testid': 'core-version' });
  app.loading = h(
    'div',
    { class: 'loading', 'data-testid': 'loading', role: 'status' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    'Starting the reader…',
  );

  app.messages = new MessageList();
  app.storage = new StorageStatus({
    messages: app.messages,
    store: () => app.store,
    unsaved: () => Boolean(app.annotations?.book?.hasUnsaved),
  });
  app.progress = new ProgressView();
  app.pasteDialog = new PasteDialog((text) => app.importText(text));
  app.shortcutsDialog = new ShortcutsDialog();
  app.confirmDialog = new ConfirmDialog();
  app.annotations = new AnnotationController({
    collection: app.collection,
    messages: app.messages,
    view: () => app.view,
    currentId: () => app.currentId,
    openArticle: (id) => app.openArticle(id),
    showAnnotations: () => app.showAnnotations(),
    showLibrary: () => app.showLibrary(),
    setAnnotationCount: (n) => app.setAnnotationCount(n),
    storage: app.storage,
    sameStory: (a, b) => app.stories.stories.sameStory(a, b),
    annotationsChanged: () => app.entities.annotationsChanged(),
    markEntity: (range, rect) => app.readerEntities.markSelection(range, rect),
    importJournal: app.annotationJournal,
  });
  app.entities = new EntityController({
    collection: app.collection,
    core: () => app.readerReady,
    book: () => app.annotations.book,
    persist: (records) => app.persist(records),
    changed: () => app.entitiesChanged(),
  });
  app.entityIndex = new EntityIndexView({
    index: () => app.entities.index(),
    records: () => app.collection.list(),
    merge: async (entry, into) => {
      await mergeEntity(app.entities, app.collection, entry, into);
    },
    back: () => app.showLibrary(),
  });
  app.stories = new StoryController({
    collection: app.collection,
    messages: app.messages,
    progress: app.progress,
    root: app.root,
    reader: () => app.reader,
    readerReady: app.readerReady,
    openArticle: (id) => app.openArticle(id),
    storiesChanged: () => app.storiesChanged(),
    route: () => app.route(),
    showLibrary: () => app.showLibrary(),
  });
  app.library = new LibraryView({
    compare: (a, b) => app.stories.openCompare(a, b),
    variants: (id) => app.stories.openVariants(id),
    toggleGrouping: () => app.setGroupVersions(!app.groupVersions),
    open: (id) => app.openArticle(id),
    remove: (id) => app.removeArticles([id]),
    sort: (column) => app.setSort(nextSort(app.sort, column)),
    select: (id) => {
      app.currentId = id;
    },
    chooseFiles: () => app.chooseFiles(),
    pasteText: () => app.pasteDialog.open(),
    removeAll: () => app.confirmRemoveAll(),
    removeSeeds: () => app.removeSeeds(),
    replaceSeeds: () => {
      app.replaceSeedsAfterImport = true;
      app.chooseFiles();
    },
    loadSeeds: () => app.loadSeeds({ manual: true }),
    mentioning: {
      suggest: (query) => app.suggestMentioning(query),
      load: () => app.entities.index(),
      choose: (text) => app.chooseMentioning(text),
      clear: () => app.showMentioning(null),
    },
  });
  app.readerView = new ReaderView(
    {
      back: () => app.showLibrary(),
      next: () => app.step(1),
      previous: () => app.step(-1),
      toggleOriginal: () => app.toggleOriginal(),
      remove: (id) => app.removeArticles([id]),
      toggleSidebar: () => app.annotations.toggleSidebar(),
      compare: (a, b) => app.stories.openCompare(a, b),
      variants: (id) => app.stories.openVariants(id),
      original: (record) => app.store?.getOriginal(record.id),
    },
    app.annotations.sidebar.el,
  );
  app.annotations.attachReader(app.readerView);
  app.readerEntities = new ReaderEntities({
    reader: app.readerView,
    entities: app.entities,
    currentRecord: () => (app.view === 'reader' ? (app.collection.get(app.currentId) ?? null) : null),
    messages: app.messages,
  });
  app.dropZone = new DropZone({
    files: (inputs) => app.importFiles(inputs),
    text: (text) => app.importText(text),
    enabled: () => !app.anyDialogOpen(),
  });

  const { header, annotationsButton, annotationCount, entitiesButton } = buildTopbar({
    chooseFiles: () => app.chooseFiles(),
    paste: () => app.pasteDialog.open(),
    showAnnotations: () => app.showAnnotations(),
    showEntities: () => app.showEntities(),
    shortcuts: () => app.shortcutsDialog.open(),
    fileInput: app.fileInput,
  });
  app.annotationsButton = annotationsButton;
  app.annotationCount = annotationCount;
  app.entitiesButton = entitiesButton;
  app.main = h(
    'main',
    { id: 'main', tabindex: '-1' },
    app.loading,
    app.library.el,
    app.readerView.el,
    app.annotations.view.el,
    app.entityIndex.el,
    app.stories.compareView.el,
    app.stories.variantsView.el,
  );
  const footer = h(
    'footer',
    { class: 'footer' },
    h('span', {}, 'Lectern reads everything on this computer; nothing is sent anywhere.'),
    app.storage.el,
    app.versionText,
  );
  app.root.replaceChildren(
    header,
    h('div', { class: 'notices' }, app.progress.el, app.messages.el),
    app.main,
    footer,
    app.dropZone.el,
    app.pasteDialog.el,
    app.shortcutsDialog.el,
    app.confirmDialog.el,
    ...app.annotations.floating,
    ...app.readerEntities.floating,
  );
  app.library.el.hidden = true;
}
