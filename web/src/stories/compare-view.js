// The compare view (#compare=A,B): two versions of a story side by side. Each row of the table is
// one aligned group of sentences (compare-model.js), so what one version says sits next to what the
// other says, with a gutter between them naming how they relate; word changes are <del>/<ins>, and
// under the right side what the row changes by type ("Person dropped: Vladimir Putin").
// On top: both versions, the summary, the people, organisations, places, dates and numbers that
// changed (a line per type, in the reader's entity colours) and the list of changes (one tab stop;
// ↑/↓ inside it, n/p anywhere in the view) — choosing one scrolls to its row and marks it.
import { h, icon, ICONS, replaceChildren } from '../shell/dom.js';
import { formatDate, plural } from '../shell/format.js';
import { readerHash } from '../shell/router.js';
import { changeNoun, changeType, changeVerb, namedByType } from './compare-model.js';

/** How many names, dates and numbers are shown before "and N more" (in the summary, in a row). */
export const NAMED_SHOWN = 30;

const GUTTER = {
  same: { symbol: '=', text: 'same' },
  changed: { symbol: '≈', text: 'changed' },
  merged: { symbol: '⇉', text: 'merged' },
  split: { symbol: '⇉', text: 'split' },
  moved: { symbol: '↕', text: 'moved' },
  onlyA: { symbol: '◂', text: 'left only' },
  onlyB: { symbol: '▸', text: 'right only' },
};

export class CompareView {
  /** @param {{back(): void, swap(): void, variants(id: string): void, open(id: string): void}} on */
  constructor(on) {
    this.on = on;
    this.model = null;
    this.current = null; // the group index of the marked row
    this.rowEls = new Map();
    this.itemEls = new Map();

    this.backButton = h(
      'button',
      {
        type: 'button',
        class: 'button quiet',
        'data-testid': 'compare-back',
        onclick: () => on.back(),
        title: 'Back (Esc)',
      },
      icon(ICONS.back),
      (this.backLabel = h('span', {}, 'Back')),
    );
    this.swapButton = h(
      'button',
      {
        type: 'button',
        class: 'button',
        'data-testid': 'compare-swap',
        onclick: () => on.swap(),
        title: 'Put the right version on the left (s)',
      },
      icon(ICONS.swap),
      'Swap sides',
    );
    this.variantsButton = h(
      'button',
      {
        type: 'button',
        class: 'button',
        'data-testid': 'compare-variants',
        hidden: true,
        onclick: () => this.storyId && on.variants(this.storyId),
        title: 'Every version of this story in one table',
      },
      icon(ICONS.table),
      'All versions',
    );
    this.heading = h(
      'h1',
      { id: 'compare-heading', class: 'compare-heading', tabindex: '-1' },
      'Compare two versions',
    );
    this.heads = h('div', { class: 'compare-heads' });
    this.status = h('p', { class: 'compare-status', 'data-testid': 'compare-status', role: 'status' });
    this.summary = h('section', {
      class: 'compare-summary',
      'data-testid': 'compare-summary',
      'aria-label': 'What changed',
      hidden: true,
    });
    this.changesList = h('ol', {
      class: 'change-list',
      'data-testid': 'compare-changes',
      'aria-label': 'Changes, in reading order',
      onkeydown: (e) => this.handleListKey(e),
    });
    this.table = h('table', { class: 'compare-table', 'data-testid': 'compare-table', hidden: true });
    this.announcer = h('p', {
      class: 'visually-hidden',
      'aria-live': 'polite',
      'data-testid': 'compare-announce',
    });

    this.el = h(
      'section',
      {
        id: 'compare',
        class: 'view compare',
        'data-testid': 'compare',
        hidden: true,
        'aria-labelledby': 'compare-heading',
      },
      h(
        'nav',
        { class: 'reader-toolbar', 'aria-label': 'Comparison' },
        this.backButton,
        h('span', { class: 'toolbar-spacer' }),
        this.variantsButton,
        this.swapButton,
      ),
      this.heading,
      this.heads,
      this.status,
      this.summary,
      this.table,
      this.announcer,
    );
  }

  /** Before the core answers: both versions' heads and "Comparing…". */
  showPending(a, b, { backLabel, storyId }) {
    this.model = null;
    this.current = null;
    this.storyId = storyId;
    this.backLabel.textContent = backLabel;
    this.variantsButton.hidden = !storyId;
    this.renderHeads(a, b);
    this.setStatus('Comparing…', 'busy');
    this.summary.hidden = true;
    this.table.hidden = true;
    replaceChildren(this.table);
    this.el.dataset.state = 'pending';
  }

  /** A message instead of a comparison (same article twice, an error). */
  showMessage(text, kind = 'info') {
    this.model = null;
    this.setStatus(text, kind);
    this.summary.hidden = true;
    this.table.hidden = true;
    this.el.dataset.state = kind === 'error' ? 'error' : 'message';
  }

  setStatus(text, kind) {
    this.status.textContent = text;
    this.status.dataset.kind = kind;
    this.status.hidden = !text;
  }

  renderHeads(a, b) {
    const head = (side, v, label) =>
      h(
        'div',
        { class: `compare-version side-${side}`, 'data-testid': `compare-version-${side}` },
        h(
          'p',
          { class: 'kicker' },
          h('span', { class: 'side-tag', 'aria-hidden': 'true' }, side === 'a' ? 'Left' : 'Right'),
          h('span', { class: 'outlet', 'data-testid': `compare-outlet-${side}` }, label),
          v.date
            ? [
                h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '),
                h('time', { datetime: v.date }, formatDate(v.date)),
              ]
            : null,
        ),
        h(
          'a',
          {
            class: v.untitled ? 'compare-title untitled' : 'compare-title',
            href: readerHash(v.id),
            'data-testid': `compare-open-${side}`,
            title: 'Open this version in the reader',
          },
          v.title,
        ),
        h('p', { class: 'muted small' }, `${plural(v.words, 'word')}`),
      );
    replaceChildren(
      this.heads,
      head('a', a, a.label),
      h('span', { class: 'compare-vs', 'aria-hidden': 'true' }, '⇄'),
      head('b', b, b.label),
    );
    this.heading.textContent = `Compare: ${a.label} and ${b.label}`;
  }

  /** @param {ReturnType<import('./compare-model.js').compareModel>} model */
  show(model) {
    this.model = model;
    this.current = null;
    this.el.dataset.state = 'ready';
    const { a, b } = model;
    if (model.empty.a || model.empty.b) {
      const which =
        model.empty.a && model.empty.b
          ? 'Neither version has'
          : `${model.empty.a ? a.label : b.label} has no text, so there is`;
      this.setStatus(
        model.empty.a && model.empty.b
          ? `${which} any text to compare.`
          : `${which} nothing to line up: everything is on one side.`,
        'warning',
      );
    } else if (model.identical) {
      this.setStatus(`${a.label} and ${b.label} say the same thing, sentence for sentence.`, 'success');
    } else {
      this.setStatus('', '');
    }
    this.renderSummary(model);
    this.renderTable(model);
  }

  renderSummary(model) {
    const s = model.summary;
    const { a, b } = model;
    const stat = (testid, title, value, detail, kind) =>
      h(
        'div',
        { class: `stat ${kind}`, 'data-testid': testid },
        h('dt', {}, title),
        h('dd', {}, h('strong', {}, value), detail ? h('span', { class: 'muted' }, ` · ${detail}`) : null),
      );
    const stats = h(
      'dl',
      { class: 'compare-stats' },
      stat(
        'compare-only-a',
        `Only in ${a.label}`,
        plural(s.dropped.sentences, 'sentence'),
        s.dropped.sentences ? plural(s.dropped.words, 'word') : '',
        'only-a',
      ),
      stat(
        'compare-only-b',
        `Only in ${b.label}`,
        plural(s.added.sentences, 'sentence'),
        s.added.sentences ? plural(s.added.words, 'word') : '',
        'only-b',
      ),
      stat(
        'compare-changed',
        'Worded differently',
        plural(s.changed.groups, 'passage'),
        s.changed.groups ? `−${s.words.deleted} +${s.words.inserted} words` : '',
        'changed',
      ),
      stat('compare-same', 'The same', plural(s.same.sentences, 'sentence'), '', 'same'),
    );
    const lines = h(
      'ul',
      { class: 'summary-lines', 'data-testid': 'compare-summary-lines' },
      s.lines.map((l) => h('li', {}, l)),
    );

    const named = model.named.length || model.namedOmitted ? this.renderNamed(model) : null;
    this.namedBlock = named;

    this.itemEls.clear();
    const items = model.changeRows.map((g, k) => {
      const row = model.rows[g];
      const button = h(
        'button',
        {
          type: 'button',
          class: `chip change kind-${row.kind}`,
          'data-testid': 'change-item',
          'data-group': g,
          'data-kind': row.kind,
          tabindex: k === 0 ? '0' : '-1',
          onclick: () => this.goTo(g, { focus: 'item' }),
          'aria-label': `${row.label}${
            row.changes.length
              ? `: ${row.changes
                  .slice(0, NAMED_SHOWN)
                  .map((c) => c.text)
                  .join(', ')}${moreChanges(row)}`
              : ''
          }`,
        },
        row.label,
      );
      this.itemEls.set(g, button);
      return h('li', {}, button);
    });
    replaceChildren(this.changesList, items);
    const changes = h(
      'div',
      { class: 'summary-block' },
      h(
        'h2',
        { id: 'changes-heading' },
        'Changes ',
        h('span', { class: 'muted small' }, '(n / p: next, previous)'),
      ),
      items.length ? this.changesList : h('p', { class: 'muted' }, 'None.'),
    );
    replaceChildren(this.summary, lines, stats, named, changes);
    this.summary.hidden = false;
  }

  /**
   * "Names, dates and numbers": the changes under their types (people, organisations, places,
   * dates, numbers), each type a line with the entity colours of the reader; the first NAMED_SHOWN
   * chips, then a button for the rest (all drawn again when pressed), and a note of those the core
   * found but did not list.
   */
  renderNamed(model, { all = false } = {}) {
    let k = 0; // chips so far, across types
    const chip = (c) =>
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: `chip named ${c.verb}`,
            'data-testid': 'named-change',
            'data-group': c.group,
            'data-kind': c.kind,
            'data-type': c.type,
            'data-index': k++,
            // Several places: each click goes to the next one.
            onclick: () =>
              this.goTo(c.groups.find((g) => g > (this.current ?? -1)) ?? c.groups[0], { focus: 'row' }),
            'aria-label': `${c.text}${c.groups.length > 1 ? ` (${c.groups.length} places)` : ''}`,
            title: `Show where${c.groups.length > 1 ? ` (${c.groups.length} places, click again for the next)` : ''}`,
          },
          namedChangeText(c),
          c.groups.length > 1 ? h('span', { class: 'chip-count' }, `×${c.groups.length}`) : null,
        ),
      );
    const limit = all ? Infinity : NAMED_SHOWN;
    let left = limit;
    const types = namedByType(model.named).map((t) => {
      const shown = t.changes.slice(0, Math.max(0, left));
      left -= shown.length;
      if (!shown.length) return null;
      const label = `named-${t.type}`;
      return h(
        'div',
        { class: 'named-type', 'data-type': t.type, 'data-testid': 'named-type' },
        h(
          'h3',
          { id: label, class: 'named-type-label' },
          h('span', { class: 'entity-swatch', 'aria-hidden': 'true' }),
          t.label,
        ),
        h('ul', { class: 'named-list', 'aria-labelledby': label }, shown.map(chip)),
      );
    });
    const rest = model.named.length - Math.min(model.named.length, limit);
    const more = rest
      ? h(
          'button',
          {
            type: 'button',
            class: 'chip named-more',
            'data-testid': 'named-more',
            onclick: () => {
              const block = this.renderNamed(model, { all: true });
              this.namedBlock.replaceWith(block);
              this.namedBlock = block;
              block.querySelector(`[data-index="${NAMED_SHOWN}"]`)?.focus({ preventScroll: true });
            },
          },
          `and ${rest.toLocaleString('en-US')} more`,
        )
      : null;
    const omitted = model.namedOmitted
      ? h(
          'p',
          { class: 'muted small named-omitted', 'data-testid': 'named-omitted' },
          `${plural(model.namedOmitted, 'other name, date or number', 'other names, dates and numbers')} changed too (not listed).`,
        )
      : null;
    return h(
      'div',
      { class: 'summary-block' },
      h('h2', { id: 'named-heading' }, 'Names, dates and numbers'),
      h(
        'div',
        {
          class: 'named-types',
          'data-testid': 'compare-named',
          role: 'group',
          'aria-labelledby': 'named-heading',
        },
        types,
        more,
      ),
      omitted,
    );
  }

  renderTable(model) {
    const { a, b } = model;
    this.rowEls.clear();
    const tbody = h('tbody', { onclick: (e) => this.handleRowClick(e) });
    for (const row of model.rows) {
      const tr = h(
        'tr',
        {
          class: `cmp-row kind-${row.kind}`,
          'data-testid': 'compare-row',
          'data-group': row.group,
          'data-kind': row.kind,
          tabindex: '-1',
          'aria-label': row.label,
        },
        sideCell('a', row, row.a, a.label, b.label),
        gutterCell(row),
        sideCell('b', row, row.b, a.label, b.label),
      );
      this.rowEls.set(row.group, tr);
      tbody.append(tr);
    }
    replaceChildren(
      this.table,
      h(
        'caption',
        { class: 'visually-hidden' },
        `${a.label} (left) and ${b.label} (right), sentence by sentence`,
      ),
      h(
        'colgroup',
        {},
        h('col', { class: 'col-side' }),
        h('col', { class: 'col-gutter' }),
        h('col', { class: 'col-side' }),
      ),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col', class: 'side-a' }, a.label),
          h(
            'th',
            { scope: 'col', class: 'gutter' },
            h('span', { class: 'visually-hidden' }, 'How they relate'),
          ),
          h('th', { scope: 'col', class: 'side-b' }, b.label),
        ),
      ),
      tbody,
    );
    this.table.hidden = model.rows.length === 0;
  }

  handleRowClick(e) {
    if (window.getSelection()?.toString()) return; // selecting text, not choosing a row
    if (e.target.closest('a, button')) return;
    const tr = e.target.closest('tr[data-group]');
    if (tr) this.goTo(Number(tr.dataset.group), { focus: null });
  }

  /**
   * Marks group `g`'s row, scrolls it to the middle of the window and, with focus 'row' or 'item',
   * moves focus there.
   */
  goTo(g, { focus = 'row' } = {}) {
    const tr = this.rowEls.get(g);
    if (!tr || !this.model) return false;
    this.rowEls.get(this.current)?.classList.remove('current');
    this.rowEls.get(this.current)?.removeAttribute('aria-current');
    for (const el of this.itemEls.values()) {
      el.classList.remove('current');
      el.removeAttribute('aria-current');
    }
    this.current = g;
    tr.classList.add('current');
    tr.setAttribute('aria-current', 'true');
    const item = this.itemEls.get(g);
    if (item) {
      for (const el of this.itemEls.values()) el.setAttribute('tabindex', el === item ? '0' : '-1');
      item.classList.add('current');
      item.setAttribute('aria-current', 'true');
    }
    tr.scrollIntoView({ block: 'center', behavior: 'auto' });
    if (focus === 'row') tr.focus({ preventScroll: true });
    else if (focus === 'item' && item) item.focus({ preventScroll: true });
    const row = this.model.rows[g];
    const at = this.model.changeRows.indexOf(g);
    this.announcer.textContent = `${at >= 0 ? `Change ${at + 1} of ${this.model.changeRows.length}: ` : ''}${row.label}`;
    return true;
  }

  /** n / p: the next or previous change; focus follows into the table. */
  step(next) {
    if (next == null) return false;
    return this.goTo(next, { focus: this.changesList.contains(document.activeElement) ? 'item' : 'row' });
  }

  handleListKey(e) {
    const keys = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };
    if (!(e.key in keys) && e.key !== 'Home' && e.key !== 'End') return;
    const list = this.model?.changeRows ?? [];
    const at = list.indexOf(Number(e.target.dataset?.group));
    if (at < 0) return;
    const to =
      e.key === 'Home'
        ? 0
        : e.key === 'End'
          ? list.length - 1
          : Math.max(0, Math.min(list.length - 1, at + keys[e.key]));
    e.preventDefault();
    this.goTo(list[to], { focus: 'item' });
  }

  focusHeading() {
    this.heading.focus({ preventScroll: true });
  }
}

/** One side of a row: its sentences with their word changes, or the empty, hatched side. */
function sideCell(side, row, sentences, aLabel, bLabel) {
  const td = h('td', { class: `side side-${side}`, 'data-testid': `compare-${side}` });
  if (!sentences.length) {
    td.classList.add('empty');
    td.append(
      h(
        'p',
        { class: 'only-note', 'data-testid': 'compare-empty' },
        `Only in ${side === 'a' ? bLabel : aLabel}`,
      ),
    );
    return td;
  }
  if (sentences.length > 1) td.classList.add('several');
  for (const s of sentences) {
    td.append(
      h(
        'p',
        { class: 'cmp-sentence', 'data-index': s.index },
        h(
          'span',
          { class: 'num', title: `Sentence ${s.index + 1}` },
          h('span', { class: 'visually-hidden' }, 'Sentence '),
          String(s.index + 1),
        ),
        ' ',
        wordParts(s.parts, row.kind),
      ),
    );
  }
  if (side === 'b' && row.movedNote) {
    td.append(h('p', { class: 'moved-note', 'data-testid': 'moved-note' }, row.movedNote));
  }
  const callouts = side === 'b' ? rowCallouts(row) : null;
  if (callouts) td.append(callouts);
  return td;
}

/** Word parts as text, <del> and <ins> (text nodes only). Whole one-sided groups are not marked word by word. */
export function wordParts(parts, kind) {
  if (kind === 'onlyA' || kind === 'onlyB') return parts.map((p) => p.text);
  return parts.map((p) =>
    p.op === 'delete' ? h('del', {}, p.text) : p.op === 'insert' ? h('ins', {}, p.text) : p.text,
  );
}

/** "Putin dropped" as <del>Putin</del> dropped; "Thursday → Friday" with <del> and <ins>. */
function namedChangeText(c) {
  if (c.a && c.b) return [h('del', {}, c.a), ' → ', h('ins', {}, c.b)];
  return c.a ? [h('del', {}, c.a), ' dropped'] : [h('ins', {}, c.b), ' added'];
}

/** The names of a change, marked: <del>Putin</del>, <ins>Wang</ins>, <del>China</del> → <ins>Beijing</ins>. */
function changedNames(c) {
  const a = c.a ? h('del', {}, c.a) : null;
  const b = c.b ? h('ins', {}, c.b) : null;
  return a && b ? [a, ' → ', b] : a || b;
}

/**
 * Under a row's right side: what changed in it, by type ("Person dropped: Vladimir Putin"), so the
 * reader need not find the names in the marks; the first NAMED_SHOWN, then "and N more".
 */
function rowCallouts(row) {
  if (!row.changes.length) return null;
  const more = moreChanges(row);
  return h(
    'ul',
    { class: 'row-callouts', 'data-testid': 'row-callouts', 'aria-label': 'Names, dates and numbers' },
    row.changes
      .slice(0, NAMED_SHOWN)
      .map((c) =>
        h(
          'li',
          { class: `row-callout ${changeVerb(c)}`, 'data-type': changeType(c), 'data-testid': 'row-callout' },
          h('span', { class: 'entity-swatch', 'aria-hidden': 'true' }),
          h('span', { class: 'callout-what' }, `${changeNoun(c)} ${changeVerb(c)}: `),
          changedNames(c),
        ),
      ),
    more ? h('li', { class: 'row-callout more' }, more.replace(/^, /, '')) : null,
  );
}

/** ", and 12 more" after a row's listed changes (those past NAMED_SHOWN and those the core left out). */
function moreChanges(row) {
  const more = Math.max(0, row.changes.length - NAMED_SHOWN) + (row.changesOmitted ?? 0);
  return more ? `, and ${more} more` : '';
}

function gutterCell(row) {
  const g = GUTTER[row.kind] ?? GUTTER.changed;
  const detail =
    row.kind === 'merged'
      ? `${row.a.length} → ${row.b.length}`
      : row.kind === 'split'
        ? `${row.a.length} → ${row.b.length}`
        : row.kind === 'changed' || row.kind === 'moved'
          ? row.similarity != null
            ? `${Math.round(row.similarity * 100)}%`
            : ''
          : '';
  return h(
    'td',
    { class: 'gutter', 'data-testid': 'compare-gutter' },
    h('span', { class: 'connector', 'aria-hidden': 'true' }, g.symbol),
    h(
      'span',
      {
        class: `kind-badge kind-${row.kind}`,
        'data-testid': row.kind === 'moved' ? 'moved-badge' : 'kind-badge',
      },
      g.text,
    ),
    detail
      ? h(
          'span',
          {
            class: 'gutter-detail',
            title:
              row.kind === 'merged' || row.kind === 'split' ? 'sentences left → right' : 'words in common',
          },
          detail,
        )
      : null,
  );
}
