// The core's clusters, compact for the trip from the worker to the page. At 100,000 articles the
// StoryClusterer's JSON lists up to 2,000,000 pairs (DefaultMaxPairs: 20 per article), about
// 200 MB: parsing it, or cloning the parsed objects, on the page's thread is a task of seconds. The
// worker parses it and sends each id once plus typed arrays, which are transferred, not copied.
//
// Figures come from the core rounded to 3 decimals, so they travel exactly as per-mille integers.

/**
 * @typedef {object} CompactClusters
 * @property {string[]} ids  every clustered article, cluster after cluster
 * @property {Int32Array} ends  where each cluster's members end in `ids`
 * @property {Int32Array} pairs  two entries per pair: the indices in `ids` of a and b
 * @property {Uint16Array} jaccard  per pair, ‰
 * @property {Uint16Array} containment  per pair, ‰
 */

/**
 * The core's clusters JSON ({clusters: [{members}], pairs: [{a, b, jaccard, containment}]}, or
 * {error}) made compact. A pair naming an article no cluster lists is left out.
 * @param {string|object} json
 * @returns {CompactClusters}
 * @throws {Error} with the core's error, or when the answer holds no clusters
 */
export function compactClusters(json) {
  const data = typeof json === 'string' ? JSON.parse(json) : json;
  if (!data || !Array.isArray(data.clusters)) {
    throw new Error(data?.error ? String(data.error) : 'the reading engine returned no clusters');
  }
  const ids = [];
  const where = new Map(); // id → its index in ids (its first cluster, should the core list it twice)
  const ends = new Int32Array(data.clusters.length);
  data.clusters.forEach((c, k) => {
    for (const member of Array.isArray(c?.members) ? c.members : []) {
      const id = String(member);
      if (!where.has(id)) where.set(id, ids.length);
      ids.push(id);
    }
    ends[k] = ids.length;
  });
  const listed = (Array.isArray(data.pairs) ? data.pairs : []).filter(
    (p) => isPair(p) && where.has(p.a) && where.has(p.b),
  );
  const pairs = new Int32Array(2 * listed.length);
  const jaccard = new Uint16Array(listed.length);
  const containment = new Uint16Array(listed.length);
  listed.forEach((p, i) => {
    pairs[2 * i] = /** @type {number} */ (where.get(p.a));
    pairs[2 * i + 1] = /** @type {number} */ (where.get(p.b));
    jaccard[i] = Math.round(p.jaccard * 1000);
    containment[i] = Math.round(p.containment * 1000);
  });
  return { ids, ends, pairs, jaccard, containment };
}

/** Whether `value` is already a CompactClusters (and not the core's JSON). */
export function isCompact(value) {
  return Boolean(value && Array.isArray(value.ids) && value.ends instanceof Int32Array);
}

/** The buffers to transfer with a CompactClusters. */
export function transferables(compact) {
  return [compact.ends.buffer, compact.pairs.buffer, compact.jaccard.buffer, compact.containment.buffer];
}

function isPair(p) {
  return (
    p &&
    typeof p.a === 'string' &&
    typeof p.b === 'string' &&
    p.a !== p.b &&
    Number.isFinite(p.jaccard) &&
    Number.isFinite(p.containment)
  );
}
