// A minimal stand-in for the DOM (createElement, text nodes, fragments, attributes), enough to
// run the page's DOM builders under node and to inspect what they built.
class FakeNode {
  constructor(kind) {
    this.kind = kind;
    this.childNodes = [];
    this.parentNode = null;
  }
  append(...nodes) {
    for (const n of nodes) {
      const node = typeof n === 'string' ? new FakeText(n) : n;
      if (node.kind === 'fragment') {
        for (const c of node.childNodes) this.append(c);
        node.childNodes = [];
        continue;
      }
      node.parentNode = this;
      this.childNodes.push(node);
    }
  }
  get textContent() {
    return this.childNodes.map((c) => c.textContent).join('');
  }
  set textContent(v) {
    this.childNodes = [new FakeText(String(v))];
  }
}
class FakeText extends FakeNode {
  constructor(text) {
    super('text');
    this.data = text;
  }
  get textContent() {
    return this.data;
  }
}
class FakeElement extends FakeNode {
  constructor(tag) {
    super('element');
    this.tagName = tag.toUpperCase();
    this.attributes = new Map();
    this.className = '';
  }
  setAttribute(name, value) {
    this.attributes.set(name.toLowerCase(), String(value));
  }
  getAttribute(name) {
    return this.attributes.get(name.toLowerCase()) ?? null;
  }
}
export const fakeDocument = {
  createElement: (tag) => new FakeElement(tag),
  createTextNode: (text) => new FakeText(String(text)),
  createDocumentFragment: () => new FakeNode('fragment'),
};

/** Serialises a fake tree as HTML-like text (text escaped), for assertions. */
export function serialise(node) {
  if (node.kind === 'text')
    return node.data.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const inner = node.childNodes.map(serialise).join('');
  if (node.kind !== 'element') return inner;
  const tag = node.tagName.toLowerCase();
  const attrs =
    [...node.attributes].map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`).join('') +
    (node.className ? ` class="${node.className}"` : '');
  return `<${tag}${attrs}>${inner}</${tag}>`;
}

/** Every element in a fake tree. */
export function elements(node) {
  const out = node.kind === 'element' ? [node] : [];
  for (const c of node.childNodes) out.push(...elements(c));
  return out;
}
