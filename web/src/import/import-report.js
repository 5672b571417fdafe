// What an import of articles says: a summary, then each file's problems, then its duplicates.
import { duplicatesNotice, groupByFile, importSummary, problemText } from './problems.js';
import { rowOf } from '../library/records.js';
import { plural, truncate } from '../shell/format.js';

/**
 * @param {import('../shell/messages.js').MessageList} messages
 * @param {object} result  importer.js importInputs
 * @param {{quiet?: boolean, pasted?: boolean, open: (id: string) => void}} how
 *   quiet: only problems (the sample articles); pasted: pasted text; open: opens an article
 */
export function reportImport(messages, result, { quiet, pasted, open }) {
  const groups = groupByFile(result.problems);
  // The summary first, then what went wrong, file by file.
  if (pasted && result.added.length === 1) {
    const id = result.added[0].id;
    messages.show({
      kind: 'success',
      key: 'import',
      text: `Added the pasted text as “${truncate(rowOf(result.added[0]).displayTitle, 80)}”.`,
      action: { label: 'Open it', run: () => open(id) },
    });
  } else if (!(quiet && !groups.length) && !(pasted && !result.added.length)) {
    messages.show({
      kind: result.added.length ? 'success' : 'info',
      key: 'import',
      text: importSummary({
        added: result.added.length,
        duplicates: result.duplicates.length,
        files: result.fileCount,
        problemFiles: groups.length,
      }),
    });
  }
  for (const group of groups) {
    const key = `problem:${group.file}`;
    if (group.problems.length === 1) {
      messages.show({ kind: 'error', key, text: problemText(group.problems[0]) });
    } else {
      messages.show({
        kind: 'error',
        key,
        text: `${group.file}: ${plural(group.problems.length, 'problem')}; everything else in the file was imported.`,
        details: group.problems.map((p) => [p.where, p.message].filter(Boolean).join(': ')),
        detailsLabel: `Show the ${plural(group.problems.length, 'problem')}`,
      });
    }
  }
  const dupsByFile = new Map();
  for (const d of result.duplicates) {
    if (!dupsByFile.has(d.file)) dupsByFile.set(d.file, []);
    dupsByFile.get(d.file).push(d);
  }
  for (const [file, dups] of dupsByFile) {
    messages.show({
      kind: 'warning',
      key: `duplicate:${file}`,
      text: duplicatesNotice(pasted ? 'Pasted text' : file, dups.length, truncate(dups[0].title, 80)),
      action: dups.length === 1 ? { label: 'Show it', run: () => open(dups[0].id) } : null,
    });
  }
}

// --- Storage --------------------------------------------------------------------------------
