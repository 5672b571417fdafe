// Problems are told to the user as one line each, naming the file: "report.pdf: looks like a binary
// file, not text". This module builds them (from the core's reports and from the page's own checks)
// and groups them by file for display.
import { formatBytes, plural } from '../shell/format.js';

export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * @typedef {{file: string, where: string, message: string}} Problem
 */

/** "FILE: WHERE: MESSAGE" (WHERE left out when empty), as the core writes them. */
export function problemText(p) {
  const parts = [p.file || 'Input'];
  if (p.where) parts.push(p.where);
  parts.push(p.message || 'could not be read');
  return parts.join(': ');
}

/** A well-formed problem from whatever the core gave (tolerates missing fields). */
export function normaliseProblem(raw, fallbackFile) {
  return {
    file: String(raw?.file || fallbackFile || ''),
    where: String(raw?.where || ''),
    message: String(raw?.message || 'could not be read'),
  };
}

export function tooLargeProblem(file, size) {
  return {
    file,
    where: '',
    message: `too large to import (${formatBytes(size)}; the limit is ${formatBytes(MAX_FILE_BYTES)}), so it was not read`,
  };
}

export function unreadableProblem(file, error) {
  const why =
    error?.name === 'NotReadableError' || error?.name === 'NotFoundError'
      ? 'the browser could not read it (was it moved, deleted or changed?)'
      : `could not be read${error?.message ? ` (${error.message})` : ''}`;
  return { file, where: '', message: why };
}

export function coreFailureProblem(file, error) {
  const detail = error?.message || String(error || '');
  return { file, where: '', message: `the reader failed on this file${detail ? ` (${detail})` : ''}` };
}

export function directoryProblem(file, empty = false) {
  return {
    file,
    where: '',
    message: empty
      ? 'is an empty folder'
      : 'is a folder, which cannot be read from here; drop the folder (or the files in it) onto the page instead',
  };
}

export function emptyArticleProblem(file, where) {
  return { file, where: where || '', message: 'has no text after cleaning, so it was not added' };
}

/** A sentence about duplicates in one file, e.g. "feed.jsonl: 3 articles were already in the library". */
export function duplicatesNotice(file, count, exampleTitle) {
  if (count === 1) {
    return `${file}: “${exampleTitle}” is already in the library, so it was not added again.`;
  }
  return `${file}: ${plural(count, 'article')} were already in the library (or repeated in the file), so they were not added again.`;
}

/**
 * Problems grouped by file, in order of first appearance: [{file, problems: Problem[]}].
 */
export function groupByFile(problems) {
  const groups = new Map();
  for (const p of problems) {
    const key = p.file;
    if (!groups.has(key)) groups.set(key, { file: key, problems: [] });
    groups.get(key).problems.push(p);
  }
  return [...groups.values()];
}

/** A one-line summary of an import: "Added 12 articles from 3 files." etc. */
export function importSummary({ added, duplicates, files, problemFiles }) {
  const parts = [];
  if (added > 0) parts.push(`Added ${plural(added, 'article')} from ${plural(files, 'file')}.`);
  else
    parts.push(
      files === 1
        ? 'No new articles were added.'
        : `No new articles were added from ${plural(files, 'file')}.`,
    );
  if (duplicates > 0) parts.push(`${plural(duplicates, 'duplicate')} skipped.`);
  if (problemFiles > 0) parts.push(`${plural(problemFiles, 'file')} had problems (see below).`);
  return parts.join(' ');
}
