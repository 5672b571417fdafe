// The library's settings kept in localStorage: the sort order and whether a story's versions are
// grouped. Storage may be unavailable (a page from file:// in some browsers): the defaults then.
const SORT_KEY = 'lectern.sort';
const GROUP_KEY = 'lectern.groupVersions';

export function saveSort(sort) {
  try {
    localStorage.setItem(SORT_KEY, JSON.stringify(sort));
  } catch {
    /* not important */
  }
}

export function saveGroupVersions(on) {
  try {
    localStorage.setItem(GROUP_KEY, on ? '1' : '0');
  } catch {
    /* not important */
  }
}

export function loadGroupVersions() {
  try {
    return localStorage.getItem(GROUP_KEY) !== '0';
  } catch {
    return true;
  }
}

export function loadSort() {
  try {
    const s = JSON.parse(localStorage.getItem(SORT_KEY) || 'null');
    if (
      s &&
      (s.column === null || typeof s.column === 'string') &&
      (s.direction === 'ascending' || s.direction === 'descending')
    )
      return s;
  } catch {
    /* storage may be unavailable */
  }
  return { column: null, direction: 'ascending' };
}
