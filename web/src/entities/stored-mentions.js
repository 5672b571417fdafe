// How an article's entity mentions are kept, in memory and in IndexedDB: packed into numbers and a
// few strings, not an object per mention. News articles have ten or more mentions each, each with
// two or three strings (its type, its entity id, a date's value); kept as objects they were a third
// of the page's objects (`node bench/page-memory.mjs --jsonl …/reuters21578.jsonl`: 60 objects per
// article before, 42 packed), and a collector's pause grows with the objects it marks. The numbers
// are in a plain array, as spans are (reader/spans.js says why); versions before stored an Int32Array.

/**
 * An entity mention: UTF-16 offsets into the body (its text is body.slice(start, end)), the type,
 * the core's entity id within the article, and for dates the ISO value when the core resolved one.
 * @typedef {{start: number, end: number, type: string, entity: string, value?: string}} StoredMention
 */

/**
 * An article's mentions packed: five numbers per mention in `spans` (start, end, and the indexes
 * in `names` of its type, entity id and value, -1 for no value); each distinct string once.
 * @typedef {{spans: number[]|Int32Array, names: string[]}} PackedMentions
 */

const FIELDS = 5;

/**
 * The mentions to keep of the core's answer (entities), packed; their text is not kept (the body
 * holds it).
 * @param {{start: number, end: number, type: string, entity: string, value?: string}[]} mentions
 * @returns {PackedMentions}
 */
export function packMentions(mentions) {
  /** @type {string[]} */
  const names = [];
  const indexes = new Map();
  const indexOf = (name) => {
    let i = indexes.get(name);
    if (i === undefined) {
      i = names.push(name) - 1;
      indexes.set(name, i);
    }
    return i;
  };
  /** @type {number[]} */
  const spans = [];
  for (const { start, end, type, entity, value } of mentions)
    spans.push(start, end, indexOf(type), indexOf(entity), value ? indexOf(value) : -1);
  return { spans, names };
}

/**
 * The mentions as objects, from their packed form or from the array of objects earlier versions
 * stored.
 * @param {PackedMentions|StoredMention[]} kept
 * @returns {StoredMention[]}
 */
export function unpackMentions(kept) {
  if (Array.isArray(kept)) return kept;
  const { spans, names } = kept;
  /** @type {StoredMention[]} */
  const mentions = [];
  for (let i = 0; i + FIELDS <= spans.length; i += FIELDS) {
    /** @type {StoredMention} */
    const m = { start: spans[i], end: spans[i + 1], type: names[spans[i + 2]], entity: names[spans[i + 3]] };
    if (spans[i + 4] >= 0) m.value = names[spans[i + 4]];
    mentions.push(m);
  }
  return mentions;
}

/** Whether an article's mentions were found and kept (in either form; see unpackMentions). */
export function hasMentions(article) {
  const kept = article?.entities;
  const spans = kept?.spans;
  return (
    Array.isArray(kept) ||
    ((Array.isArray(spans) || spans instanceof Int32Array) && Array.isArray(kept.names))
  );
}
