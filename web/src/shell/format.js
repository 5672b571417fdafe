// Pure formatting helpers: display titles, dates, sizes, counts.
import { firstSpan } from '../reader/spans.js';

/** Collapses whitespace and cuts `text` to at most `max` characters at a word boundary, adding "…". */
export function truncate(text, max) {
  const t = String(text ?? '')
    .replace(/\s+/gu, ' ')
    .trim();
  if (t.length <= max) return t;
  const space = t.slice(0, max).lastIndexOf(' ');
  return (space > max * 0.5 ? t.slice(0, space) : t.slice(0, max - 1)).replace(/[\s,;:.–—-]+$/u, '') + '…';
}

export const TITLE_MAX = 140;

/**
 * What to show as an article's title: its title, else its first sentence (`fromText: true`, to be
 * styled as such), else the start of its body, else "Untitled".
 * @returns {{text: string, fromText: boolean}}
 */
export function displayTitle(article) {
  const title = String(article?.title ?? '')
    .replace(/\s+/gu, ' ')
    .trim();
  if (title) return { text: truncate(title, TITLE_MAX), fromText: false };
  const span = firstSpan(article?.sentences);
  const first = span ? String(article?.body ?? '').slice(span.start, span.end) : '';
  if (first.trim()) return { text: truncate(first, TITLE_MAX), fromText: true };
  const body = String(article?.body ?? '').trim();
  if (body) return { text: truncate(body.split(/\n/u)[0], TITLE_MAX), fromText: true };
  return { text: 'Untitled', fromText: true };
}

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/u;

/**
 * A human date for an ISO date ("2024-09-13" → "13 Sep 2024" in en-GB). Dates are calendar dates,
 * so they are formatted in UTC (no shift by the reader's time zone). Unparseable input comes back
 * as it is; "" stays "".
 */
export function formatDate(iso, locale = undefined) {
  const s = String(iso ?? '').trim();
  if (!s) return '';
  const m = ISO_DATE.exec(s);
  if (!m) return s;
  const [, y, mo, d] = m;
  const year = Number(y);
  const month = mo ? Number(mo) : 1;
  const day = d ? Number(d) : 1;
  if (month < 1 || month > 12 || day < 1 || day > 31) return s;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return s;
  try {
    return dateFormat(locale, Boolean(mo), Boolean(d)).format(date);
  } catch {
    return s;
  }
}

const dateFormats = new Map();

function dateFormat(locale, month, day) {
  const key = `${locale ?? ''}|${month}|${day}`;
  let f = dateFormats.get(key);
  if (!f) {
    /** @type {Intl.DateTimeFormatOptions} */
    const opts = { timeZone: 'UTC', year: 'numeric' };
    if (month) opts.month = 'short';
    if (day) opts.day = 'numeric';
    f = new Intl.DateTimeFormat(locale, opts);
    dateFormats.set(key, f);
  }
  return f;
}

/** A byte count for people: "812 bytes", "4.2 KB", "20 MB" (binary multiples, as limits are). */
export function formatBytes(n) {
  const bytes = Math.max(0, Number(n) || 0);
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const digits = v < 10 ? 1 : 0;
  return `${v.toFixed(digits).replace(/\.0$/u, '')} ${units[i]}`;
}

/** "1 article", "5 articles", "1,234 articles". */
export function plural(n, one, many = `${one}s`) {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export function formatCount(n) {
  return Number(n).toLocaleString('en-US');
}

/** A file name for pasted text, e.g. "Pasted text 2024-09-13 14.05.09.txt". */
export function pastedFileName(now = new Date()) {
  const p = (x) => String(x).padStart(2, '0');
  const date = `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
  const time = `${p(now.getHours())}.${p(now.getMinutes())}.${p(now.getSeconds())}`;
  return `Pasted text ${date} ${time}.txt`;
}
