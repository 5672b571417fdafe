// The core in a Web Worker: the page's side (worker-client.js) and the worker's (worker-host.js),
// joined here by an in-process channel that copies and transfers messages like postMessage does.
// Also: every way of not getting a worker ends on the main thread, said with console.info only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkerReader, pageWorkerSpawner, startReader } from '../../../web/src/core/worker-client.js';
import { PARTS_AHEAD, serveCore } from '../../../web/src/core/worker-host.js';
import { CoreReader, loadCore, resetCoreForTests } from '../../../web/src/core/core.js';
import { importInputs, textInput } from '../../../web/src/import/importer.js';
import { Collection } from '../../../web/src/library/collection.js';
import { encode, fakeCoreFactory, standIn } from '../helpers.mjs';

/** A fake Worker whose other end runs serveCore(factory) in this process. */
class FakeWorker {
  /**
   * @param {any} factory
   * @param {{silent?: boolean, keptBodyChars?: number}} [options]
   */
  constructor(factory, { silent = false, keptBodyChars = undefined } = {}) {
    this.listeners = {};
    this.scopeListeners = {};
    this.terminated = false;
    this.sent = [];
    this.messages = [];
    this.mute = false; // drop the worker's messages (a worker that hangs)
    const scope = {
      postMessage: (m) => {
        if (!this.mute) this.deliver(this.listeners, 'message', m);
      },
      addEventListener: (type, f) => (this.scopeListeners[type] ||= []).push(f),
    };
    if (!silent) serveCore(scope, factory, { keptBodyChars });
  }

  deliver(listeners, type, message, transfer = []) {
    if (this.terminated) return;
    const data = structuredClone(message, { transfer });
    setTimeout(() => {
      if (!this.terminated) for (const f of listeners[type] || []) f({ data });
    }, 0);
  }

  addEventListener(type, f) {
    (this.listeners[type] ||= []).push(f);
  }

  postMessage(message, transfer) {
    this.sent.push(message.type);
    this.messages.push(message);
    this.deliver(this.scopeListeners, 'message', message, transfer);
  }

  terminate() {
    this.terminated = true;
  }

  /** As the browser does when the worker's script throws. */
  crash(message) {
    for (const f of this.listeners.error || []) f({ message, preventDefault() {} });
  }
}

const collect = async (iterable) => {
  const parts = [];
  for await (const p of iterable) parts.push(p);
  return parts;
};

function spawner(make) {
  const spawned = [];
  const spawn = () => {
    const worker = make(spawned.length);
    spawned.push(worker);
    return {
      worker,
      release: () => {
        worker.released = true;
      },
    };
  };
  return { spawn, spawned };
}

test('files are read in the worker, part by part; the bytes are transferred', async () => {
  const { spawn, spawned } = spawner(() => new FakeWorker(fakeCoreFactory()));
  const reader = await startReader({ spawn, log: () => assert.fail('no fallback expected') });
  assert.equal(reader.kind, 'worker');
  assert.match(reader.version(), /fake-core/);
  assert.equal(spawned[0].released, true, 'the blob: URL is freed once the worker started');
  const lines = Array.from({ length: 400 }, (_, i) =>
    JSON.stringify({ id: `r${i}`, text: `Record ${i} text.` }),
  );
  const bytes = encode(lines.join('\n'));
  const size = bytes.length;
  const parts = await collect(
    reader.readParts(bytes, 'feed.jsonl', { chunkBytes: 2000, firstChunkBytes: 2000, clock: () => 0 }),
  );
  assert.equal(bytes.length, 0, 'transferred to the worker');
  assert.ok(parts.length > 5);
  assert.equal(
    parts.reduce((n, p) => n + p.bytes, 0),
    size,
  );
  const articles = parts.flatMap((p) => p.articles);
  assert.equal(articles.length, 400);
  assert.match(articles[0].key, /^[0-9a-f]{16}$/, 'prepared in the worker');
  assert.ok(typeof articles[0].article.sentences[0] === 'number', 'packed spans');
  assert.equal(spawned.length, 1, 'one worker for everything');
  // A view into a bigger buffer is copied, not taken.
  const big = encode('xxHeadline\n\nSome text.yy');
  const view = big.subarray(2, big.length - 2);
  const one = await collect(reader.readParts(view, 'a.txt'));
  assert.equal(one[0].articles.length, 1);
  assert.equal(view.length, big.length - 4, 'the caller keeps its buffer');
});

test('the worker reads at most PARTS_AHEAD parts ahead of the page, and stops when the page does', async () => {
  const { spawn, spawned } = spawner(() => new FakeWorker(fakeCoreFactory()));
  const reader = await startReader({ spawn, log: () => assert.fail('no fallback expected') });
  const lines = Array.from({ length: 400 }, (_, i) =>
    JSON.stringify({ id: `r${i}`, text: `Record ${i} text.` }),
  );
  const options = { chunkBytes: 1000, firstChunkBytes: 1000, clock: () => 0 };
  const worker = spawned[0];
  let sent = 0;
  worker.addEventListener('message', (/** @type {any} */ e) => {
    if (e.data.type === 'part') sent++;
  });
  const settle = () => new Promise((r) => setTimeout(r, 20));
  let taken = 0;
  let most = 0;
  for await (const part of reader.readParts(encode(lines.join('\n')), 'feed.jsonl', options)) {
    assert.ok(part.articles.length > 0);
    await settle(); // a slow page: the worker would otherwise have sent everything by now
    most = Math.max(most, sent - taken); // in the page: this part and those waiting behind it
    taken++;
  }
  assert.ok(taken > 10, `${taken} parts`);
  assert.equal(sent, taken);
  assert.equal(most, PARTS_AHEAD, 'never further ahead than that');
  // Abandoned after two parts: the worker hears so and reads no further.
  sent = 0;
  const parts = reader.readParts(encode(lines.join('\n')), 'feed.jsonl', options);
  await parts.next();
  await parts.next();
  await parts.return(undefined);
  await settle();
  const after = sent;
  await settle();
  assert.ok(after <= 2 + PARTS_AHEAD, `${after} parts sent`);
  assert.equal(sent, after, 'none after it stopped');
  assert.ok(worker.messages.some((m) => m.type === 'more' && m.stop));
  // The worker is free for the next read.
  const again = await collect(reader.readParts(encode('Headline\n\nSome text.'), 'a.txt'));
  assert.equal(again[0].articles.length, 1);
});

test('the importer adds what the worker reads, and shows a busy bar while a big file is read', async () => {
  const { spawn } = spawner(() => new FakeWorker(fakeCoreFactory()));
  const reader = await startReader({ spawn });
  const collection = new Collection();
  const progress = [];
  const text = `Big headline\n\n${'A sentence of the big file. '.repeat(50000)}`;
  const result = await importInputs(
    [textInput('big.txt', text), textInput('small.txt', 'Small one.\n\nIts text.')],
    {
      reader,
      collection,
      yieldNow: async () => {},
      onProgress: (p) => progress.push(p),
    },
  );
  assert.equal(result.added.length, 2);
  assert.equal(collection.size, 2);
  const waiting = progress.filter((p) => p.waiting);
  assert.deepEqual(
    waiting.map((p) => p.fileName),
    ['big.txt'],
    'busy only for the big file, before its part came',
  );
  assert.ok(progress.at(-1).done);
});

test('no worker: a spawn that throws, a "failed" core, no answer in time — the main thread reads', async () => {
  /** @type {[string, (n: number) => any, number?][]} */
  const cases = [
    [
      'throws',
      () => {
        throw new Error('Worker blocked by policy');
      },
    ],
    [
      'fails',
      () =>
        new FakeWorker(async () => {
          throw new Error('CompileError: wasm blocked');
        }),
    ],
    ['silent', () => new FakeWorker(null, { silent: true }), 30],
    [
      'crashes',
      () => {
        const w = new FakeWorker(null, { silent: true });
        setTimeout(() => w.crash('SyntaxError'), 5);
        return w;
      },
    ],
  ];
  for (const [label, make, timeoutMs] of cases) {
    resetCoreForTests();
    const logged = [];
    const { spawn, spawned } = spawner(make);
    const reader = await startReader({
      spawn,
      timeoutMs: timeoutMs ?? 5000,
      fallback: () => loadCore(fakeCoreFactory()),
      log: (m) => logged.push(m),
    });
    assert.equal(reader.kind, 'main-thread', label);
    assert.equal(logged.length, 1, label);
    assert.match(logged[0], /main thread/, label);
    assert.ok(
      spawned.every((w) => w.terminated),
      `${label}: the worker is stopped`,
    );
    const parts = await collect(reader.readParts(encode('Headline\n\nText here.'), 'a.txt'));
    assert.equal(parts[0].articles.length, 1, label);
    assert.match(reader.version(), /fake-core/);
  }
  resetCoreForTests();
});

test('a worker that fails during a read: the file fails, the next one gets a new worker', async () => {
  const failing = async () => {
    const core = await fakeCoreFactory()();
    return {
      ...core,
      readFile: (bytes, name, options) => {
        if (name === 'bad.txt') throw new Error('RuntimeError: unreachable');
        return core.readFile(bytes, name, options);
      },
    };
  };
  const { spawn, spawned } = spawner(() => new FakeWorker(failing));
  const reader = await startReader({ spawn });
  await assert.rejects(collect(reader.readParts(encode('x'), 'bad.txt')), /unreachable/);
  assert.equal(spawned[0].terminated, true, 'a core that failed is not used again');
  const ok = await collect(reader.readParts(encode('Fine\n\nText.'), 'ok.txt'));
  assert.equal(ok[0].articles.length, 1);
  assert.equal(spawned.length, 2);
  // The worker itself stops (an uncaught error) while reading: that read fails, then a new worker.
  const worker = spawned[1];
  worker.mute = true;
  const reading = collect(reader.readParts(encode('Fine\n\nText.'), 'slow.txt'));
  await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(worker.sent, ['read', 'more', 'read'], "ok.txt's one part taken, then slow.txt");
  worker.crash('out of memory');
  await assert.rejects(reading, /the worker stopped \(out of memory\)/);
  assert.equal(worker.terminated, true);
  const again = await collect(reader.readParts(encode('Fine\n\nText.'), 'ok.txt'));
  assert.equal(again[0].articles.length, 1);
  assert.equal(spawned.length, 3);
});

test('CSP violations inside the worker are reported on the page as errors', async () => {
  const { spawn, spawned } = spawner(() => new FakeWorker(fakeCoreFactory()));
  await startReader({ spawn });
  const errors = [];
  const original = console.error;
  console.error = (m) => errors.push(m);
  try {
    for (const f of spawned[0].scopeListeners.securitypolicyviolation)
      f({ violatedDirective: 'connect-src', blockedURI: 'https://example.com/x' });
    await new Promise((r) => setTimeout(r, 10));
  } finally {
    console.error = original;
  }
  assert.deepEqual(errors, [
    'Content-Security-Policy violation in the reading worker: connect-src blocked https://example.com/x',
  ]);
});

test("pageWorkerSpawner: a blob: worker from the core's script text and the glue", () => {
  const made = [];
  const revoked = [];
  const doc = {
    getElementById: (id) =>
      ({
        'lectern-core': { textContent: 'var createLecternCore = 1;' },
        'lectern-worker': { textContent: 'glue();' },
      })[id] ?? null,
  };
  class FakeBlob {
    constructor(parts, options) {
      this.parts = parts;
      this.type = options.type;
    }
  }
  class W {
    constructor(url, options) {
      made.push({ url, options });
    }
  }
  const Url = {
    createObjectURL: (blob) => {
      made.push(blob);
      return 'blob:null/1';
    },
    revokeObjectURL: (u) => revoked.push(u),
  };
  const { worker, release } = pageWorkerSpawner(
    standIn({ document: doc, Worker: W, Blob: FakeBlob, URL: Url }),
  )();
  assert.ok(worker instanceof W);
  assert.equal(made[0].parts.join(''), 'var createLecternCore = 1;\n;\nglue();');
  assert.equal(made[0].type, 'text/javascript');
  assert.deepEqual(made[1], { url: 'blob:null/1', options: { name: 'lectern-core' } });
  release();
  assert.deepEqual(revoked, ['blob:null/1']);
  const noScripts = { getElementById: () => null };
  assert.throws(
    () => pageWorkerSpawner(standIn({ document: noScripts, Worker: W, Blob: FakeBlob, URL: Url }))(),
    /no worker script/,
  );
  assert.throws(() => pageWorkerSpawner(standIn({ document: doc, Worker: undefined }))(), /no Web Workers/);
  class Refused {
    constructor() {
      throw new DOMException('denied', 'SecurityError');
    }
  }
  assert.throws(
    () => pageWorkerSpawner(standIn({ document: doc, Worker: Refused, Blob: FakeBlob, URL: Url }))(),
    /denied/,
  );
  assert.deepEqual(revoked, ['blob:null/1', 'blob:null/1'], 'the URL is freed when the worker is refused');
});

test('WorkerReader starts one worker for reads that come at once', async () => {
  const { spawn, spawned } = spawner(() => new FakeWorker(fakeCoreFactory()));
  const reader = new WorkerReader(spawn);
  const [a, b] = await Promise.all([
    collect(reader.readParts(encode('One\n\nText one.'), 'a.txt')),
    collect(reader.readParts(encode('Two\n\nText two.'), 'b.txt')),
  ]);
  assert.equal(a[0].articles[0].article.title, 'One');
  assert.equal(b[0].articles[0].article.title, 'Two');
  assert.equal(spawned.length, 1);
});

test("the core's JSON functions are called by name in the worker (and on the main thread)", async () => {
  const base = fakeCoreFactory();
  const factory = async () => ({
    ...(await base()),
    contentHash: (t) => `hash:${t}`,
    annotationsCreate: (r) => JSON.stringify({ echo: JSON.parse(r) }),
  });
  const { spawn } = spawner(() => new FakeWorker(factory));
  const reader = await startReader({ spawn, log: () => assert.fail('no fallback expected') });
  assert.equal(await reader.call('contentHash', 'abc'), 'hash:abc');
  assert.deepEqual(JSON.parse(await reader.call('annotationsCreate', '{"a":1}')), { echo: { a: 1 } });
  await assert.rejects(reader.call('readFile', 'x'), /no function readFile for the page/);
  await assert.rejects(
    reader.call('annotationsAnchor', '[]', '[]', '{}'),
    /no annotationsAnchor \(rebuild the core\)/,
  );
  const main = await startReader({
    spawn: () => {
      throw new Error('no workers here');
    },
    fallback: async () => new CoreReader(await factory()),
    log: () => {},
  });
  assert.equal(main.kind, 'main-thread');
  assert.equal(await main.call('contentHash', 'x'), 'hash:x');
});

/** A core whose annotationsAnchor answers the articles it was given, as "id:body". */
async function anchorEchoFactory() {
  return {
    ...(await fakeCoreFactory()()),
    annotationsAnchor: (_annotations, articles) =>
      JSON.stringify({ seen: JSON.parse(articles).map((a) => `${a.id}:${a.body}:${a.title ?? ''}`) }),
  };
}

const article = (id, body, title) => ({ id, body, title });
const bodiesSent = (worker) => worker.messages.filter((m) => m.type === 'anchor').map((m) => m.bodies.length);

test('anchoring sends each article body to the worker once; titles go every time', async () => {
  const { spawn, spawned } = spawner(() => new FakeWorker(anchorEchoFactory));
  const reader = await startReader({ spawn, log: () => assert.fail('no fallback expected') });
  const a = article('a1', 'First body.', 'One');
  const b = article('b2', 'Second body.', 'Two');
  const seen = async (articles) => JSON.parse(await reader.anchor('[]', articles, '{}')).seen;
  assert.deepEqual(await seen([a, b]), ['a1:First body.:One', 'b2:Second body.:Two']);
  assert.deepEqual(await seen([b, { ...a, title: 'Renamed' }, article('c3', 'Third.')]), [
    'b2:Second body.:Two',
    'a1:First body.:Renamed',
    'c3:Third.:',
  ]);
  assert.deepEqual(bodiesSent(spawned[0]), [2, 1], 'the second call carries only the new body');
});

test('bodies the worker dropped (its bound) are sent again; a new worker is sent them all', async () => {
  const { spawn, spawned } = spawner(() => new FakeWorker(anchorEchoFactory, { keptBodyChars: 12 }));
  const reader = await startReader({ spawn, log: () => {} });
  const a = article('a1', 'Alpha text.');
  const b = article('b2', 'Beta text.');
  const seen = async (articles) => JSON.parse(await reader.anchor('[]', articles, '{}')).seen;
  assert.deepEqual(await seen([a, b]), ['a1:Alpha text.:', 'b2:Beta text.:']);
  // The worker kept only b2 (12 units hold one body): a1 is missing, then everything is sent.
  assert.deepEqual(await seen([a, b]), ['a1:Alpha text.:', 'b2:Beta text.:']);
  assert.deepEqual(bodiesSent(spawned[0]), [2, 0, 2]);
  spawned[0].crash('gone');
  assert.deepEqual(await seen([b]), ['b2:Beta text.:']);
  assert.deepEqual(bodiesSent(spawned[1]), [1], 'a new worker has no bodies yet');
});

test('without a worker, anchoring passes the bodies to the core on the main thread', async () => {
  const reader = await startReader({
    spawn: () => {
      throw new Error('no workers here');
    },
    fallback: async () => new CoreReader(await anchorEchoFactory()),
    log: () => {},
  });
  assert.deepEqual(JSON.parse(await reader.anchor('[]', [article('a1', 'Text.')], '{}')).seen, ['a1:Text.:']);
});
