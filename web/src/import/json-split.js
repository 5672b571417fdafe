// Splitting a big .json file — an array of article records — into chunks of whole records, so that
// it is read a piece at a time (a progress bar that moves, articles that arrive as they are read)
// instead of in one long call. Each chunk is itself a JSON array, "[" + the records' own bytes + "]",
// read by the core as a .json file; what the core says about it is then renumbered for the whole
// file (the core counts records, and names records without an id "FILE#N", from 1 in each chunk).
//
// Only a file that is valid JSON (checked with JSON.parse) and an array at the top level is split.
// Anything else — invalid JSON, invalid UTF-8, {"articles": [...]}, one object — is read whole, so
// the core's own message about it is unchanged. Pure: bytes in, byte ranges and fixed results out.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const LF = 0x0a;

const isSpace = (c) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Whether a file name is read as one JSON document (the core's rule: the .json extension). */
export function isJsonName(fileName) {
  return /\.json$/iu.test(String(fileName));
}

/**
 * The byte ranges of the elements of a top-level JSON array, or null when `bytes` does not hold
 * one (after an optional UTF-8 byte-order mark and whitespace). Expects valid JSON: it follows
 * strings and nesting only, it does not check the grammar.
 * @param {Uint8Array} bytes
 * @returns {{start: number, end: number}[] | null}  half-open, in order, without surrounding space
 */
export function arrayElements(bytes) {
  const n = bytes.length;
  let i = n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < n && isSpace(bytes[i])) i++;
  if (bytes[i] !== OPEN_ARRAY) return null;
  const ranges = [];
  let depth = 0; // nesting inside the current element
  let start = -1; // the current element's first byte (-1: between elements)
  let last = -1; // its last byte so far
  for (i++; i < n; i++) {
    const c = bytes[i];
    if (c === QUOTE) {
      if (start < 0) start = i;
      for (i++; i < n && bytes[i] !== QUOTE; i++) if (bytes[i] === BACKSLASH) i++;
      last = i;
      continue;
    }
    if (isSpace(c)) continue;
    if (depth === 0 && (c === COMMA || c === CLOSE_ARRAY)) {
      if (start >= 0) ranges.push({ start, end: last + 1 });
      start = -1;
      if (c === CLOSE_ARRAY) {
        for (i++; i < n; i++) if (!isSpace(bytes[i])) return null;
        return ranges;
      }
      continue;
    }
    if (start < 0) start = i;
    if (c === OPEN_ARRAY || c === OPEN_OBJECT) depth++;
    else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) depth--;
    last = i;
  }
  return null; // the array never closes
}

/** Whether a record gives its own id (the core's rule: a non-empty string, or a number). */
function hasOwnId(record) {
  const id = record !== null && typeof record === 'object' && !Array.isArray(record) ? record.id : undefined;
  return (typeof id === 'string' && id !== '') || typeof id === 'number';
}

/**
 * How to read a big .json file in chunks, or null when it should be read whole.
 * @param {Uint8Array} bytes
 * @returns {{ranges: {start: number, end: number}[], ownId: Uint8Array} | null}  ownId[i] is 1
 *   when record i (0-based) has an id of its own
 */
export function planJsonRecords(bytes) {
  let records;
  try {
    records = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null; // the core explains what is wrong with the file
  }
  if (!Array.isArray(records) || records.length < 2) return null;
  const ranges = arrayElements(bytes);
  if (!ranges || ranges.length !== records.length) return null;
  const ownId = new Uint8Array(records.length);
  for (let i = 0; i < records.length; i++) ownId[i] = hasOwnId(records[i]) ? 1 : 0;
  return { ranges, ownId };
}

/** "[" + bytes[ranges[from].start, ranges[to - 1].end) + "]": records from..to-1 as a JSON array. */
export function chunkBytes(bytes, ranges, from, to) {
  const body = bytes.subarray(ranges[from].start, ranges[to - 1].end);
  const out = new Uint8Array(body.length + 2);
  out[0] = OPEN_ARRAY;
  out.set(body, 1);
  out[out.length - 1] = CLOSE_ARRAY;
  return out;
}

/** Number of "\n" bytes in bytes[start, end). */
export function newlinesIn(bytes, start, end) {
  let count = 0;
  for (let i = bytes.indexOf(LF, start); i !== -1 && i < end; i = bytes.indexOf(LF, i + 1)) count++;
  return count;
}

/**
 * The core's answer for a chunk, renumbered for the whole file: "record N" and the default id
 * "FILE#N" count from the chunk's first record (`first`, 0-based in the file), and "error near line
 * L" counts from the line the chunk starts on (`linesBefore` newlines precede it in the file).
 * @param {{articles: object[], problems: object[]}} result  changed in place, and returned
 */
export function renumberChunk(result, { fileName, first, count, linesBefore, ownId }) {
  const name = String(fileName);
  const defaultId = (n) => Number.isInteger(n) && n >= 1 && n <= count && !ownId[first + n - 1];
  const localNumber = (id) => {
    if (typeof id !== 'string' || !id.startsWith(`${name}#`)) return NaN;
    const digits = id.slice(name.length + 1);
    return /^[1-9][0-9]*$/u.test(digits) ? Number(digits) : NaN;
  };
  for (const a of result.articles) {
    const n = localNumber(a?.id);
    if (defaultId(n)) a.id = `${name}#${first + n}`;
  }
  for (const p of result.problems) {
    const m = /^record ([0-9]+)$/u.exec(String(p?.where ?? ''));
    if (m) {
      const n = Number(m[1]);
      p.where = `record ${first + n}`;
      if (defaultId(n) && typeof p.message === 'string')
        p.message = p.message.split(`${name}#${n})`).join(`${name}#${first + n})`);
    } else if (!p?.where && typeof p?.message === 'string') {
      p.message = p.message.replace(
        /(error near line )([0-9]+)/u,
        (_, text, line) => `${text}${Number(line) + linesBefore}`,
      );
    }
  }
  return result;
}
