// First run: the sample ("seed") articles embedded in the page are the default collection, loaded
// only when the stored collection has never been initialised. Once initialised, an empty collection
// stays empty (the user removed the samples; they must not come back on reload).

export const INITIALISED_KEY = 'initialised';

/**
 * Whether the seeds should be loaded at startup.
 * @param {{persistent: boolean, initialised: boolean}} state  whether storage works, and the
 *   stored "initialised" flag (false when storage does not work).
 */
export function shouldLoadSeeds({ persistent, initialised }) {
  if (!persistent) return true; // nothing is remembered: every visit is a first visit
  return !initialised;
}

/** The embedded seeds as [{name, text}], tolerating a missing or malformed data block. */
export function parseSeeds(jsonText) {
  if (!jsonText) return [];
  try {
    const data = JSON.parse(jsonText);
    if (!Array.isArray(data)) return [];
    return data.filter((s) => s && typeof s.name === 'string' && typeof s.text === 'string');
  } catch {
    return [];
  }
}
