// Annotation files: telling them from article files, naming exports, and the import summary said
// for people. Pure.
import { plural } from '../shell/format.js';

/** Bytes read from the start of a .json file to tell annotations from articles. */
export const SNIFF_BYTES = 64 * 1024;

/** Whether the start of a JSON file looks like W3C annotations (not an array of articles). */
export function looksLikeAnnotations(head) {
  const s = String(head ?? '');
  if (/anno\.jsonld/u.test(s)) return true;
  return /"type"\s*:\s*"(?:Annotation|AnnotationCollection|AnnotationPage)"/u.test(s);
}

/** Whether a file name is one an annotation file may have. */
export function isJsonName(name) {
  return /\.(?:json|jsonld)$/iu.test(String(name ?? ''));
}

/** A safe, readable piece of a file name. */
export function slug(text, max = 40) {
  const s = String(text ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  return [...s].slice(0, max).join('').replace(/-+$/u, '') || 'untitled';
}

const EXTENSIONS = { jsonld: 'json', markdown: 'md', html: 'html' };

/**
 * lectern-annotations[-tag-x|-title]-YYYY-MM-DD.json|.md|.html
 * @param {{format?: string, tag?: string, articleTitle?: string, date?: Date}} o
 */
export function exportFileName({ format = 'jsonld', tag = '', articleTitle = '', date = new Date() } = {}) {
  const parts = ['lectern-annotations'];
  if (format !== 'jsonld') parts[0] = 'lectern-report';
  if (articleTitle) parts.push(slug(articleTitle));
  if (tag) parts.push(`tag-${slug(tag, 30)}`);
  const pad = (n) => String(n).padStart(2, '0');
  parts.push(`${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`);
  return `${parts.join('-')}.${EXTENSIONS[format] ?? 'txt'}`;
}

/**
 * What an import did, in one sentence.
 * @param {string} file
 * @param {{imported: number, duplicates: number, conflicts: number, orphaned: number, deletedHere?: number,
 *   errors: string[], fatal: boolean}} r
 */
export function importSentence(file, r) {
  if (r.fatal) return `${file}: no annotations could be read: ${r.errors[0] ?? 'not an annotation file'}.`;
  const parts = [];
  parts.push(r.imported ? `added ${plural(r.imported, 'annotation')}` : 'no new annotations');
  if (r.duplicates) parts.push(`${plural(r.duplicates, 'annotation')} already here`);
  if (r.conflicts) parts.push(`${plural(r.conflicts, 'conflicting version')} kept side by side`);
  if (r.deletedHere) parts.push(`${plural(r.deletedHere, 'annotation')} you deleted since left out`);
  let text = `${file}: ${parts.join(', ')}.`;
  if (r.orphaned)
    text += ` ${r.orphaned === 1 ? 'One was' : `${r.orphaned} were`} not found in any article here (orphaned: kept, listed under Annotations).`;
  if (r.errors.length)
    text += ` ${plural(r.errors.length, 'annotation')} in the file ${r.errors.length === 1 ? 'was' : 'were'} invalid and left out.`;
  return text;
}
