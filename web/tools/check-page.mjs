#!/usr/bin/env node
// Opens a built page in headless Chromium (puppeteer-core + the system's chromium), waits for
// window.lectern.ready, and reports console errors, page errors, CSP violations and any request
// other than the page itself, data: URIs and blob: URIs (the core worker's script). Optionally
// takes screenshots, and with --import FILE one more while FILE is being imported (the progress bar).
// With the core's story functions, also the compare view of the first story with two versions and
// the variant table of the first with three or more (import one with --import), when there are.
//
//   node web/tools/check-page.mjs [dist/lectern.html] [--shots DIR] [--width 1280] [--height 900]
//                                 [--dark] [--firefox] [--browser PATH] [--article N] [--import FILE]
//                                 [--full] (full-page screenshots)
// Exit status 1 when anything above was seen or the page did not become ready.
import path from 'node:path';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS } from './chromium-flags.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  if (i === -1) return fallback;
  const [v] = args.splice(i, 2).slice(1);
  return v;
};
const flag = (name) => {
  const i = args.indexOf(name);
  if (i === -1) return false;
  args.splice(i, 1);
  return true;
};
const shots = opt('--shots', null);
const width = Number(opt('--width', 1280));
const height = Number(opt('--height', 900));
const firefox = flag('--firefox');
const browserPath = opt('--browser', firefox ? '/usr/bin/firefox' : '/usr/bin/chromium');
const dark = flag('--dark');
const articleIndex = Number(opt('--article', 0));
const importFile = opt('--import', null);
const fullPage = flag('--full');
const file = path.resolve(args[0] || 'dist/lectern.html');
const url = pathToFileURL(file).href;

const profile = mkdtempSync(path.join(os.tmpdir(), 'lectern-check-'));
const browser = await puppeteer.launch(
  firefox
    ? { browser: 'firefox', executablePath: browserPath, headless: true, userDataDir: profile }
    : {
        executablePath: browserPath,
        headless: true,
        userDataDir: profile,
        args: CHROMIUM_FLAGS,
      },
);
const problems = [];
try {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  if (dark) await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e instanceof Error ? e.message : e}`));
  page.on('request', (r) => {
    const u = r.url();
    if (u !== url && !u.startsWith(`${url}#`) && !/^(data|blob):/u.test(u)) problems.push(`request: ${u}`);
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });
  const started = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => Boolean(window.lectern), { timeout: 20000 });
  const ready = await page.evaluate(() =>
    window.lectern.ready.then(
      () => 'ok',
      (e) => `failed: ${e?.message || e}`,
    ),
  );
  console.log(
    `ready: ${ready} after ${Date.now() - started} ms; core ${await page.evaluate(() => window.lectern.version())}` +
      ` in ${await page.evaluate(() => window.lectern.engine?.() ?? 'main-thread')}`,
  );
  if (ready !== 'ok') problems.push(`not ready: ${ready}`);
  const articles = await page.evaluate(() => window.lectern.articles());
  console.log(`articles: ${articles.length}`);
  for (const a of articles.slice(0, 8))
    console.log(
      `  ${a.id}  ${a.date || '----------'}  ${a.source || '-'}  ${a.words}w  ${a.title.slice(0, 70)}`,
    );
  if (shots) {
    mkdirSync(shots, { recursive: true });
    const suffix = `${width}${dark ? '-dark' : ''}${firefox ? '-firefox' : ''}`;
    await page.screenshot({ path: path.join(shots, `library-${suffix}.png`) });
    if (importFile) {
      const input = /** @type {import('puppeteer-core').ElementHandle<HTMLInputElement>} */ (
        await page.$('[data-testid="import-input"]')
      );
      const began = Date.now();
      await input.uploadFile(path.resolve(importFile));
      // Halfway through (by bytes), or whenever the bar shows if the import is quicker than that.
      // (A small file may be done before the bar is ever seen: then there is no bar to show.)
      await page
        .waitForFunction(
          (t0) => {
            const bar = /** @type {HTMLProgressElement} */ (
              document.querySelector('[data-testid="progress-bar"]')
            );
            const done =
              Date.now() - t0 > 1000 && !document.getElementById('app').hasAttribute('data-importing');
            return (
              done ||
              (bar &&
                !(/** @type {HTMLElement} */ (document.querySelector('[data-testid="progress"]')).hidden) &&
                bar.hasAttribute('value') &&
                bar.value / bar.max >= 0.5)
            );
          },
          { timeout: 120000, polling: 50 },
          Date.now(),
        )
        .catch(() => {});
      await page.screenshot({ path: path.join(shots, `importing-${suffix}.png`) });
      await page.waitForFunction(() => !document.getElementById('app').hasAttribute('data-importing'), {
        timeout: 300000,
        polling: 200,
      });
      console.log(
        `imported ${path.basename(importFile)} in ${Date.now() - began} ms; ${await page.evaluate(() => window.lectern.articles().length)} articles`,
      );
    }
    if (articles[articleIndex]) {
      await page.goto(`${url}#article=${articles[articleIndex].id}`, { waitUntil: 'load' });
      await page.evaluate(() => window.lectern.ready);
      await page.evaluate(() => window.lectern.clusters?.().catch(() => null));
      await page.screenshot({ path: path.join(shots, `reader-${suffix}.png`), fullPage });
    }
    const clusters = await page.evaluate(() =>
      window.lectern.clusters?.().catch((e) => `failed: ${e.message}`),
    );
    if (Array.isArray(clusters)) {
      console.log(
        `stories with several versions: ${clusters.length} (${clusters.map((c) => c.members.length).join(', ')})`,
      );
      await page.goto(`${url}#library`, { waitUntil: 'load' });
      await page.evaluate(() => window.lectern.ready);
      await page.evaluate(() => window.lectern.clusters());
      await page.screenshot({ path: path.join(shots, `library-grouped-${suffix}.png`) });
      const two = clusters.find((c) => c.members.length >= 2);
      if (two) {
        await page.goto(`${url}#compare=${two.members[0]},${two.members[1]}`, { waitUntil: 'load' });
        await page.evaluate(() => window.lectern.ready);
        await page.waitForSelector('[data-testid="compare"]:not([data-state="pending"])', { timeout: 30000 });
        await page.screenshot({ path: path.join(shots, `compare-${suffix}.png`), fullPage });
        if (await page.$('[data-testid="change-item"]')) {
          await page.keyboard.press('n');
          await page.keyboard.press('n');
          await page.screenshot({ path: path.join(shots, `compare-change-${suffix}.png`) });
        }
      }
      const three = clusters.find((c) => c.members.length >= 3);
      if (three) {
        await page.goto(`${url}#variants=${three.members[0]}`, { waitUntil: 'load' });
        await page.evaluate(() => window.lectern.ready);
        await page.waitForSelector(
          '[data-testid="variants"][data-state="ready"], [data-testid="variants"][data-state="error"]',
          { timeout: 30000 },
        );
        await page.screenshot({ path: path.join(shots, `variants-${suffix}.png`), fullPage });
      }
    } else if (clusters) {
      console.log(`stories: ${clusters}`);
    }
    console.log(`screenshots in ${shots}`);
  }
} catch (error) {
  problems.push(`check failed: ${error.message}`);
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
for (const p of problems) console.log(`PROBLEM ${p}`);
process.exit(problems.length ? 1 : 0);
