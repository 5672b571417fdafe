// Splitting a big JSON Lines file into chunks that end at newlines, with the line number each chunk
// starts at (the core cites lines in its messages; it is told where a chunk begins). Chunks are at
// most 2 MB, and sized as the import goes so that each takes about CHUNK_TARGET_MS to read: the
// page repaints and answers input between chunks.

export const CHUNK_BYTES = 2 * 1024 * 1024;
export const MIN_CHUNK_BYTES = 64 * 1024;
export const FIRST_CHUNK_BYTES = 128 * 1024;
export const CHUNK_TARGET_MS = 100;
const LF = 0x0a;

/**
 * The size for the next chunk, from how long the last one took: aiming at `targetMs`, growing at
 * most twofold per chunk, within [MIN_CHUNK_BYTES, max].
 */
export function adaptChunkSize(lastBytes, lastMs, { targetMs = CHUNK_TARGET_MS, max = CHUNK_BYTES } = {}) {
  const grown = Math.max(MIN_CHUNK_BYTES, lastBytes) * 2;
  const ideal = lastMs > 0 ? (lastBytes * targetMs) / lastMs : grown;
  return Math.round(Math.min(max, grown, Math.max(MIN_CHUNK_BYTES, ideal)));
}

/**
 * Where a chunk starting at `start` ends: just after the last newline within `target` bytes, or
 * after the first newline beyond (lines are never split), or at the end of the input.
 */
export function chunkEnd(bytes, start, target) {
  if (!(target > 0)) throw new RangeError('chunk size must be positive');
  const end = Math.min(start + target, bytes.length);
  if (end >= bytes.length) return bytes.length;
  const last = bytes.lastIndexOf(LF, end - 1);
  if (last >= start) return last + 1;
  const next = bytes.indexOf(LF, end);
  return next === -1 ? bytes.length : next + 1;
}

/** Whether a file is read in chunks: JSON Lines files larger than one chunk. */
export function shouldChunk(fileName, size, chunkBytes = CHUNK_BYTES) {
  return /\.jsonl$/iu.test(String(fileName)) && size > chunkBytes;
}

/**
 * Chunks of `bytes`, each about `target` bytes and ending just after a newline (or at the end of
 * the input; a line longer than `target` makes a longer chunk, as lines are never split).
 * @param {Uint8Array} bytes
 * @returns {{start: number, end: number, firstLine: number}[]} half-open byte ranges, covering
 *   the input in order; firstLine is 1-based.
 */
export function planChunks(bytes, target = CHUNK_BYTES, firstLine = 1) {
  if (!(target > 0)) throw new RangeError('chunk size must be positive');
  const chunks = [];
  let start = 0;
  let line = firstLine;
  while (start < bytes.length) {
    const end = chunkEnd(bytes, start, target);
    chunks.push({ start, end, firstLine: line });
    line += countNewlines(bytes, start, end);
    start = end;
  }
  return chunks;
}

/** Number of "\n" bytes in bytes[start, end). */
export function countNewlines(bytes, start = 0, end = bytes.length) {
  let n = 0;
  let i = bytes.indexOf(LF, start);
  while (i !== -1 && i < end) {
    n++;
    i = bytes.indexOf(LF, i + 1);
  }
  return n;
}
