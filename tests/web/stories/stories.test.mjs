// Versions of one story, the page's side: the clusters' bookkeeping (stories.js), the library's
// grouping, running the core's StoryClusterer in batches with progress and cancelling
// (clustering.js), the debounced reruns, routes and keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Stories,
  groupRows,
  groupRowsSliced,
  sharedLabel,
  sharedExplanation,
  sharedPercent,
} from '../../../web/src/stories/stories.js';
import {
  ClusterScheduler,
  ClusteringCancelled,
  batches,
  clusterArticles,
} from '../../../web/src/stories/clustering.js';
import { compactClusters } from '../../../web/src/stories/cluster-answer.js';
import { TimeSlicer } from '../../../web/src/shell/slices.js';
import { sortRows } from '../../../web/src/library/sorting.js';
import { parseHash, compareHash, variantsHash } from '../../../web/src/shell/router.js';
import { commandFor } from '../../../web/src/shell/keys.js';

const CORE_JSON = JSON.stringify({
  clusters: [{ members: ['a1', 'a2', 'a3'] }, { members: ['b1', 'b2'] }, { members: ['gone', 'c1'] }],
  pairs: [
    { a: 'a1', b: 'a2', jaccard: 0.36, containment: 0.724 },
    { a: 'a2', b: 'a3', jaccard: 0.5, containment: 0.9 },
    { a: 'b1', b: 'b2', jaccard: 0.8, containment: 0.95 },
    { a: 'gone', b: 'c1', jaccard: 0.8, containment: 0.95 },
  ],
  candidates: 12,
});
const present = new Set(['a1', 'a2', 'a3', 'b1', 'b2', 'c1', 'x', 'y']);

test("stories: the core's clusters, without articles no longer here and clusters left with one", () => {
  const s = Stories.fromCore(CORE_JSON, (id) => present.has(id));
  assert.equal(s.size, 2);
  assert.deepEqual(s.storyOf('a2').members, ['a1', 'a2', 'a3']);
  assert.equal(s.storyOf('c1'), null, 'its only partner is gone');
  assert.equal(s.storyOf('x'), null);
  assert.equal(s.sameStory('a1', 'a3'), true, 'versions of one story');
  assert.equal(s.sameStory('a1', 'b1'), false, 'two stories');
  assert.equal(s.sameStory('a1', 'a1'), false, 'not a version of itself');
  assert.equal(s.sameStory('a1', 'nowhere'), false);
  assert.equal(s.pair('a2', 'a1').containment, 0.724, 'pairs are found either way round');
  assert.equal(s.pair('a1', 'a3'), null, 'the core kept no a1–a3 pair');
  assert.deepEqual(
    s.otherVersions('a2').map((v) => v.id),
    ['a3', 'a1'],
    'most similar first',
  );
  assert.deepEqual(
    s.otherVersions('a1').map((v) => [v.id, v.pair?.containment ?? null]),
    [
      ['a2', 0.724],
      ['a3', null],
    ],
  );
  assert.deepEqual(s.toJSON()[1], {
    members: ['b1', 'b2'],
    pairs: [{ a: 'b1', b: 'b2', jaccard: 0.8, containment: 0.95 }],
  });
  const smaller = s.without(['a3', 'b1']);
  assert.equal(smaller.size, 1);
  assert.deepEqual(smaller.storyOf('a1').members, ['a1', 'a2']);
  assert.equal(smaller.pair('a2', 'a1').containment, 0.724, 'the pairs left keep their figures');
  assert.equal(smaller.closest('a1').id, 'a2');
  assert.equal(smaller.storyOf('b2'), null);
  assert.equal(s.without(['x']), s, 'nothing to change: the same object');
});

test('stories: an error or malformed answer from the core is an error, not an empty result', () => {
  assert.throws(() => Stories.fromCore('{"error": "out of memory"}'), /out of memory/);
  assert.throws(() => Stories.fromCore('{}'), /no clusters/);
  assert.throws(() => Stories.fromCore('not json'));
  assert.equal(Stories.fromCore({ clusters: [], pairs: [] }).size, 0);
});

test('the compact answer (from the worker) gives the same stories as the JSON, figures exact', () => {
  const compact = compactClusters(CORE_JSON);
  assert.deepEqual(compact.ids, ['a1', 'a2', 'a3', 'b1', 'b2', 'gone', 'c1']);
  assert.deepEqual([...compact.ends], [3, 5, 7]);
  assert.deepEqual([...compact.containment], [724, 900, 950, 950]);
  const fromJson = Stories.fromCore(CORE_JSON, (id) => present.has(id));
  const fromCompact = Stories.fromCore(compact, (id) => present.has(id));
  assert.deepEqual(fromCompact.toJSON(), fromJson.toJSON());
  assert.equal(fromCompact.pair('a1', 'a2').containment, 0.724, '‰ back to the core’s 3 decimals');
  // A pair naming no clustered article, a pair of an article with itself, and an article the core
  // listed in two clusters (it stays in the first).
  const odd = compactClusters({
    clusters: [{ members: ['p', 'q'] }, { members: ['q', 'r', 's'] }],
    pairs: [
      { a: 'p', b: 'q', jaccard: 0.5, containment: 0.6 },
      { a: 'p', b: 'nowhere', jaccard: 0.5, containment: 0.6 },
      { a: 'r', b: 'r', jaccard: 1, containment: 1 },
      { a: 'r', b: 's', jaccard: 0.2, containment: 0.3 },
    ],
  });
  assert.equal(odd.jaccard.length, 2);
  assert.deepEqual(Stories.fromCore(odd).toJSON(), [
    { members: ['p', 'q'], pairs: [{ a: 'p', b: 'q', jaccard: 0.5, containment: 0.6 }] },
    { members: ['r', 's'], pairs: [{ a: 'r', b: 's', jaccard: 0.2, containment: 0.3 }] },
  ]);
  assert.throws(() => compactClusters('{"error": "out of memory"}'), /out of memory/);
});

test('stories built in slices: the same as at once, yielding as the slicer says', async () => {
  const members = Array.from({ length: 3000 }, (_, i) => `m${i}`);
  const pairs = members
    .slice(1)
    .map((b, i) => ({ a: members[i], b, jaccard: (i % 1000) / 1000, containment: 0.5 }));
  const json = { clusters: [{ members: members.slice(0, 1500) }, { members: members.slice(1500) }], pairs };
  const slicer = new TimeSlicer({ budgetMs: 0, yieldNow: async () => {} });
  const sliced = await Stories.fromCoreSliced(compactClusters(json), () => true, slicer);
  const atOnce = Stories.fromCore(json);
  assert.deepEqual(sliced.toJSON(), atOnce.toJSON());
  assert.deepEqual([...sliced.best], [...atOnce.best]);
  assert.equal(sliced.toJSON()[0].pairs.length, 1499, 'the pair across the two stories is left out');
  assert.ok(slicer.yields > 20, `it yielded ${slicer.yields} times`);
});

test('groupRows in slices: the same rows as at once, yielding as the slicer says', async () => {
  const members = Array.from({ length: 2000 }, (_, i) => `m${i}`);
  const pairs = members
    .slice(1)
    .map((b, i) => ({ a: members[i], b, jaccard: 0.5, containment: (i % 900) / 1000 }));
  const stories = Stories.fromCore({ clusters: [{ members }], pairs });
  const rows = [...members, 'alone'].reverse().map((id) => ({ id }));
  const slicer = new TimeSlicer({ budgetMs: 0, yieldNow: async () => {} });
  const sliced = await groupRowsSliced(rows, stories, slicer);
  assert.deepEqual(sliced, groupRows(rows, stories));
  assert.equal(sliced.length, rows.length);
  assert.ok(slicer.yields > 10, `it yielded ${slicer.yields} times`);
});

test('similarity is said as "72% shared", and explained', () => {
  const pair = { a: 'a', b: 'b', jaccard: 0.36, containment: 0.724 };
  assert.equal(sharedPercent(pair), 72);
  assert.equal(sharedLabel(pair), '72% shared');
  assert.equal(sharedLabel(null), '');
  assert.equal(sharedLabel({ ...pair, containment: 1.2 }), '100% shared');
  assert.match(
    sharedExplanation(pair, 'Other title'),
    /72% of the shorter version's word sequences.*“Other title”.*36% are in both/,
  );
});

test("groupRows: a story's versions sit together where its first version is in the sort order", () => {
  const stories = Stories.fromCore(CORE_JSON, (id) => present.has(id));
  const rows = [
    { id: 'x', title: 'Alpha', seq: 1 },
    { id: 'a2', title: 'Bravo', seq: 2 },
    { id: 'b2', title: 'Charlie', seq: 3 },
    { id: 'y', title: 'Delta', seq: 4 },
    { id: 'a1', title: 'Echo', seq: 5 },
    { id: 'b1', title: 'Foxtrot', seq: 6 },
    { id: 'a3', title: 'Golf', seq: 7 },
  ].map((r) => ({ ...r, displayTitle: r.title }));
  const grouped = groupRows(rows, stories);
  assert.deepEqual(
    grouped.map((r) => r.id),
    ['x', 'a2', 'a1', 'a3', 'b2', 'b1', 'y'],
  );
  assert.equal(grouped.length, rows.length, 'no row lost or doubled');
  assert.deepEqual(
    grouped.map((r) => r.story?.position ?? '-'),
    ['-', 'first', 'middle', 'last', 'first', 'last', '-'],
  );
  const a1 = grouped[2].story;
  assert.equal(a1.leadId, 'a2');
  assert.equal(a1.size, 3);
  assert.equal(a1.pairWith, 'a2');
  assert.equal(a1.pair.containment, 0.724);
  const a3 = grouped[3].story;
  assert.equal(a3.pairWith, 'a2');
  assert.equal(grouped[1].story.pairWith, 'a3', 'the first version is paired with its closest');
  // Sorted the other way, a different member leads and the rest follows in that order.
  const desc = groupRows(sortRows(rows, { column: 'title', direction: 'descending' }), stories);
  assert.deepEqual(
    desc.map((r) => r.id),
    ['a3', 'a1', 'a2', 'b1', 'b2', 'y', 'x'],
  );
  // No stories: the rows as they are.
  assert.equal(groupRows(rows, new Stories()), rows);
  // A story with only one version in the rows (the other filtered out) is no group.
  const one = groupRows(
    rows.filter((r) => r.id !== 'b1'),
    stories,
  );
  assert.equal(one.find((r) => r.id === 'b2').story, undefined);
});

test('groupRows: a member the core paired only with another member shows that similarity', () => {
  const stories = Stories.fromCore(
    JSON.stringify({
      clusters: [{ members: ['p', 'q', 'r'] }],
      pairs: [
        { a: 'p', b: 'q', jaccard: 0.4, containment: 0.6 },
        { a: 'q', b: 'r', jaccard: 0.7, containment: 0.8 },
      ],
    }),
  );
  const grouped = groupRows([{ id: 'p' }, { id: 'q' }, { id: 'r' }], stories);
  assert.equal(grouped[2].story.pairWith, 'q');
  assert.equal(sharedLabel(grouped[2].story.pair), '80% shared');
});

test('groupRows: a big story whose pairs the core capped (maxPairs): versions with no pair show no percentage, quickly', () => {
  // 3,000 versions, each paired by the core only with the next few (none with the first), and
  // some with none at all: as a core that keeps at most so many pairs may send them.
  const n = 3000;
  const members = Array.from({ length: n }, (_, i) => `v${String(i).padStart(4, '0')}`);
  const pairs = [];
  for (let i = 1; i < n - 3; i++)
    if (i % 10) pairs.push({ a: members[i], b: members[i + 1], jaccard: 0.8, containment: 0.9 });
  const stories = Stories.fromCore({ clusters: [{ members }], pairs, pairsOmitted: 123 });
  const rows = members.map((id) => ({ id }));
  const started = performance.now();
  const grouped = groupRows(rows, stories);
  const ms = performance.now() - started;
  assert.ok(ms < 500, `grouping the rows of a 3,000-version story took ${Math.round(ms)} ms (quadratic?)`);
  assert.equal(grouped.length, n);
  assert.ok(grouped.every((r) => r.story?.size === n && r.story.pairWith && r.story.pairWith !== r.id));
  const byId = new Map(grouped.map((r) => [r.id, r.story]));
  assert.equal(byId.get('v0000').pair, null, 'the first version: no pair listed');
  assert.equal(byId.get('v0000').pairWith, 'v0001', 'compared with the next one');
  assert.equal(sharedLabel(byId.get('v0005').pair), '90% shared', 'paired with a neighbour');
  const lonely = byId.get('v2999');
  assert.deepEqual(
    [lonely.pair, lonely.pairWith, sharedLabel(lonely.pair), sharedExplanation(lonely.pair)],
    [null, 'v0000', '', ''],
    'no pair: no percentage, compared with the first',
  );
  assert.deepEqual(
    stories
      .otherVersions('v2999')
      .slice(0, 2)
      .map((v) => v.pair),
    [null, null],
  );
  // Without any pairs at all.
  const bare = groupRows(
    [{ id: 'x' }, { id: 'y' }],
    Stories.fromCore({ clusters: [{ members: ['x', 'y'] }] }),
  );
  assert.deepEqual(
    bare.map((r) => [r.story.pair, r.story.pairWith]),
    [
      [null, 'y'],
      [null, 'x'],
    ],
  );
});

test('batches: about maxChars of text each, at most maxItems, big articles alone', () => {
  /** @type {[string, string][]} */
  const entries = [
    ['a', 'x'.repeat(40)],
    ['b', 'x'.repeat(40)],
    ['c', 'x'.repeat(40)],
    ['d', 'x'.repeat(500)],
    ['e', 'x'],
    ['f', 'x'],
    ['g', 'x'],
  ];
  const got = [...batches(entries, { maxChars: 100, maxItems: 2 })].map((b) => b.map(([k]) => k).join(''));
  assert.deepEqual(got, ['ab', 'c', 'd', 'ef', 'g']);
  assert.deepEqual([...batches([], {})], []);
});

/** A reader whose clusterer records what it was given (like worker-client.js openClusterer). */
function fakeReader({ kind = 'worker', failAt = -1, answer = CORE_JSON } = {}) {
  const log = { added: [], cancelled: 0, finished: 0, options: null };
  return {
    log,
    async openClusterer(options) {
      log.options = options;
      return {
        kind,
        add: async (items) => {
          if (log.added.length === failAt) throw new Error('the core failed');
          log.added.push(items.map(([k]) => k));
          return log.added.flat().length;
        },
        finish: async () => {
          log.finished++;
          return answer;
        },
        cancel: async () => {
          log.cancelled++;
        },
      };
    },
  };
}

const articles = (n) =>
  Array.from(
    { length: n },
    (_, i) => /** @type {[string, string]} */ ([`id${i}`, `Body of article ${i}. `.repeat(20)]),
  );

test('clusterArticles: every article goes to the core in batches, with progress after each', async () => {
  const reader = fakeReader();
  const progress = [];
  const yields = [];
  const json = await clusterArticles(reader, articles(25), {
    coreOptions: '{"threshold":0.3}',
    onProgress: (p) => progress.push(p),
    yieldFn: async () => yields.push(1),
    batchOptions: { maxChars: 1e9, maxItems: 10 },
  });
  assert.equal(json, CORE_JSON);
  assert.equal(reader.log.options, '{"threshold":0.3}');
  assert.deepEqual(
    reader.log.added.map((b) => b.length),
    [10, 10, 5],
  );
  assert.deepEqual(
    reader.log.added.flat(),
    articles(25).map(([k]) => k),
  );
  assert.deepEqual(
    progress.map((p) => p.done),
    [0, 10, 20, 25],
  );
  assert.ok(progress.every((p) => p.total === 25));
  assert.equal(yields.length, 0, 'in the worker, waiting for its answers is the yield');
  assert.equal(reader.log.cancelled, 0);
});

test('clusterArticles: on the main thread the page gets a turn between batches', async () => {
  const reader = fakeReader({ kind: 'main-thread' });
  let yields = 0;
  await clusterArticles(reader, articles(25), {
    yieldFn: async () => {
      yields++;
    },
    batchOptions: { maxItems: 10 },
  });
  assert.equal(yields, 3);
});

test("clusterArticles: cancelled between batches, or failing, frees the core's clusterer", async () => {
  const reader = fakeReader();
  let calls = 0;
  await assert.rejects(
    clusterArticles(reader, articles(25), {
      isCancelled: () => ++calls > 2,
      batchOptions: { maxItems: 10 },
    }),
    ClusteringCancelled,
  );
  assert.equal(reader.log.added.length, 2);
  assert.equal(reader.log.finished, 0);
  assert.equal(reader.log.cancelled, 1);

  const failing = fakeReader({ failAt: 1 });
  await assert.rejects(
    clusterArticles(failing, articles(25), { batchOptions: { maxItems: 10 } }),
    /the core failed/,
  );
  assert.equal(failing.log.cancelled, 1);
});

/** Timers run by hand. */
function manualTimers() {
  let next = 1;
  const timers = new Map();
  return {
    setTimer: (f, ms) => {
      timers.set(next, { f, ms });
      return next++;
    },
    clearTimer: (id) => timers.delete(id),
    pending: () => [...timers.values()].map((t) => t.ms),
    fire: () => {
      const all = [...timers.entries()];
      timers.clear();
      for (const [, t] of all) t.f();
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('ClusterScheduler: debounced; a change while it runs cancels that run and starts again', async () => {
  const timers = manualTimers();
  const runs = [];
  const scheduler = new ClusterScheduler(
    async (isCancelled) => {
      const run = { isCancelled, release: null, finished: false };
      runs.push(run);
      await new Promise((resolve) => {
        run.release = resolve;
      });
      if (isCancelled()) throw new ClusteringCancelled();
      run.finished = true;
    },
    { delayMs: 500, ...timers },
  );
  assert.equal(scheduler.busy, false);
  scheduler.schedule();
  scheduler.schedule();
  scheduler.schedule();
  assert.deepEqual(timers.pending(), [500], 'three changes, one timer');
  let idle = false;
  scheduler.whenIdle().then(() => {
    idle = true;
  });
  timers.fire();
  assert.equal(runs.length, 1);
  scheduler.schedule(); // the collection changes while it runs
  assert.equal(runs[0].isCancelled(), true);
  timers.fire(); // the delay passes before the cancelled run has stopped
  assert.equal(runs.length, 1, 'one run at a time');
  runs[0].release();
  await tick();
  assert.equal(runs.length, 2, 'started again once the cancelled run stopped');
  assert.equal(idle, false);
  runs[1].release();
  await tick();
  assert.equal(runs[1].finished, true);
  assert.equal(idle, true);
  assert.equal(scheduler.busy, false);
});

test('ClusterScheduler: errors are reported, cancellations are not; cancel() stops everything', async () => {
  const timers = manualTimers();
  const errors = [];
  let fail = true;
  const scheduler = new ClusterScheduler(
    async () => {
      if (fail) throw new Error('boom');
    },
    { ...timers, onError: (e) => errors.push(e.message) },
  );
  scheduler.schedule(0);
  timers.fire();
  await scheduler.whenIdle();
  assert.deepEqual(errors, ['boom']);
  fail = false;
  scheduler.schedule();
  scheduler.cancel();
  assert.deepEqual(timers.pending(), []);
  await scheduler.whenIdle();
  assert.equal(scheduler.busy, false);
});

test('routes: #compare=A,B and #variants=ID', () => {
  assert.deepEqual(parseHash(compareHash('40743e442a7504fd', '2c4153f70d7c93f8')), {
    view: 'compare',
    a: '40743e442a7504fd',
    b: '2c4153f70d7c93f8',
  });
  assert.deepEqual(parseHash('#compare=onlyone'), { view: 'compare', a: 'onlyone', b: '' });
  // Ids with a comma (or other characters links escape) come back whole; links as written before still work.
  for (const [a, b] of [
    ['x,y', 'z'],
    ['a', 'b,c,d'],
    ['a b&c=d', 'e%f+g'],
    ['é/ü#?', ','],
  ]) {
    assert.deepEqual(parseHash(compareHash(a, b)), { view: 'compare', a, b }, `${a} | ${b}`);
  }
  assert.deepEqual(parseHash('#compare=abc%2Cdef,ghi'), { view: 'compare', a: 'abc,def', b: 'ghi' });
  assert.deepEqual(parseHash('#compare=a%20b,c+d'), { view: 'compare', a: 'a b', b: 'c d' });
  assert.deepEqual(parseHash('#view=x&compare=a,b'), { view: 'compare', a: 'a', b: 'b' });
  assert.deepEqual(
    parseHash('#compare=a%E0,b'),
    { view: 'compare', a: 'a%E0', b: 'b' },
    'a malformed escape is kept as written',
  );
  assert.deepEqual(parseHash(variantsHash('abc')), { view: 'variants', id: 'abc' });
  assert.deepEqual(parseHash('#article=abc'), { view: 'reader', id: 'abc', original: false });
  assert.deepEqual(parseHash('#variants='), { view: 'library' });
});

test('keys: n/p and j/k go through changes, s swaps, Esc goes back; not in text fields', () => {
  const cmp = { view: 'compare' };
  const vars = { view: 'variants' };
  assert.equal(commandFor({ key: 'n' }, cmp), 'next-change');
  assert.equal(commandFor({ key: 'j' }, cmp), 'next-change');
  assert.equal(commandFor({ key: 'p' }, cmp), 'previous-change');
  assert.equal(commandFor({ key: 'k' }, vars), 'previous-change');
  assert.equal(commandFor({ key: 's' }, cmp), 'swap');
  assert.equal(commandFor({ key: 's' }, vars), null);
  assert.equal(commandFor({ key: 'Escape' }, cmp), 'back');
  assert.equal(commandFor({ key: 'Escape' }, vars), 'back');
  assert.equal(commandFor({ key: 'n' }, { view: 'compare', editable: true }), null);
  assert.equal(commandFor({ key: 'n', ctrlKey: true }, cmp), null);
});
