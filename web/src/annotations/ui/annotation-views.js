// The annotations' views, wired to their controller: the sidebar beside the article, the selection
// toolbar, the editor, the card and tooltip over highlights, the collection view (#annotations).
import { AnnotationSidebar } from './annotation-sidebar.js';
import { HighlightCard, HighlightTooltip, SelectionToolbar } from './annotator.js';
import { AnnotationEditor } from './annotation-editor.js';
import { AnnotationsView } from './annotations-view.js';

/** @param {import('./annotation-controller.js').AnnotationController} c */
export function buildAnnotationViews(c) {
  const sidebar = new AnnotationSidebar({
    jump: (id) => c.jumpTo(id),
    edit: (id) => c.edit(id),
    remove: (id) => c.remove(id),
    undo: () => c.undo(),
    redo: () => c.redo(),
    exportArticle: (format) => c.transfer.exportAs({ format, articleId: c.deps.currentId() }),
    openCollection: () => c.deps.showAnnotations(),
    openArticle: (id) => c.deps.openArticle(id),
    keepVersion: (id, i) => c.keepVersion(id, i),
    attach: (id) => c.attach.start(id),
  });
  const toolbar = new SelectionToolbar({
    highlight: () => c.createFromSelection([]),
    tag: (name) => c.createFromSelection([name]),
    more: (focus) => c.openEditor(focus),
    entity: () => c.markEntity(),
    attach: () => c.attach.here(),
    cancelAttach: () => c.attach.cancel(),
  });
  const editor = new AnnotationEditor({
    tags: () => c.book.tags,
    setColor: (name, color) => c.setColor(name, color),
  });
  const card = new HighlightCard();
  const tooltip = new HighlightTooltip();
  const view = new AnnotationsView({
    open: (id) => c.openAt(id),
    edit: (id) => c.edit(id),
    remove: (id) => c.remove(id),
    attach: (id) => c.attach.start(id),
    importFiles: (files) => c.transfer.importFiles(files),
    exportAs: (o) => c.transfer.exportAs(o),
    setName: (name) => c.you.rename(name),
    setColor: (name, color) => c.setColor(name, color),
    keepVersion: (id, i) => c.keepVersion(id, i),
    back: () => c.deps.showLibrary(),
    changed: () => c.renderCollection(),
  });
  return { sidebar, toolbar, editor, card, tooltip, view };
}
