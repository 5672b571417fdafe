// Annotations in the page: joins the bookkeeping (annotations.js) to the reader (highlights, the
// selection toolbar, the editor, the card over a highlight, the sidebar), to the collection view,
// to storage messages, to other tabs and to window.lectern. Built once by app.js.
import { AnnotationBook } from '../annotations.js';
import { startReader } from '../../core/worker-client.js';
import { authorKey, authorsOf, filterAnnotations, tagsOf, viewOf } from '../annotation-model.js';
import {
  exportFileName,
  importSentence,
  isJsonName,
  looksLikeAnnotations,
  SNIFF_BYTES,
} from '../annotation-files.js';
import { describeStorageError } from '../../storage/store.js';
import { rowOf } from '../../library/records.js';
import { plural, truncate } from '../../shell/format.js';
import { DEFAULT_COLOR, HIGHLIGHT_COLOR } from '../tags.js';
import { uuid } from '../annotations.js';
import { ReaderView } from '../../reader/reader-view.js';
import { AnnotationEditor, HighlightCard, HighlightTooltip, SelectionToolbar } from './annotator.js';
import { AnnotationSidebar } from './annotation-sidebar.js';
import { AnnotationsView } from './annotations-view.js';
import { authorName, setCurrentUser } from './annotation-card.js';
import { h, focusedElement } from '../../shell/dom.js';

const USER_KEY = 'lectern.user';
const NAME_ASKED_KEY = 'lectern.user.asked';
const SIDEBAR_KEY = 'lectern.sidebar';
const PING_KEY = 'lectern.annotations.ping';
const CHANNEL = 'lectern-annotations';
const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

export class AnnotationController {
  /** @param {import('../../shell/app.js').App} app */
  constructor(app) {
    this.app = app;
    this.book = null;
    this.core = null;
    this.user = loadUser();
    setCurrentUser(authorKey(this.user));
    this.sidebarShown = loadSidebarShown();
    this.attaching = null;
    this.jumpedFrom = null;
    this.renderQueued = false;
    this.sidebar = new AnnotationSidebar({
      jump: (id) => this.jumpTo(id),
      edit: (id) => this.edit(id),
      remove: (id) => this.remove(id),
      undo: () => this.undo(),
      redo: () => this.redo(),
      exportArticle: (format) => this.exportAs({ format, articleId: this.app.currentId }),
      openCollection: () => this.app.showAnnotations(),
      openArticle: (id) => this.app.openArticle(id),
      keepVersion: (id, i) => this.keepVersion(id, i),
      attach: (id) => this.startAttach(id),
    });
    this.toolbar = new SelectionToolbar({
      highlight: () => this.createFromSelection([]),
      tag: (name) => this.createFromSelection([name]),
      more: (focus) => this.openEditor(focus),
      attach: () => this.attachHere(),
      cancelAttach: () => this.cancelAttach(),
    });
    this.editor = new AnnotationEditor({
      tags: () => this.book.tags,
      setColor: (name, color) => this.setColor(name, color),
    });
    this.card = new HighlightCard();
    this.tooltip = new HighlightTooltip();
    this.view = new AnnotationsView({
      open: (id) => this.openAt(id),
      edit: (id) => this.edit(id),
      remove: (id) => this.remove(id),
      attach: (id) => this.startAttach(id),
      importFiles: (files) => this.importFiles(files),
      exportAs: (o) => this.exportAs(o),
      setName: (name) => this.setName(name),
      setColor: (name, color) => this.setColor(name, color),
      keepVersion: (id, i) => this.keepVersion(id, i),
      back: () => this.app.showLibrary(),
      changed: () => this.renderCollection(),
    });
    this.view.setName(this.user.name);
  }

  /** Elements that live outside the views (positioned over the page). */
  get floating() {
    return [this.toolbar.el, this.editor.el, this.card.el, this.tooltip.el];
  }

  // --- Startup ---------------------------------------------------------------------------------

  async load() {
    this.book = new AnnotationBook({
      call: (fn, ...args) => this.call(fn, ...args),
      store: this.app.store,
      articles: this.app.collection,
      user: () => this.user,
      bus: this.makeBus(),
      onChange: (what, detail) => this.changed(what, detail),
      onStorageError: (error, action) => this.storageFailed(error, action),
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
    if (!this.core) this.warm();
    let reader;
    try {
      reader = await this.core;
    } catch (error) {
      this.core = null;
      throw error;
    }
    return reader.call(fn, ...args);
  }

  makeBus() {
    const receive = (m) => {
      if (!this.book || !m) return;
      if (m.type === 'annotations' && Array.isArray(m.ids)) this.book.receive(m.ids);
      else if (m.type === 'tags') this.book.receive('tags');
    };
    let channel = null;
    try {
      channel = new BroadcastChannel(CHANNEL);
      channel.onmessage = (e) => receive(e.data);
    } catch {
      /* storage events below */
    }
    window.addEventListener('storage', (e) => {
      if (e.key !== PING_KEY || !e.newValue) return;
      try {
        receive(JSON.parse(e.newValue));
      } catch {
        /* not ours */
      }
    });
    return {
      post: (m) => {
        try {
          channel?.postMessage(m);
        } catch {
          /* closed */
        }
        try {
          localStorage.setItem(PING_KEY, JSON.stringify({ ...m, nonce: uuid() }));
        } catch {
          /* no storage */
        }
      },
    };
  }

  storageFailed(error, action) {
    this.app.messages.show({
      kind: 'warning',
      key: 'annotation-storage',
      text:
        action === 'read'
          ? `Lectern could not read the annotations saved in this browser: ${describeStorageError(error, 'read')}.`
          : `Your annotations could not be saved in this browser: ${describeStorageError(error, 'write')}. They are kept on this page and saved as soon as storage works again; export them (Annotations → Export) to keep a copy.`,
      action:
        action === 'read' ? null : { label: 'Export now', run: () => this.exportAs({ format: 'jsonld' }) },
    });
    this.app.updateStorageStatus(true);
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
    if (this.app.view === 'reader') this.renderReader();
    if (this.app.view === 'annotations') this.renderCollection();
    this.app.setAnnotationCount(this.book.live().length);
  }

  colorOf = (name, fallback) =>
    this.book?.tags.has(name) ? this.book.tags.colorOf(name) : fallback || DEFAULT_COLOR;

  highlightColor(view) {
    return view.tags.length ? this.colorOf(view.tags[0].name, view.tags[0].color) : HIGHLIGHT_COLOR;
  }

  label(view, kind, from) {
    const tags = view.tags.map((t) => t.name).join(', ') || 'Highlight';
    const who = authorName(view.creator);
    const where =
      kind === 'carried'
        ? ` — carried over from “${truncate(from ? rowOf(from).displayTitle : '', 50)}”`
        : '';
    return `${tags} (${who})${where}`;
  }

  /** The highlights to draw on `record` (for ReaderView.show) and the sidebar's state. */
  placements(record) {
    const p = this.book.placementsFor(record);
    const highlights = p.highlights.map((x) => ({
      id: x.id,
      start: x.start,
      end: x.end,
      kind: x.kind,
      color: this.highlightColor(x.view),
      label: this.label(x.view, x.kind, x.from),
    }));
    return { p, highlights };
  }

  /** Draws the current article's highlights and sidebar. */
  renderReader({ highlights = null, p = null } = {}) {
    const record = this.app.collection.get(this.app.currentId);
    if (!record || !this.book) return;
    if (!p) ({ p, highlights } = this.placements(record));
    if (highlights) this.app.readerView.setHighlights(highlights);
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
    this.app.readerView.setSidebarShown(this.sidebarShown, p.highlights.length);
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
    try {
      localStorage.setItem(SIDEBAR_KEY, this.sidebarShown ? '1' : '0');
    } catch {
      /* fine */
    }
    this.renderReader();
  }

  focusSidebar() {
    if (!this.sidebarShown) this.toggleSidebar();
    this.sidebar.focusFirst();
    return true;
  }

  // --- Collection view -------------------------------------------------------------------------

  items() {
    const order = new Map(this.app.collection.list().map((r, i) => [r.id, i]));
    return this.book
      .live()
      .map((r) => {
        const home = this.book.homeOf(r);
        const article = home?.article ?? null;
        return {
          id: r.id,
          record: r,
          view: viewOf(r.annotation),
          articleId: article?.id ?? '',
          articleTitle: article ? rowOf(article).displayTitle : '',
          status: article ? 'placed' : 'orphan',
          kind: home?.kind ?? 'orphan',
          start: home?.start ?? 0,
          order: article ? order.get(article.id) : Infinity,
        };
      })
      .sort((a, b) => a.order - b.order || a.start - b.start || a.id.localeCompare(b.id));
  }

  renderCollection() {
    if (!this.book) return;
    const items = this.items();
    const filtered = filterAnnotations(items, this.view.filters);
    const tagCounts = new Map();
    for (const it of items)
      for (const t of it.view.tags)
        tagCounts.set(
          t.name.toLocaleLowerCase('en'),
          (tagCounts.get(t.name.toLocaleLowerCase('en')) ?? 0) + 1,
        );
    const tags = this.book.tags.list().map((t) => ({
      ...t,
      shortcut: this.book.tags.shortcutOf(t.name),
      count: tagCounts.get(t.name.toLocaleLowerCase('en')) ?? 0,
    }));
    const articles = [];
    const seen = new Set();
    for (const it of items) {
      if (it.articleId && !seen.has(it.articleId)) {
        seen.add(it.articleId);
        articles.push({ id: it.articleId, title: it.articleTitle });
      }
    }
    const orphans = items
      .filter((it) => it.status === 'orphan')
      .map((it) => {
        const near = it.record.anchor?.near ? this.app.collection.get(it.record.anchor.near) : null;
        return { id: it.id, view: it.view, nearTitle: near ? rowOf(near).displayTitle : '' };
      });
    const authors = authorsOf(items.map((i) => i.view)).map((a) => ({
      ...a,
      label: a.key === authorKey(this.user) ? `${this.user.name || 'You'} (you)` : a.label,
    }));
    this.view.render({
      items: filtered,
      total: items.length,
      tags,
      articles,
      authors,
      orphans,
      colorOf: this.colorOf,
      attaching: this.attaching,
    });
  }

  /** Opens the article of annotation `id` and focuses its highlight. */
  openAt(id) {
    const r = this.book.get(id);
    const home = r && this.book.homeOf(r);
    if (!home?.article) return;
    this.app.openArticle(home.article.id);
    requestAnimationFrame(() => this.jumpTo(id));
  }

  // --- The reader: selection, toolbar, editor, card --------------------------------------------

  /** Called on selectionchange (debounced) and pointer/key release in the reader. */
  selectionChanged() {
    if (this.app.view !== 'reader' || this.editor.isOpen || !this.book) {
      this.toolbar.hide();
      return;
    }
    const range = this.app.readerView.selectedRange();
    if (!range) {
      this.toolbar.hide();
      return;
    }
    const rect = this.app.readerView.selectionRect();
    if (!rect) return;
    this.card.close({ restore: false });
    this.tooltip.hide();
    const tags = this.book.tags
      .list()
      .slice(0, 9)
      .map((t) => ({ ...t, shortcut: this.book.tags.shortcutOf(t.name) }));
    const attach = this.attaching
      ? { quote: viewOf(this.book.get(this.attaching)?.annotation ?? {}).quote }
      : null;
    this.toolbar.show({ tags, attach }, rect);
  }

  /** The range to annotate: the selection in the body, else the focused sentence. */
  targetRange() {
    const reader = this.app.readerView;
    const selected = reader.selectedRange();
    if (selected) return { ...selected, source: 'selection' };
    const active = document.activeElement;
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
    return this.app.collection.get(this.app.currentId);
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
      this.app.messages.show({
        kind: 'error',
        key: 'annotate',
        text: `The highlight could not be made: ${error?.message || error}.`,
      });
      return null;
    }
    this.renderReader();
    this.askNameOnce();
    const made = this.book.get(id); // (an undo may already have taken it back)
    if (made) {
      const view = viewOf(made.annotation);
      this.app.readerView.announce(
        `Highlighted${view.tags.length ? ` with ${view.tags.map((t) => t.name).join(', ')}` : ''}. Ctrl+Z undoes it.`,
      );
    }
    // Focus stays where the user moved it meanwhile; only a focus lost with the redraw comes back.
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost && focusAfter?.isConnected) focusAfter.focus({ preventScroll: true });
    else if (lost && r.source === 'sentence')
      this.app.readerView.body
        .querySelector(`.sentence[data-start="${r.start}"]`)
        ?.focus({ preventScroll: true });
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
        this.app.readerView.announce(`${has ? 'Added' : 'Removed'} the tag ${tag.name}.`);
      });
      return true;
    }
    if (!this.targetRange()) return false;
    this.createFromSelection([tag.name]);
    return true;
  }

  /** The editor for the selection / focused sentence (new) or the focused highlight (edit). */
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
    const rect = range.element?.getBoundingClientRect() ?? this.app.readerView.selectionRect();
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

  edit(id, { focus = 'tags' } = {}) {
    const r = this.book.get(id);
    if (!r) return;
    const view = viewOf(r.annotation);
    const mark = this.app.view === 'reader' ? this.app.readerView.marksOf(id)[0] : null;
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
          this.app.readerView.announce('Annotation saved.');
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
      if (this.app.view === 'reader' && this.app.readerView.focusHighlight(id, { scroll: false })) return;
      if (fallback?.isConnected) fallback.focus({ preventScroll: true });
    });
  }

  async remove(id) {
    const r = this.book.get(id);
    if (!r) return;
    const quote = viewOf(r.annotation).quote;
    const sentence = this.app.readerView.marksOf(id)[0]?.closest('.sentence');
    const start = sentence?.dataset.start;
    await this.book.remove([id]);
    this.card.close({ restore: false });
    this.app.messages.show({
      kind: 'info',
      key: 'annotation-undo',
      text: `Deleted the annotation “${truncate(quote, 60)}”.`,
      action: { label: 'Undo', run: () => this.undo() },
    });
    this.app.readerView.announce('Annotation deleted. Ctrl+Z brings it back.');
    if (start != null && this.app.view === 'reader')
      this.app.readerView.body
        .querySelector(`.sentence[data-start="${CSS.escape(start)}"]`)
        ?.focus({ preventScroll: true });
  }

  async undo() {
    const label = await this.book.undo();
    if (label) this.app.readerView.announce(`Undone: ${label.toLowerCase()}.`);
    else this.app.readerView.announce('Nothing to undo.');
    return true;
  }

  async redo() {
    const label = await this.book.redo();
    this.app.readerView.announce(label ? `Redone: ${label.toLowerCase()}.` : 'Nothing to redo.');
    return true;
  }

  async keepVersion(id, index) {
    await this.book.keepVersion(id, index);
    this.app.messages.show({
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

  setName(name) {
    const clean = String(name ?? '')
      .replace(/\s+/gu, ' ')
      .trim()
      .slice(0, 80);
    this.user = { ...this.user, name: clean };
    setCurrentUser(authorKey(this.user));
    try {
      localStorage.setItem(USER_KEY, JSON.stringify(this.user));
    } catch {
      /* kept for this page */
    }
    this.view.setName(clean);
    this.app.messages.show({
      kind: 'success',
      key: 'user-name',
      text: clean
        ? `Your new annotations will be signed “${clean}”.`
        : 'Your new annotations will not carry a name.',
    });
  }

  /** After the first annotation without a name: say where to set it (once). */
  askNameOnce() {
    if (this.user.name) return;
    try {
      if (localStorage.getItem(NAME_ASKED_KEY)) return;
      localStorage.setItem(NAME_ASKED_KEY, '1');
    } catch {
      /* ask this once on this page */
    }
    if (this.nameAsked) return;
    this.nameAsked = true;
    this.app.messages.show({
      kind: 'info',
      key: 'user-name',
      text: 'Your annotations carry no name yet, so colleagues who import them will see “Anonymous”. Set your name once under Annotations → You.',
      action: {
        label: 'Set my name',
        run: () => {
          this.app.showAnnotations();
          this.view.nameInput.focus();
        },
      },
    });
  }

  /** Focus moved to a highlight from the sidebar: the list item to come back to. */
  jumpTo(id) {
    if (this.app.view !== 'reader') return false;
    const ok = this.app.readerView.focusHighlight(id);
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
    const entries = ids
      .map((id) => p.highlights.find((x) => x.id === id))
      .filter(Boolean)
      .map((x) => ({
        view: x.view,
        status:
          x.kind === 'carried'
            ? `Carried over from “${truncate(rowOf(x.from).displayTitle, 60)}”`
            : x.kind === 'anchored'
              ? 'Re-anchored: made on a different copy of this article'
              : '',
        statusKind: x.kind,
        actions:
          x.kind === 'carried'
            ? [
                {
                  label: 'Open the original',
                  testid: 'card-open-original',
                  run: () => this.app.openArticle(x.from.id),
                },
              ]
            : [
                { label: 'Edit', testid: 'card-edit', icon: null, run: () => this.edit(x.id) },
                { label: 'Delete', testid: 'card-delete', danger: true, run: () => this.remove(x.id) },
              ],
        keepVersion: x.kind === 'carried' ? null : (i) => this.keepVersion(x.id, i),
      }));
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
    const records = ids.map((id) => this.app.collection.get(id)).filter(Boolean);
    try {
      const n = await this.book.adoptOrphans(records);
      if (n)
        this.app.messages.show({
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
        color: this.highlightColor(x.view),
        text: `${x.view.tags.map((t) => t.name).join(', ') || 'Highlight'} — ${authorName(x.view.creator)}${x.kind === 'carried' ? ' (carried over)' : ''}${x.view.note?.text ? ': note' : ''}`,
      }));
    if (lines.length) this.tooltip.show(mark, lines);
  }

  /** Wires the reader body's pointer and focus events. */
  installReaderEvents(body) {
    body.addEventListener('click', (e) => {
      const mark = e.target.closest?.('mark.hl');
      if (!mark || !document.getSelection()?.isCollapsed) return;
      this.openCard(mark);
    });
    body.addEventListener('focusin', (e) => {
      if (e.target.classList?.contains('hl')) this.showTooltip(e.target);
    });
    body.addEventListener('focusout', () => this.tooltip.hide());
    let timer = 0;
    document.addEventListener('selectionchange', () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.selectionChanged(), 150);
    });
    document.addEventListener('pointerdown', (e) => {
      if (!this.card.shown) return;
      if (!this.card.el.contains(e.target)) this.card.close({ restore: false });
    });
  }

  // --- Orphans: attach by hand -----------------------------------------------------------------

  startAttach(id) {
    const r = this.book.get(id);
    if (!r) return;
    this.attaching = id;
    const quote = viewOf(r.annotation).quote;
    this.app.messages.show({
      kind: 'info',
      key: 'attach',
      text: `Attaching “${truncate(quote, 80)}”: open an article, select the passage it belongs to, then choose “Attach here”.`,
      action: { label: 'Cancel', run: () => this.cancelAttach() },
    });
    const near = r.anchor?.near && this.app.collection.has(r.anchor.near) ? r.anchor.near : null;
    if (near) this.app.openArticle(near);
    this.renderCollection();
  }

  cancelAttach() {
    this.attaching = null;
    this.toolbar.hide();
    this.app.messages.dismissKey('attach');
    this.renderCollection();
  }

  async attachHere() {
    const id = this.attaching;
    const record = this.currentRecord();
    const range = this.app.readerView.selectedRange();
    if (!id || !record || !range) return;
    document.getSelection()?.removeAllRanges();
    this.toolbar.hide();
    try {
      await this.book.attach(id, record, range);
    } catch (error) {
      this.app.messages.show({
        kind: 'error',
        key: 'attach',
        text: `The annotation could not be attached: ${error?.message || error}.`,
      });
      return;
    }
    this.attaching = null;
    this.app.messages.show({
      kind: 'success',
      key: 'attach',
      text: 'Attached the annotation to the selected passage.',
      action: { label: 'Undo', run: () => this.undo() },
    });
    this.renderReader();
    this.jumpTo(id);
  }

  // --- Import and export -----------------------------------------------------------------------

  /**
   * Splits dropped or chosen files into annotation files (read here) and the rest (articles).
   * @param {{file?: File, name: string}[]} items
   * @returns {Promise<object[]>} the items that are not annotation files
   */
  async takeAnnotationFiles(items) {
    const rest = [];
    const mine = [];
    for (const item of items) {
      if (item.file && isJsonName(item.name) && item.file.size <= MAX_IMPORT_BYTES) {
        let head = '';
        try {
          head = await item.file.slice(0, SNIFF_BYTES).text();
        } catch {
          /* read as an article file */
        }
        if (looksLikeAnnotations(head)) {
          mine.push(item.file);
          continue;
        }
      }
      rest.push(item);
    }
    if (mine.length) this.importFiles(mine);
    return rest;
  }

  async importFiles(files) {
    for (const file of files) {
      const name = file.name || 'annotations.json';
      if (file.size > MAX_IMPORT_BYTES) {
        this.app.messages.show({
          kind: 'error',
          key: `annotations:${name}`,
          text: `${name}: too large to import as annotations (${Math.round(file.size / 1048576)} MB; the limit is 32 MB).`,
        });
        continue;
      }
      let text;
      try {
        text = await file.text();
      } catch (error) {
        this.app.messages.show({
          kind: 'error',
          key: `annotations:${name}`,
          text: `${name}: could not be read (${error?.message || error}).`,
        });
        continue;
      }
      await this.importText(text, name);
    }
  }

  /** @returns {Promise<object>} the summary (annotations.js importText) */
  async importText(text, name = 'annotations') {
    let summary;
    try {
      summary = await this.book.importText(text, { label: `Import of ${name}` });
    } catch (error) {
      this.app.messages.show({
        kind: 'error',
        key: `annotations:${name}`,
        text: `${name}: the annotations could not be imported (${error?.message || error}). Nothing was changed.`,
      });
      return {
        imported: 0,
        duplicates: 0,
        conflicts: 0,
        orphaned: 0,
        errors: [String(error?.message || error)],
        fatal: true,
      };
    }
    const details = summary.errors.length && !summary.fatal ? summary.errors : null;
    this.app.messages.show({
      kind: summary.fatal ? 'error' : summary.errors.length || summary.orphaned ? 'warning' : 'success',
      key: `annotations:${name}`,
      text: importSentence(name, summary),
      details,
      detailsLabel: details ? `Show the ${plural(details.length, 'problem')}` : undefined,
      action: summary.fatal ? null : { label: 'Show', run: () => this.app.showAnnotations() },
    });
    this.render();
    return summary;
  }

  /** Downloads an export (a Blob and <a download>: nothing leaves the computer). */
  async exportAs({ format = 'jsonld', articleId = '', tag = '' } = {}) {
    const article = articleId ? this.app.collection.get(articleId) : null;
    const title = article ? rowOf(article).displayTitle : '';
    const label = article ? `Annotations on “${title}”` : tag ? `Annotations tagged “${tag}”` : '';
    let out;
    try {
      out = await this.book.exportText({ format, articleId, tag, label });
    } catch (error) {
      this.app.messages.show({
        kind: 'error',
        key: 'export',
        text: `The export failed: ${error?.message || error}.`,
      });
      return null;
    }
    const name = exportFileName({ format, tag, articleTitle: title });
    download(name, out.text, out.mediaType);
    this.app.messages.show({
      kind: 'success',
      key: 'export',
      text: `Exported ${plural(out.count, 'annotation')} to ${name} (in your downloads).`,
    });
    return { name, ...out };
  }

  // --- window.lectern --------------------------------------------------------------------------

  async annotate({ articleId, start, end, tags = [], note = '', noteFormat = 'text/markdown' } = {}) {
    const record = this.app.collection.get(String(articleId));
    if (!record) throw new Error(`no article with the id ${articleId}`);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start)
      throw new Error('start and end must be code point offsets with start < end');
    const names = (Array.isArray(tags) ? tags : [tags]).map(String);
    const id = await this.book.create(record, {
      start,
      end,
      unit: 'codepoint',
      tags: names,
      note: String(note ?? ''),
      noteFormat,
    });
    return id;
  }

  annotations(articleId) {
    if (!this.book) return [];
    let list = this.book.live();
    if (articleId != null) list = list.filter((r) => this.book.homeOf(r)?.article?.id === String(articleId));
    const pos = (r) => this.book.homeOf(r)?.start ?? 0;
    return list
      .sort((a, b) => pos(a) - pos(b) || a.id.localeCompare(b.id))
      .map((r) => structuredClone(r.annotation));
  }

  async exportObject() {
    const out = await this.book.exportText({ format: 'jsonld' });
    return JSON.parse(out.text);
  }

  async importFrom(objectOrString) {
    const text = typeof objectOrString === 'string' ? objectOrString : JSON.stringify(objectOrString);
    const s = await this.importText(text, 'imported annotations');
    return {
      imported: s.imported,
      duplicates: s.duplicates,
      conflicts: s.conflicts ?? 0,
      orphaned: s.orphaned,
      errors: s.errors,
    };
  }
}

function download(name, text, mediaType) {
  const blob = new Blob([text], { type: mediaType || 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

function loadUser() {
  try {
    const u = JSON.parse(localStorage.getItem(USER_KEY) || 'null');
    if (u && typeof u.id === 'string' && u.id)
      return { id: u.id, name: typeof u.name === 'string' ? u.name : '' };
  } catch {
    /* new */
  }
  const user = { id: `urn:uuid:${uuid()}`, name: '' };
  try {
    localStorage.setItem(USER_KEY, JSON.stringify(user));
  } catch {
    /* kept for this page */
  }
  return user;
}

function loadSidebarShown() {
  try {
    return localStorage.getItem(SIDEBAR_KEY) !== '0';
  } catch {
    return true;
  }
}
