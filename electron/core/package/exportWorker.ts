// data.json's activities written on a worker thread, on a read-only connection of its own,
// while the main thread builds the Word files (activityJsonThread.ts). Bundled to
// dist/export-worker.cjs (scripts/build.mjs).
import BetterSqlite3 from 'better-sqlite3';
import { CommuneIndex } from '../services/communes';
import { serve } from '../workers/serve';
import { periodActivitiesJson } from './activityJson';
import type { PeriodJsonInput, PeriodJsonOutput } from './activityJsonThread';

serve<PeriodJsonInput, PeriodJsonOutput>(({ file, from, to }) => {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const value = periodActivitiesJson(db, from, to, CommuneIndex.of(db).byId);
    // Handed over, not copied: each piece SQLite gave has memory of its own (a small one
    // made here may share Node's pool, and is copied).
    const own = value.json.filter(
      (b) => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength,
    );
    return { value, transfer: own.map((b) => b.buffer as ArrayBuffer) };
  } finally {
    db.close();
  }
});
