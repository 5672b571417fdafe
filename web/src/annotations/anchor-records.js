// What the page keeps of the core's anchoring (annotationsAnchor results) in an annotation's
// record: `anchor`, where it was placed in this collection when its own article is not here.

/**
 * The anchor of a result that found the passage: in `article` (by default the result's), at
 * [start, end) (code points).
 * @param {{article: string, start: number, end: number, score: number, match: string}} res
 */
export function anchoredAt(res, article = res.article) {
  return { status: 'anchored', article, start: res.start, end: res.end, score: res.score, match: res.match };
}

/**
 * The anchor of an annotation found nowhere: an orphan, `near` the article it came closest to ('' if
 * none).
 */
export function orphanNear(near, score = 0) {
  return { status: 'orphan', article: '', near, start: 0, end: 0, score: score ?? 0, match: '' };
}

/**
 * Keeps in `best` (id → result) each annotation's best result over several calls: one that
 * anchored beats one that did not, then the higher score.
 * @param {Map<string, {status: string, score: number}>} best
 * @param {Map<string, {status: string, score: number}>} results
 */
export function keepBest(best, results) {
  for (const [id, res] of results) {
    const prev = best.get(id);
    if (res.status === 'anchored' && (!prev || prev.status !== 'anchored' || res.score > prev.score))
      best.set(id, res);
    else if (!prev) best.set(id, res);
  }
}
