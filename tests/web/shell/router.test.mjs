// The URL hash routes (web/src/shell/router.js): the entity index and the library filtered to the
// articles mentioning an entity, beside the routes that were there before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareHash,
  libraryHash,
  parseHash,
  readerHash,
  variantsHash,
  ENTITIES_HASH,
  LIBRARY_HASH,
} from '../../../web/src/shell/router.js';

test('#entities is the entity index', () => {
  assert.deepEqual(parseHash(ENTITIES_HASH), { view: 'entities' });
  assert.deepEqual(parseHash('entities'), { view: 'entities' });
});

test('#library&mentioning=ID filters the library; ids with spaces, colons, + and & survive', () => {
  for (const id of ['PER:vladimir putin', 'ORG:at&t', 'LOC:a+b', 'DATE:2024-09-12', 'PER:zoë']) {
    assert.deepEqual(parseHash(libraryHash(id)), { view: 'library', mentioning: id }, id);
  }
  assert.deepEqual(parseHash('#mentioning=PER%3Aputin'), { view: 'library', mentioning: 'PER:putin' });
  assert.equal(libraryHash(null), LIBRARY_HASH);
  assert.equal(libraryHash(''), LIBRARY_HASH);
  assert.deepEqual(parseHash('#library&mentioning='), { view: 'library' }, 'empty: no filter');
});

test('the routes from before stay as they were', () => {
  assert.deepEqual(parseHash(''), { view: 'library' });
  assert.deepEqual(parseHash(LIBRARY_HASH), { view: 'library' });
  assert.deepEqual(parseHash('#annotations'), { view: 'annotations' });
  assert.deepEqual(parseHash(readerHash('x y', true)), { view: 'reader', id: 'x y', original: true });
  assert.deepEqual(parseHash(compareHash('a,1', 'b')), { view: 'compare', a: 'a,1', b: 'b' });
  assert.deepEqual(parseHash(variantsHash('v')), { view: 'variants', id: 'v' });
  // An article link wins over a filter in the same hash.
  assert.deepEqual(parseHash('#article=abc&mentioning=PER%3Ax'), {
    view: 'reader',
    id: 'abc',
    original: false,
  });
});
