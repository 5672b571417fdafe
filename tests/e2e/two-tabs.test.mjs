// Two tabs (WebKit: windows) of the page on one profile, in Chromium, Firefox ESR and WebKit: articles imported in one show
// in the other's library without a reload (library/collection-sync.js), and so do removals and
// an import of many articles through the file input, part after part.
//
// LECTERN_BROWSERS=chromium (or firefox, webkit) runs it in those browsers only.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSERS, launch, openPage } from './browsers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shots = join(root, 'out');
mkdirSync(shots, { recursive: true });
const byTestId = (id) => `[data-testid="${id}"]`;
const VIEWPORT = { width: 1100, height: 800 };

/** A JSON array of `n` distinct short articles. */
const wire = (n) =>
  JSON.stringify(
    Array.from({ length: n }, (_, i) => ({
      id: `wire-${i}`,
      title: `Wire story ${i}`,
      text: `Wire story ${i} says the port handled ${i * 17} containers. Officials expect ${i % 9} more ships.`,
    })),
  );

/** Polling, not requestAnimationFrame: the tab waited on is in the background. */
const waitFor = (page, fn, arg, timeout = 20000) => page.waitForFunction(fn, { timeout, polling: 100 }, arg);

for (const name of BROWSERS.filter(
  (b) => !process.env.LECTERN_BROWSERS || process.env.LECTERN_BROWSERS.includes(b),
)) {
  describe(`two tabs in ${name}`, { timeout: 300000 }, () => {
    let session;
    let first;
    let second;
    const problems = [];
    const files = mkdtempSync(join(tmpdir(), 'lectern-tabs-'));

    before(async () => {
      session = await launch(name);
      first = await openPage(session.browser, problems, VIEWPORT);
      second = await openPage(session.browser, problems, VIEWPORT);
    });
    after(async () => {
      await session?.close();
      rmSync(files, { recursive: true, force: true });
    });

    test('an article imported in one tab shows in the other, and goes when removed', async () => {
      const before = await second.evaluate(() => window.lectern.articles().length);
      const [added] = await first.evaluate(() =>
        window.lectern.loadArticles([
          { name: 'tab-one.txt', text: 'Harbour reopens after storm\n\nThe harbour reopened on Monday.' },
        ]),
      );
      assert.ok(added?.id);
      await waitFor(second, (id) => window.lectern.articles().some((a) => a.id === id), added.id);
      await second.bringToFront();
      await waitFor(
        second,
        (title) =>
          [...document.querySelectorAll('[data-testid="library-row"]')].some((r) =>
            r.textContent?.includes(title),
          ),
        'Harbour reopens after storm',
      );
      await second.screenshot({ path: join(shots, `e2e-${name}-two-tabs-second.png`) });
      assert.equal(await second.evaluate(() => window.lectern.articles().length), before + 1);
      // An annotation made on it in the first tab shows on it in the second.
      await first.evaluate((id) => window.lectern.annotate({ articleId: id, start: 0, end: 7 }), added.id);
      await waitFor(second, (id) => window.lectern.annotations(id).length === 1, added.id);

      await first.evaluate((id) => window.lectern.removeArticle(id), added.id);
      await waitFor(second, (id) => !window.lectern.articles().some((a) => a.id === id), added.id);
      assert.equal(await second.evaluate(() => window.lectern.articles().length), before);
      assert.deepEqual(problems, []);
    });

    test('a file of 3,000 articles imported in one tab arrives in the other', async () => {
      const file = join(files, 'wire.json');
      writeFileSync(file, wire(3000));
      const before = await second.evaluate(() => window.lectern.articles().length);
      await first.bringToFront();
      await (await first.$(byTestId('import-input')))?.uploadFile(file);
      await waitFor(first, (n) => window.lectern.articles().length >= n, before + 3000, 120000);
      await waitFor(second, (n) => window.lectern.articles().length >= n, before + 3000, 60000);
      await second.bringToFront();
      await waitFor(second, () =>
        document.querySelector('[data-testid="article-count"]')?.textContent?.includes('3,0'),
      );
      assert.deepEqual(problems, []);
    });
  });
}
