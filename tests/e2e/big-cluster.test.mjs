// Finding the versions of each story in a large collection: 12,000 generated articles, among them
// planted rewrites of some (pairs and triples), imported through the file input of
// dist/lectern.html from file://, in Chromium and Firefox ESR. After the import the page groups the
// collection with the core's StoryClusterer in its Web Worker: the main thread must not stop for
// 500 ms or more while it does (a setInterval of 50 ms records its ticks, as in
// big-import.test.mjs), the progress bar must show it, and the planted versions must come back
// together, with few other articles grouped. Needs the core's StoryClusterer.
//
// LECTERN_PAGE=path/to/other.html runs it against another build; LECTERN_BROWSERS=chromium (or
// firefox) in one browser only.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BROWSERS, launch } from './browsers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pagePath = resolve(process.env.LECTERN_PAGE || join(root, 'dist/lectern.html'));
const pageUrl = pathToFileURL(pagePath).href;
assert.ok(existsSync(pagePath), `build ${pagePath} first`);

/** Whether the page's core can group stories (window.lectern.clusters() says so; an older core cannot). */

const RECORDS = 12000;
const PAIRS = 40;
const TRIPLES = 20;
const MAX_GAP_MS = 500;

/**
 * `n` distinct articles in a JSON array, of which the last ones are rewrites of earlier ones: PAIRS
 * stories told twice and TRIPLES told three times. The rewrites drop a sentence or two, reword a
 * few words, change a figure and add a sentence of their own.
 * @returns {{json: string, groups: string[][]}} groups: the titles of each planted story's versions
 */
export function collectionWithVersions(n) {
  let state = 2024;
  const random = () => { // mulberry32: exact in 32-bit integer arithmetic, so no short cycles
    state = (state + 0x6D2B79F5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  // A vocabulary of ~3,000 made-up words, so unrelated articles share little.
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tas', 'vo', 'dun', 'pe', 'sar', 'qui', 'bel', 'nor', 'ti', 'gra', 'hu', 'zen'];
  const vocabulary = Array.from({ length: 3000 }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables)).join(''));
  const sentence = () => {
    const w = Array.from({ length: 6 + Math.floor(random() * 10) }, () => pick(vocabulary)).join(' ');
    return `${w[0].toUpperCase()}${w.slice(1)} ${Math.floor(random() * 900) + 10}.`;
  };
  const article = () => Array.from({ length: 9 + Math.floor(random() * 9) }, sentence);
  // As wire copy is rewritten: about one sentence in ten dropped, one in ten with a word changed,
  // the first figure changed, a sentence added at the end.
  const rewrite = (sentences) => {
    const out = sentences.filter((_, i) => i === 0 || random() > 0.1);
    return out.map((s) => (random() < 0.1 ? s.replace(/ \S+ /u, ` ${pick(vocabulary)} `) : s))
      .map((s, i) => (i === 0 ? s.replace(/\d+/u, (d) => String(Number(d) + 1)) : s))
      .concat([sentence()]);
  };
  const planted = PAIRS + TRIPLES;
  const rewrites = PAIRS + 2 * TRIPLES;
  const originals = n - rewrites;
  const records = [];
  const bodies = [];
  const paragraphs = (sentences) => [sentences.slice(0, 3), sentences.slice(3, 7), sentences.slice(7)].map((p) => p.join(' ')).filter(Boolean).join('\n\n');
  for (let i = 1; i <= originals; i++) {
    const sentences = article();
    bodies.push(sentences);
    records.push({ id: `gen-${i}`, title: `Generated article ${i}`, source: 'Generated Wire', date: `2024-05-${String(1 + (i % 28)).padStart(2, '0')}`, text: paragraphs(sentences) });
  }
  const groups = [];
  for (let k = 0; k < planted; k++) {
    const base = 1 + Math.floor((k * originals) / planted); // spread over the collection
    const titles = [`Generated article ${base}`];
    for (let v = 1; v <= (k < PAIRS ? 1 : 2); v++) {
      const title = `Generated article ${base}, version ${v + 1}`;
      titles.push(title);
      records.push({ id: `gen-${base}-v${v + 1}`, title, source: `Outlet ${v + 1}`, date: '2024-06-01', text: paragraphs(rewrite(bodies[base - 1])) });
    }
    groups.push(titles);
  }
  return { json: `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`, groups };
}

for (const name of (process.env.LECTERN_BROWSERS?.split(',') ?? BROWSERS)) {
  describe(`${name}: grouping a large collection into stories keeps the page responsive`, () => {
    let session, page, files, groups;
    const problems = [];

    before(async () => {
      files = mkdtempSync(join(tmpdir(), 'lectern-cluster-'));
      const generated = collectionWithVersions(RECORDS);
      groups = generated.groups;
      writeFileSync(join(files, 'versions.json'), generated.json);
      session = await launch(name);
      page = await session.browser.newPage();
      await page.setViewport({ width: 1280, height: 860 });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
      page.on('request', (r) => {
        if (!/^(file|data|blob|about):/.test(r.url())) problems.push(`network request: ${r.url()}`);
      });
      await page.goto(pageUrl);
      await page.evaluate(() => window.lectern.ready);
      await page.evaluate(() => window.lectern.clusters()); // the seeds' grouping is done
    });
    after(async () => {
      await session?.close();
      if (files) rmSync(files, { recursive: true, force: true });
    });

    test(`${RECORDS} articles: the planted versions are found; the longest main-thread gap while grouping stays under ${MAX_GAP_MS} ms`, async (t) => {
      await page.evaluate(() => {
        const app = document.getElementById('app');
        const now = () => performance.timeOrigin + performance.now();
        const probe = { ticks: [], importEnded: 0, began: 0, ended: 0, progressSeen: 0 };
        window.__probe = probe;
        probe.timer = setInterval(() => {
          probe.ticks.push(now());
          const bar = document.querySelector('[data-testid="progress"]');
          if (bar && !bar.hidden && bar.dataset.task === 'cluster') probe.progressSeen++;
        }, 50);
        let importing = false;
        new MutationObserver(() => {
          if (app.hasAttribute('data-importing')) importing = true;
          else if (importing && !probe.importEnded) probe.importEnded = now();
          if (probe.importEnded && app.hasAttribute('data-clustering') && !probe.began) probe.began = now();
          if (probe.began && !app.hasAttribute('data-clustering') && !probe.ended) probe.ended = now();
        }).observe(app, { attributes: true, attributeFilter: ['data-importing', 'data-clustering'] });
      });
      const input = await page.$('[data-testid="import-input"]');
      await input.uploadFile(join(files, 'versions.json'));
      await page.waitForFunction(() => window.__probe.importEnded > 0, { timeout: 180000, polling: 200 });
      await page.waitForFunction(() => window.__probe.began > 0, { timeout: 30000, polling: 50 });
      // A click answers while the collection is grouped.
      const clicked = Date.now();
      await page.click('[data-testid="shortcuts-button"]');
      await page.waitForSelector('[data-testid="shortcuts-dialog"][open]', { timeout: 10000 });
      const clickMs = Date.now() - clicked;
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => window.__probe.ended > 0, { timeout: 180000, polling: 200 });
      const probe = await page.evaluate(() => {
        const p = window.__probe;
        clearInterval(p.timer);
        const marks = [p.began, ...p.ticks.filter((x) => x > p.began && x < p.ended), p.ended];
        let gap = 0;
        let at = 0;
        for (let i = 1; i < marks.length; i++) {
          const d = marks[i] - marks[i - 1];
          if (d > gap) { gap = d; at = marks[i - 1] - p.began; }
        }
        return { gap: Math.round(gap), at: Math.round(at), ms: Math.round(p.ended - p.began), ticks: marks.length - 2, progressSeen: p.progressSeen, stats: window.lectern.clusterStats() };
      });
      t.diagnostic(`${name}: grouping ${probe.ms} ms (${JSON.stringify(probe.stats)}), longest gap ${probe.gap} ms at +${probe.at} ms, ${probe.ticks} ticks, progress seen in ${probe.progressSeen} ticks, click answered in ${clickMs} ms`);
      console.log(`# ${name}: grouping ${RECORDS} articles took ${probe.ms} ms in the ${probe.stats?.engine}; longest main-thread gap ${probe.gap} ms`);

      const { clusters, idByTitle } = await page.evaluate(async () => ({
        clusters: await window.lectern.clusters(),
        idByTitle: Object.fromEntries(window.lectern.articles().map((a) => [a.title, a.id])),
      }));
      const clusterOf = new Map();
      clusters.forEach((c, i) => c.members.forEach((id) => clusterOf.set(id, i)));
      const missed = groups.filter((titles) => {
        const ids = titles.map((title) => idByTitle[title]);
        assert.ok(ids.every(Boolean), `imported: ${titles.join(', ')}`);
        const first = clusterOf.get(ids[0]);
        return first === undefined || ids.some((id) => clusterOf.get(id) !== first);
      });
      assert.deepEqual(missed, [], 'every planted story comes back as one cluster');
      const planted = new Set(groups.flat().map((title) => idByTitle[title]));
      const generated = new Set(Object.entries(idByTitle).filter(([title]) => title.startsWith('Generated article')).map(([, id]) => id));
      const strays = [...clusterOf.keys()].filter((id) => generated.has(id) && !planted.has(id));
      assert.ok(strays.length <= RECORDS / 100, `${strays.length} unrelated generated articles grouped`);
      assert.ok(probe.progressSeen > 0, 'the progress bar showed the grouping');
      assert.equal(await page.$eval('[data-testid="progress"]', (e) => e.hidden), true, 'and went away');
      assert.ok(probe.gap < MAX_GAP_MS, `longest gap between 50 ms ticks ${probe.gap} ms (at +${probe.at} ms)`);
      assert.ok(clickMs < 3000, `a click while grouping answered in ${clickMs} ms`);
      // The library shows a planted story's versions together.
      const [a, b] = groups[0].map((title) => idByTitle[title]);
      const rows = await page.evaluate(() => window.lectern.articles().length);
      assert.equal(rows, 5 + RECORDS);
      await page.evaluate((id) => { location.hash = `#compare=${id}`; }, `${a},${b}`);
      await page.waitForSelector('[data-testid="compare"][data-state="ready"]', { timeout: 20000 });
      assert.ok(await page.$$eval('[data-testid="compare-row"]', (r) => r.length) >= 8);
      assert.deepEqual(problems, []);
    });
  });
}
