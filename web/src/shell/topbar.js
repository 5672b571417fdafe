// The top bar: the brand, and the buttons to import, paste, see the annotations, the entity index
// and the shortcuts.
import { h, icon, ICONS } from './dom.js';

/**
 * @param {{chooseFiles: () => void, paste: () => void, showAnnotations: () => void,
 *   showEntities: () => void, shortcuts: () => void, fileInput: HTMLInputElement}} actions
 *   fileInput: the hidden <input type=file> the import button opens
 * @returns {{header: HTMLElement, annotationsButton: HTMLElement, annotationCount: HTMLElement,
 *   entitiesButton: HTMLElement}} annotationCount: the badge on the Annotations button
 */
export function buildTopbar(actions) {
  let annotationsButton;
  let annotationCount;
  let entitiesButton;
  const header = h(
    'header',
    { class: 'topbar' },
    h(
      'div',
      { class: 'topbar-inner' },
      h('a', { class: 'skip-link', href: '#main' }, 'Skip to content'),
      h(
        'div',
        { class: 'brand' },
        h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'L'),
        h('span', { class: 'brand-name' }, 'Lectern'),
        h('span', { class: 'brand-tagline wide-only' }, 'a reader for news collections'),
      ),
      h(
        'div',
        { class: 'topbar-actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'button primary',
            'data-testid': 'import-button',
            onclick: actions.chooseFiles,
          },
          icon(ICONS.upload),
          'Import files…',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'button',
            'data-testid': 'paste-button',
            onclick: actions.paste,
          },
          icon(ICONS.paste),
          'Paste text…',
        ),
        (annotationsButton = h(
          'button',
          {
            type: 'button',
            class: 'button',
            'data-testid': 'annotations-button',
            onclick: actions.showAnnotations,
            title: 'Every annotation in the collection: search, filters, import and export',
            'aria-label': 'Annotations',
          },
          icon(ICONS.note),
          h('span', { class: 'wide-only' }, 'Annotations'),
          (annotationCount = h('span', { class: 'count-badge', 'data-testid': 'annotation-count' }, '0')),
        )),
        (entitiesButton = h(
          'button',
          {
            type: 'button',
            class: 'button',
            'data-testid': 'entities-button',
            onclick: actions.showEntities,
            title: 'Who and what the collection mentions: people, organisations, places, dates',
            'aria-label': 'Entities',
          },
          icon(ENTITIES_ICON),
          h('span', { class: 'wide-only' }, 'Entities'),
        )),
        h(
          'button',
          {
            type: 'button',
            class: 'button quiet',
            'data-testid': 'shortcuts-button',
            'aria-label': 'Keyboard shortcuts',
            title: 'Keyboard shortcuts (?)',
            onclick: actions.shortcuts,
          },
          icon(ICONS.keyboard),
          h('span', { class: 'wide-only' }, 'Shortcuts'),
        ),
        actions.fileInput,
      ),
    ),
  );
  return { header, annotationsButton, annotationCount, entitiesButton };
}

/** Two people and a pin: who and where. */
const ENTITIES_ICON = [
  'M8.5 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6z',
  'M3 19.5c.6-3.2 2.8-5 5.5-5s4.9 1.8 5.5 5',
  'M17.5 13.5s3.5-3.1 3.5-6a3.5 3.5 0 0 0-7 0c0 2.9 3.5 6 3.5 6z',
  'M17.5 8h.01',
];
