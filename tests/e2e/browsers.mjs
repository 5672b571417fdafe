// Launches Debian's Chromium, Firefox ESR and WebKit (WebKitGTK's MiniBrowser, Safari's engine)
// for end-to-end tests, each with a fresh profile. Firefox under automation relaxes file:// rules
// unless strict_origin_policy is set: set it, so the tests see what a person opening the file
// sees. WebKit is driven over plain WebDriver behind a puppeteer-like adapter (webkit-page.mjs);
// its storage lives in memory for the session, so a profile directory means nothing to it.
// LECTERN_BROWSERS=webkit (or chromium,firefox …) runs the tests in those browsers only.
import puppeteer from 'puppeteer-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM_FLAGS } from '../../web/tools/chromium-flags.mjs';
import { webkitMissing } from './webkit.mjs';
import { launchWebKitBrowser } from './webkit-page.mjs';

/** @type {('chromium'|'firefox'|'webkit')[]} */
export const BROWSERS = /** @type {const} */ (['chromium', 'firefox', 'webkit']).filter(
  (b) => !process.env.LECTERN_BROWSERS || process.env.LECTERN_BROWSERS.split(',').includes(b),
);

/** Why a browser restart cannot be tested in a browser (undefined where it can). */
export const RESTART_SKIP = {
  webkit:
    'MiniBrowser under WebDriver keeps storage in memory for the session, so a restart always starts empty; reloads are tested instead',
};

/** The page under test: dist/lectern.html, or the file LECTERN_PAGE names. */
export const pagePath = resolve(
  process.env.LECTERN_PAGE || join(dirname(fileURLToPath(import.meta.url)), '../../dist/lectern.html'),
);
export const pageUrl = pathToFileURL(pagePath).href;

/** Starts `name` with a profile in `profileDir` (a new temporary one when omitted). */
export async function launch(name, profileDir) {
  if (name === 'webkit') {
    const missing = webkitMissing();
    if (missing) throw new Error(`WebKit cannot run: ${missing} (build-scripts/test installs it)`);
    const browser = /** @type {any} */ (await launchWebKitBrowser());
    return { browser, userDataDir: profileDir, close: () => browser.close() };
  }
  const userDataDir = profileDir ?? mkdtempSync(join(tmpdir(), `lectern-${name}-`));
  const browser =
    name === 'chromium'
      ? await puppeteer.launch({
          executablePath: '/usr/bin/chromium',
          headless: true,
          args: CHROMIUM_FLAGS,
          userDataDir,
        })
      : await puppeteer.launch({
          browser: 'firefox',
          executablePath: '/usr/bin/firefox-esr',
          headless: true,
          userDataDir,
          extraPrefsFirefox: { 'security.fileuri.strict_origin_policy': true },
        });
  const close = async () => {
    await browser.close();
    if (!profileDir) rmSync(userDataDir, { recursive: true, force: true });
  };
  return { browser, userDataDir, close };
}

/**
 * Opens `url` (the page by default) in a new tab of `browser` and waits for window.lectern.ready.
 * What must not happen is pushed onto `problems` for the test to check: page errors, console
 * errors, CSP violations, dialogs (dismissed) and any request that leaves the file.
 */
export async function openPage(browser, problems, { url = pageUrl, width = 1280, height = 860 } = {}) {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on('request', (r) => {
    if (!/^(file|data|blob|about):/.test(r.url())) problems.push(`network request: ${r.url()}`);
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });
  await page.goto(url);
  await page.evaluate(() => window.lectern.ready);
  return page;
}
