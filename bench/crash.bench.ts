// The crash test's run (test/integration/crash/run.ts) many times over: a writer killed with
// SIGKILL at a seeded point, the file checked against every acknowledged write, then opened
// again by the app. Not a speed figure: how much the test covers and what a run costs.
// `BENCH_ONLY=crash npm run bench`; BENCH_CRASH_RUNS (100) and BENCH_CRASH_SEED (1).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildWriter, crashRun, describePlan, type CrashRun } from '../test/integration/crash/run';

const RUNS = Number(process.env.BENCH_CRASH_RUNS ?? 100);
const SEED = Number(process.env.BENCH_CRASH_SEED ?? 1);

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

// `npm run bench` runs from the repository root, where the writer's bundle must live.
const writer = await buildWriter(process.cwd());
const runs: CrashRun[] = [];
const started = performance.now();
try {
  for (let i = 0; i < RUNS; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-bench-crash-'));
    const run = await crashRun(writer, dir, SEED + i);
    runs.push(run);
    const verdict = run.problems.length === 0 ? 'ok' : `FAILED: ${run.problems.join('; ')}`;
    process.stderr.write(
      `  run ${i} (seed ${run.seed}, ${describePlan(run.plan)}): ${run.acks} acknowledged, ` +
        `${run.ms.toFixed(0)} ms, ${verdict}\n`,
    );
    // A failing run's folder stays for a look.
    if (run.problems.length === 0) fs.rmSync(dir, { recursive: true, force: true });
    else process.stderr.write(`    data left in ${dir}\n`);
  }
} finally {
  fs.rmSync(writer, { force: true });
}
const total = performance.now() - started;

const count = (f: (r: CrashRun) => boolean) => runs.filter(f).length;
const acks = runs.map((r) => r.acks);
const ms = runs.map((r) => r.ms);
const failed = runs.filter((r) => r.problems.length > 0);
const rows: [string, string][] = [
  [
    'runs',
    `${runs.length} (seeds ${SEED}–${SEED + RUNS - 1}): ` +
      `${count((r) => r.plan.after === 'start')} killed within 500 ms of the start, ` +
      `${count((r) => r.plan.after === 'acks')} after 1–300 acknowledgements, ` +
      `${count((r) => r.plan.after === 'first ack')} 0–1,200 ms after the first`,
  ],
  [
    'acknowledged writes checked',
    `${acks.reduce((a, b) => a + b, 0)} (per run: median ${percentile(acks, 50)}, ` +
      `max ${Math.max(...acks)}; ${count((r) => r.acks === 0)} runs killed before the first)`,
  ],
  [
    'write in flight at the kill',
    `${count((r) => r.inFlight !== null)} runs: ${count((r) => r.inFlight?.landed === true)} ` +
      `committed but not acknowledged, ${count((r) => r.inFlight?.landed === false)} not committed`,
  ],
  ['failures', `${failed.length}${failed.map((r) => ` (seed ${r.seed})`).join('')}`],
  [
    'time per run (spawn, kill, checks, reopen)',
    `p50 ${percentile(ms, 50).toFixed(0)} ms, p99 ${percentile(ms, 99).toFixed(0)} ms, ` +
      `total ${(total / 1000).toFixed(1)} s`,
  ],
];
const table = ['| what | result |', '| --- | --- |', ...rows.map(([w, r]) => `| ${w} | ${r} |`)];
process.stdout.write(
  `\n${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}\n\n${table.join('\n')}\n`,
);
if (failed.length > 0) process.exit(1);
