// A year of a team's annotations through the CLI: time and peak memory (GNU time's maximum
// resident set) of `lectern annotations check | merge | export | report` on generated files of
// 100,000 annotations (tests/e2e/generated-annotations.mjs: notes, tags, one embedded page), and
// the merge of two such files that share half their annotations (duplicates, merged to one each).
// Figures are printed, nothing is asserted.
//   node bench/annotations-scale.mjs [--annotations N (100000)] [--lectern build/bin/lectern]
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annotationFileText } from '../tests/e2e/generated-annotations.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const N = Number(option('annotations', 100000));
const LECTERN = option('lectern', 'build/bin/lectern');

/** Ten articles to annotate (the generated annotations quote their bodies). */
const articles = Array.from({ length: 10 }, (_, k) => ({
  hash: `${k}`.repeat(64).slice(0, 64),
  title: `Article ${k}`,
  body: `Report ${k}. `.concat(
    'The council voted on the harbour budget after the storm damaged the bridge and the school. '.repeat(40),
  ),
}));

async function writeFile(path, pieces) {
  const out = createWriteStream(path);
  for (const piece of pieces) if (!out.write(piece)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return statSync(path).size;
}

/** Runs `lectern annotations …` with its output to `out`: seconds, peak MB, output bytes. */
function run(command, files, out) {
  const script = `exec /usr/bin/time -f '%e %M' ${LECTERN} annotations ${command} ${files.join(' ')} > ${out}`;
  const r = spawnSync('sh', ['-c', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr}`);
  const [seconds, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { seconds, mb: Math.round(kb / 1024), bytes: statSync(out).size };
}

const dir = mkdtempSync(join(tmpdir(), 'lectern-annotations-scale-'));
try {
  const mine = join(dir, 'mine.json');
  const theirs = join(dir, 'theirs.json');
  const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
  const mineBytes = await writeFile(mine, annotationFileText(articles, { from: 0, to: N }));
  // Half the ids shared with `mine` (the generator numbers them), half new.
  const theirsBytes = await writeFile(theirs, annotationFileText(articles, { from: N / 2, to: N + N / 2 }));
  console.log(`${N} annotations: mine ${mb(mineBytes)}, theirs ${mb(theirsBytes)} (${N / 2} ids shared)\n`);
  console.log('| step | seconds | peak memory | output |');
  console.log('|---|---:|---:|---:|');
  const rows = [
    ['check mine', 'check', [mine]],
    ['merge mine + theirs', 'merge', [mine, theirs]],
    ['export mine', 'export', [mine]],
    ['report mine (Markdown)', 'report', [mine]],
  ];
  for (const [name, command, files] of rows) {
    const r = run(command, files, join(dir, 'out'));
    console.log(`| ${name} | ${r.seconds.toFixed(2)} | ${r.mb} MB | ${mb(r.bytes)} |`);
  }
  const merged = join(dir, 'merged.json');
  run('merge', [mine, theirs], merged);
  const back = run('check', [merged], join(dir, 'out'));
  console.log(`| check the merged file | ${back.seconds.toFixed(2)} | ${back.mb} MB | ${mb(back.bytes)} |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
