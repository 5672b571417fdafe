// The URL hash says which view is shown: "" or "#library" → the library, "#article=ID" → the
// reader on that article (deep links; the browser's Back button works between views),
// "#annotations" → the collection's annotations.

/** @returns {{view: 'library'} | {view: 'annotations'} | {view: 'reader', id: string, original: boolean}} */
export function parseHash(hash) {
  const h = String(hash ?? '').replace(/^#/u, '');
  if (h === 'annotations') return { view: 'annotations' };
  const params = new URLSearchParams(h);
  const id = params.get('article');
  if (id) return { view: 'reader', id, original: params.get('view') === 'original' };
  return { view: 'library' };
}

export function readerHash(id, original = false) {
  const params = new URLSearchParams();
  params.set('article', id);
  if (original) params.set('view', 'original');
  return `#${params.toString()}`;
}

export const LIBRARY_HASH = '#library';

export const ANNOTATIONS_HASH = '#annotations';
