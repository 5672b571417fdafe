// The test fake (tests/web/fixtures/fake-core.js) stands in for the core in the page's node tests:
// its answers must have the real core's shapes (the same keys, with values of the same types, all
// the way down), or the page's tests would pass against answers the real core never gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { core } from './core.mjs';

createRequire(import.meta.url)('../web/fixtures/fake-core.js');
const fake = await /** @type {import('../../web/src/core/lectern-core.js').CreateLecternCore} */ (
  globalThis.createLecternCore
)();

/**
 * The shape of a JSON value: its type, and for objects the shape of each key, for arrays the
 * shapes of their items (each distinct shape once, so an array's length does not matter).
 * @param {unknown} value
 * @returns {unknown}
 */
function shape(value) {
  if (Array.isArray(value)) {
    const items = new Map(value.map((v) => [JSON.stringify(shape(v)), shape(v)]));
    return { array: [...items.keys()].sort().map((k) => items.get(k)) };
  }
  if (value === null) return 'null';
  if (typeof value === 'object') {
    const o = /** @type {Record<string, unknown>} */ (value);
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, shape(o[k])]));
  }
  return typeof value;
}

const encode = (/** @type {string} */ s) => new TextEncoder().encode(s);
const inputs = [
  ['story.txt', 'Markets rally\n\nStocks rose on Monday. Bonds fell.\n\nAnalysts were surprised.'],
  ['page.html', '<html><head><title>A page</title></head><body><p>One paragraph here.</p><p>Two.</p></body></html>'],
  ['feed.jsonl', '{"id": "a", "title": "A", "text": "First story. It is short."}\nnot json\n{"title": "no text"}\n'],
  ['list.json', '[{"id": "x", "title": "X", "date": "2024-09-13", "url": "https://example.org/x", "text": "Body of x."}]'],
  ['empty.txt', ''],
  ['binary.txt', '\u0000\u0001\u0002'],
];

for (const [name, text] of inputs) {
  test(`readFile answers the same shape as the real core: ${name}`, () => {
    const options = JSON.stringify({ plain: false, offsetUnit: 'utf16', firstLine: 1 });
    const real = JSON.parse(core.readFile(encode(text), name, options));
    const faked = JSON.parse(fake.readFile(encode(text), name, options));
    assert.deepEqual(shape(faked), shape(real));
  });
}

test('contentHash answers the real core\'s hash: 64 hex digits, blind to white space and NFC', () => {
  for (const text of ['', 'x', 'A  b\n\nc ', 'Cafe\u0301', '𝔸 😀 欢迎']) {
    assert.equal(fake.contentHash(text), core.contentHash(text), JSON.stringify(text));
  }
});

test('entities answers the real core\'s shape: mentions with offsets, type, text, entity, value', () => {
  const text = 'In 2024 the talks in Geneva ended. Then Maria Lopez of Acme Corp spoke in Paris.';
  const real = JSON.parse(core.entities(text, '{}'));
  const faked = JSON.parse(fake.entities(text, '{}'));
  assert.ok(real.some((/** @type {{value?: string}} */ m) => m.value) && real.some((m) => !m.value));
  assert.ok(faked.some((/** @type {{value?: string}} */ m) => m.value) && faked.some((m) => !m.value));
  const withValue = (/** @type {object[]} */ list) => shape(list.filter((m) => 'value' in m));
  const without = (/** @type {object[]} */ list) => shape(list.filter((m) => !('value' in m)));
  assert.deepEqual(withValue(faked), withValue(real));
  assert.deepEqual(without(faked), without(real));
});

test('version answers a string', () => {
  assert.equal(typeof fake.version(), typeof core.version());
});
