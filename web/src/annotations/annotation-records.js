// The annotations of this browser as records: kept in memory, stored per annotation in IndexedDB
// (store.js), shared with other open tabs (`bus`), and where each one shows (its "home"). The
// base of AnnotationBook (annotations.js); annotation-placement.js places them in articles.
//
// Where an annotation shows (its "home"): the article whose content hash its target names, at its
// TextPositionSelector when the quote is there; else where the core anchored it when it was
// imported or re-checked (record.anchor); else nowhere: an orphan, listed and never dropped.
import { OffsetMap } from '../core/offsets.js';
import { isNewer, positionOf, quoteOf, tagsOf, viewOf } from './annotation-model.js';
import { TagSet } from './tags.js';
import { isCorrection } from '../entities/corrections.js';
import { UndoStack } from './undo.js';
import { TimeSlicer } from '../shell/slices.js';
import { shareAnnotationStrings } from './annotation-strings.js';

export const TAGS_META = 'annotationTags';

/** An error from the core ({error: "…"}) as an exception. */
export function parseCore(json, what) {
  let out;
  try {
    out = JSON.parse(json);
  } catch {
    throw new Error(`the reading engine returned malformed output for ${what}`);
  }
  if (out && typeof out.error === 'string') throw new Error(out.error);
  return out;
}

export class AnnotationRecords {
  /**
   * @param {object} o
   * @param {(fn: string, ...args: (string|number)[]) => Promise<string>} o.call  the core
   * @param {(annotationsJson: string, articles: {id: string, body: string, title?: string,
   *   url?: string}[], optionsJson: string) => Promise<string>} [o.anchor]  the core's
   *   annotationsAnchor (by default through `call`; worker-client.js WorkerReader#anchor sends
   *   each body to the worker once)
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
    anchor = (annotationsJson, articles, optionsJson) =>
      call('annotationsAnchor', annotationsJson, JSON.stringify(articles), optionsJson),
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
    this.anchorInCore = anchor;
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
    const slicer = new TimeSlicer(); // 100,000 records: in slices, the page painting in between
    for (const r of rows) {
      if (validRecord(r)) this.records.set(r.id, shareAnnotationStrings(r));
      if (slicer.due()) await slicer.pause();
    }
    let tags = [];
    try {
      tags = (await this.store.getMeta(TAGS_META)) ?? [];
    } catch {
      /* the tags come back from the annotations below */
    }
    this.tags = new TagSet(tags);
    this.savedTags = JSON.stringify(this.tags.toJSON());
    for (const r of this.live()) {
      for (const t of tagsOf(r.annotation)) this.tags.ensure(t.name, t.color);
      if (slicer.due()) await slicer.pause();
    }
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
      this.records.set(r.id, shareAnnotationStrings(r));
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

  /** Records of annotations that are not deleted, entity corrections included (for import and export). */
  all() {
    return this.notDeleted(() => true);
  }

  /** Records of the highlights (annotations that are not deleted and not entity corrections). */
  live() {
    return this.notDeleted((a) => !isCorrection(a));
  }

  /** Records of the entity corrections (entities/corrections.js), not deleted. */
  corrections() {
    return this.notDeleted(isCorrection);
  }

  /** Records not deleted whose annotation passes `test`: one pass, as each change asks for these. */
  notDeleted(test) {
    const out = [];
    for (const r of this.records.values()) if (!r.deleted && r.annotation && test(r.annotation)) out.push(r);
    return out;
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
    // Records stored before they carried the hash are matched by their key (its first 16 digits)
    // until the core has computed it.
    return r && (r.hash ?? hash) === hash ? r : null;
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
}

function validRecord(r) {
  return Boolean(
    r &&
    typeof r.id === 'string' &&
    r.id &&
    (r.deleted || (r.annotation && typeof r.annotation === 'object')),
  );
}
