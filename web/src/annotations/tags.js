// Tags for annotations: names, colours and the 1–9 shortcuts. Pure; the app keeps one TagSet,
// stored locally (IndexedDB meta "annotationTags"). Tags are made on the fly; each gets a colour
// from the palette (one not yet used, while any is left) that the user can change. The first nine
// tags, in the order they were made, have the shortcuts 1–9.

/** Distinct colours that read well as tints and underlines on light and dark pages. */
export const PALETTE = Object.freeze([
  '#e0a100',
  '#2f7ed8',
  '#d9534f',
  '#3a9d5d',
  '#8e5bd0',
  '#e07b39',
  '#1b9aaa',
  '#c2418f',
  '#7a8b2f',
  '#6d7780',
]);

export const DEFAULT_COLOR = '#8a9097';
/** A highlight without a tag. */
export const HIGHLIGHT_COLOR = '#d9a300';
export const MAX_TAG_LENGTH = 60;

/** A tag name as kept: whitespace collapsed, trimmed, at most MAX_TAG_LENGTH characters; '' if none. */
export function normaliseTagName(name) {
  const s = String(name ?? '')
    .replace(/\s+/gu, ' ')
    .trim();
  return [...s].slice(0, MAX_TAG_LENGTH).join('');
}

/** "#rrggbb" in lower case, from "#rgb" or "#rrggbb"; null when not a colour. */
export function normaliseColor(color) {
  const s = String(color ?? '')
    .trim()
    .toLowerCase();
  if (/^#[0-9a-f]{6}$/u.test(s)) return s;
  if (/^#[0-9a-f]{3}$/u.test(s)) return `#${s[1]}${s[1]}${s[2]}${s[2]}${s[3]}${s[3]}`;
  return null;
}

/** The same colour with alpha, for tints: "rgb(r g b / a)". */
export function tint(color, alpha) {
  const c = normaliseColor(color) || DEFAULT_COLOR;
  const n = parseInt(c.slice(1), 16);
  return `rgb(${(n >> 16) & 255} ${(n >> 8) & 255} ${n & 255} / ${alpha})`;
}

const key = (name) => normaliseTagName(name).toLocaleLowerCase('en');

export class TagSet {
  /** @param {{name: string, color?: string}[]} [tags] */
  constructor(tags = []) {
    /** @type {{name: string, color: string}[]} */
    this.tags = [];
    for (const t of Array.isArray(tags) ? tags : []) this.ensure(t?.name, t?.color);
  }

  get size() {
    return this.tags.length;
  }

  list() {
    return this.tags.map((t) => ({ ...t }));
  }

  /** The tag with this name (compared without case), or null. */
  get(name) {
    const k = key(name);
    return this.tags.find((t) => key(t.name) === k) ?? null;
  }

  has(name) {
    return Boolean(this.get(name));
  }

  /**
   * The tag named `name`, made when missing (with `color`, else the next palette colour).
   * @returns {{name: string, color: string}|null} null for an empty name
   */
  ensure(name, color) {
    const n = normaliseTagName(name);
    if (!n) return null;
    const found = this.get(n);
    if (found) return found;
    const tag = { name: n, color: normaliseColor(color) || this.nextColor() };
    this.tags.push(tag);
    return tag;
  }

  nextColor() {
    const used = new Set(this.tags.map((t) => t.color));
    return PALETTE.find((c) => !used.has(c)) ?? PALETTE[this.tags.length % PALETTE.length];
  }

  /** @returns {boolean} whether it changed */
  setColor(name, color) {
    const tag = this.get(name);
    const c = normaliseColor(color);
    if (!tag || !c || tag.color === c) return false;
    tag.color = c;
    return true;
  }

  colorOf(name) {
    return this.get(name)?.color ?? DEFAULT_COLOR;
  }

  /** 1–9 for the first nine tags, else null. */
  shortcutOf(name) {
    const k = key(name);
    const i = this.tags.findIndex((t) => key(t.name) === k);
    return i >= 0 && i < 9 ? i + 1 : null;
  }

  /** The tag with shortcut `n` (1–9), or null. */
  byShortcut(n) {
    const i = Number(n) - 1;
    return Number.isInteger(i) && i >= 0 && i < 9 ? (this.tags[i] ?? null) : null;
  }

  /** Tags whose names start with (then contain) `prefix`, for suggestions. */
  suggest(prefix, limit = 8) {
    const p = key(prefix);
    if (!p) return this.tags.slice(0, limit);
    const starts = this.tags.filter((t) => key(t.name).startsWith(p));
    const contains = this.tags.filter((t) => !key(t.name).startsWith(p) && key(t.name).includes(p));
    return [...starts, ...contains].slice(0, limit);
  }

  toJSON() {
    return this.list();
  }
}
