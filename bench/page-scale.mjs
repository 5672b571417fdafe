/* global window, document, location, requestAnimationFrame */
// The page at scale: the longest main-thread task while it imports 100,000 articles, opens the
// library on them (a reload, and one more during its grouping), imports 100,000 annotations and
// opens the annotations view, in headless Chromium (PerformanceObserver 'longtask': the longest
// task, in ms) and Firefox ESR (no longtask entries there: the longest gap between
// requestAnimationFrame callbacks, in ms, which is the longest the page could not paint), and in
// both the longest lateness of a 10 ms timer (how long the main thread was held). Figures are
// printed, nothing is asserted: a benchmark, not a test. The data is generated here
// (tests/e2e/generated-annotations.mjs for annotations).
// Progress is polled with window.lectern.counts(): articles() and annotations() copy every object,
// which at 100,000 is a long task of the benchmark's own. With --memory-every MS, each phase also
// gives the peak memory of the browser's processes (the sum of their proportional set sizes,
// sampled every MS ms). Not by default: reading a process's /proc/PID/smaps_rollup walks its memory
// map and holds it (47 ms for a 2.5 GB renderer), stalling the page being timed: sampled every
// 250 ms, Chromium's import of 100,000 annotations had 94 tasks over 50 ms, the longest 138 ms;
// unsampled, minutes later, 2 and 78 ms (RELIABILITY.md, session 17). Memory and long tasks:
// separate runs.
//   node bench/page-scale.mjs [--articles N] [--annotations N] [--browsers chromium,firefox]
//   node bench/page-scale.mjs --jsonl-lines N [--browsers …]   only the import of a JSONL file of
//                                                             N one-sentence articles
//   … --annotated-articles N   the articles the annotations are spread over (50 by default)
//   … --memory-every MS   also the browser's peak memory (see above)
//   … --traces DIR   Chromium: a trace of each phase (its tasks and V8's samples) written to DIR,
//                    for bench/long-tasks.mjs (where its long tasks went)
// Measure on a machine otherwise idle. The browser runs in a session of its own, and where Linux
// shares the CPU between sessions first (autogroup, /proc/sys/kernel/sched_autogroup_enabled = 1)
// a job at `nice 19` in another session still takes half of it (RELIABILITY.md, session 17).
import {
  mkdtempSync,
  mkdirSync,
  rmSync,
  createWriteStream,
  statSync,
  readdirSync,
  readFileSync,
} from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { launch, openPage } from '../tests/e2e/browsers.mjs';
import { annotationFileText, libraryTargets } from '../tests/e2e/generated-annotations.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const ARTICLES = Number(option('articles', 100000));
const ANNOTATIONS = Number(option('annotations', 100000));
const BROWSERS = String(option('browsers', 'chromium,firefox')).split(',');
const JSONL_LINES = Number(option('jsonl-lines', 0));
const TRACES = option('traces', '');
/** Milliseconds between samples of the browser's memory; 0: none (see the header). */
const MEMORY_EVERY = Number(option('memory-every', 0));
/** Articles the annotations are spread over (each gets one first, made in the page). */
const ANNOTATED_ARTICLES = Number(option('annotated-articles', 50));
const byTestId = (id) => `[data-testid="${id}"]`;

/** Writes pieces of text to a file, waiting when the stream is full. */
async function writePieces(path, pieces) {
  const out = createWriteStream(path);
  for (const piece of pieces) if (!out.write(piece)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return statSync(path).size;
}

const WORDS = (
  'harbour council minister trade grain steel tariff vote budget storm river bridge school hospital ' +
  'court election strike market bank energy pipeline festival museum railway airport police farmers ' +
  'drought flood senate treaty summit border export import factory union wages prices housing'
).split(' ');

/** `n` distinct articles: random sentences over a small vocabulary (no two tell one story). */
function* articleFile(n) {
  let state = 12345;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const sentence = () => {
    const w = Array.from(
      { length: 8 + Math.floor(random() * 10) },
      () => WORDS[Math.floor(random() * WORDS.length)],
    );
    return `${w.join(' ')}.`.replace(/^./u, (c) => c.toUpperCase());
  };
  yield '[\n';
  for (let i = 0; i < n; i++) {
    const text = `Report ${i}. ${sentence()} ${sentence()}\n\n${sentence()} ${sentence()}`;
    const date = `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`;
    const record = {
      id: `report-${i}`,
      title: `Report ${i}: ${sentence()}`,
      source: `Wire ${i % 17}`,
      date,
      text,
    };
    yield `${JSON.stringify(record)}${i + 1 < n ? ',' : ''}\n`;
  }
  yield ']\n';
}

/** `n` one-sentence articles, a JSON object a line (as the 1,000,000-line file of issue 10). */
function* jsonlFile(n) {
  for (let i = 0; i < n; i++) yield `{"id":"l${i}","text":"Line ${i} says one thing."}\n`;
}

/** Bytes of memory the process `root` and its descendants hold (Pss: shared pages divided). */
function treeMemory(root) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  let bytes = 0;
  for (const todo = [root]; todo.length;) {
    const pid = /** @type {number} */ (todo.pop());
    try {
      const pss = /^Pss:\s+(\d+) kB/mu.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      bytes += pss ? Number(pss[1]) * 1024 : 0;
    } catch {
      /* gone meanwhile */
    }
    todo.push(...(children.get(pid) ?? []));
  }
  return bytes;
}

// In the page from its first script: the longest task (Chromium), frame gap and timer lag.
function monitor() {
  const w = /** @type {any} */ (window);
  const m = { task: 0, gap: 0, last: 0, tasks: 0, lag: 0 };
  w.__scale = {
    reset() {
      m.task = 0;
      m.gap = 0;
      m.tasks = 0;
      m.lag = 0;
      m.last = performance.now();
    },
    read: () => ({ task: m.task, gap: m.gap, tasks: m.tasks, lag: m.lag }),
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        m.task = Math.max(m.task, e.duration);
        m.tasks++;
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* Firefox: no longtask entries */
  }
  const frame = (t) => {
    if (m.last) m.gap = Math.max(m.gap, t - m.last);
    m.last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  // A timer every 10 ms: how late it fires is how long something held the main thread, in every
  // engine (a frame gap can also be the engine skipping frames of a page that does not change).
  const tick = (due) => {
    const now = performance.now();
    m.lag = Math.max(m.lag, now - due);
    setTimeout(tick, 10, now + 10);
  };
  setTimeout(tick, 10, performance.now() + 10);
}

/**
 * Waits until `fn` is true in the page, asking every second from here (an in-page wait is one
 * protocol call, which times out after 3 minutes; an import of 100,000 articles takes longer).
 */
async function until(page, fn, arg, timeoutMs = 1800000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(fn, arg))) {
    if (Date.now() > deadline) throw new Error(`timed out: ${fn}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/**
 * Until the page is idle with `articles` grouped into stories: the grouping starts a moment after an
 * import or a reload, so "no import or grouping running" alone can be seen before it begins.
 */
const grouped = (page, articles) =>
  until(
    page,
    (n) =>
      !document.querySelector('#app[data-importing], #app[data-clustering]') &&
      (window.lectern.clusterStats()?.articles ?? 0) >= n,
    articles,
  );

/** With --traces, in Chromium: a trace of the phase's tasks and samples, saved as DIR/<phase>.json. */
async function startTrace(page, label) {
  if (!TRACES || !/chrom/iu.test(await page.browser().version())) return null;
  mkdirSync(TRACES, { recursive: true });
  const path = join(TRACES, `${label.replace(/\W+/gu, '-')}.json`);
  await page.tracing.start({
    path,
    categories: [
      'toplevel',
      'devtools.timeline',
      'disabled-by-default-v8.cpu_profiler',
      'disabled-by-default-v8.gc',
      'blink_gc',
    ],
  });
  return { stop: () => page.tracing.stop() };
}

async function phase(page, label, run) {
  await page.evaluate(() => /** @type {any} */ (window).__scale.reset());
  const start = Date.now();
  const pid = page.browser().process()?.pid;
  let peak = 0;
  const sampler =
    MEMORY_EVERY > 0
      ? setInterval(() => pid && (peak = Math.max(peak, treeMemory(pid))), MEMORY_EVERY)
      : undefined;
  const trace = await startTrace(page, label);
  try {
    await run();
  } finally {
    clearInterval(sampler);
  }
  await trace?.stop();
  const { task, gap, tasks, lag } = await page.evaluate(() => /** @type {any} */ (window).__scale.read());
  const row = {
    phase: label,
    seconds: ((Date.now() - start) / 1000).toFixed(1),
    longestTaskMs: Math.round(task),
    longTasks: tasks,
    longestFrameGapMs: Math.round(gap),
    longestTimerLagMs: Math.round(lag),
    ...(MEMORY_EVERY > 0 ? { peakMemoryMB: Math.round(peak / 1048576) } : {}),
  };
  console.log(JSON.stringify(row));
  return row;
}

const dir = mkdtempSync(join(tmpdir(), 'lectern-page-scale-'));
try {
  const articlesPath = join(dir, JSONL_LINES ? 'lines.jsonl' : 'ports.json');
  const articleBytes = await writePieces(
    articlesPath,
    JSONL_LINES ? jsonlFile(JSONL_LINES) : articleFile(ARTICLES),
  );
  const count = JSONL_LINES || ARTICLES;
  console.log(
    JSONL_LINES
      ? `# a JSONL file of ${count} lines (${(articleBytes / 1048576).toFixed(1)} MB)`
      : `# ${count} articles (${(articleBytes / 1048576).toFixed(1)} MB), ${ANNOTATIONS} annotations`,
  );
  for (const name of BROWSERS) {
    console.log(
      `# ${name}: ${name === 'chromium' ? 'longest task (PerformanceObserver longtask)' : 'longest requestAnimationFrame gap'}`,
    );
    const session = await launch(name);
    try {
      const problems = [];
      const page = await openPage(session.browser, problems, { width: 1280, height: 900 });
      await page.evaluateOnNewDocument(monitor);
      await page.reload();
      await page.evaluate(() => window.lectern.ready);
      await phase(page, `import ${count} articles`, async () => {
        await (await page.$(byTestId('import-input')))?.uploadFile(articlesPath);
        await until(page, (n) => window.lectern.counts().articles >= n, count);
        await until(page, () => !document.querySelector('#app[data-importing]'));
      });
      if (JSONL_LINES) continue;
      await phase(page, 'group them into stories', () => grouped(page, ARTICLES));
      await phase(page, 'open the library (reload)', async () => {
        await page.reload();
        await page.evaluate(() => window.lectern.ready);
        await page.waitForSelector(byTestId('library-row'));
        await new Promise((r) => setTimeout(r, 2000));
      });
      // A page left mid-grouping is freed in Firefox by a cycle collection of the page that
      // follows: watched for 12 s, past when it comes (RELIABILITY.md, session 18).
      await phase(page, 'reload during the grouping', async () => {
        await page.waitForSelector('#app[data-clustering]', { timeout: 120000 });
        await page.reload();
        await page.evaluate(() => window.lectern.ready);
        await new Promise((r) => setTimeout(r, 12000));
      });
      await phase(page, 'group them into stories (after the reload)', () => grouped(page, ARTICLES));
      const targets = await libraryTargets(page, ANNOTATED_ARTICLES);
      const annotationsPath = join(dir, `desk-${name}.json`);
      await writePieces(annotationsPath, annotationFileText(targets, { to: ANNOTATIONS, noteChars: 200 }));
      const before = await page.evaluate(() => window.lectern.counts().annotations);
      await phase(page, `import ${ANNOTATIONS} annotations`, async () => {
        await (await page.$(byTestId('import-input')))?.uploadFile(annotationsPath);
        await until(page, (n) => window.lectern.counts().annotations >= n, before + ANNOTATIONS);
        // The import goes on after the count is reached (storing, counting the orphans) until its
        // summary replaces its progress message.
        await until(
          page,
          (key) => document.querySelector(`[data-key="${key}"]:not([data-kind="info"])`) !== null,
          `annotations:${basename(annotationsPath)}`,
        );
        await new Promise((r) => setTimeout(r, 1000));
      });
      await phase(page, 'open the annotations view', async () => {
        await page.evaluate(() => {
          location.hash = '#annotations';
        });
        await page.waitForSelector(byTestId('annotation-item'), { visible: true, timeout: 600000 });
        await new Promise((r) => setTimeout(r, 1000));
      });
      await phase(page, 'back to the library', async () => {
        await page.click(byTestId('annotations-back'));
        await page.waitForSelector(byTestId('library-row'), { visible: true });
        await new Promise((r) => setTimeout(r, 1000));
      });
      if (problems.length) console.log(`# ${name} problems: ${problems.slice(0, 5).join(' | ')}`);
    } finally {
      await session.close();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
