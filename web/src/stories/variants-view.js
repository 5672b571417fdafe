// The variant table (#variants=ID): every version of a story in one table (variant-table.js builds it).
// One row per sentence of the reference (the longest version), with sentences only other versions
// have put in where they occur; one column per version, saying whether it kept the sentence, changed
// it (word changes inline) or cut it (an empty, hatched cell). n / p go to the next or previous row
// where the versions differ.
import { h, icon, ICONS, replaceChildren } from '../shell/dom.js';
import { formatDate, plural } from '../shell/format.js';
import { readerHash } from '../shell/router.js';
import { wordParts } from './compare-view.js';

export class VariantsView {
  /** @param {{back(): void, compare(a: string, b: string): void}} on */
  constructor(on) {
    this.on = on;
    this.rowEls = [];
    this.current = -1;
    this.backLabel = h('span', {}, 'Back');
    this.heading = h(
      'h1',
      { id: 'variants-heading', class: 'compare-heading', tabindex: '-1' },
      'Versions of one story',
    );
    this.intro = h('p', { class: 'muted', 'data-testid': 'variants-intro' });
    this.status = h('p', { class: 'compare-status', 'data-testid': 'variants-status', role: 'status' });
    this.table = h('table', { class: 'variants-table', 'data-testid': 'variants-table', hidden: true });
    this.announcer = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
    const legend = h(
      'ul',
      { class: 'variants-legend', 'aria-label': 'What the cells mean' },
      h(
        'li',
        {},
        h('span', { class: 'legend-swatch state-same', 'aria-hidden': 'true' }, '='),
        'kept as it is',
      ),
      h(
        'li',
        {},
        h('span', { class: 'legend-swatch state-changed', 'aria-hidden': 'true' }, '≈'),
        'changed: ',
        h('del', {}, 'removed'),
        ' ',
        h('ins', {}, 'added'),
      ),
      h('li', {}, h('span', { class: 'legend-swatch state-cut', 'aria-hidden': 'true' }, '∅'), 'cut'),
      h(
        'li',
        {},
        h('span', { class: 'legend-swatch state-added', 'aria-hidden': 'true' }, '+'),
        'not in the reference',
      ),
    );
    this.el = h(
      'section',
      {
        id: 'variants',
        class: 'view variants',
        'data-testid': 'variants',
        hidden: true,
        'aria-labelledby': 'variants-heading',
      },
      h(
        'nav',
        { class: 'reader-toolbar', 'aria-label': 'Variants' },
        h(
          'button',
          {
            type: 'button',
            class: 'button quiet',
            'data-testid': 'variants-back',
            onclick: () => on.back(),
            title: 'Back (Esc)',
          },
          icon(ICONS.back),
          this.backLabel,
        ),
      ),
      this.heading,
      this.intro,
      legend,
      this.status,
      h('div', { class: 'variants-wrap' }, this.table),
      this.announcer,
    );
  }

  showPending(count, backLabel) {
    this.backLabel.textContent = backLabel;
    this.heading.textContent = `${count} versions of one story`;
    this.intro.textContent = '';
    this.status.textContent = 'Comparing the versions…';
    this.status.hidden = false;
    this.table.hidden = true;
    this.el.dataset.state = 'pending';
  }

  showMessage(text, kind = 'info') {
    this.status.textContent = text;
    this.status.dataset.kind = kind;
    this.status.hidden = false;
    this.table.hidden = true;
    this.el.dataset.state = kind === 'error' ? 'error' : kind === 'busy' ? 'pending' : 'message';
  }

  /**
   * @param {import('./variant-table.js').VariantTable} table
   * @param {{id: string, title: string, date: string, words: number}[]} versions  by column
   */
  show(table, versions) {
    this.el.dataset.state = 'ready';
    this.status.hidden = true;
    const reference = versions[0];
    const leftOut = table.versionsLeftOut ?? 0;
    this.heading.textContent = leftOut
      ? `${table.columns.length} of ${table.columns.length + leftOut} versions of one story`
      : `${table.columns.length} versions of one story`;
    this.intro.textContent =
      `Rows follow the longest version, ${table.columns[0].label} (${plural(reference.words, 'word')}); ` +
      'sentences only other versions have are put in where they occur.' +
      (leftOut
        ? ` ${plural(leftOut, 'more version')} of this story ${leftOut === 1 ? 'is' : 'are'} not shown: compare them from the library.`
        : '');
    const head = h(
      'tr',
      {},
      h('th', { scope: 'col', class: 'row-num' }, h('span', { class: 'visually-hidden' }, 'Sentence')),
      table.columns.map((c, k) =>
        h(
          'th',
          {
            scope: 'col',
            class: c.reference ? 'reference' : null,
            'data-testid': 'variants-column',
            'data-id': c.id,
          },
          h('span', { class: 'column-label' }, c.label),
          c.reference ? h('span', { class: 'badge' }, 'reference') : null,
          h(
            'a',
            { class: 'column-title', href: readerHash(c.id), title: versions[k].title },
            versions[k].title,
          ),
          versions[k].date
            ? h('time', { class: 'muted small', datetime: versions[k].date }, formatDate(versions[k].date))
            : null,
          c.counts
            ? h(
                'span',
                { class: 'column-counts', 'data-testid': 'variants-counts' },
                `${c.counts.same} same · ${c.counts.changed + c.counts.moved} changed · ${c.counts.cut} cut · ${c.counts.added} added`,
              )
            : null,
          c.reference
            ? null
            : h(
                'button',
                {
                  type: 'button',
                  class: 'button small',
                  'data-testid': 'variants-compare',
                  'data-id': c.id,
                  onclick: () => this.on.compare(table.columns[0].id, c.id),
                  title: `Compare ${c.label} with ${table.columns[0].label} side by side`,
                },
                icon(ICONS.compare),
                'Compare',
              ),
        ),
      ),
    );
    this.rowEls = [];
    this.current = -1;
    const body = h('tbody', {});
    for (const row of table.rows) {
      const tr = h(
        'tr',
        {
          'data-testid': 'variant-row',
          'data-kind': row.kind,
          'data-index': row.index ?? '',
          tabindex: '-1',
          class: row.differs ? 'differs' : null,
        },
        h(
          'th',
          { scope: 'row', class: 'row-num' },
          row.kind === 'added' ? h('span', { title: 'Not in the reference' }, '+') : String(row.index + 1),
        ),
        row.cells.map((cell, k) => variantCell(cell, table.columns[k])),
      );
      this.rowEls.push(tr);
      body.append(tr);
    }
    replaceChildren(
      this.table,
      h('caption', { class: 'visually-hidden' }, "Each version's sentences, lined up with the reference's"),
      h('thead', {}, head),
      body,
    );
    this.table.hidden = false;
    this.differing = this.rowEls
      .map((tr, i) => (tr.classList.contains('differs') ? i : -1))
      .filter((i) => i >= 0);
  }

  /** n / p: the next or previous row where the versions differ. */
  step(delta) {
    if (!this.differing?.length) return false;
    const after =
      delta > 0
        ? this.differing.find((i) => i > this.current)
        : [...this.differing].reverse().find((i) => i < this.current);
    const to = after ?? (delta > 0 ? this.differing.at(-1) : this.differing[0]);
    this.rowEls[this.current]?.classList.remove('current');
    this.current = to;
    const tr = this.rowEls[to];
    tr.classList.add('current');
    tr.scrollIntoView({ block: 'center' });
    tr.focus({ preventScroll: true });
    this.announcer.textContent = `Row ${to + 1} of ${this.rowEls.length}`;
    return true;
  }

  focusHeading() {
    this.heading.focus({ preventScroll: true });
  }
}

const STATE_TEXT = {
  same: 'same',
  cut: 'cut',
  absent: '—',
  'merged-above': 'merged into the row above',
};

function variantCell(cell, column) {
  const td = h('td', {
    class: `variant-cell state-${cell.state}`,
    'data-testid': 'variant-cell',
    'data-state': cell.state,
  });
  switch (cell.state) {
    case 'reference':
    case 'added':
      td.append(cell.text);
      if (cell.state === 'added')
        td.append(
          h(
            'span',
            { class: 'cell-note' },
            `only in ${column.label}${cell.at ? `, sentence ${cell.at}` : ''}`,
          ),
        );
      break;
    case 'changed':
    case 'moved':
      td.append(h('span', { class: 'cell-text' }, wordParts(cell.parts, 'changed')));
      if (cell.state === 'moved')
        td.append(
          h('span', { class: 'cell-note', 'data-testid': 'moved-badge' }, `moved: sentence ${cell.at} there`),
        );
      else if (cell.how === 'merged')
        td.append(h('span', { class: 'cell-note' }, `merged: ${cell.spans} sentences in one`));
      else if (cell.how === 'split')
        td.append(h('span', { class: 'cell-note' }, `split into ${cell.count} sentences`));
      break;
    case 'same':
      td.append(h('span', { class: 'state-mark', title: cell.text }, '= same'));
      break;
    default:
      td.append(h('span', { class: 'state-mark' }, STATE_TEXT[cell.state] ?? cell.state));
  }
  return td;
}
