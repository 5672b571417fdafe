// Library records: what is kept (in memory and in IndexedDB) for each article.
import { displayTitle } from '../shell/format.js';
import { packArticleSpans } from '../reader/spans.js';
import { packMentions } from '../entities/stored-mentions.js';
import { sharedStrings } from '../storage/shared-strings.js';

/**
 * @typedef {object} LibraryRecord
 * @property {string} id          the article key: the first 16 hex digits of `hash`; the IndexedDB key
 * @property {string} [hash]      the core's contentHash of the body (64 hex digits; records stored
 *                                by older versions have none until the page adds it)
 * @property {object} article     the parsed article as the core gave it, without its original text
 *                                (records stored by versions before 3 of the database still have
 *                                `article.original`)
 * @property {string} [original]  the original text, until it is stored: storage keeps it apart
 *                                (store.js "originals"), and the page reads it only when the reader
 *                                shows it (a web page's holds its navigation and footers too);
 *                                none stored means it was the body
 * @property {string} fileName    the file it was imported from
 * @property {number} importedAt  ms since the epoch
 * @property {number} seq         import order (ties within one import broken by position)
 * @property {boolean} seed       one of the sample articles shipped with the page
 * @property {number} words       length of the body in words
 */

/**
 * The article with every expected field present and of the right type, without its original text
 * (see LibraryRecord). Paragraphs and sentences become packed spans (see spans.js); a sentence's
 * text is body.slice(start, end).
 */
export function normaliseArticle(raw) {
  const s = (v) => (typeof v === 'string' ? v : v == null ? '' : String(v));
  const body = s(raw?.body);
  const { paragraphs, sentences } = packArticleSpans(raw?.paragraphs, raw?.sentences, body.length);
  return {
    recordId: s(raw?.id),
    title: s(raw?.title).trim(),
    date: s(raw?.date).trim(),
    source: s(raw?.source).trim(),
    dateline: s(raw?.dateline).trim(),
    url: s(raw?.url).trim(),
    body,
    // One string for all: this one would otherwise be a copy per article once it has crossed from
    // the worker (20 bytes each, a fiftieth of a one-line article's memory).
    offsetUnit: raw?.offsetUnit === 'codepoint' ? 'codepoint' : 'utf16',
    paragraphs,
    sentences,
  };
}

/**
 * A parsed article prepared for the library.
 * @typedef {object} PreparedArticle
 * @property {string} key      the article key (see LibraryRecord id)
 * @property {string} hash     the core's contentHash of the body
 * @property {object} article  the normalised article (normaliseArticle)
 * @property {number} words    the core's word count of the body
 * @property {string} [original] the article's text as read, before any cleaning, when it is not
 *                             the body
 */

/**
 * What the page keeps of a parsed article, before it becomes a record: the normalised article (with
 * its entity mentions packed in article.entities, stored-mentions.js, when `findEntities` is
 * given), its content hash and key, and its word count. Done where the core runs (in the worker when there is one), so the page's
 * main thread has little left to do per article.
 * @param {{body?: string, wordCount?: number, original?: string}} rawArticle  an article of the core's readFile JSON
 * @param {(text: string) => string} contentHash  the core's contentHash
 * @param {(text: string, date: string) => import('../entities/stored-mentions.js').StoredMention[]|null} [findEntities]  the core's entities
 *   (null: it finds none; the mentions are then found when the article is shown)
 * @returns {PreparedArticle}
 */
export function prepareArticle(rawArticle, contentHash, findEntities) {
  const article = normaliseArticle(rawArticle);
  const mentions = findEntities?.(article.body, article.date);
  if (mentions) article.entities = packMentions(mentions);
  const hash = contentHash(article.body);
  // Kept only when it differs from the body (a text file's often does not): a second record per
  // article in storage made an import of 200,000 one-line articles half as slow again.
  const raw = rawArticle?.original;
  const original = typeof raw === 'string' && raw !== article.body ? raw : undefined;
  return { key: hash.slice(0, 16), hash, article, words: Number(rawArticle?.wordCount) || 0, original };
}

/** A record for a prepared article (see prepareArticle). */
export function recordFromPrepared(prepared, { fileName, importedAt, seq, seed = false }) {
  return {
    id: prepared.key,
    hash: prepared.hash,
    article: prepared.article,
    fileName: String(fileName ?? ''),
    importedAt,
    seq,
    seed: Boolean(seed),
    words: prepared.words,
    original: prepared.original,
  };
}

/**
 * A record for a parsed article.
 * @param {object} rawArticle
 * @param {(text: string) => string} contentHash  the core's contentHash
 * @param {{fileName: string, importedAt: number, seq: number, seed?: boolean}} meta
 */
export function makeRecord(rawArticle, contentHash, meta) {
  return recordFromPrepared(prepareArticle(rawArticle, contentHash), meta);
}

/**
 * Shares the strings that many records repeat (storage/shared-strings.js), in place: the file
 * name, the article's source, date and offset unit, and its mentions' types, entities and dates.
 * Returns the record.
 * @param {LibraryRecord} record
 * @param {import('../storage/shared-strings.js').SharedStrings} [strings]
 */
export function shareRecordStrings(record, strings = sharedStrings) {
  if (typeof record.fileName === 'string') record.fileName = strings.of(record.fileName);
  const a = /** @type {any} */ (record.article);
  if (!a || typeof a !== 'object') return record;
  for (const key of ['source', 'date', 'offsetUnit'])
    if (typeof a[key] === 'string') a[key] = strings.of(a[key]);
  const names = a.entities?.names;
  if (Array.isArray(names)) for (let i = 0; i < names.length; i++) names[i] = strings.of(names[i]);
  return record;
}

/** Whether a stored value looks like a record this version can show. */
export function isValidRecord(r) {
  return Boolean(r && typeof r.id === 'string' && r.id && r.article && typeof r.article.body === 'string');
}

// The library makes every row again at each render (100,000 of them in a big library, several
// times a second while an import adds articles); an article is never changed in place, so its
// display title, the costly part, is kept.
const titles = new WeakMap();
function titleOf(article) {
  let t = titles.get(article);
  if (!t) titles.set(article, (t = displayTitle(article)));
  return t;
}

/** The row shown in the library table (and returned by window.lectern.articles()). */
export function rowOf(record) {
  const t = titleOf(record.article);
  return {
    id: record.id,
    title: record.article.title,
    displayTitle: t.text,
    titleFromText: t.fromText,
    source: record.article.source,
    date: record.article.date,
    words: record.words,
    seq: record.seq,
    fileName: record.fileName,
    seed: record.seed,
  };
}
