// Annotation files in and out: files dropped or chosen that look like W3C annotations are
// imported (read a batch at a time, import/annotation-items.js, and merged by the core,
// annotations.js importBatches) and said so in a message; exports
// (the whole collection, an article, a tag; JSON-LD, Markdown or HTML) are downloaded through a
// Blob and <a download>, so nothing leaves the computer.
import {
  exportFileName,
  importSentence,
  isJsonName,
  looksLikeAnnotations,
  SNIFF_BYTES,
} from '../annotation-files.js';
import { rowOf } from '../../library/records.js';
import { formatBytes, plural } from '../../shell/format.js';
import { annotationBatches } from '../../import/annotation-items.js';
import { h } from '../../shell/dom.js';

// Annotation files are read and merged a batch at a time, so their size is not limited by the
// core (32 MB per call) but by what the tab holds: every annotation imported stays in memory (and
// the merged records with it); past 1 GB of JSON a tab runs out.
const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;
/** Files from this size on show how far the import has got. */
const PROGRESS_BYTES = 4 * 1024 * 1024;

/**
 * What importing and exporting annotations needs of the page.
 * @typedef {object} TransferDeps
 * @property {() => import('../annotations.js').AnnotationBook} book  the annotations (once loaded)
 * @property {import('../../shell/messages.js').MessageList} messages
 * @property {{get(id: string): object|undefined}} articles  the collection
 * @property {() => void} showAnnotations  the collection's annotations view
 * @property {() => void} imported  after an import: redraw
 * @property {{begin(files: {name: string, size?: number}[]): Promise<void>, end(): Promise<void>}} [journal]
 *   import-journal.js: kept from before a file is merged until its last annotation is stored
 */

export class AnnotationTransfer {
  /** @param {TransferDeps} deps */
  constructor(deps) {
    this.deps = deps;
  }

  /**
   * Splits dropped or chosen files into annotation files (read here) and the rest (articles).
   * @param {{file?: File, name: string}[]} items
   * @returns {Promise<object[]>} the items that are not annotation files
   */
  async takeAnnotationFiles(items) {
    const rest = [];
    const mine = [];
    for (const item of items) {
      if (item.file && isJsonName(item.name) && item.file.size <= MAX_IMPORT_BYTES) {
        let head = '';
        try {
          head = await item.file.slice(0, SNIFF_BYTES).text();
        } catch {
          /* read as an article file */
        }
        if (looksLikeAnnotations(head)) {
          mine.push(item.file);
          continue;
        }
      }
      rest.push(item);
    }
    if (mine.length) this.importFiles(mine);
    return rest;
  }

  /** Imports annotation files one after the other, each read and merged in batches. */
  async importFiles(files) {
    for (const file of files) {
      const name = file.name || 'annotations.json';
      if (file.size > MAX_IMPORT_BYTES) {
        this.deps.messages.show({
          kind: 'error',
          key: `annotations:${name}`,
          text: `${name}: too large to import in a browser tab (${formatBytes(file.size)}; the limit is ${formatBytes(MAX_IMPORT_BYTES)}). Export the annotations in parts (by tag or article) and import those.`,
        });
        continue;
      }
      const progress = (fraction) =>
        this.deps.messages.show({
          kind: 'info',
          key: `annotations:${name}`,
          text: `${name}: importing annotations (${formatBytes(file.size)})… ${Math.round(fraction * 100)}%`,
        });
      const big = file.size > PROGRESS_BYTES;
      if (big) progress(0);
      await this.deps.journal?.begin([{ name, size: file.size }]);
      try {
        const summary = await this.importBatches(
          annotationBatches(file, { progress: big ? progress : undefined }),
          name,
        );
        // This import finished what an interrupted one left (app.js tellInterruptedImport).
        if (!summary.fatal) this.deps.messages.dismissKey('annotation-import-interrupted');
      } finally {
        await this.deps.journal?.end();
      }
    }
  }

  /**
   * Merges batches of one file and says what happened.
   * @param {Iterable<import('../annotations.js').ImportBatch>|AsyncIterable<import('../annotations.js').ImportBatch>} batches
   * @returns {Promise<object>} the summary
   */
  async importBatches(batches, name) {
    let summary;
    try {
      summary = await this.deps.book().importBatches(batches, { label: `Import of ${name}` });
    } catch (error) {
      const reason = error?.message || String(error);
      this.deps.messages.show({
        kind: 'error',
        key: `annotations:${name}`,
        text: `${name}: the annotations could not be imported (${reason}). Nothing was changed.`,
      });
      return {
        imported: 0,
        duplicates: 0,
        conflicts: 0,
        orphaned: 0,
        errors: [String(reason)],
        fatal: true,
      };
    }
    const details = summary.errors.length && !summary.fatal ? summary.errors : null;
    this.deps.messages.show({
      kind: summary.fatal ? 'error' : summary.errors.length || summary.orphaned ? 'warning' : 'success',
      key: `annotations:${name}`,
      text: importSentence(name, summary),
      details,
      detailsLabel: details ? `Show the ${plural(details.length, 'problem')}` : undefined,
      action: summary.fatal ? null : { label: 'Show', run: () => this.deps.showAnnotations() },
    });
    this.deps.imported();
    return summary;
  }

  /**
   * Downloads an export (a Blob and <a download>: nothing leaves the computer).
   * @param {{format?: 'jsonld'|'markdown'|'html', articleId?: string, tag?: string}} [what]
   */
  async exportAs({ format = 'jsonld', articleId = '', tag = '' } = {}) {
    const article = articleId ? this.deps.articles.get(articleId) : null;
    const title = article ? rowOf(article).displayTitle : '';
    const label = article ? `Annotations on “${title}”` : tag ? `Annotations tagged “${tag}”` : '';
    let out;
    try {
      out = await this.deps.book().exportParts({ format, articleId, tag, label });
    } catch (error) {
      this.deps.messages.show({
        kind: 'error',
        key: 'export',
        text: `The export failed: ${error?.message || error}.`,
      });
      return null;
    }
    const name = exportFileName({ format, tag, articleTitle: title });
    download(name, out.parts, out.mediaType);
    this.deps.messages.show({
      kind: 'success',
      key: 'export',
      text: `Exported ${plural(out.count, 'annotation')} to ${name} (in your downloads).`,
    });
    return { name, count: out.count, mediaType: out.mediaType };
  }

  /** window.lectern.exportAnnotations: the collection's W3C AnnotationCollection, parsed. */
  async exportObject() {
    const out = await this.deps.book().exportText({ format: 'jsonld' });
    return JSON.parse(out.text);
  }

  /** window.lectern.importAnnotations: merged as a file would be (the page shows a message too). */
  async importFrom(objectOrString) {
    const text = typeof objectOrString === 'string' ? objectOrString : JSON.stringify(objectOrString);
    const s = await this.importBatches(annotationBatches(new Blob([text])), 'imported annotations');
    return {
      imported: s.imported,
      duplicates: s.duplicates,
      conflicts: s.conflicts ?? 0,
      orphaned: s.orphaned,
      errors: s.errors,
    };
  }
}

/** @param {string[]} parts  joined by the Blob, never into one string */
function download(name, parts, mediaType) {
  const blob = new Blob(parts, { type: mediaType || 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
