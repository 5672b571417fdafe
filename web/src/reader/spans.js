// Spans (paragraphs, sentences) are kept packed, as Uint32Array [start0, end0, start1, end1, …]:
// thousands of articles with dozens of sentences each would otherwise be hundreds of thousands of
// small objects to keep in memory and to copy into IndexedDB.

/**
 * Valid spans of a string of `length` code units, packed. Accepts [{start, end}] (as the core
 * gives them) or an already packed array; drops spans that are malformed or out of range.
 */
export function packSpans(spans, length) {
  return Uint32Array.from(validOffsets(spans, length));
}

/**
 * An article's paragraphs and sentences packed (as packSpans) into two views of one buffer: a
 * typed array's buffer costs about 100 bytes of its own, a fifth of what the page keeps of a
 * one-line article. Structured cloning (IndexedDB, the worker's messages) keeps them sharing it.
 */
export function packArticleSpans(paragraphs, sentences, length) {
  const p = validOffsets(paragraphs, length);
  const both = Uint32Array.from([...p, ...validOffsets(sentences, length)]);
  return { paragraphs: both.subarray(0, p.length), sentences: both.subarray(p.length) };
}

/** [start0, end0, start1, end1, …] of the valid spans (see packSpans). */
function validOffsets(spans, length) {
  const out = [];
  for (const s of spanList(spans)) {
    if (
      Number.isInteger(s.start) &&
      Number.isInteger(s.end) &&
      s.start >= 0 &&
      s.start <= s.end &&
      s.end <= length
    ) {
      out.push(s.start, s.end);
    }
  }
  return out;
}

/** Spans as [{start, end}], from a packed array or a list of objects (anything else: []). */
export function spanList(spans) {
  if (spans instanceof Uint32Array) {
    const out = [];
    for (let i = 0; i + 1 < spans.length; i += 2) out.push({ start: spans[i], end: spans[i + 1] });
    return out;
  }
  if (!Array.isArray(spans)) return [];
  return spans.filter((s) => s && typeof s === 'object').map((s) => ({ start: s.start, end: s.end }));
}

/** The first span, or null. */
export function firstSpan(spans) {
  if (spans instanceof Uint32Array) return spans.length >= 2 ? { start: spans[0], end: spans[1] } : null;
  return Array.isArray(spans) && spans[0] ? { start: spans[0].start, end: spans[0].end } : null;
}

export function spanCount(spans) {
  return spans instanceof Uint32Array ? spans.length >> 1 : Array.isArray(spans) ? spans.length : 0;
}
