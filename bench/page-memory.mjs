/* global window, document */
// The page's JavaScript memory per article, and what it is made of, in headless Chromium: after
// importing a JSONL file of one-line articles (issue 10's 1,000,000-line file, shorter) and a
// folder of saved HTML pages (whose original text is many times their body), and again after a
// reload (the library as a returning user has it, read from IndexedDB). Each row: the V8 heap
// after a full collection (Runtime.getHeapUsage) per article, and the biggest kinds of a heap
// snapshot per article (strings, objects, typed arrays…). Figures are printed, nothing is
// asserted: a benchmark, not a test.
// Objects per article are printed too: a collector's pause grows with the objects it marks more
// than with their bytes.
//   node bench/page-memory.mjs [--lines N] [--pages N] [--jsonl FILE] [--annotations N]
//   --jsonl FILE: that file's articles instead of the generated lines (news articles have entity
//   mentions, which one-line articles do not), e.g. ../shared/data/bench/reuters21578.jsonl
//   --annotations N: also N annotations (tests/e2e/generated-annotations.mjs) over the sample
//   articles, measured per annotation
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { launch, openPage } from '../tests/e2e/browsers.mjs';
import { heapSnapshot } from '../tests/e2e/heap-snapshot.mjs';
import { annotationFileText, libraryTargets } from '../tests/e2e/generated-annotations.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const LINES = option('lines', 50000);
const PAGES = option('pages', 2000);
const ANNOTATIONS = option('annotations', 0);
const JSONL = args.includes('--jsonl') ? args[args.indexOf('--jsonl') + 1] : '';

/** A saved news page: a little article in a lot of navigation, as pages from the web are. */
function htmlPage(i) {
  const nav = Array.from({ length: 120 }, (_, k) => `<li><a href="/section/${k}">Section ${k}</a></li>`).join(
    '',
  );
  const story = Array.from(
    { length: 6 },
    (_, k) =>
      `<p>Paragraph ${k} of report ${i}: the council met on Tuesday and voted on the harbour budget.</p>`,
  ).join('');
  return `<!doctype html><html><head><title>Report ${i}</title><style>${'.x{color:red}'.repeat(200)}</style></head><body><nav><ul>${nav}</ul></nav><article><h1>Report ${i}</h1>${story}</article><footer>${'<a href="/about">About us</a> '.repeat(80)}</footer></body></html>`;
}

/**
 * Waits until the page holds more than `seeds` articles (or annotations), no import runs and the
 * count stayed the same for a second (a file's duplicates and blank texts are not added), or, after
 * a reload, until it holds the `total` it had; the articles (annotations) added.
 */
async function imported(page, seeds, what = 'articles', total = 0) {
  let last = -1;
  for (;;) {
    const n = await page.evaluate(
      (key) => (document.querySelector('#app[data-importing]') ? -1 : window.lectern.counts()[key]),
      what,
    );
    if (total ? n - seeds >= total : n > seeds && n === last) return n - seeds;
    last = n;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Heap after a full collection, and a snapshot's self sizes summed by kind. */
async function heap(page) {
  const { usedSize, snapshot } = await heapSnapshot(page);
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const kinds = new Map();
  const counts = new Map();
  const nodes = snapshot.nodes;
  for (let i = 0; i < nodes.length; i += fields.length) {
    const t = types[nodes[i + type]];
    const kind = t === 'object' || t === 'native' ? snapshot.strings[nodes[i + name]] : t;
    kinds.set(kind, (kinds.get(kind) ?? 0) + nodes[i + size]);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return { usedSize, kinds, counts, objects: nodes.length / fields.length };
}

/**
 * Prints the heap's growth over `base` (the page with its sample articles) per article (or per
 * annotation: `articles` is the count of what was added).
 */
async function measure(page, label, articles, base) {
  const { usedSize, kinds, counts, objects } = await heap(page);
  /** The six biggest growths of `now` over `then` (by kind), per article. */
  const top = (now, then, digits) =>
    [...now]
      .map(([kind, n]) => [kind, n - (then.get(kind) ?? 0)])
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([kind, n]) => `${kind} ${(n / articles).toFixed(digits)}`);
  const grown = usedSize - base.usedSize;
  console.log(
    JSON.stringify({
      phase: label,
      heapMB: +(usedSize / 1048576).toFixed(1),
      bytesPerArticle: Math.round(grown / articles),
      objectsPerArticle: +((objects - base.objects) / articles).toFixed(1),
      top: top(kinds, base.kinds, 0),
      topObjects: top(counts, base.counts, 1),
    }),
  );
}

const dir = mkdtempSync(join(tmpdir(), 'lectern-page-memory-'));
try {
  const jsonl = join(dir, 'lines.jsonl');
  writeFileSync(
    jsonl,
    Array.from({ length: LINES }, (_, i) => `{"id":"l${i}","text":"Line ${i} says one thing."}\n`).join(''),
  );
  const pages = join(dir, 'pages');
  mkdirSync(pages);
  const htmlFiles = Array.from({ length: PAGES }, (_, i) => {
    const path = join(pages, `report-${i}.html`);
    writeFileSync(path, htmlPage(i));
    return path;
  });
  console.log(
    '# chromium: V8 heap after a collection; its growth over the page with the samples per article, in bytes, and by kind (heap snapshot self sizes)',
  );
  console.log(
    JSONL
      ? `# the articles of ${JSONL}`
      : `# ${LINES} one-line JSONL articles; ${PAGES} HTML pages of ${(htmlPage(0).length / 1024).toFixed(0)} KB`,
  );
  const runs = JSONL
    ? [[basename(JSONL), [JSONL]]]
    : [
        [`${LINES} JSONL lines`, [jsonl]],
        [`${PAGES} HTML pages`, htmlFiles],
      ];
  for (const [label, files] of runs) {
    const session = await launch('chromium');
    try {
      const page = await openPage(session.browser, [], { width: 1280, height: 900 });
      await page.evaluate(() => window.lectern.ready);
      const seeds = await page.evaluate(() => window.lectern.counts().articles);
      const base = await heap(page);
      await (await page.$('[data-testid="import-input"]'))?.uploadFile(...files);
      const count = await imported(page, seeds);
      await measure(page, `${label}: imported`, count, base);
      await page.reload();
      await page.evaluate(() => window.lectern.ready);
      await imported(page, seeds, 'articles', count);
      await measure(page, `${label}: after a reload`, count, base);
    } finally {
      await session.close();
    }
  }
  if (ANNOTATIONS) {
    const session = await launch('chromium');
    try {
      const page = await openPage(session.browser, [], { width: 1280, height: 900 });
      await page.evaluate(() => window.lectern.ready);
      const targets = await libraryTargets(page, 5);
      const file = join(dir, 'desk.json');
      writeFileSync(file, [...annotationFileText(targets, { to: ANNOTATIONS, noteChars: 200 })].join(''));
      const before = await page.evaluate(() => window.lectern.counts().annotations);
      const base = await heap(page);
      await (await page.$('[data-testid="import-input"]'))?.uploadFile(file);
      const count = await imported(page, before, 'annotations');
      // Stored once its summary replaces its progress message (as in bench/page-scale.mjs).
      await page.waitForFunction(
        (key) => document.querySelector(`[data-key="${key}"]:not([data-kind="info"])`) !== null,
        { timeout: 0 },
        `annotations:${basename(file)}`,
      );
      const label = `${ANNOTATIONS} annotations (per annotation)`;
      await measure(page, `${label}: imported`, count, base);
      await page.reload();
      await page.evaluate(() => window.lectern.ready);
      await imported(page, before, 'annotations', count);
      await measure(page, `${label}: after a reload`, count, base);
    } finally {
      await session.close();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
