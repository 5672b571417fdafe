// W3C annotation files of any size, generated at test time: a team's year of highlights with
// notes and tags on the articles given, laid out like Lectern's own export (an
// AnnotationCollection with one embedded page). Each annotation quotes its article exactly at its
// TextPositionSelector (code points), so the page places it without asking the core to look for it.

/**
 * @typedef {{hash: string, title: string, body: string}} TargetArticle  hash: 64 hex digits
 */

const NOTE =
  'Checked against the wire copy and the ministry statement; the figures differ from the earlier ' +
  'version and the quote is attributed differently. Follow up with the desk before the weekly ' +
  'summary. ';

/**
 * The i-th annotation on one of `articles`.
 * @param {number} i
 * @param {TargetArticle[]} articles
 * @param {{noteChars?: number}} [o]
 */
export function generatedAnnotation(i, articles, { noteChars = 400 } = {}) {
  const article = articles[i % articles.length];
  const points = [...article.body];
  const length = 20 + (i % 40);
  const start = (i * 7919) % Math.max(1, points.length - length);
  const end = Math.min(points.length, start + length);
  const hex = (n) => n.toString(16).padStart(12, '0');
  const when = new Date(Date.UTC(2024, 0, 1) + (i % 365) * 86400000 + i * 1000)
    .toISOString()
    .replace('.000', '');
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:uuid:6c1b0f5e-2222-4a8e-9d0b-${hex(i)}`,
    type: 'Annotation',
    motivation: 'highlighting',
    created: when,
    modified: when,
    creator: { id: `mailto:reporter${i % 12}@example.org`, type: 'Person', name: `Reporter ${i % 12}` },
    body: [
      { type: 'TextualBody', purpose: 'tagging', value: `beat-${i % 30}` },
      {
        type: 'TextualBody',
        purpose: 'commenting',
        value: `${i}: ${NOTE.repeat(Math.ceil(noteChars / NOTE.length)).slice(0, noteChars)}`,
        format: 'text/plain',
      },
    ],
    target: {
      source: {
        id: `urn:sha256:${article.hash}`,
        type: 'Text',
        'dc:title': article.title,
        'schema:sha256': article.hash,
      },
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: points.slice(start, end).join(''),
          prefix: points.slice(Math.max(0, start - 32), start).join(''),
          suffix: points.slice(end, end + 32).join(''),
        },
        { type: 'TextPositionSelector', start, end },
      ],
    },
  };
}

/**
 * Annotations from `from` to `to` (exclusive) as the text of an AnnotationCollection, a piece at a
 * time (so a file of hundreds of MB never is one string).
 * @param {TargetArticle[]} articles
 * @param {{from?: number, to: number, noteChars?: number}} o
 * @returns {Generator<string>}
 */
export function* annotationFileText(articles, { from = 0, to, noteChars }) {
  yield '{\n  "@context": "http://www.w3.org/ns/anno.jsonld",\n';
  yield `  "id": "urn:uuid:0b6f3a52-5a0c-4f5e-9d52-${String(from).padStart(6, '0')}${String(to).padStart(6, '0')}",\n`;
  yield `  "type": "AnnotationCollection",\n  "label": "A year of the desk's annotations",\n  "total": ${to - from},\n`;
  yield '  "first": {\n    "type": "AnnotationPage",\n    "startIndex": 0,\n    "items": [\n';
  for (let i = from; i < to; i++) {
    const a = JSON.stringify(generatedAnnotation(i, articles, { noteChars }), null, 2).replace(
      /\n/g,
      '\n      ',
    );
    yield `      ${a}${i + 1 < to ? ',' : ''}\n`;
  }
  yield '    ]\n  }\n}\n';
}

/**
 * The first `max` articles of the page's library as annotation targets: one annotation made on
 * each tells its content hash and title (as the page writes them).
 * @param {import('puppeteer-core').Page} page
 * @returns {Promise<TargetArticle[]>}
 */
export function libraryTargets(page, max = 50) {
  return page.evaluate(async (n) => {
    const L = window.lectern;
    const out = [];
    for (const { id } of L.articles().slice(0, n)) {
      const body = /** @type {{body: string}} */ (L.article(id)).body;
      await L.annotate({ articleId: id, start: 0, end: 4, tags: ['seed'] });
      const mine = L.annotations(id)[0];
      out.push({
        hash: mine.target.source['schema:sha256'],
        title: mine.target.source['dc:title'] ?? '',
        body,
      });
    }
    return out;
  }, max);
}
