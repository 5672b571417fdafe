// Importing a batch of inputs (files, pasted text, seeds) into the collection, one file and one
// part at a time (reading.js: big .jsonl and .json files come in chunks), yielding between them.
// The reader is the core in a Web Worker (worker-client.js), whose parts arrive while the page
// goes on, or the core on the main thread (core.js). No DOM here: inputs, the reader and the
// persistence are passed in, so this runs under node's test runner with a fake core.
import { CHUNK_BYTES, FIRST_CHUNK_BYTES } from './chunking.js';
import { readParts } from './reading.js';
import { recordFromPrepared, rowOf } from '../library/records.js';
import {
  MAX_FILE_BYTES,
  coreFailureProblem,
  directoryProblem,
  emptyArticleProblem,
  normaliseProblem,
  tooLargeProblem,
  unreadableProblem,
} from './problems.js';
import { yieldToEventLoop } from '../shell/yield.js';

/**
 * Adding one part's articles to the collection yields to the event loop after this long: with
 * what follows each slice (the records' storage writes, a redraw) a task stays well under 50 ms,
 * also on a busy machine (40 ms made tasks of 100–400 ms at 100,000 articles).
 */
export const SLICE_MS = 16;
/** Files from this size show a busy bar while their first part is read. */
export const WAITING_BYTES = 1024 * 1024;

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
 * @property {boolean} waiting    a big file is being read and nothing of it has come back yet
 * @property {number} fileBytes   while waiting: the size of that file
 */

/**
 * @param {ImportInput[]} inputs
 * @param {object} deps
 * @param {import('./reading.js').ReadingCore | {readParts: Function}} deps.reader  a CoreReader or WorkerReader
 *   (readParts(bytes, name, options) → iterator of reading.js parts), or anything with the core's
 *   read(bytes, name, {firstLine}) and contentHash(text) (reading.js ReadingCore: the parts are then
 *   made here)
 * @param {import('../library/collection.js').Collection} deps.collection
 * @param {(records: object[]) => unknown} [deps.onAdded]  after each part's new records
 *   were added to the collection (to persist and render them); errors are the caller's to handle
 * @param {(p: ImportProgress) => void} [deps.onProgress]
 * @param {() => Promise<void>} [deps.yieldNow]
 * @param {boolean} [deps.seed]  the inputs are the sample articles
 * @param {() => number} [deps.now]
 * @param {number} [deps.chunkBytes]  the largest chunk of a .jsonl or .json file read at once
 * @param {number} [deps.firstChunkBytes]  the first chunk's size; later ones adapt to the time taken
 * @param {() => number} [deps.clock]  ms, for timing chunks
 * @param {number} [deps.maxFileBytes]
 * @returns {Promise<{added: object[], duplicates: {file: string, id: string, title: string}[],
 *   problems: object[], results: {id: string, title: string, added: boolean, file: string}[],
 *   fileCount: number}>}
 */
export async function importInputs(inputs, deps) {
  const {
    reader,
    collection,
    onAdded = () => {},
    onProgress = () => {},
    yieldNow = yieldToEventLoop,
    seed = false,
    now = () => Date.now(),
    chunkBytes = CHUNK_BYTES,
    maxFileBytes = MAX_FILE_BYTES,
    firstChunkBytes = Math.min(FIRST_CHUNK_BYTES, chunkBytes),
    clock = () => performance.now(),
  } = deps;
  const out = { added: [], duplicates: [], problems: [], results: [], fileCount: inputs.length };
  const bytesTotal = inputs.reduce((sum, f) => sum + (f.isDirectory ? 0 : Math.max(0, f.size || 0)), 0);
  let bytesDone = 0;
  let records = 0;
  const progress = (fileIndex, fileName, { done = false, waiting = false, fileBytes = 0 } = {}) =>
    onProgress({
      fileIndex,
      fileCount: inputs.length,
      fileName,
      bytesDone,
      bytesTotal,
      records,
      done,
      waiting,
      fileBytes,
    });
  const addFresh = async (fresh) => {
    if (!fresh.length) return;
    out.added.push(...fresh);
    await onAdded(fresh);
  };

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
    // The bytes are handed over (to the worker, which takes them): only their size is used below.
    const size = bytes.length;
    const importedAt = now();
    const options = { chunkBytes, firstChunkBytes, clock };
    const parts =
      'readParts' in reader
        ? reader.readParts(bytes, name, options)
        : readParts(reader, bytes, name, options);
    // Drops this function's reference, so the bytes can be collected while the parts are read.
    // eslint-disable-next-line no-useless-assignment
    bytes = null;
    let covered = 0;
    // A big file read in one piece shows a busy (indeterminate) bar until its first part is in.
    progress(i, name, { waiting: size >= WAITING_BYTES, fileBytes: size });
    let finished = false;
    try {
      for (;;) {
        let step;
        try {
          step = await parts.next();
        } catch (error) {
          out.problems.push(coreFailureProblem(name, error));
          break;
        }
        if (step.done) break;
        const part = step.value;
        for (const p of part.problems) out.problems.push(normaliseProblem(p, name));
        // Adding a part's articles is done in slices of about SLICE_MS, yielding in between.
        let fresh = [];
        let sliceBegan = clock();
        for (const prepared of part.articles) {
          records++;
          const record = recordFromPrepared(prepared, {
            fileName: name,
            importedAt,
            seq: collection.nextSeq(),
            seed,
          });
          const title = rowOf(record).displayTitle;
          if (!record.article.body.trim()) {
            out.problems.push(
              emptyArticleProblem(
                name,
                record.article.recordId && record.article.recordId !== name
                  ? `record “${record.article.recordId}”`
                  : '',
              ),
            );
          } else if (collection.add(record)) {
            fresh.push(record);
            out.results.push({
              id: record.id,
              title: record.article.title || title,
              added: true,
              file: name,
            });
          } else {
            out.duplicates.push({ file: name, id: record.id, title });
            out.results.push({
              id: record.id,
              title: record.article.title || title,
              added: false,
              file: name,
            });
          }
          if (clock() - sliceBegan > SLICE_MS) {
            await addFresh(fresh);
            fresh = [];
            progress(i, name);
            await yieldNow();
            sliceBegan = clock();
          }
        }
        covered += part.bytes;
        bytesDone += part.bytes;
        await addFresh(fresh);
        progress(i, name);
        await yieldNow();
      }
      finished = true;
    } finally {
      if (!finished) parts.return?.(); // the caller's onAdded threw: let the reader clean up
    }
    if (covered < size) bytesDone += size - covered; // the rest of a file the core failed on
  }
  progress(inputs.length - 1, inputs.at(-1)?.name ?? '', { done: true });
  return out;
}

/**
 * An input for text (pasted, or given to window.lectern.loadArticles). Each read gives a copy: the
 * reader may take the bytes it is given (transferred to the worker), and they may be the caller's.
 */
export function textInput(name, text) {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : toBytes(text);
  return { name, size: bytes.length, read: async () => bytes.slice() };
}

function toBytes(data) {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new TextEncoder().encode(String(data ?? ''));
}
