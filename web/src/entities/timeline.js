// Dates on a small timeline: the collection's article dates make one axis (days, months or years,
// whichever keeps the bars few and readable for the span), and each entity's articles are counted
// on it, so the rows of the index can be compared by eye. timelineAxis/binDates are pure;
// timelineChart draws a tiny SVG bar chart (createElementNS, never markup from strings).

const DAY_MS = 86400000;
/** Spans up to this many days are drawn by day; up to MAX_MONTHS months by month; longer by year. */
export const MAX_DAYS = 62;
export const MAX_MONTHS = 72;

const ISO_DATE = /^(\d{4})-(\d\d)-(\d\d)/u;

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD…), or null for anything else. */
function dayNumber(date) {
  const m = ISO_DATE.exec(String(date ?? ''));
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? Math.round(t / DAY_MS) : null;
}

function dayKey(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * @typedef {object} TimelineAxis
 * @property {'day'|'month'|'year'} unit
 * @property {string[]} keys  one per bin, in order, without gaps: "2024-09-13", "2024-09" or "2024"
 */

/**
 * The axis for a set of dates (ISO, as articles carry them; others are skipped): every bin from the
 * earliest to the latest, at the coarsest unit that still shows the span (≤ MAX_DAYS days: days;
 * ≤ MAX_MONTHS months: months; else years). No dates: no bins.
 * @param {Iterable<string>} dates
 * @returns {TimelineAxis}
 */
export function timelineAxis(dates) {
  let min = Infinity;
  let max = -Infinity;
  for (const d of dates) {
    const n = dayNumber(d);
    if (n === null) continue;
    if (n < min) min = n;
    if (n > max) max = n;
  }
  if (min > max) return { unit: 'day', keys: [] };
  if (max - min + 1 <= MAX_DAYS) {
    const keys = [];
    for (let d = min; d <= max; d++) keys.push(dayKey(d));
    return { unit: 'day', keys };
  }
  const first = dayKey(min);
  const last = dayKey(max);
  const y0 = Number(first.slice(0, 4));
  const y1 = Number(last.slice(0, 4));
  const m0 = y0 * 12 + Number(first.slice(5, 7)) - 1;
  const m1 = y1 * 12 + Number(last.slice(5, 7)) - 1;
  if (m1 - m0 + 1 <= MAX_MONTHS) {
    const keys = [];
    for (let m = m0; m <= m1; m++)
      keys.push(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
    return { unit: 'month', keys };
  }
  const keys = [];
  for (let y = y0; y <= y1; y++) keys.push(String(y));
  return { unit: 'year', keys };
}

/** The bin key of a date on an axis of `unit` (null for a date that is not ISO). */
export function binKey(date, unit) {
  if (dayNumber(date) === null) return null;
  const d = String(date);
  return unit === 'day' ? d.slice(0, 10) : unit === 'month' ? d.slice(0, 7) : d.slice(0, 4);
}

/**
 * How many of `dates` fall in each bin of `axis` (dates outside it or not ISO are not counted).
 * @param {TimelineAxis} axis
 * @param {Iterable<string>} dates
 * @returns {number[]} one count per axis key
 */
export function binDates(axis, dates) {
  const index = new Map(axis.keys.map((k, i) => [k, i]));
  const counts = axis.keys.map(() => 0);
  for (const d of dates) {
    const i = index.get(binKey(d, axis.unit));
    if (i !== undefined) counts[i]++;
  }
  return counts;
}

/** "12 Sep 2024", "Sep 2024" or "2024" for a bin key (UTC, so a date never shifts by a day). */
export function binLabel(key, unit) {
  if (unit === 'year') return key;
  const date = new Date(`${unit === 'month' ? `${key}-01` : key}T00:00:00Z`);
  const options =
    unit === 'month'
      ? { month: 'short', year: 'numeric', timeZone: 'UTC' }
      : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat('en-GB', /** @type {Intl.DateTimeFormatOptions} */ (options)).format(date);
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * A tiny bar chart: one bar per bin, heights relative to the biggest count, a hairline for the axis.
 * Bars carry a <title> ("12 Sep 2024: 2 articles") for pointer users; the chart as a whole is an
 * image labelled by `label` (a sentence the caller writes: screen readers read that, not bars).
 * @param {TimelineAxis} axis
 * @param {number[]} counts  binDates(axis, …)
 * @param {{label: string, width?: number, height?: number}} options
 * @returns {SVGSVGElement}
 */
export function timelineChart(axis, counts, { label, width = 120, height = 22 }) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'timeline');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('data-testid', 'entity-timeline');
  svg.setAttribute('data-unit', axis.unit);
  const n = Math.max(1, counts.length);
  const slot = width / n;
  const gap = slot > 4 ? 1 : 0;
  const peak = Math.max(1, ...counts);
  const baseline = document.createElementNS(SVG, 'line');
  baseline.setAttribute('class', 'timeline-axis');
  baseline.setAttribute('x1', '0');
  baseline.setAttribute('x2', String(width));
  baseline.setAttribute('y1', String(height - 0.5));
  baseline.setAttribute('y2', String(height - 0.5));
  svg.append(baseline);
  counts.forEach((count, i) => {
    if (!count) return;
    const barHeight = Math.max(2, Math.round(((height - 2) * count) / peak));
    const rect = document.createElementNS(SVG, 'rect');
    rect.setAttribute('class', 'timeline-bar');
    rect.setAttribute('x', (i * slot + gap / 2).toFixed(2));
    rect.setAttribute('width', Math.max(1, slot - gap).toFixed(2));
    rect.setAttribute('y', String(height - 1 - barHeight));
    rect.setAttribute('height', String(barHeight));
    rect.setAttribute('data-count', String(count));
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${binLabel(axis.keys[i], axis.unit)}: ${count === 1 ? '1 article' : `${count} articles`}`;
    rect.append(title);
    svg.append(rect);
  });
  return svg;
}
