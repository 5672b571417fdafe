import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStore, describeStorageError, openStore } from '../../../web/src/storage/store.js';
import { CoreReader, loadCore, resetCoreForTests, READ_OPTIONS } from '../../../web/src/core/core.js';
import { encode, fakeCoreFactory, standIn } from '../helpers.mjs';

test('openStore falls back to memory, saying why, when IndexedDB is missing or refuses', async () => {
  const none = await openStore({ indexedDB: undefined });
  assert.equal(none.persistent, false);
  assert.match(none.reason, /no IndexedDB/);
  const refusing = {
    open() {
      throw new DOMException('denied', 'SecurityError');
    },
  };
  const refused = await openStore({ indexedDB: standIn(refusing) });
  assert.equal(refused.persistent, false);
  assert.match(refused.reason, /does not allow this page to store data/);
  const failing = {
    open() {
      const req = {};
      setTimeout(() => {
        req.error = new DOMException('broken', 'UnknownError');
        req.onerror();
      });
      return req;
    },
  };
  const failed = await openStore({ indexedDB: standIn(failing) });
  assert.match(failed.reason, /could not be opened \(broken\)/);
});

test('MemoryStore keeps records and meta', async () => {
  const s = new MemoryStore('why');
  await s.putAll([{ id: 'a' }, { id: 'b' }]);
  await s.deleteIds(['a']);
  assert.deepEqual(await s.loadAll(), [{ id: 'b' }]);
  await s.setMeta('initialised', true);
  assert.equal(await s.getMeta('initialised'), true);
  await s.clearArticles();
  assert.deepEqual(await s.loadAll(), []);
});

test('MemoryStore keeps originals apart; a removal leaves them for Undo until the sweep', async () => {
  const s = new MemoryStore('why');
  await s.putAll([
    { id: 'a', original: '<p>A</p>' },
    { id: 'b', original: '<p>B</p>' },
  ]);
  assert.deepEqual(await s.loadAll(), [{ id: 'a' }, { id: 'b' }], 'records without their original');
  assert.equal(await s.getOriginal('a'), '<p>A</p>');
  await s.deleteIds(['a', 'b']);
  await s.putAll([{ id: 'a' }]); // Undo for one of them: the record is back, its original stayed
  assert.equal(await s.getOriginal('a'), '<p>A</p>');
  assert.equal(await s.sweepOriginals(), 1);
  assert.equal(await s.getOriginal('b'), undefined, 'the one that stayed removed is swept');
  assert.equal(await s.getOriginal('a'), '<p>A</p>');
});

test('storage errors are described for people', () => {
  assert.match(describeStorageError(new DOMException('x', 'QuotaExceededError')), /full \(quota exceeded\)/);
  assert.match(describeStorageError(new Error('boom')), /failed \(boom\)/);
});

test("the core is loaded once and called with the page's options", async () => {
  resetCoreForTests();
  let created = 0;
  /** @type {{bytes: Uint8Array, name: string, options: object}} */
  let seen;
  const factory = async () => {
    created++;
    return {
      readFile: (bytes, name, options) => {
        seen = { bytes, name, options: JSON.parse(options) };
        return '{"articles":[{"id":"x"}],"problems":[]}';
      },
      version: () => '1.2.3',
    };
  };
  const [a, b] = await Promise.all([loadCore(standIn(factory)), loadCore(standIn(factory))]);
  assert.equal(a, b);
  assert.equal(created, 1);
  assert.equal(a.version(), '1.2.3');
  const result = a.read(encode('hi'), 'f.jsonl', { firstLine: 41 });
  assert.deepEqual(result, { articles: [{ id: 'x' }], problems: [] });
  assert.equal(seen.name, 'f.jsonl');
  assert.deepEqual(seen.options, { ...READ_OPTIONS, firstLine: 41 });
  resetCoreForTests();
});

test('a failing core load can be retried; bad output and a missing core are errors', async () => {
  resetCoreForTests();
  await assert.rejects(loadCore(undefined), /reading engine is missing/);
  await assert.rejects(
    loadCore(async () => {
      throw new Error('wasm failed');
    }),
    /wasm failed/,
  );
  const ok = await loadCore(fakeCoreFactory());
  assert.match(ok.version(), /fake/);
  const broken = new CoreReader(
    standIn({
      readFile: () => 'not json',
      version: () => {
        throw new Error('x');
      },
    }),
  );
  assert.throws(() => broken.read(encode('x'), 'a.txt'), /malformed output/);
  assert.equal(broken.version(), 'unknown');
  assert.throws(() => new CoreReader(standIn({})), /no readFile/);
  const partial = new CoreReader(standIn({ readFile: () => '{}' }));
  assert.deepEqual(partial.read(encode('x'), 'a.txt'), { articles: [], problems: [] });
  resetCoreForTests();
});
