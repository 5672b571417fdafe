// One annotation as a card (the sidebar, the collection view, the card over a highlight): the
// quote, its tags in their colours, the note (Markdown rendered safely), who and when, where it
// shows, conflicting versions side by side, and actions. Text only, never HTML.
import { HIGHLIGHT_COLOR } from '../tags.js';
import { h, icon } from '../../shell/dom.js';
import { renderNote } from './note-view.js';
import { authorKey, authorLabel, viewOf } from '../annotation-model.js';
import { truncate } from '../../shell/format.js';

let me = '';

/** Whose annotations are "yours" (annotation-model.js authorKey of the user). */
export function setCurrentUser(key) {
  me = String(key ?? '');
}

/** The author as shown: their name, "You" for the user's own without a name. */
export function authorName(creator) {
  const mine = me && authorKey(creator) === me;
  if (mine && !creator?.name) return 'You';
  return authorLabel(creator) + (mine ? ' (you)' : '');
}

/** A tag chip: colour swatch and name. */
export function tagChip(name, color, { shortcut = null } = {}) {
  const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  swatch.style.setProperty('background-color', color);
  return h(
    'span',
    { class: 'tag-chip static', 'data-testid': 'tag-chip', 'data-tag': name },
    swatch,
    h('span', { class: 'tag-name' }, name),
    shortcut ? h('kbd', { 'aria-hidden': 'true' }, String(shortcut)) : null,
  );
}

/** "2024-09-14 08:00" in local time, or the text as given. */
export function shortTime(iso) {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return String(iso || '');
  const d = new Date(t);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * @typedef {(name: string, color?: string) => string} ColorOf  a tag's colour (its own, else the given one)
 * @typedef {{label: string, testid: string, run: () => void, icon?: string[], danger?: boolean,
 *   ariaLabel?: string}} CardAction
 */

/**
 * @param {object} view  annotation-model.js viewOf
 * @param {object} o
 * @param {ColorOf} o.colorOf
 * @param {string} [o.status]  a line saying where it shows (e.g. "Carried over from …")
 * @param {string} [o.statusKind]  own | anchored | carried | missing | orphan
 * @param {number} [o.quoteMax]
 * @param {CardAction[]} [o.actions]
 * @param {(() => void)} [o.open]  the quote is a button that does this (jump to the highlight)
 * @param {string} [o.openLabel]
 * @param {(index: number) => void} [o.keepVersion]  for conflicts (-1: the shown one)
 * @returns {HTMLElement[]} the card's children
 */
export function cardContent(
  view,
  {
    colorOf,
    status = '',
    statusKind = '',
    quoteMax = 220,
    actions = [],
    open = null,
    openLabel = '',
    keepVersion = null,
  },
) {
  const quoteText = `“${truncate(view.quote, quoteMax)}”`;
  const quote = open
    ? h(
        'button',
        {
          type: 'button',
          class: 'card-quote',
          'data-testid': 'card-open',
          onclick: open,
          'aria-label': openLabel || `Go to the highlight ${truncate(view.quote, 80)}`,
        },
        quoteText,
      )
    : h('p', { class: 'card-quote' }, quoteText);
  const tags = view.tags.length
    ? h(
        'div',
        { class: 'card-tags', 'aria-label': 'Tags' },
        view.tags.map((t) => tagChip(t.name, colorOf(t.name, t.color))),
      )
    : null;
  const note = view.note?.text
    ? h(
        'div',
        { class: 'card-note', 'data-testid': 'card-note' },
        renderNote(view.note.text, view.note.format),
      )
    : null;
  const meta = h(
    'p',
    { class: 'card-meta' },
    h('span', { class: 'card-author', 'data-testid': 'card-author' }, authorName(view.creator)),
    view.modified ? [' · ', h('time', { datetime: view.modified }, shortTime(view.modified))] : null,
  );
  const statusLine = status
    ? h('p', { class: `card-status ${statusKind}`, 'data-testid': 'card-status' }, status)
    : null;
  const conflicts = view.conflicts.length ? conflictBlock(view, colorOf, keepVersion) : null;
  const bar = actions.length
    ? h(
        'div',
        { class: 'card-actions' },
        actions.map((a) =>
          h(
            'button',
            {
              type: 'button',
              class: `button quiet small${a.danger ? ' danger' : ''}`,
              'data-testid': a.testid,
              onclick: a.run,
              'aria-label': a.ariaLabel || null,
            },
            a.icon ? icon(a.icon) : null,
            a.label,
          ),
        ),
      )
    : null;
  return [quote, tags, note, statusLine, conflicts, meta, bar].filter(Boolean);
}

function conflictBlock(view, colorOf, keepVersion) {
  const versions = [view, ...view.conflicts.map((c) => viewOf(c))];
  return h(
    'div',
    { class: 'card-conflicts', 'data-testid': 'conflict-versions' },
    h('p', { class: 'conflict-title' }, `${versions.length} versions of this annotation disagree:`),
    h(
      'div',
      { class: 'conflict-grid' },
      versions.map((v, i) =>
        h(
          'div',
          { class: 'conflict-version', 'data-testid': 'conflict-version' },
          h(
            'p',
            { class: 'card-meta' },
            h('strong', {}, authorName(v.creator)),
            v.modified ? ` · ${shortTime(v.modified)}` : '',
            i === 0 ? ' (shown)' : '',
          ),
          v.tags.length
            ? h(
                'div',
                { class: 'card-tags' },
                v.tags.map((t) => tagChip(t.name, colorOf(t.name, t.color))),
              )
            : null,
          v.note?.text
            ? h('div', { class: 'card-note' }, renderNote(v.note.text, v.note.format))
            : h('p', { class: 'muted small' }, 'No note.'),
          keepVersion
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'button small',
                  'data-testid': 'keep-version',
                  onclick: () => keepVersion(i - 1),
                },
                'Keep this version',
              )
            : null,
        ),
      ),
    ),
  );
}

/** The colour a highlight is drawn in: its first tag's, else the highlight colour. */
export function highlightColor(view, colorOf) {
  return view.tags.length ? colorOf(view.tags[0].name, view.tags[0].color) : HIGHLIGHT_COLOR;
}

/** What a highlight says to screen readers: its tags, author, and where it was carried over from. */
export function highlightLabel(view, kind, fromTitle) {
  const tags = view.tags.map((t) => t.name).join(', ') || 'Highlight';
  const where = kind === 'carried' ? ` — carried over from “${truncate(fromTitle, 50)}”` : '';
  return `${tags} (${authorName(view.creator)})${where}`;
}

/**
 * The card's entries for the highlights `ids` (of an article's placements): what each is, where it
 * came from, and what can be done with it.
 * @param {object[]} highlights  AnnotationBook placementsFor(article).highlights
 * @param {string[]} ids
 * @param {{titleOf: (record: object) => string, openArticle: (id: string) => void, edit: (id: string) => void,
 *   remove: (id: string) => void, keepVersion: (id: string, index: number) => void}} on
 */
export function cardEntries(highlights, ids, on) {
  const p = { highlights };
  return ids
    .map((id) => p.highlights.find((x) => x.id === id))
    .filter(Boolean)
    .map((x) => ({
      view: x.view,
      status:
        x.kind === 'carried'
          ? `Carried over from “${truncate(on.titleOf(x.from), 60)}”`
          : x.kind === 'anchored'
            ? 'Re-anchored: made on a different copy of this article'
            : '',
      statusKind: x.kind,
      actions:
        x.kind === 'carried'
          ? [
              {
                label: 'Open the original',
                testid: 'card-open-original',
                run: () => on.openArticle(x.from.id),
              },
            ]
          : [
              { label: 'Edit', testid: 'card-edit', icon: null, run: () => on.edit(x.id) },
              { label: 'Delete', testid: 'card-delete', danger: true, run: () => on.remove(x.id) },
            ],
      keepVersion: x.kind === 'carried' ? null : (i) => on.keepVersion(x.id, i),
    }));
}
