// Versions of one story in dist/lectern.html from file://, in Chromium, Firefox ESR and WebKit: the seeds
// 000 (China Daily) and 001 (KUNA) tell one Xinhua story; the library groups them, the compare view
// lines them up (changed, merged, split, only-in-one rows; word changes; the summary; n/p, Esc,
// swap), the reader offers the comparison, a third version brings the variant table, and bad input
// (the same article twice, an unknown one, a one-word article) gives a message, never a hang.
// Needs the core's StoryClusterer and diffTexts.
//
// LECTERN_PAGE=path/to/other.html runs it against another build; LECTERN_BROWSERS=chromium (or
// firefox) in one browser only. Screenshots go to out/.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSERS, launch, openPage, pagePath, pageUrl } from './browsers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shots = join(root, 'out');
mkdirSync(shots, { recursive: true });
assert.ok(existsSync(pagePath), `build ${pagePath} first`);

const CHINA_DAILY = 'Russia to work with China for multipolarity, fair intl order, says Putin';
const byTestId = (id) => `[data-testid="${id}"]`;

/** A third version of the seeds' story: China Daily's text cut down, one sentence reworded, one added. */
function thirdVersion(body) {
  const paragraphs = body.split('\n\n');
  return [
    paragraphs[0].replace('on Thursday', 'on Thursday, Sept 12,'),
    paragraphs[1],
    paragraphs[3],
    paragraphs[5].replace('Putin thanks China', 'Putin also thanked China'),
    'The meeting lasted about an hour, according to the Kremlin press service.',
    paragraphs.at(-1),
  ].join('\n\n');
}

for (const name of process.env.LECTERN_BROWSERS?.split(',') ?? BROWSERS) {
  describe(`${name}: versions of one story`, () => {
    let session, page, cd, kuna;
    const problems = [];

    before(async () => {
      session = await launch(name);
      page = await openPage(session.browser, problems);
      await page.evaluate(() => window.lectern.clusters());
      const articles = await page.evaluate(() => window.lectern.articles());
      cd = articles.find((a) => a.title === CHINA_DAILY)?.id;
      kuna = articles.find((a) => a.source === 'KUNA')?.id;
      assert.ok(cd && kuna, 'the seeds are there');
    });
    after(async () => {
      await session?.close();
    });

    const hash = () => page.evaluate(() => location.hash);
    const waitCompared = () =>
      page.waitForSelector(`${byTestId('compare')}:not([data-state="pending"])`, { timeout: 20000 });

    test('the core groups the seeds 000 and 001; the library shows them together with their similarity', async () => {
      const clusters = await page.evaluate(() => window.lectern.clusters());
      const story = clusters.find((c) => c.members.includes(cd));
      assert.ok(story, JSON.stringify(clusters));
      assert.ok(story.members.includes(kuna), 'China Daily and KUNA are one story');
      const pair = story.pairs.find((p) => [p.a, p.b].includes(cd) && [p.a, p.b].includes(kuna));
      assert.ok(
        pair && pair.containment > 0 && pair.containment <= 1 && pair.jaccard <= pair.containment,
        JSON.stringify(pair),
      );
      await page.waitForSelector(`${byTestId('library-row')}.story`);
      const rows = await page.$$eval(byTestId('library-row'), (trs) =>
        trs.map((tr) => ({
          id: tr.dataset.id,
          story: tr.dataset.story ?? null,
          chip: tr.querySelector('.story-chip')?.textContent ?? '',
          title: tr.querySelector('.story-chip')?.title ?? '',
        })),
      );
      const i = rows.findIndex((r) => r.id === cd || r.id === kuna);
      assert.deepEqual(new Set([rows[i].id, rows[i + 1].id]), new Set([cd, kuna]), 'next to each other');
      assert.match(rows[i].chip, /2 versions · \d{1,3}% shared/);
      assert.match(rows[i + 1].chip, /\d{1,3}% shared/);
      assert.match(rows[i + 1].title, /shorter version's word sequences/);
      assert.equal(rows.length, 5, 'no row lost');
      // Sorting still works, and keeps the versions together.
      await page.click(byTestId('sort-words'));
      const sorted = await page.$$eval(byTestId('library-row'), (trs) => trs.map((tr) => tr.dataset.id));
      assert.equal(Math.abs(sorted.indexOf(cd) - sorted.indexOf(kuna)), 1);
      await page.click(byTestId('sort-words'));
      await page.screenshot({ path: join(shots, `e2e-${name}-library-versions.png`) });
    });

    test('compare from the library: aligned rows, word changes, one-sided and merged/split rows, the summary', async () => {
      await page.click(`${byTestId('library-row')}[data-id="${cd}"] ${byTestId('compare-article')}`);
      await waitCompared();
      assert.equal(await hash(), `#compare=${cd},${kuna}`);
      assert.equal(
        await page.evaluate(() => /** @type {HTMLElement} */ (document.activeElement)?.id),
        'compare-heading',
        'focus moves to the view',
      );
      const view = await page.$eval(byTestId('compare'), (el) => ({
        state: el.dataset.state,
        outlets: [
          el.querySelector('[data-testid="compare-outlet-a"]').textContent,
          el.querySelector('[data-testid="compare-outlet-b"]').textContent,
        ],
        rows: [...el.querySelectorAll('[data-testid="compare-row"]')].map((tr) => ({
          kind: tr.dataset.kind,
          a: [...tr.querySelectorAll('[data-testid="compare-a"] .cmp-sentence')].length,
          b: [...tr.querySelectorAll('[data-testid="compare-b"] .cmp-sentence')].length,
          del: [...tr.querySelectorAll('[data-testid="compare-a"] del')].map((d) => d.textContent).join('|'),
          ins: [...tr.querySelectorAll('[data-testid="compare-b"] ins')].map((d) => d.textContent).join('|'),
          empty: tr.querySelector('[data-testid="compare-empty"]')?.textContent ?? null,
        })),
        summary: el.querySelector('[data-testid="compare-summary"]').textContent,
        named: [...el.querySelectorAll('[data-testid="named-change"]')].map((b) => b.textContent),
      }));
      assert.equal(view.state, 'ready');
      assert.deepEqual(view.outlets, ['China Daily', 'KUNA']);
      const first = view.rows[0];
      assert.equal(first.kind, 'changed');
      assert.match(first.del, /Thursday/);
      assert.match(first.ins, /Friday/);
      const onlyA = view.rows.filter((r) => r.kind === 'onlyA');
      assert.ok(onlyA.length >= 2, 'KUNA drops sentences');
      assert.ok(onlyA.every((r) => r.b === 0 && r.empty === 'Only in China Daily'));
      assert.ok(
        view.rows.some((r) => r.kind === 'merged' && r.a >= 2 && r.b === 1),
        'China Daily 4+5 merged in KUNA 3',
      );
      assert.ok(
        view.rows.some((r) => r.kind === 'split' && r.a === 1 && r.b >= 2),
        'China Daily 11 split in KUNA 7+8',
      );
      // Every sentence of both versions is shown once.
      assert.equal(
        view.rows.reduce((n, r) => n + r.a, 0),
        18,
      );
      assert.equal(
        view.rows.reduce((n, r) => n + r.b, 0),
        10,
      );
      assert.match(view.summary, /KUNA leaves out \d+ sentences? of China Daily's 18/);
      assert.ok(
        view.named.some((t) => /Thursday\s*→\s*Friday/.test(t)),
        view.named.join(', '),
      );
      await page.screenshot({ path: join(shots, `e2e-${name}-compare.png`) });
    });

    test('names, dates and numbers come from entities: a name cut short, a date changed, no dateline', async () => {
      // KUNA's first sentence cuts "Russian President Vladimir Putin" to "Vladimir" and says Friday for
      // Thursday; its dateline "BEIJING, Sept 13 (KUNA) --" stands where China Daily's
      // "ST. PETERSBURG -" does, and is no change.
      const named = await page.$$eval('[data-testid="named-type"]', (types) =>
        types.map((t) => ({
          type: t.dataset.type,
          label: t.querySelector('h3').textContent,
          chips: [...t.querySelectorAll('[data-testid="named-change"]')].map((b) => ({
            type: b.dataset.type,
            text: b.textContent.replace(/\s+/g, ' '),
            del: b.querySelector('del')?.textContent ?? '',
          })),
        })),
      );
      const people = named.find((t) => t.type === 'PER');
      assert.equal(people?.label, 'People', JSON.stringify(named));
      assert.ok(
        people.chips.some(
          (c) => c.type === 'PER' && c.del === 'Vladimir Putin' && /→ Vladimir$/.test(c.text),
        ),
        JSON.stringify(people),
      );
      const dates = named.find((t) => t.type === 'DATE');
      assert.ok(
        dates?.chips.some((c) => /Thursday → Friday/.test(c.text)),
        JSON.stringify(named),
      );
      assert.deepEqual(
        named.map((t) => t.type),
        ['PER', 'ORG', 'LOC', 'DATE', 'number', 'name'].filter((x) => named.some((t) => t.type === x)),
        'types in the order of the reader',
      );
      const first = await page.$$eval(
        `${byTestId('compare-row')}[data-group="0"] ${byTestId('row-callout')}`,
        (li) => li.map((x) => [x.dataset.type, x.textContent.replace(/\s+/g, ' ')]),
      );
      assert.deepEqual(first, [
        ['PER', 'Person changed: Vladimir Putin → Vladimir'],
        ['DATE', 'Date changed: Thursday → Friday'],
      ]);
      // No change shown anywhere names a word of either dateline (read from the articles).
      const datelines = await page.evaluate(
        (ids) => ids.map((id) => window.lectern.article(id).body.split('\n')[0].split(/ --? /)[0]),
        [cd, kuna],
      );
      const words = datelines.flatMap((d) => d.split(/[\s,().]+/).filter((w) => w.length > 1));
      assert.ok(words.includes('BEIJING') && words.includes('KUNA'), words.join(' '));
      const shown = await page.$$eval('[data-testid="named-change"], [data-testid="row-callout"]', (e) =>
        e.map((x) => x.textContent),
      );
      assert.ok(shown.length > 0);
      for (const text of shown) {
        for (const w of words) assert.ok(!new RegExp(`\\b${w}\\b`).test(text), `${text} names ${w}`);
      }
      const summary = await page.$(byTestId('compare-summary'));
      await summary.screenshot({ path: join(shots, `e2e-${name}-compare-entities.png`) });
      const row = await page.$(`${byTestId('compare-row')}[data-group="0"]`);
      await row.screenshot({ path: join(shots, `e2e-${name}-compare-first-row.png`) });
      assert.deepEqual(problems, []);
    });

    test('a change in the summary scrolls to its row and marks it; n and p step, Tab reaches the list', async () => {
      const items = await page.$$(byTestId('change-item'));
      assert.ok(items.length >= 5);
      const last = items.at(-1);
      const group = await last.evaluate((b) => b.dataset.group);
      await last.click();
      const row = `${byTestId('compare-row')}[data-group="${group}"]`;
      await page.waitForFunction(
        (sel) => {
          const tr = document.querySelector(sel);
          const r = tr.getBoundingClientRect();
          return tr.classList.contains('current') && r.top >= 0 && r.bottom <= window.innerHeight;
        },
        { timeout: 5000 },
        row,
      );
      assert.equal(await page.$eval(row, (tr) => tr.getAttribute('aria-current')), 'true');
      assert.equal(await last.evaluate((b) => b.getAttribute('aria-current')), 'true');
      // n / p from the list: the previous change, then back.
      await page.keyboard.press('p');
      const before = await page.$eval(`${byTestId('compare-row')}.current`, (tr) => Number(tr.dataset.group));
      assert.ok(before < Number(group));
      assert.equal(
        await page.evaluate(() => /** @type {HTMLElement} */ (document.activeElement)?.dataset.testid),
        'change-item',
        'focus stays in the list',
      );
      await page.keyboard.press('n');
      assert.equal(await page.$eval(`${byTestId('compare-row')}.current`, (tr) => tr.dataset.group), group);
      // Arrow keys move inside the list (one tab stop).
      await page.keyboard.press('Home');
      assert.equal(
        await page.evaluate(() => /** @type {HTMLElement} */ (document.activeElement)?.dataset.group),
        await items[0].evaluate((b) => b.dataset.group),
      );
      assert.equal(await page.$$eval(`${byTestId('change-item')}[tabindex="0"]`, (b) => b.length), 1);
      // From the heading, Tab reaches the list.
      await page.evaluate(() => document.getElementById('compare-heading').focus());
      let reached = false;
      for (let i = 0; i < 40 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(
          () => /** @type {HTMLElement} */ (document.activeElement)?.dataset.testid === 'change-item',
        );
      }
      assert.ok(reached, 'the changes list is reachable by Tab');
      // A click on a row marks it.
      await page.click(`${byTestId('compare-row')}[data-group="0"] ${byTestId('compare-gutter')}`);
      assert.equal(await page.$eval(`${byTestId('compare-row')}.current`, (tr) => tr.dataset.group), '0');
      await page.setViewport({ width: 800, height: 860 });
      await page.keyboard.press('n');
      await page.screenshot({ path: join(shots, `e2e-${name}-compare-800.png`) });
      await page.setViewport({ width: 1280, height: 860 });
    });

    test('swap sides, then Escape goes back to the library with the row focused', async () => {
      await page.click(byTestId('compare-swap'));
      await page.waitForFunction((h) => location.hash === h, {}, `#compare=${kuna},${cd}`);
      await waitCompared();
      assert.deepEqual(
        await page.$$eval('[data-testid^="compare-outlet-"]', (e) => e.map((x) => x.textContent)),
        ['KUNA', 'China Daily'],
      );
      const kinds = await page.$$eval(byTestId('compare-row'), (trs) => trs.map((tr) => tr.dataset.kind));
      assert.ok(kinds.includes('onlyB'), "China Daily's extra sentences are now on the right");
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.getElementById('app').dataset.view === 'library');
      assert.ok(
        ['', '#library'].includes(await hash()),
        'back where the user was (the page opened without a hash)',
      );
      assert.equal(
        await page.evaluate(
          () =>
            /** @type {HTMLElement} */ (document.activeElement?.closest('[data-testid="library-row"]'))
              ?.dataset.id ?? null,
        ),
        cd,
      );
    });

    test('the reader offers the other version; Back returns to the article', async () => {
      await page.goto(`${pageUrl}#article=${kuna}`);
      await page.evaluate(() => window.lectern.ready);
      await page.waitForSelector(`${byTestId('reader-versions')}:not([hidden])`, { timeout: 20000 });
      const versions = await page.$$eval(byTestId('reader-version'), (li) => li.map((x) => x.dataset.id));
      assert.deepEqual(versions, [cd]);
      await page.click(byTestId('reader-compare'));
      await waitCompared();
      assert.equal(await hash(), `#compare=${kuna},${cd}`);
      assert.equal((await page.$eval(byTestId('compare-back'), (b) => b.textContent)).trim(), 'Article');
      await page.click(byTestId('compare-back'));
      await page.waitForFunction((h) => location.hash === h, {}, `#article=${kuna}`);
      await page.waitForSelector(`${byTestId('reader')}:not([hidden])`);
      // The toolbar's Compare goes to the closest version too.
      await page.click(byTestId('reader-compare-closest'));
      await waitCompared();
      assert.equal(await hash(), `#compare=${kuna},${cd}`);
      await page.keyboard.press('Escape');
      await page.waitForFunction((h) => location.hash === h, {}, `#article=${kuna}`);
    });

    test('bad input: the same article twice, an unknown one, a one-word article — a message, never a hang', async () => {
      await page.goto(`${pageUrl}#compare=${cd},${cd}`);
      await page.evaluate(() => window.lectern.ready);
      await page.waitForSelector(`${byTestId('compare')}[data-state="message"]`);
      assert.match(
        await page.$eval(byTestId('compare-status'), (e) => e.textContent),
        /same article on both sides/,
      );
      await page.goto(`${pageUrl}#compare=${cd},0000000000000000`);
      await page.evaluate(() => window.lectern.ready);
      await page.waitForSelector(`${byTestId('compare')}[data-state="message"]`);
      assert.match(await page.$eval(byTestId('compare-status'), (e) => e.textContent), /not in this library/);
      const [word] = await page.evaluate(() =>
        window.lectern.loadArticles([{ name: 'word.txt', text: 'Hello' }]),
      );
      const [empty] = await page.evaluate(() =>
        window.lectern.loadArticles([{ name: 'blank.json', text: '[{"title": "Nothing", "text": " "}]' }]),
      );
      for (const other of [word.id, empty?.id].filter(Boolean)) {
        await page.evaluate((h) => {
          location.hash = h;
        }, `#compare=${cd},${other}`);
        await page.waitForSelector(`${byTestId('compare')}:not([data-state="pending"])`, { timeout: 15000 });
        const state = await page.$eval(byTestId('compare'), (e) => e.dataset.state);
        assert.ok(['ready', 'message', 'error'].includes(state), state);
        const diff = await page.evaluate((a, b) => window.lectern.compare(a, b), cd, other);
        assert.equal(diff.a.sentences.length, 18);
        assert.ok(diff.groups.every((g) => g.kind === 'onlyA' || g.b.length > 0));
      }
      await page.evaluate(
        (ids) => Promise.all(ids.map((id) => window.lectern.removeArticle(id))),
        [word.id, empty?.id].filter(Boolean),
      );
    });

    test('a third version: the variant table, one row per sentence, who kept, changed or cut it', async () => {
      const body = await page.evaluate((id) => window.lectern.article(id).body, cd);
      const record = {
        title: 'Putin, Wang Yi discuss multipolar world order',
        source: 'TASS',
        date: '2024-09-12',
        text: thirdVersion(body),
      };
      const [added] = await page.evaluate(
        (text) => window.lectern.loadArticles([{ name: 'tass.json', text }]),
        JSON.stringify([record]),
      );
      const clusters = await page.evaluate(() => window.lectern.clusters());
      const story = clusters.find((c) => c.members.includes(cd));
      assert.deepEqual(new Set(story.members), new Set([cd, kuna, added.id]));
      await page.goto(`${pageUrl}#library`);
      await page.evaluate(() => window.lectern.ready);
      await page.waitForSelector(
        `${byTestId('library-row')}[data-id="${added.id}"] ${byTestId('variants-article')}`,
        { timeout: 20000 },
      );
      assert.match(
        await page.$eval(
          `${byTestId('library-row')}.story-first ${byTestId('story-size')}`,
          (e) => e.textContent,
        ),
        /3 versions/,
      );
      await page.click(`${byTestId('library-row')}[data-id="${added.id}"] ${byTestId('variants-article')}`);
      await page.waitForSelector(`${byTestId('variants')}[data-state="ready"]`, { timeout: 20000 });
      assert.equal(await hash(), `#variants=${added.id}`);
      const table = await page.$eval(byTestId('variants-table'), (t) => ({
        columns: [...t.querySelectorAll('[data-testid="variants-column"]')].map((th) => th.dataset.id),
        rows: [...t.querySelectorAll('[data-testid="variant-row"]')].map((tr) => ({
          kind: tr.dataset.kind,
          states: [...tr.querySelectorAll('[data-testid="variant-cell"]')].map((td) => td.dataset.state),
        })),
      }));
      assert.equal(table.columns[0], cd, 'the longest version is the reference');
      assert.deepEqual(new Set(table.columns), new Set([cd, kuna, added.id]));
      const reference = table.rows.filter((r) => r.kind === 'reference');
      assert.equal(reference.length, 18, 'one row per sentence of the reference');
      assert.ok(reference.every((r) => r.states[0] === 'reference' && r.states.length === 3));
      assert.ok(
        reference.some((r) => r.states.slice(1).every((s) => s === 'cut')),
        'a sentence both others cut',
      );
      assert.ok(
        reference.some((r) => r.states[2] === 'same' || r.states[1] === 'same'),
        'a sentence kept as it is',
      );
      assert.ok(
        table.rows.some((r) => r.kind === 'added' && r.states.includes('added')),
        'the added sentence has a row of its own',
      );
      await page.screenshot({ path: join(shots, `e2e-${name}-variants.png`), fullPage: true });
      const model = await page.evaluate((id) => window.lectern.variants(id), added.id);
      assert.equal(model.rows.length, table.rows.length);
      await page.keyboard.press('n');
      assert.equal(
        await page.evaluate(() => /** @type {HTMLElement} */ (document.activeElement)?.dataset.testid),
        'variant-row',
      );
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.getElementById('app').dataset.view === 'library');
      // Removing a version updates the story at once.
      await page.evaluate((id) => window.lectern.removeArticle(id), added.id);
      const after = await page.evaluate(() => window.lectern.clusters());
      assert.deepEqual(new Set(after.find((c) => c.members.includes(cd)).members), new Set([cd, kuna]));
      assert.deepEqual(problems, []);
    });

    test('many names and numbers: the first 30 shown, "and N more" adds the rest', async () => {
      const text = (f) =>
        Array.from(
          { length: 70 },
          (_, i) => `Officials in the province said the count was ${f(i)} on the day.`,
        ).join(' ');
      const records = [
        { title: 'Counts, first report', source: 'Wire A', date: '2024-07-01', text: text((i) => 100 + i) },
        { title: 'Counts, second report', source: 'Wire B', date: '2024-07-02', text: text((i) => 500 + i) },
      ];
      const added = await page.evaluate(
        (json) => window.lectern.loadArticles([{ name: 'counts.json', text: json }]),
        JSON.stringify(records),
      );
      const [a, b] = added.map((x) => x.id);
      await page.goto(`${pageUrl}#library`);
      await page.evaluate(() => window.lectern.ready);
      await page.evaluate(
        (x, y) => {
          location.hash = `#compare=${encodeURIComponent(x)},${encodeURIComponent(y)}`;
        },
        a,
        b,
      );
      await waitCompared();
      assert.deepEqual(
        await page.$$eval('[data-testid^="compare-outlet-"]', (e) => e.map((x) => x.textContent)),
        ['Wire A', 'Wire B'],
      );
      const chips = () => page.$$eval(byTestId('named-change'), (e) => e.map((x) => x.textContent));
      const first = await chips();
      assert.equal(first.length, 30);
      assert.match(first[0], /100\s*→\s*500/);
      assert.equal(await page.$eval(byTestId('named-more'), (e) => e.textContent), 'and 40 more');
      await page.screenshot({ path: join(shots, `e2e-${name}-compare-named-30.png`) });
      await page.click(byTestId('named-more'));
      const all = await chips();
      assert.equal(all.length, 70);
      assert.equal(await page.$(byTestId('named-more')), null);
      assert.equal(
        await page.evaluate(() => /** @type {HTMLElement} */ (document.activeElement)?.textContent),
        all[30],
        'focus on the first chip added',
      );
      await page.screenshot({ path: join(shots, `e2e-${name}-compare-named.png`) });
      await page.evaluate((ids) => Promise.all(ids.map((id) => window.lectern.removeArticle(id))), [a, b]);
      assert.deepEqual(problems, []);
    });

    // Firefox under WebDriver BiDi cannot emulate the colour scheme: there, 800 px in light mode.
    test(`${name === 'chromium' ? 'dark mode' : 'light mode'} at 800 px: the compare view`, async () => {
      if (name === 'chromium')
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      await page.setViewport({ width: 800, height: 900 });
      await page.goto(`${pageUrl}#compare=${cd},${kuna}`);
      await page.evaluate(() => window.lectern.ready);
      await waitCompared();
      const colours = await page.evaluate(() => {
        const del = document.querySelector('[data-testid="compare-a"] del');
        const s = getComputedStyle(del);
        return { line: s.textDecorationLine, bg: s.backgroundColor, fg: s.color };
      });
      assert.match(colours.line, /line-through/, 'not colour only');
      assert.notEqual(colours.bg, colours.fg);
      await page.screenshot({
        path: join(shots, `e2e-${name}-compare-${name === 'chromium' ? 'dark-' : ''}800.png`),
      });
      assert.deepEqual(problems, []);
    });
  });
}
