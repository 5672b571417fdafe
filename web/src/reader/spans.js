// Spans (paragraphs, sentences) are kept packed, as numbers [start0, end0, start1, end1, …]:
// thousands of articles with dozens of sentences each would otherwise be hundreds of thousands of
// small objects to keep in memory and to copy into IndexedDB. In a plain array, not a typed array:
// a typed array cloned from IndexedDB or from the worker brings an ArrayBuffer of its own, and
// Chromium sweeps a library's 100,000 of them in its collector's pause (RELIABILITY.md, session
// 16). Records stored by earlier versions hold a Uint32Array, or [{start, end}]: both are read.

/**
 * Valid spans of a string of `length` code units, packed. Accepts [{start, end}] (as the core
 * gives them) or an already packed array; drops spans that are malformed or out of range.
 * @returns {number[]}
 */
export function packSpans(spans, length) {
  return validOffsets(spans, length);
}

/** An article's paragraphs and sentences, packed (as packSpans). */
export function packArticleSpans(paragraphs, sentences, length) {
  return { paragraphs: validOffsets(paragraphs, length), sentences: validOffsets(sentences, length) };
}

/** Whether spans are packed (numbers), not a list of {start, end}. */
function isPacked(spans) {
  return spans instanceof Uint32Array || (Array.isArray(spans) && typeof spans[0] === 'number');
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
  if (isPacked(spans)) {
    const out = [];
    for (let i = 0; i + 1 < spans.length; i += 2) out.push({ start: spans[i], end: spans[i + 1] });
    return out;
  }
  if (!Array.isArray(spans)) return [];
  return spans.filter((s) => s && typeof s === 'object').map((s) => ({ start: s.start, end: s.end }));
}

/** The first span, or null. */
export function firstSpan(spans) {
  if (isPacked(spans)) return spans.length >= 2 ? { start: spans[0], end: spans[1] } : null;
  return Array.isArray(spans) && spans[0] ? { start: spans[0].start, end: spans[0].end } : null;
}

export function spanCount(spans) {
  return isPacked(spans) ? spans.length >> 1 : Array.isArray(spans) ? spans.length : 0;
}
