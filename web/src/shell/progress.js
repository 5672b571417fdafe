// The progress bar: an import's (file k of n, bytes, records; busy while a big file is being read),
// or another long task's (task(): finding the versions of each story). data-task says whose.
import { h } from './dom.js';
import { formatBytes, formatCount, plural } from './format.js';

export class ProgressView {
  constructor() {
    this.label = h('p', { class: 'progress-label', id: 'progress-label', 'data-testid': 'progress-label' });
    this.detail = h('p', { class: 'progress-detail', 'data-testid': 'progress-detail' });
    this.bar = h('progress', {
      class: 'progress-bar',
      'data-testid': 'progress-bar',
      max: '1',
      value: '0',
      'aria-labelledby': 'progress-label',
    });
    this.el = h(
      'div',
      {
        id: 'progress',
        class: 'progress',
        'data-testid': 'progress',
        role: 'region',
        hidden: true,
        'aria-label': 'Import progress',
      },
      this.label,
      this.bar,
      this.detail,
    );
  }

  /**
   * Another task's progress (the bar is the import's whenever an import runs).
   * @param {{task: string, label: string, done: number, total: number, detail?: string}} p
   */
  task({ task, label, done, total, detail = '' }) {
    this.el.hidden = false;
    this.el.dataset.state = 'running';
    this.el.dataset.task = task;
    this.el.dataset.waiting = 'false';
    this.el.setAttribute('aria-label', label);
    this.label.textContent = label;
    this.bar.max = Math.max(1, total);
    this.bar.value = Math.min(done, total);
    this.detail.textContent = detail;
  }

  /** Hides the bar if it shows `task`. */
  endTask(task) {
    if (this.el.dataset.task === task) this.update({ done: true });
  }

  /** @param {Partial<import('../import/importer.js').ImportProgress>} p  {done: true} hides the bar */
  update(p) {
    if (p.done) {
      this.el.hidden = true;
      this.el.dataset.state = 'done';
      delete this.el.dataset.task;
      return;
    }
    this.el.hidden = false;
    this.el.dataset.task = 'import';
    this.el.setAttribute('aria-label', 'Import progress');
    this.el.dataset.state = 'running';
    this.label.textContent =
      p.fileCount > 1
        ? `Importing file ${formatCount(p.fileIndex + 1)} of ${formatCount(p.fileCount)}: ${p.fileName}`
        : `Importing ${p.fileName}`;
    this.bar.max = Math.max(1, p.bytesTotal);
    // Busy (indeterminate) while a big file is read and nothing of it has come back yet.
    if (p.waiting) this.bar.removeAttribute('value');
    else this.bar.value = Math.min(p.bytesDone, p.bytesTotal);
    this.el.dataset.waiting = p.waiting ? 'true' : 'false';
    this.detail.textContent = p.waiting
      ? `Reading ${formatBytes(p.fileBytes)}…${p.fileCount > 1 ? ` (${formatBytes(p.bytesDone)} of ${formatBytes(p.bytesTotal)} done)` : ''}`
      : `${formatBytes(p.bytesDone)} of ${formatBytes(p.bytesTotal)} · ${plural(p.records, 'article')} read`;
  }
}
