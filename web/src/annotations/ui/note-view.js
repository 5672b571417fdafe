// Notes as DOM: the tree from markdown.js (or plain text) built with createElement and text nodes
// only. The only attributes set are href (absolute http(s), checked again here), rel and target on
// links, and `start` on ordered lists.
import { parseMarkdown, parsePlain, safeHref } from '../note-markdown.js';

const TAGS = {
  paragraph: 'p',
  blockquote: 'blockquote',
  list: null,
  item: 'li',
  strong: 'strong',
  em: 'em',
  code: 'code',
};

/**
 * @param {string} text  the note
 * @param {'text/markdown'|'text/plain'|string} format
 * @param {Document} [doc]  (tests pass a stand-in)
 * @returns {DocumentFragment}
 */
export function renderNote(text, format, doc = globalThis.document) {
  const tree = format === 'text/markdown' ? parseMarkdown(text) : parsePlain(text);
  const fragment = doc.createDocumentFragment();
  for (const node of tree) fragment.append(build(node, doc));
  return fragment;
}

function build(node, doc) {
  switch (node.type) {
    case 'text':
      return doc.createTextNode(String(node.text ?? ''));
    case 'break':
      return doc.createElement('br');
    case 'code-block': {
      const pre = doc.createElement('pre');
      const code = doc.createElement('code');
      code.textContent = String(node.text ?? '');
      pre.append(code);
      return pre;
    }
    case 'heading': {
      // Inside a note, a heading is a strong paragraph, not a document heading.
      const p = doc.createElement('p');
      p.className = 'note-heading';
      const strong = doc.createElement('strong');
      appendAll(strong, node.children, doc);
      p.append(strong);
      return p;
    }
    case 'list': {
      const list = doc.createElement(node.ordered ? 'ol' : 'ul');
      if (node.ordered && Number.isInteger(node.start) && node.start !== 1)
        list.setAttribute('start', String(node.start));
      appendAll(list, node.children, doc);
      return list;
    }
    case 'link': {
      const href = safeHref(node.href);
      if (!href) {
        const span = doc.createElement('span');
        appendAll(span, node.children, doc);
        return span;
      }
      const a = doc.createElement('a');
      a.setAttribute('href', href);
      a.setAttribute('rel', 'noopener noreferrer');
      a.setAttribute('target', '_blank');
      appendAll(a, node.children, doc);
      return a;
    }
    default: {
      const tag = TAGS[node.type];
      if (!tag) return doc.createTextNode('');
      const el = doc.createElement(tag);
      if (node.type === 'code') el.textContent = String(node.text ?? '');
      else appendAll(el, node.children, doc);
      return el;
    }
  }
}

function appendAll(parent, children, doc) {
  for (const child of children || []) parent.append(build(child, doc));
}
