// Reading one file's bytes with the core, a part at a time: a big .jsonl file in chunks of whole
// lines (chunking.js), a big .json array in chunks of whole records (json-split.js), anything else
// in one call. Chunk sizes adapt so that each takes about CHUNK_TARGET_MS. Each part's articles are
// prepared (records.js: normalised, the core's content hash and word count) before they are handed on.
//
// This runs where the core runs: in the Web Worker (worker-host.js posts each part to the page as
// it is ready), or on the page's main thread when there is no worker (the importer then yields to
// the event loop between parts). Pure: the core is passed in.
import {
  adaptChunkSize,
  chunkEnd,
  countNewlines,
  shouldChunk,
  CHUNK_BYTES,
  FIRST_CHUNK_BYTES,
} from './chunking.js';
import {
  chunkBytes as jsonChunk,
  isJsonName,
  newlinesIn,
  planJsonRecords,
  renumberChunk,
} from './json-split.js';
import { prepareArticle } from '../library/records.js';

/**
 * @typedef {object} ReadPart
 * @property {import('../library/records.js').PreparedArticle[]} articles  prepared articles
 * @property {{file: string, where: string, message: string}[]} problems  as the core gave them
 * @property {number} bytes  how much of the file this part covers (a file's parts add up to its size)
 *
 * @typedef {object} ReadOptions
 * @property {number} [chunkBytes]       the largest chunk read at once; bigger .jsonl/.json files are split
 * @property {number} [firstChunkBytes]  the first chunk's size; later ones adapt to the time taken
 * @property {() => number} [clock]      ms, for timing chunks
 */

/**
 * The core as reading needs it (a CoreReader).
 * @typedef {object} ReadingCore
 * @property {(bytes: Uint8Array, fileName: string, options: {firstLine: number}) =>
 *   {articles: object[], problems: object[]}} read  one call of the core's readFile
 * @property {(text: string) => string} contentHash  the core's contentHash (only called for articles)
 * @property {(text: string, date: string) => import('../entities/stored-mentions.js').StoredMention[]|null} [entities]
 *   the core's entities (when given, each article carries its mentions)
 */

/**
 * The parts of one file, in order.
 * @param {ReadingCore} core
 * @param {Uint8Array} bytes
 * @param {string} fileName
 * @param {ReadOptions} [options]
 * @returns {Generator<ReadPart>}  throws what `read` throws (the core failed)
 */
export function* readParts(core, bytes, fileName, options = {}) {
  const {
    chunkBytes = CHUNK_BYTES,
    firstChunkBytes = Math.min(FIRST_CHUNK_BYTES, chunkBytes),
    clock = () => performance.now(),
  } = options;
  const size = bytes.length;
  if (shouldChunk(fileName, size, chunkBytes)) {
    let target = firstChunkBytes;
    let line = 1;
    for (let start = 0; start < size;) {
      const end = chunkEnd(bytes, start, target);
      const began = clock();
      const part = prepared(
        core,
        core.read(bytes.subarray(start, end), fileName, { firstLine: line }),
        end - start,
      );
      target = adaptChunkSize(end - start, clock() - began, { max: chunkBytes });
      line += countNewlines(bytes, start, end);
      start = end;
      yield part;
    }
    return;
  }
  const plan = isJsonName(fileName) && size > chunkBytes ? planJsonRecords(bytes) : null;
  if (plan) {
    yield* jsonRecordParts(core, bytes, fileName, plan, { chunkBytes, firstChunkBytes, clock });
    return;
  }
  yield prepared(core, core.read(bytes, fileName, { firstLine: 1 }), size); // also an empty file: the core says so
}

/** The parts of a big JSON array, read a few records at a time (see json-split.js). */
function* jsonRecordParts(core, bytes, fileName, { ranges, ownId }, { chunkBytes, firstChunkBytes, clock }) {
  let target = firstChunkBytes;
  let covered = 0; // bytes of the file handed on so far
  let linesBefore = 0;
  let linesAt = 0;
  for (let from = 0; from < ranges.length;) {
    let to = from + 1;
    while (to < ranges.length && ranges[to].end - ranges[from].start <= target) to++;
    linesBefore += newlinesIn(bytes, linesAt, ranges[from].start);
    linesAt = ranges[from].start;
    const began = clock();
    const result = core.read(jsonChunk(bytes, ranges, from, to), fileName, { firstLine: 1 });
    renumberChunk(result, { fileName, first: from, count: to - from, linesBefore, ownId });
    const end = to === ranges.length ? bytes.length : ranges[to - 1].end;
    const part = prepared(core, result, end - covered);
    target = adaptChunkSize(ranges[to - 1].end - ranges[from].start, clock() - began, { max: chunkBytes });
    covered = end;
    from = to;
    yield part;
  }
}

/** @param {ReadingCore} core */
function prepared(core, result, bytes) {
  const hashOf = (/** @type {string} */ text) => core.contentHash(text);
  const entitiesOf = core.entities ? (text, date) => core.entities(text, date) : undefined;
  return {
    articles: (Array.isArray(result?.articles) ? result.articles : []).map((a) =>
      prepareArticle(a, hashOf, entitiesOf),
    ),
    problems: Array.isArray(result?.problems) ? result.problems : [],
    bytes,
  };
}
