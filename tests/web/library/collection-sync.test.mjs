// The collection shared between tabs (library/collection-sync.js): two "tabs" on one store and one
// bus — what one stores or removes, the other adds or drops, once, with the views told once per
// settled burst; messages heard twice or about articles already here change nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CollectionSync } from '../../../web/src/library/collection-sync.js';
import { Collection } from '../../../web/src/library/collection.js';
import { MemoryStore } from '../../../web/src/storage/store.js';

const record = (id, seq) => ({ id, seq, article: { title: id, body: `body of ${id}` } });

/** A bus between tabs that delivers every message twice (BroadcastChannel and storage event). */
function sharedBus() {
  const tabs = [];
  return (receive) => {
    const me = { receive };
    tabs.push(me);
    return {
      post: (m) => {
        for (const t of tabs) if (t !== me) for (const copy of [m, structuredClone(m)]) t.receive(copy);
      },
    };
  };
}

function tab(store, bus) {
  const collection = new Collection();
  const changes = [];
  const sync = new CollectionSync({ store: () => store, collection, bus, changed: (c) => changes.push(c) });
  return { collection, changes, sync };
}

test('what one tab stores and removes, the other adds and drops, and its views hear once', async () => {
  const store = new MemoryStore('test');
  const bus = sharedBus();
  const a = tab(store, bus);
  const b = tab(store, bus);
  const records = [record('a1', 1), record('a2', 2), record('a3', 3)];
  await store.putAll(records);
  for (const r of records) a.collection.add(r);
  a.sync.stored(['a1', 'a2']);
  a.sync.stored(['a3']);
  await b.sync.applying;
  assert.deepEqual(
    b.collection.list().map((r) => r.id),
    ['a1', 'a2', 'a3'],
  );
  assert.deepEqual(b.changes, [], 'the views wait for the burst to settle');
  b.sync.settle(true);
  assert.deepEqual(b.changes, [{ added: ['a1', 'a2', 'a3'], removed: [] }]);
  assert.deepEqual(a.changes, [], 'a tab does not hear itself');

  await store.deleteIds(['a2']);
  a.sync.removed(['a2', 'never-here']);
  await b.sync.applying;
  b.sync.settle(true);
  assert.deepEqual(
    b.collection.list().map((r) => r.id),
    ['a1', 'a3'],
  );
  assert.deepEqual(b.changes[1], { added: [], removed: ['a2'] });
  b.sync.settle(true);
  assert.equal(b.changes.length, 2, 'nothing new, nothing said');
});

test('articles not in storage, bad records and foreign messages are ignored', async () => {
  const store = new MemoryStore('test');
  await store.putAll([{ id: 'broken' }]);
  const posted = [];
  const b = tab(store, (receive) => {
    receive({ type: 'stored', ids: ['missing', 'broken'] });
    receive({ type: 'other', ids: ['x'] });
    receive({ nonsense: true });
    return { post: (m) => posted.push(m) };
  });
  await b.sync.applying;
  b.sync.settle(true);
  assert.equal(b.collection.size, 0);
  assert.deepEqual(b.changes, []);
  b.sync.stored(['a', 'b']);
  assert.deepEqual(posted, [{ type: 'stored', ids: ['a', 'b'] }], 'the bus cuts big ones (tab-bus.test.mjs)');
});
