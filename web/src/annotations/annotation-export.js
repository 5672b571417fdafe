// Exports of any size: the core writes an export in one string and reads at most 32 MB of
// annotations per call, so a big export is made in batches — each a call of its own — and joined
// as the parts of a Blob, never as one string. A JSON-LD export is one AnnotationCollection whose
// items are the batches' items; a report (Markdown or HTML) is the first batch's head with the
// totals, every batch's articles in the core's order, and the first batch's tail. A small export is
// one call and its text is exactly the core's. No DOM.
import { targetHash, targetTitle, targetUrl } from './annotation-model.js';

/** Annotation JSON per core call, in characters: well under the core's 32 MB. */
export const EXPORT_BATCH_CHARS = 4 << 20;

/**
 * @typedef {(fn: string, ...args: string[]) => Promise<string>} CoreCall
 * @typedef {{parts: string[], mediaType: string, count: number}} ExportParts
 */

/**
 * The annotations cut into batches of about `batchChars` of JSON; a report's batches hold whole
 * articles, in the report's order, so that each article is written once.
 * @param {object[]} list
 * @param {'jsonld'|'markdown'|'html'} format
 * @returns {object[][]}
 */
export function exportBatches(list, format, batchChars = EXPORT_BATCH_CHARS) {
  const groups = format === 'jsonld' ? list.map((a) => [a]) : reportGroups(list);
  const batches = [];
  let batch = [];
  let chars = 0;
  for (const group of groups) {
    const size = group.reduce((n, a) => n + JSON.stringify(a).length, 0);
    if (batch.length && chars + size > batchChars) {
      batches.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(...group);
    chars += size;
  }
  if (batch.length || !batches.length) batches.push(batch);
  return batches;
}

/** The core's report order: one group per article (its hash, else its source), titled ones first by title. */
function reportGroups(list) {
  const byKey = new Map();
  for (const a of list) {
    const key = targetHash(a) || targetUrl(a) || '';
    let group = byKey.get(key);
    if (!group) byKey.set(key, (group = { title: '', list: [] }));
    if (!group.title) group.title = targetTitle(a);
    group.list.push(a);
  }
  return [...byKey.entries()]
    .sort(([ka, a], [kb, b]) => {
      if (!a.title !== !b.title) return a.title ? -1 : 1;
      return compareBytes(a.title, b.title) || compareBytes(ka, kb);
    })
    .map(([, g]) => g.list);
}

const utf8 = new TextEncoder();
/** std::string's order (UTF-8 bytes), which is not JavaScript's for characters past U+FFFF. */
function compareBytes(x, y) {
  if (x === y) return 0;
  const a = utf8.encode(x);
  const b = utf8.encode(y);
  for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/**
 * Exports `list` through the core, a batch at a time.
 * @param {object[]} list  W3C annotations, in export order
 * @param {{format: 'jsonld'|'markdown'|'html', label?: string, batchChars?: number}} options
 * @param {CoreCall} call
 * @param {(answer: string) => any} parse  the core's answer → object (throws on {error})
 * @returns {Promise<ExportParts>}
 */
export async function exportInParts(list, { format, label, batchChars = EXPORT_BATCH_CHARS }, call, parse) {
  const batches = exportBatches(list, format, batchChars);
  const answers = [];
  for (const batch of batches) {
    const res = parse(
      await call(
        'annotationsExport',
        JSON.stringify(batch),
        JSON.stringify({ format, label: label || undefined }),
      ),
    );
    answers.push({
      text: String(res.text ?? ''),
      mediaType: String(res.mediaType ?? 'application/json'),
      count: res.count ?? batch.length,
    });
  }
  const count = answers.reduce((n, a) => n + a.count, 0);
  const { mediaType } = answers[0];
  if (answers.length === 1) return { parts: [answers[0].text], mediaType, count };
  const texts = answers.map((a) => a.text);
  const parts =
    format === 'jsonld' ? await joinCollections(texts, count, call) : joinReports(texts, format, count);
  return { parts, mediaType, count };
}

const INDENT = '      '; // an item's indent in the core's export (collection → first → items)

/**
 * One AnnotationCollection from the batches' collections, laid out as the core lays one out (keys
 * in order, two-space indents). Its id is named by the batches' ids (each named by its content), so
 * the same annotations still give the same file.
 */
async function joinCollections(texts, count, call) {
  const parts = [];
  const ids = [];
  let head = null;
  for (const text of texts) {
    const c = JSON.parse(text);
    head ??= c;
    ids.push(String(c.id));
    const items = (c.first?.items ?? []).map(
      (a) => INDENT + JSON.stringify(a, null, 2).replace(/\n/gu, `\n${INDENT}`),
    );
    if (items.length) parts.push((parts.length ? ',\n' : '') + items.join(',\n'));
  }
  const id = await nameBasedUrn(`lectern:collection\n${head.label}\n${ids.join('\n')}`, call);
  const pageId = await nameBasedUrn(`${id}\npage 0`, call);
  const context = JSON.stringify(head['@context'], null, 2).replace(/\n/gu, '\n  ');
  const open = `{\n  "@context": ${context},\n  "first": {\n    "id": ${JSON.stringify(pageId)},\n    "items": [\n`;
  const close =
    `\n    ],\n    "partOf": ${JSON.stringify(id)},\n    "startIndex": 0,\n    "type": "AnnotationPage"\n  },\n` +
    `  "id": ${JSON.stringify(id)},\n  "label": ${JSON.stringify(head.label)},\n  "total": ${count},\n` +
    `  "type": "AnnotationCollection"\n}\n`;
  return [open, ...parts, close];
}

/** A version 8 urn:uuid from the SHA-256 of `name` (the core's contentHash), like the core's own. */
async function nameBasedUrn(name, call) {
  const hex = String(await call('contentHash', name));
  if (!/^[0-9a-f]{64}$/u.test(hex)) throw new Error('the reading engine could not name the export');
  const b = hex.slice(0, 32).split('');
  b[12] = '8';
  b[16] = ((parseInt(b[16], 16) & 0x3) | 0x8).toString(16);
  const s = b.join('');
  return `urn:uuid:${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const COUNTS = /([0-9]+) annotations? on ([0-9]+) articles?\./u;

/**
 * One report from the batches' reports: the first one's head with the totals, then every batch's
 * articles, then the first one's tail (HTML: "</body></html>").
 */
export function joinReports(texts, format, count) {
  const afterSentence = format === 'html' ? '</p>\n' : '\n\n';
  let articles = 0;
  const bodies = [];
  let head = '';
  let tail = '';
  for (const text of texts) {
    const m = COUNTS.exec(text);
    if (!m) throw new Error('the reading engine wrote a report Lectern cannot join');
    articles += Number(m[2]);
    const after = m.index + m[0].length;
    const from = text.startsWith(afterSentence, after) ? after + afterSentence.length : after;
    const to = format === 'html' ? text.lastIndexOf('</body>') : text.length;
    if (!head) {
      head = text.slice(0, m.index);
      tail = text.slice(to);
    }
    bodies.push(text.slice(from, to));
  }
  const sentence = `${count} annotation${count === 1 ? '' : 's'} on ${articles} article${articles === 1 ? '' : 's'}.`;
  return [head + sentence + afterSentence, ...bodies, tail];
}
