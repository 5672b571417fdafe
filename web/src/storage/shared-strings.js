// One copy of each string that many records repeat. A record read from IndexedDB (a structured
// clone) or parsed from JSON brings its own copy of every string it holds: 100,000 annotations by
// a dozen people held 100,000 copies of "TextualBody", of each person's name, of the hash of each
// article they annotated. The records' readers give the fields that repeat to `of`, which
// answers with the copy it saw first.
//
// Bounded, as the fields given are not all few-valued in every library (a source or a tag per
// article): past MAX_ENTRIES distinct strings new ones are kept as they are, and strings longer
// than MAX_LENGTH are never kept (at most a few MB held after the records are gone).

export const MAX_ENTRIES = 50000;
export const MAX_LENGTH = 128;

export class SharedStrings {
  constructor(maxEntries = MAX_ENTRIES) {
    this.maxEntries = maxEntries;
    /** @type {Map<string, string>} */
    this.table = new Map();
  }

  /**
   * The copy of `value` seen first (`value` itself when it is the first, too long or the table is
   * full); anything that is not a string as it is.
   * @template T
   * @param {T} value
   * @returns {T}
   */
  of(value) {
    if (typeof value !== 'string' || value.length > MAX_LENGTH) return value;
    const kept = this.table.get(value);
    if (kept !== undefined) return /** @type {T} */ (kept);
    if (this.table.size < this.maxEntries) this.table.set(value, value);
    return value;
  }
}

/** The page's table: articles and annotations share one (an annotation holds its article's hash). */
export const sharedStrings = new SharedStrings();
