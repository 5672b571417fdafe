// Launches Debian's Chromium and Firefox ESR for end-to-end tests, each with a fresh profile.
// Firefox under automation relaxes file:// rules unless strict_origin_policy is set: set it, so
// the tests see what a person opening the file sees.
import puppeteer from 'puppeteer-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BROWSERS = ['chromium', 'firefox'];

const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Starts `name` with a profile in `profileDir` (a new temporary one when omitted). */
export async function launch(name, profileDir) {
  const userDataDir = profileDir ?? mkdtempSync(join(tmpdir(), `lectern-${name}-`));
  const browser = name === 'chromium'
    ? await puppeteer.launch({
      executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS, userDataDir })
    : await puppeteer.launch({
      browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, userDataDir,
      extraPrefsFirefox: { 'security.fileuri.strict_origin_policy': true } });
  const close = async () => {
    await browser.close();
    if (!profileDir) rmSync(userDataDir, { recursive: true, force: true });
  };
  return { browser, userDataDir, close };
}
