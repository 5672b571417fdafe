// Entities in the reader, in Chromium, Firefox ESR and WebKit from file://: the seed story's people,
// places, organisations and dates marked by type, the legend's toggles, the panel's jumps, the
// tooltip, corrections (reject a mention, mark selected text) that persist across a reload and
// travel in the annotation export, and window.lectern.entities / entityIndex.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSERS, launch, openPage } from './browsers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shots = join(root, 'out');
mkdirSync(shots, { recursive: true });
const byTestId = (id) => `[data-testid="${id}"]`;
const SEED_000_TITLE = 'Russia to work with China for multipolarity, fair intl order, says Putin';

for (const name of BROWSERS) {
  describe(`${name}: entities in the reader`, () => {
    let profile, session, page, id;
    const problems = [];

    before(async () => {
      profile = mkdtempSync(join(tmpdir(), `lectern-entities-${name}-`));
      session = await launch(name, profile);
      page = await openPage(session.browser, problems);
      id = await page.evaluate(
        (t) => window.lectern.articles().find((a) => a.title === t).id,
        SEED_000_TITLE,
      );
      await page.evaluate((x) => {
        location.hash = `#article=${x}`;
      }, id);
      await page.waitForSelector(`${byTestId('entity')}[data-type="PER"]`, { visible: true });
    });
    after(async () => {
      await session?.close();
      rmSync(profile, { recursive: true, force: true });
    });

    test('window.lectern.entities gives code point offsets, types, canonical ids and date values', async () => {
      const { mentions, body } = await page.evaluate(
        async (x) => ({
          mentions: await window.lectern.entities(x),
          body: window.lectern.article(x).body,
        }),
        id,
      );
      const points = [...body];
      for (const m of mentions)
        assert.equal(points.slice(m.start, m.end).join(''), m.text, JSON.stringify(m));
      const find = (text) => mentions.find((m) => m.text === text);
      assert.equal(find('Vladimir Putin')?.type, 'PER');
      assert.equal(find('Wang Yi')?.entity, 'PER:wang yi');
      assert.equal(find('St. Petersburg')?.type, 'LOC');
      // Seed 000 is dated 2024-09-13: "on Thursday" is the day before, "next month" October.
      assert.ok(
        mentions.some((m) => m.type === 'DATE' && m.value === '2024-09-12'),
        'Thursday resolved',
      );
      assert.ok(
        mentions.some((m) => m.type === 'DATE' && m.value === '2024-10'),
        'next month resolved',
      );
      await assert.rejects(page.evaluate(() => window.lectern.entities('no-such-article')));
    });

    test('the index joins KUNA\'s "Putin" to Vladimir Putin and counts both articles', async () => {
      const index = await page.evaluate(() => window.lectern.entityIndex());
      const putin = index.find((e) => e.entity === 'PER:vladimir putin');
      assert.ok(putin, JSON.stringify(index.slice(0, 5)));
      assert.equal(putin.name, 'Vladimir Putin');
      assert.ok(putin.articles.includes(id) && putin.articles.length >= 2, JSON.stringify(putin));
      assert.ok(!index.some((e) => e.entity === 'PER:putin'));
      // The reader's marks name it from the index.
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('[data-testid="entity"][data-entity="PER:vladimir putin"]')].some(
            (e) => /in [2-9] articles/.test(e.getAttribute('title') ?? ''),
          ),
        { timeout: 10000 },
      );
    });

    test('the legend hides and shows a type; the panel jumps through mentions with a tooltip', async () => {
      const toggle = `${byTestId('entity-toggle')}[data-type="LOC"]`;
      assert.equal(await page.$eval(toggle, (b) => b.getAttribute('aria-pressed')), 'true');
      const count = await page.$eval(toggle, (b) => Number(b.querySelector('.entity-count').textContent));
      const marks = await page.$$eval(`${byTestId('entity')}[data-type="LOC"]`, (m) => m.length);
      assert.ok(count >= 3 && count === marks, `${count} counted, ${marks} marked`);
      await page.click(toggle);
      assert.equal(await page.$eval(toggle, (b) => b.getAttribute('aria-pressed')), 'false');
      const hidden = await page.$eval(
        `${byTestId('entity')}[data-type="LOC"]`,
        (e) => getComputedStyle(e).borderTopColor,
      );
      assert.match(hidden, /rgba\(0, 0, 0, 0\)|transparent/);
      await page.screenshot({ path: join(shots, `e2e-${name}-entities-places-hidden.png`) });
      await page.click(toggle);
      assert.equal(await page.$eval(toggle, (b) => b.getAttribute('aria-pressed')), 'true');

      await page.click(byTestId('entity-panel-toggle'));
      await page.waitForSelector(byTestId('entity-panel'), { visible: true });
      const item = `${byTestId('entity-item')}[data-entity="PER:wang yi"]`;
      const times = await page.$eval(item, (b) =>
        Number(b.querySelector('[data-testid="entity-mentions"]').textContent.slice(1)),
      );
      assert.ok(times >= 2, `${times} mentions of Wang Yi`);
      const focused = [];
      for (let i = 0; i < times + 1; i++) {
        await page.click(item);
        focused.push(
          await page.evaluate(() => {
            const e = document.activeElement;
            return e?.getAttribute('data-entity') + '@' + e?.getAttribute('data-mention');
          }),
        );
      }
      assert.ok(
        focused.every((f) => f.startsWith('PER:wang yi@')),
        focused.join(),
      );
      assert.equal(new Set(focused.slice(0, times)).size, times, 'each mention once');
      assert.equal(focused[times], focused[0], 'then round again');
      await page.waitForSelector(byTestId('entity-tooltip'), { visible: true });
      assert.match(await page.$eval(byTestId('entity-tooltip'), (t) => t.textContent), /^Person: Wang Yi/);
      await page.screenshot({ path: join(shots, `e2e-${name}-entities-panel.png`) });
    });

    test('corrections: reject a mention, mark selected text; they persist and travel in the export', async () => {
      const target = `${byTestId('entity')}[data-entity="LOC:st. petersburg"]`;
      const before = await page.$$eval(target, (m) => m.length);
      assert.ok(before >= 1);
      await page.click(target);
      await page.waitForSelector(byTestId('entity-card'), { visible: true });
      await page.click(byTestId('entity-reject'));
      await page.waitForFunction((s, n) => document.querySelectorAll(s).length === n - 1, {}, target, before);

      // Select "multipolarity" in the body, then Entity… → Organisation (a wrong but testable call).
      await page.evaluate(() => {
        const bodyEl = document.querySelector('[data-testid="reader-body"]');
        const walker = document.createTreeWalker(bodyEl, NodeFilter.SHOW_TEXT);
        for (let t = walker.nextNode(); t; t = walker.nextNode()) {
          const at = (t.textContent ?? '').indexOf('multipolarity');
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(t, at);
          range.setEnd(t, at + 'multipolarity'.length);
          const s = document.getSelection();
          s.removeAllRanges();
          s.addRange(range);
          return;
        }
        throw new Error('no "multipolarity" in the body');
      });
      await page.waitForSelector(byTestId('toolbar-entity'), { visible: true });
      await page.click(byTestId('toolbar-entity'));
      await page.click(`${byTestId('entity-mark')}[data-type="ORG"]`);
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid="entity"][data-type="ORG"]')].some(
          (e) => e.textContent === 'multipolarity',
        ),
      );
      const exported = await page.evaluate(() => window.lectern.exportAnnotations());
      const items = exported.first?.items ?? exported.items ?? [];
      const values = items.map(
        (a) => `${a.motivation}:${(Array.isArray(a.body) ? a.body : [a.body])[0]?.value}`,
      );
      assert.ok(values.includes('classifying:none'), values.join());
      assert.ok(values.includes('classifying:ORG'), values.join());
      // Corrections are no highlights.
      assert.equal(await page.$$eval(byTestId('highlight'), (m) => m.length), 0);
      assert.deepEqual(await page.evaluate((x) => window.lectern.annotations(x), id), []);

      await page.reload();
      await page.evaluate(() => window.lectern.ready);
      await page.waitForSelector(`${byTestId('entity')}[data-type="ORG"]`, { visible: true });
      const mentions = await page.evaluate((x) => window.lectern.entities(x), id);
      assert.ok(
        !mentions.some((m) => m.entity === 'LOC:st. petersburg' && m.start < 20),
        'the rejected one stays out',
      );
      assert.ok(mentions.some((m) => m.text === 'multipolarity' && m.type === 'ORG'));
      assert.deepEqual(problems, []);
    });

    // Firefox under WebDriver BiDi cannot emulate the colour scheme: there, light mode only.
    test('entities stay legible under a highlight (light, and dark in Chromium)', async () => {
      await page.evaluate(
        (x) => window.lectern.annotate({ articleId: x, start: 15, end: 60, tags: ['key'] }),
        id,
      );
      await page.waitForSelector(byTestId('highlight'));
      await page.screenshot({ path: join(shots, `e2e-${name}-entities-light.png`) });
      if (name === 'chromium') {
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
        await page.screenshot({ path: join(shots, `e2e-${name}-entities-dark.png`) });
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
      }
      // Where they overlap, the highlight's mark is inside the mention's span: it paints on top.
      assert.ok(await page.$('[data-testid="entity"] [data-testid="highlight"]'), 'a mark inside a mention');
      assert.deepEqual(problems, []);
    });
  });
}
