// The article bodies the core worker keeps between anchoring calls, so that the page sends each
// body once per worker, not with every call: re-anchoring imported annotations looks through the
// whole library in chunks, and before this each chunk's bodies were serialised on the page's main
// thread and copied to the worker again for every batch of annotations.
//
// Bounded: the least recently used bodies are dropped past `maxChars` UTF-16 units. The page does
// not know what was dropped; the worker answers "missing" for those and the page sends them again
// (worker-client.js WorkerReader#anchor).

/** What the worker keeps of an article: its text (title and URL travel with every call). */
export class ArticleBodies {
  /** @param {number} maxChars  UTF-16 units kept at most (two bytes each) */
  constructor(maxChars) {
    this.maxChars = maxChars;
    this.chars = 0;
    /** @type {Map<string, string>} id → body, least recently used first */
    this.bodies = new Map();
  }

  /** Keeps `body` as the text of article `id` (the article id is a hash of its text). */
  put(id, body) {
    this.drop(id);
    this.bodies.set(id, body);
    this.chars += body.length;
    for (const [oldest, text] of this.bodies) {
      if (this.chars <= this.maxChars || oldest === id) break;
      this.bodies.delete(oldest);
      this.chars -= text.length;
    }
  }

  /** The body of `id`, marked as recently used; undefined when not kept. */
  get(id) {
    const body = this.bodies.get(id);
    if (body !== undefined) {
      this.bodies.delete(id);
      this.bodies.set(id, body);
    }
    return body;
  }

  drop(id) {
    const body = this.bodies.get(id);
    if (body === undefined) return;
    this.bodies.delete(id);
    this.chars -= body.length;
  }
}

/**
 * The articles of an anchoring request with their bodies: those sent with it (`sent`: [id, body]
 * pairs, kept in `store` for the next calls) and those kept from earlier calls. `missing` lists the
 * ids of neither (dropped since they were sent): the page sends those again.
 * @param {ArticleBodies} store
 * @param {{id: string, title?: string, url?: string}[]} refs
 * @param {[string, string][]} sent
 * @returns {{articles: {id: string, body: string, title?: string, url?: string}[], missing: string[]}}
 */
export function articlesWithBodies(store, refs, sent) {
  const given = new Map(sent);
  for (const [id, body] of given) store.put(id, body);
  const articles = [];
  const missing = [];
  for (const ref of refs) {
    const body = given.get(ref.id) ?? store.get(ref.id);
    if (body === undefined) missing.push(ref.id);
    else articles.push({ ...ref, body });
  }
  return { articles, missing };
}
