// WebKit (Safari's engine) for end-to-end tests and benchmarks: Debian's WebKitGTK MiniBrowser
// driven by WebKitWebDriver under a virtual X server (xvfb-run), over plain W3C WebDriver HTTP:
// WebKitGTK has no BiDi and no console log endpoint, so what the page does is read back with
// scripts. In automation mode MiniBrowser keeps storage in memory: every session is a fresh
// profile, and a reload keeps what the page stored.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** Why WebKit cannot run here ('' when it can): the packages build-scripts/test installs. */
export function webkitMissing() {
  for (const tool of ['WebKitWebDriver', 'xvfb-run']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `${tool} is not installed`;
  }
  return spawnSync('test', ['-x', MINIBROWSER]).status === 0 ? '' : `${MINIBROWSER} is missing`;
}

/** A free TCP port on this machine. */
async function freePort() {
  const server = createServer();
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((done) => server.close(() => done(undefined)));
  return port;
}

/**
 * Starts WebKitWebDriver (under xvfb-run) and one MiniBrowser session.
 * @returns {Promise<WebKitSession>}
 */
export async function launchWebKit({ width = 1280, height = 860 } = {}) {
  const port = await freePort();
  // A screen as big as the largest window the tests open (xvfb-run's default is 640x480x8).
  const screen = ['-s', '-screen 0 1920x1200x24'];
  const driver = spawn('xvfb-run', ['-a', ...screen, 'WebKitWebDriver', `--port=${port}`], {
    // WebKitGTK takes the page's language from the environment: under LANG=C (a bare machine)
    // navigator.language is "C" and Intl sorts in code-point order ("BRICS" before "Beijing").
    // en-US, the language Chromium and Firefox default to, as on a person's machine.
    env: { ...process.env, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US', LC_ALL: '' },
    stdio: 'ignore',
    detached: true, // its own process group: close() stops Xvfb and the browser with it
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/status`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (i > 100) throw new Error('WebKitWebDriver did not start within 10 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  const created = await command(base, 'POST', '/session', {
    capabilities: {
      alwaysMatch: {
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      },
    },
  });
  const session = new WebKitSession(`${base}/session/${created.sessionId}`, driver);
  await session.send('POST', '/window/rect', { width, height });
  // A script may run as long as an import of thousands of articles; a load as long as a slow boot.
  await session.send('POST', '/timeouts', { script: 300000, pageLoad: 120000 });
  return session;
}

/** One WebDriver command; throws the driver's message when it answers an error. */
async function command(base, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) {
    throw new Error(`WebDriver ${method} ${path}: ${answer?.value?.error}: ${answer?.value?.message}`);
  }
  return answer.value;
}

export class WebKitSession {
  constructor(url, driver) {
    this.url = url;
    this.driver = driver;
  }

  send(method, path, body) {
    return command(this.url, method, path, body);
  }

  /** Opens `url` and waits for its load event. */
  goto(url) {
    return this.send('POST', '/url', { url });
  }

  reload() {
    return this.send('POST', '/refresh', {});
  }

  /**
   * Runs `fn(...args)` in the page (an async function is awaited) and answers its JSON-able
   * result; an exception in the page is thrown here with its message.
   * @template T
   * @param {(...args: any[]) => T|Promise<T>} fn
   * @param {...any} args
   * @returns {Promise<T>}
   */
  evaluate(fn, ...args) {
    return this.run(String(fn), args);
  }

  /** Like puppeteer's page.$$eval: `fn(elements, ...args)` for the elements `selector` finds. */
  $$eval(selector, fn, ...args) {
    const source = `(selector, ...rest) => (${fn})([...document.querySelectorAll(selector)], ...rest)`;
    return this.run(source, [selector, ...args]);
  }

  /**
   * Runs the function whose source is `source` with `args` (the source becomes part of the
   * WebDriver script: the page's policy forbids eval, and nothing here needs it).
   */
  async run(source, args) {
    const script = `const done = arguments[arguments.length - 1];
Promise.resolve().then(() => (${source})(...Array.prototype.slice.call(arguments, 0, -1)))
  .then((value) => done({ value }), (e) => done({ error: String((e && e.stack) || e) }));`;
    const answer = await this.send('POST', '/execute/async', { script, args });
    if (answer?.error) throw new Error(`in WebKit: ${answer.error}`);
    return answer?.value;
  }

  /** Waits until `fn(...args)` is truthy in the page (checked every 100 ms, up to `timeout` ms). */
  async waitForFunction(fn, { timeout = 30000 } = {}, ...args) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate(fn, ...args);
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(fn).slice(0, 80)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Waits until an element `selector` finds is shown. */
  waitForSelector(selector, options = {}) {
    return this.waitForFunction(
      (sel) => {
        const e = document.querySelector(sel);
        return Boolean(e && e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden');
      },
      options,
      selector,
    );
  }

  /** Clicks the first element `selector` finds, as a person would (WebDriver element click). */
  async click(selector) {
    const found = await this.send('POST', '/element', { using: 'css selector', value: selector });
    const id = Object.values(found)[0];
    await this.send('POST', `/element/${id}/click`, {});
  }

  /** Chooses `files` (absolute paths) in the file input `selector` finds, as the file picker does. */
  async uploadFile(selector, ...files) {
    const found = await this.send('POST', '/element', { using: 'css selector', value: selector });
    const id = Object.values(found)[0];
    await this.send('POST', `/element/${id}/value`, { text: files.join('\n') });
  }

  /** Presses one key (a WebDriver key action: 'j', 'Escape' …). */
  async press(key) {
    const code = { Escape: '\uE00C', Enter: '\uE007', Tab: '\uE004' }[key] ?? key;
    await this.send('POST', '/actions', {
      actions: [
        {
          type: 'key',
          id: 'keyboard',
          actions: [
            { type: 'keyDown', value: code },
            { type: 'keyUp', value: code },
          ],
        },
      ],
    });
  }

  /** A PNG of the window. */
  async screenshot() {
    return Buffer.from(await this.send('GET', '/screenshot'), 'base64');
  }

  async close() {
    try {
      await this.send('DELETE', '');
    } finally {
      try {
        process.kill(-this.driver.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  }
}
