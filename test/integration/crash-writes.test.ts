// Every write the contract acknowledged survives a SIGKILL, the way a crash or the task
// manager ends the app (a power cut also loses what the OS had not flushed; that is what
// synchronous=FULL in core/db/open.ts is for, and no kill can test it). A writer
// (crash/writer.ts) is killed at a point chosen by a seeded generator, then the file is
// checked with SQLite alone (integrity, every acknowledged create, update and delete, the
// write in flight whole or absent) and opened again by the app. crash/run.ts holds the run,
// shared with `BENCH_ONLY=crash npm run bench`, which does the same 100 times.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWriter, crashRun, describePlan } from './crash/run';
import { ROOT, tempDir } from './helpers';

/** Every run is in CI; about 1 s each on 2 cores. */
const RUNS = 20;
/** A new seed each time, so runs explore; CRASH_SEED=<seed> replays the failing one's plans. */
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

describe('writes acknowledged before a SIGKILL', () => {
  let writer = '';
  beforeAll(async () => {
    writer = await buildWriter(ROOT);
  });
  afterAll(() => {
    if (writer !== '') fs.rmSync(writer, { force: true });
  });

  it.each(Array.from({ length: RUNS }, (_, i) => i))(
    'run %i: all there after the kill',
    async (i) => {
      const dataDir = tempDir('tt-crash-writes-');
      const run = await crashRun(writer, dataDir, SEED + i);
      expect(
        run.problems,
        `CRASH_SEED=${SEED}, run ${i} (seed ${run.seed}, ${describePlan(run.plan)}, ` +
          `${run.acks} acknowledged), data left in ${dataDir}`,
      ).toEqual([]);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  );
});
