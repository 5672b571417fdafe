// Drag and drop anywhere on the page: an overlay shows where files will go; dropped folders are
// read recursively; dropped text (a selection dragged from another window) becomes an article.
import { h, icon, ICONS } from '../shell/dom.js';

export class DropZone {
  /**
   * @param {{files: (inputs: {file?: File, name: string, isDirectory?: boolean}[]) => void,
   *          text: (text: string) => void, enabled: () => boolean}} on
   */
  constructor(on) {
    this.on = on;
    this.depth = 0;
    this.el = h(
      'div',
      { class: 'drop-overlay', 'data-testid': 'dropzone', hidden: true, 'aria-hidden': 'true' },
      h(
        'div',
        { class: 'drop-overlay-box' },
        icon(ICONS.upload),
        h('p', {}, 'Drop to import'),
        h('p', { class: 'hint' }, '.txt, .html, .json and .jsonl files, or folders of them'),
      ),
    );
  }

  install(target = window) {
    const carries = (e) => {
      const types = [...(e.dataTransfer?.types || [])];
      return types.includes('Files') || types.includes('text/plain');
    };
    target.addEventListener('dragenter', (e) => {
      if (!carries(e) || !this.on.enabled()) return;
      e.preventDefault();
      this.depth++;
      this.el.hidden = false;
    });
    target.addEventListener('dragover', (e) => {
      if (!carries(e) || !this.on.enabled()) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      this.el.hidden = false;
    });
    target.addEventListener('dragleave', (e) => {
      if (!carries(e)) return;
      this.depth = Math.max(0, this.depth - 1);
      if (this.depth === 0 || e.relatedTarget === null) this.hide();
    });
    target.addEventListener('drop', (e) => {
      if (!carries(e)) return;
      e.preventDefault(); // never let the browser navigate to a dropped file
      this.hide();
      if (!this.on.enabled()) return;
      this.handleDrop(e.dataTransfer);
    });
    // Leaving the window or pressing Escape during a drag.
    target.addEventListener('dragend', () => this.hide());
  }

  hide() {
    this.depth = 0;
    this.el.hidden = true;
  }

  async handleDrop(dt) {
    const entries = [...(dt.items || [])]
      .filter((item) => item.kind === 'file')
      .map((item) => (typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null));
    if (dt.files && dt.files.length) {
      if (entries.length === dt.files.length && entries.every(Boolean)) {
        const files = [];
        for (const entry of entries) files.push(...(await collectEntry(entry)));
        this.on.files(files);
      } else {
        this.on.files([...dt.files].map((file) => ({ file, name: file.name })));
      }
      return;
    }
    const text = dt.getData('text/plain');
    if (text && text.trim()) this.on.text(text);
  }
}

/** Files under a dropped entry (a folder is read recursively; paths name the files). */
async function collectEntry(entry, prefix = '') {
  if (entry.isFile) {
    try {
      const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
      return [{ file, name: prefix ? `${prefix}${file.name}` : file.name }];
    } catch (error) {
      return [{ name: `${prefix}${entry.name}`, error }];
    }
  }
  if (entry.isDirectory) {
    const reader = entry.createReader();
    const children = [];
    for (;;) {
      const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject)).catch(
        () => [],
      );
      if (!batch.length) break;
      children.push(...batch);
    }
    children.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
    const out = [];
    for (const child of children) {
      if (child.name.startsWith('.')) continue; // .DS_Store and friends
      out.push(...(await collectEntry(child, `${prefix}${entry.name}/`)));
    }
    if (!out.length) return [{ name: `${prefix}${entry.name}/`, isDirectory: true, empty: true }];
    return out;
  }
  return [];
}
