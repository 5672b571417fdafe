// Where a browser's long tasks go: reads a Gecko profile (Firefox) or a Chromium trace and prints,
// for each main-thread task of the page that took `--min` ms or more, its time and the functions
// its samples were in (by inclusive sample count; JavaScript frames and the engine's labels).
//
// Firefox, a profile with JavaScript stacks (1 ms samples) written at shutdown:
//   MOZ_PROFILER_STARTUP=1 MOZ_PROFILER_STARTUP_FEATURES=js MOZ_PROFILER_STARTUP_INTERVAL=1 \
//   MOZ_PROFILER_STARTUP_ENTRIES=8000000 MOZ_PROFILER_SHUTDOWN=/tmp/profile.json \
//     node bench/page-scale.mjs --browsers firefox --articles 40000 --annotations 200
//   node bench/long-tasks.mjs /tmp/profile.json [--min 90] [--top 8]
// (At 100,000 articles Firefox wrote the profile only with MOZ_PROFILER_STARTUP_INTERVAL=2 and
// 6,000,000 entries.) The page's tasks are the LongTask markers of the file:// content process.
//
// Chromium, a trace of each phase (its tasks, and V8's samples every 0.1 ms or so):
//   node bench/page-scale.mjs --browsers chromium --traces /tmp/traces
//   node bench/long-tasks.mjs /tmp/traces/*.json [--min 90] [--top 8]
// The page's tasks are the RunTask events of the renderers' main threads (CrRendererMain); a last
// line tells how much the page's layouts had to do (dirty layout objects, CPU time).
// Prints, reads nothing else.
import { closeSync, createReadStream, openSync, readFileSync, readSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { basename } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const MIN_MS = option('min', 90);
const TOP = option('top', 8);
const files = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!files.length) {
  console.error('usage: node bench/long-tasks.mjs PROFILE-OR-TRACE.json... [--min MS] [--top N]');
  process.exit(2);
}

/** "fn (file:///…/lectern.html:1:2345)" → "fn"; engine labels stay as they are. */
const shortName = (name) => String(name).replace(/ \((file|blob|resource|chrome):[^)]*\)$/u, '');
/** Frames that every sample of a task has, or that name no work. */
const NOISE = /^(Gecko|\(root\)|\(program\)|EventDispatcher|Task |Runnable|XRE_InitChildProcess)/u;

/**
 * Prints one task: `stacks` are the frame names of each sample inside it (leaf first).
 * @param {{at: number, ms: number, cpuMs?: number, stacks: string[][], work?: Map<string, number>}} task
 *   at: seconds from the recording's start; cpuMs: of the thread's CPU (Chromium; less than ms when
 *   others had the core); work: the engine's own work by name, in ms (Chromium's trace events)
 */
function printTask({ at, ms, cpuMs, stacks, work = new Map() }) {
  const counts = new Map();
  for (const stack of stacks)
    for (const name of new Set(stack.map(shortName))) counts.set(name, (counts.get(name) ?? 0) + 1);
  const top = [...counts]
    .filter(([name]) => !NOISE.test(name))
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([name, n]) => `${name} ${n}`)
    .join(' · ');
  const cpu = cpuMs === undefined ? '' : ` (${Math.round(cpuMs)} ms of CPU)`;
  console.log(`  at ${at.toFixed(1)} s: ${Math.round(ms)} ms${cpu}, ${stacks.length} samples: ${top}`);
  const line = (label, entries) => {
    const top = entries
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([name, ms]) => `${name} ${Math.round(ms)} ms`);
    if (top.length) console.log(`    ${label}: ${top.join(' · ')}`);
  };
  line(
    'engine',
    [...work].filter(([name]) => !GC_PHASE.test(name)),
  );
  // The collectors' phases nest (a phase's time includes its parts): read them as a breakdown.
  line(
    'gc phases',
    [...work].filter(([name]) => GC_PHASE.test(name)),
  );
}

// --- Gecko profiles ------------------------------------------------------------------------------

/** A table of the Gecko format ({schema, data}) as an accessor by column name. */
const column = (table, name) => {
  const i = table.schema[name];
  return (row) => table.data[row]?.[i];
};

/** Every thread of every process, with its process's start time (the times are relative to it). */
function* threadsOf(profile) {
  for (const thread of profile.threads ?? []) yield { thread, start: profile.meta.startTime };
  for (const sub of profile.processes ?? []) yield* threadsOf(sub);
}

/** The frame names on a sample's stack, leaf first. */
function stackNames(thread, stack) {
  const strings = thread.stringTable ?? thread.stringArray;
  const prefix = column(thread.stackTable, 'prefix');
  const frame = column(thread.stackTable, 'frame');
  const location = column(thread.frameTable, 'location');
  const names = [];
  for (let s = stack; s !== null && s !== undefined; s = prefix(s)) names.push(strings[location(frame(s))]);
  return names;
}

// Firefox ESR 115 names them LongTask; later versions MainThreadLongTask.
const LONG_TASK_MARKERS = new Set(['LongTask', 'MainThreadLongTask']);

function geckoTasks(profile) {
  for (const { thread, start } of threadsOf(profile)) {
    if (thread.name !== 'GeckoMain' || !/^file:/u.test(thread.processName ?? '')) continue;
    const strings = thread.stringTable ?? thread.stringArray;
    const markerName = column(thread.markers, 'name');
    const markerStart = column(thread.markers, 'startTime');
    const markerEnd = column(thread.markers, 'endTime');
    const sampleStack = column(thread.samples, 'stack');
    const sampleTime = column(thread.samples, 'time');
    const tasks = [];
    for (let m = 0; m < thread.markers.data.length; m++) {
      if (!LONG_TASK_MARKERS.has(strings[markerName(m)])) continue;
      const [from, to] = [markerStart(m), markerEnd(m)];
      if (to - from >= MIN_MS) tasks.push({ from, to });
    }
    console.log(`${thread.processName} (pid ${thread.pid}): ${tasks.length} tasks of ${MIN_MS} ms or more`);
    for (const { from, to } of tasks) {
      const stacks = [];
      for (let s = 0; s < thread.samples.data.length; s++) {
        const t = sampleTime(s);
        if (t >= from && t <= to) stacks.push(stackNames(thread, sampleStack(s)));
      }
      printTask({ at: (start - profile.meta.startTime + from) / 1000, ms: to - from, stacks });
    }
  }
}

// --- Chromium traces -----------------------------------------------------------------------------

const TASK_EVENTS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
/** The engine's work by name (what the samples cannot name: they see JavaScript only). */
const ENGINE_WORK =
  /^(UpdateLayoutTree|Layout|PrePaint|Paint|Layerize|UpdateLayer|MajorGC|MinorGC|ParseHTML|EvaluateScript|v8\.compile|HitTest|BlinkGC\.AtomicPhase|V8\.GC_\w+|BlinkGC\.\w+)$/u;
/** V8's and Blink's collector phases (disabled-by-default-v8.gc, blink_gc), printed apart. */
const GC_PHASE = /^(V8\.GC_|BlinkGC\.(?!AtomicPhase$))/u;

/** The renderer main threads' RunTask events of `min` ms or more, with V8's samples inside them. */
function chromiumTasks(events, name) {
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const origin = events.reduce((min, e) => (e.ts > 0 && e.ts < min ? e.ts : min), Infinity);
  const tasks = events
    .filter((e) => e.ph === 'X' && TASK_EVENTS.has(e.name) && main.has(`${e.pid}:${e.tid}`))
    .filter((e) => e.dur >= MIN_MS * 1000)
    .map((e) => ({
      key: `${e.pid}:${e.tid}`,
      from: e.ts,
      to: e.ts + e.dur,
      cpu: e.tdur,
      stacks: [],
      work: new Map(),
    }));
  // The engine's own work inside each task (devtools.timeline: style, layout, paint, collector).
  for (const e of events) {
    if (e.ph !== 'X' || !ENGINE_WORK.test(e.name) || !e.dur) continue;
    const task = tasks.find((k) => k.key === `${e.pid}:${e.tid}` && e.ts >= k.from && e.ts < k.to);
    if (task) task.work.set(e.name, (task.work.get(e.name) ?? 0) + e.dur / 1000);
  }
  // V8's samples: a Profile event per thread, then ProfileChunks with nodes, samples, time deltas.
  const nodes = new Map(); // profile id → node id → {name, parent}
  const threadOf = new Map(); // profile id → pid:tid
  const clock = new Map(); // profile id → time of the last sample
  for (const e of events) {
    if (e.name === 'Profile') {
      threadOf.set(e.id, `${e.pid}:${e.tid}`);
      clock.set(e.id, e.args?.data?.startTime ?? e.ts);
      nodes.set(e.id, new Map());
    }
    if (e.name !== 'ProfileChunk' || !nodes.has(e.id)) continue;
    const tree = nodes.get(e.id);
    const data = e.args?.data ?? {};
    for (const n of data.cpuProfile?.nodes ?? [])
      tree.set(n.id, { name: n.callFrame?.functionName || '(anonymous)', parent: n.parent });
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    let t = clock.get(e.id);
    for (let i = 0; i < samples.length; i++) {
      t += deltas[i] ?? 0;
      const task = tasks.find((k) => k.key === threadOf.get(e.id) && t >= k.from && t <= k.to);
      if (!task) continue;
      const stack = [];
      for (let n = tree.get(samples[i]); n; n = tree.get(n.parent)) stack.push(n.name);
      task.stacks.push(stack);
    }
    clock.set(e.id, t);
  }
  console.log(`${name}: ${tasks.length} tasks of ${MIN_MS} ms or more`);
  for (const task of tasks)
    printTask({
      at: (task.from - origin) / 1e6,
      ms: (task.to - task.from) / 1000,
      cpuMs: task.cpu / 1000,
      stacks: task.stacks,
      work: task.work,
    });
  printLayouts(events.filter((e) => e.ph === 'X' && e.name === 'Layout' && main.has(`${e.pid}:${e.tid}`)));
}

/**
 * How much each of the page's layouts had to do: the layout objects it found dirty (of all the
 * document's) and its CPU time, median, 90th percentile and most.
 */
function printLayouts(layouts) {
  if (!layouts.length) return;
  const spread = (values, digits) => {
    const sorted = values.sort((a, b) => a - b);
    const at = (p) => sorted[Math.floor((sorted.length - 1) * p)].toFixed(digits);
    return `${at(0.5)} / ${at(0.9)} / ${at(1)}`;
  };
  const dirty = layouts.map((e) => e.args?.beginData?.dirtyObjects ?? 0);
  const total = Math.max(...layouts.map((e) => e.args?.beginData?.totalObjects ?? 0));
  const cpu = layouts.map((e) => (e.tdur ?? 0) / 1000);
  console.log(
    `  ${layouts.length} layouts (median / 90th percentile / most): dirty objects ${spread(dirty, 0)} ` +
      `of up to ${total}; ms of CPU ${spread(cpu, 1)}`,
  );
}

/**
 * A Chromium trace's events, read a line at a time: Chromium writes `{"traceEvents":[`, then one
 * event per line, then the metadata; a traced import of 100,000 annotations (590 MB) is longer
 * than the longest string Node can make.
 */
async function traceEvents(file) {
  const events = [];
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.startsWith('{"traceEvents"') || !line.startsWith('{')) continue;
    const last = line.indexOf('}],"metadata"'); // the last event; the metadata follows
    events.push(JSON.parse(last >= 0 ? line.slice(0, last + 1) : line.replace(/,$/u, '')));
    if (last >= 0) break;
  }
  return events;
}

/** The first bytes of a file, as text. */
function startOf(file) {
  const fd = openSync(file, 'r');
  try {
    const bytes = Buffer.alloc(64);
    return bytes.toString('utf8', 0, readSync(fd, bytes, 0, bytes.length, 0));
  } finally {
    closeSync(fd);
  }
}

for (const file of files) {
  if (startOf(file).startsWith('{"traceEvents":[\n')) {
    chromiumTasks(await traceEvents(file), basename(file));
    continue;
  }
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const events = Array.isArray(json) ? json : json.traceEvents;
  if (events) chromiumTasks(events, basename(file));
  else geckoTasks(json);
}
