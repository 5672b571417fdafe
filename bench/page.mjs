/* global window, requestAnimationFrame */
// Opening the page: its bytes (raw and gzip), the time from navigation to window.lectern.ready on
// a fresh profile and on a reload, and the longest main-thread task until then (Chromium:
// PerformanceObserver 'longtask'; Firefox has no longtask entries: the longest gap between
// requestAnimationFrame callbacks), per engine, for this build and, with --baseline, an earlier
// page in the same run. Medians of --runs fresh profiles. Figures are printed, nothing asserted.
//   node bench/page.mjs [--page dist/lectern.html] [--baseline OLD.html] [--runs 3]
//                       [--browsers chromium,firefox]
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launch } from '../tests/e2e/browsers.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const PAGES = [option('page', 'dist/lectern.html'), option('baseline', '')].filter(Boolean);
const RUNS = Number(option('runs', 3));
const BROWSERS = String(option('browsers', 'chromium,firefox')).split(',');

/** Runs in the page before its scripts: records the longest task (or frame gap) until ready. */
function monitor() {
  const m = { longest: 0, gap: 0, last: 0 };
  // @ts-ignore: a field of our own
  window.__open = m;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) m.longest = Math.max(m.longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* Firefox: no longtask entries */
  }
  const frame = (/** @type {number} */ t) => {
    if (m.last) m.gap = Math.max(m.gap, t - m.last);
    m.last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** Navigates (or reloads) and answers {ready: ms since navigation start, longest: ms}. */
async function open(page, go) {
  await go();
  return page.evaluate(async () => {
    await window.lectern.ready;
    const ready = performance.now();
    // @ts-ignore
    const m = window.__open;
    return { ready, longest: Math.max(m.longest, m.gap) };
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

console.log('| engine | page | bytes | gzip | ready, fresh (ms) | ready, reload (ms) | longest task (ms) |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const name of BROWSERS) {
  for (const file of PAGES) {
    const bytes = statSync(file).size;
    const gzip = gzipSync(readFileSync(file), { level: 9 }).length;
    const fresh = [];
    const reload = [];
    const longest = [];
    for (let run = 0; run < RUNS; run++) {
      const session = await launch(name); // a new profile each run
      try {
        const page = await session.browser.newPage();
        await page.evaluateOnNewDocument(monitor);
        const first = await open(page, () => page.goto(pathToFileURL(resolve(file)).href));
        const again = await open(page, () => page.reload());
        fresh.push(first.ready);
        reload.push(again.ready);
        longest.push(first.longest);
      } finally {
        await session.close();
      }
    }
    console.log(
      `| ${name} | ${file} | ${bytes.toLocaleString('en')} | ${gzip.toLocaleString('en')} | ` +
        `${median(fresh).toFixed(0)} | ${median(reload).toFixed(0)} | ${median(longest).toFixed(0)} |`,
    );
  }
}
