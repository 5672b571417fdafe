// A page left for good (a reload, a closed tab) lets go of its articles and annotations at once
// (shell/app.js release, on `pagehide`). In Firefox the page left is freed by the cycle
// collector, which walks all the old page still reaches in one pause of the page that follows:
// at 100,000 articles 1.4 million objects and pauses of 0.4-1.9 s, until an import's finished
// promise stopped holding every record it added and the library was emptied on `pagehide`
// (RELIABILITY.md, session 16). Counted in Chromium, whose DevTools protocol gives a heap
// snapshot; Firefox and WebKit give none to a test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSERS, launch, openPage, pagePath } from './browsers.mjs';
import { annotationFileText, libraryTargets } from './generated-annotations.mjs';
import { heapSnapshot, objectsWithProperty } from './heap-snapshot.mjs';

assert.ok(existsSync(pagePath), `build ${pagePath} first`);
const ARTICLES = 2000;
const ANNOTATIONS = 2000;

/** Uploads `file` and waits until `what` (articles or annotations) has grown by `count`. */
async function importFile(page, file, what, count) {
  const before = await page.evaluate((key) => window.lectern.counts()[key], what);
  await (await page.$('[data-testid="import-input"]'))?.uploadFile(file);
  await page.waitForFunction(
    (key, total) => !document.querySelector('#app[data-importing]') && window.lectern.counts()[key] >= total,
    { timeout: 120000, polling: 500 },
    what,
    before + count,
  );
}

test(
  'a page left lets go of its articles, annotations and library rows',
  { skip: !BROWSERS.includes('chromium') },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-release-'));
    const session = await launch('chromium');
    try {
      const problems = [];
      const page = await openPage(session.browser, problems);
      const lines = join(dir, 'lines.jsonl');
      writeFileSync(
        lines,
        Array.from(
          { length: ARTICLES },
          (_, i) => `{"id":"l${i}","text":"Line ${i} says one thing."}\n`,
        ).join(''),
      );
      await importFile(page, lines, 'articles', ARTICLES);
      const desk = join(dir, 'desk.json');
      writeFileSync(
        desk,
        [...annotationFileText(await libraryTargets(page, 5), { to: ANNOTATIONS })].join(''),
      );
      await importFile(page, desk, 'annotations', ANNOTATIONS);
      // Ended (stored, placed) once its summary replaces its progress message.
      await page.waitForSelector('[data-key="annotations:desk.json"]:not([data-kind="info"])');

      // Records: the library's have an "article", the annotations' an "annotation", the
      // library's rows a "displayTitle".
      const held = async () => {
        const { snapshot } = await heapSnapshot(page);
        return {
          articles: objectsWithProperty(snapshot, 'article'),
          annotations: objectsWithProperty(snapshot, 'annotation'),
          rows: objectsWithProperty(snapshot, 'displayTitle'),
        };
      };
      const open = await held();
      assert.ok(open.articles >= ARTICLES, `the open page holds its articles (${open.articles})`);
      assert.ok(open.annotations >= ANNOTATIONS, `…and its annotations (${open.annotations})`);
      assert.ok(open.rows >= ARTICLES, `…and the library's rows (${open.rows})`);
      await page.evaluate(() =>
        window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })),
      );
      const left = await held();
      assert.ok(left.articles < 50, `a page left holds ${left.articles} objects with an "article"`);
      assert.ok(left.annotations < 50, `a page left holds ${left.annotations} objects with an "annotation"`);
      assert.ok(left.rows < 50, `a page left holds ${left.rows} of the library's rows`);
      assert.deepEqual(problems, []);
    } finally {
      await session.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
