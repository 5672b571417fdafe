// The reader view: one article, typeset for reading, with its sentences as focusable spans, and a
// toggle to the original text.
import { h, icon, ICONS, replaceChildren } from './dom.js';
import { displayTitle, formatDate, formatCount, plural } from '../format.js';
import { layoutBody } from '../segments.js';

export class ReaderView {
  /** @param {object} on  callbacks: back(), next(), previous(), toggleOriginal(), remove(id) */
  constructor(on) {
    this.on = on;
    this.record = null;
    this.showingOriginal = false;

    this.position = h('span', { class: 'reader-position', 'data-testid': 'reader-position', 'aria-live': 'polite' });
    this.prevButton = h('button', {
      type: 'button', class: 'button quiet', 'data-testid': 'previous-article', onclick: () => on.previous(),
      title: 'Previous article (k)',
    }, icon(ICONS.up), 'Previous');
    this.nextButton = h('button', {
      type: 'button', class: 'button quiet', 'data-testid': 'next-article', onclick: () => on.next(),
      title: 'Next article (j)',
    }, icon(ICONS.down), 'Next');
    this.toggleButton = h('button', {
      type: 'button', class: 'button toggle', 'data-testid': 'toggle-original', 'aria-pressed': 'false',
      onclick: () => on.toggleOriginal(), title: 'Switch between the cleaned and the original text (o)',
    }, icon(ICONS.file), 'Original text');
    this.removeButton = h('button', {
      type: 'button', class: 'button quiet danger', 'data-testid': 'reader-remove', title: 'Remove this article',
      onclick: () => this.record && on.remove(this.record.id),
    }, icon(ICONS.trash), 'Remove');

    this.kicker = h('p', { class: 'kicker', 'data-testid': 'reader-meta' });
    this.title = h('h1', { id: 'reader-title', class: 'article-title', 'data-testid': 'reader-title', tabindex: '-1' });
    this.dateline = h('p', { class: 'dateline', 'data-testid': 'reader-dateline' });
    this.provenance = h('p', { class: 'provenance', 'data-testid': 'reader-provenance' });
    this.body = h('div', {
      class: 'article-body', 'data-testid': 'reader-body',
      onkeydown: (e) => this.handleBodyKey(e),
    });
    this.originalLabel = h('p', { class: 'original-label', hidden: true },
      'Original text, as read from the file, before cleaning:');
    this.original = h('pre', { class: 'original', 'data-testid': 'reader-original', hidden: true, tabindex: '0' });

    this.el = h('article', {
      id: 'reader', class: 'view reader', 'data-testid': 'reader', hidden: true, 'aria-labelledby': 'reader-title',
    },
    h('nav', { class: 'reader-toolbar', 'aria-label': 'Article' },
      h('button', {
        type: 'button', class: 'button quiet', 'data-testid': 'back-to-library', onclick: () => on.back(),
        title: 'Back to the library (Esc)',
      }, icon(ICONS.back), 'Library'),
      this.position,
      h('span', { class: 'toolbar-spacer' }),
      this.prevButton, this.nextButton, this.toggleButton, this.removeButton),
    h('div', { class: 'page' },
      h('header', { class: 'article-head' }, this.kicker, this.title, this.dateline, this.provenance),
      this.body,
      this.originalLabel,
      this.original));
  }

  /**
   * @param {import('../records.js').LibraryRecord} record
   * @param {{index: number, total: number, original: boolean}} where
   */
  show(record, { index, total, original }) {
    const changed = record !== this.record;
    this.record = record;
    const a = record.article;
    this.position.textContent = index >= 0 ? `Article ${formatCount(index + 1)} of ${formatCount(total)}` : '';
    this.prevButton.disabled = index <= 0;
    this.nextButton.disabled = index < 0 || index >= total - 1;

    if (changed) {
      const t = displayTitle(a);
      this.title.textContent = a.title ? t.text : 'Untitled article';
      this.title.classList.toggle('untitled', !a.title);
      const kicker = [];
      if (a.source) kicker.push(h('span', { class: 'outlet', 'data-testid': 'reader-outlet' }, a.source));
      if (a.date) kicker.push(h('time', { datetime: a.date, 'data-testid': 'reader-date' }, formatDate(a.date)));
      replaceChildren(this.kicker, kicker.flatMap((x, i) => (i ? [h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '), x] : [x])));
      this.kicker.hidden = kicker.length === 0;
      this.dateline.textContent = a.dateline;
      // The dateline normally opens the body too; show it apart only when it does not.
      this.dateline.hidden = !a.dateline || a.body.startsWith(a.dateline);
      const provenance = [`${plural(record.words, 'word')}`, `from ${record.fileName || 'an unknown file'}`];
      if (record.importedAt) provenance.push(`imported ${new Date(record.importedAt).toLocaleString()}`);
      replaceChildren(this.provenance, provenance.join(' · '));
      const url = safeUrl(a.url);
      if (url) {
        this.provenance.append(' · ', h('a', { href: url, rel: 'noopener noreferrer', target: '_blank', class: 'source-link' }, 'source'));
      } else if (a.url) {
        this.provenance.append(' · ', a.url);
      }
      this.renderBody(a);
      this.original.textContent = a.original || '(The original text was not kept for this article.)';
    }
    this.setOriginal(original);
  }

  renderBody(a) {
    const plan = layoutBody(a);
    const fragment = document.createDocumentFragment();
    for (const paragraph of plan) {
      const p = h('p', {});
      for (const piece of paragraph.pieces) {
        if (piece.kind === 'sentence') {
          p.append(h('span', { class: 'sentence', tabindex: '0', 'data-testid': 'sentence', 'data-index': piece.index }, piece.text));
        } else {
          p.append(document.createTextNode(piece.text));
        }
      }
      fragment.append(p);
    }
    if (!plan.length) fragment.append(h('p', { class: 'muted' }, 'This article has no text.'));
    replaceChildren(this.body, fragment);
  }

  setOriginal(original) {
    this.showingOriginal = original;
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

function firstVisible(elements) {
  const i = elements.findIndex((el) => el.getBoundingClientRect().bottom > 0);
  return i < 0 ? 0 : i;
}

function lastVisible(elements) {
  const height = window.innerHeight;
  for (let i = elements.length - 1; i >= 0; i--) if (elements[i].getBoundingClientRect().top < height) return i;
  return elements.length - 1;
}

/** The URL if it is http(s), for a link; else null (so javascript: and the like never become links). */
export function safeUrl(url) {
  try {
    const u = new URL(String(url || ''));
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
