// How an article's body is laid out for reading: paragraphs, each a run of sentence pieces and the
// text between them. Pure; the reader view turns the plan into <p> and <span> elements.
import { spanList } from './spans.js';

/** Paragraph spans from blank lines, for articles that come without them. */
export function paragraphsFromBlankLines(body) {
  const spans = [];
  const separator = /\n[^\S\n]*\n/gu;
  let from = 0;
  const push = (start, end) => {
    while (start < end && /\s/u.test(body[start])) start++;
    while (end > start && /\s/u.test(body[end - 1])) end--;
    if (end > start) spans.push({ start, end });
  };
  let m;
  while ((m = separator.exec(body)) !== null) {
    push(from, m.index);
    from = m.index + m[0].length;
    separator.lastIndex = from - 1; // the closing newline may open the next separator
    if (separator.lastIndex <= m.index) separator.lastIndex = m.index + 1;
  }
  push(from, body.length);
  return spans;
}

/**
 * @param {{body: string, paragraphs?: {start: number, end: number}[] | Uint32Array,
 *          sentences?: {start: number, end: number}[] | Uint32Array}} article  (spans.js)
 * @returns {{start: number, end: number, pieces: ({kind: 'text', text: string} |
 *           {kind: 'sentence', index: number, text: string})[]}[]}
 *   one entry per paragraph; sentence indices refer to article.sentences
 */
export function layoutBody(article) {
  const body = String(article.body ?? '');
  let paragraphs = spanList(article.paragraphs).filter((p) => valid(p, body.length));
  if (!paragraphs.length) paragraphs = paragraphsFromBlankLines(body);
  const sentences = spanList(article.sentences)
    .map((s, index) => ({ ...s, index }))
    .filter((s) => valid(s, body.length) && s.end > s.start)
    .sort((a, b) => a.start - b.start || a.index - b.index);

  let si = 0;
  return paragraphs.map((p) => {
    /** @type {({kind: 'text', text: string} | {kind: 'sentence', index: number, text: string})[]} */
    const pieces = [];
    let at = p.start;
    while (si < sentences.length && sentences[si].end <= p.start) si++;
    while (si < sentences.length && sentences[si].start < p.end) {
      const s = sentences[si++];
      if (s.start < at || s.end > p.end) continue; // overlapping or crossing the paragraph: skip
      if (s.start > at) pieces.push({ kind: 'text', text: body.slice(at, s.start) });
      pieces.push({ kind: 'sentence', index: s.index, text: body.slice(s.start, s.end) });
      at = s.end;
    }
    if (at < p.end) pieces.push({ kind: 'text', text: body.slice(at, p.end) });
    return { start: p.start, end: p.end, pieces };
  });
}

function valid(span, length) {
  return (
    span &&
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.end <= length &&
    span.start <= span.end
  );
}
