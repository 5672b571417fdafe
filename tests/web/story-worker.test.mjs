// Grouping stories and diffing through the core worker's protocol (worker-client.js openClusterer /
// call ↔ worker-host.js), joined by an in-process channel that copies messages like postMessage.
// The "core" here is a recording stand-in for the contract (StoryClusterer, diffTexts): it checks
// what the page sends and that every clusterer is freed, not how the core clusters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkerReader, startReader } from '../../web/src/worker-client.js';
import { serveCore } from '../../web/src/worker-host.js';
import { CoreReader } from '../../web/src/core.js';
import { clusterArticles } from '../../web/src/clustering.js';
import { fakeCoreFactory } from './helpers.mjs';

/** The fake core plus a recording StoryClusterer and diffTexts. */
function storyCoreFactory(log, { throwOnAdd = null } = {}) {
  const base = fakeCoreFactory();
  return async () => {
    const module = await base();
    module.StoryClusterer = class {
      constructor(options) {
        this.options = options;
        this.keys = [];
        this.deleted = false;
        log.clusterers.push(this);
      }

      add(key, text) {
        if (this.deleted) throw new Error('used after delete');
        if (key === throwOnAdd) throw new Error('the core aborted');
        this.keys.push(key);
        log.texts.set(key, text);
        return this.keys.length - 1;
      }

      cluster() {
        // "Clusters" of keys sharing their first letter: enough to see the JSON come back.
        const by = new Map();
        for (const k of this.keys) (by.get(k[0]) ?? by.set(k[0], []).get(k[0])).push(k);
        const clusters = [...by.values()].filter((m) => m.length > 1).map((members) => ({ members }));
        return JSON.stringify({ clusters, pairs: [], candidates: this.keys.length });
      }

      delete() {
        this.deleted = true;
      }
    };
    module.diffTexts = (a, b, options) => {
      log.diffs.push([a, b, options]);
      return JSON.stringify({ offsetUnit: 'utf16', a: { sentences: [] }, b: { sentences: [] }, groups: [], summary: {} });
    };
    return module;
  };
}

const newLog = () => ({ clusterers: [], texts: new Map(), diffs: [] });

class FakeWorker {
  constructor(factory) {
    this.listeners = {};
    this.scopeListeners = {};
    this.sent = [];
    const scope = {
      postMessage: (m) => this.deliver(this.listeners, m),
      addEventListener: (type, f) => (this.scopeListeners[type] ||= []).push(f),
    };
    serveCore(scope, factory);
  }

  deliver(listeners, message) {
    const data = structuredClone(message);
    setTimeout(() => { for (const f of listeners.message || []) f({ data }); }, 0);
  }

  addEventListener(type, f) { (this.listeners[type] ||= []).push(f); }

  postMessage(message) {
    this.sent.push(message);
    this.deliver(this.scopeListeners, message);
  }

  terminate() {}
}

async function workerReader(factory) {
  let worker;
  const reader = await startReader({
    spawn: () => { worker = new FakeWorker(factory); return { worker }; },
    log: () => assert.fail('no fallback expected'),
  });
  assert.equal(reader.kind, 'worker');
  return { reader, worker: () => worker };
}

const entries = [['a1', 'First text.'], ['b1', 'Second text.'], ['a2', 'Third text.'], ['c1', 'Fourth.']];

test('worker: the clusterer gets every article in batches; its JSON comes back; it is freed', async () => {
  const log = newLog();
  const { reader, worker } = await workerReader(storyCoreFactory(log));
  const progress = [];
  const json = await clusterArticles(reader, entries, {
    coreOptions: '{"threshold":0.5}', onProgress: (p) => progress.push(p.done), batchOptions: { maxItems: 3 },
  });
  assert.deepEqual(JSON.parse(json).clusters, [{ members: ['a1', 'a2'] }]);
  assert.equal(log.clusterers.length, 1);
  assert.equal(log.clusterers[0].options, '{"threshold":0.5}');
  assert.deepEqual(log.clusterers[0].keys, ['a1', 'b1', 'a2', 'c1']);
  assert.equal(log.texts.get('b1'), 'Second text.');
  assert.equal(log.clusterers[0].deleted, true, 'finish frees the clusterer');
  assert.deepEqual(progress, [0, 3, 4]);
  const steps = worker().sent.filter((m) => m.type === 'cluster');
  assert.deepEqual(steps.map((m) => m.op), ['begin', 'add', 'add', 'finish']);
  assert.equal(new Set(steps.map((m) => m.session)).size, 1, 'one session');
  assert.equal(new Set(steps.map((m) => m.id)).size, 4, 'each step its own request');
});

test('worker: a cancelled grouping frees the clusterer; a failing one too, and says why', async () => {
  const log = newLog();
  const { reader, worker } = await workerReader(storyCoreFactory(log, { throwOnAdd: 'a2' }));
  let n = 0;
  await assert.rejects(clusterArticles(reader, entries, { isCancelled: () => ++n > 1, batchOptions: { maxItems: 1 } }), /cancelled/);
  assert.equal(log.clusterers[0].deleted, true);
  assert.equal(worker().sent.at(-1).op, 'cancel');
  await assert.rejects(clusterArticles(reader, entries, { batchOptions: { maxItems: 1 } }), /the core aborted/);
  assert.equal(log.clusterers[1].deleted, true);
  // The worker still answers afterwards.
  const json = await clusterArticles(reader, [['x1', 'a'], ['x2', 'b']]);
  assert.deepEqual(JSON.parse(json).clusters, [{ members: ['x1', 'x2'] }]);
  assert.ok(log.clusterers.every((c) => c.deleted), 'no clusterer left behind');
});

test('worker: a core without StoryClusterer says so (the page then shows no versions)', async () => {
  const { reader } = await workerReader(fakeCoreFactory());
  await assert.rejects(clusterArticles(reader, entries), /cannot group stories \(rebuild the core\)/);
  await assert.rejects(reader.call('diffTexts', 'a', 'b', ''), /has no diffTexts/);
});

test('worker: diffTexts is one of the calls the page may make, with the two bodies', async () => {
  const log = newLog();
  const { reader } = await workerReader(storyCoreFactory(log));
  const json = await reader.call('diffTexts', 'Body A.', 'Body B.', '');
  assert.equal(JSON.parse(json).offsetUnit, 'utf16');
  assert.deepEqual(log.diffs, [['Body A.', 'Body B.', '']]);
  await assert.rejects(reader.call('StoryClusterer', ''), /no function StoryClusterer/, 'only the listed functions');
});

test('main thread (no worker): the same steps, with the page yielding between batches', async () => {
  const log = newLog();
  const factory = storyCoreFactory(log);
  const reader = new WorkerReader(() => { throw new Error('no workers here'); }, {
    fallback: async () => new CoreReader(await factory()), log: () => {},
  });
  let yields = 0;
  const json = await clusterArticles(reader, entries, { yieldFn: async () => { yields++; }, batchOptions: { maxItems: 2 } });
  assert.equal(reader.kind, 'main-thread');
  assert.deepEqual(JSON.parse(json).clusters, [{ members: ['a1', 'a2'] }]);
  assert.equal(yields, 2);
  assert.equal(log.clusterers[0].deleted, true);
});
