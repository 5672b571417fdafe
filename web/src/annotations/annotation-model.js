// W3C Web Annotations as the page sees them: reading tags, notes, quotes, positions, authors and
// conflicts out of the JSON-LD objects the core makes (see wasm/include/lectern/annotations.h);
// editing tags and notes; search and filters; highlight segments; last-writer-wins. Pure.
//
// Positions in annotations are code points (offsets.js converts); everything here that says
// `start`/`end` without a unit takes them from the object (code points).

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const NOTE_FORMATS = Object.freeze(['text/plain', 'text/markdown']);

const str = (v) => (typeof v === 'string' ? v : '');
const arrayOf = (v) => (Array.isArray(v) ? v : v == null ? [] : [v]);

export function bodiesOf(a) {
  return arrayOf(a?.body).filter((b) => b && typeof b === 'object');
}

/** [{name, color|null}] in the given order. */
export function tagsOf(a) {
  return bodiesOf(a)
    .filter((b) => b.purpose === 'tagging' && typeof b.value === 'string' && b.value.trim())
    .map((b) => ({ name: b.value, color: typeof b['schema:color'] === 'string' ? b['schema:color'] : null }));
}

/** {text, format} of the first commenting body, or null. */
export function noteOf(a) {
  const b = bodiesOf(a).find((x) => x.purpose === 'commenting' && typeof x.value === 'string');
  if (!b) return null;
  const format = /^text\/markdown\b/u.test(str(b.format)) ? 'text/markdown' : 'text/plain';
  return { text: b.value, format };
}

function targetOf(a) {
  return arrayOf(a?.target).find((t) => t && typeof t === 'object') ?? null;
}

function selectorsOf(a) {
  return arrayOf(targetOf(a)?.selector).filter((s) => s && typeof s === 'object');
}

/** {exact, prefix, suffix} or null. */
export function quoteOf(a) {
  const s = selectorsOf(a).find((x) => x.type === 'TextQuoteSelector' && typeof x.exact === 'string');
  return s ? { exact: s.exact, prefix: str(s.prefix), suffix: str(s.suffix) } : null;
}

/** {start, end} in code points, or null. */
export function positionOf(a) {
  const s = selectorsOf(a).find((x) => x.type === 'TextPositionSelector');
  if (!s || !Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end < s.start)
    return null;
  return { start: s.start, end: s.end };
}

function sourceOf(a) {
  const source = targetOf(a)?.source;
  if (typeof source === 'string') return { id: source };
  return source && typeof source === 'object' ? source : {};
}

/** The content hash (64 hex digits) of the article the annotation was made on, or ''. */
export function targetHash(a) {
  const s = sourceOf(a);
  const h = str(s['schema:sha256']).toLowerCase();
  if (/^[0-9a-f]{64}$/u.test(h)) return h;
  const m = /^urn:sha256:([0-9a-f]{64})$/iu.exec(str(s.id));
  return m ? m[1].toLowerCase() : '';
}

export function targetTitle(a) {
  return str(sourceOf(a)['dc:title']);
}

/** The source URL when it is one (not a urn:sha256:). */
export function targetUrl(a) {
  const id = str(sourceOf(a).id);
  return /^https?:/iu.test(id) ? id : '';
}

/** {id, name} of the (first) creator; both '' when there is none. */
export function creatorOf(a) {
  const c = arrayOf(a?.creator)[0];
  if (typeof c === 'string') return { id: c, name: '' };
  if (c && typeof c === 'object') return { id: str(c.id), name: str(c.name) || str(c.nickname) };
  return { id: '', name: '' };
}

/** A key that identifies an author ('' for none). */
export function authorKey(creator) {
  return creator?.id || (creator?.name ? `name:${creator.name}` : '');
}

/** A creator's name, else their e-mail address, else "Anonymous" (never an opaque id). */
export function authorLabel(creator) {
  if (creator?.name) return creator.name;
  if (/^mailto:/iu.test(creator?.id ?? '')) return creator.id.replace(/^mailto:/iu, '');
  return 'Anonymous';
}

export function modifiedOf(a) {
  return str(a?.modified) || str(a?.created);
}

/** The other versions of a conflicting annotation (newest first), each a W3C object. */
export function conflictsOf(a) {
  return arrayOf(a?.['lectern:conflicts']).filter((x) => x && typeof x === 'object');
}

/** Everything the page shows of an annotation, read once. */
export function viewOf(a) {
  const q = quoteOf(a);
  return {
    id: str(a?.id),
    tags: tagsOf(a),
    note: noteOf(a),
    quote: q?.exact ?? '',
    prefix: q?.prefix ?? '',
    suffix: q?.suffix ?? '',
    position: positionOf(a),
    hash: targetHash(a),
    title: targetTitle(a),
    url: targetUrl(a),
    creator: creatorOf(a),
    created: str(a?.created),
    modified: modifiedOf(a),
    conflicts: conflictsOf(a),
  };
}

/**
 * The annotation with new tags and note (other bodies and properties kept), modified at `modified`.
 * @param {object} a  a W3C annotation
 * @param {{tags?: {name: string, color?: string|null}[], note?: string, noteFormat?: string,
 *          modified: string}} change  tags/note left out stay as they were
 */
export function editAnnotation(a, { tags, note, noteFormat, modified }) {
  const copy = structuredClone(a);
  const bodies = bodiesOf(a);
  const others = bodies.filter((b) => b.purpose !== 'tagging' && b.purpose !== 'commenting');
  const oldNote = noteOf(a);
  const tagBodies = (tags ?? tagsOf(a)).map((t) => {
    const b = { type: 'TextualBody', purpose: 'tagging', value: t.name };
    if (t.color) b['schema:color'] = t.color;
    return b;
  });
  const text = note === undefined ? (oldNote?.text ?? '') : String(note);
  const format = noteFormat ?? oldNote?.format ?? 'text/plain';
  const noteBodies = text.trim()
    ? [
        {
          type: 'TextualBody',
          purpose: 'commenting',
          value: text,
          format: NOTE_FORMATS.includes(format) ? format : 'text/plain',
        },
      ]
    : [];
  const body = [...tagBodies, ...noteBodies, ...others.map((b) => structuredClone(b))];
  if (body.length) copy.body = body;
  else delete copy.body;
  delete copy.bodyValue;
  copy.modified = modified;
  return copy;
}

/** The annotation with its tags' colours set from `colorOf(name)` (null leaves one as it is). */
export function recolorAnnotation(a, colorOf, modified) {
  const tags = tagsOf(a).map((t) => ({ name: t.name, color: colorOf(t.name) ?? t.color }));
  return editAnnotation(a, { tags, modified });
}

/**
 * Keeps one version of a conflicting annotation: `index` -1 is the current one, 0… the versions in
 * conflictsOf(a). The result has no conflicts and is modified at `modified`.
 */
export function resolveConflict(a, index, modified) {
  const versions = conflictsOf(a);
  const chosen = index < 0 ? a : versions[index];
  if (!chosen) return null;
  const out = structuredClone(chosen);
  delete out['lectern:conflicts'];
  out['@context'] = W3C_CONTEXT;
  out.id = a.id;
  out.type = 'Annotation';
  out.modified = modified;
  return out;
}

/**
 * Last writer wins: whether `incoming` should replace `stored` (records {annotation?, deleted?,
 * modified}); a newer `modified` wins, equal times let the incoming one through (the same write
 * seen twice, or a local change that does not alter the time).
 */
export function isNewer(incoming, stored) {
  if (!stored) return true;
  const a = String(incoming?.modified ?? '');
  const b = String(stored?.modified ?? '');
  return toTime(a) >= toTime(b);
}

function toTime(iso) {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : 0;
}

/** An ISO time for `modified`: now, but always later than `after` (so a re-write wins). */
export function nowAfter(after = '', now = Date.now()) {
  const t = Math.max(now, toTime(after) + 1);
  return new Date(t).toISOString();
}

// --- Search and filters ----------------------------------------------------------------------

/** Lower case, without accents, whitespace collapsed: for matching. */
export function foldForSearch(text) {
  return String(text ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('en')
    .replace(/\s+/gu, ' ');
}

/**
 * Filters items ({view, articleId, articleTitle, status}) by a query over quotes, notes, tags,
 * authors and article titles (every word must match somewhere), and by tag, article and author.
 * @template {{view: object, articleId?: string, articleTitle?: string, status?: string}} Item
 * @param {Item[]} items
 * @param {{query?: string, tag?: string, article?: string, author?: string, status?: string}} filters
 * @returns {Item[]}
 */
export function filterAnnotations(
  items,
  { query = '', tag = '', article = '', author = '', status = '' } = {},
) {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  const tagKey = foldForSearch(tag);
  return items.filter((it) => {
    const v = it.view;
    if (tagKey && !v.tags.some((t) => foldForSearch(t.name) === tagKey)) return false;
    if (article && it.articleId !== article) return false;
    if (author && authorKey(v.creator) !== author) return false;
    if (status && it.status !== status && !(status === 'conflict' && v.conflicts.length)) return false;
    if (!words.length) return true;
    const hay = foldForSearch(
      [
        v.quote,
        v.note?.text ?? '',
        v.tags.map((t) => t.name).join(' '),
        authorLabel(v.creator),
        it.articleTitle ?? v.title,
      ].join(' \u0001 '),
    );
    return words.every((w) => hay.includes(w));
  });
}

/** Distinct authors of items, [{key, label, count}] sorted by label. */
export function authorsOf(views) {
  const map = new Map();
  for (const v of views) {
    const k = authorKey(v.creator);
    if (!k) continue;
    const e = map.get(k) ?? { key: k, label: authorLabel(v.creator), count: 0 };
    e.count++;
    map.set(k, e);
  }
  return [...map.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/** Items sorted by position (start, then end, then id). */
export function readingOrder(items) {
  return [...items].sort(
    (a, b) => a.start - b.start || a.end - b.end || String(a.id).localeCompare(String(b.id)),
  );
}

// --- Highlights --------------------------------------------------------------------------------

/**
 * Splits [from, to) at the edges of highlights ({id, start, end}, same unit) into segments
 * {start, end, ids} (ids: the highlights covering the segment, outermost first); the segments
 * cover [from, to) exactly, those with no highlight included.
 */
export function segmentRange(from, to, highlights) {
  const inside = highlights.filter((x) => x.end > from && x.start < to && x.end > x.start);
  if (!inside.length) return [{ start: from, end: to, ids: [] }];
  const cuts = new Set([from, to]);
  for (const x of inside) {
    if (x.start > from) cuts.add(x.start);
    if (x.end < to) cuts.add(x.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const ordered = readingOrder(inside);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i];
    const e = points[i + 1];
    out.push({ start: s, end: e, ids: ordered.filter((x) => x.start <= s && x.end >= e).map((x) => x.id) });
  }
  return out;
}
