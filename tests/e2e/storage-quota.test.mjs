// A full storage in Firefox ESR (a quota of 2 MB: dom.quotaManager.temporaryStorage.fixedLimit):
// an import bigger than that, then a reload, an article and an annotation. Firefox answers with a
// QuotaExceededError and then InvalidStateError on every later write; the page must show its
// storage message saying storage is full (not "private window"), keep working from memory, and
// let no error escape (page errors, console errors).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { openPage } from './browsers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shots = join(root, 'out');
mkdirSync(shots, { recursive: true });
const byTestId = (id) => `[data-testid="${id}"]`;
const skip = process.env.LECTERN_BROWSERS && !process.env.LECTERN_BROWSERS.includes('firefox');

const messages = (page) =>
  page.$$eval(byTestId('message-text'), (ms) => ms.map((m) => m.textContent).join('\n'));

describe('storage full in firefox', { timeout: 180000, skip }, () => {
  let browser;
  let page;
  const problems = [];
  const dir = mkdtempSync(join(tmpdir(), 'lectern-quota-'));

  before(async () => {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: '/usr/bin/firefox-esr',
      headless: true,
      userDataDir: join(dir, 'profile'),
      extraPrefsFirefox: {
        'security.fileuri.strict_origin_policy': true,
        'dom.quotaManager.temporaryStorage.fixedLimit': 2048, // KB
      },
    });
    page = await openPage(browser, problems);
  });
  after(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('an import past the quota: the storage message says full, the articles stay', async () => {
    const file = join(dir, 'wire.json');
    writeFileSync(
      file,
      JSON.stringify(
        Array.from({ length: 4000 }, (_, i) => ({
          id: `w${i}`,
          title: `Wire ${i}`,
          text: `Story ${i} said. `.repeat(80),
        })),
      ),
    );
    await (await page.$(byTestId('import-input')))?.uploadFile(file);
    await page.waitForFunction(() => window.lectern.articles().length === 4005, {
      timeout: 120000,
      polling: 200,
    });
    await page.waitForFunction(() => !document.querySelector('#app[data-importing]'), {
      timeout: 60000,
      polling: 200,
    });
    const said = await messages(page);
    assert.match(
      said,
      /could not save to this browser's storage: the browser's storage for this page is full \(quota exceeded\)/,
      said,
    );
    assert.doesNotMatch(said, /private window/, said);
    assert.match(await page.$eval(byTestId('storage-status'), (e) => e.textContent ?? ''), /Storage failed/);
    await page.screenshot({ path: join(shots, 'e2e-firefox-storage-full.png') });
    assert.deepEqual(problems, []);
  });

  test('after a reload on a full storage: an article and an annotation, nothing escapes', async () => {
    await page.reload();
    await page.evaluate(() => window.lectern.ready);
    const [added] = await page.evaluate(() =>
      window.lectern.loadArticles([{ name: 'more.txt', text: 'More text here. '.repeat(4000) }]),
    );
    await page.evaluate((id) => window.lectern.annotate({ articleId: id, start: 0, end: 9 }), added.id);
    await new Promise((r) => setTimeout(r, 1500));
    const said = await messages(page);
    assert.doesNotMatch(said, /private window/, said);
    assert.ok(
      await page.evaluate((id) => window.lectern.annotations(id).length === 1, added.id),
      'kept in memory',
    );
    assert.deepEqual(problems, []);
  });
});
