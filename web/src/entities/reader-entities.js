// Entities in the reader: the article's mentions marked in the body by type (under the user's
// highlights), the legend with a toggle per type, the panel of the article's entities (each jumps
// through its mentions), a tooltip on focus (hover shows the same as a title), and the card that
// corrects a mention or marks selected text as an entity.
import { h } from '../shell/dom.js';
import { plural } from '../shell/format.js';
import { EntityLegend } from './entity-legend.js';
import { EntityPanel } from './entity-panel.js';
import { MentionCard } from './mention-card.js';
import { mentionLabel, othersOfType, panelGroups, typeName } from './entity-model.js';

const PANEL_KEY = 'lectern.entityPanelOpen';

export class ReaderEntities {
  /**
   * @param {object} o
   * @param {import('../reader/reader-view.js').ReaderView} o.reader
   * @param {import('./entity-controller.js').EntityController} o.entities
   * @param {() => object|null} o.currentRecord  the article in the reader (a library record), or null
   * @param {import('../shell/messages.js').MessageList} o.messages
   */
  constructor({ reader, entities, currentRecord, messages }) {
    this.reader = reader;
    this.entities = entities;
    this.currentRecord = currentRecord;
    this.messages = messages;
    /** @type {import('./entity-model.js').ShownMention[]} */
    this.mentions = [];
    this.shownFor = null;
    this.jumps = new Map(); // entity id → index of the mention last jumped to
    this.legend = new EntityLegend({
      toggled: (hidden) => this.applyHidden(hidden),
      togglePanel: () => this.setPanelOpen(!this.panel.open),
    });
    this.panel = new EntityPanel({ jump: (e) => this.jump(e) });
    this.card = new MentionCard({ correct: (c) => this.correct(c) });
    this.tooltip = h('div', {
      class: 'entity-tooltip',
      role: 'tooltip',
      'data-testid': 'entity-tooltip',
      hidden: true,
    });
    this.pending = null; // the selection being marked: {record, start, end}
    this.target = null; // the mention the card is about
    reader.entitySlot.append(this.legend.el, this.panel.el);
    this.panel.setOpen(storedFlag(PANEL_KEY));
    this.applyHidden(this.legend.hidden);
    const body = reader.body;
    body.addEventListener('click', (e) => {
      const el = /** @type {HTMLElement|null} */ (/** @type {Element} */ (e.target).closest?.('.ent'));
      if (
        !el ||
        /** @type {Element} */ (e.target).closest('mark.hl') ||
        !document.getSelection()?.isCollapsed
      )
        return;
      this.openCard(el);
    });
    body.addEventListener('focusin', (e) => {
      const el = /** @type {Element} */ (e.target);
      if (el.classList?.contains('ent')) this.showTooltip(/** @type {HTMLElement} */ (el));
    });
    body.addEventListener('focusout', () => {
      this.tooltip.hidden = true;
    });
    document.addEventListener('pointerdown', (e) => {
      if (this.card.shown && !this.card.el.contains(/** @type {Node} */ (e.target)))
        this.card.close({ restore: false });
    });
  }

  /** Elements positioned over the page (put at the end of the document). */
  get floating() {
    return [this.card.el, this.tooltip];
  }

  /** The reader shows `record` (or something changed): marks, legend and panel catch up. */
  async refresh() {
    const record = this.currentRecord();
    if (!record) return;
    if (record !== this.shownFor) {
      this.shownFor = record;
      this.jumps.clear();
      this.card.close({ restore: false });
    }
    let mentions;
    try {
      mentions = await this.entities.shown(record);
    } catch (error) {
      console.warn('entities not shown', error);
      return;
    }
    if (this.currentRecord() !== record) return;
    this.mentions = mentions;
    this.draw();
    // The index names each entity and counts its articles; it may take a moment on a big collection.
    this.entities.index().then(
      () => {
        if (this.currentRecord() !== record) return;
        this.mentions = this.mentions.map((m) => ({ ...m, id: this.entities.canonical(m.id) }));
        this.draw();
      },
      (error) => console.warn('entity index not built', error),
    );
  }

  draw() {
    const entryOf = (id) => this.entities.entryOf(id);
    this.reader.setEntities(this.mentions.map((m) => ({ ...m, label: mentionLabel(m, entryOf(m.id)) })));
    const counts = new Map();
    for (const m of this.mentions) counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
    this.legend.render(counts, this.panel.open);
    this.panel.render(panelGroups(this.mentions, entryOf));
  }

  applyHidden(hidden) {
    for (const t of ['PER', 'ORG', 'LOC', 'DATE'])
      this.reader.body.classList.toggle(`hide-${t}`, hidden.has(t));
  }

  setPanelOpen(open) {
    this.panel.setOpen(open);
    setStoredFlag(PANEL_KEY, open);
    this.legend.panelButton.setAttribute('aria-expanded', String(open));
  }

  /** Focuses the entity's next mention (after the one jumped to last), and says which it is. */
  jump(entity) {
    const n = entity.mentions.length;
    const k = ((this.jumps.get(entity.id) ?? -1) + 1) % n;
    this.jumps.set(entity.id, k);
    const at = entity.mentions[k].start;
    const index = this.mentions.findIndex((m) => m.start === at);
    const el = /** @type {HTMLElement|null} */ (
      this.reader.body.querySelector(`.ent[data-mention="${index}"]`)
    );
    if (!el) return;
    if (this.reader.showingOriginal) this.reader.on.toggleOriginal();
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'center', behavior: 'auto' });
    this.reader.announce(`${entity.name}: mention ${k + 1} of ${n}.`);
  }

  showTooltip(el) {
    this.tooltip.textContent = el.title;
    this.tooltip.hidden = false;
    const r = el.getBoundingClientRect();
    this.tooltip.style.setProperty('left', `${Math.round(r.left + window.scrollX)}px`);
    this.tooltip.style.setProperty('top', `${Math.round(r.bottom + 4 + window.scrollY)}px`);
  }

  openCard(el) {
    const record = this.currentRecord();
    const mention = this.mentions[Number(el.dataset.mention)];
    if (!record || !mention) return;
    const entry = this.entities.entryOf(mention.id);
    const sameType = othersOfType(this.entities.lastIndex, mention.type, mention.id).map((e) => ({
      entity: e.entity,
      name: e.name,
    }));
    // "Not the same here" means something when the entity is in other articles or written otherwise.
    const forms = new Set(this.mentions.filter((m) => m.id === mention.id).map((m) => m.text.toLowerCase()));
    const shared = (entry?.articles.length ?? 1) > 1 || forms.size > 1;
    const splitAs = shared
      ? `${mention.type}:${mention.text.toLowerCase()} (${record.article.source || record.id})`
      : null;
    this.target = { record, start: mention.start, end: mention.end };
    this.tooltip.hidden = true;
    this.card.openForMention(el, { mention, label: mentionLabel(mention, entry), sameType, splitAs });
  }

  /**
   * Asks which type of entity the selected text is (the selection toolbar's "Entity…").
   * @param {{record: object, start: number, end: number}} range  UTF-16 offsets
   * @param {DOMRect} rect
   */
  markSelection(range, rect) {
    this.target = range;
    this.card.openForSelection(rect, range.record.article.body.slice(range.start, range.end));
  }

  async correct(correction) {
    const t = this.target;
    this.target = null;
    if (!t) return;
    // The text chosen is unselected now, not once the correction is saved: by then the person
    // may have selected the next passage (WebKit saves slowly enough for that to happen).
    document.getSelection()?.removeAllRanges();
    try {
      await this.entities.correct(t.record, { start: t.start, end: t.end }, correction);
    } catch (error) {
      this.messages.show({
        kind: 'error',
        key: 'entity-correction',
        text: `The correction could not be saved: ${error?.message || error}.`,
      });
      return;
    }
    const what =
      correction.kind === 'reject'
        ? 'Marked as not an entity.'
        : correction.kind === 'classify'
          ? `Marked as ${typeName(correction.type).toLowerCase()}.`
          : 'Entity corrected.';
    this.reader.announce(`${what} ${plural(1, 'correction')} saved with your annotations.`);
  }
}

function storedFlag(key) {
  try {
    return globalThis.localStorage?.getItem(key) === 'true';
  } catch {
    return false;
  }
}

function setStoredFlag(key, on) {
  try {
    globalThis.localStorage?.setItem(key, String(on));
  } catch {
    /* the choice lasts for this page */
  }
}
