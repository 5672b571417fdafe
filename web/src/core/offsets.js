// Offsets into an article body in two units. The page's strings (and the DOM's selections) count
// UTF-16 code units; the W3C annotation model (TextPositionSelector) and the core's annotations
// count Unicode code points. A character outside the Basic Multilingual Plane (😀, 𝔸) is one code
// point and two code units. Conversions happen at the boundary between the page and annotations.

const isHigh = (c) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c) => c >= 0xdc00 && c <= 0xdfff;

/** Converts offsets of one text between UTF-16 code units and code points, in O(log n) each. */
export class OffsetMap {
  /** @param {string} text */
  constructor(text) {
    this.text = String(text ?? '');
    /** UTF-16 index of each surrogate pair, in order. */
    const pairs = [];
    const t = this.text;
    for (let i = 0; i + 1 < t.length; i++) {
      if (isHigh(t.charCodeAt(i)) && isLow(t.charCodeAt(i + 1))) {
        pairs.push(i);
        i++;
      }
    }
    this.pairs = pairs;
    this.utf16Length = t.length;
    this.codePointLength = t.length - pairs.length;
  }

  /** Number of surrogate pairs that start before UTF-16 index `u`. */
  pairsBefore(u) {
    let lo = 0;
    let hi = this.pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.pairs[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The code point offset of UTF-16 offset `u` (clamped to the text). An offset inside a surrogate
   * pair is moved before the pair, or after it when `roundUp` (for the end of a range).
   */
  toCodePoint(u, roundUp = false) {
    const x = clampInt(u, 0, this.utf16Length);
    const n = this.pairsBefore(x);
    const inside = n > 0 && this.pairs[n - 1] === x - 1;
    // Before the pair: (x - 1) - (n - 1); after it: (x + 1) - n.
    if (inside) return roundUp ? x + 1 - n : x - n;
    return x - n;
  }

  /** The UTF-16 offset of code point offset `cp` (clamped to the text). */
  toUtf16(cp) {
    const x = clampInt(cp, 0, this.codePointLength);
    // The k-th pair starts at code point pairs[k] - k; count the pairs starting before x.
    let lo = 0;
    let hi = this.pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.pairs[mid] - mid < x) lo = mid + 1;
      else hi = mid;
    }
    return x + lo;
  }

  /** [start, end) in UTF-16 → code points; an end inside a pair takes the whole pair. */
  rangeToCodePoints(start, end) {
    const s = this.toCodePoint(start, false);
    const e = this.toCodePoint(end, true);
    return { start: s, end: Math.max(s, e) };
  }

  /** [start, end) in code points → UTF-16. */
  rangeToUtf16(start, end) {
    const s = this.toUtf16(start);
    const e = this.toUtf16(end);
    return { start: s, end: Math.max(s, e) };
  }
}

/** A UTF-16 range of `text` widened so that it does not cut a surrogate pair. */
export function snapRange(text, start, end) {
  const t = String(text ?? '');
  let s = clampInt(start, 0, t.length);
  let e = clampInt(end, s, t.length);
  if (s > 0 && isLow(t.charCodeAt(s)) && isHigh(t.charCodeAt(s - 1))) s--;
  if (e > 0 && e < t.length && isLow(t.charCodeAt(e)) && isHigh(t.charCodeAt(e - 1))) e++;
  return { start: s, end: e };
}

/** Number of code points in `text`. */
export function codePointLength(text) {
  return new OffsetMap(text).codePointLength;
}

export function utf16ToCodePoint(text, u, roundUp = false) {
  return new OffsetMap(text).toCodePoint(u, roundUp);
}

export function codePointToUtf16(text, cp) {
  return new OffsetMap(text).toUtf16(cp);
}

function clampInt(v, lo, hi) {
  const n = Number.isFinite(v) ? Math.trunc(v) : lo;
  return Math.min(hi, Math.max(lo, n));
}
