// The annotations of this browser, and what the user does with them: the core (C++, in a worker:
// `call`) makes annotations, merges imported files, re-anchors and exports; this module decides
// what to ask it and keeps the bookkeeping: changes as undoable steps (memory, then storage, then
// other tabs), tags and their colours, conflicts, import and export. No DOM.
// The records and where each one shows: annotation-records.js; placing them in articles (carried
// over to other versions of a story, orphans): annotation-placement.js.
import {
  authorKey,
  conflictsOf,
  editAnnotation,
  isNewer,
  modifiedOf,
  nowAfter,
  recolorAnnotation,
  resolveConflict,
  tagsOf,
  targetHash,
  viewOf,
} from './annotation-model.js';
import { normaliseTagName } from './tags.js';
import { AnnotationPlacement } from './annotation-placement.js';
import { parseCore } from './annotation-records.js';
import { exportInParts } from './annotation-export.js';
import { idsInBatch, shiftPath } from '../import/annotation-items.js';
import { TimeSlicer, forEachSliced } from '../shell/slices.js';
import { shareAnnotationStrings } from './annotation-strings.js';

/**
 * @typedef {{text: string, first: number, listPath: string|null}} ImportBatch
 * @typedef {{imported: number, duplicates: number, conflicts: number, orphaned: number,
 *   deletedHere: number, errors: string[], warnings: string[], ids: string[], fatal: boolean,
 *   container: string}} ImportSummary
 */

/** A random UUID (crypto.randomUUID where the page has it). */
export function uuid() {
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Changes from which the views' redraw and the write to storage are separate tasks. */
const REDRAW_APART_FROM = 2000;

export class AnnotationBook extends AnnotationPlacement {
  // --- Changes ---------------------------------------------------------------------------------

  /**
   * Applies changes (id → new W3C annotation, or null to delete) as one step: memory first, then
   * storage (failures reported, memory kept), then other tabs.
   * @param {Map<string, object|null>} changes
   * @param {{label?: string, undoable?: boolean, anchors?: Map<string, object>}} [options]
   */
  async apply(changes, { label = 'Change', undoable = true, anchors = new Map() } = {}) {
    const before = new Map();
    const after = new Map();
    const written = [];
    // An import's 100,000 changes take seconds: in slices, with the page answering in between.
    const slicer = new TimeSlicer();
    for (const [id, annotation] of changes) {
      if (slicer.due()) await slicer.pause();
      const old = this.records.get(id);
      before.set(id, old && !old.deleted ? old.annotation : null);
      after.set(id, annotation);
      let record;
      if (annotation) {
        const sameTarget =
          old?.annotation && JSON.stringify(old.annotation.target) === JSON.stringify(annotation.target);
        record = shareAnnotationStrings({
          id,
          hash: targetHash(annotation),
          modified: modifiedOf(annotation),
          annotation,
          anchor: undefined,
        });
        const anchor = anchors.has(id) ? anchors.get(id) : sameTarget ? old.anchor : undefined;
        if (anchor) record.anchor = anchor;
        for (const t of tagsOf(annotation)) this.tags.ensure(t.name, t.color);
      } else {
        record = { id, hash: old?.hash ?? '', modified: nowAfter(old?.modified, this.now()), deleted: true };
      }
      this.records.set(id, record);
      written.push(record);
    }
    if (undoable) this.history.push({ label, before, after });
    this.onChange('records', { ids: [...changes.keys()] });
    this.saveTagsIfChanged();
    // After a big change the views redraw (in microtasks) before the write starts, in a task of
    // its own: together they were one task of 190 ms in Firefox for 100,000 annotations.
    if (written.length >= REDRAW_APART_FROM) await slicer.pause();
    await this.persist(written);
  }

  stamp(after = '') {
    return nowAfter(after, this.now());
  }

  /**
   * A new annotation on [start, end) of `article`'s body.
   * @param {object} article  a library record
   * @param {{start: number, end: number, unit?: 'utf16'|'codepoint', tags?: string[], note?: string,
   *          noteFormat?: string}} request
   * @returns {Promise<string>} the annotation's id
   */
  async create(article, { start, end, unit = 'utf16', tags = [], note = '', noteFormat = 'text/markdown' }) {
    const annotation = await this.makeAnnotation(article, { start, end, unit, tags, note, noteFormat });
    await this.apply(new Map([[annotation.id, annotation]]), { label: 'Highlight' });
    return annotation.id;
  }

  /**
   * An entity correction (entities/corrections.js) on [start, end) (UTF-16) of `article`'s body:
   * an annotation with the correction's motivation and body instead of tags and a note.
   * @param {object} article  a library record
   * @param {{start: number, end: number}} range
   * @param {object} fields  corrections.js correctionFields
   * @returns {Promise<string>} the annotation's id
   */
  async correct(article, { start, end }, fields) {
    const made = await this.makeAnnotation(article, { start, end });
    const annotation = { ...made, ...fields };
    await this.apply(new Map([[annotation.id, annotation]]), { label: 'Entity correction' });
    return annotation.id;
  }

  /**
   * The core's new annotation (not yet applied).
   * @param {object} article  a library record
   * @param {{start: number, end: number, unit?: 'utf16'|'codepoint', tags?: (string|{name: string, color?: string})[],
   *   note?: string, noteFormat?: string, id?: string, created?: string, creator?: {id?: string, name?: string}}} request
   */
  async makeAnnotation(
    article,
    {
      start,
      end,
      unit = 'utf16',
      tags = [],
      note = '',
      noteFormat = 'text/markdown',
      id = uuid(),
      created,
      creator,
    },
  ) {
    const names = [];
    for (const t of tags) {
      const tag = this.tags.ensure(
        typeof t === 'string' ? t : t?.name,
        typeof t === 'object' ? t?.color : undefined,
      );
      if (tag && !names.some((n) => n.name === tag.name)) names.push({ name: tag.name, color: tag.color });
    }
    const now = this.stamp();
    const me = creator ?? this.user();
    const request = {
      body: article.article.body,
      title: article.article.title || undefined,
      url: article.article.url || undefined,
      start,
      end,
      offsetUnit: unit === 'codepoint' ? 'codepoint' : 'utf16',
      tags: names,
      note: String(note ?? ''),
      noteFormat,
      id: String(id).startsWith('urn:') ? id : `urn:uuid:${id}`,
      created: created ?? now,
      modified: now,
    };
    if (me && (me.id || me.name))
      request.creator = { ...(me.id ? { id: me.id } : {}), ...(me.name ? { name: me.name } : {}) };
    const res = parseCore(await this.call('annotationsCreate', JSON.stringify(request)), 'a new annotation');
    if (!res?.annotation) throw new Error('the reading engine made no annotation');
    return res.annotation;
  }

  /**
   * New tags and/or note for an annotation.
   * @param {string} id
   * @param {{tags?: (string|{name: string, color?: string})[], note?: string, noteFormat?: string}} changes
   */
  async update(id, { tags, note, noteFormat }) {
    const r = this.get(id);
    if (!r) return false;
    const list = tags
      ?.map((t) =>
        this.tags.ensure(typeof t === 'string' ? t : t.name, typeof t === 'object' ? t.color : undefined),
      )
      .filter(Boolean)
      .map((t) => ({ name: t.name, color: t.color }));
    const next = editAnnotation(r.annotation, {
      tags: list ? dedupeTags(list) : undefined,
      note,
      noteFormat,
      modified: this.stamp(r.modified),
    });
    await this.apply(new Map([[id, next]]), { label: 'Edit' });
    return true;
  }

  /** Adds or removes one tag (by name) on an annotation. */
  async toggleTag(id, name) {
    const r = this.get(id);
    if (!r) return false;
    const current = tagsOf(r.annotation);
    const tag = this.tags.ensure(name);
    if (!tag) return false;
    const has = current.some((t) => t.name.toLocaleLowerCase('en') === tag.name.toLocaleLowerCase('en'));
    const next = has
      ? current.filter((t) => t.name.toLocaleLowerCase('en') !== tag.name.toLocaleLowerCase('en'))
      : [...current, tag];
    return this.update(id, { tags: next });
  }

  async remove(ids) {
    const changes = new Map(ids.filter((id) => this.get(id)).map((id) => [id, null]));
    if (!changes.size) return 0;
    await this.apply(changes, { label: changes.size === 1 ? 'Delete' : `Delete ${changes.size}` });
    return changes.size;
  }

  /** Gives an annotation (an orphan, typically) a new place: [start, end) (UTF-16) of `article`. */
  async attach(id, article, { start, end }) {
    const r = this.get(id);
    if (!r) return false;
    const v = viewOf(r.annotation);
    const fresh = await this.makeAnnotation(article, {
      start,
      end,
      tags: v.tags,
      note: v.note?.text ?? '',
      noteFormat: v.note?.format ?? 'text/plain',
      id: r.id,
      created: v.created || undefined,
      creator: v.creator.id || v.creator.name ? v.creator : undefined,
    });
    // Keep what the core does not set from a request (other bodies, conflicts, extra properties).
    const next = { ...structuredClone(r.annotation), target: fresh.target, modified: this.stamp(r.modified) };
    if (Array.isArray(fresh['@context']) || Array.isArray(next['@context']))
      next['@context'] = r.annotation['@context'];
    await this.apply(new Map([[id, next]]), { label: 'Attach', anchors: new Map([[id, undefined]]) });
    return true;
  }

  /** Keeps one version of a conflicting annotation (-1: the one shown, 0…: the other versions). */
  async keepVersion(id, index) {
    const r = this.get(id);
    if (!r || !conflictsOf(r.annotation).length) return false;
    const next = resolveConflict(r.annotation, index, this.stamp(r.modified));
    if (!next) return false;
    await this.apply(new Map([[id, next]]), { label: 'Keep version' });
    return true;
  }

  /**
   * A tag's colour: stored in the tag list, and written into the user's own annotations with
   * that tag (others' annotations keep the colour their author gave; the page shows the user's).
   */
  async setTagColor(name, color) {
    if (!this.tags.setColor(name, color)) return false;
    await this.saveTags();
    const mine = authorKey(this.user());
    const changes = new Map();
    for (const r of this.live()) {
      const tags = tagsOf(r.annotation);
      const key = authorKey(viewOf(r.annotation).creator);
      if (key && mine && key !== mine) continue;
      const tag = tags.find(
        (t) => t.name.toLocaleLowerCase('en') === normaliseTagName(name).toLocaleLowerCase('en'),
      );
      if (!tag || tag.color === this.tags.colorOf(name)) continue;
      changes.set(
        r.id,
        recolorAnnotation(
          r.annotation,
          (n) => (this.tags.has(n) ? this.tags.colorOf(n) : null),
          this.stamp(r.modified),
        ),
      );
    }
    if (changes.size) await this.apply(changes, { label: 'Tag colour' });
    else this.onChange('tags', {});
    return true;
  }

  async undo() {
    return this.replay(this.history.undo());
  }

  async redo() {
    return this.replay(this.history.redo());
  }

  async replay(step) {
    if (!step) return null;
    const changes = new Map();
    for (const [id, annotation] of step.apply) {
      const current = this.records.get(id);
      changes.set(
        id,
        annotation ? { ...structuredClone(annotation), modified: this.stamp(current?.modified) } : null,
      );
    }
    await this.apply(changes, { undoable: false });
    return step.label;
  }

  // --- Import and export -----------------------------------------------------------------------

  /**
   * Merges an annotation file into this browser's annotations (the core: duplicates recognised,
   * conflicts kept side by side) and places the new ones in the collection.
   * @returns {Promise<ImportSummary>}
   */
  async importText(text, { label = 'Import' } = {}) {
    return this.importBatches([{ text: String(text), first: 0, listPath: null }], { label });
  }

  /**
   * Merges an annotation file given in batches (import/annotation-items.js: each batch is the file
   * with some of its annotations), so a file of any size is merged: the core gets one batch at a
   * time, with only the annotations here that have the same ids (merging is by id), never the
   * whole collection. Summaries, problems (paths for the whole file) and the changes add up; the
   * import is one undoable step.
   * @param {Iterable<ImportBatch>|AsyncIterable<ImportBatch>} batches
   * @param {{label?: string}} [options]
   * @returns {Promise<ImportSummary>}
   */
  async importBatches(batches, { label = 'Import' } = {}) {
    /** @type {ImportSummary} */
    const summary = {
      imported: 0,
      duplicates: 0,
      conflicts: 0,
      orphaned: 0,
      errors: [],
      warnings: [],
      ids: [],
      fatal: false,
      container: '',
      deletedHere: 0,
    };
    /** @type {Map<string, object>} id → the merged annotation, for those that change something here */
    const incoming = new Map();
    const anchors = new Map();
    for await (const batch of batches) {
      const mine = [];
      for (const id of idsInBatch(batch.text)) {
        const here = this.records.get(id);
        const annotation = incoming.get(id) ?? (here && !here.deleted ? here.annotation : null);
        if (annotation) mine.push(annotation);
      }
      const res = parseCore(
        await this.call('annotationsImport', JSON.stringify(mine), batch.text),
        'the import',
      );
      const problems = (list, { skipTotal = false } = {}) =>
        (Array.isArray(list) ? list : [])
          .filter((e) => !(skipTotal && e.path === 'total')) // only the batch's share of the list is here
          .map((e) => {
            const where = shiftPath(e.path, batch.listPath, batch.first);
            return where ? `${where}: ${e.message}` : String(e.message ?? e);
          });
      summary.errors.push(...problems(res.errors));
      summary.warnings.push(...problems(res.warnings, { skipTotal: batch.listPath !== null }));
      if (!res.container) continue;
      summary.container ||= res.container;
      summary.imported += res.imported ?? 0;
      summary.duplicates += res.duplicates ?? 0;
      summary.conflicts += res.conflicts ?? 0;
      const changed = new Set(res.changed ?? []);
      // The core does not know what was deleted here: an annotation deleted after the version in
      // the file was modified stays deleted (last writer wins), and is counted apart.
      for (const a of res.merged ?? []) {
        const here = this.records.get(a?.id);
        if (!changed.has(a?.id) || !here?.deleted || !isNewer(here, { modified: modifiedOf(a) })) continue;
        changed.delete(a.id);
        summary.deletedHere++;
        if ((res.ids?.added ?? []).includes(a.id)) summary.imported = Math.max(0, summary.imported - 1);
      }
      for (const t of res.tags ?? []) if (t?.name) this.tags.ensure(t.name, t.color ?? undefined);
      const fresh = (res.merged ?? []).filter((a) => a && changed.has(a.id));
      for (const a of fresh) incoming.set(a.id, a);
      // Placed a batch at a time: the core anchors a batch's orphans, not the whole file's at once.
      for (const [id, anchor] of await this.placeImported(fresh)) anchors.set(id, anchor);
    }
    summary.fatal = !summary.container && summary.errors.length > 0;
    if (!incoming.size) return summary;
    // A changed annotation whose target did not change keeps its place.
    for (const id of incoming.keys()) if (!anchors.has(id)) anchors.set(id, undefined);
    await this.apply(incoming, { label, anchors });
    await this.saveTags();
    summary.ids = [...incoming.keys()];
    // Counted in slices: finding the place of 100,000 was one task of 760 ms in Firefox.
    await forEachSliced(summary.ids, (id) => {
      if (!this.homeOf(this.records.get(id))?.article) summary.orphaned++;
    });
    return summary;
  }

  /**
   * The annotations to export: all, one article's (those showing on it as its own or anchored
   * into it) or one tag's; with the entity corrections when `corrections` (W3C JSON: they travel
   * with the highlights; a Markdown or HTML report lists only highlights).
   */
  selectForExport({ articleId = '', tag = '', corrections = false } = {}) {
    let list = corrections ? this.all() : this.live();
    if (articleId) list = list.filter((r) => this.homeOf(r)?.article?.id === articleId);
    if (tag) {
      const k = normaliseTagName(tag).toLocaleLowerCase('en');
      list = list.filter((r) => tagsOf(r.annotation).some((t) => t.name.toLocaleLowerCase('en') === k));
    }
    const pos = (r) => this.homeOf(r)?.start ?? 0;
    return list
      .sort((a, b) => a.hash.localeCompare(b.hash) || pos(a) - pos(b) || a.id.localeCompare(b.id))
      .map((r) => r.annotation);
  }

  /**
   * The export as the parts of a Blob (annotation-export.js: in batches through the core, so it
   * has no size limit).
   * @param {{format?: 'jsonld'|'markdown'|'html', articleId?: string, tag?: string, label?: string}} o
   * @returns {Promise<import('./annotation-export.js').ExportParts>}
   */
  async exportParts({ format = 'jsonld', articleId = '', tag = '', label = '' } = {}) {
    const list = this.selectForExport({ articleId, tag, corrections: format === 'jsonld' });
    return exportInParts(
      list,
      { format, label },
      (fn, ...args) => this.call(fn, ...args),
      (json) => parseCore(json, 'the export'),
    );
  }

  /**
   * The export as one string: for window.lectern.exportAnnotations, which answers an object
   * anyway, and tests. Downloads use exportParts.
   * @param {{format?: 'jsonld'|'markdown'|'html', articleId?: string, tag?: string, label?: string}} [o]
   * @returns {Promise<{text: string, mediaType: string, count: number}>}
   */
  async exportText(o = {}) {
    const { parts, mediaType, count } = await this.exportParts(o);
    return { text: parts.join(''), mediaType, count };
  }
}

function dedupeTags(list) {
  const seen = new Set();
  return list.filter((t) => {
    const k = t.name.toLocaleLowerCase('en');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
