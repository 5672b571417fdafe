// Identity of an article: a content key from its cleaned body text, so that the same article
// imported twice (from the same or another file) is recognised as a duplicate.
import { sha256Hex } from './sha256.js';

const encoder = new TextEncoder();

/** The body text as compared for duplicates: NFC, whitespace runs collapsed, trimmed. */
export function normaliseForIdentity(body) {
  return String(body ?? '')
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** A 16-hex-digit key (the first 64 bits of SHA-256 of the normalised body). */
export function articleKey(body) {
  return sha256Hex(encoder.encode(normaliseForIdentity(body))).slice(0, 16);
}

/**
 * The content hash of an article (64 hex digits): SHA-256 of the normalised body, as the core's
 * contentHash computes it. Annotations are tied to their article by it; the article key is its
 * first 16 digits.
 */
export function contentHash(body) {
  return sha256Hex(encoder.encode(normaliseForIdentity(body)));
}
