/* global window, requestAnimationFrame */
// Opening the page: its bytes (raw and gzip), the time from navigation to window.lectern.ready on
// a fresh profile and on a reload, and the longest main-thread task until then (Chromium:
// PerformanceObserver 'longtask'; Firefox has no longtask entries: the longest gap between
// requestAnimationFrame callbacks; WebKit over WebDriver cannot run a script before the page's,
// so no figure there), per engine, for this build and, with --baseline, an earlier page in the
// same run. Medians of --runs fresh profiles. Figures are printed, nothing asserted.
//   node bench/page.mjs [--page dist/lectern.html] [--baseline OLD.html] [--runs 3]
//                       [--browsers chromium,firefox,webkit]
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launch } from '../tests/e2e/browsers.mjs';
import { launchWebKit } from '../tests/e2e/webkit.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const PAGES = [option('page', 'dist/lectern.html'), option('baseline', '')].filter(Boolean);
const RUNS = Number(option('runs', 3));
const BROWSERS = String(option('browsers', 'chromium,firefox,webkit')).split(',');

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

/** Chromium or Firefox with a new profile: {fresh, reload, longest} in ms. */
async function openPuppeteer(name, url) {
  const session = await launch(name);
  try {
    const page = await session.browser.newPage();
    await page.evaluateOnNewDocument(monitor);
    const first = await open(page, () => page.goto(url));
    const again = await open(page, () => page.reload());
    return { fresh: first.ready, reload: again.ready, longest: first.longest };
  } finally {
    await session.close();
  }
}

/** WebKit (a new session is a new profile): {fresh, reload, longest: NaN}. */
async function openWebKit(url) {
  const page = await launchWebKit();
  try {
    const ready = () => page.evaluate(async () => (await window.lectern.ready, performance.now()));
    await page.goto(url);
    const fresh = await ready();
    await page.reload();
    return { fresh, reload: await ready(), longest: NaN };
  } finally {
    await page.close();
  }
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
      const url = pathToFileURL(resolve(file)).href;
      const times = name === 'webkit' ? await openWebKit(url) : await openPuppeteer(name, url);
      fresh.push(times.fresh);
      reload.push(times.reload);
      longest.push(times.longest);
    }
    console.log(
      `| ${name} | ${file} | ${bytes.toLocaleString('en')} | ${gzip.toLocaleString('en')} | ` +
        `${median(fresh).toFixed(0)} | ${median(reload).toFixed(0)} | ${Number.isNaN(median(longest)) ? 'n/a' : median(longest).toFixed(0)} |`,
    );
  }
}
