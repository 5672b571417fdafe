// The user's entity corrections as W3C Web Annotations, so that they persist, travel in the
// annotation export and merge on import like any annotation (annotations/). Pure functions.
//
// A correction targets one passage of an article (the usual TextQuoteSelector + TextPositionSelector):
//   motivation "classifying", body {purpose: "classifying", value: TYPE}: the passage is an entity
//     of that type (PER, ORG, LOC, DATE); value "none": the passage is not an entity (rejected).
//   motivation "identifying", body {purpose: "identifying", value: ENTITY ID}, with
//     "lectern:entity" (the id the mention had) and "lectern:scope":
//       "text"    mentions written like this passage, in every article, are that entity (an alias)
//       "article" the mention's entity, in this article only, is that entity (a split)
//       "entity"  the mention's entity, everywhere, is that entity (a merge)
// The first two change an article's mentions (applyToMentions); identifying ones become the core's
// EntityEdits (editsOf), which the core applies to the whole collection.

export const TYPES = Object.freeze(['PER', 'ORG', 'LOC', 'DATE']);
export const NOT_AN_ENTITY = 'none';
export const SCOPES = Object.freeze(['text', 'article', 'entity']);

/**
 * @typedef {{kind: 'classify', type: string} | {kind: 'reject'} |
 *   {kind: 'identify', entity: string, from: string, scope: string}} Correction
 */

/** Whether an annotation is an entity correction (and so no highlight). */
export function isCorrection(annotation) {
  return correctionOf(annotation) != null;
}

/**
 * The correction an annotation states, or null when it states none.
 * @returns {Correction|null}
 */
export function correctionOf(annotation) {
  const motivation = annotation?.motivation;
  if (motivation !== 'classifying' && motivation !== 'identifying') return null;
  const bodies = Array.isArray(annotation.body) ? annotation.body : annotation.body ? [annotation.body] : [];
  const body = bodies.find((b) => b && b.purpose === motivation && typeof b.value === 'string');
  if (!body) return null;
  if (motivation === 'classifying') {
    if (body.value === NOT_AN_ENTITY) return { kind: 'reject' };
    return TYPES.includes(body.value) ? { kind: 'classify', type: body.value } : null;
  }
  const scope = annotation['lectern:scope'];
  const from = annotation['lectern:entity'];
  if (!body.value || !SCOPES.includes(scope)) return null;
  if (scope !== 'text' && (typeof from !== 'string' || !from)) return null;
  return { kind: 'identify', entity: body.value, from: typeof from === 'string' ? from : '', scope };
}

/**
 * The parts of a correction annotation beyond its target (what the core's annotationsCreate makes):
 * the motivation, the body and Lectern's extension properties.
 * @param {Correction} correction
 */
export function correctionFields(correction) {
  if (correction.kind === 'identify') {
    return {
      motivation: 'identifying',
      body: [{ type: 'TextualBody', purpose: 'identifying', value: correction.entity }],
      'lectern:scope': correction.scope,
      ...(correction.from ? { 'lectern:entity': correction.from } : {}),
    };
  }
  const value = correction.kind === 'reject' ? NOT_AN_ENTITY : correction.type;
  return { motivation: 'classifying', body: [{ type: 'TextualBody', purpose: 'classifying', value }] };
}

/** The id the core gives an entity of this type written this way ("PER:vladimir putin"). */
export function entityIdOf(type, text) {
  return `${type}:${String(text).replace(/\s+/g, ' ').trim().toLowerCase()}`;
}

/**
 * An article's mentions after its classifying corrections: a rejected passage loses the mentions
 * it overlaps; a passage marked as a type replaces the mentions it overlaps. Later corrections win
 * (give them in the order they were made).
 * @param {import('./stored-mentions.js').StoredMention[]} mentions  in text order, UTF-16
 * @param {{start: number, end: number, correction: Correction}[]} corrections  placed in this article
 * @param {string} body  the article's body (for the text of added mentions)
 * @returns {(import('./stored-mentions.js').StoredMention & {corrected?: boolean})[]} in text order
 */
export function applyToMentions(mentions, corrections, body) {
  /** @type {(import('./stored-mentions.js').StoredMention & {corrected?: boolean})[]} */
  let out = mentions.slice();
  for (const { start, end, correction } of corrections) {
    if (correction.kind !== 'classify' && correction.kind !== 'reject') continue;
    out = out.filter((m) => m.end <= start || m.start >= end);
    if (correction.kind === 'classify')
      out.push({
        start,
        end,
        type: correction.type,
        entity: entityIdOf(correction.type, body.slice(start, end)),
        corrected: true,
      });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The core's EntityEdits for the identifying corrections, each with its passage's text and the id of
 * the article it was placed in.
 * @param {{text: string, articleId: string, correction: Correction}[]} placed  in the order made
 * @returns {import('../core/lectern-core.js').EntityEdits}
 */
export function editsOf(placed) {
  /** @type {Required<import('../core/lectern-core.js').EntityEdits>} */
  const edits = { merge: [], split: [], alias: [] };
  for (const { text, articleId, correction: c } of placed) {
    if (c.kind !== 'identify') continue;
    if (c.scope === 'text') edits.alias.push({ text, entity: c.entity });
    else if (c.scope === 'article') edits.split.push({ entity: c.from, articles: [articleId], as: c.entity });
    else edits.merge.push([c.entity, c.from]);
  }
  return edits;
}
