// The collection's entity index (#entities) and the library's "articles mentioning …" filter in
// dist/lectern.html from file://, in Chromium, Firefox ESR and WebKit, on the seed articles. The core finds
// "Vladimir Putin" in four of them (KUNA's lone "Putin" joined to him) but not in Xinhua's, and
// "Sergei Shoigu" in Xinhua's only; KUNA cuts "Political Bureau of the …" to "Bureau of the …",
// which the user merges back. The index lists every entity the core's index has, sorts by any
// column, shows what one outlet mentions or leaves out, draws each entity's dates on a timeline;
// "4 articles" opens the library filtered to them (a URL that survives Back and a reload); a merge
// leaves one row, is kept across a reload and travels in the export as an "identifying" annotation.
//
// LECTERN_PAGE=path/to/other.html runs it against another build; LECTERN_BROWSERS=chromium (or
// firefox) in one browser only. Screenshots go to out/.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSERS, launch, openPage, pagePath } from './browsers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shots = join(root, 'out');
mkdirSync(shots, { recursive: true });
assert.ok(existsSync(pagePath), `build ${pagePath} first`);

const VLADIMIR = 'PER:vladimir putin';
const SHOIGU = 'PER:sergei shoigu';
const POLITBURO = 'ORG:political bureau of the communist party of china central committee';
const BUREAU = 'ORG:bureau of the communist party of china central committee';
const byTestId = (id) => `[data-testid="${id}"]`;
const rowOf = (entity) => `${byTestId('entity-row')}[data-entity="${entity}"]`;

for (const name of process.env.LECTERN_BROWSERS?.split(',') ?? BROWSERS) {
  describe(`${name}: the entity index and "articles mentioning …"`, () => {
    let session, page;
    /** @type {{id: string, title: string, source: string}[]} */
    let articles;
    const problems = [];

    before(async () => {
      session = await launch(name);
      page = await openPage(session.browser, problems);
      articles = await page.evaluate(() => window.lectern.articles());
      assert.equal(articles.length, 5, 'the seeds are there');
    });
    after(async () => {
      await session?.close();
    });

    const hash = () => page.evaluate(() => location.hash);
    const waitReady = () =>
      page.waitForSelector(`${byTestId('entity-index')}[data-state="ready"]`, { timeout: 30000 });
    /** The rendered rows of the index: entity id, type, name, "N articles", mentions, outlets. */
    const indexRows = () =>
      page.$$eval(byTestId('entity-row'), (trs) =>
        trs.map((tr) => ({
          entity: tr.dataset.entity,
          type: tr.dataset.type,
          name: tr.querySelector('[data-testid="entity-name"]').textContent,
          articles: tr.querySelector('[data-testid="entity-articles"]').textContent,
          mentions: Number(
            tr.querySelector('[data-testid="entity-mentions"]').textContent.replace(/\D/g, ''),
          ),
          outlets: [...tr.querySelectorAll('[data-testid="entity-outlet"]')].map(
            (o) => /** @type {HTMLElement} */ (o).dataset.outlet,
          ),
        })),
      );
    const libraryIds = () =>
      page.$$eval(byTestId('library-row'), (trs) => trs.map((tr) => tr.dataset.id).sort());
    const idsOf = (pick) =>
      articles
        .filter(pick)
        .map((a) => a.id)
        .sort();
    /** Waits until the index shows (or no longer shows) a row for `entity`. */
    const waitRow = (entity, present = true) =>
      page.waitForFunction(
        (sel, want) => Boolean(document.querySelector(sel)) === want,
        { timeout: 30000 },
        rowOf(entity),
        present,
      );
    const waitChip = (pattern) =>
      page.waitForFunction(
        (source) =>
          new RegExp(source).test(
            document.querySelector('[data-testid="mentioning-chip"]')?.textContent ?? '',
          ),
        { timeout: 30000 },
        pattern.source,
      );
    /** The annotations of the export that are identifying corrections. */
    const identifying = () =>
      page.evaluate(async () => {
        const exported = await window.lectern.exportAnnotations();
        const items = exported.first?.items ?? exported.items ?? [];
        return items.filter((a) => a.motivation === 'identifying');
      });

    test('the top bar opens #entities: every entity of the index, most mentioned first, with outlets and a timeline', async () => {
      await page.click(byTestId('entities-button'));
      assert.equal(await hash(), '#entities');
      assert.match(await page.$eval(byTestId('entity-index'), (el) => el.dataset.state), /^(pending|ready)$/);
      await waitReady();
      const rows = await indexRows();
      const index = await page.evaluate(() => window.lectern.entityIndex());
      assert.ok(index.length > 10 && index.length < 200, `${index.length} entities, all on one page`);
      assert.deepEqual(
        rows.map((r) => r.entity),
        index.map((e) => e.entity),
        'the rows are the index, in its order',
      );
      assert.ok(rows.every((r, i) => i === 0 || rows[i - 1].mentions >= r.mentions));
      assert.match(
        await page.$eval(byTestId('entity-index-count'), (e) => e.textContent),
        new RegExp(`^${index.length} entities$`),
      );

      const vladimir = rows.find((r) => r.entity === VLADIMIR);
      assert.deepEqual(
        vladimir && { type: vladimir.type, name: vladimir.name, articles: vladimir.articles },
        { type: 'PER', name: 'Vladimir Putin', articles: '4 articles' },
      );
      assert.ok(!rows.some((r) => r.entity === 'PER:putin'), 'KUNA\'s "Putin" is him');
      assert.deepEqual([...vladimir.outlets].sort(), ['China Daily', 'EFE', 'KUNA']);
      assert.equal(
        await page.$eval(`${rowOf(VLADIMIR)} .outlet-share`, (e) => e.textContent),
        '3/4',
        'three of the four outlets',
      );

      // His dates: Oct 2022 (EFE), Apr 2024 (undated outlet), Sep 2024 (China Daily, KUNA). The
      // seeds span two years, so the axis is by month and the bars are 1, 1 and 2.
      const timeline = await page.$eval(`${rowOf(VLADIMIR)} ${byTestId('entity-timeline')}`, (svg) => ({
        unit: svg.getAttribute('data-unit'),
        bars: [...svg.querySelectorAll('rect')].map((r) => Number(r.getAttribute('data-count'))),
        tops: [...svg.querySelectorAll('rect')].map((r) => Number(r.getAttribute('height'))),
      }));
      assert.equal(timeline.unit, 'month');
      assert.deepEqual(timeline.bars, [1, 1, 2]);
      assert.ok(timeline.tops[2] > timeline.tops[0], 'two articles draw a taller bar than one');
      // en-GB says "Sept" in recent ICU (Chromium), "Sep" in older.
      assert.match(
        await page.$eval(`${rowOf(VLADIMIR)} ${byTestId('entity-dates')}`, (e) => e.textContent),
        /^Oct 2022 – Sept? 2024$/,
      );
      assert.match(
        await page.$eval(byTestId('entity-axis'), (e) => e.textContent),
        /^Oct 2022 – Sept? 2024$/,
        'the shared axis is named under "Dates"',
      );
      // Seed 003 has no outlet: its Sergey Lavrov says so rather than leaving the cell blank.
      assert.equal(
        await page.$eval(`${rowOf('PER:sergey lavrov')} .outlet-cell`, (e) => e.textContent),
        '0/4outlet not known',
      );
      // Long names are cut with an ellipsis inside their column, never over the next one.
      const overflow = await page.$eval(`${rowOf(POLITBURO)} ${byTestId('entity-name')}`, (el) => {
        const cell = /** @type {HTMLElement} */ (el.closest('td')).getBoundingClientRect();
        return el.getBoundingClientRect().right - cell.right;
      });
      assert.ok(overflow <= 0, `the name ends ${overflow}px past its cell`);

      await page.screenshot({ path: join(shots, `e2e-${name}-entity-index.png`) });
      if (name === 'chromium') {
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
        await page.screenshot({ path: join(shots, `e2e-${name}-entity-index-dark.png`) });
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
      }
    });

    test('a click on a header sorts by it; again, the other way; the header says which', async () => {
      const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
      const ariaSort = (column) =>
        page.$eval(`th:has(> ${byTestId(`entity-sort-${column}`)})`, (th) => th.getAttribute('aria-sort'));
      await page.click(byTestId('entity-sort-name'));
      let names = (await indexRows()).map((r) => r.name);
      assert.deepEqual(names, [...names].sort(collator.compare));
      assert.notEqual(names[0], 'China', 'no longer the most mentioned first');
      assert.equal(await ariaSort('name'), 'ascending');
      await page.click(byTestId('entity-sort-name'));
      names = (await indexRows()).map((r) => r.name);
      assert.deepEqual(names, [...names].sort(collator.compare).reverse());
      assert.equal(await ariaSort('name'), 'descending');

      await page.click(byTestId('entity-sort-articles'));
      assert.equal(await ariaSort('name'), 'none');
      assert.equal(await ariaSort('articles'), 'descending');
      const counts = (await indexRows()).map((r) => parseInt(r.articles, 10));
      assert.ok(
        counts.every((n, i) => i === 0 || counts[i - 1] >= n),
        counts.join(','),
      );
      assert.equal(counts[0], articles.length, 'China and Russia are in every seed');
      assert.equal(counts.at(-1), 1);

      await page.click(byTestId('entity-sort-first'));
      const firsts = await page.$$eval(byTestId('entity-row'), (trs) =>
        trs.map((tr) => tr.querySelector('[data-testid="entity-dates"]').getAttribute('title') ?? ''),
      );
      assert.match(firsts[0], /2022/, 'the oldest first');
      assert.match(firsts.at(-1), /2024/);
    });

    test('per outlet: what Xinhua mentions, and what it leaves out that others carry', async () => {
      await page.select(byTestId('entity-index-outlet'), 'Xinhua');
      let rows = await indexRows();
      assert.ok(rows.length > 3 && rows.every((r) => r.outlets.includes('Xinhua')), JSON.stringify(rows));
      assert.ok(rows.some((r) => r.entity === SHOIGU));
      assert.ok(!rows.some((r) => r.entity === VLADIMIR));
      assert.equal(rows[0].outlets[0], 'Xinhua', 'the chosen outlet comes first in a row');

      await page.select(byTestId('entity-index-presence'), 'not-in');
      rows = await indexRows();
      assert.ok(rows.length > 3 && rows.every((r) => !r.outlets.includes('Xinhua')));
      assert.ok(rows.some((r) => r.entity === VLADIMIR) && !rows.some((r) => r.entity === SHOIGU));
      assert.equal(
        await page.$eval(`${rowOf(VLADIMIR)} ${byTestId('entity-outlet-absent')}`, (e) => e.textContent),
        'not in Xinhua',
      );
      await page.screenshot({ path: join(shots, `e2e-${name}-entity-index-outlet.png`) });

      // Type and search narrow it further; the type chip counts the whole index's people.
      await page.click(`${byTestId('entity-index-type')} [data-type="PER"]`);
      rows = await indexRows();
      assert.ok(rows.length >= 2 && rows.every((r) => r.type === 'PER'), JSON.stringify(rows));
      await page.type(byTestId('entity-index-search'), 'putin');
      assert.deepEqual(
        (await indexRows()).map((r) => r.entity),
        [VLADIMIR],
      );

      // Back to everything.
      await page.select(byTestId('entity-index-presence'), 'in');
      await page.select(byTestId('entity-index-outlet'), '');
      await page.$eval(byTestId('entity-index-search'), (input) => {
        /** @type {HTMLInputElement} */ (input).value = '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      const people = await page.$eval(`${byTestId('entity-index-type')} [data-type="PER"] .type-count`, (e) =>
        Number(e.textContent),
      );
      assert.equal((await indexRows()).length, people, 'the chip counts what its filter shows');
      await page.click(`${byTestId('entity-index-type')} [data-type=""]`);
      const all = await indexRows();
      assert.ok(all.some((r) => r.type === 'LOC') && all.some((r) => r.type === 'ORG'));
    });

    test('"4 articles" opens the library filtered to them; the chip clears it; Back and a reload keep it', async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.click(`${rowOf(VLADIMIR)} ${byTestId('entity-articles')}`);
      await waitChip(/^Mentioning: Vladimir Putin \(4\)$/);
      assert.equal(await hash(), '#library&mentioning=PER%3Avladimir%20putin');
      const expected = idsOf((a) => a.source !== 'Xinhua');
      assert.equal(expected.length, 4);
      assert.deepEqual(await libraryIds(), expected);
      assert.match(await page.$eval(byTestId('article-count'), (e) => e.textContent), /^4 of 5 articles$/);
      await page.screenshot({ path: join(shots, `e2e-${name}-library-mentioning.png`) });

      await page.click(byTestId('mentioning-clear'));
      assert.equal((await libraryIds()).length, 5);
      assert.equal(await hash(), '#library');
      assert.equal(
        await page.$eval(byTestId('mentioning-chip'), (e) => /** @type {HTMLElement} */ (e).hidden),
        true,
      );

      await page.goBack();
      await waitChip(/Vladimir Putin \(4\)/);
      assert.deepEqual(await libraryIds(), expected, 'Back brings the filter back');

      await page.reload();
      await page.evaluate(() => window.lectern.ready);
      await waitChip(/Vladimir Putin \(4\)/);
      assert.deepEqual(await libraryIds(), expected, 'the link works on its own');
    });

    test('the library\'s "Mentioning…" field finds an entity by part of its name', async () => {
      await page.click(byTestId('mentioning-clear'));
      await page.click(byTestId('library-mentioning'));
      await page.type(byTestId('library-mentioning'), 'shoigu');
      await page.keyboard.press('Enter');
      await waitChip(/^Mentioning: Sergei Shoigu \(1\)$/);
      assert.equal(await hash(), '#library&mentioning=PER%3Asergei%20shoigu');
      assert.deepEqual(
        await libraryIds(),
        idsOf((a) => a.source === 'Xinhua'),
      );

      // A name nobody mentions: a warning, and the filter stays as it was.
      await page.type(byTestId('library-mentioning'), 'Nobody Atall');
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () => /Nobody Atall/.test(document.querySelector('.notices')?.textContent ?? ''),
        { timeout: 10000 },
      );
      assert.equal((await libraryIds()).length, 1);
      await page.click(byTestId('mentioning-clear'));
      await page.$eval(byTestId('library-mentioning'), (input) => {
        /** @type {HTMLInputElement} */ (input).value = '';
      });
    });

    test('merge KUNA\'s "Bureau of the …" into the Political Bureau: one row, kept after a reload, exported as identifying', async () => {
      await page.click(byTestId('entities-button'));
      await waitReady();
      await waitRow(BUREAU);
      assert.deepEqual(await identifying(), []);
      const before = (await indexRows()).find((r) => r.entity === POLITBURO);
      assert.equal(before?.articles, '2 articles');

      await page.click(`${rowOf(BUREAU)} ${byTestId('entity-merge')}`);
      await page.waitForSelector(byTestId('entity-merge-panel'));
      const candidates = await page.$$eval(`${byTestId('entity-merge-into')} option`, (os) =>
        os.map((o) => /** @type {HTMLOptionElement} */ (o).value),
      );
      assert.ok(candidates.includes(POLITBURO), candidates.join(' | '));
      assert.ok(
        candidates.every((c) => c.startsWith('ORG:') && c !== BUREAU),
        'organisations only, never itself',
      );
      await page.type(byTestId('entity-merge-search'), 'political');
      await page.select(byTestId('entity-merge-into'), POLITBURO);
      await page.click(byTestId('entity-merge-confirm'));
      await waitRow(BUREAU, false);
      const threeArticles = () =>
        page.waitForFunction(
          (sel) => document.querySelector(sel)?.textContent === '3 articles',
          { timeout: 30000 },
          `${rowOf(POLITBURO)} ${byTestId('entity-articles')}`,
        );
      await threeArticles();
      assert.ok((await indexRows()).find((r) => r.entity === POLITBURO).outlets.includes('KUNA'));
      // The panel went with the merged row: the focus is on the row merged into, and it is said.
      await page.waitForFunction(
        (sel) => document.activeElement?.closest(sel) != null,
        { timeout: 10000 },
        rowOf(POLITBURO),
      );
      await page.waitForFunction(
        () =>
          /^Merged “Bureau of the .*” into “Political Bureau of the .*”: 3 articles\.$/.test(
            document.querySelector('[data-testid="entity-index-announce"]')?.textContent ?? '',
          ),
        { timeout: 10000 },
      );
      await page.screenshot({ path: join(shots, `e2e-${name}-entity-merged.png`) });

      // The merge is an annotation: in the export, with what was merged into what.
      const exported = await identifying();
      assert.equal(exported.length, 1, JSON.stringify(exported));
      const [merge] = exported;
      assert.equal(merge.body?.[0]?.purpose, 'identifying');
      assert.equal(merge.body?.[0]?.value, POLITBURO);
      assert.equal(merge['lectern:scope'], 'entity');
      assert.equal(merge['lectern:entity'], BUREAU);
      const kuna = idsOf((a) => a.source === 'KUNA')[0];
      assert.match(JSON.stringify(merge.target), /Bureau of the Communist Party/);
      assert.equal(
        (await page.evaluate((id) => window.lectern.annotations(id), kuna)).length,
        0,
        'a correction is no highlight of the article',
      );

      // Stored: a reload shows the merged index.
      await page.reload();
      await page.evaluate(() => window.lectern.ready);
      assert.equal(await hash(), '#entities');
      await waitReady();
      await threeArticles();
      assert.ok(!(await indexRows()).some((r) => r.entity === BUREAU));
      assert.equal((await identifying()).length, 1);

      // The library follows the merge: three articles mention the Political Bureau now.
      await page.click(`${rowOf(POLITBURO)} ${byTestId('entity-articles')}`);
      await waitChip(/Political Bureau .*\(3\)/);
      assert.ok((await libraryIds()).includes(kuna));
      assert.equal((await libraryIds()).length, 3);
    });

    test('nothing went wrong on the way (no errors, no CSP violations, no network)', () => {
      assert.deepEqual(problems, []);
    });
  });
}
