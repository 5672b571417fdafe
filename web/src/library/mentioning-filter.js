// The library's "Mentioning…" filter: a field that suggests entities of the collection's index as
// you type (a <datalist>: the browser's own suggestion list, keyboard and screen reader included),
// and, once one is chosen, a chip "Mentioning: Vladimir Putin (2) ×" that clears it. Which rows
// it keeps is the app's (app.js renderLibrary).
import { h, icon, ICONS } from '../shell/dom.js';
import { plural } from '../shell/format.js';
import { typeName } from '../entities/entity-model.js';

/** Suggestions offered at once (the datalist of a 10,000-entity index would be slow to build). */
const SUGGESTIONS = 20;

/**
 * @typedef {object} MentioningDeps
 * @property {(query: string) => import('../core/lectern-core.js').IndexedEntity[]} suggest  the
 *   entries matching a query, best first (from the last index)
 * @property {() => Promise<unknown>} load  makes sure the index is known
 * @property {(text: string) => void} choose  the user chose the entity typed or picked (by name)
 * @property {() => void} clear
 */

export class MentioningFilter {
  /** @param {MentioningDeps} on */
  constructor(on) {
    this.on = on;
    this.list = h('datalist', { id: 'mentioning-suggestions' });
    this.input = h('input', {
      type: 'search',
      class: 'text-input search-input',
      list: 'mentioning-suggestions',
      'data-testid': 'library-mentioning',
      'aria-label': 'Show only the articles mentioning a person, organisation, place or date',
      placeholder: 'Mentioning…',
      autocomplete: 'off',
      onfocus: () => {
        on.load().then(
          () => this.suggest(),
          () => {},
        );
      },
      oninput: (e) => {
        // Picking a suggestion fires input with the whole name (no inputType in Chromium, or
        // "insertReplacementText"): that is a choice; typing only narrows the suggestions.
        const picked = !e.inputType || e.inputType === 'insertReplacementText';
        if (picked && this.isSuggested(this.input.value)) this.submit();
        else this.suggest();
      },
      onkeydown: (e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          this.submit();
        }
      },
    });
    this.chipText = h('span', { class: 'mentioning-text' });
    this.chip = h(
      'span',
      { class: 'mentioning-chip', 'data-testid': 'mentioning-chip', hidden: true },
      this.chipText,
      h(
        'button',
        {
          type: 'button',
          class: 'icon-button',
          'data-testid': 'mentioning-clear',
          'aria-label': 'Clear the filter: show every article',
          title: 'Show every article',
          onclick: () => on.clear(),
        },
        icon(ICONS.close),
      ),
    );
    this.el = h(
      'div',
      { class: 'mentioning-filter', role: 'search' },
      h('span', { class: 'search-wrap' }, icon(ICONS.search), this.input),
      this.list,
      this.chip,
    );
  }

  suggest() {
    const entries = this.on.suggest(this.input.value).slice(0, SUGGESTIONS);
    this.list.replaceChildren(
      ...entries.map((e) =>
        h('option', {
          value: e.name,
          label: `${typeName(e.type)} · ${plural(e.articles.length, 'article')}`,
        }),
      ),
    );
  }

  isSuggested(text) {
    return [...this.list.options].some((o) => o.value === text);
  }

  submit() {
    const text = this.input.value.trim();
    if (!text) return;
    this.on.choose(text);
  }

  /**
   * Shows the filter in force (or none).
   * @param {{name: string, count: number|null}|null} filter  count: null while it is not known yet
   */
  show(filter) {
    this.chip.hidden = !filter;
    if (!filter) {
      this.chipText.textContent = '';
      return;
    }
    this.input.value = '';
    this.chipText.textContent = `Mentioning: ${filter.name} (${filter.count ?? '…'})`;
    this.chip.title =
      filter.count == null
        ? 'Finding the articles…'
        : `${plural(filter.count, 'article')} of the library mention ${filter.name}`;
  }
}
