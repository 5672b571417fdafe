// The reader's entity legend: one toggle per type (its colour, its name, how many mentions), which
// shows or hides that type's marks (kept in localStorage), and the button that opens the panel.
import { h, replaceChildren } from '../shell/dom.js';
import { ENTITY_TYPES } from './entity-model.js';

const HIDDEN_KEY = 'lectern.entityTypesHidden';

/** The types the user hid, as stored (none when storage is unavailable). */
export function loadHiddenTypes(storage = globalThis.localStorage) {
  try {
    const v = JSON.parse(storage?.getItem(HIDDEN_KEY) ?? '[]');
    return new Set(Array.isArray(v) ? v.filter((t) => ENTITY_TYPES.some((x) => x.type === t)) : []);
  } catch {
    return new Set();
  }
}

function saveHiddenTypes(hidden, storage = globalThis.localStorage) {
  try {
    storage?.setItem(HIDDEN_KEY, JSON.stringify([...hidden]));
  } catch {
    /* private mode: the choice lasts for this page */
  }
}

export class EntityLegend {
  /**
   * @param {{toggled(hidden: Set<string>): void, togglePanel(): void}} on
   */
  constructor(on) {
    this.on = on;
    this.hidden = loadHiddenTypes();
    this.buttons = new Map();
    this.panelButton = h(
      'button',
      {
        type: 'button',
        class: 'entity-panel-button',
        'data-testid': 'entity-panel-toggle',
        'aria-expanded': 'false',
        'aria-controls': 'entity-panel',
        onclick: () => on.togglePanel(),
      },
      'List',
    );
    this.el = h('div', {
      class: 'entity-legend',
      role: 'group',
      'aria-label': 'Entities: show or hide each type',
      'data-testid': 'entity-legend',
      hidden: true,
    });
  }

  /**
   * @param {Map<string, number>} counts  mentions per type
   * @param {boolean} panelOpen
   */
  render(counts, panelOpen) {
    const items = [h('span', { class: 'entity-legend-label' }, 'Entities')];
    for (const { type, label } of ENTITY_TYPES) {
      const n = counts.get(type) ?? 0;
      const shown = !this.hidden.has(type);
      const button = h(
        'button',
        {
          type: 'button',
          class: 'entity-toggle',
          'data-testid': 'entity-toggle',
          'data-type': type,
          'aria-pressed': String(shown),
          title: `${shown ? 'Hide' : 'Show'} the marks of ${label.toLowerCase()}`,
          onclick: () => this.toggle(type),
        },
        h('span', { class: 'entity-swatch', 'data-type': type, 'aria-hidden': 'true' }),
        label,
        h('span', { class: 'entity-count' }, String(n)),
      );
      this.buttons.set(type, button);
      items.push(button);
    }
    this.panelButton.setAttribute('aria-expanded', String(panelOpen));
    items.push(this.panelButton);
    replaceChildren(this.el, items);
    this.el.hidden = false;
  }

  toggle(type) {
    if (this.hidden.has(type)) this.hidden.delete(type);
    else this.hidden.add(type);
    saveHiddenTypes(this.hidden);
    const button = this.buttons.get(type);
    button?.setAttribute('aria-pressed', String(!this.hidden.has(type)));
    this.on.toggled(this.hidden);
  }
}
