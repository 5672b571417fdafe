// Where Firefox's long tasks go: reads a Gecko profile written at shutdown and prints, for each
// main-thread task of the page's content process that took `--min` ms or more, its time and the
// functions its samples were in (by inclusive sample count; JavaScript frames and Gecko's labels).
// How to get a profile with JavaScript stacks (1 ms samples), e.g. of bench/page-scale.mjs:
//   MOZ_PROFILER_STARTUP=1 MOZ_PROFILER_STARTUP_FEATURES=js MOZ_PROFILER_STARTUP_INTERVAL=1 \
//   MOZ_PROFILER_STARTUP_ENTRIES=8000000 MOZ_PROFILER_SHUTDOWN=/tmp/profile.json \
//     node bench/page-scale.mjs --browsers firefox --articles 40000 --annotations 200
//   node bench/gecko-long-tasks.mjs /tmp/profile.json [--min 90] [--top 8]
// (At 100,000 articles Firefox did not write the profile at shutdown.) Prints, reads nothing else.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const MIN_MS = option('min', 90);
const TOP = option('top', 8);
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!file) {
  console.error('usage: node bench/gecko-long-tasks.mjs PROFILE.json [--min MS] [--top N]');
  process.exit(2);
}

const LONG_TASK_MARKERS = new Set(['LongTask', 'MainThreadLongTask']);

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

/** "fn (file:///…/lectern.html:1:2345)" → "fn"; Gecko labels stay as they are. */
const shortName = (name) => String(name).replace(/ \((file|blob|resource|chrome):[^)]*\)$/u, '');

const profile = JSON.parse(readFileSync(file, 'utf8'));
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
    // Firefox ESR 115 names them LongTask; later versions MainThreadLongTask.
    if (!LONG_TASK_MARKERS.has(strings[markerName(m)])) continue;
    const [from, to] = [markerStart(m), markerEnd(m)];
    if (to - from >= MIN_MS) tasks.push({ from, to });
  }
  console.log(`${thread.processName} (pid ${thread.pid}): ${tasks.length} tasks of ${MIN_MS} ms or more`);
  for (const task of tasks) {
    const counts = new Map();
    let samples = 0;
    for (let s = 0; s < thread.samples.data.length; s++) {
      const t = sampleTime(s);
      if (t < task.from || t > task.to) continue;
      samples++;
      for (const name of new Set(stackNames(thread, sampleStack(s)).map(shortName)))
        counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const top = [...counts]
      .filter(([name]) => !/^(Gecko|\(root\)|EventDispatcher|Task |Runnable)/u.test(name))
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([name, n]) => `${name} ${n}`)
      .join(' · ');
    const at = ((start - profile.meta.startTime + task.from) / 1000).toFixed(1);
    console.log(`  at ${at} s: ${Math.round(task.to - task.from)} ms, ${samples} samples: ${top}`);
  }
}
