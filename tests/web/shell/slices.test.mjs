import test from 'node:test';
import assert from 'node:assert/strict';
import { TimeSlicer, atOnce, forEachSliced, sortSliced } from '../../../web/src/shell/slices.js';
import { yieldBehindOthers } from '../../../web/src/shell/yield.js';

/** A slicer on a fake clock that advances `msPerCall` at each reading, recording its yields. */
function fakeSlicer(budgetMs, msPerCall = 1) {
  let t = 0;
  return new TimeSlicer({
    budgetMs,
    now: () => (t += msPerCall),
    yieldNow: async () => {},
  });
}

test('a slicer yields once its budget is used up, and starts a new slice after', async () => {
  const s = fakeSlicer(5);
  let checks = 0;
  while (!s.due()) checks++;
  assert.equal(checks, 4); // readings at 2, 3, 4, 5 ms: the fifth (6 ms) is past 5 ms
  await s.pause();
  assert.equal(s.yields, 1);
  assert.equal(s.due(), false);
});

test('forEachSliced visits every item in order and yields between slices', async () => {
  const s = fakeSlicer(10);
  const seen = [];
  await forEachSliced([...'abcdefghijklmnopqrstuvwxyz'], (c, i) => seen.push(`${i}${c}`), s);
  assert.equal(seen.length, 26);
  assert.equal(seen[0], '0a');
  assert.equal(seen[25], '25z');
  assert.ok(s.yields >= 2, `yielded ${s.yields} times`);
});

test('a slicer with no budget never yields (the same loop, at once)', async () => {
  const s = atOnce();
  let n = 0;
  await forEachSliced(Array.from({ length: 1000 }), () => n++, s);
  assert.equal(n, 1000);
  assert.equal(s.yields, 0);
});

test('sortSliced sorts as Array#sort does, stable, across runs and merges', async () => {
  let state = 7;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const items = Array.from({ length: 10007 }, (_, i) => ({ key: Math.floor(random() * 50), i }));
  const byKey = (a, b) => a.key - b.key;
  const s = fakeSlicer(20);
  const sorted = await sortSliced(items, byKey, { slicer: s, run: 300 });
  assert.deepEqual(sorted, items.slice().sort(byKey)); // same keys and, for ties, the same order
  assert.ok(s.yields > 0);
  assert.equal(items[0].i, 0, 'the input is left as it was');
});

test('sortSliced of nothing, and of fewer items than a run', async () => {
  assert.deepEqual(await sortSliced([], (a, b) => a - b), []);
  assert.deepEqual(await sortSliced([3, 1, 2], (a, b) => a - b, { run: 8 }), [1, 2, 3]);
});

test('yieldBehindOthers resolves in a later task, behind a timer that fell due meanwhile', async () => {
  const order = [];
  setTimeout(() => order.push('timer'), 0);
  const until = performance.now() + 5;
  while (performance.now() < until); // a slice of work: the timer is due by its end
  queueMicrotask(() => order.push('microtask'));
  await yieldBehindOthers();
  order.push('after yield');
  assert.deepEqual(order, ['microtask', 'timer', 'after yield']);
});
