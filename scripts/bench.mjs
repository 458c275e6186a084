// `npm run bench`: bundles the benchmarks with esbuild (like the app) and runs them in Node.
// bench/run.ts holds the groups saves, queries, reports and packages; bench/inbox.bench.ts the
// group inbox (the province desk's take-in); bench/crash.bench.ts the group crash (the crash
// test's SIGKILL run, 100 times); bench/sheets.bench.ts the group sheets (50,000 activities
// exported as .xlsx and imported back); bench/photos.bench.ts the group photos (20 photos of
// 12 megapixels added and reduced); bench/scale.bench.ts the group scale (the logbook's SQL at
// 10,000 to 500,000 activities); bench/ui.bench.ts the group ui (the logbook's first rows in
// Chromium, from the start of `tuyentruyen serve`). BENCH_ONLY=<group> runs one group; --quick runs the groups
// marked quickToo at smaller sizes.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BENCHES = [
  {
    entry: 'bench/run.ts',
    outfile: 'dist/bench.mjs',
    groups: ['saves', 'queries', 'reports', 'packages'],
    quickToo: true,
  },
  {
    entry: 'bench/inbox.bench.ts',
    outfile: 'dist/bench-inbox.mjs',
    groups: ['inbox'],
    quickToo: true,
  },
  {
    entry: 'bench/scale.bench.ts',
    outfile: 'dist/bench-scale.mjs',
    groups: ['scale'],
    quickToo: true,
  },
  { entry: 'bench/ui.bench.ts', outfile: 'dist/bench-ui.mjs', groups: ['ui'], quickToo: true },
  { entry: 'bench/crash.bench.ts', outfile: 'dist/bench-crash.mjs', groups: ['crash'] },
  { entry: 'bench/sheets.bench.ts', outfile: 'dist/bench-sheets.mjs', groups: ['sheets'] },
  { entry: 'bench/photos.bench.ts', outfile: 'dist/bench-photos.mjs', groups: ['photos'] },
];

const only = process.env.BENCH_ONLY;
// --quick: smaller sizes and fewer runs (bench/goals.ts), the whole run under two minutes.
const quick = process.argv.includes('--quick');
const chosen = BENCHES.filter((b) => !only || b.groups.includes(only));
if (chosen.length === 0) {
  console.error(
    `Unknown BENCH_ONLY=${only}: one of ${BENCHES.flatMap((b) => b.groups).join(', ')}.`,
  );
  process.exit(2);
}

fs.mkdirSync('dist', { recursive: true });
for (const { entry, outfile } of chosen) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // esbuild too: the crash bench bundles its writer at run time, and esbuild's API
    // refuses to run from inside a bundle.
    external: [
      'better-sqlite3',
      'electron',
      'esbuild',
      'exceljs',
      '@fast-csv/parse',
      'sharp',
      'playwright-core',
    ],
    banner: {
      // require and __dirname as the app's CommonJS bundles have them (dist/, where the
      // worker threads' bundles are).
      js: "import { createRequire as benchRequire } from 'node:module'; import { fileURLToPath as benchPath } from 'node:url'; const require = benchRequire(import.meta.url); const __dirname = benchPath(new URL('.', import.meta.url));",
    },
    logLevel: 'warning',
  });
}
// Every bench appends the goals it measured to one file; they are printed together at the end.
const results = path.resolve('dist/bench-results.jsonl');
fs.writeFileSync(results, '');
const env = { ...process.env, BENCH_RESULTS: results, ...(quick ? { BENCH_QUICK: '1' } : {}) };
for (const { outfile, quickToo } of chosen) {
  if (quick && !quickToo) continue;
  const r = spawnSync(process.execPath, [outfile], { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
printGoals(fs.readFileSync(results, 'utf8'));

/** One table of the goals measured: the figure, its floor, the goal and the verdict. */
function printGoals(text) {
  const goals = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
  if (goals.length === 0) return;
  const figure = (n, unit) =>
    n === null ? '' : `${n >= 100 ? n.toFixed(0) : n.toFixed(1)} ${unit}`;
  const verdict = (met) => (met === null ? '(other size)' : met ? 'met' : 'MISSED');
  const rows = goals.map((g) => [
    g.what,
    g.size,
    figure(g.measured, g.unit),
    figure(g.floor, g.unit),
    g.goal,
    verdict(g.met),
  ]);
  const load = os.loadavg()[0].toFixed(2);
  const cpu = `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`;
  console.log(
    `\nGoals${quick ? ' (quick mode: smaller sizes)' : ''}: ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpu}, load ${load}\n`,
  );
  console.log('| goal | size | measured | floor | target | verdict |');
  console.log('| --- | --- | ---: | ---: | --- | --- |');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  const missed = goals.filter((g) => g.met === false).length;
  console.log(`\n${goals.length} goals measured, ${missed} missed.`);
}
