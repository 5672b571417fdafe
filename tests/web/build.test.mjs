// Runs web/build.mjs with a fake core and checks the one HTML file it writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { ROOT } from './helpers.mjs';
import { STYLES, escapeJson, escapeScript, packCore } from '../../web/build.mjs';

const BUILD = path.join(ROOT, 'web/build.mjs');

const FAKE_CORE = `// A tiny fake core. Its strings mention </script> and <!-- on purpose.
var createLecternCore = (function () {
  var closing = "</script>", Closing = "</SCRIPT >", comment = "<!-- not a comment -->";
  return function () {
    return Promise.resolve({
      readFile: function () { return JSON.stringify({ articles: [], problems: [], note: closing + Closing + comment }); },
      version: function () { return "fake"; }
    });
  };
})();
`;

function buildWith(coreText, extraArgs = []) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lectern-build-test-'));
  const core = path.join(dir, 'core.js');
  writeFileSync(core, coreText);
  const outDir = path.join(dir, 'out');
  const out = path.join(outDir, 'lectern.html');
  const run = spawnSync(process.execPath, [BUILD, '--core', core, '--out', out, ...extraArgs], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  return { dir, outDir, out, run };
}

const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The page's <script> and <style> elements: [{tag, attrs, text}]. */
function inlineElements(html) {
  const out = [];
  const re = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/giu;
  let m;
  while ((m = re.exec(html)) !== null) out.push({ tag: m[1].toLowerCase(), attrs: m[2], text: m[3] });
  return out;
}

test('build.mjs writes one self-contained HTML file with a CSP that matches its inline scripts', async (t) => {
  const { dir, outDir, out, run } = buildWith(FAKE_CORE);
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /lectern\.html \(\d+(\.\d)? (KB|MB)/u, 'prints the output path and size');
  assert.deepEqual(readdirSync(outDir), ['lectern.html'], 'one file');
  const html = readFileSync(out, 'utf8');

  // No external references: no src/href other than data: URIs and in-page anchors, no @import.
  for (const m of html.matchAll(/\b(src|href)\s*=\s*["']?([^"'\s>]*)/giu)) {
    assert.match(m[2], /^(data:|#)/u, `external reference: ${m[0]}`);
  }
  assert.doesNotMatch(html, /@import/iu);
  assert.doesNotMatch(html, /<link\b(?![^>]*rel="icon"[^>]*href="data:)/iu, 'no <link> but the data: icon');
  const urls = [...html.matchAll(/https?:\/\/[^\s"'<>)]+/giu)]
    .map((m) => m[0])
    .filter((u) => !u.startsWith('http://www.w3.org/'));
  assert.deepEqual(urls, [], 'no URLs other than XML namespaces');

  // The CSP.
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/u.exec(html);
  assert.ok(meta, 'CSP meta present');
  assert.ok(html.indexOf(meta[0]) < html.indexOf('<script'), 'CSP comes before the scripts');
  const policy = Object.fromEntries(
    meta[1]
      .replace(/&#39;/gu, "'")
      .split(';')
      .map((d) => {
        const [name, ...values] = d.trim().split(/\s+/u);
        return [name, values];
      }),
  );
  assert.deepEqual(policy['default-src'], ["'none'"]);
  assert.deepEqual(policy['connect-src'], ['data:']);
  assert.deepEqual(policy['base-uri'], ["'none'"]);
  assert.deepEqual(policy['form-action'], ["'none'"]);
  assert.deepEqual(policy['worker-src'], ['blob:'], 'the core worker, from a blob: URL only');
  assert.equal(policy['child-src'], undefined);
  for (const [name, values] of Object.entries(policy)) {
    for (const v of values)
      assert.doesNotMatch(
        v,
        /^(\*|https?:|ws:|wss:|file:|filesystem:|'self')/u,
        `${name} ${v}: nothing beyond the page`,
      );
  }
  assert.ok(policy['script-src'].includes("'wasm-unsafe-eval'"));
  assert.ok(!policy['script-src'].includes("'unsafe-eval'"), 'no eval');
  assert.ok(!policy['script-src'].includes("'unsafe-inline'"));
  assert.ok(!policy['style-src'].includes("'unsafe-inline'"));
  assert.doesNotMatch(html, /\sstyle=/u, 'no style attributes (the CSP would block them)');

  const elements = inlineElements(html);
  // What the page runs (the bundle) and may run (the core, a data block: core.js pageCoreFactory).
  const core = elements.find((e) => e.tag === 'script' && /id="lectern-core"/u.test(e.attrs));
  assert.ok(core && /type="text\/plain"/u.test(core.attrs), 'the core is not parsed at each open');
  const scripts = [core, ...elements.filter((e) => e.tag === 'script' && !/type=/u.test(e.attrs))];
  const styles = elements.filter((e) => e.tag === 'style');
  assert.equal(scripts.length, 2, 'the core and the bundle');
  // The page's own code and the libraries bundled with it (the bundle and the worker's glue) parse
  // no HTML and make no code from strings.
  for (const glue of [scripts[1], elements.find((e) => /id="lectern-worker"/u.test(e.attrs))])
    assert.doesNotMatch(glue.text, /\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|\beval\(|new Function\b/u);
  assert.equal(styles.length, 1);
  assert.deepEqual(
    policy['script-src'].filter((s) => s.startsWith("'sha256-")).sort(),
    scripts.map((s) => sha(s.text)).sort(),
  );
  assert.deepEqual(policy['style-src'], [sha(styles[0].text)]);
  for (const m of styles[0].text.matchAll(/url\(\s*["']?([^"')]*)/giu))
    assert.match(m[1], /^data:/u, `CSS url(): ${m[0]}`);
  for (const s of scripts) assert.doesNotMatch(s.attrs, /\bsrc=/u);

  // "</script" inside inlined text is escaped, and the core still works as a classic script.
  assert.match(scripts[0].text, /<\\\/script>/u);
  assert.doesNotMatch(scripts[0].text, /<\/script/iu);
  assert.doesNotMatch(scripts[0].text, /<!--/u);
  const context = vm.createContext({ Promise, JSON });
  vm.runInContext(scripts[0].text, context);
  assert.equal(typeof context.createLecternCore, 'function');
  assert.ok(scripts[1].text.length > 10000, 'the bundle');

  // The core worker's glue: a data block the page does not run, but a worker does, after the core.
  const glue = elements.find((e) => /id="lectern-worker"/u.test(e.attrs));
  assert.ok(glue && /type="text\/plain"/u.test(glue.attrs));
  assert.doesNotMatch(glue.text, /<\/script|<!--/iu);
  const posted = [];
  const listeners = {};
  const scope = {
    Promise,
    JSON,
    TextDecoder,
    TextEncoder,
    Uint8Array,
    Uint32Array,
    performance,
    postMessage: (m) => posted.push(m),
    addEventListener: (type, f) => {
      listeners[type] = f;
    },
  };
  scope.self = scope;
  const workerContext = vm.createContext(scope);
  vm.runInContext(`${scripts[0].text}\n;\n${glue.text}`, workerContext);
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(JSON.parse(JSON.stringify(posted)), [{ type: 'ready', version: 'fake' }]);
  assert.equal(typeof listeners.message, 'function');

  // The seeds, embedded as JSON.
  const seeds = elements.find((e) => /id="seeds"/u.test(e.attrs));
  assert.ok(seeds && /type="application\/json"/u.test(seeds.attrs));
  const data = JSON.parse(seeds.text);
  const names = readdirSync(path.join(ROOT, 'shared/seeds'))
    .filter((n) => n.endsWith('.txt'))
    .sort();
  assert.deepEqual(
    data.map((s) => s.name),
    names,
  );
  for (const s of data) assert.equal(s.text, readFileSync(path.join(ROOT, 'shared/seeds', s.name), 'utf8'));

  // The order: core, worker glue, seeds, bundle.
  assert.ok(html.indexOf(scripts[0].text) < html.indexOf(glue.text));
  assert.ok(html.indexOf(glue.text) < html.indexOf(seeds.text));
  assert.ok(html.indexOf(seeds.text) < html.indexOf(scripts[1].text));
});

test('build.mjs refuses a core that needs eval, unless --allow-eval', (t) => {
  const evalCore = `${FAKE_CORE}\nfunction make(n){ return new Function("body", "return body"); }\n`;
  const refused = buildWith(evalCore);
  t.after(() => rmSync(refused.dir, { recursive: true, force: true }));
  assert.notEqual(refused.run.status, 0);
  assert.match(refused.run.stderr, /DYNAMIC_EXECUTION=0/u);

  const allowed = buildWith(evalCore, ['--allow-eval']);
  t.after(() => rmSync(allowed.dir, { recursive: true, force: true }));
  assert.equal(allowed.run.status, 0, allowed.run.stderr);
  assert.match(readFileSync(allowed.out, 'utf8'), /script-src [^;]*'unsafe-eval'/u);
});

test('build.mjs says clearly when the core is missing or is not a Lectern core', (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lectern-build-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const missing = spawnSync(
    process.execPath,
    [BUILD, '--core', path.join(dir, 'nope.js'), '--out', path.join(dir, 'x.html')],
    { encoding: 'utf8' },
  );
  assert.notEqual(missing.status, 0);
  assert.match(missing.stderr, /no core at/u);
  const other = buildWith('var somethingElse = 1;');
  t.after(() => rmSync(other.dir, { recursive: true, force: true }));
  assert.notEqual(other.run.status, 0);
  assert.match(other.run.stderr, /does not define createLecternCore/u);
});

test('escapeScript and escapeJson', () => {
  assert.equal(escapeScript('a</script>b</SCRIPT>c<!--d'), 'a<\\/script>b<\\/SCRIPT>c<\\!--d');
  const json = escapeJson([{ text: '</script><!-- \u2028' }]);
  assert.doesNotMatch(json, /</u);
  assert.deepEqual(JSON.parse(json), [{ text: '</script><!-- \u2028' }]);
  assert.equal(typeof execFileSync, 'function');
});

test('every stylesheet under web/src is in the page, each once', () => {
  const found = readdirSync(path.join(ROOT, 'web/src'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.css'))
    .sort();
  assert.deepEqual([...STYLES].sort(), found);
});

test("packCore stores the core's .wasm gzipped and hands it back to Emscripten as wasmBinary", async () => {
  const wasm = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7) % 13)); // compressible
  const core = `var createLecternCore = function (options) {
  var file = "data:application/octet-stream;base64,${wasm.toString('base64')}";
  return Promise.resolve({ file: file, binary: options && options.wasmBinary, extra: options && options.extra });
};`;
  const packed = packCore(core);
  assert.ok(packed.includes('"data:application/octet-stream;base64,"'), 'the data: URI is emptied');
  assert.ok(packed.length < core.length / 2, `packed ${packed.length} of ${core.length} characters`);
  const context = vm.createContext({
    atob,
    ReadableStream,
    Response,
    DecompressionStream,
    Uint8Array,
    Object,
  });
  vm.runInContext(packed, context);
  const made = await context.createLecternCore({ extra: 1 });
  assert.equal(made.extra, 1, "the caller's options are kept");
  assert.deepEqual(Buffer.from(made.binary), wasm);
  assert.equal(
    packCore('var createLecternCore = 1;'),
    'var createLecternCore = 1;',
    'no data: URI: as it is',
  );
});
