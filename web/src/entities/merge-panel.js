// "Merge into…" for one row of the entity index: a search over the other entities of its type, a
// list to choose one from, and Merge / Cancel. What a merge does is the caller's (merge(intoId)).
import { h } from '../shell/dom.js';
import { plural } from '../shell/format.js';
import { mergeCandidates } from './index-table.js';

/** How many candidates the list shows at once (search narrows it). */
const SHOWN = 50;

export class MergePanel {
  /**
   * @param {import('./index-table.js').IndexedEntity} entry  the entity to merge away
   * @param {import('./index-table.js').IndexedEntity[]} entries  the whole index
   * @param {{merge: (intoId: string) => Promise<void>, close: () => void}} on
   */
  constructor(entry, entries, on) {
    this.entry = entry;
    this.entries = entries;
    this.on = on;
    const idBase = `merge-${Math.random().toString(36).slice(2, 8)}`;
    this.search = h('input', {
      type: 'search',
      class: 'text-input search-input',
      id: `${idBase}-search`,
      'data-testid': 'entity-merge-search',
      placeholder: 'Search…',
      autocomplete: 'off',
      oninput: () => this.fill(),
      onkeydown: (e) => {
        if (e.key === 'ArrowDown' && this.list.options.length) {
          e.preventDefault();
          this.list.focus();
        }
      },
    });
    this.list = h('select', {
      class: 'select merge-list',
      size: '6',
      'data-testid': 'entity-merge-into',
      'aria-label': `Entity to merge “${entry.name}” into`,
      onchange: () => this.updateButton(),
      ondblclick: () => this.submit(),
    });
    this.confirm = h(
      'button',
      {
        type: 'submit',
        class: 'button primary small',
        'data-testid': 'entity-merge-confirm',
        disabled: true,
      },
      'Merge',
    );
    this.status = h('p', {
      class: 'merge-status small',
      role: 'status',
      'data-testid': 'entity-merge-status',
    });
    this.el = h(
      'form',
      {
        class: 'merge-panel',
        'data-testid': 'entity-merge-panel',
        onsubmit: (e) => {
          e.preventDefault();
          this.submit();
        },
        onkeydown: (e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            on.close();
          }
        },
      },
      h(
        'label',
        { class: 'merge-label', for: `${idBase}-search` },
        'Merge ',
        h('strong', {}, `“${entry.name}”`),
        ` (${plural(entry.articles.length, 'article')}) into another ${entry.type === 'DATE' ? 'date' : 'entity'} of its type:`,
      ),
      h('div', { class: 'merge-fields' }, this.search, this.list),
      h(
        'div',
        { class: 'merge-actions' },
        this.confirm,
        h(
          'button',
          {
            type: 'button',
            class: 'button quiet small',
            'data-testid': 'entity-merge-cancel',
            onclick: () => on.close(),
          },
          'Cancel',
        ),
        this.status,
      ),
    );
    this.fill();
  }

  /** Lists the candidates the search finds. */
  fill() {
    const chosen = this.list.value;
    const candidates = mergeCandidates(this.entries, this.entry, this.search.value, SHOWN);
    this.list.replaceChildren(
      ...candidates.map((e) =>
        h(
          'option',
          { value: e.entity },
          `${e.name} — ${plural(e.articles.length, 'article')}, ${plural(e.mentions, 'mention')}`,
        ),
      ),
    );
    if (candidates.some((e) => e.entity === chosen)) this.list.value = chosen;
    else if (candidates.length === 1) this.list.value = candidates[0].entity;
    if (!candidates.length) this.status.textContent = 'No other entity of this type matches.';
    else if (this.status.textContent.startsWith('No other')) this.status.textContent = '';
    this.updateButton();
  }

  updateButton() {
    this.confirm.disabled = !this.list.value || this.busy;
  }

  async submit() {
    const into = this.list.value;
    if (!into || this.busy) return;
    this.busy = true;
    this.updateButton();
    this.status.textContent = 'Merging…';
    try {
      await this.on.merge(into);
      this.status.textContent = 'Merged.';
    } catch (error) {
      this.status.textContent = `The entities could not be merged: ${error?.message || error}.`;
    } finally {
      this.busy = false;
      this.updateButton();
    }
  }

  focus() {
    this.search.focus();
  }
}
