// The strings annotation records repeat, shared (storage/shared-strings.js): types, purposes,
// formats, people, the articles annotated and tags recur across a team's annotations, while ids,
// times, quotes and notes are each one's own and are left as they are. Measured with
// `node bench/page-memory.mjs --annotations 20000` (RELIABILITY.md, session 15).
import { sharedStrings } from '../storage/shared-strings.js';

/** Fields whose string values repeat across annotations, wherever they are in one. */
const REPEATED = new Set([
  '@context',
  'type',
  'motivation',
  'purpose',
  'format',
  'language',
  'name',
  'nickname',
  'source',
  'schema:sha256',
  'dc:title',
  'scope',
]);

/**
 * Shares the repeating strings of a stored annotation record ({id, hash, annotation, …}), in
 * place: the record's hash and, in the annotation, the fields above, every `id` below the top
 * (people, articles) and the values of tags. Returns the record.
 * @template {{hash?: string, annotation?: unknown}} R
 * @param {R} record
 * @param {import('../storage/shared-strings.js').SharedStrings} [strings]
 * @returns {R}
 */
export function shareAnnotationStrings(record, strings = sharedStrings) {
  if (typeof record.hash === 'string') record.hash = strings.of(record.hash);
  if (record.annotation && typeof record.annotation === 'object') shareIn(record.annotation, false, strings);
  return record;
}

/** Shares the strings of `node`'s repeating fields and those of its members, in place. */
function shareIn(node, nested, strings) {
  const tag = /** @type {any} */ (node).purpose === 'tagging';
  for (const key of Object.keys(node)) {
    const value = node[key];
    const repeats = REPEATED.has(key) || (key === 'id' && nested) || (key === 'value' && tag);
    if (typeof value === 'string') {
      if (repeats) node[key] = strings.of(value);
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        if (typeof item === 'string') {
          if (repeats) value[i] = strings.of(item);
        } else if (item && typeof item === 'object') shareIn(item, true, strings);
      }
    } else if (value && typeof value === 'object') shareIn(value, true, strings);
  }
}
