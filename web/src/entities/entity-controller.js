// Entities in the page: each article's mentions (found by the core when the article was read, or
// now for articles stored before), corrected by the user's corrections (corrections.js, kept as
// annotations in the annotation book), and the collection's entity index, which the core builds
// from the stored mentions and the user's edits. Views ask here; nothing here draws.
import { parseCore } from '../annotations/annotation-records.js';
import { hasMentions, packMentions, unpackMentions } from './stored-mentions.js';
import { yieldToEventLoop } from '../shell/yield.js';
import { applyToMentions, correctionFields, correctionOf, editsOf } from './corrections.js';
import { indexArticles, shownMentions } from './entity-model.js';

/**
 * What the entities need of the page.
 * @typedef {object} EntityDeps
 * @property {import('../library/collection.js').Collection} collection
 * @property {() => Promise<{call(fn: string, ...args: string[]): Promise<string>}>} core  the core
 *   (the import worker)
 * @property {() => import('../annotations/annotations.js').AnnotationBook|null} book
 * @property {(records: object[]) => Promise<void>} persist  stores changed records
 * @property {() => void} changed  the mentions, the corrections or the index changed
 */

/** @typedef {import('../core/lectern-core.js').IndexedEntity} IndexedEntity */

/** Corrections apply in the order they were made (ISO times compare as strings). */
const byMade = (/** @type {{made: string}} */ a, /** @type {{made: string}} */ b) =>
  a.made < b.made ? -1 : a.made > b.made ? 1 : 0;

export class EntityController {
  /** @param {EntityDeps} deps */
  constructor(deps) {
    this.deps = deps;
    this.version = 0; // bumped by every change that can change the index
    /** @type {{version: number, promise: Promise<IndexedEntity[]>}|null} */
    this.indexRun = null;
    /** @type {Map<string, IndexedEntity>} the last index, by entity id */
    this.entries = new Map();
    /** @type {IndexedEntity[]} */
    this.lastIndex = [];
    /** @type {Map<string, string>} ids the index joined to another (a surname to its full name) */
    this.linkedTo = new Map();
    this.correctionsKey = '';
    this.finding = new Map(); // record id → Promise (mentions being found)
  }

  // --- Changes ---------------------------------------------------------------------------------

  /** Articles came or went, or mentions or corrections changed. */
  invalidate() {
    this.version++;
    this.deps.changed();
  }

  /** The annotation book changed: invalidates when its entity corrections did. */
  annotationsChanged() {
    const key = (this.deps.book()?.corrections() ?? [])
      .map((r) => `${r.id}@${r.annotation.modified ?? ''}`)
      .sort()
      .join(' ');
    if (key === this.correctionsKey) return;
    this.correctionsKey = key;
    this.invalidate();
  }

  // --- One article -----------------------------------------------------------------------------

  /** Whether the core has found this article's mentions. */
  has(record) {
    return hasMentions(record?.article);
  }

  /**
   * Finds the mentions of an article stored before the page found entities (once; stored).
   * @returns {Promise<void>}
   */
  ensure(record) {
    if (this.has(record)) return Promise.resolve();
    if (!this.finding.has(record.id)) {
      const run = (async () => {
        const core = await this.deps.core();
        const a = record.article;
        const answer = parseCore(
          await core.call('entities', a.body, JSON.stringify({ date: a.date || '' })),
          'entities',
        );
        a.entities = packMentions(Array.isArray(answer) ? answer : []);
        await this.deps.persist([record]);
      })().finally(() => this.finding.delete(record.id));
      this.finding.set(record.id, run);
      run.then(
        () => this.invalidate(),
        () => {},
      );
    }
    return this.finding.get(record.id);
  }

  /** The entity corrections placed in `record`, UTF-16 offsets, in the order they were made. */
  correctionsIn(record) {
    const book = this.deps.book();
    if (!book) return [];
    const out = [];
    for (const r of book.corrections()) {
      const home = book.homeOf(r);
      if (home?.article !== record) continue;
      const u = book.offsetsOf(record).rangeToUtf16(home.start, home.end);
      out.push({
        start: u.start,
        end: u.end,
        correction: correctionOf(r.annotation),
        made: r.annotation.modified ?? '',
      });
    }
    return out.sort(byMade);
  }

  /** The article's mentions after its classifying corrections (UTF-16; [] until found). */
  mentionsOf(record) {
    if (!this.has(record)) return [];
    return applyToMentions(
      unpackMentions(record.article.entities),
      this.correctionsIn(record),
      record.article.body,
    );
  }

  /**
   * The article's mentions as the reader shows them: text, and the id of each in the index.
   * @returns {Promise<import('./entity-model.js').ShownMention[]>}
   */
  async shown(record) {
    await this.ensure(record);
    const mentions = this.mentionsOf(record);
    const articles = indexArticles([record], () => mentions);
    const ids = parseCore(
      await (
        await this.deps.core()
      ).call('resolveEntities', JSON.stringify(articles), JSON.stringify(this.edits())),
      'entity ids',
    );
    const resolved =
      Array.isArray(ids) && Array.isArray(ids[0]) ? ids[0].map((id) => this.canonical(id)) : null;
    return shownMentions(mentions, record.article.body, resolved);
  }

  /** The id of the index entry an id (after the edits) belongs to, as far as the last index knows. */
  canonical(id) {
    return this.linkedTo.get(id) ?? id;
  }

  // --- The collection --------------------------------------------------------------------------

  /** The core's EntityEdits for the identifying corrections. */
  edits() {
    const book = this.deps.book();
    if (!book) return {};
    const placed = [];
    for (const r of book.corrections()) {
      const correction = correctionOf(r.annotation);
      if (correction?.kind !== 'identify') continue;
      const home = book.homeOf(r);
      const quote =
        r.annotation.target?.selector?.find?.((s) => s?.type === 'TextQuoteSelector')?.exact ?? '';
      placed.push({
        text: quote,
        articleId: home?.article?.id ?? '',
        correction,
        made: r.annotation.modified ?? '',
      });
    }
    placed.sort(byMade);
    return editsOf(placed);
  }

  /**
   * The collection's entity index (most mentioned first), after the user's corrections; articles
   * whose mentions are not known yet are read first. Computed once per change.
   * @returns {Promise<IndexedEntity[]>}
   */
  index() {
    if (this.indexRun?.version === this.version) return this.indexRun.promise;
    const version = this.version;
    const promise = (async () => {
      const records = this.deps.collection.list();
      for (const [i, r] of records.entries()) {
        if (this.has(r)) continue;
        await this.ensure(r);
        if (i % 50 === 49) await yieldToEventLoop();
      }
      const articles = indexArticles(records, (r) => this.mentionsOf(r));
      const core = await this.deps.core();
      const list = parseCore(
        await core.call('entityIndex', JSON.stringify(articles), JSON.stringify(this.edits())),
        'the entity index',
      );
      const index = Array.isArray(list) ? list : [];
      if (version === this.version) {
        this.lastIndex = index;
        this.entries = new Map(index.map((e) => [e.entity, e]));
        this.linkedTo = new Map(index.flatMap((e) => (e.linked ?? []).map((id) => [id, e.entity])));
      }
      return index;
    })();
    // Finding mentions invalidates; the run stays the one for the version it started at.
    this.indexRun = { version, promise };
    promise.catch(() => {
      if (this.indexRun?.promise === promise) this.indexRun = null;
    });
    return promise;
  }

  /** The last index's entry for an entity id (undefined before the index is known). */
  entryOf(id) {
    return this.entries.get(this.canonical(id));
  }

  /** Ids of the articles that mention an entity (after the edits), from the last index. */
  articlesMentioning(id) {
    return this.entryOf(id)?.articles ?? [];
  }

  // --- Corrections -----------------------------------------------------------------------------

  /**
   * Records a correction on [start, end) (UTF-16) of `record`'s body as an annotation.
   * @param {object} record
   * @param {{start: number, end: number}} range
   * @param {import('./corrections.js').Correction} correction
   * @returns {Promise<string>} the annotation's id
   */
  async correct(record, { start, end }, correction) {
    const book = this.deps.book();
    if (!book) throw new Error('annotations are not loaded yet');
    return book.correct(record, { start, end }, correctionFields(correction));
  }
}
