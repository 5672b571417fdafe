// The Lectern core (C++ compiled to WebAssembly): loaded once, called with bytes, answers JSON.
//
// The page's HTML holds the core (an Emscripten MODULARIZE build with the .wasm embedded, defining
// `createLecternCore`) as a data block the page does not run: the page normally runs the core in a
// Web Worker (worker-client.js, worker-host.js), where a CoreReader answers its requests, and
// parsing 2 MB of script it would not use cost every open of the page (100–260 ms in Firefox). Only
// when there is no worker does it run that block on the main thread (pageCoreFactory). Node tests
// pass a fake factory with the same interface.
import { readParts } from '../import/reading.js';

/** @typedef {import('./lectern-core.js').LecternCore} LecternCore */
/** @typedef {import('./lectern-core.js').JsonFunctions} JsonFunctions */

/** Options the page always reads with (see lectern-core.d.ts ReadFileOptions). */
export const READ_OPTIONS = Object.freeze({ plain: false, offsetUnit: 'utf16' });

/**
 * The core's JSON functions the page may call by name: every one of JsonFunctions in
 * lectern-core.d.ts, no more and no fewer (the type makes tsc say so). Used for annotations
 * (annotations.js), to compare two versions of a story (diffTexts; stories/story-controller.js) and
 * for entities (entities, findEntities, entityIndex).
 * @type {{[name in keyof JsonFunctions]: true}}
 */
const JSON_FUNCTIONS = {
  contentHash: true,
  describeRange: true,
  annotationsCreate: true,
  annotationsCheck: true,
  annotationsImport: true,
  annotationsExport: true,
  annotationsAnchor: true,
  diffTexts: true,
  entities: true,
  findEntities: true,
  entityIndex: true,
  resolveEntities: true,
};
export const CALLABLE = Object.freeze(/** @type {(keyof JsonFunctions)[]} */ (Object.keys(JSON_FUNCTIONS)));

let loading = null;

/**
 * The page's createLecternCore: the core's data block (<script type="text/plain"
 * id="lectern-core">, web/build.mjs) run as a script the first time it is asked for. The page's
 * Content-Security-Policy allows it by its hash, as it allows the page's own script.
 * @returns {import('./lectern-core.js').CreateLecternCore | undefined} undefined: no core in this page
 */
export function pageCoreFactory(doc = globalThis.document) {
  if (typeof globalThis.createLecternCore !== 'function') {
    const text = doc?.getElementById('lectern-core')?.textContent;
    if (!text) return undefined;
    const script = doc.createElement('script');
    script.textContent = text;
    doc.head.append(script); // an inline script runs as it is inserted
    script.remove();
  }
  return globalThis.createLecternCore;
}

/**
 * Loads the core once; later calls return the same promise.
 * @param {import('./lectern-core.js').CreateLecternCore} [factory] defaults to the page's (pageCoreFactory)
 * @returns {Promise<CoreReader>}
 */
export function loadCore(factory) {
  if (!loading) {
    loading = (async () => {
      factory ??= pageCoreFactory();
      if (typeof factory !== 'function') {
        throw new Error('the reading engine is missing from this page (no createLecternCore)');
      }
      const module = await factory();
      return new CoreReader(module);
    })();
    loading.catch(() => {
      loading = null; // allow a retry
    });
  }
  return loading;
}

/** For tests: forget the loaded core. */
export function resetCoreForTests() {
  loading = null;
}

export class CoreReader {
  /** @param {LecternCore} module  what createLecternCore() resolved to */
  constructor(module) {
    if (!module || typeof module.readFile !== 'function') {
      throw new Error('the reading engine has no readFile function');
    }
    this.module = module;
    this.kind = 'main-thread';
  }

  version() {
    try {
      return String(this.module.version());
    } catch {
      return 'unknown';
    }
  }

  /**
   * Calls one of the core's JSON functions (CALLABLE) with string or number arguments.
   * @param {string} fn
   * @param {(string|number)[]} args
   * @returns {string} what the function returned
   */
  call(fn, args = []) {
    const name = /** @type {keyof JsonFunctions} */ (fn);
    if (!CALLABLE.includes(name)) throw new Error(`the reading engine has no function ${fn} for the page`);
    const f = /** @type {(...args: (string|number)[]) => string} */ (this.module[name]);
    if (typeof f !== 'function') {
      throw new Error(`this version of the reading engine has no ${fn} (rebuild the core)`);
    }
    return String(f.apply(this.module, args));
  }

  /**
   * The content hash of an article's body (64 hex digits; the article key is its first 16).
   * @param {string} text
   */
  contentHash(text) {
    return String(this.module.contentHash(String(text)));
  }

  /**
   * The entity mentions of an article's body, UTF-16 offsets, in text order (lectern/entities.h).
   * @param {string} text
   * @param {string} [date]  the article's date, "YYYY-MM-DD": relative dates resolve against it
   * @returns {import('./lectern-core.js').EntityMention[]|null}  null from a core without an
   *   entity finder (the tests' stand-ins)
   * @throws when the core fails or answers an error
   */
  entities(text, date = '') {
    if (typeof this.module.entities !== 'function') return null;
    const answer = JSON.parse(
      this.call('entities', [String(text), JSON.stringify({ date: String(date ?? '') })]),
    );
    if (!Array.isArray(answer))
      throw new Error(`the reading engine found no entities: ${answer?.error ?? 'no answer'}`);
    return answer;
  }

  /**
   * Starts grouping articles into stories with the core's StoryClusterer (see ClusterSession).
   * @param {string} [optionsJson]  "" for the core's defaults
   * @returns {ClusterSession}
   */
  startClustering(optionsJson = '') {
    return new ClusterSession(this.module, optionsJson);
  }

  /**
   * Reads one file, a part at a time (see reading.js).
   * @param {Uint8Array} bytes
   * @param {string} fileName
   * @param {import('../import/reading.js').ReadOptions} [options]
   * @returns {Generator<import('../import/reading.js').ReadPart>}
   */
  readParts(bytes, fileName, options) {
    return readParts(this, bytes, fileName, options);
  }

  /**
   * Reads one file's bytes (or one chunk of a JSON Lines file).
   * @param {Uint8Array} bytes
   * @param {string} fileName  decides the format (.txt, .html/.htm, .json, .jsonl)
   * @param {{firstLine?: number}} [options]
   * @returns {import('./lectern-core.js').ReadFileAnswer}
   * @throws when the core fails (a bug, or out of memory); bad input comes back as problems
   */
  read(bytes, fileName, { firstLine = 1 } = {}) {
    const options = JSON.stringify({ ...READ_OPTIONS, firstLine });
    const json = this.module.readFile(bytes, fileName, options);
    /** @type {Partial<import('./lectern-core.js').ReadFileAnswer>} */
    let result;
    try {
      result = JSON.parse(json);
    } catch {
      throw new Error('the reading engine returned malformed output');
    }
    return {
      articles: Array.isArray(result?.articles) ? result.articles : [],
      problems: Array.isArray(result?.problems) ? result.problems : [],
    };
  }
}

/**
 * One run of the core's StoryClusterer: add() every article's cleaned body (in batches), then
 * finish() for the clusters' JSON ({clusters: [{members}], pairs: [{a, b, jaccard, containment}],
 * candidates}). The clusterer is an Embind object living in the core's heap: finish() and close()
 * free it, also after an error, and a session is used once.
 */
export class ClusterSession {
  /** @param {LecternCore} module @param {string} [optionsJson] */
  constructor(module, optionsJson = '') {
    /** @type {import('./lectern-core.js').StoryClusterer | null} */
    this.clusterer = null;
    if (typeof module?.StoryClusterer !== 'function') {
      throw new Error('this version of the reading engine cannot group stories (rebuild the core)');
    }
    this.clusterer = new module.StoryClusterer(String(optionsJson ?? ''));
    this.added = 0;
  }

  /** @param {[string, string][]} items  [key, text] pairs @returns {number} how many were added so far */
  add(items) {
    if (!this.clusterer) throw new Error('this grouping was already finished or cancelled');
    try {
      for (const [key, text] of items) this.clusterer.add(String(key), String(text));
    } catch (error) {
      this.close();
      throw error;
    }
    this.added += items.length;
    return this.added;
  }

  /** @returns {string} the clusters' JSON */
  finish() {
    if (!this.clusterer) throw new Error('this grouping was already finished or cancelled');
    try {
      return String(this.clusterer.cluster());
    } finally {
      this.close();
    }
  }

  close() {
    const c = this.clusterer;
    this.clusterer = null;
    try {
      c?.delete();
    } catch {
      /* already freed */
    }
  }
}

/**
 * Bytes read from a file at a time: the browser copies each read into the page in one task (a
 * 53 MB file read at once was a task of 262 ms in Chromium).
 */
export const READ_PIECE_BYTES = 4 << 20;

/**
 * The bytes of a File or Blob, read a piece of `pieceBytes` at a time.
 * @param {Blob} blob
 * @returns {Promise<Uint8Array>}
 */
export async function readBlobBytes(blob, pieceBytes = READ_PIECE_BYTES) {
  if (blob.size <= pieceBytes) return readWhole(blob);
  const bytes = new Uint8Array(blob.size);
  let filled = 0;
  while (filled < bytes.length) {
    const piece = await readWhole(blob.slice(filled, filled + pieceBytes));
    if (!piece.length) break; // the file shrank while it was read
    bytes.set(piece.subarray(0, bytes.length - filled), filled);
    filled += piece.length;
  }
  return filled < bytes.length ? bytes.subarray(0, filled) : bytes;
}

/** @param {Blob} blob */
async function readWhole(blob) {
  if (typeof blob.arrayBuffer === 'function') return new Uint8Array(await blob.arrayBuffer());
  // Older engines: FileReader.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(/** @type {ArrayBuffer} */ (reader.result)));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}
