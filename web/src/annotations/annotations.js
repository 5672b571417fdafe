// The annotations of this browser: kept in memory, stored per annotation in IndexedDB (store.js),
// shared with other open tabs (a message bus: BroadcastChannel and storage events), and placed
// into the collection's articles. The core (C++, in a worker: `call`) makes annotations, merges
// imported files, re-anchors and exports; this module decides what to ask it and keeps the
// bookkeeping: undo/redo, tags and their colours, orphans, "carried over" placements on other
// versions of a story. No DOM.
//
// Where an annotation shows (its "home"): the article whose content hash its target names, at its
// TextPositionSelector when the quote is there; else where the core anchored it when it was
// imported or re-checked (record.anchor); else nowhere: an orphan, listed and never dropped.
// It also shows, marked "carried over", on the other versions of its article: the articles the
// library lists as versions of the same story (the core's story clusters, `sameStory`), where the
// core finds the passage; where it does not, that version lists it as "not in this version".
import { OffsetMap } from '../core/offsets.js';
import {
  authorKey,
  conflictsOf,
  editAnnotation,
  isNewer,
  modifiedOf,
  nowAfter,
  positionOf,
  quoteOf,
  readingOrder,
  recolorAnnotation,
  resolveConflict,
  tagsOf,
  targetHash,
  targetTitle,
  targetUrl,
  viewOf,
} from './annotation-model.js';
import { normaliseTagName, TagSet } from './tags.js';
import { UndoStack } from './undo.js';
import { anchoredAt, keepBest, orphanNear } from './anchor-records.js';

export const TAGS_META = 'annotationTags';
/** Articles per core call when an imported annotation is looked for in the whole collection. */
const SEARCH_CHUNK = 200;

/** A random UUID (crypto.randomUUID where the page has it). */
export function uuid() {
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An error from the core ({error: "…"}) as an exception. */
function parseCore(json, what) {
  let out;
  try {
    out = JSON.parse(json);
  } catch {
    throw new Error(`the reading engine returned malformed output for ${what}`);
  }
  if (out && typeof out.error === 'string') throw new Error(out.error);
  return out;
}

export class AnnotationBook {
  /**
   * @param {object} o
   * @param {(fn: string, ...args: (string|number)[]) => Promise<string>} o.call  the core
   * @param {object} o.store  store.js IdbStore or MemoryStore
   * @param {{get(id: string): object|undefined, has(id: string): boolean, list(): object[]}} o.articles
   * @param {() => {id: string, name: string}} [o.user]  who makes annotations
   * @param {() => number} [o.now]
   * @param {{post(message: object): void}} [o.bus]  tells other tabs what changed
   * @param {(a: string, b: string) => boolean} [o.sameStory]  whether two article ids are versions of
   *   one story, as the library lists them (stories.js Stories#sameStory)
   * @param {(what: string, detail?: object) => void} [o.onChange]
   * @param {(error: Error, action: 'read'|'write') => void} [o.onStorageError]
   */
  constructor({
    call,
    store,
    articles,
    user = () => ({ id: '', name: '' }),
    now = () => Date.now(),
    bus = null,
    sameStory = () => false,
    onChange = () => {},
    onStorageError = () => {},
  }) {
    this.call = call;
    this.store = store;
    this.articles = articles;
    this.user = user;
    this.now = now;
    this.bus = bus;
    this.sameStory = sameStory;
    this.onChange = onChange;
    this.onStorageError = onStorageError;
    /** @type {Map<string, object>} records as stored (see store.js), tombstones included */
    this.records = new Map();
    this.tags = new TagSet();
    this.history = new UndoStack();
    this.unsaved = new Map();
    this.saving = Promise.resolve();
    this.offsetMaps = new WeakMap(); // article record → OffsetMap of its body
    this.carried = new Map(); // `${annotation id}|${modified}|${article id}` → {status, start, end}
    this.anchoring = new Map(); // article id → Promise (carried-over anchoring running)
    this.rechecking = new Set(); // annotation ids being re-anchored into their own article
    this.recheckFailed = new Set(); // …and those the core could not be asked about (not again)
  }

  // --- Loading and storage ---------------------------------------------------------------------

  async load() {
    let rows = [];
    try {
      rows = await this.store.loadAnnotations();
    } catch (error) {
      this.onStorageError(error, 'read');
    }
    for (const r of rows) if (validRecord(r)) this.records.set(r.id, r);
    let tags = [];
    try {
      tags = (await this.store.getMeta(TAGS_META)) ?? [];
    } catch {
      /* the tags come back from the annotations below */
    }
    this.tags = new TagSet(tags);
    this.savedTags = JSON.stringify(this.tags.toJSON());
    for (const r of this.live()) for (const t of tagsOf(r.annotation)) this.tags.ensure(t.name, t.color);
  }

  /** Re-reads everything from storage (another tab may have written); newer versions win. */
  async reload() {
    let rows;
    try {
      rows = await this.store.loadAnnotations();
    } catch {
      return;
    }
    const changed = this.adopt(rows);
    try {
      const tags = await this.store.getMeta(TAGS_META);
      if (Array.isArray(tags)) this.mergeTags(tags);
    } catch {
      /* keep ours */
    }
    if (changed.length) this.onChange('records', { ids: changed, remote: true });
  }

  /** Another tab says these records changed: read them, keep the newer versions. */
  async receive(ids) {
    let rows;
    try {
      rows = ids === 'tags' ? [] : await this.store.getAnnotations(ids);
    } catch {
      return;
    }
    if (ids === 'tags') {
      try {
        const tags = await this.store.getMeta(TAGS_META);
        if (Array.isArray(tags) && this.mergeTags(tags)) this.onChange('tags', { remote: true });
      } catch {
        /* keep ours */
      }
      return;
    }
    const changed = this.adopt(rows);
    if (changed.length) this.onChange('records', { ids: changed, remote: true });
  }

  mergeTags(list) {
    let changed = false;
    for (const t of list) {
      if (!this.tags.has(t.name)) {
        this.tags.ensure(t.name, t.color);
        changed = true;
      } else if (this.tags.setColor(t.name, t.color)) changed = true;
    }
    return changed;
  }

  adopt(rows) {
    const changed = [];
    for (const r of rows) {
      if (!validRecord(r)) continue;
      const mine = this.records.get(r.id);
      if (this.unsaved.has(r.id)) continue; // ours is newer and not written yet
      if (mine && JSON.stringify(mine) === JSON.stringify(r)) continue;
      if (!isNewer(r, mine)) continue;
      this.records.set(r.id, r);
      if (r.annotation) for (const t of tagsOf(r.annotation)) this.tags.ensure(t.name, t.color);
      changed.push(r.id);
    }
    return changed;
  }

  /** Writes records (and any that failed before), newest-wins; reports failures, keeps memory. */
  persist(records) {
    for (const r of records) this.unsaved.set(r.id, r);
    const run = this.saving.then(async () => {
      const batch = [...this.unsaved.values()];
      if (!batch.length) return;
      let result;
      try {
        result = await this.store.putAnnotations(batch);
      } catch (error) {
        this.onStorageError(error, 'write');
        return;
      }
      for (const r of batch) if (this.unsaved.get(r.id) === r) this.unsaved.delete(r.id);
      // Another tab wrote a newer version meanwhile: it wins here too.
      const adopted = [];
      for (const stored of result.stale) {
        if (stored && validRecord(stored)) {
          this.records.set(stored.id, stored);
          adopted.push(stored.id);
        }
      }
      if (adopted.length) this.onChange('records', { ids: adopted, remote: true });
      if (result.written.length) this.bus?.post({ type: 'annotations', ids: result.written });
    });
    this.saving = run.catch(() => {});
    return run;
  }

  /** Stores the tag list when it changed since it was last stored or read. */
  async saveTagsIfChanged() {
    const json = JSON.stringify(this.tags.toJSON());
    if (json === this.savedTags) return;
    await this.saveTags();
  }

  async saveTags() {
    this.savedTags = JSON.stringify(this.tags.toJSON());
    try {
      await this.store.setMeta(TAGS_META, this.tags.toJSON());
      this.bus?.post({ type: 'tags' });
    } catch (error) {
      this.onStorageError(error, 'write');
    }
  }

  /** Whether some changes are only in memory (storage failed). */
  get hasUnsaved() {
    return this.unsaved.size > 0;
  }

  // --- Reading ---------------------------------------------------------------------------------

  /** Records of annotations that are not deleted. */
  live() {
    return [...this.records.values()].filter((r) => !r.deleted && r.annotation);
  }

  get(id) {
    const r = this.records.get(id);
    return r && !r.deleted ? r : null;
  }

  /** The offset converter of an article's body (made once per article). */
  offsetsOf(article) {
    let m = this.offsetMaps.get(article);
    if (!m) {
      m = new OffsetMap(article.article.body);
      this.offsetMaps.set(article, m);
    }
    return m;
  }

  /** The collection's article with this content hash, or null. */
  articleForHash(hash) {
    if (!hash) return null;
    const r = this.articles.get(hash.slice(0, 16));
    return r && r.hash === hash ? r : null;
  }

  /**
   * Where a record shows: {article, start, end (code points), kind: 'own'|'anchored'} or null (an
   * orphan, or an annotation whose article is here but whose quote must be looked for again:
   * then `recheck` is that article).
   */
  homeOf(record) {
    const a = record.annotation;
    const own = this.articleForHash(record.hash);
    if (own) {
      const pos = positionOf(a);
      const quote = quoteOf(a)?.exact ?? '';
      if (pos && quote) {
        const u = this.offsetsOf(own).rangeToUtf16(pos.start, pos.end);
        if (own.article.body.slice(u.start, u.end) === quote)
          return { article: own, start: pos.start, end: pos.end, kind: 'own' };
      }
    }
    const anchor = record.anchor;
    if (anchor?.status === 'anchored' && this.articles.has(anchor.article)) {
      return {
        article: this.articles.get(anchor.article),
        start: anchor.start,
        end: anchor.end,
        kind: own ? 'own' : 'anchored',
      };
    }
    // Its article is here but the quote is not at its position: the core looks for it once
    // (recheck); if it is not found there either, it is an orphan that belongs to that article.
    if (own && !(anchor?.status === 'orphan' && anchor.near === own.id) && !this.recheckFailed.has(record.id))
      return { article: null, recheck: own };
    return null;
  }

  /** The annotation's view (annotation-model.js viewOf) plus where it shows. */
  describe(record) {
    const home = this.homeOf(record);
    return { record, view: viewOf(record.annotation), home: home?.article ? home : null };
  }

  /** Live records that show nowhere. */
  orphans() {
    return this.live().filter((r) => !this.homeOf(r)?.article);
  }

  /**
   * What to draw on an article: its own annotations and those anchored into it, and carried-over
   * ones from its other versions; `missing`: annotations of other versions whose passage this one
   * lacks, and orphans that belong to this article but were not found in it (`orphan: true`).
   * Offsets in UTF-16 (for the page). Starts anchoring what is not known yet
   * (onChange('placements') when done).
   * @returns {{highlights: object[], missing: object[], pending: boolean}}
   */
  placementsFor(article) {
    const map = this.offsetsOf(article);
    const highlights = [];
    const missing = [];
    const fromOthers = new Map(); // other article id → records
    const recheck = [];
    for (const r of this.live()) {
      const home = this.homeOf(r);
      if (home?.recheck === article) recheck.push(r);
      if (!home?.article) {
        // An orphan made on another copy of this article (the core said so when it looked).
        if (!home?.recheck && r.anchor?.near === article.id)
          missing.push({ id: r.id, from: null, orphan: true, record: r, view: viewOf(r.annotation) });
        continue;
      }
      if (home.article === article) {
        const u = map.rangeToUtf16(home.start, home.end);
        highlights.push({
          id: r.id,
          start: u.start,
          end: u.end,
          cpStart: home.start,
          cpEnd: home.end,
          kind: home.kind,
          record: r,
          view: viewOf(r.annotation),
        });
      } else {
        if (!fromOthers.has(home.article.id)) fromOthers.set(home.article.id, []);
        fromOthers.get(home.article.id).push(r);
      }
    }
    if (recheck.length) this.recheck(recheck, article);
    let pending = recheck.length > 0;
    const unknown = [];
    for (const [otherId, records] of fromOthers) {
      const other = this.articles.get(otherId);
      if (!other || !this.sameStory(article.id, other.id)) continue;
      for (const r of records) {
        const known = this.carried.get(carryKey(r, article));
        if (!known) {
          unknown.push(r);
          continue;
        }
        const view = viewOf(r.annotation);
        if (known.status === 'unknown') continue;
        if (known.status === 'anchored') {
          const u = map.rangeToUtf16(known.start, known.end);
          highlights.push({
            id: r.id,
            start: u.start,
            end: u.end,
            cpStart: known.start,
            cpEnd: known.end,
            kind: 'carried',
            from: other,
            record: r,
            view,
          });
        } else {
          missing.push({ id: r.id, from: other, record: r, view });
        }
      }
    }
    if (unknown.length) {
      pending = true;
      this.carryInto(article, unknown);
    }
    return { highlights: readingOrder(highlights), missing, pending };
  }

  /** Anchors other versions' annotations into `article` (once per annotation version). */
  carryInto(article, records) {
    if (this.anchoring.has(article.id)) return this.anchoring.get(article.id);
    const run = (async () => {
      try {
        const results = await this.anchor(
          records.map((r) => r.annotation),
          [article],
        );
        for (const r of records) {
          const res = results.get(r.id);
          this.carried.set(
            carryKey(r, article),
            res?.status === 'anchored'
              ? { status: 'anchored', start: res.start, end: res.end, score: res.score }
              : { status: 'orphan' },
          );
        }
      } catch (error) {
        // Not known (the core could not be asked): shown neither as carried nor as missing.
        for (const r of records)
          this.carried.set(carryKey(r, article), {
            status: 'unknown',
            error: String(error?.message || error),
          });
        console.warn('Lectern: annotations of other versions could not be placed:', error);
      } finally {
        this.anchoring.delete(article.id);
      }
      this.onChange('placements', { articleId: article.id });
    })();
    this.anchoring.set(article.id, run);
    return run;
  }

  /** Annotations of `article` whose quote is not at its position: anchored again, stored. */
  async recheck(records, article) {
    const todo = records.filter((r) => !this.rechecking.has(r.id));
    if (!todo.length) return;
    for (const r of todo) this.rechecking.add(r.id);
    try {
      let results;
      try {
        results = await this.anchor(
          todo.map((r) => r.annotation),
          [article],
        );
      } catch (error) {
        for (const r of todo) this.recheckFailed.add(r.id);
        console.warn('Lectern: annotations could not be placed again:', error);
        this.onChange('records', { ids: todo.map((r) => r.id) });
        return;
      }
      const updated = [];
      for (const r of todo) {
        const res = results.get(r.id);
        const anchor =
          res?.status === 'anchored' ? anchoredAt(res, article.id) : orphanNear(article.id, res?.score);
        const current = this.records.get(r.id);
        if (current !== r) continue;
        const next = { ...r, anchor };
        this.records.set(r.id, next);
        updated.push(next);
      }
      if (updated.length) {
        this.persist(updated);
        this.onChange('records', { ids: updated.map((r) => r.id) });
      }
    } finally {
      for (const r of todo) this.rechecking.delete(r.id);
    }
  }

  /**
   * The core's anchoring of annotations into articles (code points).
   * @returns {Promise<Map<string, {status: string, start: number, end: number, score: number, article: string, match: string}>>}
   */
  async anchor(annotations, articles) {
    const out = new Map();
    if (!annotations.length || !articles.length) return out;
    const json = await this.call(
      'annotationsAnchor',
      JSON.stringify(annotations),
      JSON.stringify(
        articles.map((r) => ({
          id: r.id,
          body: r.article.body,
          title: r.article.title || undefined,
          url: r.article.url || undefined,
        })),
      ),
      JSON.stringify({ offsetUnit: 'codepoint' }),
    );
    const res = parseCore(json, 'anchoring');
    for (const x of res.results ?? []) out.set(x.id, x);
    return out;
  }

  /**
   * Where annotations that are not at home by their hash belong in this collection: first among
   * articles with the same hash, title or URL, then in the whole collection (a chunk at a time).
   * @returns {Promise<Map<string, object>>} id → anchor record (status 'anchored' or 'orphan')
   */
  async placeImported(annotations) {
    const anchors = new Map();
    const todo = annotations.filter((a) => {
      const own = this.articleForHash(targetHash(a));
      if (!own) return true;
      const pos = positionOf(a);
      const quote = quoteOf(a)?.exact ?? '';
      if (!pos) return true;
      const u = this.offsetsOf(own).rangeToUtf16(pos.start, pos.end);
      return own.article.body.slice(u.start, u.end) !== quote;
    });
    if (!todo.length) return anchors;
    const all = this.articles.list();
    const best = new Map();
    const take = (results) => keepBest(best, results);
    const likely = (a) => {
      const hash = targetHash(a);
      const title = targetTitle(a).trim();
      const url = targetUrl(a);
      return all.filter(
        (r) =>
          (hash && r.id === hash.slice(0, 16)) ||
          (title && r.article.title.trim() === title) ||
          (url && r.article.url === url),
      );
    };
    const candidates = [...new Set(todo.flatMap(likely))];
    if (candidates.length) take(await this.anchor(todo, candidates));
    let left = todo.filter((a) => best.get(a.id)?.status !== 'anchored');
    for (let i = 0; left.length && i < all.length; i += SEARCH_CHUNK) {
      take(await this.anchor(left, all.slice(i, i + SEARCH_CHUNK)));
      left = left.filter((a) => best.get(a.id)?.status !== 'anchored');
    }
    for (const a of todo) {
      const res = best.get(a.id);
      anchors.set(
        a.id,
        res?.status === 'anchored' ? anchoredAt(res) : orphanNear(res?.article ?? '', res?.score),
      );
    }
    return anchors;
  }

  /**
   * Orphans whose article has just arrived (or another copy of it): anchored into `articles` (new
   * library records) when the core finds them there. Not an undoable change: nothing the user did.
   * @returns {Promise<number>} how many found a place
   */
  async adoptOrphans(articles) {
    const orphans = this.orphans();
    if (!orphans.length || !articles.length) return 0;
    const results = new Map();
    for (let i = 0; i < articles.length; i += SEARCH_CHUNK) {
      const found = await this.anchor(
        orphans.map((r) => r.annotation),
        articles.slice(i, i + SEARCH_CHUNK),
      );
      keepBest(results, found);
    }
    const updated = [];
    for (const r of orphans) {
      const res = results.get(r.id);
      const current = this.records.get(r.id);
      if (current !== r) continue;
      if (res?.status === 'anchored') updated.push({ ...r, anchor: anchoredAt(res) });
      else if (res?.article && !r.anchor?.near)
        updated.push({ ...r, anchor: orphanNear(res.article, res.score) });
    }
    for (const r of updated) this.records.set(r.id, r);
    if (updated.length) {
      this.persist(updated);
      this.onChange('records', { ids: updated.map((r) => r.id) });
    }
    return updated.filter((r) => r.anchor.status === 'anchored').length;
  }

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
    for (const [id, annotation] of changes) {
      const old = this.records.get(id);
      before.set(id, old && !old.deleted ? old.annotation : null);
      after.set(id, annotation);
      let record;
      if (annotation) {
        const sameTarget =
          old?.annotation && JSON.stringify(old.annotation.target) === JSON.stringify(annotation.target);
        record = {
          id,
          hash: targetHash(annotation),
          modified: modifiedOf(annotation),
          annotation,
          anchor: undefined,
        };
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
   * @returns {Promise<{imported: number, duplicates: number, conflicts: number, orphaned: number,
   *   deletedHere: number, errors: string[], warnings: string[], ids: string[], fatal: boolean}>}
   */
  async importText(text, { label = 'Import' } = {}) {
    const existing = this.live().map((r) => r.annotation);
    const res = parseCore(
      await this.call('annotationsImport', JSON.stringify(existing), String(text)),
      'the import',
    );
    const problems = (list) =>
      (Array.isArray(list) ? list : []).map((e) =>
        e.path ? `${e.path}: ${e.message}` : String(e.message ?? e),
      );
    const summary = {
      imported: res.imported ?? 0,
      duplicates: res.duplicates ?? 0,
      conflicts: res.conflicts ?? 0,
      orphaned: 0,
      errors: problems(res.errors),
      warnings: problems(res.warnings),
      ids: [],
      fatal: false,
      container: res.container ?? '',
      deletedHere: 0,
    };
    const changed = new Set(res.changed ?? []);
    summary.fatal = !res.container && summary.errors.length > 0 && !changed.size;
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
    const incoming = (res.merged ?? []).filter((a) => a && changed.has(a.id));
    if (!incoming.length) return summary;
    const anchors = await this.placeImported(incoming);
    const changes = new Map(incoming.map((a) => [a.id, a]));
    // A changed annotation whose target did not change keeps its place.
    for (const a of incoming) {
      if (anchors.has(a.id)) continue;
      anchors.set(a.id, undefined);
    }
    await this.apply(changes, { label, anchors });
    await this.saveTags();
    summary.ids = [...changes.keys()];
    summary.orphaned = summary.ids.filter((id) => !this.homeOf(this.records.get(id))?.article).length;
    return summary;
  }

  /**
   * The annotations to export: all, one article's (those showing on it as its own or anchored
   * into it) or one tag's.
   */
  selectForExport({ articleId = '', tag = '' } = {}) {
    let list = this.live();
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
   * @param {{format?: 'jsonld'|'markdown'|'html', articleId?: string, tag?: string, label?: string}} o
   * @returns {Promise<{text: string, mediaType: string, count: number}>}
   */
  async exportText({ format = 'jsonld', articleId = '', tag = '', label = '' } = {}) {
    const list = this.selectForExport({ articleId, tag });
    const res = parseCore(
      await this.call(
        'annotationsExport',
        JSON.stringify(list),
        JSON.stringify({ format, label: label || undefined }),
      ),
      'the export',
    );
    return {
      text: String(res.text ?? ''),
      mediaType: String(res.mediaType ?? 'application/json'),
      count: res.count ?? list.length,
    };
  }
}

function carryKey(record, article) {
  return `${record.id}|${record.modified}|${article.id}`;
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

function validRecord(r) {
  return Boolean(
    r &&
    typeof r.id === 'string' &&
    r.id &&
    (r.deleted || (r.annotation && typeof r.annotation === 'object')),
  );
}
