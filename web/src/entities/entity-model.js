// Entities as the page shows them: the four types, an article's mentions grouped for its panel,
// the articles handed to the core's entity index. Pure functions (no DOM, no core).

/** The types in the order the page lists them, with their names (displaCy's colours: entities.css). */
export const ENTITY_TYPES = Object.freeze([
  { type: 'PER', label: 'People', one: 'Person' },
  { type: 'ORG', label: 'Organisations', one: 'Organisation' },
  { type: 'LOC', label: 'Places', one: 'Place' },
  { type: 'DATE', label: 'Dates', one: 'Date' },
]);

/** "Person", "Place", … for a type ("Entity" for one the page does not know). */
export function typeName(type) {
  return ENTITY_TYPES.find((t) => t.type === type)?.one ?? 'Entity';
}

/**
 * A mention as the reader and the panel use it.
 * @typedef {{start: number, end: number, type: string, entity: string, value?: string,
 *   corrected?: boolean, text: string, id: string}} ShownMention
 *   start/end UTF-16 offsets into the body; entity: the core's id within the article; id: the id
 *   after the user's edits (the entry of the collection's index)
 */

/**
 * The mentions of one article with their text and their ids after the edits.
 * @param {{start: number, end: number, type: string, entity: string, value?: string}[]} mentions
 * @param {string} body
 * @param {string[]|null} ids  resolved ids, one per mention (null: not known yet, the core's ids)
 * @returns {ShownMention[]}
 */
export function shownMentions(mentions, body, ids) {
  return mentions.map((m, i) => ({ ...m, text: body.slice(m.start, m.end), id: ids?.[i] || m.entity }));
}

/**
 * An article's entities for its panel: per type (in ENTITY_TYPES order, empty types left out), each
 * entity once with its name (the index's, else the longest form written here), its mentions in
 * text order and, for dates, the resolved value; most mentioned first, then by first appearance.
 * @param {ShownMention[]} mentions
 * @param {(id: string) => {name: string, articles: string[]}|undefined} entryOf  the index's entry
 */
export function panelGroups(mentions, entryOf) {
  const byId = new Map();
  for (const m of mentions) {
    let e = byId.get(m.id);
    if (!e) {
      e = { id: m.id, type: m.type, name: '', value: '', mentions: [], articles: 0 };
      byId.set(m.id, e);
    }
    e.mentions.push({ start: m.start, end: m.end });
    if (m.text.length > e.name.length) e.name = m.text;
    if (m.value && !e.value) e.value = m.value;
  }
  for (const e of byId.values()) {
    const entry = entryOf(e.id);
    if (entry) {
      e.name = entry.name || e.name;
      e.articles = entry.articles.length;
    }
  }
  return ENTITY_TYPES.map(({ type, label }) => ({
    type,
    label,
    entities: [...byId.values()]
      .filter((e) => e.type === type)
      .sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0].start - b.mentions[0].start),
  })).filter((g) => g.entities.length > 0);
}

/** What a mention's tooltip says: type, canonical name, "in N articles" (and a date's value). */
export function mentionLabel(mention, entry) {
  const name = entry?.name || mention.text;
  const parts = [`${typeName(mention.type)}: ${name}`];
  if (mention.value) parts.push(mention.value);
  if (entry)
    parts.push(entry.articles.length === 1 ? 'in 1 article' : `in ${entry.articles.length} articles`);
  if (mention.corrected) parts.push('marked by you');
  return parts.join(' · ');
}

/**
 * The articles as the core's entityIndex / resolveEntities read them (their mentions, found before).
 * @param {{id: string, article: {body: string, source?: string, date?: string}}[]} records
 * @param {(record: object) => {type: string, entity: string, start: number, end: number}[]} mentionsOf
 */
export function indexArticles(records, mentionsOf) {
  return records.map((r) => ({
    id: r.id,
    source: r.article.source || '',
    date: /^\d{4}-\d\d-\d\d$/.test(r.article.date || '') ? r.article.date : '',
    entities: mentionsOf(r).map((m) => ({
      type: m.type,
      text: r.article.body.slice(m.start, m.end),
      entity: m.entity,
    })),
  }));
}

/**
 * [from, to) cut where mentions start and end: the parts outside mentions (mention -1) and the
 * parts of each mention inside [from, to) (its index). Mentions in text order, not overlapping.
 * @param {number} from
 * @param {number} to
 * @param {{start: number, end: number}[]} mentions
 * @returns {{start: number, end: number, mention: number}[]}
 */
export function entityParts(from, to, mentions) {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].end <= from) lo = mid + 1;
    else hi = mid;
  }
  const parts = [];
  let at = from;
  for (let k = lo; k < mentions.length && mentions[k].start < to; k++) {
    const s = Math.max(mentions[k].start, from);
    const e = Math.min(mentions[k].end, to);
    if (e <= s) continue;
    if (s > at) parts.push({ start: at, end: s, mention: -1 });
    parts.push({ start: s, end: e, mention: k });
    at = e;
  }
  if (at < to || parts.length === 0) parts.push({ start: at, end: to, mention: -1 });
  return parts;
}

/** Entries of the index whose name or id contains `query` (case-insensitive), best first. */
export function searchIndex(index, query) {
  const q = String(query ?? '')
    .trim()
    .toLowerCase();
  if (!q) return index.slice();
  return index.filter((e) => e.name.toLowerCase().includes(q) || e.entity.toLowerCase().includes(q));
}

/**
 * The entry a typed name picks: one whose name is exactly it (case-insensitive), else the first
 * found by searchIndex (entries in the index's order), else null.
 * @template {{entity: string, name: string}} E
 * @param {E[]} index
 * @param {string} text
 * @returns {E|null}
 */
export function entryForName(index, text) {
  const q = String(text ?? '')
    .trim()
    .toLowerCase();
  if (!q) return null;
  return index.find((e) => e.name.toLowerCase() === q) ?? searchIndex(index, q)[0] ?? null;
}

/**
 * The entities an entity can be joined to (merged into, or said to be the same as): the others of
 * its type, in the index's order (most mentioned first).
 * @template {{entity: string, type: string}} E
 * @param {E[]} index
 * @param {string} type
 * @param {string} except  the entity's own id
 * @returns {E[]}
 */
export function othersOfType(index, type, except) {
  return index.filter((e) => e.type === type && e.entity !== except);
}
