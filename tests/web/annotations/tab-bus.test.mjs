// The bus between tabs (annotations/tab-bus.js): a message with many ids goes in pieces, one per
// task, in order, on the channel and as a storage ping, and what another tab says is heard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IDS_PER_MESSAGE, inPieces, tabBus } from '../../../web/src/annotations/tab-bus.js';

const ids = (n, from = 0) => Array.from({ length: n }, (_, i) => `id-${from + i}`);

test('a message is cut into pieces of at most IDS_PER_MESSAGE ids, in order, the rest kept', () => {
  const m = { type: 'annotations', ids: ids(2 * IDS_PER_MESSAGE + 1) };
  const pieces = inPieces(m);
  assert.deepEqual(
    pieces.map((p) => p.ids.length),
    [IDS_PER_MESSAGE, IDS_PER_MESSAGE, 1],
  );
  assert.deepEqual(
    pieces.flatMap((p) => p.ids),
    m.ids,
  );
  assert.ok(pieces.every((p) => p.type === 'annotations'));
  assert.deepEqual(inPieces({ type: 'tags' }), [{ type: 'tags' }]);
  assert.deepEqual(inPieces({ type: 'x', ids: ids(3) }, 2), [
    { type: 'x', ids: ['id-0', 'id-1'] },
    { type: 'x', ids: ['id-2'] },
  ]);
});

/** A page's surroundings for the bus: what it sent, and the tasks it left for later. */
function environment() {
  const sent = { channel: [], pings: [] };
  const tasks = [];
  const listeners = [];
  let channel;
  return {
    sent,
    tasks,
    channel: () => channel,
    storageEvent: (e) => listeners.forEach((l) => l(e)),
    env: {
      channel: () => (channel = { postMessage: (m) => sent.channel.push(m), onmessage: null }),
      storage: () => ({ setItem: (key, value) => sent.pings.push({ key, value: JSON.parse(value) }) }),
      onStorage: (l) => listeners.push(l),
      later: (next) => tasks.push(next),
    },
  };
}

test('pieces go one per task, in the order posted, on the channel and as a ping', () => {
  const page = environment();
  const bus = tabBus(() => {}, { channel: 'c', pingKey: 'k' }, page.env);
  bus.post({ type: 'annotations', ids: ids(IDS_PER_MESSAGE + 5) });
  bus.post({ type: 'tags' });
  assert.equal(page.sent.channel.length, 1, 'the first piece now, the rest later');
  assert.equal(page.tasks.length, 1);
  while (page.tasks.length) page.tasks.shift()();
  assert.deepEqual(
    page.sent.channel.map((m) => [m.type, m.ids?.length]),
    [
      ['annotations', IDS_PER_MESSAGE],
      ['annotations', 5],
      ['tags', undefined],
    ],
  );
  assert.deepEqual(
    page.sent.pings.map((p) => [p.key, p.value.type, p.value.ids?.length, typeof p.value.nonce]),
    [
      ['k', 'annotations', IDS_PER_MESSAGE, 'string'],
      ['k', 'annotations', 5, 'string'],
      ['k', 'tags', undefined, 'string'],
    ],
  );
  bus.post({ type: 'tags' });
  assert.equal(page.sent.channel.length, 4, 'an idle bus sends at once');
});

test('what another tab says is heard from the channel and from its own ping key only', () => {
  const page = environment();
  const heard = [];
  tabBus((m) => heard.push(m), { channel: 'c', pingKey: 'k' }, page.env);
  page.channel().onmessage({ data: { type: 'tags' } });
  page.storageEvent({ key: 'k', newValue: JSON.stringify({ type: 'annotations', ids: ['a'] }) });
  page.storageEvent({ key: 'other', newValue: JSON.stringify({ type: 'x' }) });
  page.storageEvent({ key: 'k', newValue: 'not json' });
  page.storageEvent({ key: 'k', newValue: null });
  assert.deepEqual(heard, [{ type: 'tags' }, { type: 'annotations', ids: ['a'] }]);
});
