// dist/lectern.html from file:// in WebKit (Safari's engine: WebKitGTK's MiniBrowser under
// WebKitWebDriver, tests/e2e/webkit.mjs): the seeds, the reader with its entities, the compare
// view of the China Daily / KUNA story, an annotation made, exported and kept across a reload.
// Skipped, saying why, where WebKit is not installed (build-scripts/test installs it).
// Errors: WebDriver has no console endpoint, so the test listens in the page once it is loaded
// and reads what it heard; the other browsers' suites catch errors from the first line on.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageUrl } from './browsers.mjs';
import { launchWebKit, webkitMissing } from './webkit.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shots = join(root, 'out');
mkdirSync(shots, { recursive: true });
const SEED_000_TITLE = 'Russia to work with China for multipolarity, fair intl order, says Putin';
const byTestId = (id) => `[data-testid="${id}"]`;
const missing = webkitMissing();

describe('webkit: dist/lectern.html from file://', { skip: missing || false }, () => {
  /** @type {import('./webkit.mjs').WebKitSession} */
  let page;
  const ready = async () => {
    await page.evaluate(() => window.lectern.ready);
    await page.evaluate(() => {
      // @ts-ignore: the test's own list
      window.__errors = [];
      // @ts-ignore
      window.addEventListener('error', (e) => window.__errors.push(String(e.message)));
      // @ts-ignore
      window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
    });
  };
  // @ts-ignore
  const errors = () => page.evaluate(() => window.__errors);
  const shot = async (name) => writeFileSync(join(shots, `e2e-webkit-${name}.png`), await page.screenshot());

  before(async () => {
    page = await launchWebKit();
    await page.goto(pageUrl);
    await ready();
  });
  after(async () => {
    await page?.close();
  });

  test('a first-time user sees the five seed articles', async () => {
    const rows = await page.$$eval(byTestId('library-row'), (r) => r.map((e) => e.textContent));
    assert.equal(rows.length, 5);
    assert.ok(rows.some((t) => t.includes(SEED_000_TITLE)));
    assert.ok(rows.some((t) => t.includes('KUNA')));
    await shot('library');
  });

  test('the reader shows the article, its sentences and its entities', async () => {
    const id = await page.evaluate(
      (t) => window.lectern.articles().find((a) => a.title === t).id,
      SEED_000_TITLE,
    );
    await page.click(`${byTestId('library-row')}[data-id="${id}"] ${byTestId('open-article')}`);
    await page.waitForSelector(byTestId('reader-body'));
    const sentences = await page.$$eval(byTestId('sentence'), (s) => s.map((e) => e.textContent));
    assert.ok(sentences.length >= 17, `${sentences.length} sentences`);
    assert.ok(sentences[0].startsWith('ST. PETERSBURG -'));
    const people = await page.evaluate(async (articleId) => {
      const list = await window.lectern.entities(articleId);
      return list.filter((e) => e.type === 'PER').map((e) => e.text);
    }, id);
    assert.ok(people.includes('Vladimir Putin'), people.join(', '));
    await page.waitForSelector(`${byTestId('entity')}[data-type="PER"]`);
    await shot('reader');
    await page.press('Escape');
    await page.waitForSelector(byTestId('library-table'));
    assert.deepEqual(await errors(), []);
  });

  test('the compare view of the two versions: aligned rows and the dropped name called out', async () => {
    const [cd, kuna] = await page.evaluate(() => {
      const all = window.lectern.articles();
      return [all.find((a) => a.source === 'China Daily').id, all.find((a) => a.source === 'KUNA').id];
    });
    const button = `${byTestId('library-row')}[data-id="${cd}"] ${byTestId('compare-article')}`;
    await page.click(button);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="compare"]')?.getAttribute('data-state') === 'ready',
    );
    assert.equal(await page.evaluate(() => location.hash), `#compare=${cd},${kuna}`);
    const rows = await page.$$eval(byTestId('compare-row'), (r) => r.length);
    assert.ok(rows >= 10, `${rows} rows`);
    const summary = await page.$$eval(byTestId('compare-summary'), (s) => s[0].textContent);
    assert.match(summary, /Vladimir Putin/u);
    await shot('compare');
    assert.deepEqual(await errors(), []);
  });

  test('files chosen in the picker are imported: UTF-8 with characters outside the BMP, Windows-1252', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-webkit-files-'));
    try {
      writeFileSync(join(dir, 'wire.txt'), 'Wire headline\n\nPARIS (AFP) -- Ministers met 😀 on 𝔸 Monday.\n');
      writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
      await page.uploadFile(byTestId('import-input'), join(dir, 'wire.txt'), join(dir, 'latin1.txt'));
      await page.waitForFunction(() => window.lectern.articles().length === 7);
      const bodies = await page.evaluate(() =>
        window.lectern.articles().map((a) => window.lectern.article(a.id).body),
      );
      assert.ok(bodies.some((b) => b.includes('Ministers met 😀 on 𝔸 Monday.')));
      assert.ok(bodies.includes('café'), 'Windows-1252 decoded');
      assert.deepEqual(await errors(), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an annotation made, exported, and still there after a reload', async () => {
    const made = await page.evaluate(async (title) => {
      const id = window.lectern.articles().find((a) => a.title === title).id;
      const body = window.lectern.article(id).body;
      const at = [...body.slice(0, body.indexOf('multipolar'))].length; // code points
      return window.lectern.annotate({ articleId: id, start: at, end: at + 10, tags: ['webkit'] });
    }, SEED_000_TITLE);
    assert.ok(made, JSON.stringify(made));
    const exported = await page.evaluate(async () =>
      JSON.stringify(await window.lectern.exportAnnotations()),
    );
    assert.ok(exported.includes('multipolar') && exported.includes('webkit'), exported.slice(0, 200));
    await page.reload();
    await ready();
    const kept = await page.evaluate(async () => (await window.lectern.annotations()).length);
    assert.equal(kept, 1, 'MiniBrowser keeps storage in memory for the session: a reload keeps it');
    assert.deepEqual(await errors(), []);
  });
});
