// Grouping stories and diffing through the core worker's protocol (worker-client.js openClusterer /
// call ↔ worker-host.js), joined by an in-process channel that copies (or transfers) messages like
// postMessage.
// The "core" here is a recording stand-in for the contract (StoryClusterer, diffTexts): it checks
// what the page sends and that every clusterer is freed, not how the core clusters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkerReader, startReader } from '../../../web/src/core/worker-client.js';
import { serveCore } from '../../../web/src/core/worker-host.js';
import { CoreReader } from '../../../web/src/core/core.js';
import { ClusterScheduler, clusterArticles } from '../../../web/src/stories/clustering.js';
import { StoryController } from '../../../web/src/stories/story-controller.js';
import { Stories } from '../../../web/src/stories/stories.js';
import { isCompact } from '../../../web/src/stories/cluster-answer.js';
import { encode, fakeCoreFactory, standIn } from '../helpers.mjs';

/** The fake core plus a recording StoryClusterer and diffTexts. */
function storyCoreFactory(log, { throwOnAdd = null } = {}) {
  const base = fakeCoreFactory();
  return async () => {
    const module = standIn(await base());
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
      return JSON.stringify({
        offsetUnit: 'utf16',
        a: { sentences: [] },
        b: { sentences: [] },
        groups: [],
        summary: {},
      });
    };
    return module;
  };
}

/** The members of each story in a clusterer's answer. */
const membersOf = (answer) => Stories.fromCore(answer).clusters.map((s) => s.members);

const newLog = () => ({ clusterers: [], texts: new Map(), diffs: [] });

class FakeWorker {
  constructor(factory) {
    this.listeners = {};
    this.scopeListeners = {};
    this.sent = [];
    this.held = null; // while busy(): the page's messages wait, in order, as behind a long read
    this.terminated = false;
    this.transferred = []; // what the worker's answers transferred rather than copied
    const scope = {
      postMessage: (m, transfer = []) => {
        this.transferred.push(...transfer);
        this.deliver(this.listeners, m, transfer);
      },
      addEventListener: (type, f) => (this.scopeListeners[type] ||= []).push(f),
    };
    serveCore(scope, factory);
  }

  deliver(listeners, message, transfer = []) {
    const data = structuredClone(message, { transfer });
    // A terminated worker neither receives nor answers anything again.
    setTimeout(() => {
      if (!this.terminated) for (const f of listeners.message || []) f({ data });
    }, 0);
  }

  addEventListener(type, f) {
    (this.listeners[type] ||= []).push(f);
  }

  postMessage(message) {
    this.sent.push(message);
    if (this.held) this.held.push(message);
    else this.deliver(this.scopeListeners, message);
  }

  busy() {
    this.held = [];
  }

  resume() {
    const held = this.held ?? [];
    this.held = null;
    for (const m of held) this.deliver(this.scopeListeners, m);
  }

  terminate() {
    this.terminated = true;
  }
}

async function workerReader(factory) {
  let worker;
  const reader = await startReader({
    spawn: () => {
      worker = new FakeWorker(factory);
      return { worker: standIn(worker) };
    },
    log: () => assert.fail('no fallback expected'),
  });
  assert.equal(reader.kind, 'worker');
  return { reader, worker: () => worker };
}

/** @type {[string, string][]} */
const entries = [
  ['a1', 'First text.'],
  ['b1', 'Second text.'],
  ['a2', 'Third text.'],
  ['c1', 'Fourth.'],
];

test('worker: the clusterer gets every article in batches; its JSON comes back; it is freed', async () => {
  const log = newLog();
  const { reader, worker } = await workerReader(storyCoreFactory(log));
  const progress = [];
  const answer = await clusterArticles(reader, entries, {
    coreOptions: '{"threshold":0.5}',
    onProgress: (p) => progress.push(p.done),
    batchOptions: { maxItems: 3 },
  });
  assert.deepEqual(membersOf(answer), [['a1', 'a2']]);
  assert.ok(isCompact(answer), 'compact: parsed in the worker');
  assert.equal(worker().transferred.length, 4, 'its arrays transferred, not copied');
  assert.equal(worker().transferred[0].byteLength, 0, 'the worker no longer holds them');
  assert.equal(log.clusterers.length, 1);
  assert.equal(log.clusterers[0].options, '{"threshold":0.5}');
  assert.deepEqual(log.clusterers[0].keys, ['a1', 'b1', 'a2', 'c1']);
  assert.equal(log.texts.get('b1'), 'Second text.');
  assert.equal(log.clusterers[0].deleted, true, 'finish frees the clusterer');
  assert.deepEqual(progress, [0, 3, 4]);
  const steps = worker().sent.filter((m) => m.type === 'cluster');
  assert.deepEqual(
    steps.map((m) => m.op),
    ['begin', 'add', 'add', 'finish'],
  );
  assert.equal(new Set(steps.map((m) => m.session)).size, 1, 'one session');
  assert.equal(new Set(steps.map((m) => m.id)).size, 4, 'each step its own request');
});

test('worker: a cancelled grouping frees the clusterer; a failing one too, and says why', async () => {
  const log = newLog();
  const { reader, worker } = await workerReader(storyCoreFactory(log, { throwOnAdd: 'a2' }));
  let n = 0;
  await assert.rejects(
    clusterArticles(reader, entries, { isCancelled: () => ++n > 1, batchOptions: { maxItems: 1 } }),
    /cancelled/,
  );
  assert.equal(log.clusterers[0].deleted, true);
  assert.equal(worker().sent.at(-1).op, 'cancel');
  await assert.rejects(
    clusterArticles(reader, entries, { batchOptions: { maxItems: 1 } }),
    /the core aborted/,
  );
  assert.equal(log.clusterers[1].deleted, true);
  // The worker still answers afterwards.
  const answer = await clusterArticles(reader, [
    ['x1', 'a'],
    ['x2', 'b'],
  ]);
  assert.deepEqual(membersOf(answer), [['x1', 'x2']]);
  assert.ok(
    log.clusterers.every((c) => c.deleted),
    'no clusterer left behind',
  );
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
  await assert.rejects(
    reader.call('StoryClusterer', ''),
    /no function StoryClusterer/,
    'only the listed functions',
  );
});

test('main thread (no worker): the same steps, with the page yielding between batches', async () => {
  const log = newLog();
  const factory = storyCoreFactory(log);
  const reader = new WorkerReader(
    () => {
      throw new Error('no workers here');
    },
    {
      fallback: async () => new CoreReader(await factory()),
      log: () => {},
    },
  );
  let yields = 0;
  const answer = await clusterArticles(reader, entries, {
    yieldFn: async () => {
      yields++;
    },
    batchOptions: { maxItems: 2 },
  });
  assert.equal(reader.kind, 'main-thread');
  assert.deepEqual(membersOf(answer), [['a1', 'a2']]);
  assert.equal(yields, 2);
  assert.equal(log.clusterers[0].deleted, true);
});

/** `promise`, or a failure naming `what` when it has not settled within `ms` (instead of a hung test). */
function within(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: still waiting after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const until = async (condition) => {
  while (!condition()) await new Promise((r) => setTimeout(r, 1));
};

/** A story core whose readFile fails (as a core that aborts) for bad.txt. */
function failingReadFactory(log) {
  const stories = storyCoreFactory(log);
  return async () => {
    const module = await stories();
    const readFile = module.readFile;
    module.readFile = (...args) => {
      if (args[1] === 'bad.txt') throw new Error('RuntimeError: unreachable');
      return readFile(...args);
    };
    return module;
  };
}

test('worker restarted after a failed read: the requests still waiting on it fail; grouping and diffs do not hang', async () => {
  const log = newLog();
  const { reader, worker } = await workerReader(failingReadFactory(log));
  const first = worker();
  // An import starts while a grouping is under way: the scheduler cancels it, and the run sends a
  // cancel step to the worker, which is busy reading the file that then fails.
  const scheduler = new ClusterScheduler(
    (isCancelled) =>
      clusterArticles(reader, entries, {
        isCancelled,
        batchOptions: { maxItems: 1 },
      }),
    { delayMs: 0 },
  );
  scheduler.schedule(0);
  await until(() => first.sent.some((m) => m.op === 'add'));
  first.busy();
  const reading = (async () => {
    for await (const _ of reader.readParts(encode('x'), 'bad.txt'));
  })();
  const diff = reader.call('diffTexts', 'Body A.', 'Body B.', '');
  scheduler.cancel();
  first.resume();
  await assert.rejects(within(reading, 1000, 'the read'), /unreachable/);
  assert.equal(first.terminated, true);
  await assert.rejects(within(diff, 1000, 'a diff sent to the stopped worker'), /worker was restarted/);
  await within(scheduler.whenIdle(), 1000, 'the scheduler');
  assert.equal(scheduler.current, null);
  // Grouping works again, on a new worker.
  const answer = await within(clusterArticles(reader, entries), 1000, 'the next grouping');
  assert.deepEqual(membersOf(answer), [['a1', 'a2']]);
  assert.notEqual(worker(), first);
});

test('worker stopped while a cancel step waits: the cancel settles and the run ends', async () => {
  const log = newLog();
  const { reader, worker } = await workerReader(storyCoreFactory(log));
  const session = await reader.openClusterer('');
  await session.add([['a1', 'x']]);
  worker().busy();
  const cancel = session.cancel();
  reader.discard(worker(), new Error('stopped for the test'));
  await within(cancel, 1000, 'the cancel step');
});

test('a diff in flight when its worker is restarted fails, and is not kept: the pair is asked again', async () => {
  const log = newLog();
  const { reader, worker } = await workerReader(failingReadFactory(log));
  const fake = {
    diffs: new Map(),
    deps: {
      readerReady: Promise.resolve(reader),
      // a is dated; b's date is not one the core reads, so it is left out of the options.
      collection: {
        get: (id) => ({ article: { body: `Body ${id}.`, date: id === 'a' ? '2024-09-13' : 'Sept 13' } }),
      },
    },
  };
  const diff = (a, b) => StoryController.prototype.diff.call(fake, a, b);
  const first = worker();
  first.busy(); // reading a file: the diff waits behind it
  const reading = (async () => {
    for await (const _ of reader.readParts(encode('x'), 'bad.txt'));
  })();
  const pending = diff('a', 'b');
  await until(() => first.held.length > 1);
  first.resume();
  await assert.rejects(reading, /unreachable/);
  await assert.rejects(within(pending, 1000, 'the diff'), /worker was restarted/);
  assert.equal(fake.diffs.size, 0, 'the failed diff is dropped from the cache');
  assert.equal(
    JSON.parse(JSON.stringify(await within(diff('a', 'b'), 1000, 'the diff again'))).offsetUnit,
    'utf16',
  );
  assert.deepEqual(log.diffs.at(-1), ['Body a.', 'Body b.', '{"dateA":"2024-09-13"}']);
  // A failure of an older request for the pair does not drop a newer one.
  const stale = Promise.reject(new Error('old'));
  fake.diffs.clear();
  fake.deps.readerReady = Promise.resolve(standIn({ call: () => stale }));
  const old = diff('c', 'd');
  fake.deps.readerReady = Promise.resolve(reader);
  fake.diffs.clear(); // the pair was dropped (an article removed and added back) while the old one ran
  const fresh = diff('c', 'd');
  await assert.rejects(old, /old/);
  await fresh;
  assert.equal(fake.diffs.get('c\u0000d'), fresh);
});

test('a page left during a grouping: the run lets go of the bodies it was sending', async () => {
  const log = newLog();
  const { reader, worker } = await workerReader(storyCoreFactory(log));
  const records = Array.from({ length: 500 }, (_, i) => ({ id: `a${i}`, article: { body: `Body ${i}.` } }));
  const root = { dataset: /** @type {Record<string, string>} */ ({}) };
  // The controller without its views (they need a document): its grouping and its release.
  const controller = Object.assign(Object.create(StoryController.prototype), {
    deps: {
      collection: { size: records.length, list: () => records, has: () => true },
      progress: { task() {}, endTask() {} },
      root,
      reader: () => reader,
    },
    sending: null,
    stories: new Stories(),
    diffs: new Map([['a1\u0000a2', Promise.resolve({})]]),
  });
  controller.scheduler = new ClusterScheduler((isCancelled) => controller.cluster(isCancelled), {
    onError: (error) => assert.fail(error),
  });
  worker().busy(); // the run's first message is never answered, as from a page being left
  controller.scheduler.schedule(0);
  await until(() => (worker().held?.length ?? 0) > 0);
  assert.equal(root.dataset.clustering, 'true');
  assert.equal(controller.sending?.length, records.length, 'the run holds every body while it sends');
  controller.release();
  assert.deepEqual(controller.sending, [], 'released: the run still waits, holding no body');
  assert.equal(controller.diffs.size, 0);
  assert.equal(controller.scheduler.current?.cancelled, true, 'its frame waits for good, cancelled');
});
