// A large single .json file (a ~15 MB array of 12,000 synthetic articles) imported through the
// file input of dist/lectern.html opened from file://, in Chromium, Firefox ESR and WebKit: the page must
// stay responsive while it imports (the core reads in a Web Worker), every record must arrive, and
// nothing may be logged as an error, violate the Content-Security-Policy or leave the machine.
//
// Responsiveness is measured in the page: a setInterval(…, 50) records its ticks from just before
// the upload until the import ends; the longest gap between ticks must stay under MAX_GAP_MS. (With
// the core on the main thread the page froze for the whole read: gaps of several seconds.)
//
// LECTERN_PAGE=path/to/other.html runs the test against another build (to compare);
// LECTERN_BROWSERS=chromium (or firefox, webkit) runs it in those browsers only.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSERS, launch, openPage, pagePath, pageUrl } from './browsers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shots = join(root, 'out');
mkdirSync(shots, { recursive: true });
assert.ok(existsSync(pagePath), `build ${pagePath} first`);

const RECORDS = 12000;
const MAX_GAP_MS = 500;
const SEEDS = 5;
const byTestId = (id) => `[data-testid="${id}"]`;

/** A JSON array of `n` distinct articles, one record per line (as exporters tend to write). */
export function syntheticCollection(n) {
  const words = (
    'the minister said on monday that talks with officials from several countries would ' +
    'continue next week despite disagreements over trade tariffs energy prices and security in the ' +
    'region according to a statement released by the government'
  ).split(' ');
  let state = 12345;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const sentence = () => {
    const w = Array.from(
      { length: 8 + Math.floor(random() * 12) },
      () => words[Math.floor(random() * words.length)],
    );
    const s = w.join(' ');
    return `${s[0].toUpperCase()}${s.slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: 3 + Math.floor(random() * 4) }, sentence).join(' ');
  const lines = [];
  for (let i = 1; i <= n; i++) {
    const text = `Report number ${i} from the synthetic wire. ${paragraph()}\n\n${paragraph()}\n\n${paragraph()}`;
    lines.push(
      JSON.stringify({
        id: `synthetic-${i}`,
        title: `Synthetic article ${i}`,
        source: 'Synthetic Wire',
        date: `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`,
        text,
      }),
    );
  }
  return `[\n${lines.join(',\n')}\n]\n`;
}

for (const name of process.env.LECTERN_BROWSERS?.split(',') ?? BROWSERS) {
  describe(`${name}: a large .json file imports without freezing the page`, () => {
    let session, page, files;
    const problems = [];

    before(async () => {
      files = mkdtempSync(join(tmpdir(), 'lectern-big-'));
      writeFileSync(join(files, 'big-collection.json'), syntheticCollection(RECORDS));
      session = await launch(name);
      page = await openPage(session.browser, problems);
    });
    after(async () => {
      await session?.close();
      if (files) rmSync(files, { recursive: true, force: true });
    });

    test(`${RECORDS} records arrive; the longest main-thread gap stays under ${MAX_GAP_MS} ms`, async (t) => {
      const file = join(files, 'big-collection.json');
      assert.equal(await page.$$eval(byTestId('library-row'), (rows) => rows.length), SEEDS);
      // Ticks every 50 ms, and the moments the import starts and ends (data-importing on #app);
      // times in ms since the epoch, to compare with the screenshot's (taken from here).
      await page.evaluate(() => {
        const app = document.getElementById('app');
        const now = () => performance.timeOrigin + performance.now();
        const probe = { ticks: [], began: 0, ended: 0, progressSeen: 0 };
        window.__probe = probe;
        probe.timer = setInterval(() => {
          probe.ticks.push(now());
          const bar = /** @type {HTMLElement} */ (document.querySelector('[data-testid="progress"]'));
          if (bar && !bar.hidden && bar.dataset.state === 'running') probe.progressSeen++;
        }, 50);
        new MutationObserver(() => {
          if (app.hasAttribute('data-importing') && !probe.began) probe.began = now();
          if (!app.hasAttribute('data-importing') && probe.began && !probe.ended) probe.ended = now();
        }).observe(app, { attributes: true, attributeFilter: ['data-importing'] });
        probe.start = now();
      });
      const started = Date.now();
      const input = await page.$(byTestId('import-input'));
      await input.uploadFile(file);
      // A look at the page while it imports: the progress bar, the library filling in. Taking a
      // screenshot stops Firefox's main thread for a second or two: that time is not counted.
      const shot = { from: 0, to: 0 };
      await page
        .waitForFunction(
          () => {
            const bar = /** @type {HTMLElement} */ (document.querySelector('[data-testid="progress"]'));
            return bar && !bar.hidden && window.lectern.articles().length > 5 + 1000;
          },
          { timeout: 60000, polling: 100 },
        )
        .then(
          async () => {
            shot.from = Date.now();
            await page.screenshot({ path: join(shots, `e2e-${name}-big-import.png`) });
            shot.to = Date.now();
          },
          () => {},
        ); // an import too quick to catch (or the frozen old page) shows nothing here
      // A click answers while the import goes on: the shortcuts dialog opens, and closes.
      const clicked = Date.now();
      await page.click(byTestId('shortcuts-button'));
      await page.waitForSelector(`${byTestId('shortcuts-dialog')}[open]`, { timeout: 10000 });
      const clickMs = Date.now() - clicked;
      const stillImporting = await page.evaluate(() =>
        document.getElementById('app').hasAttribute('data-importing'),
      );
      await page.keyboard.press('Escape');
      await page.waitForFunction(
        () =>
          !(
            /** @type {HTMLDialogElement} */ (document.querySelector('[data-testid="shortcuts-dialog"]')).open
          ),
      );
      await page.waitForFunction(() => window.__probe.ended > 0, { timeout: 120000, polling: 200 });
      const elapsed = Date.now() - started;
      const probe = await page.evaluate(
        (shotFrom, shotTo) => {
          const p = window.__probe;
          clearInterval(p.timer);
          const marks = [p.start, ...p.ticks.filter((x) => x > p.start && x < p.ended), p.ended];
          let gap = 0;
          let at = 0;
          let during = 0; // the longest gap that overlaps the screenshot
          for (let i = 1; i < marks.length; i++) {
            const d = marks[i] - marks[i - 1];
            if (marks[i] > shotFrom && marks[i - 1] < shotTo) during = Math.max(during, d);
            else if (d > gap) {
              gap = d;
              at = marks[i - 1] - p.start;
            }
          }
          return {
            gap: Math.round(gap),
            at: Math.round(at),
            during: Math.round(during),
            importMs: Math.round(p.ended - p.began),
            ticks: marks.length - 2,
            progressSeen: p.progressSeen,
            engine: window.lectern.engine?.() ?? 'n/a',
          };
        },
        shot.from,
        shot.to,
      );
      const mb = (statSync(file).size / 1024 / 1024).toFixed(1);
      t.diagnostic(
        `${name}: a click during the import opened a dialog in ${clickMs} ms (still importing: ${stillImporting})`,
      );
      t.diagnostic(
        `${name}: ${mb} MB, import ${probe.importMs} ms (${elapsed} ms from upload), engine ${probe.engine}, ` +
          `${probe.ticks} ticks, longest gap ${probe.gap} ms at +${probe.at} ms (${probe.during} ms during the screenshot, ` +
          `${shot.to - shot.from} ms), progress seen in ${probe.progressSeen} ticks`,
      );
      console.log(
        `# ${name}: ${mb} MB json, import ${probe.importMs} ms, longest main-thread gap ${probe.gap} ms ` +
          `(at +${probe.at} ms; screenshot ${shot.to - shot.from} ms not counted), ${probe.ticks} ticks, engine ${probe.engine}`,
      );

      const count = await page.evaluate(() => window.lectern.articles().length);
      assert.equal(count, SEEDS + RECORDS, 'every record arrived');
      const sample = await page.evaluate((seeds) => {
        const all = window.lectern.articles();
        return [all[seeds]?.title, all.at(-1)?.title];
      }, SEEDS);
      assert.deepEqual(sample, ['Synthetic article 1', `Synthetic article ${RECORDS}`]);
      // The summary is shown once the library is drawn again, after the import has ended: in
      // WebKit that can be a second after the probe saw the end.
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('[data-testid="message"]')].some((m) =>
            /Added/.test(m.textContent ?? ''),
          ),
        { timeout: 30000, polling: 200 },
      );
      const summary = await page.$$eval(byTestId('message'), (m) => m.map((e) => e.textContent).join('\n'));
      assert.match(summary, /Added 12,000 articles from 1 file/);
      assert.equal(
        await page.$eval(byTestId('progress'), (e) => e.hidden),
        true,
        'the progress bar went away',
      );
      assert.ok(probe.progressSeen > 0, 'the progress bar was shown');
      // The core read in its worker (WebKit once fell back to the main thread without a word).
      assert.equal(probe.engine, 'worker');
      assert.ok(
        probe.gap < MAX_GAP_MS,
        `longest gap between 50 ms ticks ${probe.gap} ms (at +${probe.at} ms)`,
      );
      assert.ok(
        stillImporting && clickMs < 3000,
        `a click during the import answered in ${clickMs} ms (importing: ${stillImporting})`,
      );
      assert.deepEqual(problems, []);
    });

    test('without a worker the page reads on the main thread, and says so in the console only', async (t) => {
      // WebDriver runs no script before the page's own, so WebKit cannot be started without workers.
      if (name === 'webkit')
        return t.skip('WebDriver cannot run a script before the page’s own to turn workers off');
      const context = await session.browser.createBrowserContext(); // its own, empty storage
      const fallback = await context.newPage();
      const seen = { errors: [], infos: [] };
      fallback.on('pageerror', (e) => seen.errors.push(`page error: ${e.message}`));
      fallback.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warn' || m.type() === 'warning')
          seen.errors.push(`${m.type()}: ${m.text()}`);
        if (m.type() === 'info') seen.infos.push(m.text());
      });
      await fallback.evaluateOnNewDocument(() => {
        window.Worker = /** @type {any} */ (
          function Worker() {
            throw new DOMException('workers are off in this test', 'SecurityError');
          }
        );
      });
      await fallback.goto(pageUrl);
      await fallback.evaluate(() => window.lectern.ready);
      assert.equal(await fallback.evaluate(() => window.lectern.engine()), 'main-thread');
      assert.equal(await fallback.evaluate(() => window.lectern.articles().length), SEEDS);
      const records = [1, 2, 3].map((i) => ({
        id: `fallback-${i}`,
        title: `Fallback ${i}`,
        text: `Read on the main thread, number ${i}.`,
      }));
      const added = await fallback.evaluate(
        (text) => window.lectern.loadArticles([{ name: 'three.json', text }]),
        JSON.stringify(records),
      );
      assert.deepEqual(
        added.map((a) => a.title),
        ['Fallback 1', 'Fallback 2', 'Fallback 3'],
      );
      assert.ok(
        seen.infos.some((m) => /main thread \(.*workers are off in this test/.test(m)),
        seen.infos.join('\n'),
      );
      assert.deepEqual(seen.errors, []);
      await context.close();
    });
  });
}
