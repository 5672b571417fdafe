// Rules the page's source must keep: untrusted text (articles, file names) never reaches an HTML
// parser, and nothing evaluates strings as code (the page's CSP forbids it anyway).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SRC } from './helpers.mjs';

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(js|mjs)$/u.test(name) ? [full] : [];
  });
}

test('no HTML parsing of strings in the page source', () => {
  const banned = /\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment|srcdoc/u;
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, banned, path.relative(SRC, file));
  }
});

test('no eval, new Function or string timers in the page source', () => {
  const banned = /\beval\s*\(|new Function\b|set(?:Timeout|Interval)\(\s*['"`]/u;
  for (const file of sources(SRC)) {
    assert.doesNotMatch(readFileSync(file, 'utf8'), banned, path.relative(SRC, file));
  }
});

test('no style attributes set from script (the CSP would block them); CSSOM is used instead', () => {
  for (const file of sources(SRC)) {
    assert.doesNotMatch(readFileSync(file, 'utf8'), /setAttribute\(\s*['"]style['"]|\bstyle:\s*['"`]/u, path.relative(SRC, file));
  }
});
