// The URL hash says which view is shown: "" or "#library" → the library, "#article=ID" → the
// reader on that article (deep links; the browser's Back button works between views),
// "#annotations" → the collection's annotations, "#compare=ID_A,ID_B" → two versions of a story
// side by side, "#variants=ID" → the variant table of ID's story, "#entities" → the collection's
// entity index, "#library&mentioning=ENTITY_ID" → the library filtered to the articles mentioning
// an entity.

/**
 * @returns {{view: 'library', mentioning?: string} | {view: 'annotations'} | {view: 'entities'}
 *   | {view: 'reader', id: string, original: boolean} | {view: 'compare', a: string, b: string}
 *   | {view: 'variants', id: string}}
 */
export function parseHash(hash) {
  const h = String(hash ?? '').replace(/^#/u, '');
  if (h === 'annotations') return { view: 'annotations' };
  if (h === 'entities') return { view: 'entities' };
  const params = new URLSearchParams(h);
  const compare = rawParam(h, 'compare');
  if (compare != null) {
    // Split before decoding: an id may hold a comma (written %2C by compareHash).
    const [a = '', b = ''] = compare.split(',').map(decodeParam);
    return { view: 'compare', a, b };
  }
  const variants = params.get('variants');
  if (variants) return { view: 'variants', id: variants };
  const id = params.get('article');
  if (id) return { view: 'reader', id, original: params.get('view') === 'original' };
  const mentioning = params.get('mentioning');
  if (mentioning) return { view: 'library', mentioning };
  return { view: 'library' };
}

/** The first `name=` value of a query string as written (not decoded), or null. */
function rawParam(query, name) {
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (decodeParam(key) === name) return eq < 0 ? '' : part.slice(eq + 1);
  }
  return null;
}

/** Decodes as URLSearchParams does ("+" is a space; a malformed escape is kept as written). */
function decodeParam(text) {
  const spaced = text.replace(/\+/gu, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

export function readerHash(id, original = false) {
  const params = new URLSearchParams();
  params.set('article', id);
  if (original) params.set('view', 'original');
  return `#${params.toString()}`;
}

/** #compare=A,B: each id encoded (a comma in one is %2C), the comma between them not. */
export function compareHash(a, b) {
  return `#compare=${encodeURIComponent(a)},${encodeURIComponent(b)}`;
}

export function variantsHash(id) {
  return `#variants=${encodeURIComponent(id)}`;
}

export const LIBRARY_HASH = '#library';

export const ANNOTATIONS_HASH = '#annotations';

export const ENTITIES_HASH = '#entities';

/** The library filtered to the articles mentioning an entity (no filter: the plain library). */
export function libraryHash(mentioning = null) {
  return mentioning ? `${LIBRARY_HASH}&mentioning=${encodeURIComponent(mentioning)}` : LIBRARY_HASH;
}
