// A plain JavaScript MinHash LSH, written the way most JS deduplicators are (128 seeded hash
// functions per shingle, 32 bands of 4 rows, candidates checked on their signatures), as the
// peer Lectern's clustering is measured against in bench/dedup.mjs.

const PERMUTATIONS = 128;
const BANDS = 32;
const ROWS = PERMUTATIONS / BANDS;

/** Lower-cased runs of letters and digits (close to the core's words, which also keep combining marks and split ideographs). */
export function words(text) {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** 32-bit FNV-1a of a string. */
function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The set of word-5-gram hashes of a text (the whole text as one shingle below 5 words). */
export function shingles(text, n = 5) {
  const w = words(text);
  const out = new Set();
  if (w.length > 0 && w.length < n) out.add(fnv1a(w.join(' ')));
  for (let i = 0; i + n <= w.length; i++) out.add(fnv1a(w.slice(i, i + n).join(' ')));
  return out;
}

function randomParameters(seed) {
  let state = seed >>> 0;
  const next = () => {
    // mulberry32: reproducible
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return Array.from({ length: PERMUTATIONS }, () => [next() | 1, next()]);
}
const PARAMETERS = randomParameters(42);

function signature(set) {
  const sig = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  for (const h of set) {
    for (let i = 0; i < PERMUTATIONS; i++) {
      const v = (Math.imul(PARAMETERS[i][0], h) + PARAMETERS[i][1]) >>> 0;
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
}

/**
 * Pairs of texts whose estimated Jaccard similarity (share of equal signature rows) is at least
 * `threshold`: [{a, b, jaccard}] with indices into `texts`.
 */
export function plainMinHashPairs(texts, threshold = 0.5) {
  const signatures = texts.map((t) => {
    const s = shingles(t);
    return s.size === 0 ? null : signature(s);
  });
  const buckets = new Map();
  const candidates = new Set();
  signatures.forEach((sig, doc) => {
    if (!sig) return;
    for (let band = 0; band < BANDS; band++) {
      const key = `${band}:${sig.slice(band * ROWS, (band + 1) * ROWS).join(',')}`;
      const bucket = buckets.get(key);
      if (!bucket) {
        buckets.set(key, [doc]);
        continue;
      }
      for (const other of bucket) candidates.add(other * texts.length + doc);
      bucket.push(doc);
    }
  });
  const pairs = [];
  for (const key of candidates) {
    const a = Math.floor(key / texts.length),
      b = key % texts.length;
    let same = 0;
    for (let i = 0; i < PERMUTATIONS; i++) if (signatures[a][i] === signatures[b][i]) same++;
    if (same / PERMUTATIONS >= threshold) pairs.push({ a, b, jaccard: same / PERMUTATIONS });
  }
  return pairs;
}
