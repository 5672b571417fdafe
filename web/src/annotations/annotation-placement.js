// Placing annotations in the collection's articles with the core (annotationsAnchor): carried
// over to the other versions of their article's story (the articles the library lists together,
// `sameStory`: the core's story clusters) where the core finds the passage, "not in this version"
// where it does not; re-checked in their own article when the quote moved; imported ones looked
// for in the collection; orphans adopted by articles that arrive later.
import {
  readingOrder,
  positionOf,
  quoteOf,
  targetHash,
  targetTitle,
  targetUrl,
  viewOf,
} from './annotation-model.js';
import { anchoredAt, keepBest, orphanNear } from './anchor-records.js';
import { AnnotationRecords, parseCore } from './annotation-records.js';

/** Articles per core call when an imported annotation is looked for in the whole collection. */
const SEARCH_CHUNK = 200;

export class AnnotationPlacement extends AnnotationRecords {
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
    const json = await this.anchorInCore(
      JSON.stringify(annotations),
      articles.map((r) => ({
        id: r.id,
        body: r.article.body,
        title: r.article.title || undefined,
        url: r.article.url || undefined,
      })),
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
}

function carryKey(record, article) {
  return `${record.id}|${record.modified}|${article.id}`;
}
