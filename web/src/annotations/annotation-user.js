// Who makes annotations here: a urn:uuid and a name, kept in localStorage (annotations carry
// them as `creator`), made once per browser; and whether they keep the reader's sidebar open.
import { uuid } from './annotations.js';

const USER_KEY = 'lectern.user';
const NAME_ASKED_KEY = 'lectern.user.asked';
const SIDEBAR_KEY = 'lectern.sidebar';

/** @returns {{id: string, name: string}} the user of this browser (made on first use) */
export function loadUser() {
  try {
    const u = JSON.parse(localStorage.getItem(USER_KEY) || 'null');
    if (u && typeof u.id === 'string' && u.id)
      return { id: u.id, name: typeof u.name === 'string' ? u.name : '' };
  } catch {
    /* new */
  }
  const user = { id: `urn:uuid:${uuid()}`, name: '' };
  try {
    localStorage.setItem(USER_KEY, JSON.stringify(user));
  } catch {
    /* kept for this page */
  }
  return user;
}

/** Keeps the user (with a new name) for the next visits. */
export function saveUser(user) {
  try {
    localStorage.setItem(USER_KEY, JSON.stringify(user));
  } catch {
    /* kept for this page */
  }
}

/** A name as it is kept: white space collapsed, at most 80 characters. */
export function cleanName(name) {
  return String(name ?? '')
    .replace(/\s+/gu, ' ')
    .trim()
    .slice(0, 80);
}

/** Whether to tell the user, once per browser, where to set their name (false after the first call). */
export function firstAskForName() {
  try {
    if (localStorage.getItem(NAME_ASKED_KEY)) return false;
    localStorage.setItem(NAME_ASKED_KEY, '1');
  } catch {
    /* asked once on this page (the caller remembers) */
  }
  return true;
}

/** Whether the annotations sidebar shows beside an article (it does unless closed). */
export function loadSidebarShown() {
  try {
    return localStorage.getItem(SIDEBAR_KEY) !== '0';
  } catch {
    return true;
  }
}

export function saveSidebarShown(shown) {
  try {
    localStorage.setItem(SIDEBAR_KEY, shown ? '1' : '0');
  } catch {
    /* kept for this page */
  }
}
