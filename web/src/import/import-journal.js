// An import's progress, kept in storage as it goes, so that an import a reload (or a closed tab)
// cut short is not left partial without a word: on the next start the page says which files were
// read, how many articles were kept, and offers to choose the files again (what is already here is
// recognised as duplicates). Written when an import starts, after each part is stored, and removed
// when it ends, whether it succeeded or failed: a journal found at start is an interrupted import.
// Annotation files keep a journal of their own (ANNOTATION_JOURNAL_KEY): one is merged whole, then
// its annotations are stored, and a reload before the last is stored loses the rest.
import { formatCount, plural, truncate } from '../shell/format.js';

export const JOURNAL_KEY = 'import-in-progress';
export const ANNOTATION_JOURNAL_KEY = 'annotation-import-in-progress';

/**
 * @typedef {{started: number, files: {name: string, size: number}[], fileIndex: number, added: number}} Journal
 *   fileIndex: the file being read when last written (the ones before it were read whole);
 *   added: the articles stored so far
 */

export class ImportJournal {
  /**
   * @param {() => {getMeta(key: string): Promise<any>, setMeta(key: string, value: any): Promise<void>} | null} store
   * @param {{key?: string, now?: () => number, failed?: (error: unknown) => void}} [o]
   *   key: where it is stored (JOURNAL_KEY, or ANNOTATION_JOURNAL_KEY for annotation files)
   */
  constructor(store, { key = JOURNAL_KEY, now = () => Date.now(), failed = () => {} } = {}) {
    this.store = store;
    this.key = key;
    this.now = now;
    this.failed = failed;
    /** @type {Journal|null} */
    this.current = null;
  }

  /** @param {{name: string, size?: number, isDirectory?: boolean}[]} inputs */
  async begin(inputs) {
    this.current = {
      started: this.now(),
      files: inputs
        .filter((f) => !f.isDirectory)
        .map((f) => ({ name: String(f.name), size: Math.max(0, f.size || 0) })),
      fileIndex: 0,
      added: 0,
    };
    await this.write(this.current);
  }

  /** After a part's articles were stored. */
  async progress({ fileIndex, added }) {
    if (!this.current) return;
    this.current.fileIndex = fileIndex;
    this.current.added = added;
    await this.write(this.current);
  }

  async end() {
    this.current = null;
    await this.write(null);
  }

  /** @returns {Promise<Journal|null>} the import a reload cut short, if any */
  async interrupted() {
    try {
      const j = await this.store()?.getMeta(this.key);
      return j && Array.isArray(j.files) && Number.isFinite(j.started) ? j : null;
    } catch (error) {
      this.failed(error);
      return null;
    }
  }

  async write(value) {
    try {
      await this.store()?.setMeta(this.key, value);
    } catch (error) {
      this.failed(error);
    }
  }
}

const quoted = (name) => `“${truncate(name, 60)}”`;

/**
 * How many of the collection's records the interrupted import stored: those from its files,
 * imported since it started (the journal's own count may miss the last part, stored just before
 * the reload).
 * @param {Journal} j
 * @param {{fileName?: string, importedAt?: number}[]} records
 */
export function keptBy(j, records) {
  const names = new Set(j.files.map((f) => f.name));
  return records.filter((r) => (r.importedAt ?? 0) >= j.started && names.has(String(r.fileName))).length;
}

/**
 * What the page says about an interrupted import.
 * @param {Journal} j
 * @param {(ms: number) => string} [when]
 */
export function interruptedText(j, when = (ms) => new Date(ms).toLocaleString()) {
  const n = j.files.length;
  const at = Math.min(Math.max(0, j.fileIndex | 0), Math.max(0, n - 1));
  const read = j.files.slice(0, at).map((f) => f.name);
  const partly = n ? j.files[at].name : '';
  const files =
    n === 1
      ? `${quoted(partly)} was read in part`
      : `${read.length ? `${read.map(quoted).join(', ')} ${read.length === 1 ? 'was' : 'were'} read, ` : ''}${quoted(partly)} in part${
          n - at - 1 > 0 ? `, ${plural(n - at - 1, 'file')} not at all` : ''
        }`;
  return (
    `An import of ${plural(n, 'file')} started ${when(j.started)} was interrupted (the page was reloaded or closed): ` +
    `${files}; ${j.added ? `${formatCount(j.added)} new ${j.added === 1 ? 'article was' : 'articles were'} kept` : 'no articles were kept'}. ` +
    'Choose the same files again to finish it: the articles already here are recognised as duplicates and skipped.'
  );
}

/**
 * What the page says about an annotation file whose import was interrupted.
 * @param {Journal} j
 * @param {(ms: number) => string} [when]
 */
export function interruptedAnnotationsText(j, when = (ms) => new Date(ms).toLocaleString()) {
  const names = j.files.map((f) => quoted(f.name)).join(', ') || 'a file';
  return (
    `An import of annotations from ${names} started ${when(j.started)} was interrupted (the page was reloaded or closed) ` +
    'before all of them were stored: some of its annotations may be missing here. ' +
    'Choose the same file again to finish it: the annotations already here are recognised as duplicates.'
  );
}
