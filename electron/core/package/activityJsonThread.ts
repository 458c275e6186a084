// A large period's activities for data.json, written on a worker thread (exportWorker.ts)
// while the main thread computes the figures and builds the Word files: at 50,000
// activities the two take about the same time, and the second core sits idle otherwise.
// The worker reads on its own connection; what it reads is what the export signs because
// the export refuses to sign when anything changed meanwhile (inputsStamp).
import type { Database } from 'better-sqlite3';
import { sql } from '../db/statements';
import { CommuneIndex } from '../services/communes';
import { WorkerThread } from '../workers/thread';
import { periodActivitiesJson, type PeriodActivitiesJson } from './activityJson';

export interface PeriodJsonInput {
  file: string;
  from: string;
  to: string;
}

export type PeriodJsonOutput = PeriodActivitiesJson;

/** From this many activities on; below it, starting a thread costs more than it saves. */
export const WORKER_FROM_ACTIVITIES = 5000;

const COUNT_LIVE = `
  SELECT count(*) FROM activities WHERE deleted_at IS NULL AND date >= ? AND date <= ?`;

/**
 * The live activities dated from `from` to `to` as data.json's array, on a worker thread
 * (with its own connection to the same file) when there are many.
 */
export function periodActivitiesJsonSoon(
  db: Database,
  from: string,
  to: string,
): Promise<PeriodActivitiesJson> {
  const here = () => periodActivitiesJson(db, from, to, CommuneIndex.of(db).byId);
  const count = sql(db, COUNT_LIVE).pluck().get(from, to) as number;
  if (count < WORKER_FROM_ACTIVITIES || db.memory) return Promise.resolve().then(here);
  const thread = new WorkerThread<PeriodJsonInput, PeriodJsonOutput>(
    'export-worker.cjs',
    here,
    // Buffers arrive as plain Uint8Arrays.
    (raw) => ({ ...raw, json: raw.json.map((b) => Buffer.from(b.buffer, b.byteOffset, b.length)) }),
  );
  return thread.run({ file: db.name, from, to }).finally(() => thread.close());
}
