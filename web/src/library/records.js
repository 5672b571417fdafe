// Library records: what is kept (in memory and in IndexedDB) for each article.
import { articleKey } from '../import/identity.js';
import { countWords, displayTitle } from '../shell/format.js';
import { packSpans } from '../reader/spans.js';

/**
 * @typedef {object} LibraryRecord
 * @property {string} id          content key of the body (see identity.js); the IndexedDB key
 * @property {object} article     the parsed article as the core gave it (with `original`)
 * @property {string} fileName    the file it was imported from
 * @property {number} importedAt  ms since the epoch
 * @property {number} seq         import order (ties within one import broken by position)
 * @property {boolean} seed       one of the sample articles shipped with the page
 * @property {number} words       length of the body in words
 */

/**
 * The article with every expected field present and of the right type. Paragraphs and sentences
 * become packed spans (see spans.js); a sentence's text is body.slice(start, end).
 */
export function normaliseArticle(raw) {
  const s = (v) => (typeof v === 'string' ? v : v == null ? '' : String(v));
  const body = s(raw?.body);
  return {
    recordId: s(raw?.id),
    title: s(raw?.title).trim(),
    date: s(raw?.date).trim(),
    source: s(raw?.source).trim(),
    dateline: s(raw?.dateline).trim(),
    url: s(raw?.url).trim(),
    body,
    original: s(raw?.original),
    offsetUnit: s(raw?.offsetUnit) || 'utf16',
    paragraphs: packSpans(raw?.paragraphs, body.length),
    sentences: packSpans(raw?.sentences, body.length),
  };
}

/**
 * What the page keeps of a parsed article, before it becomes a record: the normalised article, its
 * content key and its word count. Done where the core runs (in the worker when there is one), so
 * the page's main thread has little left to do per article.
 * @returns {{key: string, article: object, words: number}}
 */
export function prepareArticle(rawArticle) {
  const article = normaliseArticle(rawArticle);
  return {
    key: articleKey(article.body),
    article,
    // The core counts words with ICU's word breaks (dictionaries for Chinese and Japanese); the
    // page's own count is the fallback.
    words:
      Number.isInteger(rawArticle?.wordCount) && rawArticle.wordCount >= 0
        ? rawArticle.wordCount
        : countWords(article.body),
  };
}

/** A record for a prepared article (see prepareArticle). */
export function recordFromPrepared(prepared, { fileName, importedAt, seq, seed = false }) {
  return {
    id: prepared.key,
    article: prepared.article,
    fileName: String(fileName ?? ''),
    importedAt,
    seq,
    seed: Boolean(seed),
    words: prepared.words,
  };
}

/** A record for a parsed article. */
export function makeRecord(rawArticle, meta) {
  return recordFromPrepared(prepareArticle(rawArticle), meta);
}

/** Whether a stored value looks like a record this version can show. */
export function isValidRecord(r) {
  return Boolean(r && typeof r.id === 'string' && r.id && r.article && typeof r.article.body === 'string');
}

/** The row shown in the library table (and returned by window.lectern.articles()). */
export function rowOf(record) {
  const t = displayTitle(record.article);
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
