// The generated collection of tests/e2e/big-cluster.test.mjs (and for timing the core by hand):
// distinct made-up articles, planted rewrites of some (pairs and triples), and one big story told
// BIG_STORY times — the same wire copy under different datelines — so that anything quadratic in
// a story's size (the core's pairs, the page's grouping of rows) shows up.

export const PAIRS = 40;
export const TRIPLES = 20;
export const BIG_STORY = 300;

/**
 * `n` distinct articles in a JSON array, of which the last ones are rewrites of earlier ones: PAIRS
 * stories told twice and TRIPLES told three times. The rewrites drop a sentence or two, reword a
 * few words, change a figure and add a sentence of their own. After them come `big` copies of one
 * more article, each under its own dateline ("OSLO, June 3 (Outlet 17) - …").
 * @returns {{json: string, groups: string[][], bigStory: string[], count: number}} groups: the
 *   titles of each planted story's versions; bigStory: the big story's titles; count: the records
 */
export function collectionWithVersions(n, { big = BIG_STORY } = {}) {
  let state = 2024;
  const random = () => {
    // mulberry32: exact in 32-bit integer arithmetic, so no short cycles
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  // A vocabulary of ~3,000 made-up words, so unrelated articles share little.
  const syllables = [
    'ka',
    'lo',
    'mi',
    'ren',
    'tas',
    'vo',
    'dun',
    'pe',
    'sar',
    'qui',
    'bel',
    'nor',
    'ti',
    'gra',
    'hu',
    'zen',
  ];
  const vocabulary = Array.from({ length: 3000 }, () =>
    Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables)).join(''),
  );
  const sentence = () => {
    const w = Array.from({ length: 6 + Math.floor(random() * 10) }, () => pick(vocabulary)).join(' ');
    return `${w[0].toUpperCase()}${w.slice(1)} ${Math.floor(random() * 900) + 10}.`;
  };
  const article = () => Array.from({ length: 9 + Math.floor(random() * 9) }, sentence);
  // As wire copy is rewritten: about one sentence in ten dropped, one in ten with a word changed,
  // the first figure changed, a sentence added at the end.
  const rewrite = (sentences) => {
    const out = sentences.filter((_, i) => i === 0 || random() > 0.1);
    return out
      .map((s) => (random() < 0.1 ? s.replace(/ \S+ /u, ` ${pick(vocabulary)} `) : s))
      .map((s, i) => (i === 0 ? s.replace(/\d+/u, (d) => String(Number(d) + 1)) : s))
      .concat([sentence()]);
  };
  const planted = PAIRS + TRIPLES;
  const rewrites = PAIRS + 2 * TRIPLES;
  const originals = n - rewrites;
  const records = [];
  const bodies = [];
  const paragraphs = (sentences) =>
    [sentences.slice(0, 3), sentences.slice(3, 7), sentences.slice(7)]
      .map((p) => p.join(' '))
      .filter(Boolean)
      .join('\n\n');
  for (let i = 1; i <= originals; i++) {
    const sentences = article();
    bodies.push(sentences);
    records.push({
      id: `gen-${i}`,
      title: `Generated article ${i}`,
      source: 'Generated Wire',
      date: `2024-05-${String(1 + (i % 28)).padStart(2, '0')}`,
      text: paragraphs(sentences),
    });
  }
  const groups = [];
  for (let k = 0; k < planted; k++) {
    const base = 1 + Math.floor((k * originals) / planted); // spread over the collection
    const titles = [`Generated article ${base}`];
    for (let v = 1; v <= (k < PAIRS ? 1 : 2); v++) {
      const title = `Generated article ${base}, version ${v + 1}`;
      titles.push(title);
      records.push({
        id: `gen-${base}-v${v + 1}`,
        title,
        source: `Outlet ${v + 1}`,
        date: '2024-06-01',
        text: paragraphs(rewrite(bodies[base - 1])),
      });
    }
    groups.push(titles);
  }
  const cities = [
    'OSLO',
    'LAGOS',
    'LIMA',
    'HANOI',
    'QUITO',
    'RIGA',
    'DAKAR',
    'PERTH',
    'BERN',
    'DOHA',
    'SUVA',
    'BAKU',
  ];
  const wire = article();
  const bigStory = [];
  for (let k = 1; k <= big; k++) {
    const title = `The big story, copy ${k}`;
    bigStory.push(title);
    const dateline = `${cities[k % cities.length]}, June ${1 + (k % 28)} (Outlet ${k}) - `;
    records.push({
      id: `big-${k}`,
      title,
      source: `Outlet ${k}`,
      date: `2024-06-${String(1 + (k % 28)).padStart(2, '0')}`,
      text: paragraphs([dateline + wire[0], ...wire.slice(1)]),
    });
  }
  return {
    json: `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`,
    groups,
    bigStory,
    count: records.length,
  };
}
