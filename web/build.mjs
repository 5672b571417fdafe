#!/usr/bin/env node
// Builds Lectern's page: ONE self-contained HTML file that works when opened from disk (file://).
//
//   node web/build.mjs [--core build-wasm/bin/lectern-core.js] [--out dist/lectern.html]
//                      [--seeds shared/seeds] [--allow-eval] [--no-minify]
//
// From file://, browsers run only classic scripts (no module imports, no fetch of sibling files,
// no separate .wasm), so everything is inlined, in this order:
//   1. <style>: the stylesheets in STYLES, in that order, minified;
//   2. <script type="text/plain" id="lectern-core">: the core (an Emscripten MODULARIZE +
//      SINGLE_FILE build defining the global createLecternCore), its .wasm taken out of the build's
//      data: URI, gzipped and kept as a base64 string beside it (packCore: 4.8 MB of .wasm is
//      3.9 MB in the page instead of 6.4), inflated with the browser's DecompressionStream when the
//      core is created. A data block: the core runs in a worker (3.), so the page does not parse it
//      at each open; only without a worker does the page run it (core.js pageCoreFactory);
//   3. <script type="text/plain" id="lectern-worker">: web/src/core/worker.js bundled by esbuild, the
//      glue of the core worker. Not run by the page: the page starts a Web Worker from a blob: URL
//      holding the core's text (element 2) followed by this glue;
//   4. <script type="application/json" id="seeds">: the sample articles, shared/seeds/*.txt;
//   5. <script>: web/src/main.js bundled by esbuild (iife, minified, es2020).
// A Content-Security-Policy <meta> allows exactly the core and the bundle as scripts, and the style
// (by SHA-256), WebAssembly compilation ('wasm-unsafe-eval'), workers from blob: URLs only (the
// core worker), images only from data:/blob:, and no network at all. connect-src allows data: only: an unpacked
// Emscripten loader fetch()es its own embedded data: URI first (and falls back to decoding it when
// that fails; a packed core fetches nothing); allowing data: avoids a CSP violation report without
// allowing any request that leaves the machine. A worker from a blob: URL runs under this same
// policy (Chromium and Firefox both apply the creating document's policy to it): no network, no
// eval, WebAssembly allowed.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

/**
 * The page's stylesheets, each beside the feature it styles, in cascade order: the shell's base
 * first, narrow windows and print last so that they override every feature's rules.
 */
export const STYLES = [
  'shell/base.css',
  'reader/reader.css',
  'annotations/annotations.css',
  'entities/entities.css',
  'stories/stories.css',
  'entities/entity-index.css',
  'shell/overlays.css',
  'shell/narrow.css',
];
const WEB = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(WEB, '..');

function parseArgs(argv) {
  const args = {
    core: path.join(ROOT, 'build-wasm/bin/lectern-core.js'),
    out: path.join(ROOT, 'dist/lectern.html'),
    seeds: path.join(ROOT, 'shared/seeds'),
    allowEval: false,
    minify: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return path.resolve(v);
    };
    if (arg === '--core') args.core = value();
    else if (arg === '--out') args.out = value();
    else if (arg === '--seeds') args.seeds = value();
    else if (arg === '--allow-eval') args.allowEval = true;
    else if (arg === '--no-minify')
      args.minify = false; // for debugging and profiling
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(
        'usage: node web/build.mjs [--core FILE.js] [--out FILE.html] [--seeds DIR] [--allow-eval] [--no-minify]\n',
      );
      process.exit(0);
    } else throw new Error(`unknown argument: ${arg}`);
  }
  return args;
}

/** Text safe inside <script>…</script>: no "</script" (any case) and no "<!--". */
export function escapeScript(text) {
  return text.replace(/<\/(script)/giu, '<\\/$1').replace(/<!--/gu, '<\\!--');
}

/** JSON safe inside <script type="application/json">. */
export function escapeJson(value) {
  return JSON.stringify(value)
    .replace(/</gu, '\\u003c')
    .replace(/\u2028/gu, '\\u2028')
    .replace(/\u2029/gu, '\\u2029');
}

export function cspHash(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function escapeAttribute(text) {
  return text.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;').replace(/</gu, '&lt;');
}

function readSeeds(dir) {
  let names;
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.txt'))
      .sort();
  } catch {
    throw new Error(`no seed articles: cannot read ${dir}`);
  }
  return names.map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
}

function readCore(file, allowEval) {
  let core;
  try {
    core = readFileSync(file, 'utf8');
  } catch {
    throw new Error(
      `no core at ${path.relative(process.cwd(), file) || file}: build it first (or pass --core FILE)`,
    );
  }
  if (!/\bcreateLecternCore\b/u.test(core)) {
    throw new Error(
      `${file} does not define createLecternCore (build with -sMODULARIZE -sEXPORT_NAME=createLecternCore)`,
    );
  }
  if (/\.wasm["']/u.test(core) && !/data:application\/octet-stream;base64,/u.test(core)) {
    console.warn(
      `warning: ${file} seems to load a separate .wasm file, which a page opened from disk cannot do (build with -sSINGLE_FILE)`,
    );
  }
  const usesEval = /\bnew Function\s*\(|\beval\s*\(/u.test(core);
  if (usesEval && !allowEval) {
    throw new Error(
      `${file} generates code at run time (new Function / eval; Embind does unless built with ` +
        "-sDYNAMIC_EXECUTION=0), which the page's Content-Security-Policy forbids. Rebuild the core with " +
        "-sDYNAMIC_EXECUTION=0, or pass --allow-eval to add 'unsafe-eval' to the policy (not recommended).",
    );
  }
  return { text: core, usesEval };
}

const WASM_DATA_URI = /(data:application\/octet-stream;base64,)([A-Za-z0-9+/=]+)/u;

/**
 * The core's script with its .wasm gzipped: the data: URI Emscripten embeds (SINGLE_FILE) is
 * emptied, and createLecternCore is wrapped to inflate the stored bytes (DecompressionStream, in
 * every engine the page supports) and pass them as `wasmBinary`, which Emscripten then uses
 * without fetching anything. The bytes go in through a ReadableStream of their own, not
 * Blob.stream(): WebKit cannot read a Blob in a worker started from a file:// page's blob: URL
 * (NotReadableError), and the page fell back to the main thread there. A core without a data:
 * URI is returned as it is.
 * @param {string} text  the core's script
 */
export function packCore(text) {
  const match = WASM_DATA_URI.exec(text);
  if (!match) return text;
  const packed = gzipSync(Buffer.from(match[2], 'base64'), { level: 9 }).toString('base64');
  const unpack = `;createLecternCore=(function(create,packed){return function(options){
var text=atob(packed),bytes=new Uint8Array(text.length);
for(var i=0;i<text.length;i++)bytes[i]=text.charCodeAt(i);
var wasm=new ReadableStream({start:function(c){c.enqueue(bytes);c.close();}}).pipeThrough(new DecompressionStream("gzip"));
return new Response(wasm).arrayBuffer().then(function(binary){
return create(Object.assign({},options,{wasmBinary:binary}));});};})(createLecternCore,"${packed}");`;
  return text.replace(WASM_DATA_URI, '$1') + unpack;
}

export async function build(options) {
  const { core: coreFile, out, seeds: seedsDir, allowEval, minify = true } = options;
  const bundleOf = async (entry) =>
    (
      await esbuild.build({
        entryPoints: [path.join(WEB, entry)],
        bundle: true,
        // 'neutral', not 'browser': a package's "browser" build may use the DOM where its plain
        // build does not (decode-named-character-reference, under the Markdown parser, decodes
        // entities with innerHTML there); the page never parses HTML.
        platform: 'neutral',
        mainFields: ['module', 'main'],
        format: 'iife',
        minify,
        target: 'es2020',
        charset: 'utf8',
        legalComments: 'none',
        write: false,
        logLevel: 'warning',
      })
    ).outputFiles[0].text.trim();
  const appJs = escapeScript(await bundleOf('src/main.js'));
  const workerJs = escapeScript(await bundleOf('src/core/worker.js'));
  const css = (
    await esbuild.transform(STYLES.map((f) => readFileSync(path.join(WEB, 'src', f), 'utf8')).join('\n'), {
      loader: 'css',
      minify: true,
      charset: 'utf8',
    })
  ).code
    .trim()
    .replace(/<\/(style)/giu, '<\\/$1');
  const core = readCore(coreFile, allowEval);
  const coreJs = escapeScript(packCore(core.text.trim()));
  const seedsJson = escapeJson(readSeeds(seedsDir));

  const csp = [
    "default-src 'none'",
    `script-src ${cspHash(coreJs)} ${cspHash(appJs)} 'wasm-unsafe-eval'${core.usesEval ? " 'unsafe-eval'" : ''}`,
    `style-src ${cspHash(css)}`,
    'img-src data: blob:',
    'connect-src data:',
    'worker-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const icon =
    "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='7' fill='%23235a86'/%3E%3Cpath d='M10 8h4v13h8v3H10z' fill='%23fff'/%3E%3C/svg%3E";

  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="Lectern web/build.mjs">
<title>Lectern</title>
<link rel="icon" href="${icon}">
<style>${css}</style>
</head>
<body>
<div id="app" class="app"><p class="loading">Loading Lectern…</p></div>
<noscript><p>Lectern needs JavaScript to read articles. Nothing it reads leaves this computer.</p></noscript>
<script type="text/plain" id="lectern-core">${coreJs}</script>
<script type="text/plain" id="lectern-worker">${workerJs}</script>
<script type="application/json" id="seeds">${seedsJson}</script>
<script>${appJs}</script>
</body>
</html>
`;

  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, html);
  return { out, bytes: Buffer.byteLength(html), csp, usesEval: core.usesEval };
}

function formatSize(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const result = await build(args);
    if (result.usesEval) console.warn("warning: the policy allows 'unsafe-eval' (--allow-eval)");
    const shown = path.relative(process.cwd(), result.out) || result.out;
    console.log(
      `${shown.startsWith('..') ? result.out : shown} (${formatSize(result.bytes)}, ${statSync(result.out).size} bytes)`,
    );
  } catch (error) {
    console.error(`web/build.mjs: ${error.message}`);
    process.exit(1);
  }
}
