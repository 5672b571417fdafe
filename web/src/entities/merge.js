// Merging one entity of the index into another: the merge is an identifying correction (see
// corrections.js) placed on one mention of the merged entity, in one of its articles; the index
// then lists the two as one. Undo is the annotation book's (the correction is an annotation).

/**
 * @param {Pick<import('./entity-controller.js').EntityController, 'shown'|'correct'>} entities
 * @param {{get(id: string): object|undefined}} collection
 * @param {{entity: string, name: string, articles: string[]}} entry  the entity merged away
 * @param {string} intoId  the entity it becomes part of
 * @returns {Promise<string>} the correction's annotation id
 */
export async function mergeEntity(entities, collection, entry, intoId) {
  if (intoId === entry.entity) throw new Error('an entity cannot be merged into itself');
  for (const articleId of entry.articles) {
    const record = collection.get(articleId);
    if (!record) continue;
    const mention = (await entities.shown(record)).find((m) => m.id === entry.entity);
    if (!mention) continue;
    return entities.correct(
      record,
      { start: mention.start, end: mention.end },
      { kind: 'identify', scope: 'entity', entity: intoId, from: entry.entity },
    );
  }
  throw new Error(`no mention of “${entry.name}” was found in its articles`);
}
