// WebKit behind the part of puppeteer's Browser and Page that the end-to-end tests use, so every
// test file runs in WebKit as in Chromium and Firefox (browsers.mjs: launch('webkit')). Under it
// is plain W3C WebDriver (webkit.mjs): one WebKitWebDriver session per browser, a page per
// top-level window (POST /window/new), commands queued and the session switched to the page's
// window before each one.
//
// What WebDriver lacks is done in the page: there is no console or error endpoint and no script
// run before the page's own, so after every load a collector (COLLECTOR below) records page
// errors, unhandled rejections, console errors and warnings, CSP violations, dialogs and requests
// that leave the file in a page global; every script the adapter runs drains it and the page's
// 'pageerror', 'console', 'dialog' and 'request' listeners hear what it held. What happens
// before the load event (while the page's scripts first run) is not heard: a test that needs a
// script before the page's own (evaluateOnNewDocument's true meaning) is skipped in WebKit.
// Scripts are the function's source put into the WebDriver script: the page's CSP forbids eval.
import { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';
import { launchWebKit } from './webkit.mjs';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
/** The longest one in-page wait lasts before it answers (and the next one starts). */
const WAIT_CHUNK_MS = 2000;
/** MiniBrowser paints the window a little after the page changed (the issue measured ~0.5 s). */
const SCREENSHOT_LAG_MS = 500;

/** puppeteer's key names as WebDriver key values. */
const KEYS = {
  Enter: '\uE007',
  Escape: '\uE00C',
  Tab: '\uE004',
  Backspace: '\uE003',
  Delete: '\uE017',
  Control: '\uE009',
  Shift: '\uE008',
  Alt: '\uE00A',
  Meta: '\uE03D',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Home: '\uE011',
  End: '\uE010',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  Space: ' ',
};
const keyValue = (key) => {
  const value = KEYS[key] ?? key;
  if ([...value].length !== 1) throw new Error(`webkit-page: no WebDriver key for ${key}`);
  return value;
};

/**
 * Installed after each load (idempotent: a same-document navigation keeps it): records what the
 * tests must hear into window.__lecternSeen, then runs the page's evaluateOnNewDocument scripts.
 * Answers whether it was new.
 */
const COLLECTOR = `(scripts) => {
  if (window.__lecternSeen) return false;
  const seen = (window.__lecternSeen = []);
  const push = (record) => { if (seen.length < 1000) seen.push(record); };
  const text = (x) => (x instanceof Error ? x.message : typeof x === 'string' ? x : String(x));
  addEventListener('error', (e) => push({ kind: 'pageerror', text: e.message || text(e.error) }));
  addEventListener('unhandledrejection', (e) =>
    push({ kind: 'pageerror', text: e.reason instanceof Error ? e.reason.message : text(e.reason) }));
  for (const type of ['error', 'warn', 'info']) {
    const original = console[type];
    console[type] = function (...args) {
      push({ kind: 'console', type, text: args.map(text).join(' ') });
      return original.apply(this, args);
    };
  }
  document.addEventListener('securitypolicyviolation', (e) =>
    push({ kind: 'console', type: 'error',
      text: 'CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') }));
  const dialog = (answer) => (message) => { push({ kind: 'dialog', text: String(message ?? '') }); return answer; };
  window.alert = dialog(undefined);
  window.confirm = dialog(false);
  window.prompt = dialog(null);
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        if (!/^(file|data|blob|about):/.test(entry.name)) push({ kind: 'request', url: entry.name });
    }).observe({ type: 'resource', buffered: true });
  } catch { /* no resource timing: requests are not heard */ }
  for (const run of scripts) run();
  return true;
}`;

/**
 * The WebDriver script that runs the function `source` with the script's arguments, awaits it
 * and answers {json} (its result as JSON; absent for undefined), {raw} (as WebDriver serializes
 * it: elements become references) or {error}, with what the collector heard since the last one.
 */
function scriptFor(source, raw) {
  return `const done = arguments[arguments.length - 1];
const args = Array.prototype.slice.call(arguments, 0, -1);
const drain = () => (window.__lecternSeen ? window.__lecternSeen.splice(0) : null);
Promise.resolve().then(() => (${source})(...args)).then(
  (value) => {
    if (${raw}) return done({ raw: value, seen: drain() });
    let json;
    try { json = value === undefined ? undefined : JSON.stringify(value); } catch { json = undefined; }
    done({ json, seen: drain() });
  },
  (e) => done({ error: String((e && e.message) || e), stack: String((e && e.stack) || ''), seen: drain() }));`;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts WebKit: a browser with newPage(), createBrowserContext() and close(). */
export async function launchWebKitBrowser() {
  return new WebKitBrowser(await launchWebKit());
}

export class WebKitBrowser {
  /** @param {import('./webkit.mjs').WebKitSession} session */
  constructor(session) {
    this.session = session;
    /** @type {Promise<unknown>} the commands, one at a time */
    this.queue = Promise.resolve();
    /** @type {string|null} the window the session is switched to */
    this.current = null;
    /** @type {string|null} the window the session opened with, not yet given to a page */
    this.spare = null;
    this.started = false;
  }

  /** Runs `fn` when the commands before it are done, in `handle`'s window (switched to first). */
  exclusive(handle, fn) {
    const run = this.queue.then(async () => {
      if (handle && this.current !== handle) {
        await this.session.send('POST', '/window', { handle });
        this.current = handle;
      }
      return fn();
    });
    this.queue = run.catch(() => {});
    return run;
  }

  /** A new top-level window (WebKitGTK's tabs of one window hide each other: a hidden page is throttled). */
  async newPage() {
    const handle = await this.exclusive(null, async () => {
      if (!this.started) {
        this.started = true;
        this.current = await this.session.send('GET', '/window');
        return this.current;
      }
      return (await this.session.send('POST', '/window/new', { type: 'window' })).handle;
    });
    const page = new WebKitPage(this, handle);
    await page.setViewport({ width: 1280, height: 860 });
    return page;
  }

  /** Another WebKit with its own (empty, in-memory) storage: a browser context's equivalent. */
  async createBrowserContext() {
    const other = await launchWebKitBrowser();
    return { newPage: () => other.newPage(), close: () => other.close() };
  }

  async close() {
    await this.queue;
    await this.session.close();
  }
}

class ElementHandle {
  /** @param {WebKitPage} page @param {object} ref WebDriver's element reference */
  constructor(page, ref) {
    this.page = page;
    this.ref = ref;
    this.id = ref[ELEMENT];
  }

  /** `fn(element, ...args)` in the page. */
  evaluate(fn, ...args) {
    return this.page.run(String(fn), [this.ref, ...args]);
  }

  $eval(selector, fn, ...args) {
    return this.page.run(
      `(root, selector, ...rest) => {
        const e = root.querySelector(selector);
        if (!e) throw new Error('failed to find element matching selector "' + selector + '"');
        return (${fn})(e, ...rest);
      }`,
      [this.ref, selector, ...args],
    );
  }

  /**
   * A click as puppeteer's: scrolled into view if it is not, then the mouse pressed and released
   * at the centre of its first box, on whatever is painted there (WebDriver's element click
   * refuses an element another covers; a person, and puppeteer, click what is on top).
   */
  async click() {
    const point = await this.evaluate((e) => {
      const inView = (r) => r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
      const box = () => [...e.getClientRects()].find((r) => r.width > 0 && r.height > 0);
      if (box() && !inView(box())) e.scrollIntoView({ block: 'center', inline: 'center' });
      const r = box();
      if (!r) return null;
      const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
      const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
      return { x: Math.round(x), y: Math.round(y) };
    });
    if (!point) throw new Error('Node is either not clickable or not an Element');
    await this.page.command('POST', '/actions', {
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', origin: 'viewport', x: point.x, y: point.y, duration: 0 },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
  }

  focus() {
    return this.evaluate((e) => e.focus());
  }

  async type(text) {
    await this.focus();
    await this.page.keyboard.type(text);
  }

  /**
   * A PNG of this element (scrolled into view), once the window has painted.
   * @param {{path?: string}} [options]
   */
  async screenshot({ path } = {}) {
    await this.evaluate((e) => e.scrollIntoView({ block: 'nearest' }));
    await this.page.painted();
    const png = Buffer.from(await this.page.command('GET', `/element/${this.id}/screenshot`), 'base64');
    if (path) writeFileSync(path, png);
    return png;
  }

  /** Chooses `files` (absolute paths) in this file input, as the file picker does. */
  uploadFile(...files) {
    return this.page.command('POST', `/element/${this.id}/value`, { text: files.join('\n') });
  }
}

class WebKitPage extends EventEmitter {
  /** @param {WebKitBrowser} browser @param {string} handle its window */
  constructor(browser, handle) {
    super();
    this.browser = browser;
    this.handle = handle;
    /** @type {string[]} evaluateOnNewDocument's functions, as sources */
    this.onLoad = [];
    this.closed = false;
    const press = async (actions) =>
      this.command('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    this.keyboard = {
      /** @param {string} key */
      down: (key) => press([{ type: 'keyDown', value: keyValue(key) }]),
      /** @param {string} key */
      up: (key) => press([{ type: 'keyUp', value: keyValue(key) }]),
      /** @param {string} key */
      press: (key) =>
        press([
          { type: 'keyDown', value: keyValue(key) },
          { type: 'keyUp', value: keyValue(key) },
        ]),
      /** @param {string} text */
      type: (text) =>
        press(
          [...text].flatMap((c) => [
            { type: 'keyDown', value: c },
            { type: 'keyUp', value: c },
          ]),
        ),
    };
  }

  /** One WebDriver command in this page's window; a dialog left open is heard and dismissed. */
  command(method, path, body) {
    const caller = new Error().stack?.split('\n').slice(2).join('\n');
    const run = this.browser.exclusive(this.handle, async () => {
      try {
        return await this.browser.session.send(method, path, body);
      } catch (e) {
        if (!/unexpected alert open/.test(String(e))) throw e;
        const text = await this.browser.session.send('GET', '/alert/text').catch(() => '');
        await this.browser.session.send('POST', '/alert/dismiss', {}).catch(() => {});
        this.emit('dialog', {
          message: () => String(text ?? ''),
          dismiss: async () => {},
          accept: async () => {},
        });
        return this.browser.session.send(method, path, body);
      }
    });
    // The test's line in the stack, not only the queue's.
    return run.catch((e) => {
      if (e instanceof Error && caller) e.stack = `${e.stack}\n  from:\n${caller}`;
      throw e;
    });
  }

  /** Tells the listeners what the collector heard; installs it again where it is missing (a new document). */
  async heard(seen) {
    if (seen === null) {
      await this.install();
      return;
    }
    for (const r of seen ?? []) {
      if (r.kind === 'pageerror') this.emit('pageerror', new Error(r.text));
      else if (r.kind === 'console') this.emit('console', { type: () => r.type, text: () => r.text });
      else if (r.kind === 'dialog')
        this.emit('dialog', { message: () => r.text, dismiss: async () => {}, accept: async () => {} });
      else if (r.kind === 'request') this.emit('request', { url: () => r.url });
    }
  }

  /** Runs the function whose source is `source` with `args` in the page; see scriptFor. */
  async run(source, args, { raw = false } = {}) {
    const answer = await this.command('POST', '/execute/async', { script: scriptFor(source, raw), args });
    await this.heard(answer?.seen);
    if (answer?.error !== undefined) {
      const error = Object.assign(new Error(answer.error), { inPage: true });
      error.stack = `${answer.error}\n    in WebKit: ${answer.stack}`;
      throw error;
    }
    if (raw) return answer?.raw;
    return answer?.json == null ? undefined : JSON.parse(answer.json);
  }

  /** The collector (and the evaluateOnNewDocument scripts) in the document now loaded. */
  async install() {
    const scripts = `[${this.onLoad.map((s) => `() => (${s})()`).join(',')}]`;
    await this.command('POST', '/execute/sync', {
      script: `return (${COLLECTOR})(${scripts});`,
      args: [],
    });
  }

  /**
   * @template T
   * @param {(...args: any[]) => T|Promise<T>} fn
   * @param {...any} args
   * @returns {Promise<T>}
   */
  evaluate(fn, ...args) {
    return this.run(
      String(fn),
      args.map((a) => (a instanceof ElementHandle ? a.ref : a)),
    );
  }

  /** Run after each load, not before the page's scripts as in puppeteer (WebDriver cannot). */
  async evaluateOnNewDocument(fn) {
    this.onLoad.push(String(fn));
  }

  async $(selector) {
    const ref = await this.query('(s) => document.querySelector(s)', selector);
    return ref ? new ElementHandle(this, ref) : null;
  }

  async $$(selector) {
    const refs = await this.query('(s) => [...document.querySelectorAll(s)]', selector);
    return refs.map((ref) => new ElementHandle(this, ref));
  }

  /**
   * Element references for `selector`. WebKitWebDriver makes the reference after the script has
   * answered; an element the page replaced in between (a view drawn again) is "stale" by then, so
   * the query is asked again, as a person would find the new element.
   */
  async query(source, selector) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.run(source, [selector], { raw: true });
      } catch (e) {
        if (attempt >= 5 || !/stale element reference/.test(String(e))) throw e;
      }
    }
  }

  $eval(selector, fn, ...args) {
    return this.run(
      `(selector, ...rest) => {
        const e = document.querySelector(selector);
        if (!e) throw new Error('failed to find element matching selector "' + selector + '"');
        return (${fn})(e, ...rest);
      }`,
      [selector, ...args],
    );
  }

  $$eval(selector, fn, ...args) {
    return this.run(`(selector, ...rest) => (${fn})([...document.querySelectorAll(selector)], ...rest)`, [
      selector,
      ...args,
    ]);
  }

  /**
   * puppeteer's signature: waits until `fn(...args)` is truthy and answers it. The page polls
   * (every `polling` ms when a number, else 50 ms) for up to WAIT_CHUNK_MS per script, so a
   * reload in between costs one script, not the wait.
   */
  async waitForFunction(fn, { timeout = 30000, polling = 50 } = {}, ...args) {
    const every = typeof polling === 'number' ? polling : 50;
    const deadline = Date.now() + timeout;
    const source = `async (...args) => {
      const end = Date.now() + ${WAIT_CHUNK_MS};
      for (;;) {
        const value = await (${fn})(...args);
        if (value) return { value };
        if (Date.now() >= end) return null;
        await new Promise((r) => setTimeout(r, ${every}));
      }
    }`;
    for (;;) {
      let answer = null;
      try {
        answer = await this.run(source, args);
      } catch (e) {
        // A navigation ends the script (WebDriver answers an error): try again in the new
        // document, until the deadline. What `fn` throws is thrown, as in puppeteer.
        if (e.inPage || Date.now() > deadline) throw e;
      }
      if (answer) return answer.value;
      if (Date.now() > deadline)
        throw new Error(`waitForFunction timed out after ${timeout} ms: ${String(fn).slice(0, 120)}`);
    }
  }

  /** puppeteer's: present (or with {visible}, shown; with {hidden}, gone or not shown). */
  async waitForSelector(selector, { visible = false, hidden = false, timeout = 30000 } = {}) {
    await this.waitForFunction(
      (s, wantVisible, wantHidden) => {
        const e = document.querySelector(s);
        const shown = () => {
          const r = e.getBoundingClientRect();
          return (
            getComputedStyle(e).visibility !== 'hidden' && Boolean(r.top || r.bottom || r.width || r.height)
          );
        };
        if (wantHidden) return !e || !shown();
        return Boolean(e) && (!wantVisible || shown());
      },
      { timeout },
      selector,
      visible,
      hidden,
    );
    return hidden ? null : this.$(selector);
  }

  async click(selector) {
    const e = await this.$(selector);
    if (!e) throw new Error(`No element found for selector: ${selector}`);
    await e.click();
  }

  async focus(selector) {
    await this.$eval(selector, (e) => e.focus());
  }

  /** Focuses the element and types `text` key by key (puppeteer's page.type). */
  async type(selector, text) {
    await this.focus(selector);
    await this.keyboard.type(text);
  }

  /** Selects the options with these values and says so with input and change events. */
  select(selector, ...values) {
    return this.$eval(
      selector,
      (s, wanted) => {
        for (const o of s.options) o.selected = wanted.includes(o.value);
        s.dispatchEvent(new Event('input', { bubbles: true }));
        s.dispatchEvent(new Event('change', { bubbles: true }));
        return [...s.selectedOptions].map((o) => o.value);
      },
      values,
    );
  }

  /** Hears what the old document said, opens `url` (waiting for its load) and listens in the new one. */
  async goto(url) {
    await this.run('() => 0', []).catch(() => {});
    await this.command('POST', '/url', { url });
    await this.install();
  }

  async reload() {
    await this.run('() => 0', []).catch(() => {});
    await this.command('POST', '/refresh', {});
    await this.install();
  }

  /** History back (a new document, or the same one at another fragment: install is idempotent). */
  async goBack() {
    await this.run('() => 0', []).catch(() => {});
    await this.command('POST', '/back', {});
    await this.install();
  }

  async goForward() {
    await this.run('() => 0', []).catch(() => {});
    await this.command('POST', '/forward', {});
    await this.install();
  }

  /** The viewport (the page's innerWidth × innerHeight): the window is that plus MiniBrowser's bars. */
  async setViewport({ width, height }) {
    await this.command('POST', '/window/rect', { width, height });
    const [w, h] = await this.command('POST', '/execute/sync', {
      script: 'return [innerWidth, innerHeight];',
      args: [],
    });
    if (w !== width || h !== height)
      await this.command('POST', '/window/rect', { width: 2 * width - w, height: 2 * height - h });
  }

  bringToFront() {
    return this.command('POST', '/window', { handle: this.handle });
  }

  /** Waits until the window shows what the page shows now (two frames, then MiniBrowser's lag). */
  async painted() {
    await this.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await sleep(SCREENSHOT_LAG_MS);
  }

  /**
   * A PNG of the page's window, once it has painted what the page shows now.
   * @param {{path?: string}} [options]
   */
  async screenshot({ path } = {}) {
    await this.painted();
    const png = Buffer.from(await this.command('GET', '/screenshot'), 'base64');
    if (path) writeFileSync(path, png);
    return png;
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    await this.run('() => 0', []).catch(() => {});
    await this.browser.exclusive(this.handle, async () => {
      await this.browser.session.send('DELETE', '/window');
      this.browser.current = null;
    });
  }

  emulateMediaFeatures() {
    throw new Error('WebKit under WebDriver cannot emulate media features');
  }

  createCDPSession() {
    throw new Error('WebKit has no Chrome DevTools Protocol');
  }
}
