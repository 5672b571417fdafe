// Notes as DOM. A Markdown note is parsed by a CommonMark parser (mdast-util-from-markdown) into a
// syntax tree, which is built here with createElement and text nodes only: nothing parses HTML, so
// "<script>" in a note (raw HTML is an `html` node) is shown as those characters. Links are kept
// only for absolute http(s) URLs; any other link or image stays visible as the text the author
// wrote. The only attributes set are href, rel and target on links, and `start` on ordered lists.
// A plain-text note is paragraphs at blank lines, with its line breaks.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { safeHref } from '../../shell/dom.js';

/** Longest note rendered as Markdown (longer ones are shown as plain text). */
export const MAX_MARKDOWN = 20000;
/** Containers (quotes, lists) nested deeper than this show as the text written. */
const MAX_DEPTH = 6;

/** Elements for mdast nodes that are only a wrapper around their children. */
const TAGS = {
  paragraph: 'p',
  blockquote: 'blockquote',
  listItem: 'li',
  strong: 'strong',
  emphasis: 'em',
  thematicBreak: 'hr',
};

/**
 * @param {string} text  the note
 * @param {'text/markdown'|'text/plain'|string} format
 * @param {Document} [doc]  (tests pass a stand-in)
 * @returns {DocumentFragment}
 */
export function renderNote(text, format, doc = globalThis.document) {
  const source = String(text ?? '').replace(/\r\n?/gu, '\n');
  const fragment = doc.createDocumentFragment();
  if (format === 'text/markdown' && source.length <= MAX_MARKDOWN) {
    const build = new Builder(doc, source);
    for (const node of fromMarkdown(source).children) fragment.append(build.node(node, 0));
  } else {
    for (const p of plainParagraphs(source)) {
      const el = doc.createElement('p');
      appendLines(el, p, doc);
      fragment.append(el);
    }
  }
  return fragment;
}

/** Plain text: paragraphs at blank lines. */
function plainParagraphs(text) {
  return text
    .split(/\n[^\S\n]*\n/u)
    .map((p) => p.replace(/^\n+|\n+$/gu, ''))
    .filter((p) => p.trim());
}

/** Text with its line breaks as <br>. */
function appendLines(parent, text, doc) {
  text.split('\n').forEach((line, i) => {
    if (i) parent.append(doc.createElement('br'));
    if (line) parent.append(doc.createTextNode(line));
  });
}

class Builder {
  constructor(doc, source) {
    this.doc = doc;
    this.source = source;
  }

  /** What the author wrote for `node`. */
  written(node) {
    const { start, end } = node.position ?? {};
    return start && end ? this.source.slice(start.offset, end.offset) : '';
  }

  node(node, depth) {
    const doc = this.doc;
    switch (node.type) {
      case 'text':
        return this.lines(node.value);
      case 'html': // raw HTML: text
        return this.lines(node.value);
      case 'break':
        return doc.createElement('br');
      case 'inlineCode': {
        const code = doc.createElement('code');
        code.textContent = node.value;
        return code;
      }
      case 'code': {
        const pre = doc.createElement('pre');
        const code = doc.createElement('code');
        code.textContent = node.value;
        pre.append(code);
        return pre;
      }
      case 'heading': {
        // Inside a note, a heading is a strong paragraph, not a document heading.
        const p = doc.createElement('p');
        p.className = 'note-heading';
        p.append(this.children(doc.createElement('strong'), node, depth));
        return p;
      }
      case 'list': {
        if (depth >= MAX_DEPTH) return this.lines(this.written(node));
        const list = doc.createElement(node.ordered ? 'ol' : 'ul');
        if (node.ordered && Number.isInteger(node.start) && node.start !== 1)
          list.setAttribute('start', String(node.start));
        return this.children(list, node, depth + 1);
      }
      case 'listItem': {
        // A tight list's items hold their text directly, not in paragraphs.
        const li = doc.createElement('li');
        for (const child of node.children) {
          if (child.type === 'paragraph' && !node.spread) this.children(li, child, depth);
          else li.append(this.node(child, depth));
        }
        return li;
      }
      case 'link': {
        const href = safeHref(node.url);
        if (!href) return this.lines(this.written(node));
        const a = doc.createElement('a');
        a.setAttribute('href', href);
        a.setAttribute('rel', 'noopener noreferrer');
        a.setAttribute('target', '_blank');
        return this.children(a, node, depth);
      }
      case 'blockquote':
        if (depth >= MAX_DEPTH) return this.lines(this.written(node));
        return this.children(doc.createElement('blockquote'), node, depth + 1);
      case 'definition': // a link reference's target: not shown
        return doc.createTextNode('');
      default: {
        // Images, references and anything else: the text written.
        const tag = TAGS[node.type];
        if (!tag) return this.lines(this.written(node));
        return this.children(doc.createElement(tag), node, depth);
      }
    }
  }

  children(parent, node, depth) {
    for (const child of node.children ?? []) parent.append(this.node(child, depth));
    return parent;
  }

  /** A text node, or text and <br> for the line breaks inside a paragraph (kept as written). */
  lines(text) {
    const fragment = this.doc.createDocumentFragment();
    appendLines(fragment, text, this.doc);
    return fragment;
  }
}
