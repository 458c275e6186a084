// `npm run bench`: bundles the benchmarks with esbuild (like the app) and runs them in Node.
// bench/run.ts holds the groups saves, queries, reports and packages; bench/inbox.bench.ts the
// group inbox (the province desk's take-in); bench/crash.bench.ts the group crash (the crash
// test's SIGKILL run, 100 times); bench/sheets.bench.ts the group sheets (50,000 activities
// exported as .xlsx and imported back); bench/photos.bench.ts the group photos (20 photos of
// 12 megapixels added and reduced). BENCH_ONLY=<group> runs one group.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const BENCHES = [
  {
    entry: 'bench/run.ts',
    outfile: 'dist/bench.mjs',
    groups: ['saves', 'queries', 'reports', 'packages'],
  },
  { entry: 'bench/inbox.bench.ts', outfile: 'dist/bench-inbox.mjs', groups: ['inbox'] },
  { entry: 'bench/crash.bench.ts', outfile: 'dist/bench-crash.mjs', groups: ['crash'] },
  { entry: 'bench/sheets.bench.ts', outfile: 'dist/bench-sheets.mjs', groups: ['sheets'] },
  { entry: 'bench/photos.bench.ts', outfile: 'dist/bench-photos.mjs', groups: ['photos'] },
];

const only = process.env.BENCH_ONLY;
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
    external: ['better-sqlite3', 'electron', 'esbuild', 'exceljs', '@fast-csv/parse', 'sharp'],
    banner: {
      js: "import { createRequire as benchRequire } from 'node:module'; const require = benchRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
}
for (const { outfile } of chosen) {
  const r = spawnSync(process.execPath, [outfile], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
