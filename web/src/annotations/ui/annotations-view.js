// The collection's annotations in one place: search over quotes, notes, tags and authors; filters
// by tag, article, author and status; the orphans (kept, re-attachable by hand); tags and their
// colours; the user's name; import and export.
import { h, icon, ICONS, replaceChildren } from '../../shell/dom.js';
import { cardContent } from './annotation-card.js';
import { plural, truncate } from '../../shell/format.js';
import { TimeSlicer } from '../../shell/slices.js';

/** Cards rendered at once (more on request): a big collection's list stays quick. */
const PAGE = 300;
/** Orphans shown in the side panel (thousands may come with a colleague's file). */
const ORPHANS_SHOWN = 50;

const STATUSES = [
  ['', 'Any status'],
  ['placed', 'In an article'],
  ['orphan', 'Orphaned'],
  ['conflict', 'With conflicting versions'],
];

export class AnnotationsView {
  /**
   * @param {{open(id: string): void, edit(id: string): void, remove(id: string): void,
   *          attach(id: string): void, importFiles(files: File[]): void, exportAs(o: object): void,
   *          setName(name: string): void, setColor(name: string, color: string): void,
   *          keepVersion(id: string, index: number): void, back(): void, changed(): void}} on
   */
  constructor(on) {
    this.on = on;
    this.filters = { query: '', tag: '', article: '', author: '', status: '' };
    this.limit = PAGE;
    this.search = h('input', {
      type: 'search',
      class: 'text-input search-input',
      id: 'annotations-search',
      'data-testid': 'annotations-search',
      placeholder: 'Search quotes, notes, tags, authors',
      'aria-label': 'Search annotations',
      autocomplete: 'off',
      oninput: () => {
        this.filters.query = this.search.value;
        this.limit = PAGE;
        on.changed();
      },
    });
    const select = (testid, label, key) =>
      h('select', {
        class: 'select',
        'data-testid': testid,
        'aria-label': label,
        onchange: (e) => {
          this.filters[key] = e.target.value;
          this.limit = PAGE;
          on.changed();
        },
      });
    this.tagSelect = select('filter-tag', 'Filter by tag', 'tag');
    this.articleSelect = select('filter-article', 'Filter by article', 'article');
    this.authorSelect = select('filter-author', 'Filter by author', 'author');
    this.statusSelect = select('filter-status', 'Filter by status', 'status');
    replaceChildren(
      this.statusSelect,
      STATUSES.map(([v, l]) => h('option', { value: v }, l)),
    );
    this.count = h('p', { class: 'muted', 'data-testid': 'annotations-count', 'aria-live': 'polite' });
    this.list = h('ol', {
      class: 'annotation-list',
      'data-testid': 'annotation-list',
      'aria-label': 'Annotations',
    });
    this.fileInput = h('input', {
      type: 'file',
      accept: '.json,.jsonld,application/json,application/ld+json',
      class: 'visually-hidden',
      tabindex: '-1',
      'data-testid': 'import-annotations-input',
      'aria-label': 'Import annotations',
      onchange: () => {
        const files = [...this.fileInput.files];
        this.fileInput.value = '';
        if (files.length) on.importFiles(files);
      },
    });
    this.nameInput = h('input', {
      type: 'text',
      class: 'text-input',
      id: 'user-name',
      'data-testid': 'user-name',
      maxlength: '80',
      autocomplete: 'name',
      placeholder: 'e.g. Ada Lovelace',
    });
    this.nameInput.addEventListener('change', () => on.setName(this.nameInput.value));
    this.tagList = h('ul', {
      class: 'tag-list',
      'data-testid': 'tag-list',
      'aria-label': 'Tags and their colours',
    });
    this.orphanList = h('ul', {
      class: 'annotation-list compact',
      'data-testid': 'orphan-list',
      'aria-label': 'Orphaned annotations',
    });
    this.orphans = h(
      'section',
      { class: 'panel', 'aria-labelledby': 'orphans-title', hidden: true },
      h('h2', { id: 'orphans-title' }, 'Orphans'),
      h(
        'p',
        { class: 'muted small' },
        'Annotations whose passage was not found in any article here. They are kept; attach one by hand: choose “Attach…”, open the article, select the passage and choose “Attach here”.',
      ),
      this.orphanList,
    );
    this.exportFiltered = h('div', { class: 'export-filtered' });
    this.el = h(
      'section',
      {
        id: 'annotations',
        class: 'view annotations-view',
        'data-testid': 'annotations-view',
        'aria-labelledby': 'annotations-title',
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
              'data-testid': 'annotations-back',
              onclick: () => on.back(),
            },
            icon(ICONS.back),
            'Library',
          ),
          h('h1', { id: 'annotations-title', tabindex: '-1' }, 'Annotations'),
        ),
        h(
          'div',
          { class: 'view-actions' },
          h(
            'button',
            {
              type: 'button',
              class: 'button',
              'data-testid': 'import-annotations-button',
              onclick: () => this.fileInput.click(),
            },
            icon(ICONS.upload),
            'Import annotations…',
          ),
          this.fileInput,
        ),
      ),
      h(
        'div',
        { class: 'annotations-layout' },
        h(
          'div',
          { class: 'annotations-main' },
          h(
            'div',
            { class: 'filters', role: 'search' },
            h('span', { class: 'search-wrap' }, icon(ICONS.search), this.search),
            this.tagSelect,
            this.articleSelect,
            this.authorSelect,
            this.statusSelect,
          ),
          this.count,
          this.list,
        ),
        h(
          'div',
          { class: 'annotations-side' },
          h(
            'section',
            { class: 'panel', 'aria-labelledby': 'export-title' },
            h('h2', { id: 'export-title' }, 'Export'),
            h(
              'div',
              { class: 'export-buttons' },
              h(
                'button',
                {
                  type: 'button',
                  class: 'button small',
                  'data-testid': 'export-json',
                  onclick: () => on.exportAs({ format: 'jsonld' }),
                },
                icon(ICONS.download),
                'All (.json)',
              ),
              h(
                'button',
                {
                  type: 'button',
                  class: 'button small',
                  'data-testid': 'export-markdown',
                  onclick: () => on.exportAs({ format: 'markdown' }),
                },
                icon(ICONS.download),
                'Report (.md)',
              ),
              h(
                'button',
                {
                  type: 'button',
                  class: 'button small',
                  'data-testid': 'export-html',
                  onclick: () => on.exportAs({ format: 'html' }),
                },
                icon(ICONS.download),
                'Report (.html)',
              ),
            ),
            this.exportFiltered,
            h(
              'p',
              { class: 'muted small' },
              'W3C Web Annotation JSON-LD: a colleague imports it into their Lectern.',
            ),
          ),
          this.orphans,
          h(
            'section',
            { class: 'panel', 'aria-labelledby': 'tags-title' },
            h('h2', { id: 'tags-title' }, 'Tags'),
            this.tagList,
          ),
          h(
            'section',
            { class: 'panel', 'aria-labelledby': 'you-title' },
            h('h2', { id: 'you-title' }, 'You'),
            h('label', { for: 'user-name', class: 'field-label' }, 'Your name, on your annotations'),
            this.nameInput,
            h('p', { class: 'muted small' }, 'Kept in this browser only.'),
          ),
        ),
      ),
    );
  }

  setName(name) {
    if (document.activeElement !== this.nameInput) this.nameInput.value = name;
  }

  /**
   * @param {object} s
   * @param {{id, view, articleId?, articleTitle?, status?, kind?}[]} s.items  already filtered
   * @param {number} s.total
   * @param {{name, color, shortcut, count}[]} s.tags
   * @param {{id, title}[]} s.articles  the articles to filter by (collection-listing.js ARTICLE_CHOICES)
   * @param {number} [s.unlistedArticles]  articles with annotations that are not among them
   * @param {{key, label, count}[]} s.authors
   * @param {{id, view, nearTitle?: string}[]} s.orphans
   * @param {import('./annotation-card.js').ColorOf} s.colorOf
   * @param {string|null} s.attaching  id of the orphan being attached
   * @param {boolean} [s.opening]  the view is being opened (see fillList)
   * @returns {Promise<void>} resolves once every row is in the list (or a newer render began)
   */
  async render({
    items,
    total,
    tags,
    articles,
    unlistedArticles = 0,
    authors,
    orphans,
    colorOf,
    attaching,
    opening = false,
  }) {
    const options = (sel, all, list, key, more = '') => {
      const current = this.filters[key];
      replaceChildren(
        sel,
        h('option', { value: '' }, all),
        list.map((o) => h('option', { value: o.value }, o.label)),
        more ? h('option', { value: '', disabled: true, 'data-testid': 'filter-more' }, more) : null,
      );
      sel.value = list.some((o) => o.value === current) ? current : '';
      this.filters[key] = sel.value;
    };
    options(
      this.tagSelect,
      'All tags',
      tags.map((t) => ({ value: t.name, label: `${t.name} (${t.count})` })),
      'tag',
    );
    options(
      this.articleSelect,
      'All articles',
      articles.map((a) => ({ value: a.id, label: truncate(a.title, 60) })),
      'article',
      unlistedArticles ? `${plural(unlistedArticles, 'more article')}: search for a title` : '',
    );
    options(
      this.authorSelect,
      'All authors',
      authors.map((a) => ({ value: a.key, label: `${a.label} (${a.count})` })),
      'author',
    );
    this.statusSelect.value = this.filters.status;
    this.count.textContent =
      items.length === total
        ? plural(total, 'annotation')
        : `${items.length} of ${plural(total, 'annotation')}`;
    const run = (this.renderRun = (this.renderRun ?? 0) + 1);
    let lastArticle = null;
    /** @type {(() => HTMLElement)[]} the list's rows, made and added a slice at a time */
    const rows = [];
    for (const it of items.slice(0, this.limit)) {
      if (it.articleId !== lastArticle) {
        lastArticle = it.articleId;
        rows.push(() =>
          h(
            'li',
            { class: 'list-group', 'aria-hidden': 'true' },
            it.articleId ? it.articleTitle : 'Not in any article (orphans)',
          ),
        );
      }
      const actions = [];
      if (it.articleId) actions.push({ label: 'Open', testid: 'item-open', run: () => this.on.open(it.id) });
      actions.push({ label: 'Edit', testid: 'item-edit', icon: ICONS.edit, run: () => this.on.edit(it.id) });
      if (it.status === 'orphan')
        actions.push({
          label: 'Attach…',
          testid: 'attach-orphan',
          icon: ICONS.link,
          run: () => this.on.attach(it.id),
        });
      actions.push({
        label: 'Delete',
        testid: 'item-delete',
        icon: ICONS.trash,
        danger: true,
        run: () => this.on.remove(it.id),
      });
      rows.push(() =>
        h(
          'li',
          {
            class: `annotation-card status-${it.status}`,
            'data-testid': 'annotation-item',
            'data-id': it.id,
            'data-status': it.status,
          },
          cardContent(it.view, {
            colorOf,
            quoteMax: 260,
            actions,
            status:
              it.status === 'orphan'
                ? 'Orphan: its passage was not found in any article here.'
                : it.kind === 'anchored'
                  ? `Re-anchored into “${truncate(it.articleTitle, 60)}”`
                  : '',
            statusKind: it.status === 'orphan' ? 'orphan' : it.kind,
            open: it.articleId ? () => this.on.open(it.id) : null,
            openLabel: `Open the article at this highlight: ${truncate(it.view.quote, 60)}`,
            keepVersion: (i) => this.on.keepVersion(it.id, i),
          }),
        ),
      );
    }
    if (items.length > this.limit) {
      rows.push(() =>
        h(
          'li',
          { class: 'more-row' },
          h(
            'button',
            {
              type: 'button',
              class: 'button',
              'data-testid': 'annotations-more',
              onclick: () => {
                this.limit += PAGE;
                this.on.changed();
              },
            },
            `Show ${Math.min(PAGE, items.length - this.limit)} more (${items.length - this.limit} not shown)`,
          ),
        ),
      );
    }
    if (!items.length)
      rows.push(() =>
        h(
          'li',
          { class: 'muted empty-row' },
          total
            ? 'No annotation matches.'
            : "No annotations yet. Open an article and select some text to highlight it, or import a colleague's annotations.",
        ),
      );
    this.orphans.hidden = orphans.length === 0;
    // The side panel shows the first orphans; all of them are listed with the status filter.
    const moreOrphans =
      orphans.length > ORPHANS_SHOWN
        ? h(
            'li',
            { class: 'muted small', 'data-testid': 'orphans-more' },
            `… and ${orphans.length - ORPHANS_SHOWN} more: choose “Orphaned” under status to list them all.`,
          )
        : null;
    replaceChildren(this.orphanList, [
      ...orphans.slice(0, ORPHANS_SHOWN).map((o) =>
        h(
          'li',
          { class: 'annotation-card compact', 'data-testid': 'orphan-item', 'data-id': o.id },
          cardContent(o.view, {
            colorOf,
            quoteMax: 120,
            status: o.nearTitle
              ? `From “${truncate(o.nearTitle, 60)}”`
              : o.view.title
                ? `Made on “${truncate(o.view.title, 60)}”`
                : '',
            statusKind: 'orphan',
            actions: [
              {
                label: attaching === o.id ? 'Attaching…' : 'Attach…',
                testid: 'attach-orphan',
                icon: ICONS.link,
                run: () => this.on.attach(o.id),
              },
            ],
          }),
        ),
      ),
      moreOrphans,
    ]);

    replaceChildren(
      this.tagList,
      tags.length
        ? tags.map((t) => {
            const input = h('input', {
              type: 'color',
              class: 'tag-color',
              value: t.color,
              'data-testid': 'tag-color',
              'data-tag': t.name,
              'aria-label': `Colour of the tag ${t.name}`,
            });
            input.addEventListener('change', () => this.on.setColor(t.name, input.value));
            return h(
              'li',
              { class: 'tag-row', 'data-testid': 'tag-item', 'data-tag': t.name },
              input,
              h('span', { class: 'tag-name' }, t.name),
              t.shortcut
                ? h('kbd', { title: `Shortcut in the reader: ${t.shortcut}` }, String(t.shortcut))
                : null,
              h('span', { class: 'tag-count', title: `${plural(t.count, 'annotation')}` }, String(t.count)),
            );
          })
        : h(
            'li',
            { class: 'muted small' },
            'Tags you make appear here; the first nine have the shortcuts 1–9.',
          ),
    );

    const filtered = [];
    if (this.filters.tag)
      filtered.push(
        h(
          'button',
          {
            type: 'button',
            class: 'button small',
            'data-testid': 'export-tag',
            onclick: () => this.on.exportAs({ format: 'jsonld', tag: this.filters.tag }),
          },
          icon(ICONS.download),
          `Tag “${truncate(this.filters.tag, 24)}” (.json)`,
        ),
      );
    if (this.filters.article)
      filtered.push(
        h(
          'button',
          {
            type: 'button',
            class: 'button small',
            'data-testid': 'export-filtered-article',
            onclick: () => this.on.exportAs({ format: 'jsonld', articleId: this.filters.article }),
          },
          icon(ICONS.download),
          'This article (.json)',
        ),
      );
    replaceChildren(this.exportFiltered, filtered);
    await this.fillList(rows, run, opening);
  }

  /**
   * Makes the list's rows a slice at a time (300 cards take 50 ms and more to make, as long again
   * to lay out). When the view opens (`opening`: the reader is at its top) each slice goes in as
   * it is made; otherwise ("Show more", a keystroke in the search) they are made off the page and
   * put in at once, so the page does not shorten under the reader. A newer render stops an older.
   * @param {(() => HTMLElement)[]} rows
   * @param {number} run  this render's number (see render)
   * @param {boolean} opening
   */
  async fillList(rows, run, opening) {
    const slicer = new TimeSlicer();
    let made = document.createDocumentFragment();
    let first = true;
    for (const row of rows) {
      made.append(row());
      if (!slicer.due()) continue;
      if (opening) {
        if (first) replaceChildren(this.list, made);
        else this.list.append(made);
        first = false;
        made = document.createDocumentFragment();
      }
      await slicer.pause();
      if (run !== this.renderRun) return;
    }
    if (first) replaceChildren(this.list, made);
    else this.list.append(made);
  }

  focusTitle() {
    this.el.querySelector('#annotations-title')?.focus({ preventScroll: true });
  }
}
