// A tiny element builder. Text always goes in as text nodes: nothing here (or anywhere in the
// page) parses strings as HTML, because article text and file names are untrusted.

/**
 * h('button', {class: 'x', 'data-testid': 'y', onclick: fn}, 'text', child, [more])
 * Attributes named on* are event listeners; `false`/`null`/`undefined` attributes are left out;
 * `true` sets an empty attribute. Children: strings/numbers (as text), nodes, arrays, or null.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === false || value == null) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (name === 'textContent') {
      el.textContent = value;
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces all children of `el`. */
export function replaceChildren(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/**
 * Makes `parent`'s children exactly `nodes`, in order, moving as few as it can: those not wanted
 * are removed, and a node already in its place is left alone (a node taken out and put back is
 * laid out and painted again: the library's rows, redrawn several times a second while an import
 * adds articles, were most of each frame's layout).
 * @param {Node} parent
 * @param {Node[]} nodes
 */
export function keepChildren(parent, nodes) {
  const wanted = new Set(nodes);
  for (const child of [...parent.childNodes]) if (!wanted.has(child)) parent.removeChild(child);
  nodes.forEach((node, i) => {
    const here = parent.childNodes[i] ?? null;
    if (here !== node) parent.insertBefore(node, here);
  });
}

/** The focused element (typed as the HTML element it is in this page: dataset, focus()). */
export function focusedElement() {
  return /** @type {HTMLElement|null} */ (document.activeElement);
}

/** Whether an element takes text input (where our shortcuts and paste must not interfere). */
export function isEditable(el) {
  if (!el || !(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement) return !el.readOnly;
  if (el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'color', 'file', 'radio', 'range', 'reset', 'submit', 'image'].includes(
      el.type,
    );
  }
  return false;
}

/** Whether an element is an interactive control that handles Enter/Space itself. */
export function isControl(el) {
  return Boolean(
    el &&
    el instanceof Element &&
    el.closest('button, a[href], input, select, textarea, summary, [role="button"]'),
  );
}

/** An SVG icon from path data (paths are ours, not from articles). */
export function icon(pathData, label = '') {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', label ? 'false' : 'true');
  if (label) svg.setAttribute('aria-label', label);
  svg.setAttribute('focusable', 'false');
  for (const d of [].concat(pathData)) {
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

export const ICONS = {
  upload: ['M12 15V4', 'M7.5 8.5 12 4l4.5 4.5', 'M5 14v5h14v-5'],
  paste: ['M9 4h6v3H9z', 'M9 5.5H6.5V20h11V5.5H15', 'M9 11h6', 'M9 14.5h6'],
  keyboard: ['M3.5 7h17v10h-17z', 'M7 10.5h.01M10.5 10.5h.01M14 10.5h.01M17 10.5h.01', 'M8 14h8'],
  back: ['M19 12H5', 'M11 6l-6 6 6 6'],
  up: ['M12 19V5', 'M6 11l6-6 6 6'],
  down: ['M12 5v14', 'M6 13l6 6 6-6'],
  trash: ['M4.5 7h15', 'M9.5 7V4.5h5V7', 'M6.5 7l1 12.5h9l1-12.5', 'M10 10.5v6M14 10.5v6'],
  close: ['M6 6l12 12', 'M18 6 6 18'],
  file: ['M6 3.5h8l4 4V20.5H6z', 'M14 3.5V8h4'],
  note: ['M5 4.5h14v11l-4 4H5z', 'M15 19.5v-4h4', 'M8.5 9h7', 'M8.5 12.5h5'],
  highlight: ['M4 20h16', 'M14.5 4.5l4 4L10 17H6v-4z'],
  tag: ['M3.5 12.5V4.5h8l9 9-8 8z', 'M8 8.5h.01'],
  undo: ['M9 8H4.5V3.5', 'M4.8 8a8 8 0 1 1-1.3 5.5'],
  redo: ['M15 8h4.5V3.5', 'M19.2 8a8 8 0 1 0 1.3 5.5'],
  download: ['M12 4v11', 'M7.5 10.5 12 15l4.5-4.5', 'M5 19.5h14'],
  search: ['M10.5 4.5a6 6 0 1 1 0 12 6 6 0 0 1 0-12z', 'M15 15l5 5'],
  link: [
    'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1',
    'M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  ],
  edit: ['M4 20h4L19 9l-4-4L4 16z', 'M13.5 6.5l4 4'],
  swap: ['M4 8h14', 'M14.5 4.5 18 8l-3.5 3.5', 'M20 16H6', 'M9.5 12.5 6 16l3.5 3.5'],
  compare: ['M4 4.5h6.5v15H4z', 'M13.5 4.5H20v15h-6.5z', 'M6 9h2.5M6 12h2.5M15.5 9H18M15.5 12H18'],
  table: ['M3.5 5h17v14h-17z', 'M3.5 9.5h17', 'M3.5 14h17', 'M9 5v14', 'M14.5 5v14'],
};

/** The URL if it is an absolute http(s) URL (normalised), else null: javascript: and the like never
 * become links. */
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
