// The bodies the core worker keeps for anchoring (article-bodies.js): bounded, least recently used
// dropped first, and what a request carries is used even when it cannot all be kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArticleBodies, articlesWithBodies } from '../../../web/src/core/article-bodies.js';

test('past the bound, the least recently used bodies are dropped', () => {
  const store = new ArticleBodies(10);
  store.put('a', 'aaaa');
  store.put('b', 'bbbb');
  assert.equal(store.get('a'), 'aaaa'); // a is now the most recent
  store.put('c', 'cccc');
  assert.equal(store.get('b'), undefined, 'b was the least recently used');
  assert.equal(store.get('a'), 'aaaa');
  assert.equal(store.get('c'), 'cccc');
  assert.equal(store.chars, 8);
});

test('a body over the bound is kept alone; putting one again does not count it twice', () => {
  const store = new ArticleBodies(4);
  store.put('a', 'aa');
  store.put('big', 'x'.repeat(9));
  assert.deepEqual([...store.bodies.keys()], ['big']);
  store.put('big', 'x'.repeat(9));
  assert.equal(store.chars, 9);
});

test('articlesWithBodies: bodies sent now or kept before, and the ids of neither', () => {
  const store = new ArticleBodies(100);
  store.put('old', 'Old body.');
  const refs = [{ id: 'old', title: 'T' }, { id: 'new' }, { id: 'gone', url: 'u' }];
  const { articles, missing } = articlesWithBodies(store, refs, [['new', 'New body.']]);
  assert.deepEqual(articles, [
    { id: 'old', title: 'T', body: 'Old body.' },
    { id: 'new', body: 'New body.' },
  ]);
  assert.deepEqual(missing, ['gone']);
  assert.equal(store.get('new'), 'New body.', 'kept for the next request');
});

test('articlesWithBodies uses what a request carries even when the store cannot keep it', () => {
  const store = new ArticleBodies(3);
  const { articles, missing } = articlesWithBodies(
    store,
    [{ id: 'a' }, { id: 'b' }],
    [
      ['a', 'long body a'],
      ['b', 'long body b'],
    ],
  );
  assert.deepEqual(
    articles.map((a) => a.body),
    ['long body a', 'long body b'],
  );
  assert.deepEqual(missing, []);
});
