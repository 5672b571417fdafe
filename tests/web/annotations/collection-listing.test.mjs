// The annotations view's listing (collection-listing.js), worked out in slices: the same answer
// as at once, in reading order, for a collection big enough to take many slices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTICLE_CHOICES, collectionListing } from '../../../web/src/annotations/collection-listing.js';
import { TimeSlicer, atOnce } from '../../../web/src/shell/slices.js';

/** 3,000 annotations over 40 articles (some orphans), three authors, two tags; a stand-in book. */
function fixture() {
  const articles = Array.from({ length: 40 }, (_, i) => ({
    id: `art${i}`,
    seq: i,
    article: { title: `Article ${i}`, body: 'x' },
  }));
  const records = Array.from({ length: 3000 }, (_, i) => ({
    id: `urn:uuid:${String((i * 7919) % 3000).padStart(5, '0')}`,
    annotation: {
      id: `urn:uuid:${i}`,
      creator: { id: `urn:uuid:author-${i % 3}`, name: ['Ada', 'Bo', 'Cy'][i % 3] },
      body: [{ type: 'TextualBody', purpose: 'tagging', value: i % 2 ? 'trade' : 'vote' }],
      target: { selector: [{ type: 'TextQuoteSelector', exact: `quote ${i}` }] },
    },
    home: i % 11 === 0 ? null : { article: articles[(i * 13) % 40], start: (i * 37) % 500, kind: 'own' },
  }));
  const book = /** @type {any} */ ({
    live: () => records,
    homeOf: (r) => r.home,
    tags: {
      list: () => [
        { name: 'trade', color: '#f00' },
        { name: 'vote', color: '#0f0' },
      ],
      shortcutOf: () => null,
    },
  });
  const collection = { list: () => articles.slice(), get: (id) => articles.find((a) => a.id === id) };
  return { book, collection };
}

test('the listing made in slices is the listing made at once, in reading order', async () => {
  const { book, collection } = fixture();
  const user = { id: 'urn:uuid:author-1', name: 'Bo' };
  let t = 0;
  const slicer = new TimeSlicer({ budgetMs: 3, now: () => t++, yieldNow: async () => {} });
  const sliced = await collectionListing(book, collection, user, { query: '', tag: 'trade' }, slicer);
  const whole = await collectionListing(book, collection, user, { query: '', tag: 'trade' }, atOnce());
  assert.ok(slicer.yields > 10, `yielded ${slicer.yields} times`);
  assert.deepEqual(
    sliced.items.map((it) => it.id),
    whole.items.map((it) => it.id),
  );
  assert.equal(sliced.items.length, 1500); // the odd ones are tagged "trade"
  assert.equal(sliced.total, 3000);
  assert.deepEqual(sliced.authors, whole.authors);
  assert.deepEqual(
    sliced.authors.map((a) => [a.label, a.count]),
    [
      ['Ada', 1000],
      ['Bo (you)', 1000],
      ['Cy', 1000],
    ],
  );
  assert.deepEqual(
    sliced.tags.map((x) => [x.name, x.count]),
    [
      ['trade', 1500],
      ['vote', 1500],
    ],
  );
  // Reading order: articles in library order, then position, then id; orphans last.
  for (let i = 1; i < sliced.items.length; i++) {
    const [a, b] = [sliced.items[i - 1], sliced.items[i]];
    assert.ok(
      a.order < b.order ||
        (a.order === b.order && (a.start < b.start || (a.start === b.start && a.id < b.id))),
      `${a.id} before ${b.id}`,
    );
  }
  assert.equal(sliced.orphans.length, whole.orphans.length);
  assert.equal(sliced.items.at(-1).status, 'orphan');
});

test('the article filter offers the most annotated articles, in reading order, and counts the rest', async () => {
  const n = ARTICLE_CHOICES + 50;
  const articles = Array.from({ length: n }, (_, i) => ({
    id: `art${i}`,
    seq: i,
    article: { title: `A${i}` },
  }));
  // Article i has one annotation, and the odd ones below ARTICLE_CHOICES a second: those lead.
  const homes = [...articles, ...articles.filter((_, i) => i % 2 === 1 && i < ARTICLE_CHOICES)];
  const records = homes.map((article, i) => ({
    id: `urn:uuid:${i}`,
    annotation: { id: `urn:uuid:${i}`, target: { selector: [] } },
    home: { article, start: i, kind: 'own' },
  }));
  const book = /** @type {any} */ ({
    live: () => records,
    homeOf: (r) => r.home,
    tags: { list: () => [], shortcutOf: () => null },
  });
  const collection = { list: () => articles.slice(), get: (id) => articles.find((a) => a.id === id) };
  const listing = (article = '') =>
    collectionListing(book, collection, { id: 'me', name: 'Me' }, { article }, atOnce());

  const all = await listing();
  assert.equal(all.articles.length, ARTICLE_CHOICES);
  assert.equal(all.unlistedArticles, 50);
  const numbers = all.articles.map((a) => Number(a.id.slice(3)));
  assert.deepEqual(
    numbers,
    [...numbers].sort((a, b) => a - b),
    'reading order',
  );
  assert.ok(
    numbers.filter((i) => i % 2 === 1).length === ARTICLE_CHOICES / 2,
    'every article with two annotations is there',
  );
  assert.deepEqual(all.articles[0], { id: 'art0', title: 'A0' });

  const last = `art${n - 1}`; // one annotation: not among the most annotated
  assert.ok(!all.articles.some((a) => a.id === last));
  const filtered = await listing(last);
  assert.ok(
    filtered.articles.some((a) => a.id === last),
    'the article filtered by stays offered',
  );
  assert.deepEqual(
    filtered.items.map((it) => it.articleId),
    [last],
  );
});
