// The reader view: one article, typeset for reading, with its sentences as focusable spans, and a
// toggle to the original text.
import { h, icon, ICONS, replaceChildren, focusedElement, safeHref } from '../shell/dom.js';
import { displayTitle, formatDate, formatCount, plural } from '../shell/format.js';
import { buildBody, offsetsToRange, rangeOffsets, sameHighlights } from '../annotations/ui/highlights.js';
import { readerHash } from '../shell/router.js';

export class ReaderView {
  /**
   * @param {object} on  callbacks: back(), next(), previous(), toggleOriginal(), remove(id),
   *   toggleSidebar(), compare(a, b), variants(id), original(record) → Promise<string|undefined>
   *   (the article's original text from storage, asked for when it is first shown)
   * @param {HTMLElement} [sidebar]  the annotations sidebar, shown beside the page
   */
  constructor(on, sidebar = null) {
    this.on = on;
    this.record = null;
    this.showingOriginal = false;
    /** The record whose original text is in (or on its way to) the original pane. */
    this.originalOf = null;
    this.highlights = [];
    /** @type {{start: number, end: number, type: string, id: string, label: string}[]} */
    this.entities = [];
    this.offsets = new WeakMap();

    this.position = h('span', {
      class: 'reader-position',
      'data-testid': 'reader-position',
      'aria-live': 'polite',
    });
    this.prevButton = h(
      'button',
      {
        type: 'button',
        class: 'button quiet',
        'data-testid': 'previous-article',
        onclick: () => on.previous(),
        title: 'Previous article (k)',
      },
      icon(ICONS.up),
      'Previous',
    );
    this.nextButton = h(
      'button',
      {
        type: 'button',
        class: 'button quiet',
        'data-testid': 'next-article',
        onclick: () => on.next(),
        title: 'Next article (j)',
      },
      icon(ICONS.down),
      'Next',
    );
    this.toggleButton = h(
      'button',
      {
        type: 'button',
        class: 'button toggle',
        'data-testid': 'toggle-original',
        'aria-pressed': 'false',
        onclick: () => on.toggleOriginal(),
        title: 'Switch between the cleaned and the original text (o)',
      },
      icon(ICONS.file),
      'Original text',
    );
    this.sidebarButton = h(
      'button',
      {
        type: 'button',
        class: 'button toggle',
        'data-testid': 'sidebar-toggle',
        'aria-pressed': 'true',
        'aria-controls': 'annotations-sidebar',
        title: "Show or hide this article's annotations (a)",
        onclick: () => on.toggleSidebar?.(),
      },
      icon(ICONS.note),
      'Annotations',
      (this.sidebarCount = h('span', { class: 'count-badge', 'data-testid': 'sidebar-count' }, '0')),
    );
    this.compareButton = h(
      'button',
      {
        type: 'button',
        class: 'button',
        'data-testid': 'reader-compare-closest',
        hidden: true,
        onclick: () => this.record && this.closestId && on.compare?.(this.record.id, this.closestId),
      },
      icon(ICONS.compare),
      'Compare',
    );
    this.removeButton = h(
      'button',
      {
        type: 'button',
        class: 'button quiet danger',
        'data-testid': 'reader-remove',
        title: 'Remove this article',
        onclick: () => this.record && on.remove(this.record.id),
      },
      icon(ICONS.trash),
      'Remove',
    );

    this.kicker = h('p', { class: 'kicker', 'data-testid': 'reader-meta' });
    this.title = h('h1', {
      id: 'reader-title',
      class: 'article-title',
      'data-testid': 'reader-title',
      tabindex: '-1',
    });
    this.dateline = h('p', { class: 'dateline', 'data-testid': 'reader-dateline' });
    this.provenance = h('p', { class: 'provenance', 'data-testid': 'reader-provenance' });
    // The article's entities (legend, toggles, panel: entities/reader-entities.js) go here.
    this.entitySlot = h('div', { class: 'entity-slot' });
    this.versions = h('aside', {
      class: 'reader-versions',
      'data-testid': 'reader-versions',
      hidden: true,
      'aria-labelledby': 'versions-heading',
    });
    this.body = h('div', {
      class: 'article-body',
      'data-testid': 'reader-body',
      onkeydown: (e) => this.handleBodyKey(e),
    });
    this.originalLabel = h(
      'p',
      { class: 'original-label', hidden: true },
      'Original text, as read from the file, before cleaning:',
    );
    this.original = h('pre', {
      class: 'original',
      'data-testid': 'reader-original',
      hidden: true,
      tabindex: '0',
    });
    this.announcer = h('p', {
      class: 'visually-hidden',
      'data-testid': 'reader-announce',
      'aria-live': 'polite',
    });
    this.sidebar = sidebar;

    this.el = h(
      'article',
      {
        id: 'reader',
        class: 'view reader',
        'data-testid': 'reader',
        hidden: true,
        'aria-labelledby': 'reader-title',
      },
      h(
        'nav',
        { class: 'reader-toolbar', 'aria-label': 'Article' },
        h(
          'button',
          {
            type: 'button',
            class: 'button quiet',
            'data-testid': 'back-to-library',
            onclick: () => on.back(),
            title: 'Back to the library (Esc)',
          },
          icon(ICONS.back),
          'Library',
        ),
        this.position,
        h('span', { class: 'toolbar-spacer' }),
        this.prevButton,
        this.nextButton,
        this.compareButton,
        this.toggleButton,
        this.sidebarButton,
        this.removeButton,
      ),
      h(
        'div',
        { class: 'reader-layout' },
        h(
          'div',
          { class: 'page' },
          h(
            'header',
            { class: 'article-head' },
            this.kicker,
            this.title,
            this.dateline,
            this.provenance,
            this.entitySlot,
          ),
          this.body,
          this.originalLabel,
          this.original,
          // At the end, so the article does not move when the versions are found after it is shown.
          this.versions,
        ),
        sidebar,
      ),
      this.announcer,
    );
  }

  /**
   * The other versions of this article's story (story-controller.js versionsOf), listed after the
   * article, each with a Compare button, and "All versions" for three or more; the toolbar's
   * Compare goes to the closest one.
   * @param {string} id
   * @param {{id: string, label: string, title: string, shared: string, explanation: string}[]} versions
   * @param {number} size  versions in the story, this one included
   */
  setVersions(id, versions, size) {
    this.versions.hidden = versions.length === 0;
    this.closestId = versions[0]?.id ?? null;
    this.compareButton.hidden = !this.closestId;
    if (this.closestId) {
      this.compareButton.title = `Compare with the ${versions[0].label} version${versions[0].shared ? ` (${versions[0].shared})` : ''}, side by side`;
    }
    if (!versions.length) {
      this.versions.replaceChildren();
      return;
    }
    const items = versions.map((v) =>
      h(
        'li',
        { 'data-testid': 'reader-version', 'data-id': v.id },
        h(
          'a',
          { href: readerHash(v.id), class: 'version-title', title: v.title },
          h('span', { class: 'outlet' }, v.label),
          ': ',
          v.title,
        ),
        v.shared ? h('span', { class: 'story-chip member', title: v.explanation }, v.shared) : null,
        h(
          'button',
          {
            type: 'button',
            class: 'button small',
            'data-testid': 'reader-compare',
            'data-id': v.id,
            onclick: () => this.on.compare?.(id, v.id),
            title: `Compare this article with the ${v.label} version, side by side`,
          },
          icon(ICONS.compare),
          'Compare',
        ),
      ),
    );
    replaceChildren(
      this.versions,
      h(
        'h2',
        { id: 'versions-heading' },
        size === 2 ? 'Another version of this story' : `${size - 1} other versions of this story`,
      ),
      h('ul', {}, items),
      size >= 3
        ? h(
            'button',
            {
              type: 'button',
              class: 'button small',
              'data-testid': 'reader-variants',
              onclick: () => this.on.variants?.(id),
              title: 'Every version of this story in one table',
            },
            icon(ICONS.table),
            `All ${size} versions`,
          )
        : null,
    );
  }

  /** Says `text` to screen readers (a polite live region). */
  announce(text) {
    this.announcer.textContent = '';
    setTimeout(() => {
      this.announcer.textContent = text;
    }, 30);
  }

  setSidebarShown(shown, count) {
    this.sidebarButton.setAttribute('aria-pressed', String(shown));
    if (count != null) this.sidebarCount.textContent = String(count);
    this.el.classList.toggle('with-sidebar', shown);
  }

  /**
   * @param {import('../library/records.js').LibraryRecord} record
   * @param {{index: number, total: number, original: boolean, highlights?: object[]}} where
   */
  show(record, { index, total, original, highlights }) {
    const changed = record !== this.record;
    this.record = record;
    if (changed) {
      this.highlights = highlights ?? [];
      this.entities = [];
    } else if (highlights) this.setHighlights(highlights);
    const a = record.article;
    this.position.textContent =
      index >= 0 ? `Article ${formatCount(index + 1)} of ${formatCount(total)}` : '';
    this.prevButton.disabled = index <= 0;
    this.nextButton.disabled = index < 0 || index >= total - 1;

    if (changed) {
      const t = displayTitle(a);
      this.title.textContent = a.title ? t.text : 'Untitled article';
      this.title.classList.toggle('untitled', !a.title);
      const kicker = [];
      if (a.source) kicker.push(h('span', { class: 'outlet', 'data-testid': 'reader-outlet' }, a.source));
      if (a.date)
        kicker.push(h('time', { datetime: a.date, 'data-testid': 'reader-date' }, formatDate(a.date)));
      replaceChildren(
        this.kicker,
        kicker.flatMap((x, i) => (i ? [h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '), x] : [x])),
      );
      this.kicker.hidden = kicker.length === 0;
      this.dateline.textContent = a.dateline;
      // The dateline normally opens the body too; show it apart only when it does not.
      this.dateline.hidden = !a.dateline || a.body.startsWith(a.dateline);
      const provenance = [`${plural(record.words, 'word')}`, `from ${record.fileName || 'an unknown file'}`];
      if (record.importedAt) provenance.push(`imported ${new Date(record.importedAt).toLocaleString()}`);
      replaceChildren(this.provenance, provenance.join(' · '));
      const url = safeHref(a.url);
      if (url) {
        this.provenance.append(
          ' · ',
          h('a', { href: url, rel: 'noopener noreferrer', target: '_blank', class: 'source-link' }, 'source'),
        );
      } else if (a.url) {
        this.provenance.append(' · ', a.url);
      }
      this.renderBody(a);
    }
    this.setOriginal(original);
  }

  /** Fills the original pane for the shown record, from memory or storage, once per record. */
  async fillOriginal() {
    const record = this.record;
    if (!record || this.originalOf === record) return;
    this.originalOf = record;
    // Records stored before the originals were kept apart have it in the article ('': not kept).
    const inline = record.article.original;
    if (inline !== undefined) {
      this.original.textContent = inline || '(The original text was not kept for this article.)';
      return;
    }
    let text = record.original;
    if (text === undefined) {
      this.original.textContent = 'Loading the original text…';
      try {
        text = await this.on.original(record);
      } catch (error) {
        text = `(The original text could not be read: ${error?.message || error}.)`;
        if (this.originalOf === record) this.originalOf = null; // asked again when shown again
      }
    }
    // Nothing stored apart: the text as read was the body (records.js prepareArticle).
    if (this.record === record) this.original.textContent = text ?? record.article.body;
  }

  renderBody(a) {
    const { fragment, offsets, empty } = buildBody(a, this.highlights, {
      dark: prefersDark(),
      entities: this.entities,
    });
    if (empty) fragment.append(h('p', { class: 'muted' }, 'This article has no text.'));
    this.offsets = offsets;
    replaceChildren(this.body, fragment);
  }

  /**
   * Draws these highlights ({id, start, end (UTF-16), color, kind, label}) over the body, keeping
   * the focused sentence or highlight focused.
   */
  setHighlights(highlights) {
    if (sameHighlights(this.highlights, highlights)) return; // nothing to redraw (and a selection stays)
    this.highlights = highlights;
    this.redraw();
  }

  /**
   * Draws these entity mentions ({start, end (UTF-16), type, id, label}, in text order) under the
   * highlights, keeping the focus and the selection.
   */
  setEntities(entities) {
    const key = (list) => list.map((m) => `${m.start},${m.end},${m.type},${m.id},${m.label}`).join(';');
    if (key(this.entities) === key(entities)) return;
    this.entities = entities;
    this.redraw();
  }

  /** Draws the body again, keeping the focused sentence, highlight or mention and the selection. */
  redraw() {
    if (!this.record) return;
    // A selection in the body is kept across the redraw (by its offsets).
    const selection = document.getSelection();
    const selected =
      selection && selection.rangeCount && !selection.isCollapsed
        ? rangeOffsets(this.body, this.offsets, selection.getRangeAt(0))
        : null;
    const active = focusedElement();
    let restore = null;
    if (active && this.body.contains(active)) {
      if (active.classList.contains('sentence')) restore = { sentence: active.dataset.index };
      else if (active.classList.contains('ent')) restore = { mention: active.dataset.mention };
      else if (active.classList.contains('hl'))
        restore = {
          ids: active.dataset.ids,
          start: /** @type {HTMLElement|null} */ (active.closest('.sentence'))?.dataset.start,
        };
    }
    this.renderBody(this.record.article);
    if (selected) {
      const range = offsetsToRange(this.body, this.offsets, selected.start, selected.end);
      if (range) {
        selection.removeAllRanges();
        selection.addRange(range);
      }
    }
    if (restore?.mention != null)
      /** @type {HTMLElement|null} */ (
        this.body.querySelector(`.ent[data-mention="${CSS.escape(restore.mention)}"]`)
      )?.focus({ preventScroll: true });
    else if (restore?.sentence != null)
      this.body
        .querySelector(`.sentence[data-index="${CSS.escape(restore.sentence)}"]`)
        ?.focus({ preventScroll: true });
    else if (restore?.ids) {
      const first = restore.ids.split(' ')[0];
      if (!this.focusHighlight(first, { scroll: false }))
        this.body
          .querySelector(`.sentence[data-start="${CSS.escape(restore.start ?? '')}"]`)
          ?.focus({ preventScroll: true });
    }
  }

  /** The marks drawing annotation `id`, in order. */
  marksOf(id) {
    return [...this.body.querySelectorAll('mark.hl')].filter((m) => m.dataset.ids.split(' ').includes(id));
  }

  /** Focuses the first mark of annotation `id`; false when it is not drawn. */
  focusHighlight(id, { scroll = true } = {}) {
    const mark = this.marksOf(id)[0];
    if (!mark) return false;
    if (this.showingOriginal) this.on.toggleOriginal();
    mark.tabIndex = -1;
    mark.focus({ preventScroll: true });
    if (scroll) mark.scrollIntoView({ block: 'center', behavior: 'auto' });
    return true;
  }

  /** The body range (UTF-16) of the current selection, when it lies in the body. */
  selectedRange() {
    if (this.showingOriginal || !this.record) return null;
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const r = rangeOffsets(this.body, this.offsets, selection.getRangeAt(0));
    if (!r) return null;
    // Without the white space at either end.
    const body = this.record.article.body;
    let { start, end } = r;
    while (start < end && /\s/u.test(body[start])) start++;
    while (end > start && /\s/u.test(body[end - 1])) end--;
    return end > start ? { start, end } : null;
  }

  /** The screen rectangle of the current selection (for the toolbar), or null. */
  selectionRect() {
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0) return null;
    const rects = selection.getRangeAt(0).getClientRects();
    return rects.length ? rects[0] : selection.getRangeAt(0).getBoundingClientRect();
  }

  /** The body range of a sentence element. */
  static sentenceRange(el) {
    const start = Number(el?.dataset?.start);
    const end = Number(el?.dataset?.end);
    return Number.isInteger(start) && Number.isInteger(end) && end > start ? { start, end } : null;
  }

  setOriginal(original) {
    this.showingOriginal = original;
    if (original) void this.fillOriginal();
    this.toggleButton.setAttribute('aria-pressed', String(original));
    this.body.hidden = original;
    this.original.hidden = !original;
    this.originalLabel.hidden = !original;
    this.el.dataset.mode = original ? 'original' : 'cleaned';
  }

  focusTitle() {
    this.title.focus({ preventScroll: true });
  }

  /** Moves focus to the next (+1) or previous (-1) sentence, or the first one. */
  moveSentence(delta) {
    if (this.showingOriginal) return false;
    const sentences = [...this.body.querySelectorAll('.sentence')];
    if (!sentences.length) return false;
    const current = sentences.indexOf(document.activeElement);
    let next;
    if (current < 0) next = delta > 0 ? firstVisible(sentences) : lastVisible(sentences);
    else next = Math.min(sentences.length - 1, Math.max(0, current + delta));
    sentences[next].focus({ preventScroll: true });
    sentences[next].scrollIntoView({ block: 'nearest' });
    return true;
  }

  handleBodyKey(e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.target.classList?.contains('sentence') && (e.key === 'Home' || e.key === 'End')) {
      const all = this.body.querySelectorAll('.sentence');
      const target = e.key === 'Home' ? all[0] : all[all.length - 1];
      target?.focus();
      e.preventDefault();
    }
  }
}

function prefersDark() {
  try {
    return window.matchMedia('(prefers-color-scheme: dark)').matches;
  } catch {
    return false;
  }
}

function firstVisible(elements) {
  const i = elements.findIndex((el) => el.getBoundingClientRect().bottom > 0);
  return i < 0 ? 0 : i;
}

function lastVisible(elements) {
  const height = window.innerHeight;
  for (let i = elements.length - 1; i >= 0; i--)
    if (elements[i].getBoundingClientRect().top < height) return i;
  return elements.length - 1;
}
