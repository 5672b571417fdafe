// A small Markdown subset for annotation notes, parsed into a plain tree that ui/markdown.js turns
// into DOM nodes with text nodes only: nothing here or there parses HTML, so "<script>" in a note
// is shown as those characters. Links are kept only for absolute http(s) URLs; anything else
// (javascript:, data:, relative) stays visible as the text the author wrote.
//
// Blocks: paragraphs (a line break inside one is kept), "#"…"######" headings, "-"/"*"/"+" and
// "1." lists (one level), "> " quotes, ``` fenced code. Inline: `code`, **strong**, __strong__,
// *em*, _em_, [text](http…), <http…>, backslash escapes. Raw HTML is text.
//
// Tree nodes: {type: 'paragraph'|'heading'|'blockquote'|'list'|'item'|'code-block'|'text'|'code'|
// 'strong'|'em'|'link'|'break', children?, text?, level?, ordered?, href?}.

/** Longest note rendered as Markdown (longer ones are shown as plain text). */
export const MAX_MARKDOWN = 20000;
const MAX_DEPTH = 6;

/** The URL if it is an absolute http(s) URL (normalised), else null. */
export function safeHref(url) {
  const s = String(url ?? '').trim();
  if (!/^https?:\/\//iu.test(s)) return null;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Markdown → block nodes. */
export function parseMarkdown(source, depth = 0) {
  const text = String(source ?? '').replace(/\r\n?/gu, '\n');
  if (text.length > MAX_MARKDOWN) return parsePlain(text);
  const lines = text.split('\n');
  const blocks = [];
  let paragraph = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', children: inlineLines(paragraph, depth) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^\s{0,3}(```|~~~)/u.exec(line);
    if (fence) {
      flush();
      const code = [];
      i++;
      while (i < lines.length && !lines[i].trimStart().startsWith(fence[1])) code.push(lines[i++]);
      blocks.push({ type: 'code-block', text: code.join('\n') });
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/u.exec(line);
    if (heading) {
      flush();
      blocks.push({ type: 'heading', level: heading[1].length, children: parseInline(heading[2], depth) });
      continue;
    }
    if (/^\s{0,3}>/u.test(line) && depth < MAX_DEPTH) {
      flush();
      const quoted = [];
      while (i < lines.length && /^\s{0,3}>/u.test(lines[i]))
        quoted.push(lines[i++].replace(/^\s{0,3}>\s?/u, ''));
      i--;
      blocks.push({ type: 'blockquote', children: parseMarkdown(quoted.join('\n'), depth + 1) });
      continue;
    }
    const bullet = /^\s{0,3}([-*+])\s+(.*)$/u;
    const number = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/u;
    if (bullet.test(line) || number.test(line)) {
      flush();
      const ordered = !bullet.test(line);
      const re = ordered ? number : bullet;
      const items = [];
      let start = null;
      while (i < lines.length && re.test(lines[i])) {
        const m = re.exec(lines[i++]);
        if (ordered && start === null) start = Number(m[1]);
        const itemLines = [m[2]];
        // Lines indented under an item continue it.
        while (i < lines.length && /^\s{2,}\S/u.test(lines[i]) && !re.test(lines[i]))
          itemLines.push(lines[i++].trim());
        items.push({ type: 'item', children: inlineLines(itemLines, depth) });
      }
      i--;
      blocks.push({ type: 'list', ordered, start: ordered ? start : undefined, children: items });
      continue;
    }
    paragraph.push(line);
  }
  flush();
  return blocks;
}

/** Plain text → paragraphs (blank lines) with their line breaks kept. */
export function parsePlain(source) {
  const text = String(source ?? '').replace(/\r\n?/gu, '\n');
  return text
    .split(/\n[^\S\n]*\n/u)
    .map((p) => p.replace(/^\n+|\n+$/gu, ''))
    .filter((p) => p.trim())
    .map((p) => ({
      type: 'paragraph',
      children: p
        .split('\n')
        .flatMap((line, i) =>
          i ? [{ type: 'break' }, { type: 'text', text: line }] : [{ type: 'text', text: line }],
        ),
    }));
}

function inlineLines(lines, depth) {
  const out = [];
  lines.forEach((line, i) => {
    if (i) out.push({ type: 'break' });
    out.push(...parseInline(line.replace(/^\s+/u, ''), depth));
  });
  return out;
}

const ESCAPABLE = '\\`*_{}[]()#+-.!>~|<"\'';

/** One line (or span) of inline Markdown → inline nodes. */
export function parseInline(source, depth = 0) {
  const s = String(source ?? '');
  const out = [];
  let text = '';
  const pushText = () => {
    if (text) out.push({ type: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    const rest = s.slice(i);
    if (c === '\\' && i + 1 < s.length && ESCAPABLE.includes(s[i + 1])) {
      text += s[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const m = /^(`+)([\s\S]*?[^`])\1(?!`)/u.exec(rest);
      if (m) {
        pushText();
        out.push({ type: 'code', text: m[2].trim() || m[2] });
        i += m[0].length;
        continue;
      }
    }
    if ((c === '*' || c === '_') && depth < MAX_DEPTH) {
      const strong =
        c === '*'
          ? /^\*\*(?=\S)([\s\S]*?\S)\*\*/u.exec(rest)
          : /^__(?=\S)([\s\S]*?\S)__(?![\p{L}\p{N}])/u.exec(rest);
      const wordBefore = i > 0 && /[\p{L}\p{N}]/u.test(s[i - 1]);
      if (strong && !(c === '_' && wordBefore)) {
        pushText();
        out.push({ type: 'strong', children: parseInline(strong[1], depth + 1) });
        i += strong[0].length;
        continue;
      }
      const em =
        c === '*'
          ? /^\*(?=[^\s*])([\s\S]*?[^\s*])\*(?!\*)/u.exec(rest)
          : /^_(?=[^\s_])([\s\S]*?[^\s_])_(?![\p{L}\p{N}])/u.exec(rest);
      if (em && !(c === '_' && wordBefore)) {
        pushText();
        out.push({ type: 'em', children: parseInline(em[1], depth + 1) });
        i += em[0].length;
        continue;
      }
    }
    if (c === '[' && depth < MAX_DEPTH) {
      const m =
        /^\[((?:\\.|[^\]\\])*)\]\(\s*<?([^\s<>()]*(?:\([^\s<>()]*\)[^\s<>()]*)*)>?(?:\s+"[^"]*")?\s*\)/u.exec(
          rest,
        );
      if (m) {
        const href = safeHref(m[2]);
        if (href) {
          pushText();
          const label = parseInline(m[1], depth + 1);
          out.push({ type: 'link', href, children: label.length ? label : [{ type: 'text', text: href }] });
          i += m[0].length;
          continue;
        }
        // Not a URL we link to: the text stays as written, so the reader sees where it pointed.
        text += m[0];
        i += m[0].length;
        continue;
      }
    }
    if (c === '<') {
      const m = /^<([a-z][a-z0-9+.-]*:[^\s<>]*)>/iu.exec(rest);
      if (m) {
        const href = safeHref(m[1]);
        if (href) {
          pushText();
          out.push({ type: 'link', href, children: [{ type: 'text', text: m[1] }] });
          i += m[0].length;
          continue;
        }
      }
    }
    text += c;
    i++;
  }
  pushText();
  return out;
}

/** The text of a tree, without markup (for search and for plain summaries). */
export function plainText(nodes) {
  return (nodes || []).map((n) => (n.type === 'break' ? '\n' : (n.text ?? plainText(n.children)))).join('');
}
