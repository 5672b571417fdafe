// Storage that refuses or fills up (storage/store.js): nothing escapes as an uncaught error — not
// reading window.indexedDB (which throws in Firefox when storage is off), not a failed open (its
// error event is handled, so Firefox does not report it as uncaught) — and Firefox's
// InvalidStateError after a quota error is described as the storage being full.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeStorageError, openStore } from '../../../web/src/storage/store.js';
import { standIn } from '../helpers.mjs';

test('window.indexedDB that throws when read: memory, saying why', async () => {
  const store = await openStore({
    getIndexedDB: () => {
      throw new DOMException(
        'A mutation operation was attempted on a database that did not allow mutations.',
        'InvalidStateError',
      );
    },
  });
  assert.equal(store.persistent, false);
  assert.match(store.reason, /does not allow this page to store data/);
});

test("a failed open is handled: its error event's default (report as uncaught) is prevented", async () => {
  let prevented = 0;
  const failing = {
    open() {
      const req = {};
      setTimeout(() => {
        req.error = new DOMException('quota', 'QuotaExceededError');
        req.onerror({ preventDefault: () => prevented++ });
      });
      return req;
    },
  };
  const store = await openStore({ indexedDB: standIn(failing) });
  assert.equal(store.persistent, false);
  assert.match(store.reason, /full \(quota exceeded\)/);
  assert.equal(prevented, 1);
});

test("Firefox's InvalidStateError: full when writing or reading, storage off when opening", () => {
  const e = new DOMException(
    'A mutation operation was attempted on a database that did not allow mutations.',
    'InvalidStateError',
  );
  assert.match(describeStorageError(e, 'write'), /full \(quota exceeded\)/);
  assert.match(describeStorageError(e, 'read'), /full \(quota exceeded\)/);
  assert.match(describeStorageError(e, 'open'), /private window/);
  assert.match(describeStorageError(new DOMException('x', 'SecurityError'), 'write'), /does not allow/);
});
