// The collection's entity index (#entities): who and what the articles mention, how often, in
// which outlets and when. Sortable columns, a type filter, a search, an outlet filter (the entities
// an outlet mentions, or leaves out while others carry them), a small timeline per row, "N
// articles" leading to the library filtered to them, and "Merge into…" per row. At most a few
// hundred rows are in the page at once ("Show more" adds the next ones), so 10,000+ entities stay
// responsive: filtering and sorting are plain array work, the DOM is what costs.
import { h, icon, ICONS } from '../shell/dom.js';
import { formatCount, formatDate, plural } from '../shell/format.js';
import { libraryHash } from '../shell/router.js';
import { ENTITY_TYPES, typeName } from './entity-model.js';
import {
  DEFAULT_INDEX_SORT,
  INDEX_COLUMNS,
  filterEntities,
  indexOutlets,
  missingOutlets,
  nextIndexSort,
  outletCounts,
  sortEntities,
  typeCounts,
} from './index-table.js';
import { binDates, binKey, binLabel, timelineAxis, timelineChart } from './timeline.js';
import { MergePanel } from './merge-panel.js';

/** Rows rendered at first and added by each "Show more". */
export const PAGE_ROWS = 200;
/** Outlets named in a row (the rest are counted: "+3"). */
const OUTLETS_SHOWN = 6;

/**
 * What the view needs of the page.
 * @typedef {object} EntityIndexDeps
 * @property {() => Promise<import('./index-table.js').IndexedEntity[]>} index  the entity index
 * @property {() => {id: string, article: {source?: string, date?: string}}[]} records  the collection
 * @property {(entry: import('./index-table.js').IndexedEntity, intoId: string) => Promise<void>} merge
 * @property {() => void} back  to the library
 */

export class EntityIndexView {
  /** @param {EntityIndexDeps} deps */
  constructor(deps) {
    this.deps = deps;
    /** @type {import('./index-table.js').IndexedEntity[]} */
    this.entries = [];
    this.filter = { type: '', query: '', outlet: '', presence: /** @type {'in'|'not-in'} */ ('in') };
    /** @type {{column: string|null, direction: string}} */
    this.sort = { ...DEFAULT_INDEX_SORT };
    this.limit = PAGE_ROWS;
    this.run = 0;
    this.openMerge = null; // the entity whose merge panel is open

    this.search = h('input', {
      type: 'search',
      class: 'text-input search-input',
      'data-testid': 'entity-index-search',
      placeholder: 'Search names…',
      'aria-label': 'Search entities by name',
      autocomplete: 'off',
      oninput: () => {
        this.filter.query = this.search.value;
        this.limit = PAGE_ROWS;
        this.renderTable();
      },
    });
    this.typeButtons = new Map();
    this.typeGroup = h(
      'div',
      { class: 'type-filter', role: 'group', 'aria-label': 'Type', 'data-testid': 'entity-index-type' },
      [{ type: '', label: 'All' }, ...ENTITY_TYPES].map(({ type, label }) => {
        const count = h('span', { class: 'type-count' });
        const button = h(
          'button',
          {
            type: 'button',
            class: 'type-chip',
            'data-type': type,
            'aria-pressed': String(type === ''),
            onclick: () => this.setType(type),
          },
          type ? h('span', { class: 'entity-swatch', 'aria-hidden': 'true' }) : null,
          label,
          count,
        );
        this.typeButtons.set(type, { button, count });
        return button;
      }),
    );
    this.presenceSelect = h(
      'select',
      {
        class: 'select',
        'data-testid': 'entity-index-presence',
        'aria-label': 'Mentioned or not mentioned by the outlet',
        disabled: true,
        onchange: () => {
          this.filter.presence = this.presenceSelect.value === 'not-in' ? 'not-in' : 'in';
          this.limit = PAGE_ROWS;
          this.renderTable();
        },
      },
      h('option', { value: 'in' }, 'mentioned by'),
      h('option', { value: 'not-in' }, 'not mentioned by'),
    );
    this.outletSelect = h('select', {
      class: 'select',
      'data-testid': 'entity-index-outlet',
      'aria-label': 'Outlet',
      onchange: () => {
        this.filter.outlet = this.outletSelect.value;
        this.presenceSelect.disabled = !this.filter.outlet;
        this.limit = PAGE_ROWS;
        this.renderTable();
      },
    });

    this.status = h('p', { class: 'index-status', role: 'status', 'data-testid': 'entity-index-status' });
    this.count = h('p', {
      class: 'library-count',
      'data-testid': 'entity-index-count',
      'aria-live': 'polite',
    });
    this.headerCells = {};
    // The timelines share one axis: its extent, under "Dates", says what they span.
    this.axisRange = h('span', { class: 'axis-range', 'data-testid': 'entity-axis' });
    const headRow = h('tr', {});
    for (const [column, spec] of Object.entries(INDEX_COLUMNS)) {
      const indicator = h('span', { class: 'sort-indicator', 'aria-hidden': 'true' });
      const th = h(
        'th',
        { scope: 'col', class: `col-${column}`, 'aria-sort': 'none' },
        h(
          'button',
          {
            type: 'button',
            class: 'sort-button',
            'data-testid': `entity-sort-${column}`,
            onclick: () => this.setSort(nextIndexSort(this.sort, column)),
          },
          spec.label,
          indicator,
          column === 'first' ? this.axisRange : null,
        ),
      );
      this.headerCells[column] = { th, indicator };
      headRow.append(th);
    }
    headRow.append(
      h('th', { scope: 'col', class: 'col-actions' }, h('span', { class: 'visually-hidden' }, 'Actions')),
    );
    this.caption = h('caption', { class: 'visually-hidden' });
    this.tbody = h('tbody', { onclick: (e) => this.handleClick(e) });
    this.table = h(
      'table',
      { class: 'library-table entity-table', 'data-testid': 'entity-index-table', hidden: true },
      this.caption,
      h('thead', {}, headRow),
      this.tbody,
    );
    this.more = h('button', {
      type: 'button',
      class: 'button',
      'data-testid': 'entity-index-more',
      hidden: true,
      onclick: () => {
        this.limit += PAGE_ROWS;
        this.renderTable();
      },
    });
    this.heading = h('h1', { id: 'entity-index-title', tabindex: '-1' }, 'Entities');
    this.announcer = h('p', {
      class: 'visually-hidden',
      'data-testid': 'entity-index-announce',
      'aria-live': 'polite',
    });

    this.el = h(
      'section',
      {
        id: 'entities',
        class: 'view entity-index',
        'data-testid': 'entity-index',
        'data-state': 'pending',
        'aria-labelledby': 'entity-index-title',
        hidden: true,
      },
      h(
        'div',
        { class: 'view-head' },
        h(
          'div',
          { class: 'view-title' },
          h(
            'button',
            {
              type: 'button',
              class: 'button quiet',
              'data-testid': 'entity-index-back',
              onclick: () => deps.back(),
            },
            icon(ICONS.back),
            'Library',
          ),
          this.heading,
          this.count,
        ),
      ),
      h(
        'p',
        { class: 'index-intro muted small' },
        'The people, organisations, places and dates the articles mention, with your corrections. ',
        'Choose an outlet to see what it mentions — or what it leaves out that other outlets carry.',
      ),
      h(
        'div',
        { class: 'filters index-filters', role: 'search' },
        h('span', { class: 'search-wrap' }, icon(ICONS.search), this.search),
        this.typeGroup,
        h('span', { class: 'outlet-filter' }, this.presenceSelect, this.outletSelect),
      ),
      this.status,
      h('div', { class: 'table-wrap' }, this.table),
      h('div', { class: 'index-more' }, this.more),
      this.announcer,
    );
  }

  // --- Loading ---------------------------------------------------------------------------------

  /** Shows the index (computing it when the collection or the corrections changed). */
  async load() {
    const run = ++this.run;
    if (!this.entries.length) this.setState('pending', 'Finding the entities of the collection…');
    let entries;
    try {
      entries = await this.deps.index();
    } catch (error) {
      if (run !== this.run) return;
      this.setState('error', `The entity index could not be made: ${error?.message || error}.`);
      this.table.hidden = true;
      this.more.hidden = true;
      return;
    }
    if (run !== this.run) return;
    this.entries = entries;
    // A merged entity is gone from the index: so is its panel.
    if (this.openMerge && !entries.some((e) => e.entity === this.openMerge.entry.entity))
      this.openMerge = null;
    this.prepare();
    this.setState('ready', '');
    this.renderControls();
    this.renderTable();
    this.showMerged();
  }

  /** The collection or the corrections changed: shows the new index (once for a burst of changes). */
  refresh() {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      if (!this.el.hidden) this.load();
    }, 50);
  }

  setState(state, text) {
    this.el.dataset.state = state;
    this.status.textContent = text;
    this.status.hidden = !text;
    this.status.classList.toggle('error', state === 'error');
  }

  /** What the rows need of the collection: each article's outlet and date, and the time axis. */
  prepare() {
    this.outletOf = new Map();
    this.dateOf = new Map();
    for (const r of this.deps.records()) {
      this.outletOf.set(r.id, r.article.source || '');
      this.dateOf.set(r.id, r.article.date || '');
    }
    this.axis = timelineAxis(this.dateOf.values());
    this.outlets = indexOutlets(this.entries);
    const { keys, unit } = this.axis;
    this.axisRange.textContent = keys.length
      ? `${binLabel(keys[0], unit)}${keys.length > 1 ? ` – ${binLabel(keys.at(-1), unit)}` : ''}`
      : '';
    this.axisRange.title = keys.length > 1 ? `The timelines: one bar per ${unit}` : '';
  }

  // --- Controls --------------------------------------------------------------------------------

  setType(type) {
    this.filter.type = type;
    this.limit = PAGE_ROWS;
    for (const [t, { button }] of this.typeButtons) button.setAttribute('aria-pressed', String(t === type));
    this.renderTable();
  }

  setSort(sort) {
    this.sort = sort;
    this.renderTable();
  }

  renderControls() {
    const counts = typeCounts(this.entries);
    for (const [type, { count }] of this.typeButtons) {
      count.textContent = formatCount(type ? (counts.get(type) ?? 0) : this.entries.length);
    }
    if (this.filter.outlet && !this.outlets.some((o) => o.outlet === this.filter.outlet)) {
      this.filter.outlet = '';
    }
    this.outletSelect.replaceChildren(
      h('option', { value: '' }, 'any outlet'),
      ...this.outlets.map(({ outlet, entities }) =>
        h('option', { value: outlet }, `${outlet} (${formatCount(entities)})`),
      ),
    );
    this.outletSelect.value = this.filter.outlet;
    this.outletSelect.disabled = this.outlets.length === 0;
    this.presenceSelect.disabled = !this.filter.outlet;
  }

  // --- The table -------------------------------------------------------------------------------

  /** The entries the controls select, in the chosen order. */
  visibleEntries() {
    return sortEntities(filterEntities(this.entries, this.filter), this.sort);
  }

  renderTable() {
    if (this.el.dataset.state === 'error') return;
    const shown = this.visibleEntries();
    const total = this.entries.length;
    this.count.textContent =
      shown.length === total
        ? plural(total, 'entity', 'entities')
        : `${formatCount(shown.length)} of ${plural(total, 'entity', 'entities')}`;
    for (const [column, { th, indicator }] of Object.entries(this.headerCells)) {
      const active = this.sort.column === column;
      th.setAttribute('aria-sort', active ? this.sort.direction : 'none');
      indicator.textContent = active ? (this.sort.direction === 'ascending' ? '▲' : '▼') : '';
    }
    this.caption.textContent = this.sort.column
      ? `Entities, sorted by ${INDEX_COLUMNS[this.sort.column].label.toLowerCase()}, ${this.sort.direction}`
      : 'Entities, most mentioned first';
    this.table.hidden = shown.length === 0;
    if (this.el.dataset.state === 'ready') {
      const empty =
        total === 0
          ? 'No entities yet: import articles, and the people, organisations, places and dates they mention are listed here.'
          : 'No entity matches these filters.';
      this.status.textContent = shown.length ? '' : empty;
      this.status.hidden = shown.length > 0;
    }
    const rows = shown.slice(0, this.limit);
    const fragment = document.createDocumentFragment();
    for (const entry of rows) {
      fragment.append(this.renderRow(entry));
      if (this.openMerge?.entry.entity === entry.entity) fragment.append(this.mergeRow(this.openMerge));
    }
    this.tbody.replaceChildren(fragment);
    const rest = shown.length - rows.length;
    this.more.hidden = rest <= 0;
    this.more.textContent = `Show ${formatCount(Math.min(rest, PAGE_ROWS))} more (${formatCount(rest)} not shown)`;
  }

  renderRow(entry) {
    const n = entry.articles.length;
    return h(
      'tr',
      { 'data-testid': 'entity-row', 'data-entity': entry.entity, 'data-type': entry.type },
      h(
        'td',
        { class: 'col-name' },
        h(
          'span',
          { class: 'index-entity-name', 'data-testid': 'entity-name', title: entry.name },
          entry.name,
        ),
      ),
      h('td', { class: 'col-type' }, typeName(entry.type)),
      h(
        'td',
        { class: 'col-articles' },
        h(
          'a',
          {
            href: libraryHash(entry.entity),
            'data-testid': 'entity-articles',
            title: `The library, filtered to the ${plural(n, 'article')} mentioning ${entry.name}`,
          },
          plural(n, 'article'),
        ),
      ),
      h('td', { class: 'col-mentions', 'data-testid': 'entity-mentions' }, formatCount(entry.mentions)),
      h('td', { class: 'col-outlets' }, this.outletsCell(entry)),
      h('td', { class: 'col-first' }, this.datesCell(entry)),
      h(
        'td',
        { class: 'col-actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'button quiet small',
            'data-testid': 'entity-merge',
            'data-action': 'merge',
            'aria-expanded': String(this.openMerge?.entry.entity === entry.entity),
            'aria-label': `Merge “${entry.name}” into another entity`,
            title: 'Merge into another entity of its type (the same person, organisation, place or date)',
          },
          'Merge…',
        ),
      ),
    );
  }

  /**
   * Which outlets carry the entity: "2/4" (of the collection's outlets), then each (with "×2" when
   * it ran several of the entity's articles), the chosen outlet first (or "not in KUNA" when it leaves the entity out). The full
   * list, and the outlets that never mention it, are in the title.
   */
  outletsCell(entry) {
    const counts = outletCounts(entry, (id) => this.outletOf.get(id) ?? '').filter((c) => c.outlet);
    const all = this.outlets.map((o) => o.outlet);
    const missing = missingOutlets(entry, all);
    const chosen = this.filter.outlet;
    const ordered = chosen
      ? [...counts.filter((c) => c.outlet === chosen), ...counts.filter((c) => c.outlet !== chosen)]
      : counts;
    const named = ordered.slice(0, OUTLETS_SHOWN).map(({ outlet, articles }, i) => [
      i > 0 ? ', ' : null,
      h(
        'span',
        {
          class: outlet === chosen ? 'outlet-name chosen' : 'outlet-name',
          'data-testid': 'entity-outlet',
          'data-outlet': outlet,
        },
        outlet,
        // A count only where an outlet ran several of the articles: a "1" after each name is noise.
        articles > 1
          ? h('span', { class: 'outlet-count', title: plural(articles, 'article') }, ` ×${articles}`)
          : null,
      ),
    ]);
    const rest = ordered.length - OUTLETS_SHOWN;
    return h(
      'div',
      {
        class: 'outlet-cell',
        title: [
          `Mentioned by ${entry.outlets.length} of ${all.length} outlets: ${counts.map((c) => `${c.outlet} (${plural(c.articles, 'article')})`).join(', ')}.`,
          missing.length
            ? `Not by: ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', …' : ''}.`
            : '',
        ]
          .filter(Boolean)
          .join(' '),
      },
      h('span', { class: 'outlet-share' }, `${entry.outlets.length}/${all.length}`),
      chosen && !entry.outlets.includes(chosen)
        ? h('span', { class: 'outlet-absent', 'data-testid': 'entity-outlet-absent' }, `not in ${chosen}`)
        : null,
      counts.length
        ? h('span', { class: 'outlet-list' }, named, rest > 0 ? ` +${rest}` : null)
        : h('span', { class: 'outlet-list muted' }, 'outlet not known'),
    );
  }

  /** The entity's articles on the collection's time axis, and its first and last dates. */
  datesCell(entry) {
    const dates = entry.articles.map((id) => this.dateOf.get(id)).filter(Boolean);
    // The range at the axis's unit ("Oct 2022 – Sep 2024"); the exact dates in its title.
    const { unit } = this.axis;
    const first = entry.first ? binLabel(binKey(entry.first, unit) ?? entry.first, unit) : '';
    const last = entry.last ? binLabel(binKey(entry.last, unit) ?? entry.last, unit) : '';
    const range = first ? (last && last !== first ? `${first} – ${last}` : first) : 'no dates';
    const exact = entry.first
      ? `${formatDate(entry.first)}${entry.last && entry.last !== entry.first ? ` – ${formatDate(entry.last)}` : ''}`
      : '';
    const chart =
      dates.length && this.axis.keys.length > 1
        ? timelineChart(this.axis, binDates(this.axis, dates), {
            width: 150,
            height: 16,
            label: `${plural(dates.length, 'dated article')} from ${binLabel(this.axis.keys[0], this.axis.unit)} to ${binLabel(this.axis.keys.at(-1), this.axis.unit)}, by ${this.axis.unit}`,
          })
        : null;
    return h(
      'div',
      { class: 'dates-cell' },
      chart,
      h(
        'span',
        { class: 'date-range small muted', 'data-testid': 'entity-dates', title: exact || null },
        range,
      ),
    );
  }

  // --- Merging ---------------------------------------------------------------------------------

  handleClick(event) {
    const button = event.target.closest('[data-action="merge"]');
    if (!button) return;
    const id = button.closest('tr[data-entity]')?.dataset.entity;
    const entry = this.entries.find((e) => e.entity === id);
    if (!entry) return;
    if (this.openMerge?.entry.entity === id) {
      this.closeMerge();
      return;
    }
    this.openMerge = new MergePanel(entry, this.entries, {
      merge: async (into) => {
        await this.deps.merge(entry, into);
        this.merged = { from: entry.entity, name: entry.name, into };
        this.refresh();
      },
      close: () => this.closeMerge(),
    });
    this.renderTable();
    this.openMerge.focus();
  }

  /**
   * After a merge, once the index no longer lists the merged entity: the row it went into gets the
   * focus (the merge panel it came from is gone), and screen readers hear what happened.
   */
  showMerged() {
    const merged = this.merged;
    if (!merged || this.entries.some((e) => e.entity === merged.from)) return;
    this.merged = null;
    const into = this.entries.find((e) => e.entity === merged.into);
    if (!into) return;
    const link = /** @type {HTMLElement|null} */ (
      this.tbody.querySelector(`tr[data-entity="${CSS.escape(into.entity)}"] [data-testid="entity-articles"]`)
    );
    link?.focus({ preventScroll: true });
    link?.scrollIntoView({ block: 'center' });
    this.announcer.textContent = '';
    setTimeout(() => {
      this.announcer.textContent = `Merged “${merged.name}” into “${into.name}”: ${plural(into.articles.length, 'article')}.`;
    }, 30);
  }

  mergeRow(panel) {
    return h('tr', { class: 'merge-row' }, h('td', { colspan: '7' }, panel.el));
  }

  closeMerge() {
    const id = this.openMerge?.entry.entity;
    this.openMerge = null;
    this.renderTable();
    const button = this.tbody.querySelector(
      `tr[data-entity="${CSS.escape(id ?? '')}"] [data-action="merge"]`,
    );
    /** @type {HTMLElement|null} */ (button)?.focus();
  }

  // --- Showing ---------------------------------------------------------------------------------

  /** The view became visible. */
  shown() {
    this.load();
  }

  focusTitle() {
    this.heading.focus({ preventScroll: true });
  }
}
