// Versions of one story: keeps the collection's stories (the core's clusters, in memory; rerun,
// debounced, after imports and removals, in the core's worker with a progress bar for big
// collections), and runs the compare view (#compare=A,B) and the variant table (#variants=ID),
// asking the core for the diffs (diffTexts). The app (app.js) routes to it and draws the library
// and the reader with what it knows.
import { focusedElement } from '../shell/dom.js';
import { Stories, sharedLabel, sharedExplanation } from './stories.js';
import { ClusterScheduler, ClusteringCancelled, clusterArticles } from './clustering.js';
import { compareModel, diffOptions, stepChange, versionLabels } from './compare-model.js';
import { chooseReference, variantTable } from './variant-table.js';
import { compareHash, parseHash, variantsHash } from '../shell/router.js';
import { rowOf } from '../library/records.js';
import { CompareView } from './compare-view.js';
import { VariantsView } from './variants-view.js';

/** Collections at least this big show a progress bar while they are grouped. */
export const PROGRESS_FROM = 500;
/** Quiet time after the last import or removal before the collection is grouped again. */
export const CLUSTER_DELAY_MS = 700;
const DIFF_CACHE = 24;

/**
 * What the stories need of the page.
 * @typedef {object} StoryDeps
 * @property {import('../library/collection.js').Collection} collection
 * @property {import('../shell/messages.js').MessageList} messages
 * @property {import('../shell/progress.js').ProgressView} progress  shows the grouping of big collections
 * @property {HTMLElement} root  #app: data-clustering while grouping, data-importing while importing
 * @property {() => import('../core/worker-client.js').WorkerReader|null} reader  the core, once started
 * @property {Promise<import('../core/worker-client.js').WorkerReader>} readerReady  settles when it is
 * @property {(id: string) => void} openArticle
 * @property {() => void} storiesChanged  the library and the reader show the new stories
 * @property {() => void} route  shows what the URL hash names
 * @property {() => void} showLibrary
 */

export class StoryController {
  /** @param {StoryDeps} deps */
  constructor(deps) {
    this.deps = deps;
    this.stories = new Stories();
    this.clustered = false; // a first grouping has finished
    this.unavailable = null; // why the core cannot group stories, when it cannot
    this.diffs = new Map(); // "a\u0000b" → Promise<diff>
    this.cameFrom = null; // the hash the view was opened from, when the app pushed it
    this.shownToken = 0;
    /** @type {[string, string][]|null} the bodies the grouping under way is sending to the core */
    this.sending = null;
    // Settles once the first grouping has finished (or cannot happen): deep links wait for it.
    this.firstRun = new Promise((resolve) => {
      this.firstRunDone = resolve;
    });
    deps.readerReady.catch(() => this.firstRunDone());
    this.scheduler = new ClusterScheduler((isCancelled) => this.cluster(isCancelled), {
      delayMs: CLUSTER_DELAY_MS,
      onError: (error) => this.clusterFailed(error),
    });
    this.compareView = new CompareView({
      back: () => this.back(),
      swap: () => this.swap(),
      variants: (id) => this.openVariants(id),
      open: (id) => deps.openArticle(id),
    });
    this.variantsView = new VariantsView({
      back: () => this.back(),
      compare: (a, b) => this.openCompare(a, b),
    });
  }

  // --- Grouping ------------------------------------------------------------------------------

  /**
   * The collection changed (or the core is ready): group it again after a quiet moment. Removed
   * articles leave their stories at once.
   * @param {{removed?: string[], delayMs?: number}} [what]
   */
  collectionChanged({ removed = [], delayMs } = {}) {
    if (removed.length) {
      const before = this.stories;
      this.stories = this.stories.without(removed);
      for (const key of this.diffs.keys()) if (removed.some((id) => key.includes(id))) this.diffs.delete(key);
      if (this.stories !== before) this.deps.storiesChanged();
    }
    if (!this.deps.reader() || this.unavailable) return;
    this.scheduler.schedule(delayMs);
  }

  /** An import starts: a grouping under way would be out of date; it runs again afterwards. */
  importStarted() {
    if (this.scheduler.busy) {
      this.scheduler.cancel();
      this.interrupted = true;
    }
  }

  /** An import ended. */
  importEnded(added) {
    if (added > 0 || this.interrupted) this.collectionChanged();
    this.interrupted = false;
  }

  async cluster(isCancelled) {
    const { deps } = this;
    const reader = deps.reader();
    if (deps.collection.size < 2) {
      this.setStories(new Stories());
      return;
    }
    // Only the bodies, not the records: this frame is held for as long as the run lasts (see release).
    const entries = deps.collection
      .list()
      .map((r) => /** @type {[string, string]} */ ([r.id, r.article.body]));
    this.sending = entries;
    const showProgress = entries.length >= PROGRESS_FROM;
    const importing = () => 'importing' in deps.root.dataset;
    deps.root.dataset.clustering = 'true';
    const started = performance.now();
    try {
      const answer = await clusterArticles(reader, entries, {
        isCancelled,
        onProgress: ({ done, total }) => {
          if (showProgress && !isCancelled() && !importing())
            deps.progress.task({
              task: 'cluster',
              label: 'Finding versions of the same story',
              done,
              total,
              detail: `${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} articles compared`,
            });
        },
      });
      if (isCancelled()) throw new ClusteringCancelled();
      const stories = await Stories.fromCoreSliced(answer, (id) => deps.collection.has(id));
      if (isCancelled()) throw new ClusteringCancelled();
      this.setStories(stories);
      this.lastRun = {
        articles: entries.length,
        ms: Math.round(performance.now() - started),
        engine: reader.kind,
      };
    } finally {
      this.sending = null;
      delete deps.root.dataset.clustering;
      if (showProgress) deps.progress.endTask('cluster');
    }
  }

  /**
   * The page is left for good: a grouping under way lets go of the bodies it was sending. Its
   * frame waits for an answer of the worker that never comes once the page is gone, and in Firefox
   * all it still reaches is walked by the cycle collector in one pause of the page that follows
   * (100,000 articles: 3 million objects, 0.7 s; RELIABILITY.md, session 18).
   */
  release() {
    this.scheduler.cancel();
    this.sending?.splice(0);
    this.stories = new Stories();
    this.diffs.clear();
  }

  setStories(stories) {
    this.stories = stories;
    this.clustered = true;
    this.firstRunDone();
    this.deps.storiesChanged();
  }

  clusterFailed(error) {
    this.firstRunDone();
    const message = String(error?.message || error);
    if (/cannot group stories|no StoryClusterer|rebuild the core/u.test(message)) {
      // An older core: the page works as before, without versions.
      this.unavailable = message;
      console.info(`Lectern: versions of the same story are not shown (${message}).`);
      return;
    }
    this.deps.messages.show({
      kind: 'warning',
      key: 'stories',
      text: `Lectern could not find the versions of each story: ${message}.`,
    });
  }

  /** For window.lectern.clusters(): once nothing is scheduled or running. */
  async clusters() {
    await this.scheduler.whenIdle();
    if (this.unavailable) throw new Error(this.unavailable);
    return this.stories.toJSON();
  }

  /** The other versions of `id` for the reader and the library: [{id, label, title, shared, explanation}]. */
  versionsOf(id) {
    return this.stories
      .otherVersions(id)
      .map(({ id: other, pair }) => {
        const r = this.deps.collection.get(other);
        if (!r) return null;
        const row = rowOf(r);
        return {
          id: other,
          label: row.source || 'Unknown outlet',
          title: row.displayTitle,
          date: row.date,
          shared: sharedLabel(pair),
          explanation: sharedExplanation(pair, row.displayTitle),
        };
      })
      .filter(Boolean);
  }

  // --- Diffs ---------------------------------------------------------------------------------

  /** The core's diff of two articles' bodies (parsed; kept for the last few pairs). */
  diff(a, b) {
    const key = `${a}\u0000${b}`;
    if (this.diffs.has(key)) return this.diffs.get(key);
    const run = (async () => {
      const reader = await this.deps.readerReady;
      const ra = this.deps.collection.get(a);
      const rb = this.deps.collection.get(b);
      if (!ra || !rb) throw new Error('that article is not in this library');
      const json = await reader.call(
        'diffTexts',
        ra.article.body,
        rb.article.body,
        JSON.stringify(diffOptions(ra.article, rb.article)),
      );
      const diff = JSON.parse(json);
      if (diff?.error) throw new Error(String(diff.error));
      return diff;
    })();
    this.diffs.set(key, run);
    // A failed diff is not kept (the next try asks again); a newer one for the same pair stays.
    run.catch(() => {
      if (this.diffs.get(key) === run) this.diffs.delete(key);
    });
    while (this.diffs.size > DIFF_CACHE) this.diffs.delete(this.diffs.keys().next().value);
    return run;
  }

  // --- Compare view --------------------------------------------------------------------------

  /** Opens #compare=A,B from inside the page (Back returns to where the user was). */
  openCompare(a, b, { replace = false } = {}) {
    const hash = compareHash(a, b);
    if (replace) history.replaceState(null, '', hash);
    else {
      this.cameFrom = location.hash || '#library';
      history.pushState(null, '', hash);
    }
    this.deps.route();
  }

  openVariants(id) {
    this.cameFrom = location.hash || '#library';
    history.pushState(null, '', variantsHash(id));
    this.deps.route();
  }

  /** Esc / Back: where the view was opened from (the browser's Back), else the library. */
  back() {
    if (this.cameFrom) {
      this.cameFrom = null;
      history.back();
    } else {
      this.deps.showLibrary();
    }
  }

  swap() {
    const r = parseHash(location.hash);
    if (r.view !== 'compare' || !r.a || !r.b) return;
    const active = focusedElement();
    const keep = this.compareView.el.contains(active) ? active : null;
    this.openCompare(r.b, r.a, { replace: true });
    if (keep?.dataset.testid === 'compare-swap') keep.focus({ preventScroll: true }); // the button stays under the user's hand
  }

  backLabel() {
    const from = parseHash(this.cameFrom ?? '');
    if (!this.cameFrom || from.view === 'library') return 'Library';
    if (from.view === 'reader') return 'Article';
    if (from.view === 'variants') return 'All versions';
    if (from.view === 'compare') return 'Comparison';
    return 'Back';
  }

  /** Shows #compare=A,B (called by the app's router). */
  async showCompare(a, b) {
    const token = ++this.shownToken;
    const view = this.compareView;
    const { collection } = this.deps;
    const ra = collection.get(a);
    const rb = collection.get(b);
    if (!ra || !rb) {
      view.showPending(versionInfo(ra, a), versionInfo(rb, b), {
        backLabel: this.backLabel(),
        storyId: null,
      });
      view.showMessage(
        ra || rb
          ? 'One of the two articles in this link is not in this library.'
          : 'The articles in this link are not in this library.',
        'warning',
      );
      return;
    }
    const [la, lb] = versionLabels(rowOf(ra), rowOf(rb));
    const va = { ...versionInfo(ra, a), label: la };
    const vb = { ...versionInfo(rb, b), label: lb };
    const story = this.stories.storyOf(a);
    const storyId = story && story.members.length >= 3 && story.members.includes(b) ? a : null;
    view.showPending(va, vb, { backLabel: this.backLabel(), storyId });
    if (a === b) {
      view.showMessage(
        'This is the same article on both sides. Choose another version of the story to compare it with.',
        'info',
      );
      return;
    }
    try {
      const diff = await this.diff(a, b);
      if (token !== this.shownToken) return;
      view.show(compareModel(diff, va, vb));
    } catch (error) {
      if (token !== this.shownToken) return;
      view.showMessage(`These versions could not be compared: ${error?.message || error}.`, 'error');
    }
  }

  stepChange(delta) {
    const view = this.compareView;
    if (!view.model) return false;
    return view.step(stepChange(view.model.changeRows, view.current, delta));
  }

  // --- Variant table -------------------------------------------------------------------------

  /** Shows #variants=ID (called by the app's router). */
  async showVariants(id) {
    const token = ++this.shownToken;
    const view = this.variantsView;
    if (this.scheduler.busy || !this.clustered) {
      view.showPending(0, this.backLabel());
      view.showMessage('Finding the versions of each story…', 'busy');
      if (!this.clustered) await this.firstRun;
      await this.scheduler.whenIdle();
      if (token !== this.shownToken) return;
    }
    const story = this.stories.storyOf(id);
    if (this.unavailable) {
      view.showMessage(`Versions of a story cannot be found: ${this.unavailable}.`, 'warning');
      return;
    }
    if (!this.deps.collection.has(id) || !story) {
      view.showPending(0, this.backLabel());
      view.showMessage(
        this.deps.collection.has(id)
          ? 'This article has no other versions in the library.'
          : 'The article in this link is not in this library.',
        'warning',
      );
      return;
    }
    const versions = story.members.map((m) => versionInfo(this.deps.collection.get(m), m));
    view.showPending(versions.length, this.backLabel());
    try {
      const table = await this.variantTable(id);
      if (token !== this.shownToken) return;
      view.show(
        table,
        table.columns.map((c) => versions.find((v) => v.id === c.id)),
      );
    } catch (error) {
      if (token !== this.shownToken) return;
      view.showMessage(`The versions could not be compared: ${error?.message || error}.`, 'error');
    }
  }

  /** The variant table of `id`'s story (variant-table.js), from the core's diffs of the reference against each version. */
  async variantTable(id) {
    const story = this.stories.storyOf(id);
    if (!story) throw new Error('this article has no other versions in the library');
    const versions = story.members
      .map((m) => this.deps.collection.get(m))
      .filter(Boolean)
      .map(rowOf);
    const reference = chooseReference(versions);
    // A wire story carried by hundreds of outlets would make hundreds of diffs and columns: the
    // table shows the version asked for and the first others, and says how many it leaves out.
    const all = versions.filter((v) => v.id !== reference.id);
    const others = [...all.filter((v) => v.id === id), ...all.filter((v) => v.id !== id)].slice(
      0,
      MAX_VARIANT_COLUMNS - 1,
    );
    const labels = uniqueLabels([reference, ...others]);
    const diffs = [];
    for (const other of others) diffs.push(await this.diff(reference.id, other.id)); // one at a time: the worker does one anyway
    const table = variantTable(
      { id: reference.id, label: labels[0], sentences: diffs[0]?.a?.sentences ?? [] },
      others.map((o, k) => ({ id: o.id, label: labels[k + 1], diff: diffs[k] })),
    );
    return { ...table, versionsLeftOut: all.length - others.length };
  }
}

/** The most versions the variant table puts side by side (the reference included). */
export const MAX_VARIANT_COLUMNS = 12;

function versionInfo(record, id) {
  if (!record) return { id, title: 'Not in this library', source: '', date: '', words: 0, label: '?' };
  const row = rowOf(record);
  return {
    id,
    title: row.displayTitle,
    untitled: row.titleFromText,
    source: row.source,
    date: row.date,
    words: row.words,
    label: row.source || row.displayTitle,
  };
}

/** Outlet names, told apart by date (then by number) where two versions share one. */
function uniqueLabels(rows) {
  const tell = (labels, extra) =>
    labels.map((label, i) => (labels.filter((x) => x === label).length > 1 ? extra(label, i) : label));
  const withDates = tell(
    rows.map((r) => r.source || 'Untitled'),
    (label, i) => (rows[i].date ? `${label} (${rows[i].date})` : label),
  );
  return tell(
    withDates,
    (label, i) => `${label} #${withDates.slice(0, i + 1).filter((x) => x === label).length}`,
  );
}
