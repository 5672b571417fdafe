// Stories: which articles are versions of one story, as the core's StoryClusterer found them
// (clustering.js runs it), kept in memory. Pure: the clusters, the similarity of a pair, how the
// library puts a story's versions next to each other, and how a similarity is said to people.
//
// The core's JSON: {clusters: [{members: [id, …]}], pairs: [{a, b, jaccard, containment}],
// candidates}; only clusters of two or more, and only the pairs it kept as similar — for a big story
// perhaps not all of them (the core's maxPairs cap): a version may have no pair listed at all. From
// the worker it comes compact (cluster-answer.js).

import { compactClusters, isCompact } from './cluster-answer.js';
import { TimeSlicer } from '../shell/slices.js';

/** @typedef {{a: string, b: string, jaccard: number, containment: number}} StoryPair */
/** @typedef {{members: string[]}} Story */
/** @typedef {import('./cluster-answer.js').CompactClusters} CompactClusters */

/** Items between two yields of the generators below (a yield costs little; the slicer decides). */
const STEP = 256;

/**
 * The stories of a collection. The pairs stay in typed arrays (an article's pairs found through
 * an adjacency list): 100,000 articles in big stories hold up to 2,000,000 pairs, and as objects
 * in a Map they kept the garbage collector busy for 200 ms at a time. A StoryPair object is made
 * only when asked for.
 */
export class Stories {
  constructor() {
    /** @type {Story[]} */
    this.clusters = [];
    /** @type {string[]} every article in a story, story after story */
    this.ids = [];
    /** @type {Map<string, number>} id → its index in `ids` */
    this.index = new Map();
    this.storyAt = new Int32Array(0); // article index → its story
    this.orderAt = new Int32Array(0); // article index → its place in its story
    this.pairA = new Int32Array(0); // per pair, article indices of a and b
    this.pairB = new Int32Array(0);
    this.jaccard = new Uint16Array(0); // per pair, ‰
    this.containment = new Uint16Array(0);
    this.firstPair = new Int32Array(1); // article index → where its pairs start in `pairsOf`
    this.pairsOf = new Int32Array(0); // pair indices, grouped by article
    this.best = new Int32Array(0); // article index → its closest pair, or -1
  }

  /**
   * The clusters of the core's answer, keeping only articles for which `has(id)` is true (the
   * collection may have changed while the core worked) and clusters still of two or more.
   * @param {string|object|CompactClusters} answer  the core's JSON, or cluster-answer.js's compact form
   * @param {(id: string) => boolean} [has]
   */
  static fromCore(answer, has = () => true) {
    const stories = new Stories();
    drain(stories.building(answer, has));
    return stories;
  }

  /**
   * fromCore in slices of `slicer`'s time (100,000 articles in big stories hold millions of pairs:
   * seconds of work, which must not be one task of the page).
   * @param {string|object|CompactClusters} answer
   * @param {(id: string) => boolean} [has]
   * @param {TimeSlicer} [slicer]
   */
  static async fromCoreSliced(answer, has = () => true, slicer = new TimeSlicer()) {
    const stories = new Stories();
    for (const _ of stories.building(answer, has)) await slicer.maybePause();
    return stories;
  }

  /** fromCore's work, yielding every STEP items. */
  *building(answer, has) {
    const c = isCompact(answer) ? answer : compactClusters(answer);
    const articleOfAnswer = new Int32Array(c.ids.length).fill(-1); // answer index → article index, or -1
    let start = 0;
    for (const end of c.ends) {
      const members = new Set();
      for (let k = start; k < end; k++) {
        const id = c.ids[k];
        if (has(id) && !this.index.has(id)) members.add(id);
        if (k % STEP === STEP - 1) yield;
      }
      start = end;
      if (members.size < 2) continue;
      for (const id of members) this.index.set(id, this.ids.push(id) - 1);
      this.clusters.push({ members: [...members] });
      yield;
    }
    const n = this.ids.length;
    this.storyAt = new Int32Array(n);
    this.orderAt = new Int32Array(n);
    let at = 0;
    for (const [k, story] of this.clusters.entries()) {
      for (let m = 0; m < story.members.length; m++, at++) {
        this.storyAt[at] = k;
        this.orderAt[at] = m;
      }
    }
    for (let k = 0; k < c.ids.length; k++) {
      const i = this.index.get(c.ids[k]);
      if (i !== undefined) articleOfAnswer[k] = i;
      if (k % STEP === STEP - 1) yield;
    }
    // The pairs within one story, in the answer's order.
    const total = c.jaccard.length;
    const a = new Int32Array(total);
    const b = new Int32Array(total);
    const jaccard = new Uint16Array(total);
    const containment = new Uint16Array(total);
    let kept = 0;
    for (let p = 0; p < total; p++) {
      const x = articleOfAnswer[c.pairs[2 * p]];
      const y = articleOfAnswer[c.pairs[2 * p + 1]];
      if (x >= 0 && y >= 0 && x !== y && this.storyAt[x] === this.storyAt[y]) {
        a[kept] = x;
        b[kept] = y;
        jaccard[kept] = c.jaccard[p];
        containment[kept] = c.containment[p];
        kept++;
      }
      if (p % STEP === STEP - 1) yield;
    }
    // Views, not copies: copying 2,000,000 pairs was one task of 80 ms in Firefox (a Gecko profile).
    this.pairA = a.subarray(0, kept);
    this.pairB = b.subarray(0, kept);
    this.jaccard = jaccard.subarray(0, kept);
    this.containment = containment.subarray(0, kept);
    yield* this.indexing();
  }

  /** The adjacency lists and each article's closest version, yielding every STEP pairs. */
  *indexing() {
    const n = this.ids.length;
    const count = this.pairA.length;
    this.firstPair = new Int32Array(n + 1);
    for (let p = 0; p < count; p++) {
      this.firstPair[this.pairA[p] + 1]++;
      this.firstPair[this.pairB[p] + 1]++;
    }
    for (let i = 0; i < n; i++) this.firstPair[i + 1] += this.firstPair[i];
    this.pairsOf = new Int32Array(2 * count);
    const fill = this.firstPair.slice(0, n);
    this.best = new Int32Array(n).fill(-1);
    for (let p = 0; p < count; p++) {
      this.pairsOf[fill[this.pairA[p]]++] = p;
      this.pairsOf[fill[this.pairB[p]]++] = p;
      this.considerClosest(this.pairA[p], p);
      this.considerClosest(this.pairB[p], p);
      if (p % STEP === STEP - 1) yield;
    }
  }

  /** Makes pair `p` article `i`'s closest if it is: the closest first, then the earlier in the story, as otherVersions sorts. */
  considerClosest(i, p) {
    const now = this.best[i];
    if (
      now < 0 ||
      this.containment[p] > this.containment[now] ||
      (this.containment[p] === this.containment[now] &&
        this.orderAt[this.otherOf(p, i)] < this.orderAt[this.otherOf(now, i)])
    ) {
      this.best[i] = p;
    }
  }

  /** @returns {number} the article of pair `p` that is not `i` */
  otherOf(p, i) {
    return this.pairA[p] === i ? this.pairB[p] : this.pairA[p];
  }

  /** @returns {StoryPair} pair `p` as an object */
  pairObject(p) {
    return {
      a: this.ids[this.pairA[p]],
      b: this.ids[this.pairB[p]],
      jaccard: this.jaccard[p] / 1000,
      containment: this.containment[p] / 1000,
    };
  }

  /** @returns {number} the index of the pair of articles `i` and `j` (the core lists each once; the last listing otherwise), or -1 */
  pairIndex(i, j) {
    let found = -1;
    for (let k = this.firstPair[i]; k < this.firstPair[i + 1]; k++) {
      const p = this.pairsOf[k];
      if ((this.pairA[p] === j || this.pairB[p] === j) && p > found) found = p;
    }
    return found;
  }

  /** @returns {{id: string, pair: StoryPair}|null} the version the core paired `id` with most closely */
  closest(id) {
    const i = this.index.get(id);
    const p = i === undefined ? -1 : this.best[i];
    if (p < 0) return null;
    return { id: this.ids[this.otherOf(p, i)], pair: this.pairObject(p) };
  }

  get size() {
    return this.clusters.length;
  }

  /** @returns {number|undefined} the index of `id`'s story */
  storyIndex(id) {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.storyAt[i];
  }

  /** @returns {Story|null} the story `id` is a version of */
  storyOf(id) {
    const k = this.storyIndex(id);
    return k === undefined ? null : this.clusters[k];
  }

  /** Whether `a` and `b` are two versions of one story (the library lists them together). */
  sameStory(a, b) {
    const k = this.storyIndex(a);
    return a !== b && k !== undefined && k === this.storyIndex(b);
  }

  /** @returns {StoryPair|null} */
  pair(a, b) {
    const i = this.index.get(a);
    const j = this.index.get(b);
    if (i === undefined || j === undefined) return null;
    const p = this.pairIndex(i, j);
    return p < 0 ? null : this.pairObject(p);
  }

  /**
   * The other versions of `id`'s story, the most similar first (those the core did not pair with
   * it directly last, in the story's order).
   * @returns {{id: string, pair: StoryPair|null}[]}
   */
  otherVersions(id) {
    const story = this.storyOf(id);
    if (!story) return [];
    return story.members
      .filter((m) => m !== id)
      .map((m, order) => ({ id: m, pair: this.pair(id, m), order }))
      .sort((x, y) => (y.pair?.containment ?? -1) - (x.pair?.containment ?? -1) || x.order - y.order)
      .map(({ id: m, pair }) => ({ id: m, pair }));
  }

  /** Without these articles (removed from the collection): smaller stories, or none. */
  without(ids) {
    const gone = new Set(ids);
    if (![...gone].some((id) => this.index.has(id))) return this;
    return Stories.fromCore(this.compact(), (id) => !gone.has(id));
  }

  /** @returns {CompactClusters} these stories in the core's compact form */
  compact() {
    const ends = new Int32Array(this.clusters.length);
    let end = 0;
    this.clusters.forEach((s, k) => (ends[k] = end += s.members.length));
    const pairs = new Int32Array(2 * this.pairA.length);
    this.pairA.forEach((a, p) => {
      pairs[2 * p] = a;
      pairs[2 * p + 1] = this.pairB[p];
    });
    return { ids: this.ids.slice(), ends, pairs, jaccard: this.jaccard, containment: this.containment };
  }

  /** For window.lectern.clusters(): copies, each story with its pairs. */
  toJSON() {
    const out = this.clusters.map((s) => ({ members: s.members.slice(), pairs: [] }));
    for (let p = 0; p < this.pairA.length; p++)
      out[this.storyAt[this.pairA[p]]].pairs.push(this.pairObject(p));
    return out;
  }
}

/** Runs a generator to its end at once. */
function drain(steps) {
  for (const _ of steps);
}

/** A similarity as a whole percentage (containment: how much of the shorter one is in the other). */
export function sharedPercent(pair) {
  return pair ? Math.round(Math.max(0, Math.min(1, pair.containment)) * 100) : null;
}

/** "72% shared" (or "" with no pair). */
export function sharedLabel(pair) {
  const p = sharedPercent(pair);
  return p == null ? '' : `${p}% shared`;
}

/** What "72% shared" means, for a title attribute. */
export function sharedExplanation(pair, otherTitle = '') {
  if (!pair) return '';
  const c = sharedPercent(pair);
  const j = Math.round(Math.max(0, Math.min(1, pair.jaccard)) * 100);
  const other = otherTitle ? ` and “${otherTitle}”` : '';
  return (
    `${c}% of the shorter version's word sequences also appear in the longer one (containment). ` +
    `Of all the word sequences in this version${other} together, ${j}% are in both (Jaccard).`
  );
}

/**
 * The library's rows with each story's versions next to each other: a story sits where its first
 * version is in `rows` (their sort order), its other versions right under it, in that order too.
 * Rows of a story get `story`: {size, position: 'first'|'middle'|'last', leadId, index (in the
 * story), pair (with the first version, or the closest one when the core did not pair them; null
 * when the core listed no pair of this version), pairWith (that version's id)}. Rows in no story are returned as they are.
 * @template {{id: string}} R
 * @param {R[]} rows  sorted
 * @param {Stories} stories
 * @returns {(R & {story?: object})[]}
 */
export function groupRows(rows, stories) {
  if (!stories || stories.size === 0) return rows;
  const out = [];
  drain(grouping(rows, stories, out));
  return out;
}

/**
 * groupRows in slices of `slicer`'s time (100,000 rows in one story are a task of 100 ms and more).
 * @template {{id: string}} R
 * @param {R[]} rows
 * @param {Stories} stories
 * @param {TimeSlicer} [slicer]
 * @returns {Promise<(R & {story?: object})[]>}
 */
export async function groupRowsSliced(rows, stories, slicer = new TimeSlicer()) {
  if (!stories || stories.size === 0) return rows;
  const out = [];
  for (const _ of grouping(rows, stories, out)) await slicer.maybePause();
  return out;
}

/** groupRows' work into `out`, yielding every STEP rows. */
function* grouping(rows, stories, out) {
  const present = new Map(); // story index → its rows, in order
  for (const [n, row] of rows.entries()) {
    const i = stories.storyIndex(row.id);
    if (i !== undefined) {
      if (!present.has(i)) present.set(i, []);
      present.get(i).push(row);
    }
    if (n % STEP === STEP - 1) yield;
  }
  const placed = new Set();
  for (const [n, row] of rows.entries()) {
    if (n % STEP === STEP - 1) yield;
    const i = stories.storyIndex(row.id);
    const members = i === undefined ? null : present.get(i);
    if (!members || members.length < 2) {
      out.push(row);
      continue;
    }
    if (placed.has(i)) continue;
    placed.add(i);
    const lead = members[0].id;
    const listed = new Set(members.map((x) => x.id));
    for (const [k, m] of members.entries()) {
      // The first version is paired with its closest; the others with the first, or else their
      // closest. The core may not have listed a pair for every version of a big story: such a
      // version shows no percentage, and is compared with the first (the first with the second).
      let pairWith = k === 0 ? null : lead;
      let pair = pairWith ? stories.pair(m.id, pairWith) : null;
      if (!pair) {
        let best = stories.closest(m.id);
        // Its closest was left out of these rows: the closest of those listed (one story's pairs).
        if (best && !listed.has(best.id))
          best = stories.otherVersions(m.id).find((v) => v.pair && listed.has(v.id)) ?? null;
        if (best) ({ id: pairWith, pair } = best);
        else pairWith ??= members[1].id;
      }
      out.push({
        ...m,
        story: {
          size: members.length,
          index: k,
          leadId: lead,
          pair,
          pairWith,
          position: k === 0 ? 'first' : k === members.length - 1 ? 'last' : 'middle',
        },
      });
      if (k % STEP === STEP - 1) yield;
    }
  }
}
