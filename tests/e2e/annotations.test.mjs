// Annotations in dist/lectern.html from file://, in Debian's Chromium, Firefox ESR and WebKit:
// select text, tag it and write a note through the UI; the keyboard alone; overlapping highlights;
// undo and redo; reload and a browser restart (not in WebKit: RESTART_SKIP); two tabs; export and
// import into a fresh profile; two authors' files merged; orphans attached by hand; carried over
// from seed 000 to seed 001; XSS payloads in notes, tags, titles, article HTML and file names;
// storage that refuses writes.
// Screenshots go to out/ for a human look.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSERS, RESTART_SKIP, launch, openPage } from './browsers.mjs';
import {
  shots,
  fixtures,
  SEED_000,
  SURVIVES,
  DROPPED,
  byTestId,
  VIEWPORT,
  selectText,
  annotations,
  articleId,
  quoteOf,
  tagsOf,
  noteOf,
  openArticle,
  assertNothingRan,
} from './annotation-pages.mjs';

for (const name of BROWSERS) {
  describe(`${name}: annotations in dist/lectern.html`, () => {
    let profile, session, page;
    const problems = [];
    const files = mkdtempSync(join(tmpdir(), 'lectern-annotation-files-'));
    let seed0, seed1;

    before(async () => {
      profile = mkdtempSync(join(tmpdir(), `lectern-annotations-${name}-`));
      session = await launch(name, profile);
      page = await openPage(session.browser, problems, VIEWPORT);
      seed0 = await articleId(page, SEED_000);
      // shared/seeds/001_…: the KUNA version of seed 000's story.
      seed1 = await page.evaluate(
        () =>
          window.lectern
            .articles()
            .map((a) => window.lectern.article(a.id))
            .find((a) => a.body.includes('(KUNA) -- Russian President'))?.id,
      );
      assert.ok(seed0 && seed1);
    });
    after(async () => {
      await session?.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(files, { recursive: true, force: true });
    });

    test('select text, tag it and write a note with the mouse; overlapping highlights; the sidebar', async () => {
      await openArticle(page, seed0);
      await selectText(page, 'Russian President Vladimir Putin on Thursday');
      await page.click(byTestId('toolbar-more'));
      await page.waitForSelector(`${byTestId('annotation-editor')}[open]`);
      await page.type(byTestId('editor-new-tag'), 'diplomacy');
      await page.keyboard.press('Enter');
      await page.type(byTestId('editor-new-tag'), 'Putin');
      await page.keyboard.press('Enter');
      await page.click(byTestId('editor-note'));
      await page.type(
        byTestId('editor-note'),
        'The **opening** claim; see [Xinhua](https://english.news.cn/).',
      );
      await page.waitForSelector(`${byTestId('editor-preview')} strong`);
      await page.click(byTestId('editor-save'));
      await page.waitForFunction(() => window.lectern.annotations().length === 1);
      const [a] = await annotations(page, seed0);
      assert.equal(quoteOf(a), 'Russian President Vladimir Putin on Thursday');
      assert.deepEqual(tagsOf(a), ['diplomacy', 'Putin']);
      assert.match(noteOf(a), /\*\*opening\*\*/);
      // A second, overlapping one from the toolbar's tag button (one click).
      await selectText(page, 'Vladimir Putin on Thursday voiced willingness');
      await page.click(`${byTestId('toolbar-tag')}[data-tag="Putin"]`);
      await page.waitForFunction(() => window.lectern.annotations().length === 2);
      // Entity marks cut a highlight into pieces; consecutive pieces of the same ids are one run.
      const marks = await page.$$eval(byTestId('highlight'), (m) =>
        m.reduce((runs, x) => {
          const last = runs[runs.length - 1];
          if (last?.key === x.dataset.ids) last.text += x.textContent;
          else runs.push({ key: x.dataset.ids, ids: x.dataset.ids.split(' ').length, text: x.textContent });
          return runs;
        }, []),
      );
      assert.ok(
        marks.some((m) => m.ids === 2 && m.text === 'Vladimir Putin on Thursday'),
        JSON.stringify(marks),
      );
      const items = await page.$$eval(byTestId('sidebar-item'), (li) => li.map((x) => x.textContent));
      assert.equal(items.length, 2);
      assert.ok(
        items[0].includes('Russian President') && items[0].includes('opening'),
        'reading order, note rendered',
      );
      assert.equal(
        await page.$eval(
          `${byTestId('sidebar-item')} ${byTestId('card-note')} a`,
          (x) => `${x.href}|${x.rel}`,
        ),
        'https://english.news.cn/|noopener noreferrer',
      );
      await page.screenshot({ path: join(shots, `e2e-${name}-annotations-reader.png`) });
      // The sidebar goes to a highlight, and Esc comes back.
      await page.click(`${byTestId('sidebar-item')}:nth-child(2) ${byTestId('card-open')}`);
      await page.waitForFunction(() =>
        /** @type {HTMLElement} */ (document.activeElement)?.matches('mark.hl'),
      );
      await page.waitForSelector(byTestId('highlight-tooltip'), { visible: true });
      await page.keyboard.press('Escape');
      await page.waitForFunction(
        () => /** @type {HTMLElement} */ (document.activeElement)?.dataset.testid === 'card-open',
      );
      assert.deepEqual(problems, []);
    });

    test('by keyboard alone: a sentence tagged with 1, a note with n, edit, delete, undo and redo', async () => {
      await page.focus(byTestId('reader-title'));
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight'); // the second sentence
      const sentence = await page.evaluate(() => document.activeElement.textContent);
      assert.ok(sentence.startsWith('Putin made the remarks'), sentence);
      await page.keyboard.press('1');
      await page.waitForFunction(() => window.lectern.annotations().length === 3);
      let list = await annotations(page, seed0);
      assert.ok(list.some((a) => quoteOf(a) === sentence && tagsOf(a).join() === 'diplomacy'));
      // n: a note on the next sentence, saved with Ctrl+Enter.
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('n');
      await page.waitForFunction(
        () => /** @type {HTMLElement} */ (document.activeElement)?.dataset.testid === 'editor-note',
      );
      await page.keyboard.type('Check this *claim*');
      await page.keyboard.down('Control');
      await page.keyboard.press('Enter');
      await page.keyboard.up('Control');
      await page.waitForFunction(() => window.lectern.annotations().length === 4);
      // Undo twice, redo once.
      await page.keyboard.down('Control');
      await page.keyboard.press('z');
      await page.keyboard.up('Control');
      await page.waitForFunction(() => window.lectern.annotations().length === 3);
      await page.click(byTestId('undo-button'));
      await page.waitForFunction(() => window.lectern.annotations().length === 2);
      await page.keyboard.down('Control');
      await page.keyboard.down('Shift');
      await page.keyboard.press('Z');
      await page.keyboard.up('Shift');
      await page.keyboard.up('Control');
      await page.waitForFunction(() => window.lectern.annotations().length === 3);
      // Enter on a sentence with highlights shows their card; Edit re-tags one.
      await page.evaluate(() =>
        /** @type {HTMLElement} */ (document.querySelector('mark.hl').closest('.sentence')).focus(),
      );
      await page.keyboard.press('Enter');
      await page.waitForSelector(byTestId('highlight-card'), { visible: true });
      await page.screenshot({ path: join(shots, `e2e-${name}-annotations-card.png`) });
      await page.click(
        `${byTestId('highlight-card')} [data-id$="${(await annotations(page, seed0)).find((a) => quoteOf(a) === 'Russian President Vladimir Putin on Thursday').id.slice(-12)}"] ${byTestId('card-edit')}`,
      );
      await page.waitForSelector(`${byTestId('annotation-editor')}[open]`);
      await page.click(`${byTestId('editor-tag')}[data-tag="Putin"]`);
      await page.click(byTestId('editor-save'));
      await page.waitForFunction(() =>
        window.lectern.annotations().some(
          (a) =>
            a.body
              .filter((b) => b.purpose === 'tagging')
              .map((b) => b.value)
              .join() === 'diplomacy' &&
            a.target.selector[0].exact === 'Russian President Vladimir Putin on Thursday',
        ),
      );
      // Delete from the sidebar; the message offers Undo.
      const before = (await annotations(page)).length;
      await page.click(`${byTestId('sidebar-item')}:last-child ${byTestId('sidebar-delete')}`);
      await page.waitForFunction((n) => window.lectern.annotations().length === n - 1, {}, before);
      const undoAction = `${byTestId('message')}[data-key="annotation-undo"] ${byTestId('message-action')}`;
      await page.waitForSelector(undoAction, { visible: true });
      await page.click(undoAction);
      await page.waitForFunction((n) => window.lectern.annotations().length === n, {}, before);
      list = await annotations(page);
      assert.equal(list.length, 3);
      assert.deepEqual(problems, []);
    });

    test('offsets are code points: characters outside the BMP, through the API and the UI', async () => {
      const [{ id }] = await page.evaluate(() =>
        window.lectern.loadArticles([
          {
            name: 'emoji.txt',
            text: 'Emoji story here\n\nFish 🐟 and the letter 𝔸 came first. Then 😀 smiled at 𝔹 twice.\n',
          },
        ]),
      );
      // "𝔸 came" in code points of the article's body.
      const cp = await page.evaluate(async (i) => {
        const text = window.lectern.article(i).body;
        const start = [...text.slice(0, text.indexOf('𝔸 came'))].length;
        const annId = await window.lectern.annotate({ articleId: i, start, end: start + 6, tags: ['math'] });
        return { annId, start };
      }, id);
      const made = (await annotations(page, id)).find((a) => a.id === cp.annId);
      assert.equal(quoteOf(made), '𝔸 came');
      const pos = made.target.selector.find((s) => s.type === 'TextPositionSelector');
      assert.deepEqual([pos.end - pos.start], [6]);
      // Through the UI: select "😀 smiled at 𝔹".
      await openArticle(page, id);
      await selectText(page, '😀 smiled at 𝔹');
      await page.click(byTestId('toolbar-highlight'));
      await page.waitForFunction((i) => window.lectern.annotations(i).length === 2, {}, id);
      const ui = (await annotations(page, id)).find((a) => quoteOf(a) === '😀 smiled at 𝔹');
      const p = ui.target.selector.find((s) => s.type === 'TextPositionSelector');
      assert.equal(p.end - p.start, 13, 'thirteen code points (fifteen UTF-16 units)');
      const mark = await page.$$eval(byTestId('highlight'), (m) => m.map((x) => x.textContent));
      assert.ok(mark.includes('😀 smiled at 𝔹') && mark.includes('𝔸 came'), mark.join('|'));
      assert.deepEqual(problems, []);
    });

    test("another tab sees the changes; both tabs' edits survive", async () => {
      const other = await openPage(session.browser, problems, VIEWPORT);
      const n = (await annotations(page)).length;
      assert.equal((await annotations(other)).length, n);
      await other.evaluate(
        (i) => window.lectern.annotate({ articleId: i, start: 0, end: 15, tags: ['from-tab-2'] }),
        seed1,
      );
      // Polling, not requestAnimationFrame: this tab is in the background.
      await page.waitForFunction(
        (k) => window.lectern.annotations().length === k + 1,
        { timeout: 10000, polling: 100 },
        n,
      );
      await page.evaluate(
        (i) => window.lectern.annotate({ articleId: i, start: 20, end: 40, tags: ['from-tab-1'] }),
        seed1,
      );
      await page.bringToFront();
      await other.waitForFunction(
        (k) => window.lectern.annotations().length === k + 2,
        { timeout: 10000, polling: 100 },
        n,
      );
      await other.close();
      assert.deepEqual(problems, []);
    });

    const shownAfter = async (n, when) => {
      assert.equal((await annotations(page)).length, n, when);
      await openArticle(page, seed0);
      await page.waitForSelector(byTestId('highlight'));
      assert.ok((await page.$$(byTestId('sidebar-item'))).length >= 2);
    };

    test('annotations survive a reload', async () => {
      const n = (await annotations(page)).length;
      await page.reload();
      await page.evaluate(() => window.lectern.ready);
      await shownAfter(n, 'after a reload');
      assert.deepEqual(problems, []);
    });

    test('annotations survive a browser restart', { skip: RESTART_SKIP[name] }, async () => {
      const n = (await annotations(page)).length;
      await session.close();
      session = await launch(name, profile);
      page = await openPage(session.browser, problems, VIEWPORT);
      await shownAfter(n, 'after a restart');
      assert.deepEqual(problems, []);
    });

    test('carried over: an annotation made on seed 000 shows on seed 001; a dropped passage is listed', async () => {
      const body0 = await page.evaluate((i) => window.lectern.article(i).body, seed0);
      const survives = body0.indexOf(SURVIVES);
      const dropped = body0.indexOf(DROPPED);
      assert.ok(survives >= 0 && dropped >= 0);
      assert.equal([...body0].length, body0.length, 'code points = UTF-16 units in seed 000');
      await page.evaluate(
        async (i, s, d, a, b) => {
          await window.lectern.annotate({ articleId: i, start: s, end: s + a, tags: ['carried'] });
          await window.lectern.annotate({
            articleId: i,
            start: d,
            end: d + b,
            tags: ['dropped'],
            note: 'not in the KUNA copy',
          });
        },
        seed0,
        survives,
        dropped,
        SURVIVES.length,
        DROPPED.length,
      );
      await openArticle(page, seed1);
      await page.waitForSelector(`${byTestId('highlight')}[data-kind="carried"]`, { timeout: 15000 });
      const carried = await page.$$eval(`${byTestId('highlight')}[data-kind="carried"]`, (m) =>
        m.map((x) => x.textContent).join(''),
      );
      assert.ok(
        carried.includes('willingness to work together with China to advance multipolarity'),
        carried,
      );
      assert.ok(await page.$(`${byTestId('sidebar-item')}[data-kind="carried"]`));
      await page.waitForSelector(byTestId('missing-item'));
      const missing = await page.$$eval(byTestId('missing-item'), (m) =>
        m.map((x) => x.textContent).join('\n'),
      );
      assert.ok(missing.includes('Putin asked Wang') && missing.includes('not in this version'), missing);
      await page.screenshot({ path: join(shots, `e2e-${name}-annotations-carried.png`) });
      assert.deepEqual(problems, []);
    });

    test('export: the collection object, and a download of the file (Chromium)', async () => {
      const exported = await page.evaluate(() => window.lectern.exportAnnotations());
      assert.equal(exported.type, 'AnnotationCollection');
      assert.equal(exported['@context'], 'http://www.w3.org/ns/anno.jsonld');
      assert.equal(exported.total, (await annotations(page)).length);
      assert.equal(exported.first.type, 'AnnotationPage');
      for (const a of exported.first.items) {
        assert.ok(a.target.selector.some((s) => s.type === 'TextPositionSelector'));
        assert.match(a.target.source['schema:sha256'], /^[0-9a-f]{64}$/);
      }
      writeFileSync(join(files, 'mine.json'), JSON.stringify(exported));
      if (name === 'chromium') {
        const downloads = mkdtempSync(join(tmpdir(), 'lectern-downloads-'));
        const cdp = await page.createCDPSession();
        await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
        await page.evaluate(() => {
          location.hash = '#annotations';
        });
        await page.waitForSelector(byTestId('annotations-view'), { visible: true });
        await page.click(byTestId('export-json'));
        const deadline = Date.now() + 10000;
        let file;
        while (!file && Date.now() < deadline) {
          file = readdirSync(downloads).find((f) => f.endsWith('.json'));
          if (!file) await new Promise((r) => setTimeout(r, 100));
        }
        assert.ok(file, 'a .json file was downloaded');
        assert.match(file, /^lectern-annotations-\d{4}-\d\d-\d\d\.json$/);
        await new Promise((r) => setTimeout(r, 300));
        const downloaded = JSON.parse(readFileSync(join(downloads, file), 'utf8'));
        assert.equal(downloaded.total, exported.total);
        rmSync(downloads, { recursive: true, force: true });
      }
      assert.deepEqual(problems, []);
    });

    test('a fresh profile: import my export, merge two authors, list errors, orphans attached by hand', async () => {
      const fresh = await launch(name);
      try {
        const p2 = await openPage(fresh.browser, problems, VIEWPORT);
        const mine = JSON.parse(readFileSync(join(files, 'mine.json'), 'utf8'));
        // The seeds are there, the emoji article is not: its annotations are orphans, kept.
        const r = await p2.evaluate((x) => window.lectern.importAnnotations(x), mine);
        assert.equal(r.imported, mine.total);
        assert.equal(r.orphaned, 2, JSON.stringify(r));
        assert.deepEqual(r.errors, []);
        const again = await p2.evaluate((x) => window.lectern.importAnnotations(JSON.stringify(x)), mine);
        assert.equal(again.imported, 0);
        assert.equal(again.duplicates, mine.total, 'duplicates recognised');
        // Two authors' files, through the file input, into my copy of the article.
        await p2.evaluate(
          (t) => window.lectern.loadArticles([{ name: 'article.txt', text: t }]),
          readFileSync(join(fixtures, 'article.txt'), 'utf8'),
        );
        await p2.evaluate(() => {
          location.hash = '#annotations';
        });
        await p2.waitForSelector(byTestId('annotations-view'), { visible: true });
        const input = await p2.$(byTestId('import-annotations-input'));
        await input.uploadFile(join(fixtures, 'alice.json'));
        await p2.waitForSelector(`${byTestId('message')}[data-key="annotations:alice.json"]`);
        // The main "Import files…" input tells an annotation file from an article file.
        await (await p2.$(byTestId('import-input'))).uploadFile(join(fixtures, 'bob.json'));
        await p2.waitForSelector(`${byTestId('message')}[data-key="annotations:bob.json"]`);
        const bobText = await p2.$eval(
          `${byTestId('message')}[data-key="annotations:bob.json"]`,
          (m) => m.textContent,
        );
        assert.match(
          bobText,
          /added 1 annotation, 1 annotation already here, 1 conflicting version kept side by side/,
        );
        await p2.waitForSelector(byTestId('conflict-versions'));
        const versions = await p2.$$eval(
          `${byTestId('conflict-versions')} ${byTestId('conflict-version')}`,
          (v) => v.map((x) => x.textContent),
        );
        assert.ok(
          versions.some((v) => v.includes('Bob')) && versions.some((v) => v.includes('Alice')),
          versions.join('|'),
        );
        // Filter by author.
        const bobKey = await p2.$eval(
          byTestId('filter-author'),
          (s) => [...s.options].find((o) => o.textContent.startsWith('Bob'))?.value,
        );
        // The view lists in slices and puts the cards in at once: wait for the filtered list.
        const allItems = await p2.$$eval(byTestId('annotation-item'), (li) => li.length);
        await p2.select(byTestId('filter-author'), bobKey);
        await p2.waitForFunction(
          (sel, n) => document.querySelectorAll(sel).length !== n,
          {},
          byTestId('annotation-item'),
          allItems,
        );
        const bobItems = await p2.$$eval(byTestId('annotation-item'), (li) => li.length);
        assert.equal(bobItems, 2, 'Bob made two (one his, one the newer version of a shared one)');
        await p2.select(byTestId('filter-author'), '');
        // A broken file: per-annotation errors listed, the valid one imported.
        await input.uploadFile(join(fixtures, 'some-broken.json'));
        await p2.waitForSelector(
          `${byTestId('message')}[data-key="annotations:some-broken.json"] ${byTestId('message-details')}`,
        );
        const details = await p2.$$eval(
          `${byTestId('message')}[data-key="annotations:some-broken.json"] ${byTestId('message-details')} li`,
          (li) => li.map((x) => x.textContent),
        );
        assert.ok(
          details.length >= 8 && details.every((d) => /^first\.items\[\d+\]/.test(d)),
          details.join('\n'),
        );
        await input.uploadFile(join(fixtures, 'not-json.json'));
        await p2.waitForSelector(
          `${byTestId('message')}[data-kind="error"][data-key="annotations:not-json.json"]`,
        );
        // Orphans: the edited copy of the article, where one of Alice's passages was dropped.
        await p2.evaluate(
          async (t) => {
            const [v1] = window.lectern.articles().filter((a) => a.title.startsWith('Harbour city'));
            await window.lectern.removeArticle(v1.id);
            await window.lectern.loadArticles([{ name: 'article-v2.txt', text: t }]);
          },
          readFileSync(join(fixtures, 'article-v2.txt'), 'utf8'),
        );
        await p2.waitForSelector(`${byTestId('message')}[data-key="adopted"]`); // the others found their place in v2
        await p2.evaluate(() => {
          location.hash = '#library';
          location.hash = '#annotations';
        });
        await p2.waitForSelector(byTestId('orphan-item'));
        const orphanIds = await p2.$$eval(byTestId('orphan-item'), (li) => li.map((x) => x.dataset.id));
        assert.ok(orphanIds.includes('urn:uuid:6c1b0f5e-1111-4a8e-9d0b-000000000003'), orphanIds.join());
        await p2.screenshot({ path: join(shots, `e2e-${name}-annotations-collection.png`) });
        // Found and clicked in one step: the list may be redrawn as the last placements come in.
        await p2.$eval(
          `${byTestId('orphan-item')}[data-id="urn:uuid:6c1b0f5e-1111-4a8e-9d0b-000000000003"] ${byTestId('attach-orphan')}`,
          (b) => /** @type {HTMLElement} */ (b).click(),
        );
        const v2 = await articleId(p2, 'Harbour city');
        await p2.waitForFunction(() => document.getElementById('app').dataset.view === 'reader');
        await openArticle(p2, v2);
        await selectText(p2, 'The repairs cost 12 million euros');
        await p2.click(byTestId('toolbar-attach'));
        await p2.waitForFunction(
          () =>
            !window.lectern.annotations().length ||
            window.lectern
              .annotations()
              .some(
                (a) =>
                  a.id.endsWith('000000000003') &&
                  a.target.selector[0].exact === 'The repairs cost 12 million euros',
              ),
        );
        const attached = (await annotations(p2)).find((a) => a.id.endsWith('000000000003'));
        assert.equal(quoteOf(attached), 'The repairs cost 12 million euros');
        assert.ok(attached['lectern:conflicts'], 'the conflicting versions are kept');
        await assertNothingRan(p2);
      } finally {
        await fresh.close();
      }
      assert.deepEqual(problems, []);
    });

    test('XSS payloads in notes, tags, titles, article HTML and file names stay text', async () => {
      const payload = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
      const html = `<html><head><title>T<script>window.pwned=3</script></title></head><body><h1>${payload} headline</h1><p>Body text <a href="javascript:window.pwned=4">link</a> with <b onclick="window.pwned=5">bold</b> words. Second sentence here.</p></body></html>`;
      const [{ id }] = await page.evaluate(
        (h) => window.lectern.loadArticles([{ name: '"><img src=x onerror=window.pwned=6>.html', text: h }]),
        html,
      );
      const r = await page.evaluate(
        (i, p) =>
          window.lectern.annotate({
            articleId: i,
            start: 0,
            end: 9,
            tags: [p, '"><svg onload=window.pwned=7>'],
            note: `${p}\n\n[x](javascript:window.pwned=8) **${p}** <javascript:alert(9)>`,
          }),
        id,
        payload,
      );
      assert.match(r, /^urn:uuid:/);
      await openArticle(page, id);
      await page.waitForSelector(byTestId('sidebar-item'));
      // An annotation file with payloads in every field, under a hostile file name.
      const evil = {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        id: 'urn:uuid:00000000-0000-4000-8000-00000000x5s5'.replace('x5s5', 'abcd'),
        created: '2024-01-01T00:00:00Z',
        modified: '2024-01-01T00:00:00Z',
        creator: { type: 'Person', name: payload, id: 'javascript:window.pwned=10' },
        body: [
          {
            type: 'TextualBody',
            purpose: 'tagging',
            value: payload,
            'schema:color': 'red;background:url(javascript:x)',
          },
          {
            type: 'TextualBody',
            purpose: 'commenting',
            value: `[a](javascript:window.pwned=11) ${payload}`,
            format: 'text/markdown',
          },
        ],
        target: {
          source: { id: 'javascript:window.pwned=12', type: 'Text', 'dc:title': payload },
          selector: [{ type: 'TextQuoteSelector', exact: 'Body text' }],
        },
      };
      const evilName = join(files, '"><img src=x onerror=window.pwned=13>.json');
      writeFileSync(evilName, JSON.stringify(evil));
      await page.evaluate(() => {
        location.hash = '#annotations';
      });
      await page.waitForSelector(byTestId('annotations-view'), { visible: true });
      const input = await page.$(byTestId('import-annotations-input'));
      await input.uploadFile(evilName);
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid="message"]')].some((m) =>
          m.textContent.includes('onerror=window.pwned=13'),
        ),
      );
      await page.type(byTestId('annotations-search'), 'pwned');
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="annotation-item"]').length >= 2,
      );
      await page.screenshot({ path: join(shots, `e2e-${name}-annotations-xss.png`) });
      await openArticle(page, id);
      await page.waitForSelector(byTestId('sidebar-item'));
      await new Promise((r) => setTimeout(r, 300));
      await assertNothingRan(page);
      // The Markdown and HTML reports escape it too (their text is checked, not rendered).
      const md = await page.evaluate(async () => {
        const o = await window.lectern.exportAnnotations();
        return JSON.stringify(o).includes('<img src=x onerror');
      });
      assert.ok(md, 'the export keeps the text as written');
      assert.deepEqual(problems, []);
    });

    test('storage that refuses writes: a clear message, nothing lost, saved once it works again', async () => {
      await page.evaluate(() => {
        const original = IDBDatabase.prototype.transaction;
        window.restoreStorage = () => {
          IDBDatabase.prototype.transaction = original;
        };
        IDBDatabase.prototype.transaction = function (names, mode, ...rest) {
          if (mode === 'readwrite' && [].concat(names).includes('annotations'))
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return original.call(this, names, mode, ...rest);
        };
      });
      const n = (await annotations(page)).length;
      await page.evaluate(
        (i) => window.lectern.annotate({ articleId: i, start: 0, end: 12, tags: ['while-full'] }),
        seed1,
      );
      await page.waitForSelector(`${byTestId('message')}[data-key="annotation-storage"]`);
      const text = await page.$eval(
        `${byTestId('message')}[data-key="annotation-storage"]`,
        (m) => m.textContent,
      );
      assert.match(text, /full \(quota exceeded\)/);
      assert.equal((await annotations(page)).length, n + 1, 'kept in memory');
      await page.evaluate(() => window.restoreStorage());
      await page.evaluate(
        (i) => window.lectern.annotate({ articleId: i, start: 13, end: 30, tags: ['after'] }),
        seed1,
      );
      await new Promise((r) => setTimeout(r, 300));
      await page.reload();
      await page.evaluate(() => window.lectern.ready);
      assert.equal((await annotations(page)).length, n + 2, 'both written once storage worked again');
      assert.deepEqual(problems, []);
    });
  });
}
