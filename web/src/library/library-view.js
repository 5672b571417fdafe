// The library view: the collection as a sortable table, with the count, the sample-article banner,
// a visible drop target and an empty state. Versions of one story (stories.js groupRows) sit
// together, joined by a rail, with their similarity and Compare / All versions buttons.
import { h, icon, ICONS, keepChildren, focusedElement } from '../shell/dom.js';
import { COLUMNS } from './sorting.js';
import { formatCount, formatDate, plural } from '../shell/format.js';
import { readerHash } from '../shell/router.js';
import { sharedLabel, sharedExplanation } from '../stories/stories.js';
import { MentioningFilter } from './mentioning-filter.js';

export class LibraryView {
  /**
   * @param {object} on  callbacks: open(id), remove(id), sort(column), select(id), chooseFiles(),
   *   pasteText(), removeAll(), removeSeeds(), replaceSeeds(), loadSeeds(), compare(a, b),
   *   variants(id), toggleGrouping(); mentioning: the "Mentioning…" filter's (mentioning-filter.js)
   */
  constructor(on) {
    this.on = on;
    this.rows = [];
    this.rowEls = new Map();
    /** @type {WeakMap<Element, string>} each drawn row's rowKey */
    this.rowKeys = new WeakMap();
    this.topSpacer = spacer();
    this.bottomSpacer = spacer();
    this.selectedId = null;

    this.count = h('p', { class: 'library-count', 'data-testid': 'article-count', 'aria-live': 'polite' });
    this.mentioning = new MentioningFilter(on.mentioning);
    this.filteredEmpty = h(
      'p',
      { class: 'library-filtered-empty', 'data-testid': 'library-filtered-empty', hidden: true },
      'No article in the library mentions it.',
    );
    this.removeAllButton = h(
      'button',
      {
        type: 'button',
        class: 'button quiet danger',
        'data-testid': 'remove-all',
        onclick: () => on.removeAll(),
      },
      icon(ICONS.trash),
      'Remove all…',
    );
    this.groupButton = h(
      'button',
      {
        type: 'button',
        class: 'button quiet toggle',
        'data-testid': 'group-versions',
        'aria-pressed': 'true',
        hidden: true,
        onclick: () => on.toggleGrouping?.(),
        title: 'Keep the versions of one story together in the list',
      },
      icon(ICONS.compare),
      'Group versions',
    );

    this.seedBanner = h(
      'div',
      { class: 'seed-banner', 'data-testid': 'seed-banner', hidden: true, role: 'note' },
      h(
        'p',
        {},
        h('strong', {}, 'These are sample articles. '),
        'Import your own files to work with them, and remove the samples when you no longer need them.',
      ),
      h(
        'div',
        { class: 'seed-actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'button',
            'data-testid': 'replace-seeds',
            onclick: () => on.replaceSeeds(),
          },
          'Replace the samples with my files…',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'button quiet',
            'data-testid': 'remove-seeds',
            onclick: () => on.removeSeeds(),
          },
          'Remove the samples',
        ),
      ),
    );

    this.dropTarget = h(
      'div',
      { class: 'drop-target', 'data-testid': 'drop-target' },
      icon(ICONS.upload),
      h(
        'p',
        {},
        h('strong', {}, 'Drop files anywhere on this page'),
        ' — .txt, .html, .json or .jsonl, many at once — or ',
        h(
          'button',
          { type: 'button', class: 'link-button', onclick: () => on.chooseFiles() },
          'choose files',
        ),
        ', or ',
        h('button', { type: 'button', class: 'link-button', onclick: () => on.pasteText() }, 'paste text'),
        '.',
      ),
    );

    this.headerCells = {};
    const headRow = h('tr', {});
    for (const [column, spec] of Object.entries(COLUMNS)) {
      const indicator = h('span', { class: 'sort-indicator', 'aria-hidden': 'true' });
      const button = h(
        'button',
        {
          type: 'button',
          class: 'sort-button',
          'data-testid': `sort-${column}`,
          onclick: () => on.sort(column),
        },
        spec.label,
        indicator,
      );
      const th = h('th', { scope: 'col', class: `col-${column}`, 'aria-sort': 'none' }, button);
      this.headerCells[column] = { th, indicator };
      headRow.append(th);
    }
    headRow.append(
      h('th', { scope: 'col', class: 'col-actions' }, h('span', { class: 'visually-hidden' }, 'Actions')),
    );
    this.caption = h('caption', { class: 'visually-hidden' });
    this.tbody = h('tbody', {
      onclick: (e) => this.handleClick(e),
      // Focus and selection go together (a row reached by Tab or by a click becomes the selection).
      onfocusin: (e) => {
        const id = e.target.closest?.('tr[data-id]')?.dataset.id;
        if (id && id !== this.selectedId) this.select(id);
      },
    });
    this.table = h(
      'table',
      { class: 'library-table', 'data-testid': 'library-table', 'aria-describedby': 'library-help' },
      this.caption,
      h('thead', {}, headRow),
      this.tbody,
    );
    this.table.style.setProperty('--row-height', `${ROW_HEIGHT}px`);
    let pending = false;
    const onScroll = () => {
      if (pending || this.el.hidden || !this.virtual()) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        this.renderWindow();
      });
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll, { passive: true });
    this.help = h(
      'p',
      { id: 'library-help', class: 'visually-hidden' },
      'Use j and k or the arrow keys to move between articles, Enter to open one. Press ? for all shortcuts.',
    );

    this.empty = h(
      'div',
      { class: 'library-empty', 'data-testid': 'library-empty', hidden: true },
      h('h2', {}, 'No articles yet'),
      h(
        'p',
        {},
        'Drop news articles onto this page, choose files, or paste text. Everything stays on this computer.',
      ),
      h(
        'div',
        { class: 'empty-actions' },
        h(
          'button',
          { type: 'button', class: 'button primary', onclick: () => on.chooseFiles() },
          icon(ICONS.upload),
          'Choose files…',
        ),
        h(
          'button',
          { type: 'button', class: 'button', onclick: () => on.pasteText() },
          icon(ICONS.paste),
          'Paste text…',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'button quiet',
            'data-testid': 'load-seeds',
            onclick: () => on.loadSeeds(),
          },
          'Load the sample articles',
        ),
      ),
    );

    this.el = h(
      'section',
      {
        id: 'library',
        class: 'view library',
        'data-testid': 'library',
        'aria-labelledby': 'library-heading',
      },
      h(
        'div',
        { class: 'view-head' },
        h('div', { class: 'view-title' }, h('h1', { id: 'library-heading' }, 'Library'), this.count),
        h('div', { class: 'view-tools' }, this.groupButton, this.removeAllButton),
      ),
      this.mentioning.el,
      this.seedBanner,
      this.dropTarget,
      this.help,
      h('div', { class: 'table-wrap' }, this.table),
      this.filteredEmpty,
      this.empty,
    );
  }

  /**
   * @param {object[]} rows  sorted rows (see records.rowOf)
   * @param {{column: string|null, direction: string}} sort
   * @param {{seedCount: number, windowed?: boolean, grouping?: {on: boolean, stories: number},
   *   mentioning?: {name: string, count: number|null, total: number}|null}} info
   *   windowed: render only the rows around the viewport even in a small library (while an import
   *   adds rows: a full render of a few hundred rows is a long task, done once when the import
   *   ends); grouping: whether versions are grouped, and how many stories have several; mentioning:
   *   the "Mentioning…" filter in force (rows are already filtered; total: the library's size)
   */
  render(
    rows,
    sort,
    { seedCount, windowed = false, grouping = { on: false, stories: 0 }, mentioning = null },
  ) {
    this.rows = rows;
    this.groupButton.hidden = grouping.stories === 0;
    this.groupButton.setAttribute('aria-pressed', String(grouping.on));
    this.table.classList.toggle(
      'has-stories',
      rows.some((r) => r.story),
    );
    this.windowed = windowed;
    const total = mentioning ? mentioning.total : rows.length;
    this.count.textContent = !total
      ? 'No articles'
      : mentioning
        ? `${rows.length} of ${plural(total, 'article')}`
        : plural(rows.length, 'article');
    this.mentioning.show(mentioning);
    this.mentioning.el.hidden = total === 0;
    this.filteredEmpty.hidden = !mentioning || rows.length > 0 || total === 0;
    this.removeAllButton.hidden = total === 0;
    this.seedBanner.hidden = seedCount === 0;
    this.empty.hidden = total > 0;
    this.table.hidden = rows.length === 0;
    this.dropTarget.hidden = total === 0;
    this.table.setAttribute('aria-rowcount', String(rows.length + 1));

    for (const [column, { th, indicator }] of Object.entries(this.headerCells)) {
      const active = sort.column === column;
      th.setAttribute('aria-sort', active ? sort.direction : 'none');
      indicator.textContent = active ? (sort.direction === 'ascending' ? '▲' : '▼') : '';
    }
    const sortedBy = sort.column
      ? `, sorted by ${COLUMNS[sort.column].label.toLowerCase()}, ${sort.direction}`
      : ', in the order they were imported';
    this.caption.textContent = `Articles${sortedBy}`;

    if (this.indexOf(this.selectedId) === undefined) this.selectedId = rows[0]?.id ?? null;
    this.windowStart = -1;
    this.windowEnd = -1;
    this.renderWindow(true);
  }

  /**
   * Renders the rows in and near the viewport. Libraries of up to VIRTUAL_THRESHOLD articles are
   * rendered whole (so the browser's find-in-page sees every title; not while an import adds rows,
   * see render); bigger ones only around what
   * is visible, between two spacer rows, as every row has the same height.
   */
  renderWindow(force = false) {
    const n = this.rows.length;
    let start = 0;
    let end = n;
    if (this.virtual() && !this.el.hidden) {
      const top = this.tbody.getBoundingClientRect().top; // relative to the viewport
      const first = Math.floor(-top / ROW_HEIGHT);
      const visible = Math.ceil(window.innerHeight / ROW_HEIGHT);
      start = Math.max(0, Math.min(n - 1, first) - OVERSCAN);
      end = Math.min(n, Math.max(0, first) + visible + OVERSCAN);
      // Render in steps of OVERSCAN rows, so small scrolls do not re-render.
      start -= start % OVERSCAN;
      end = Math.min(n, end + ((OVERSCAN - (end % OVERSCAN)) % OVERSCAN));
    } else if (this.virtual()) {
      end = Math.min(n, 2 * OVERSCAN);
    }
    if (!force && start === this.windowStart && end === this.windowEnd) return;
    const active = focusedElement();
    const focusedId = this.tbody.contains(active)
      ? /** @type {HTMLElement|null} */ (active.closest('tr[data-id]'))?.dataset.id
      : null;
    const focusedSelector = focusedId && active.dataset?.testid;
    this.windowStart = start;
    this.windowEnd = end;
    // Rows that show the same as before are kept as they are (see keepChildren).
    const before = this.rowEls;
    this.rowEls = new Map();
    const nodes = [];
    if (start > 0) nodes.push(sizeSpacer(this.topSpacer, start));
    for (let i = start; i < end; i++) {
      const row = this.rows[i];
      const key = rowKey(row, i);
      let tr = before.get(row.id);
      if (!tr || this.rowKeys.get(tr) !== key) {
        tr = this.renderRow(row, i);
        this.rowKeys.set(tr, key);
      }
      this.rowEls.set(row.id, tr);
      nodes.push(tr);
    }
    if (end < n) nodes.push(sizeSpacer(this.bottomSpacer, n - end));
    keepChildren(this.tbody, nodes);
    this.markSelected();
    if (focusedId && this.rowEls.has(focusedId)) {
      const tr = this.rowEls.get(focusedId);
      const target = (focusedSelector && tr.querySelector(`[data-testid="${focusedSelector}"]`)) || tr;
      target.focus({ preventScroll: true });
    }
  }

  renderRow(row, index) {
    const title = h(
      'a',
      {
        href: readerHash(row.id),
        class: row.titleFromText ? 'title untitled' : 'title',
        'data-testid': 'open-article',
        tabindex: '-1',
        title: row.displayTitle,
      },
      row.displayTitle,
    );
    const story = row.story;
    const titleCell = h(
      'td',
      { class: 'col-title' },
      h(
        'div',
        { class: 'title-cell' },
        title,
        row.titleFromText
          ? h('span', { class: 'visually-hidden' }, ' (no title; first sentence shown)')
          : null,
        row.seed
          ? h('span', { class: 'badge', title: 'One of the sample articles shipped with Lectern' }, 'sample')
          : null,
        story ? storyChip(row, story) : null,
      ),
    );
    const storyButtons = story
      ? [
          h(
            'button',
            {
              type: 'button',
              class: 'icon-button story-action',
              'data-testid': 'compare-article',
              'data-action': 'compare',
              'aria-label': `Compare “${row.displayTitle}” with another version`,
              title: 'Compare with another version, side by side',
              tabindex: '-1',
            },
            icon(ICONS.compare),
          ),
          story.size >= 3
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'icon-button story-action',
                  'data-testid': 'variants-article',
                  'data-action': 'variants',
                  'aria-label': `All ${story.size} versions of “${row.displayTitle}”`,
                  title: `All ${story.size} versions in one table`,
                  tabindex: '-1',
                },
                icon(ICONS.table),
              )
            : null,
        ]
      : [];
    const trClass = story ? `story story-${story.position}` : null;
    return h(
      'tr',
      {
        'data-testid': 'library-row',
        'data-id': row.id,
        tabindex: '-1',
        'aria-rowindex': index + 2,
        class: trClass,
        'data-story': story ? story.leadId : null,
      },
      titleCell,
      h(
        'td',
        { class: row.source ? 'col-source' : 'col-source missing', title: row.source || null },
        row.source || '—',
      ),
      h(
        'td',
        { class: row.date ? 'col-date' : 'col-date missing' },
        row.date ? h('time', { datetime: row.date }, formatDate(row.date)) : '—',
      ),
      h('td', { class: 'col-words' }, formatCount(row.words)),
      h(
        'td',
        { class: 'col-actions' },
        storyButtons,
        h(
          'button',
          {
            type: 'button',
            class: 'icon-button',
            'data-testid': 'remove-article',
            'data-action': 'remove',
            'aria-label': `Remove “${row.displayTitle}”`,
            title: 'Remove this article',
            tabindex: '-1',
          },
          icon(ICONS.trash),
        ),
      ),
    );
  }

  handleClick(event) {
    const tr = event.target.closest('tr[data-id]');
    if (!tr) return;
    const id = tr.dataset.id;
    if (event.target.closest('[data-action="remove"]')) {
      this.on.remove(id);
      return;
    }
    const story = this.rows[this.indexOf(id)]?.story;
    if (story && event.target.closest('[data-action="compare"]')) {
      this.on.compare?.(id, story.pairWith); // this article on the left
      return;
    }
    if (story && event.target.closest('[data-action="variants"]')) {
      this.on.variants?.(id);
      return;
    }
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return; // new tab etc.
    if (window.getSelection()?.toString()) return; // the user is selecting text
    event.preventDefault();
    this.select(id);
    this.on.open(id);
  }

  /**
   * Row `id`'s index in the rows drawn, or undefined. A scan, asked on a click, a keystroke or a
   * selection, rather than a Map of every row made at each render: at 100,000 rows that Map was
   * part of Firefox's 97–129 ms task on the way back to the library (RELIABILITY.md).
   */
  indexOf(id) {
    const i = this.rows?.findIndex((r) => r.id === id) ?? -1;
    return i < 0 ? undefined : i;
  }

  /** Marks a row as selected; it becomes the table's one tab stop. */
  select(id, { focus = false } = {}) {
    const index = this.indexOf(id);
    if (index === undefined) return;
    this.selectedId = id;
    if (focus) this.scrollToIndex(index);
    this.markSelected();
    this.on.select?.(id);
    if (focus) this.rowEls.get(id)?.focus({ preventScroll: true });
  }

  /** Scrolls the page so that row `index` is visible (below the sticky bars), and renders it. */
  scrollToIndex(index) {
    if (this.el.hidden) return;
    const bodyTop = this.tbody.getBoundingClientRect().top + window.scrollY;
    const rowTop = bodyTop + index * ROW_HEIGHT;
    const stickyBottom = this.stickyOffset();
    if (rowTop < window.scrollY + stickyBottom) window.scrollTo(0, rowTop - stickyBottom);
    else if (rowTop + ROW_HEIGHT > window.scrollY + window.innerHeight)
      window.scrollTo(0, rowTop + ROW_HEIGHT - window.innerHeight + 8);
    this.renderWindow();
  }

  stickyOffset() {
    const head = this.table.tHead?.getBoundingClientRect();
    return head ? Math.max(0, head.bottom) : 0;
  }

  markSelected() {
    const mark = (tr, selected) => {
      tr.classList.toggle('selected', selected);
      tr.setAttribute('tabindex', selected ? '0' : '-1');
      if (selected) tr.setAttribute('aria-current', 'true');
      else tr.removeAttribute('aria-current');
      for (const el of tr.querySelectorAll('a, button')) el.setAttribute('tabindex', selected ? '0' : '-1');
    };
    const previous = this.rowEls.get(this.markedId);
    if (previous && this.markedId !== this.selectedId) mark(previous, false);
    const current = this.rowEls.get(this.selectedId);
    if (current) mark(current, true);
    this.markedId = this.selectedId;
  }

  /** Moves the selection by `delta` rows (or to 'first'/'last') and focuses it. */
  move(delta) {
    if (!this.rows.length) return;
    let index = this.indexOf(this.selectedId) ?? -1;
    if (delta === 'first') index = 0;
    else if (delta === 'last') index = this.rows.length - 1;
    else index = index < 0 ? 0 : Math.min(this.rows.length - 1, Math.max(0, index + delta));
    this.select(this.rows[index].id, { focus: true });
  }

  /** Call after the view was made visible (the rendered rows depend on the scroll position). */
  shown() {
    if (this.virtual()) this.renderWindow(true);
  }

  /** Whether only the rows around the viewport are rendered. */
  virtual() {
    return this.rows.length > VIRTUAL_THRESHOLD || (this.windowed && this.rows.length > 2 * OVERSCAN);
  }

  focusSelected() {
    const index = this.indexOf(this.selectedId);
    if (index === undefined) return;
    this.scrollToIndex(index);
    this.rowEls.get(this.selectedId)?.focus({ preventScroll: true });
  }
}

/** Row height in px (CSS gets it from here, as --row-height). */
export const ROW_HEIGHT = 44;
const VIRTUAL_THRESHOLD = 400;
const OVERSCAN = 20;

/** "3 versions" on a story's first row ("2 versions · 72% shared" for two), "72% shared" on the others. */
function storyChip(row, story) {
  const shared = sharedLabel(story.pair);
  // On narrow screens the first row says only "2 versions" (the other row has the percentage).
  const text =
    story.index === 0
      ? [
          `${story.size} versions`,
          story.size === 2 && shared ? h('span', { class: 'wide-only' }, ` · ${shared}`) : null,
        ]
      : shared || 'version';
  const explanation =
    story.index === 0 && story.size > 2
      ? `${story.size} versions of one story are listed together here.`
      : sharedExplanation(story.pair);
  return h(
    'span',
    {
      class: `story-chip ${story.index === 0 ? 'lead' : 'member'}`,
      'data-testid': story.index === 0 ? 'story-size' : 'story-shared',
      title: explanation,
    },
    h('span', { class: 'visually-hidden' }, story.index === 0 ? ' — ' : ' — another version, '),
    text,
  );
}

/** A row standing for rows not drawn (sizeSpacer gives it their height). */
function spacer() {
  return h('tr', { class: 'spacer', 'aria-hidden': 'true' }, h('td', { colspan: '5' }));
}

/** `tr` (a spacer) made as tall as `rows` rows; a height that stays is not set again. */
function sizeSpacer(tr, rows) {
  const td = /** @type {HTMLElement} */ (tr.firstChild);
  const height = `${rows * ROW_HEIGHT}px`;
  if (td.style.height !== height) td.style.height = height; // CSSOM, which the page's CSP allows
  return tr;
}

/** What a row shows (renderRow's inputs, its position included), to tell whether it changed. */
function rowKey(row, index) {
  const { story } = row;
  return JSON.stringify([
    index,
    row.id,
    row.displayTitle,
    row.titleFromText,
    row.seed,
    row.source,
    row.date,
    row.words,
    story && [
      story.position,
      story.index,
      story.size,
      story.leadId,
      sharedLabel(story.pair),
      sharedExplanation(story.pair),
    ],
  ]);
}
