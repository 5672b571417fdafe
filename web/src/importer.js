// Importing a batch of inputs (files, pasted text, seeds) into the collection, one file and one
// chunk at a time, yielding between them. No DOM here: inputs, the core and the persistence are
// passed in, so this runs under node's test runner with a fake core.
import {
  adaptChunkSize, chunkEnd, countNewlines, shouldChunk, CHUNK_BYTES, FIRST_CHUNK_BYTES,
} from './chunking.js';
import { makeRecord, rowOf } from './records.js';
import {
  MAX_FILE_BYTES, coreFailureProblem, directoryProblem, emptyArticleProblem, normaliseProblem,
  tooLargeProblem, unreadableProblem,
} from './problems.js';
import { yieldToEventLoop } from './yield.js';

/**
 * @typedef {object} ImportInput
 * @property {string} name                     the file name (its extension picks the format)
 * @property {number} size                     in bytes (checked before reading)
 * @property {() => Promise<Uint8Array>} read  the bytes
 * @property {boolean} [isDirectory]  a folder that could not be opened (`empty`: one with no files)
 * @property {boolean} [empty]
 * @property {Error} [error]            the file could not even be listed
 *
 * @typedef {object} ImportProgress
 * @property {number} fileIndex   0-based index of the file being read
 * @property {number} fileCount
 * @property {string} fileName
 * @property {number} bytesDone   over the whole batch
 * @property {number} bytesTotal
 * @property {number} records     articles read so far in the batch (added or not)
 * @property {boolean} done
 */

/**
 * @param {ImportInput[]} inputs
 * @param {object} deps
 * @param {import('./core.js').CoreReader} deps.reader
 * @param {import('./collection.js').Collection} deps.collection
 * @param {(records: object[]) => Promise<void>|void} [deps.onAdded]  after each chunk's new records
 *   were added to the collection (to persist and render them); errors are the caller's to handle
 * @param {(p: ImportProgress) => void} [deps.onProgress]
 * @param {() => Promise<void>} [deps.yieldNow]
 * @param {boolean} [deps.seed]  the inputs are the sample articles
 * @param {() => number} [deps.now]
 * @param {number} [deps.chunkBytes]  the largest chunk of a .jsonl file read at once
 * @param {number} [deps.firstChunkBytes]  the first chunk's size; later ones adapt to the time taken
 * @param {() => number} [deps.clock]  ms, for timing chunks
 * @param {number} [deps.maxFileBytes]
 * @returns {Promise<{added: object[], duplicates: {file: string, id: string, title: string}[],
 *   problems: object[], results: {id: string, title: string, added: boolean, file: string}[],
 *   fileCount: number}>}
 */
export async function importInputs(inputs, deps) {
  const {
    reader, collection, onAdded = () => {}, onProgress = () => {}, yieldNow = yieldToEventLoop,
    seed = false, now = () => Date.now(), chunkBytes = CHUNK_BYTES, maxFileBytes = MAX_FILE_BYTES,
    firstChunkBytes = Math.min(FIRST_CHUNK_BYTES, chunkBytes), clock = () => performance.now(),
  } = deps;
  const out = { added: [], duplicates: [], problems: [], results: [], fileCount: inputs.length };
  const bytesTotal = inputs.reduce((sum, f) => sum + (f.isDirectory ? 0 : Math.max(0, f.size || 0)), 0);
  let bytesDone = 0;
  let records = 0;
  const progress = (fileIndex, fileName, done = false) => onProgress({
    fileIndex, fileCount: inputs.length, fileName, bytesDone, bytesTotal, records, done,
  });

  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    const name = String(input.name || 'untitled');
    progress(i, name);
    if (input.isDirectory) {
      out.problems.push(directoryProblem(name, input.empty));
      continue;
    }
    if (input.error) {
      out.problems.push(unreadableProblem(name, input.error));
      continue;
    }
    if (input.size > maxFileBytes) {
      out.problems.push(tooLargeProblem(name, input.size));
      bytesDone += input.size;
      continue;
    }
    let bytes;
    try {
      bytes = await input.read();
    } catch (error) {
      out.problems.push(unreadableProblem(name, error));
      bytesDone += input.size || 0;
      continue;
    }
    const chunked = shouldChunk(name, bytes.length, chunkBytes);
    const importedAt = now();
    let target = firstChunkBytes;
    let line = 1;
    let start = 0;
    do { // at least once: an empty file is the core's to report
      const end = chunked ? chunkEnd(bytes, start, target) : bytes.length;
      const began = clock();
      let result;
      try {
        result = reader.read(bytes.subarray(start, end), name, { firstLine: line });
      } catch (error) {
        out.problems.push(coreFailureProblem(name, error));
        bytesDone += bytes.length - start;
        break;
      }
      for (const p of result.problems) out.problems.push(normaliseProblem(p, name));
      const fresh = [];
      for (const raw of result.articles) {
        records++;
        const record = makeRecord(raw, { fileName: name, importedAt, seq: collection.nextSeq(), seed });
        const title = rowOf(record).displayTitle;
        if (!record.article.body.trim()) {
          out.problems.push(emptyArticleProblem(name, record.article.recordId && record.article.recordId !== name ? `record “${record.article.recordId}”` : ''));
          continue;
        }
        if (collection.add(record)) {
          fresh.push(record);
          out.results.push({ id: record.id, title: record.article.title || title, added: true, file: name });
        } else {
          out.duplicates.push({ file: name, id: record.id, title });
          out.results.push({ id: record.id, title: record.article.title || title, added: false, file: name });
        }
      }
      bytesDone += end - start;
      out.added.push(...fresh);
      // onAdded's synchronous part (copying records into IndexedDB) counts towards the chunk's time.
      const saving = fresh.length ? onAdded(fresh) : null;
      if (chunked) {
        target = adaptChunkSize(end - start, clock() - began, { max: chunkBytes });
        line += countNewlines(bytes, start, end);
      }
      await saving;
      progress(i, name);
      await yieldNow();
      start = end;
    } while (start < bytes.length);
  }
  progress(inputs.length - 1, inputs.at(-1)?.name ?? '', true);
  return out;
}

/** An input for text (pasted, or given to window.lectern.loadArticles). */
export function textInput(name, text) {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : toBytes(text);
  return { name, size: bytes.length, read: async () => bytes };
}

function toBytes(data) {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new TextEncoder().encode(String(data ?? ''));
}
