// The top bar: the brand, and the buttons to import, paste, see the annotations and the shortcuts.
import { h, icon, ICONS } from './dom.js';

/**
 * @param {{chooseFiles: () => void, paste: () => void, showAnnotations: () => void, shortcuts: () => void,
 *   fileInput: HTMLInputElement}} actions  fileInput: the hidden <input type=file> the import button opens
 * @returns {{header: HTMLElement, annotationsButton: HTMLElement, annotationCount: HTMLElement}}
 *   annotationCount: the badge on the Annotations button
 */
export function buildTopbar(actions) {
  let annotationsButton;
  let annotationCount;
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
  return { header, annotationsButton, annotationCount };
}
