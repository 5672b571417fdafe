// The annotations view's content (#annotations), from the bookkeeping: pure, no DOM.
import { authorKey, authorsOf, filterAnnotations, viewOf } from './annotation-model.js';
import { rowOf } from '../library/records.js';
import { TimeSlicer, forEachSliced, sortSliced } from '../shell/slices.js';

/**
 * Articles the filter offers at most: a select of 20,000 took 1.6 s to lay out in Chromium (230 ms
 * at a fixed width). The rest are found by title in the search, which matches titles too.
 */
export const ARTICLE_CHOICES = 300;

/** Items filtered at a time (the filter is per item; a slice's worth between yields). */
const FILTER_CHUNK = 2000;

/**
 * What the annotations view lists: the annotations passing `filters` in reading order (articles in
 * library order), the tags with their counts, the articles and authors to filter by, the orphans.
 * @param {import('./annotations.js').AnnotationBook} book
 * @param {{list(): object[], get(id: string): object|undefined}} articles  the collection
 * @param {{id: string, name: string}} user  who is "you"
 * @param {object} filters  annotation-model.js filterAnnotations
 * @param {TimeSlicer} [slicer]  100,000 annotations take a second or more: worked through in
 *   slices, yielding in between (atOnce() for the answer without a yield)
 */
export async function collectionListing(book, articles, user, filters, slicer = new TimeSlicer()) {
  const items = await listItems(book, articles, slicer);
  const filtered = [];
  for (let i = 0; i < items.length; i += FILTER_CHUNK) {
    for (const it of filterAnnotations(items.slice(i, i + FILTER_CHUNK), filters)) filtered.push(it);
    await slicer.maybePause();
  }
  const tagCounts = new Map();
  await forEachSliced(
    items,
    (it) => {
      for (const t of it.view.tags) {
        const k = t.name.toLocaleLowerCase('en');
        tagCounts.set(k, (tagCounts.get(k) ?? 0) + 1);
      }
    },
    slicer,
  );
  const tags = book.tags.list().map((t) => ({
    ...t,
    shortcut: book.tags.shortcutOf(t.name),
    count: tagCounts.get(t.name.toLocaleLowerCase('en')) ?? 0,
  }));
  const { listed, unlisted } = articleChoices(items, filters.article ?? '');
  const orphans = items
    .filter((it) => it.status === 'orphan')
    .map((it) => {
      const near = it.record.anchor?.near ? articles.get(it.record.anchor.near) : null;
      return { id: it.id, view: it.view, nearTitle: near ? rowOf(near).displayTitle : '' };
    });
  const authors = (await authorsSliced(items, slicer)).map((a) => ({
    ...a,
    label: a.key === authorKey(user) ? `${user.name || 'You'} (you)` : a.label,
  }));
  return {
    items: filtered,
    total: items.length,
    tags,
    articles: listed,
    unlistedArticles: unlisted,
    authors,
    orphans,
  };
}

/**
 * The articles to filter by: those with the most annotations, at most ARTICLE_CHOICES, in reading
 * order, with the one filtered by now always among them; `unlisted` counts the others.
 * @param {ListedAnnotation[]} items  in reading order
 * @param {string} current  the article filtered by ('' for none)
 */
function articleChoices(items, current) {
  /** @type {Map<string, {id: string, title: string, count: number}>} */
  const byId = new Map();
  for (const it of items) {
    if (!it.articleId) continue;
    const known = byId.get(it.articleId);
    if (known) known.count++;
    else byId.set(it.articleId, { id: it.articleId, title: it.articleTitle, count: 1 });
  }
  let kept = [...byId.values()];
  if (kept.length > ARTICLE_CHOICES) {
    const most = new Set(
      [...kept]
        .sort((a, b) => b.count - a.count)
        .slice(0, ARTICLE_CHOICES)
        .map((a) => a.id),
    );
    if (byId.has(current)) most.add(current);
    kept = kept.filter((a) => most.has(a.id));
  }
  return { listed: kept.map(({ id, title }) => ({ id, title })), unlisted: byId.size - kept.length };
}

/**
 * annotation-model.js authorsOf over the items, a chunk at a time (the counts of the chunks
 * added up; the first label met for an author kept, as authorsOf keeps it).
 * @param {ListedAnnotation[]} items
 * @param {TimeSlicer} slicer
 */
async function authorsSliced(items, slicer) {
  const byKey = new Map();
  for (let i = 0; i < items.length; i += FILTER_CHUNK) {
    for (const a of authorsOf(items.slice(i, i + FILTER_CHUNK).map((it) => it.view))) {
      const known = byKey.get(a.key);
      if (known) known.count += a.count;
      else byKey.set(a.key, { ...a });
    }
    await slicer.maybePause();
  }
  return [...byKey.values()].sort((a, b) => a.label.localeCompare(b.label));
}

// An annotation's view is read again at every render of the view (each filter change); an
// annotation object is never changed in place (edits make a new one), so its view is kept.
const views = new WeakMap();
function viewFor(annotation) {
  let v = views.get(annotation);
  if (!v) views.set(annotation, (v = viewOf(annotation)));
  return v;
}

/**
 * @typedef {object} ListedAnnotation
 * @property {string} id
 * @property {object} record  the annotation's record (annotations.js)
 * @property {object} view    annotation-model.js viewOf
 * @property {string} articleId     where it shows ('' for an orphan)
 * @property {string} articleTitle
 * @property {'placed'|'orphan'} status
 * @property {string} kind    own | anchored | orphan
 * @property {number} start   its position there (code points)
 * @property {number} order   its article's place in the library
 */

/**
 * Every live annotation with where it shows, in reading order.
 * @param {TimeSlicer} slicer
 * @returns {Promise<ListedAnnotation[]>}
 */
async function listItems(book, articles, slicer) {
  const order = new Map();
  await forEachSliced(articles.list(), (r, i) => order.set(r.id, i), slicer);
  /** @type {ListedAnnotation[]} */
  const items = [];
  await forEachSliced(
    book.live(),
    (r) => {
      const home = book.homeOf(r);
      const article = home?.article ?? null;
      items.push({
        id: r.id,
        record: r,
        view: viewFor(r.annotation),
        articleId: article?.id ?? '',
        articleTitle: article ? rowOf(article).displayTitle : '',
        status: article ? 'placed' : 'orphan',
        kind: home?.kind ?? 'orphan',
        start: home?.start ?? 0,
        order: article ? order.get(article.id) : Infinity,
      });
    },
    slicer,
  );
  return sortSliced(items, (a, b) => a.order - b.order || a.start - b.start || a.id.localeCompare(b.id), {
    slicer,
  });
}
