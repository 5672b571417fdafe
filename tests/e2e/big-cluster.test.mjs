// Finding the versions of each story in a large collection: 12,000 generated articles, among them
// planted rewrites of some (pairs and triples), and one story told 300 times under different
// datelines (story-collection.mjs: anything quadratic in a story's size shows here), imported through the file input of
// dist/lectern.html from file://, in Chromium, Firefox ESR and WebKit. After the import the page groups the
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
import { join } from 'node:path';
import { BROWSERS, launch, openPage, pagePath } from './browsers.mjs';
import { BIG_STORY, collectionWithVersions } from './story-collection.mjs';

assert.ok(existsSync(pagePath), `build ${pagePath} first`);

const RECORDS = 12000;
const MAX_GAP_MS = 500;
/** Grouping the whole collection must end within this (about 3 s now; a quadratic cost in a story's size would not). */
const MAX_GROUPING_MS = 60000;

for (const name of process.env.LECTERN_BROWSERS?.split(',') ?? BROWSERS) {
  describe(`${name}: grouping a large collection into stories keeps the page responsive`, () => {
    let session, page, files, groups, bigStory, count;
    const problems = [];

    before(async () => {
      files = mkdtempSync(join(tmpdir(), 'lectern-cluster-'));
      const generated = collectionWithVersions(RECORDS);
      ({ groups, bigStory, count } = generated);
      writeFileSync(join(files, 'versions.json'), generated.json);
      session = await launch(name);
      page = await openPage(session.browser, problems);
      await page.evaluate(() => window.lectern.clusters()); // the seeds' grouping is done
    });
    after(async () => {
      await session?.close();
      if (files) rmSync(files, { recursive: true, force: true });
    });

    test(`${RECORDS} articles and a story told ${BIG_STORY} times: the planted versions are found; the longest main-thread gap while grouping stays under ${MAX_GAP_MS} ms`, async (t) => {
      await page.evaluate(() => {
        const app = document.getElementById('app');
        const now = () => performance.timeOrigin + performance.now();
        const probe = { ticks: [], importEnded: 0, began: 0, ended: 0, progressSeen: 0 };
        window.__probe = probe;
        probe.timer = setInterval(() => {
          probe.ticks.push(now());
          const bar = /** @type {HTMLElement} */ (document.querySelector('[data-testid="progress"]'));
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
          if (d > gap) {
            gap = d;
            at = marks[i - 1] - p.began;
          }
        }
        return {
          gap: Math.round(gap),
          at: Math.round(at),
          ms: Math.round(p.ended - p.began),
          ticks: marks.length - 2,
          progressSeen: p.progressSeen,
          stats: window.lectern.clusterStats(),
        };
      });
      t.diagnostic(
        `${name}: grouping ${probe.ms} ms (${JSON.stringify(probe.stats)}), longest gap ${probe.gap} ms at +${probe.at} ms, ${probe.ticks} ticks, progress seen in ${probe.progressSeen} ticks, click answered in ${clickMs} ms`,
      );
      console.log(
        `# ${name}: grouping ${count} articles took ${probe.ms} ms in the ${probe.stats?.engine}; longest main-thread gap ${probe.gap} ms`,
      );

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
      // The big story: one cluster of all its copies and nothing else, shown as one group.
      const bigIds = bigStory.map((title) => idByTitle[title]);
      const big = clusters[clusterOf.get(bigIds[0])];
      assert.ok(big, 'the big story is found');
      assert.deepEqual(
        new Set(big.members),
        new Set(bigIds),
        `the big story: ${big.members.length} members, ${bigStory.length} copies`,
      );
      t.diagnostic(`${name}: the big story came back with ${big.pairs.length} pairs listed`);
      const planted = new Set(groups.flat().map((title) => idByTitle[title]));
      const generated = new Set(
        Object.entries(idByTitle)
          .filter(([title]) => title.startsWith('Generated article'))
          .map(([, id]) => id),
      );
      const strays = [...clusterOf.keys()].filter(
        (id) => generated.has(id) && !planted.has(id) && !bigIds.includes(id),
      );
      assert.ok(strays.length <= RECORDS / 100, `${strays.length} unrelated generated articles grouped`);
      assert.ok(probe.progressSeen > 0, 'the progress bar showed the grouping');
      assert.equal(await page.$eval('[data-testid="progress"]', (e) => e.hidden), true, 'and went away');
      assert.ok(
        probe.gap < MAX_GAP_MS,
        `longest gap between 50 ms ticks ${probe.gap} ms (at +${probe.at} ms)`,
      );
      assert.ok(clickMs < 3000, `a click while grouping answered in ${clickMs} ms`);
      assert.ok(probe.ms < MAX_GROUPING_MS, `grouping ${count} articles took ${probe.ms} ms`);
      // The library shows a planted story's versions together.
      const [a, b] = groups[0].map((title) => idByTitle[title]);
      const rows = await page.evaluate(() => window.lectern.articles().length);
      assert.equal(rows, 5 + count);
      // The library shows the big story as one group, its rows together.
      const shown = await page.evaluate((ids) => {
        const want = new Set(ids);
        return [
          .../** @type {NodeListOf<HTMLElement>} */ (
            document.querySelectorAll('[data-testid="library-row"]')
          ),
        ]
          .filter((tr) => want.has(tr.dataset.id))
          .map((tr) => ({
            story: tr.dataset.story,
            chip: tr.querySelector('.story-chip')?.textContent ?? '',
          }));
      }, bigIds);
      if (shown.length) {
        // the library draws the rows near the top only (windowed)
        assert.ok(
          shown.every((r) => r.story && r.story === shown[0].story),
          'one story',
        );
        const lead = shown.find((r) => /versions/.test(r.chip));
        if (lead) assert.match(lead.chip, new RegExp(`${BIG_STORY} versions`));
      }
      await page.evaluate(
        (id) => {
          location.hash = `#compare=${id}`;
        },
        `${bigIds[0]},${bigIds.at(-1)}`,
      );
      await page.waitForSelector('[data-testid="compare"][data-state="ready"]', { timeout: 20000 });
      assert.deepEqual(
        await page.$$eval('[data-testid="compare-row"]', (r) =>
          r
            .map((x) => x.dataset.kind)
            .slice(1)
            .filter((k) => k !== 'same'),
        ),
        [],
        'copies differ only in their dateline',
      );
      // Its variant table shows the version asked for among at most 12, and says how many are left out.
      await page.evaluate((id) => {
        location.hash = `#variants=${id}`;
      }, bigIds[5]);
      await page.waitForSelector('[data-testid="variants"][data-state="ready"]', { timeout: 30000 });
      const columns = await page.$$eval('[data-testid="variants-column"]', (c) => c.map((x) => x.dataset.id));
      assert.equal(columns.length, 12);
      assert.ok(columns.includes(bigIds[5]), 'the version asked for is a column');
      assert.match(
        await page.$eval('[data-testid="variants-intro"]', (e) => e.textContent),
        new RegExp(`${BIG_STORY - 12} more versions of this story are not shown`),
      );
      await page.evaluate((id) => {
        location.hash = `#compare=${id}`;
      }, `${a},${b}`);
      await page.waitForSelector('[data-testid="compare"][data-state="ready"]', { timeout: 20000 });
      assert.ok((await page.$$eval('[data-testid="compare-row"]', (r) => r.length)) >= 8);
      assert.deepEqual(problems, []);
    });
  });
}
