// The entity index as a table: which entries are shown (type, search, outlet) and in what order.
// Pure functions (no DOM, no core) over the core's IndexedEntity entries.
import { ENTITY_TYPES, othersOfType, searchIndex } from './entity-model.js';

/** @typedef {import('../core/lectern-core.js').IndexedEntity} IndexedEntity */

/** The sortable columns, with the direction of a first click (counts: biggest first). */
export const INDEX_COLUMNS = Object.freeze({
  name: { label: 'Name', firstDirection: 'ascending' },
  type: { label: 'Type', firstDirection: 'ascending' },
  articles: { label: 'Articles', firstDirection: 'descending' },
  mentions: { label: 'Mentions', firstDirection: 'descending' },
  outlets: { label: 'Outlets', firstDirection: 'descending' },
  first: { label: 'Dates', firstDirection: 'ascending' },
});

/** The order before any click: the core's (most mentioned first). */
export const DEFAULT_INDEX_SORT = Object.freeze({ column: null, direction: 'descending' });

/**
 * The next sort after a click on `column`: a new column sorts in its first direction, the same one
 * again reverses.
 * @param {{column: string|null, direction: string}} sort
 * @param {string} column
 */
export function nextIndexSort(sort, column) {
  if (!INDEX_COLUMNS[column]) return sort;
  if (sort?.column === column) {
    return { column, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { column, direction: INDEX_COLUMNS[column].firstDirection };
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const TYPE_ORDER = new Map(ENTITY_TYPES.map((t, i) => [t.type, i]));

/** The value an entry sorts by ('' / null: none, always last). */
function keyOf(entry, column) {
  switch (column) {
    case 'name':
      return entry.name ?? '';
    case 'type':
      return TYPE_ORDER.get(entry.type) ?? TYPE_ORDER.size;
    case 'articles':
      return entry.articles.length;
    case 'mentions':
      return entry.mentions;
    case 'outlets':
      return entry.outlets.length;
    case 'first':
      return entry.first ?? '';
    default:
      return null;
  }
}

/**
 * Entries sorted by `sort` (a new array; stable, so ties keep the core's order, most mentioned
 * first). Entries with no value in the column (no date) go last in both directions.
 * @param {IndexedEntity[]} entries
 * @param {{column: string|null, direction: string}} sort
 */
export function sortEntities(entries, sort) {
  const column = sort?.column;
  if (!column || !INDEX_COLUMNS[column]) return entries.slice();
  const sign = sort.direction === 'descending' ? -1 : 1;
  const keyed = entries.map((entry, i) => ({ entry, i, key: keyOf(entry, column) }));
  keyed.sort((a, b) => {
    const missingA = a.key === '' || a.key == null;
    const missingB = b.key === '' || b.key == null;
    if (missingA !== missingB) return missingA ? 1 : -1;
    let c = 0;
    if (!missingA) c = typeof a.key === 'number' ? a.key - b.key : collator.compare(a.key, b.key);
    return c * sign || a.i - b.i;
  });
  return keyed.map((k) => k.entry);
}

/**
 * @typedef {object} IndexFilter
 * @property {string} [type]  '' or absent: every type
 * @property {string} [query]  searched in the name and the id
 * @property {string} [outlet]  '' or absent: every outlet
 * @property {'in'|'not-in'} [presence]  with an outlet: the entities it carries, or those it leaves
 *   out (which other outlets carry)
 */

/**
 * The entries that pass the filter, in the given order.
 * @param {IndexedEntity[]} entries
 * @param {IndexFilter} filter
 */
export function filterEntities(entries, { type = '', query = '', outlet = '', presence = 'in' } = {}) {
  let out = type ? entries.filter((e) => e.type === type) : entries;
  if (outlet) {
    const wanted = presence !== 'not-in';
    out = out.filter((e) => e.outlets.includes(outlet) === wanted);
  }
  return searchIndex(out, query);
}

/**
 * How many entities of each type the index holds (every type of ENTITY_TYPES, 0 when none).
 * @param {IndexedEntity[]} entries
 * @returns {Map<string, number>}
 */
export function typeCounts(entries) {
  const counts = new Map(ENTITY_TYPES.map((t) => [t.type, 0]));
  for (const e of entries) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  return counts;
}

/**
 * The outlets of the collection (as the index names them), each with the number of entities it
 * carries, most first, then by name.
 * @param {IndexedEntity[]} entries
 * @returns {{outlet: string, entities: number}[]}
 */
export function indexOutlets(entries) {
  const counts = new Map();
  for (const e of entries) for (const o of e.outlets) counts.set(o, (counts.get(o) ?? 0) + 1);
  return [...counts]
    .map(([outlet, entities]) => ({ outlet, entities }))
    .sort((a, b) => b.entities - a.entities || collator.compare(a.outlet, b.outlet));
}

/**
 * For one entity: how many of its articles each outlet published, most first, then by name;
 * articles with no outlet are counted under ''.
 * @param {IndexedEntity} entry
 * @param {(articleId: string) => string} outletOf  an article's outlet ('' when unknown)
 * @returns {{outlet: string, articles: number}[]}
 */
export function outletCounts(entry, outletOf) {
  const counts = new Map();
  for (const id of entry.articles) {
    const outlet = outletOf(id) ?? '';
    counts.set(outlet, (counts.get(outlet) ?? 0) + 1);
  }
  return [...counts]
    .map(([outlet, articles]) => ({ outlet, articles }))
    .sort((a, b) => b.articles - a.articles || collator.compare(a.outlet, b.outlet));
}

/**
 * The outlets of the collection that never mention the entity (an analyst's "who leaves it out").
 * @param {IndexedEntity} entry
 * @param {string[]} allOutlets
 */
export function missingOutlets(entry, allOutlets) {
  const carried = new Set(entry.outlets);
  return allOutlets.filter((o) => !carried.has(o));
}

/**
 * The entities `entry` can be merged into: the others of its type, searched by `query`, most
 * mentioned first (the index's order), at most `limit`.
 * @param {IndexedEntity[]} entries
 * @param {IndexedEntity} entry
 * @param {string} query
 * @param {number} [limit]
 */
export function mergeCandidates(entries, entry, query, limit = 50) {
  return searchIndex(othersOfType(entries, entry.type, entry.entity), query).slice(0, limit);
}
