// The import progress bar: file k of n, bytes, records.
import { h } from './dom.js';
import { formatBytes, formatCount, plural } from '../format.js';

export class ProgressView {
  constructor() {
    this.label = h('p', { class: 'progress-label', id: 'progress-label', 'data-testid': 'progress-label' });
    this.detail = h('p', { class: 'progress-detail', 'data-testid': 'progress-detail' });
    this.bar = h('progress', {
      class: 'progress-bar', 'data-testid': 'progress-bar', max: '1', value: '0', 'aria-labelledby': 'progress-label',
    });
    this.el = h('div', {
      id: 'progress', class: 'progress', 'data-testid': 'progress', role: 'region', hidden: true,
      'aria-label': 'Import progress',
    }, this.label, this.bar, this.detail);
  }

  /** @param {import('../importer.js').ImportProgress} p */
  update(p) {
    if (p.done) {
      this.el.hidden = true;
      this.el.dataset.state = 'done';
      return;
    }
    this.el.hidden = false;
    this.el.dataset.state = 'running';
    this.label.textContent = p.fileCount > 1
      ? `Importing file ${formatCount(p.fileIndex + 1)} of ${formatCount(p.fileCount)}: ${p.fileName}`
      : `Importing ${p.fileName}`;
    this.bar.max = Math.max(1, p.bytesTotal);
    this.bar.value = Math.min(p.bytesDone, p.bytesTotal);
    this.detail.textContent = `${formatBytes(p.bytesDone)} of ${formatBytes(p.bytesTotal)} · ${plural(p.records, 'article')} read`;
  }
}
