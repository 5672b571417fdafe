// Splitting a W3C annotation file into its annotations as it is read, a piece of text at a time,
// so that a file of any size is imported in batches (the core reads at most 32 MB of annotation
// JSON per call, and one giant string would not fit in a tab either). The annotations are the
// elements of the file's list: a top-level array, an AnnotationPage's `items`, or the `items` of an
// AnnotationCollection's embedded `first` page. Everything else — @context, type, label, the
// brackets of the list — is the envelope, kept as text: a batch is the envelope with some of the
// elements put back in the list, so the core reads each batch as the file it came from (the same
// context, the same container, error paths that only need their index shifted).
//
// Follows strings and nesting only; it does not check the grammar: a broken file gives batches the
// core then reports as not JSON. A file with no list (one Annotation, or not annotations at all) is
// all envelope. Pure: text in, elements and envelope out.

/** The envelope is small in any annotation file; past this the file is not one to split. */
export const MAX_ENVELOPE_CHARS = 1 << 20;

const WHERE_ITEMS = new Map([
  ['', ''], // a top-level array
  ['items', 'items'], // an AnnotationPage
  ['first.items', 'first.items'], // an AnnotationCollection with its first page embedded
]);

/**
 * A resumable scanner: `push` text as it is decoded, then `end`. Elements come out through
 * `onElement(text)` as soon as they close.
 */
export class AnnotationItemSplitter {
  /** @param {(text: string) => void} onElement */
  constructor(onElement) {
    this.onElement = onElement;
    /** @type {{array: boolean, key: string, path: string}[]} open objects and arrays */
    this.stack = [];
    this.inString = false;
    this.escape = false;
    this.key = ''; // the last key read in the innermost object (only kept near the top)
    /** @type {string[]|null} a key being read, or null */
    this.keyParts = null;
    this.keyStart = 0;
    this.expectKey = false;
    this.itemsDepth = -1; // stack depth of the list, while inside it
    this.itemsPath = null; // "", "items" or "first.items" once the list is found
    this.itemsAt = -1; // where the elements go in the envelope
    /** @type {string[]} */
    this.envelope = [];
    this.envelopeChars = 0;
    this.tooBig = false; // the envelope passed MAX_ENVELOPE_CHARS: not a file to split
    /** @type {string[]|null} pieces of the element being read, or null between elements */
    this.element = null;
    this.count = 0;
  }

  /** @param {string} text */
  push(text) {
    let from = 0; // start of the stretch of `text` not yet given to the envelope or an element
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escape) this.escape = false;
        else if (c === 0x5c) this.escape = true;
        else if (c === 0x22) this.inString = false;
        if (this.keyParts && !this.inString) {
          this.keyParts.push(text.slice(this.keyStart, i));
          this.key = this.keyParts.join('');
          this.keyParts = null;
        }
        continue;
      }
      const inList = this.itemsDepth >= 0 && this.stack.length === this.itemsDepth;
      if (inList) {
        if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
        if (c === 0x2c || c === 0x5d) {
          if (this.element) {
            this.element.push(text.slice(from, i));
            this.finishElement();
          }
          from = i;
          if (c === 0x2c) {
            from = i + 1;
            continue;
          }
          // The list closes: what follows is envelope again.
          this.itemsDepth = -1;
          this.stack.pop();
          this.expectKey = false;
          continue;
        }
        if (!this.element) {
          this.element = [];
          from = i;
        }
      }
      if (c === 0x22) {
        this.inString = true;
        const top = this.stack[this.stack.length - 1];
        if (top && !top.array && this.expectKey && this.stack.length <= 2) {
          this.keyParts = [];
          this.keyStart = i + 1;
        }
        continue;
      }
      if (c === 0x3a) this.expectKey = false;
      else if (c === 0x2c) this.expectKey = !this.stack[this.stack.length - 1]?.array;
      else if (c === 0x7b || c === 0x5b) {
        if (this.open(c === 0x5b, i, text, from)) from = i + 1;
      } else if (c === 0x7d || c === 0x5d) {
        this.stack.pop();
        this.expectKey = false;
      }
    }
    if (this.keyParts) {
      this.keyParts.push(text.slice(this.keyStart));
      this.keyStart = 0;
    }
    const rest = text.slice(from);
    if (this.element) this.element.push(rest);
    else this.addEnvelope(rest);
  }

  /**
   * An object or array opens at text[i]. Returns true when it is the list: the envelope takes
   * text up to and with its "[" and the elements start after it.
   */
  open(array, i, text, from) {
    const parent = this.stack[this.stack.length - 1];
    const path = !parent ? '' : parent.array ? null : parent.path ? `${parent.path}.${this.key}` : this.key;
    this.stack.push({ array, key: this.key, path: path ?? '\u0000' });
    this.expectKey = !array;
    this.key = '';
    if (!array || this.itemsPath !== null || this.element || !WHERE_ITEMS.has(path ?? '\u0000')) return false;
    this.itemsPath = /** @type {string} */ (path);
    this.itemsDepth = this.stack.length;
    this.addEnvelope(text.slice(from, i + 1));
    this.itemsAt = this.envelopeChars;
    return true;
  }

  finishElement() {
    const text = /** @type {string[]} */ (this.element).join('').trim();
    this.element = null;
    this.count++;
    this.onElement(text);
  }

  addEnvelope(text) {
    if (!text || this.tooBig) return;
    this.envelopeChars += text.length;
    // Not an annotation file's envelope (one huge Annotation, or not annotations at all): the
    // caller reads such a file whole, or says it cannot; it is not kept here.
    if (this.envelopeChars > MAX_ENVELOPE_CHARS) {
      this.tooBig = true;
      this.envelope = [];
    } else this.envelope.push(text);
  }

  /**
   * The envelope with these elements in the list: a batch for the core, read as the file would be.
   * Only meaningful once the list has closed (`listPath` not null and `tooBig` false).
   * @param {string[]} elements
   */
  batch(elements) {
    const envelope = this.envelope.join('');
    return `${envelope.slice(0, this.itemsAt)}${elements.join(',\n')}${envelope.slice(this.itemsAt)}`;
  }

  /** Where the list was: "", "items" or "first.items"; null when the file has none. */
  get listPath() {
    return this.itemsPath;
  }
}

/**
 * A problem's JSON path in a batch, for the whole file: the element index counts from the batch's
 * first element (`first`, 0-based in the file). "first.items[3].target" → "first.items[1003].target".
 */
export function shiftPath(path, listPath, first) {
  const p = String(path ?? '');
  const prefix = listPath ?? '';
  if (!p.startsWith(`${prefix}[`)) return p;
  return p.replace(/^([^[]*)\[([0-9]+)\]/u, (_, head, n) => `${head}[${Number(n) + first}]`);
}

/**
 * Text read from a file per step (a slice of the file, decoded). Each step is decoded and scanned
 * on the page's main thread in one task: 512 KB take about 10 ms (4 MB took 150 ms and more).
 */
const READ_BYTES = 512 << 10;
/**
 * A batch for the core holds about this many characters of elements (≤ 3 MB of UTF-8): the page
 * parses a batch (its ids) and the core's answer for it in one task each, so batches stay small.
 */
export const BATCH_CHARS = 1 << 20;

/**
 * A file's text, a slice at a time (throws on invalid UTF-8), with the fraction read so far.
 * @param {Blob} file
 * @returns {AsyncGenerator<{text: string, read: number}>}
 */
async function* textPieces(file) {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes, at) => {
    try {
      return decoder.decode(bytes, { stream: !!bytes });
    } catch {
      throw new Error(`not valid UTF-8 (in the ${at === null ? 'last bytes' : `bytes from ${at}`})`);
    }
  };
  for (let at = 0; at < file.size; at += READ_BYTES) {
    const bytes = new Uint8Array(await file.slice(at, at + READ_BYTES).arrayBuffer());
    yield { text: decode(bytes, at), read: Math.min(file.size, at + READ_BYTES) / file.size };
  }
  yield { text: decode(undefined, null), read: 1 };
}

/**
 * An annotation file's batches, for the core, as the file is read: the file is read twice, once
 * for its envelope (an export's `type` comes after its list) and once for the elements, so what is
 * held at a time is one batch. A file without a list (one Annotation) is one batch, itself.
 * @param {Blob} file
 * @param {{batchChars?: number, progress?: (fraction: number) => void}} [options]
 * @returns {AsyncGenerator<{text: string, first: number, count: number, listPath: string|null, total: number}>}
 *   `first` the index of the batch's first element in the file, `count` how many it holds,
 *   `total` the elements in the file
 */
export async function* annotationBatches(file, { batchChars = BATCH_CHARS, progress } = {}) {
  const envelope = new AnnotationItemSplitter(() => {});
  for await (const { text, read } of textPieces(file)) {
    envelope.push(text);
    progress?.(read / 2);
  }
  if (envelope.listPath === null || envelope.tooBig) {
    yield { text: await file.text(), first: 0, count: 1, listPath: null, total: 1 };
    return;
  }
  const total = envelope.count;
  /** @type {string[]} */
  let pending = [];
  let chars = 0;
  let first = 0;
  const ready = [];
  const elements = new AnnotationItemSplitter((text) => {
    pending.push(text);
    chars += text.length;
    if (chars < batchChars) return;
    ready.push(pending);
    pending = [];
    chars = 0;
  });
  const batch = (list) => {
    const out = { text: envelope.batch(list), first, count: list.length, listPath: envelope.listPath, total };
    first += list.length;
    return out;
  };
  for await (const { text, read } of textPieces(file)) {
    elements.push(text);
    progress?.(0.5 + read / 2);
    while (ready.length) yield batch(/** @type {string[]} */ (ready.shift()));
  }
  while (ready.length) yield batch(/** @type {string[]} */ (ready.shift()));
  if (pending.length || first === 0) yield batch(pending);
}

/**
 * The ids of the annotations in a batch (or a whole file): those of its list's elements, or its
 * own when it is one annotation. None when it is not JSON (the core then says why).
 * @param {string} text
 * @returns {string[]}
 */
export function idsInBatch(text) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    return [];
  }
  const types = [doc?.type].flat();
  const list = Array.isArray(doc)
    ? doc
    : types.includes('AnnotationCollection')
      ? doc.first?.items
      : types.includes('AnnotationPage')
        ? doc.items
        : [doc];
  return (Array.isArray(list) ? list : [])
    .map((a) => a?.id)
    .filter((id) => typeof id === 'string' && id !== '');
}
