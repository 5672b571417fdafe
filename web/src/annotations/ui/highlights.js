// The article body with its highlights: paragraphs of sentence spans (segments.js), the text cut
// at every highlight edge into <mark> elements (annotation-model.js segmentRange), and a map from
// each text node to its offset in the body, so that a DOM selection becomes body offsets.
//
// Entity mentions (entities/) wrap the text they cover in <span class="ent"> outside the marks, so
// the user's highlights paint on top of them.
//
// Overlapping highlights stay legible: each mark has a light tint per annotation covering it
// (they blend where they overlap) and one thin underline per annotation, stacked below the text
// in the annotation's (first tag's) colour; carried-over ones are dashed. Styles are set through
// CSSOM (the page's CSP forbids style attributes).
import { h } from '../../shell/dom.js';
import { layoutBody } from '../../reader/segments.js';
import { segmentRange } from '../annotation-model.js';
import { tint } from '../tags.js';
import { entityParts } from '../../entities/entity-model.js';

const MAX_LAYERS = 4;

/**
 * @param {object} article  the record's article ({body, paragraphs, sentences})
 * @param {{id: string, start: number, end: number, color: string, kind: string, label: string}[]} highlights
 *   UTF-16 offsets
 * @param {{dark?: boolean, entities?: {start: number, end: number, type: string, id: string,
 *   label: string}[]}} [options]  entities: mentions in text order, not overlapping (UTF-16)
 * @returns {{fragment: DocumentFragment, offsets: WeakMap<Text, number>, empty: boolean}}
 */
export function buildBody(article, highlights, { dark = false, entities = [] } = {}) {
  const plan = layoutBody(article);
  const body = String(article.body ?? '');
  const offsets = new WeakMap();
  const byId = new Map(highlights.map((x) => [x.id, x]));
  const fragment = document.createDocumentFragment();
  for (const paragraph of plan) {
    const p = h('p', {});
    let at = paragraph.start;
    for (const piece of paragraph.pieces) {
      const start = at;
      const end = start + piece.text.length;
      at = end;
      const container =
        piece.kind === 'sentence'
          ? h('span', {
              class: 'sentence',
              tabindex: '0',
              'data-testid': 'sentence',
              'data-index': piece.index,
              'data-start': start,
              'data-end': end,
            })
          : p;
      for (const part of entityParts(start, end, entities)) {
        const m = entities[part.mention];
        const into = m
          ? h('span', {
              class: 'ent',
              'data-testid': 'entity',
              'data-type': m.type,
              'data-entity': m.id,
              'data-mention': part.mention,
              tabindex: '-1',
              title: m.label,
            })
          : container;
        appendSegments(into, body, part, highlights, byId, offsets, dark);
        if (into !== container) container.append(into);
      }
      if (container !== p) p.append(container);
    }
    fragment.append(p);
  }
  return { fragment, offsets, empty: plan.length === 0 };
}

/** The text of [part.start, part.end) into `into`, cut into marks where highlights cover it. */
function appendSegments(into, body, part, highlights, byId, offsets, dark) {
  for (const seg of segmentRange(part.start, part.end, highlights)) {
    const node = document.createTextNode(body.slice(seg.start, seg.end));
    offsets.set(node, seg.start);
    if (!seg.ids.length) {
      into.append(node);
      continue;
    }
    const layers = seg.ids.map((id) => byId.get(id)).filter(Boolean);
    const mark = h(
      'mark',
      {
        class: 'hl',
        'data-testid': 'highlight',
        'data-ids': seg.ids.join(' '),
        'data-kind': layers.every((l) => l.kind === 'carried') ? 'carried' : 'own',
        title: layers.map((l) => l.label).join('\n'),
      },
      node,
    );
    paintMark(mark, layers, dark);
    into.append(mark);
  }
}

/** Tints and stacked underlines for the annotations covering one mark (outermost first). */
export function paintMark(mark, layers, dark = false) {
  const shown = layers.slice(0, MAX_LAYERS);
  const images = [];
  const tints = [];
  shown.forEach((l, i) => {
    const c = l.color;
    const y = `calc(100% - ${i * 3}px)`;
    if (l.kind === 'carried') {
      images.push(
        `repeating-linear-gradient(90deg, ${c} 0 5px, transparent 5px 8px) 0 ${y} / 100% 2px no-repeat`,
      );
      tints.push(`linear-gradient(${tint(c, dark ? 0.14 : 0.08)}, ${tint(c, dark ? 0.14 : 0.08)})`);
    } else {
      images.push(`linear-gradient(${c}, ${c}) 0 ${y} / 100% 2px no-repeat`);
      tints.push(`linear-gradient(${tint(c, dark ? 0.26 : 0.17)}, ${tint(c, dark ? 0.26 : 0.17)})`);
    }
  });
  mark.style.setProperty('background', [...images, ...tints].join(', '));
  mark.style.setProperty('padding-bottom', `${shown.length * 3}px`);
}

/**
 * The body offset (UTF-16) of a DOM point inside the body, or null when it is outside it.
 * @param {Node} root  the body element
 * @param {WeakMap<Text, number>} offsets
 */
export function pointOffset(root, offsets, node, offset, edge = 'start') {
  if (!node || !root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const base = offsets.get(node);
    return base == null ? nearestText(root, offsets, node, edge) : base + Math.min(offset, node.data.length);
  }
  // An element and a child index: the text right after that point (or right before, at the end).
  const child = node.childNodes[offset];
  if (child) {
    const first = firstText(child, offsets);
    if (first) return offsets.get(first);
    return nearestText(root, offsets, child, 'start');
  }
  const last = lastText(node, offsets);
  if (last) return offsets.get(last) + last.data.length;
  return nearestText(root, offsets, node, 'end');
}

function firstText(node, offsets) {
  if (node.nodeType === Node.TEXT_NODE) return offsets.has(node) ? node : null;
  for (const c of node.childNodes) {
    const t = firstText(c, offsets);
    if (t) return t;
  }
  return null;
}

function lastText(node, offsets) {
  if (node.nodeType === Node.TEXT_NODE) return offsets.has(node) ? node : null;
  for (let i = node.childNodes.length - 1; i >= 0; i--) {
    const t = lastText(node.childNodes[i], offsets);
    if (t) return t;
  }
  return null;
}

/** The offset of the mapped text nearest after (edge 'start') or before (edge 'end') `node`. */
function nearestText(root, offsets, node, edge) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  /** @type {Text|null} */
  let before = null;
  /** @type {Text|null} */
  let t;
  while ((t = /** @type {Text|null} */ (walker.nextNode()))) {
    if (!offsets.has(t)) continue;
    const position = node.compareDocumentPosition(t);
    if (position & Node.DOCUMENT_POSITION_FOLLOWING)
      return edge === 'start' || !before ? offsets.get(t) : offsets.get(before) + before.data.length;
    before = t;
  }
  return before ? offsets.get(before) + before.data.length : null;
}

/**
 * The body range (UTF-16) a DOM Range covers, clipped to the body; null when it covers no body text.
 */
export function rangeOffsets(root, offsets, range) {
  if (!range || range.collapsed) return null;
  const startInside = root.contains(range.startContainer);
  const endInside = root.contains(range.endContainer);
  if (!startInside && !endInside && !range.intersectsNode(root)) return null;
  const start = startInside
    ? pointOffset(root, offsets, range.startContainer, range.startOffset, 'start')
    : pointOffset(root, offsets, root, 0, 'start');
  const end = endInside
    ? pointOffset(root, offsets, range.endContainer, range.endOffset, 'end')
    : pointOffset(root, offsets, root, root.childNodes.length, 'end');
  if (start == null || end == null || end <= start) return null;
  return { start, end };
}

/** A DOM Range over body offsets [start, end) (UTF-16), or null when the body lacks them. */
export function offsetsToRange(root, offsets, start, end) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  /** @type {[Text, number]|null} */
  let startPoint = null;
  /** @type {[Text, number]|null} */
  let endPoint = null;
  for (
    let t = /** @type {Text|null} */ (walker.nextNode());
    t;
    t = /** @type {Text|null} */ (walker.nextNode())
  ) {
    const base = offsets.get(t);
    if (base == null) continue;
    const len = t.data.length;
    if (!startPoint && start >= base && start <= base + len) startPoint = [t, start - base];
    if (end >= base && end <= base + len) {
      endPoint = [t, end - base];
      if (startPoint) break;
    }
  }
  if (!startPoint || !endPoint) return null;
  const range = document.createRange();
  range.setStart(...startPoint);
  range.setEnd(...endPoint);
  return range;
}

/** Whether two lists of highlights would draw the same marks. */
export function sameHighlights(a, b) {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i];
    return (
      x.id === y.id &&
      x.start === y.start &&
      x.end === y.end &&
      x.color === y.color &&
      x.kind === y.kind &&
      x.label === y.label
    );
  });
}
