// A year of a team's annotations: a generated ~40 MB annotation file (over the core's 32 MB per
// call) imported through "Import annotations…" in Chromium, Firefox ESR and WebKit, then exported as JSON
// and Markdown through the page's buttons (the Blob handed to <a download> is caught and read:
// every annotation is in it, nothing says "too large"), and the exported file imported again (all
// duplicates). Before, import refused files over 32 MB and export answered "too large (36 MB)".
//
// LECTERN_BROWSERS=chromium (or firefox, webkit) runs it in those browsers only.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSERS, launch, openPage, pagePath } from './browsers.mjs';
import { annotationFileText, libraryTargets } from './generated-annotations.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shots = join(root, 'out');
mkdirSync(shots, { recursive: true });
assert.ok(existsSync(pagePath), `build ${pagePath} first`);

const COUNT = 20000;
const NOTE_CHARS = 700;
const byTestId = (id) => `[data-testid="${id}"]`;

/** Catches the Blobs the page hands to <a download>: window.__exports, newest last. */
async function catchDownloads(page) {
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__exports = [];
    const make = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob) => {
      w.__exports.push(blob);
      return make(blob);
    };
  });
}

/** The text of the message about `key`-like content, once it matches `pattern`. */
async function messageMatching(page, pattern, timeout = 240000) {
  await page.waitForFunction(
    (source) =>
      [...document.querySelectorAll('[data-testid="message-text"]')].some((m) =>
        new RegExp(source).test(m.textContent ?? ''),
      ),
    { timeout, polling: 250 },
    pattern.source,
  );
  return page.$$eval(byTestId('message-text'), (ms) => ms.map((m) => m.textContent).join('\n'));
}

for (const name of BROWSERS.filter(
  (b) => !process.env.LECTERN_BROWSERS || process.env.LECTERN_BROWSERS.includes(b),
)) {
  describe(`annotations at scale in ${name}`, { timeout: 900000 }, () => {
    let session;
    let page;
    const problems = [];
    const files = mkdtempSync(join(tmpdir(), 'lectern-scale-'));
    const big = join(files, 'desk-year.json');

    before(async () => {
      session = await launch(name);
      page = await openPage(session.browser, problems);
    });
    after(async () => {
      await session?.close();
      rmSync(files, { recursive: true, force: true });
    });

    test('a ~40 MB annotation file is imported through the page', async () => {
      const articles = await libraryTargets(page);
      const out = createWriteStream(big);
      for (const piece of annotationFileText(articles, { to: COUNT, noteChars: NOTE_CHARS })) {
        if (!out.write(piece)) await once(out, 'drain');
      }
      out.end();
      await once(out, 'finish');
      const size = statSync(big).size;
      assert.ok(size > 36 * 1048576, `the file is over 36 MB (${size})`);
      await page.evaluate(() => {
        location.hash = '#annotations';
      });
      await page.waitForSelector(byTestId('annotations-view'), { visible: true });
      const input = await page.$(byTestId('import-annotations-input'));
      assert.ok(input);
      await input.uploadFile(big);
      await messageMatching(page, /importing annotations/);
      await page.screenshot({ path: join(shots, `e2e-${name}-annotations-scale-importing.png`) });
      const said = await messageMatching(page, /desk-year\.json: added/);
      assert.match(said, /added 20,000 annotations/, said);
      assert.doesNotMatch(said, /too large|could not/, said);
      assert.equal(await page.evaluate(() => window.lectern.annotations().length), COUNT + 5);
      await page.screenshot({ path: join(shots, `e2e-${name}-annotations-scale-imported.png`) });
      assert.deepEqual(problems, []);
    });

    test('JSON and Markdown exports hold every annotation, over 36 MB', async () => {
      await catchDownloads(page);
      await page.click(byTestId('export-json'));
      const said = await messageMatching(page, /Exported .* to lectern-annotations-/);
      assert.doesNotMatch(said, /too large|failed/, said);
      const json = await page.evaluate(async () => {
        const blob = /** @type {any} */ (window).__exports.at(-1);
        const doc = JSON.parse(await blob.text());
        return { size: blob.size, type: doc.type, total: doc.total, items: doc.first.items.length };
      });
      assert.ok(json.size > 36 * 1048576, `the export is over 36 MB (${json.size})`);
      assert.deepEqual(
        { ...json, size: 0 },
        { size: 0, type: 'AnnotationCollection', total: COUNT + 5, items: COUNT + 5 },
      );

      await page.click(byTestId('export-markdown'));
      await messageMatching(page, /Exported .* to lectern-report-/);
      const md = await page.evaluate(async () => {
        const blob = /** @type {any} */ (window).__exports.at(-1);
        const text = await blob.text();
        return { size: blob.size, head: text.slice(0, 300), quotes: text.split('\n> ').length - 1 };
      });
      // Smaller than the JSON (no JSON-LD around each annotation), but written from all of it.
      assert.ok(md.size > 0.3 * json.size, `the report has the notes (${md.size})`);
      assert.match(md.head, /20005 annotations on 5 articles\./);
      assert.ok(md.quotes >= COUNT, `every annotation is quoted (${md.quotes})`);
      assert.deepEqual(problems, []);
    });

    test('the export Lectern wrote imports again, whatever its size: all duplicates', async () => {
      const r = await page.evaluate(async () => {
        const blob = /** @type {any} */ (window).__exports.find((b) => /json/.test(b.type));
        return window.lectern.importAnnotations(await blob.text());
      });
      assert.equal(r.duplicates, COUNT + 5);
      assert.equal(r.imported, 0);
      assert.deepEqual(r.errors, []);
      assert.deepEqual(problems, []);
    });
  });
}
