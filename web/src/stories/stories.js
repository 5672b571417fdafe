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
/** @typedef {{members: string[], pairs: StoryPair[]}} Story */
/** @typedef {import('./cluster-answer.js').CompactClusters} CompactClusters */

const pairKey = (a, b) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Items between two yields of the generators below (a yield costs little; the slicer decides). */
const STEP = 256;

export class Stories {
  /** @param {Story[]} clusters */
  constructor(clusters = []) {
    /** @type {Story[]} */
    this.clusters = [];
    this.byId = new Map();
    this.pairs = new Map();
    this.order = new Map(); // id → its place in its story
    this.best = new Map(); // id → {id, pair}: the version the core paired it with most closely
    drain(this.indexing(clusters));
  }

  /** Fills the maps from `clusters`, yielding every STEP items (fromCoreSliced runs it in slices). */
  *indexing(clusters) {
    this.clusters = clusters;
    // Steps within a story too: one story may hold every article (and 20 pairs for each).
    let n = 0;
    for (const [index, story] of clusters.entries()) {
      for (const [k, id] of story.members.entries()) {
        this.byId.set(id, index);
        this.order.set(id, k);
        if (++n % STEP === 0) yield;
      }
      for (const p of story.pairs) {
        this.pairs.set(pairKey(p.a, p.b), p);
        if (++n % STEP === 0) yield;
      }
      yield;
    }
    // One pass over the pairs (the core may list only some of a big story's pairs, so not every
    // version has one): the closest first, then the earlier in the story, as otherVersions sorts.
    for (const p of this.pairs.values()) {
      for (const [id, other] of [
        [p.a, p.b],
        [p.b, p.a],
      ]) {
        const now = this.best.get(id);
        if (
          !now ||
          p.containment > now.pair.containment ||
          (p.containment === now.pair.containment && this.order.get(other) < this.order.get(now.id))
        ) {
          this.best.set(id, { id: other, pair: p });
        }
      }
      if (++n % STEP === 0) yield;
    }
  }

  /** @returns {{id: string, pair: StoryPair}|null} the version the core paired `id` with most closely */
  closest(id) {
    return this.best.get(id) ?? null;
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
    /** @type {Story[]} */
    const stories = [];
    const storyOf = new Map(); // id → its story (an article is in one story)
    let start = 0;
    for (const end of c.ends) {
      const members = c.ids.slice(start, end).filter((id) => has(id) && !storyOf.has(id));
      start = end;
      if (members.length < 2) continue;
      const story = { members, pairs: [] };
      for (const id of members) storyOf.set(id, story);
      stories.push(story);
      yield;
    }
    for (let p = 0; p < c.jaccard.length; p++) {
      const [a, b] = [c.ids[c.pairs[2 * p]], c.ids[c.pairs[2 * p + 1]]];
      const story = storyOf.get(a);
      if (story && storyOf.get(b) === story) {
        story.pairs.push({ a, b, jaccard: c.jaccard[p] / 1000, containment: c.containment[p] / 1000 });
      }
      if (p % STEP === STEP - 1) yield;
    }
    yield* this.indexing(stories);
  }

  get size() {
    return this.clusters.length;
  }

  /** @returns {Story|null} the story `id` is a version of */
  storyOf(id) {
    const i = this.byId.get(id);
    return i === undefined ? null : this.clusters[i];
  }

  /** Whether `a` and `b` are two versions of one story (the library lists them together). */
  sameStory(a, b) {
    const i = this.byId.get(a);
    return a !== b && i !== undefined && i === this.byId.get(b);
  }

  /** @returns {StoryPair|null} */
  pair(a, b) {
    return this.pairs.get(pairKey(a, b)) ?? null;
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
    if (![...gone].some((id) => this.byId.has(id))) return this;
    return new Stories(
      this.clusters
        .map((s) => ({
          members: s.members.filter((m) => !gone.has(m)),
          pairs: s.pairs.filter((p) => !gone.has(p.a) && !gone.has(p.b)),
        }))
        .filter((s) => s.members.length >= 2),
    );
  }

  /** For window.lectern.clusters(): copies. */
  toJSON() {
    return this.clusters.map((s) => ({ members: s.members.slice(), pairs: s.pairs.map((p) => ({ ...p })) }));
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
    const i = stories.byId.get(row.id);
    if (i !== undefined) {
      if (!present.has(i)) present.set(i, []);
      present.get(i).push(row);
    }
    if (n % STEP === STEP - 1) yield;
  }
  const placed = new Set();
  for (const [n, row] of rows.entries()) {
    if (n % STEP === STEP - 1) yield;
    const i = stories.byId.get(row.id);
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
