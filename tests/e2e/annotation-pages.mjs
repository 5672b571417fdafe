// What the annotation end-to-end tests share: where things are, the seed passages they use, and
// page actions (select text as a mouse drag would, open an article) and checks (nothing ran).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const shots = join(root, 'out');
export const fixtures = join(root, 'tests/fixtures/annotations');
mkdirSync(shots, { recursive: true });
assert.ok(existsSync(join(root, 'dist/lectern.html')), 'build dist/lectern.html first');

export const SEED_000 = 'Russia to work with China for multipolarity, fair intl order, says Putin';
export const SURVIVES = 'voiced willingness to work together with China to advance multipolarity';
export const DROPPED = 'Putin asked Wang to convey his sincere greetings and best wishes';
export const byTestId = (id) => `[data-testid="${id}"]`;
/** Wide enough for the reader and its annotation sidebar side by side. */
export const VIEWPORT = { width: 1360, height: 900 };

/** Selects the first occurrence of `text` in the reader's body, as a drag with the mouse would. */
export async function selectText(page, text) {
  const ok = await page.evaluate((wanted) => {
    const body = document.querySelector('[data-testid="reader-body"]');
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let full = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push([n, full.length]);
      full += /** @type {Text} */ (n).data;
    }
    const at = full.indexOf(wanted);
    if (at < 0) return false;
    /** @returns {[Node, number]} */
    const locate = (offset, end) => {
      for (let i = nodes.length - 1; i >= 0; i--) {
        const [n, start] = nodes[i];
        if (offset > start || (offset === start && !end)) return [n, offset - start];
      }
      return [nodes[0][0], 0];
    };
    const range = document.createRange();
    range.setStart(...locate(at, false));
    range.setEnd(...locate(at + wanted.length, true));
    const selection = document.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return true;
  }, text);
  assert.ok(ok, `“${text}” is in the article`);
  await page.waitForSelector(byTestId('selection-toolbar'), { visible: true });
}

export const annotations = (page, articleId) =>
  page.evaluate((id) => window.lectern.annotations(id ?? undefined), articleId ?? null);
export const articleId = (page, title) =>
  page.evaluate(
    (t) => window.lectern.articles().find((a) => a.title === t || a.title.startsWith(t))?.id,
    title,
  );
export const quoteOf = (a) => a.target.selector.find((s) => s.type === 'TextQuoteSelector').exact;
export const tagsOf = (a) => (a.body || []).filter((b) => b.purpose === 'tagging').map((b) => b.value);
export const noteOf = (a) => (a.body || []).find((b) => b.purpose === 'commenting')?.value;

export async function openArticle(page, id) {
  await page.evaluate((i) => {
    location.hash = `#article=${encodeURIComponent(i)}`;
  }, id);
  await page.waitForFunction(
    (i) =>
      document.getElementById('app').dataset.view === 'reader' &&
      /** @type {HTMLElement} */ (document.querySelector('[data-testid="reader"]'))?.dataset &&
      location.hash.includes(encodeURIComponent(i)),
    {},
    id,
  );
  await page.waitForSelector(byTestId('sentence'), { visible: true });
}

/** Nothing from the page's content was run or turned into live markup. */
export async function assertNothingRan(page) {
  const found = await page.evaluate(() => {
    const bad = [];
    if (window.pwned !== undefined) bad.push(`window.pwned = ${window.pwned}`);
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) bad.push(`<${el.tagName.toLowerCase()} ${attr.name}>`);
        if (
          /^(href|src|action|formaction|xlink:href)$/i.test(attr.name) &&
          /^\s*(javascript|data|vbscript):/i.test(attr.value) &&
          el.tagName !== 'LINK'
        )
          bad.push(`<${el.tagName.toLowerCase()} ${attr.name}=${attr.value}>`);
      }
    }
    const script = [...document.querySelectorAll('script')].filter(
      (s) => !['lectern-core', 'lectern-worker', 'seeds'].includes(s.id) && s.textContent.length < 100000,
    );
    if (script.length > 0 && script.some((s) => /pwned/.test(s.textContent))) bad.push('a script with pwned');
    for (const tag of ['img', 'iframe', 'svg:not(.icon)', 'object', 'embed']) {
      for (const el of document.querySelectorAll(tag))
        if (!el.closest('svg.icon')) bad.push(`<${tag}> in the page`);
    }
    return bad;
  });
  assert.deepEqual(found, []);
}
