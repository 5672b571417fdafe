// Splitting a big JSON Lines file into chunks that end at newlines, with the line number each chunk
// starts at (the core cites lines in its messages; it is told where a chunk begins).

export const CHUNK_BYTES = 2 * 1024 * 1024;
const LF = 0x0a;

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
    let end = Math.min(start + target, bytes.length);
    if (end < bytes.length) {
      // Cut after the last newline at or before `end`; if the chunk has none, after the next one.
      const last = bytes.lastIndexOf(LF, end - 1);
      if (last >= start) {
        end = last + 1;
      } else {
        const next = bytes.indexOf(LF, end);
        end = next === -1 ? bytes.length : next + 1;
      }
    }
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
