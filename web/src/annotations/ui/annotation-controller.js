// Annotations in the page: joins the bookkeeping (annotations.js) to the reader (highlights, the
// selection toolbar, the editor, the card, the sidebar: annotation-views.js) and the collection
// view; files in and out: annotation-transfer.js; orphans attached by hand: orphan-attach.js.
import { AnnotationBook } from '../annotations.js';
import { startReader } from '../../core/worker-client.js';
import { tagsOf, viewOf } from '../annotation-model.js';
import { loadSidebarShown, saveSidebarShown } from '../annotation-user.js';
import { collectionListing } from '../collection-listing.js';
import { UserName } from './user-name.js';
import { tabBus } from '../tab-bus.js';
import { AnnotationTransfer } from './annotation-transfer.js';
import { buildAnnotationViews } from './annotation-views.js';
import { OrphanAttach } from './orphan-attach.js';
import { rowOf } from '../../library/records.js';
import { plural, truncate } from '../../shell/format.js';
import { DEFAULT_COLOR } from '../tags.js';
import { ReaderView } from '../../reader/reader-view.js';
import { authorName, cardEntries, highlightColor, highlightLabel } from './annotation-card.js';
import { focusedElement } from '../../shell/dom.js';

/**
 * What the annotations need of the page.
 * @typedef {object} AnnotationDeps
 * @property {import('../../library/collection.js').Collection} collection
 * @property {import('../../shell/messages.js').MessageList} messages
 * @property {() => string} view  the view shown: library | reader | annotations | compare | variants
 * @property {() => string|null} currentId  the article in the reader (or last shown)
 * @property {(id: string) => void} openArticle
 * @property {() => void} showAnnotations
 * @property {() => void} showLibrary
 * @property {(n: number) => void} setAnnotationCount  the top bar's count
 * @property {import('../../storage/storage-status.js').StorageStatus} storage  says when storage fails
 * @property {(a: string, b: string) => boolean} sameStory  two articles are versions of one story
 *   (the library's story clusters): annotations are carried over between them
 * @property {() => void} annotationsChanged  the book changed (entity corrections live in it too)
 * @property {(range: {record: object, start: number, end: number}, rect: DOMRect) => void} markEntity
 *   the selection toolbar's "Entity…": which type of entity the selected text is (entities/)
 * @property {import('../../import/import-journal.js').ImportJournal} [importJournal]  annotation
 *   files' imports, so that one a reload cuts short is said at the next start (shell/app.js)
 */

export class AnnotationController {
  /** @param {AnnotationDeps} deps */
  constructor(deps) {
    this.deps = deps;
    /** @type {AnnotationBook|null} */
    this.book = null;
    /** @type {ReaderView|null} set by attachReader */
    this.reader = null;
    this.core = null;
    this.you = new UserName({
      messages: deps.messages,
      view: () => this.view,
      showAnnotations: () => deps.showAnnotations(),
    });
    this.transfer = new AnnotationTransfer({
      book: () => this.book,
      messages: deps.messages,
      articles: deps.collection,
      showAnnotations: () => deps.showAnnotations(),
      imported: () => this.render(),
      journal: deps.importJournal,
    });
    this.sidebarShown = loadSidebarShown();
    this.attach = new OrphanAttach({
      book: () => this.book,
      messages: deps.messages,
      collection: deps.collection,
      openArticle: (id) => deps.openArticle(id),
      toolbar: () => this.toolbar,
      currentRecord: () => this.currentRecord(),
      selectedRange: () => this.reader.selectedRange(),
      changed: () => this.renderCollection(),
      attached: (id) => {
        this.renderReader();
        this.jumpTo(id);
      },
      undo: () => this.undo(),
    });
    this.jumpedFrom = null;
    this.renderQueued = false;
    const views = buildAnnotationViews(this);
    this.sidebar = views.sidebar;
    this.toolbar = views.toolbar;
    this.editor = views.editor;
    this.card = views.card;
    this.tooltip = views.tooltip;
    this.view = views.view;
    this.view.setName(this.you.user.name);
  }

  /** Elements that live outside the views (positioned over the page). */
  get floating() {
    return [this.toolbar.el, this.editor.el, this.card.el, this.tooltip.el];
  }

  // --- Startup ---------------------------------------------------------------------------------

  /** @param {object} store  where the annotations are kept (storage/store.js) */
  async load(store) {
    this.book = new AnnotationBook({
      call: (fn, ...args) => this.call(fn, ...args),
      anchor: async (...args) => (await this.coreReader()).anchor(...args),
      store,
      articles: this.deps.collection,
      user: () => this.you.user,
      bus: tabBus((m) => {
        if (!this.book || !m) return;
        if (m.type === 'annotations' && Array.isArray(m.ids)) this.book.receive(m.ids);
        else if (m.type === 'tags') this.book.receive('tags');
      }),
      sameStory: (a, b) => this.deps.sameStory(a, b),
      onChange: () => this.changed(),
      onStorageError: (error, action) =>
        this.deps.storage.annotationsFailed(error, action, () =>
          this.transfer.exportAs({ format: 'jsonld' }),
        ),
    });
    await this.book.load();
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.book.reload();
    });
  }

  /** Starts the annotation core (its own worker) ahead of the first use. */
  warm() {
    if (!this.core) this.core = startReader();
    this.core.catch(() => {
      this.core = null;
    });
  }

  /** The core's JSON functions: a worker of its own, so annotating never waits for an import. */
  async call(fn, ...args) {
    return (await this.coreReader()).call(fn, ...args);
  }

  /** The annotations' core reader, started if need be. */
  async coreReader() {
    if (!this.core) this.warm();
    try {
      return await this.core;
    } catch (error) {
      this.core = null;
      throw error;
    }
  }

  // --- Rendering -------------------------------------------------------------------------------

  changed() {
    if (this.renderQueued) return;
    this.renderQueued = true;
    queueMicrotask(() => {
      this.renderQueued = false;
      this.render();
    });
  }

  render() {
    if (!this.book) return;
    if (this.deps.view() === 'reader') this.renderReader();
    if (this.deps.view() === 'annotations') this.renderCollection();
    this.deps.setAnnotationCount(this.book.live().length);
    this.deps.annotationsChanged();
  }

  colorOf = (name, fallback) =>
    this.book?.tags.has(name) ? this.book.tags.colorOf(name) : fallback || DEFAULT_COLOR;

  /** The highlights to draw on `record` (for ReaderView.show) and the sidebar's state. */
  placements(record) {
    const p = this.book.placementsFor(record);
    const highlights = p.highlights.map((x) => ({
      id: x.id,
      start: x.start,
      end: x.end,
      kind: x.kind,
      color: highlightColor(x.view, this.colorOf),
      label: highlightLabel(x.view, x.kind, x.from ? rowOf(x.from).displayTitle : ''),
    }));
    return { p, highlights };
  }

  /** Draws the current article's highlights and sidebar. */
  renderReader({ highlights = null, p = null } = {}) {
    const record = this.deps.collection.get(this.deps.currentId());
    if (!record || !this.book) return;
    if (!p) ({ p, highlights } = this.placements(record));
    if (highlights) this.reader.setHighlights(highlights);
    this.sidebar.render({
      items: p.highlights.map((x) => ({
        id: x.id,
        view: x.view,
        kind: x.kind,
        from: x.from,
        fromTitle: x.from ? truncate(rowOf(x.from).displayTitle, 70) : '',
        here: record.article.body.slice(x.start, x.end),
      })),
      missing: p.missing.map((m) => ({
        ...m,
        fromTitle: m.from ? truncate(rowOf(m.from).displayTitle, 70) : '',
      })),
      pending: p.pending,
      colorOf: this.colorOf,
      history: this.history(),
    });
    this.reader.setSidebarShown(this.sidebarShown, p.highlights.length);
  }

  /** For App.showReader: highlights to draw with the article, then the sidebar. */
  beforeShow(record) {
    if (!this.book) return null;
    this.card.close({ restore: false });
    this.tooltip.hide();
    this.toolbar.hide();
    const { p, highlights } = this.placements(record);
    this.pendingSidebar = p;
    return highlights;
  }

  afterShow() {
    if (!this.book) return;
    this.renderReader({ p: this.pendingSidebar ?? null });
    this.pendingSidebar = null;
  }

  history() {
    const hs = this.book.history;
    return { canUndo: hs.canUndo, canRedo: hs.canRedo, undoLabel: hs.undoLabel, redoLabel: hs.redoLabel };
  }

  toggleSidebar() {
    this.sidebarShown = !this.sidebarShown;
    saveSidebarShown(this.sidebarShown);
    this.renderReader();
  }

  focusSidebar() {
    if (!this.sidebarShown) this.toggleSidebar();
    this.sidebar.focusFirst();
    return true;
  }

  // --- Collection view -------------------------------------------------------------------------

  /**
   * Lists the collection in the annotations view. The listing is made in slices (100,000
   * annotations take a second or more); a render asked for meanwhile (a keystroke in the search)
   * supersedes it, and only the newest is drawn. Resolves when it is drawn or superseded.
   * @param {{opening?: boolean}} [o]  opening: the view is being opened (AnnotationsView#fillList)
   */
  async renderCollection({ opening = false } = {}) {
    if (!this.book) return;
    const run = (this.collectionRun = (this.collectionRun ?? 0) + 1);
    const listing = await collectionListing(this.book, this.deps.collection, this.you.user, {
      ...this.view.filters,
    });
    if (run !== this.collectionRun) return;
    await this.view.render({ ...listing, colorOf: this.colorOf, attaching: this.attach.id, opening });
  }

  /** Opens the article of annotation `id` and focuses its highlight. */
  openAt(id) {
    const r = this.book.get(id);
    const home = r && this.book.homeOf(r);
    if (!home?.article) return;
    this.deps.openArticle(home.article.id);
    requestAnimationFrame(() => this.jumpTo(id));
  }

  // --- The reader: selection, toolbar, editor, card --------------------------------------------

  /** Called on selectionchange (debounced) and pointer/key release in the reader. */
  selectionChanged() {
    if (this.deps.view() !== 'reader' || this.editor.isOpen || !this.book) {
      this.toolbar.hide();
      return;
    }
    const range = this.reader.selectedRange();
    if (!range) {
      this.toolbar.hide();
      return;
    }
    const rect = this.reader.selectionRect();
    if (!rect) return;
    this.card.close({ restore: false });
    this.tooltip.hide();
    const tags = this.book.tags
      .list()
      .slice(0, 9)
      .map((t) => ({ ...t, shortcut: this.book.tags.shortcutOf(t.name) }));
    const attach = this.attach.id
      ? { quote: viewOf(this.book.get(this.attach.id)?.annotation ?? {}).quote }
      : null;
    this.toolbar.show({ tags, attach }, rect);
  }

  /**
   * The range to annotate: the selection in the body, else the focused sentence (`element`).
   * @returns {{start: number, end: number, source: 'selection'|'sentence', element?: HTMLElement}|null}
   */
  targetRange() {
    const reader = this.reader;
    const selected = reader.selectedRange();
    if (selected) return { ...selected, source: 'selection' };
    const active = focusedElement();
    if (active?.classList?.contains('sentence') && reader.body.contains(active)) {
      const r = ReaderView.sentenceRange(active);
      if (r) return { ...r, source: 'sentence', element: active };
    }
    return null;
  }

  /** The annotation a focused highlight stands for (the innermost one there). */
  focusedAnnotation() {
    const active = focusedElement();
    if (!active?.classList?.contains('hl')) return null;
    const ids = active.dataset.ids.split(' ').filter((id) => this.book.get(id));
    return ids.length ? ids[ids.length - 1] : null;
  }

  currentRecord() {
    return this.deps.collection.get(this.deps.currentId());
  }

  /** The selection toolbar's "Entity…": hands the selected text to the entities' card. */
  markEntity() {
    const record = this.currentRecord();
    const r = this.targetRange();
    const rect = this.reader.selectionRect();
    if (!record || !r || !rect) return;
    this.toolbar.hide();
    this.deps.markEntity({ record, start: r.start, end: r.end }, rect);
  }

  async createFromSelection(tags, { note = '', noteFormat = 'text/markdown', range = null } = {}) {
    const record = this.currentRecord();
    const r = range ?? this.targetRange();
    if (!record || !r) return null;
    const focusAfter = r.element ?? null;
    this.toolbar.hide();
    // The offsets are taken: drop the selection now (not after the await, when the user may
    // already have selected something else).
    if (r.source === 'selection') document.getSelection()?.removeAllRanges();
    let id;
    try {
      id = await this.book.create(record, { start: r.start, end: r.end, tags, note, noteFormat });
    } catch (error) {
      this.deps.messages.show({
        kind: 'error',
        key: 'annotate',
        text: `The highlight could not be made: ${error?.message || error}.`,
      });
      return null;
    }
    this.renderReader();
    this.you.askOnce();
    const made = this.book.get(id); // (an undo may already have taken it back)
    if (made) {
      const view = viewOf(made.annotation);
      this.reader.announce(
        `Highlighted${view.tags.length ? ` with ${view.tags.map((t) => t.name).join(', ')}` : ''}. Ctrl+Z undoes it.`,
      );
    }
    // Focus stays where the user moved it meanwhile; only a focus lost with the redraw comes back.
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost && focusAfter?.isConnected) focusAfter.focus({ preventScroll: true });
    else if (lost && r.source === 'sentence')
      this.reader.body.querySelector(`.sentence[data-start="${r.start}"]`)?.focus({ preventScroll: true });
    return id;
  }

  /** 1–9: tag the selection or focused sentence, or toggle the tag on a focused highlight. */
  quickTag(n) {
    const tag = this.book?.tags.byShortcut(n);
    if (!tag) return false;
    const focused = this.focusedAnnotation();
    if (focused) {
      this.book.toggleTag(focused, tag.name).then(() => {
        const has = tagsOf(this.book.get(focused)?.annotation ?? {}).some((t) => t.name === tag.name);
        this.reader.announce(`${has ? 'Added' : 'Removed'} the tag ${tag.name}.`);
      });
      return true;
    }
    if (!this.targetRange()) return false;
    this.createFromSelection([tag.name]);
    return true;
  }

  /**
   * The editor for the selection / focused sentence (new) or the focused highlight (edit).
   * @param {'tags'|'note'} [focus]  where the editor puts the focus
   */
  openEditor(focus = 'tags') {
    if (!this.book) return false;
    const focused = this.focusedAnnotation();
    if (focused) {
      this.edit(focused, { focus });
      return true;
    }
    const range = this.targetRange();
    const record = this.currentRecord();
    if (!range || !record) return false;
    const rect = range.element?.getBoundingClientRect() ?? this.reader.selectionRect();
    const returnTo = range.element ?? null;
    this.toolbar.hide();
    this.editor.open(
      { mode: 'new', quote: record.article.body.slice(range.start, range.end), focus, rect },
      {
        save: (result) =>
          this.createFromSelection(result.tags, { note: result.note, noteFormat: result.noteFormat, range }),
        closed: (how) => {
          if (how !== 'save' && returnTo?.isConnected) returnTo.focus({ preventScroll: true });
        },
      },
    );
    return true;
  }

  /** @param {string} id @param {{focus?: 'tags'|'note'}} [options] */
  edit(id, { focus = 'tags' } = {}) {
    const r = this.book.get(id);
    if (!r) return;
    const view = viewOf(r.annotation);
    const mark = this.deps.view() === 'reader' ? this.reader.marksOf(id)[0] : null;
    const returnTo = document.activeElement;
    this.card.close({ restore: false });
    this.editor.open(
      {
        mode: 'edit',
        quote: view.quote,
        tags: view.tags.map((t) => t.name),
        note: view.note?.text ?? '',
        noteFormat: view.note?.format ?? 'text/markdown',
        focus,
        rect: mark?.getBoundingClientRect() ?? null,
      },
      {
        save: async (result) => {
          await this.book.update(id, { tags: result.tags, note: result.note, noteFormat: result.noteFormat });
          this.reader.announce('Annotation saved.');
          this.refocus(id, returnTo);
        },
        remove: () => this.remove(id),
        closed: (how) => {
          if (how === 'cancel') this.refocus(id, returnTo);
        },
      },
    );
  }

  refocus(id, fallback) {
    requestAnimationFrame(() => {
      if (this.deps.view() === 'reader' && this.reader.focusHighlight(id, { scroll: false })) return;
      if (fallback?.isConnected) fallback.focus({ preventScroll: true });
    });
  }

  async remove(id) {
    const r = this.book.get(id);
    if (!r) return;
    const quote = viewOf(r.annotation).quote;
    const sentence = this.reader.marksOf(id)[0]?.closest('.sentence');
    const start = sentence?.dataset.start;
    await this.book.remove([id]);
    this.card.close({ restore: false });
    this.deps.messages.show({
      kind: 'info',
      key: 'annotation-undo',
      text: `Deleted the annotation “${truncate(quote, 60)}”.`,
      action: { label: 'Undo', run: () => this.undo() },
    });
    this.reader.announce('Annotation deleted. Ctrl+Z brings it back.');
    if (start != null && this.deps.view() === 'reader')
      this.reader.body
        .querySelector(`.sentence[data-start="${CSS.escape(start)}"]`)
        ?.focus({ preventScroll: true });
  }

  async undo() {
    const label = await this.book.undo();
    if (label) this.reader.announce(`Undone: ${label.toLowerCase()}.`);
    else this.reader.announce('Nothing to undo.');
    return true;
  }

  async redo() {
    const label = await this.book.redo();
    this.reader.announce(label ? `Redone: ${label.toLowerCase()}.` : 'Nothing to redo.');
    return true;
  }

  async keepVersion(id, index) {
    await this.book.keepVersion(id, index);
    this.deps.messages.show({
      kind: 'success',
      key: 'annotation-undo',
      text: 'Kept one version of the annotation; the others were dropped.',
      action: { label: 'Undo', run: () => this.undo() },
    });
  }

  async setColor(name, color) {
    await this.book.setTagColor(name, color);
    this.render();
  }

  /** Focus moved to a highlight from the sidebar: the list item to come back to. */
  jumpTo(id) {
    if (this.deps.view() !== 'reader') return false;
    const ok = this.reader.focusHighlight(id);
    if (ok) this.jumpedFrom = id;
    return ok;
  }

  /** Esc on a highlight: back to its sidebar item when we came from there, else its sentence. */
  highlightBack() {
    const active = focusedElement();
    const ids = active?.dataset?.ids?.split(' ') ?? [];
    if (
      this.jumpedFrom &&
      ids.includes(this.jumpedFrom) &&
      this.sidebarShown &&
      this.sidebar.focusItem(this.jumpedFrom)
    ) {
      this.jumpedFrom = null;
      return true;
    }
    /** @type {HTMLElement|null} */ (active?.closest('.sentence'))?.focus({ preventScroll: true });
    return true;
  }

  /** The card over a highlight: every annotation covering it. */
  openCard(mark, ids = mark.dataset.ids.split(' ')) {
    const record = this.currentRecord();
    if (!record) return false;
    const { p } = this.placements(record);
    const entries = cardEntries(p.highlights, ids, {
      titleOf: (r) => rowOf(r).displayTitle,
      openArticle: (id) => this.deps.openArticle(id),
      edit: (id) => this.edit(id),
      remove: (id) => this.remove(id),
      keepVersion: (id, i) => this.keepVersion(id, i),
    });
    if (!entries.length) return false;
    this.tooltip.hide();
    const back = this.jumpedFrom && ids.includes(this.jumpedFrom) ? () => this.highlightBack() : null;
    this.card.open(entries, mark, { colorOf: this.colorOf, back });
    return true;
  }

  /** Enter on a sentence: the card for the highlights in it (false when it has none). */
  openSentenceCard(sentence) {
    const marks = [...(sentence?.querySelectorAll?.('mark.hl') ?? [])];
    if (!marks.length) return false;
    const ids = [...new Set(marks.flatMap((m) => m.dataset.ids.split(' ')))];
    return this.openCard(marks[0], ids);
  }

  /** New articles in the library: orphans may belong to them. */
  async articlesAdded(ids) {
    if (!this.book) return;
    const records = ids.map((id) => this.deps.collection.get(id)).filter(Boolean);
    try {
      const n = await this.book.adoptOrphans(records);
      if (n)
        this.deps.messages.show({
          kind: 'success',
          key: 'adopted',
          text: `${plural(n, 'orphaned annotation')} found ${n === 1 ? 'its' : 'their'} place in the new articles.`,
        });
    } catch (error) {
      console.warn('Lectern: orphans could not be looked for in the new articles:', error);
    }
    this.changed();
  }

  deleteFocused() {
    const id = this.focusedAnnotation();
    if (!id) return false;
    this.remove(id);
    return true;
  }

  showTooltip(mark) {
    const record = this.currentRecord();
    if (!record || !this.book) return;
    const { p } = this.placements(record);
    const lines = mark.dataset.ids
      .split(' ')
      .map((id) => p.highlights.find((x) => x.id === id))
      .filter(Boolean)
      .map((x) => ({
        color: highlightColor(x.view, this.colorOf),
        text: `${x.view.tags.map((t) => t.name).join(', ') || 'Highlight'} — ${authorName(x.view.creator)}${x.kind === 'carried' ? ' (carried over)' : ''}${x.view.note?.text ? ': note' : ''}`,
      }));
    if (lines.length) this.tooltip.show(mark, lines);
  }

  /**
   * The reader the annotations are drawn in (made after this controller); wires its body's events.
   * @param {ReaderView} reader
   */
  attachReader(reader) {
    this.reader = reader;
    const body = reader.body;
    body.addEventListener('click', (e) => {
      const mark = e.target.closest?.('mark.hl');
      if (!mark || !document.getSelection()?.isCollapsed) return;
      this.openCard(mark);
    });
    body.addEventListener('focusin', (e) => {
      if (e.target.classList?.contains('hl')) this.showTooltip(e.target);
    });
    body.addEventListener('focusout', () => this.tooltip.hide());
    /** @type {ReturnType<typeof setTimeout>|undefined} */
    let timer;
    document.addEventListener('selectionchange', () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.selectionChanged(), 150);
    });
    document.addEventListener('pointerdown', (e) => {
      if (!this.card.shown) return;
      if (!this.card.el.contains(e.target)) this.card.close({ restore: false });
    });
  }
}
