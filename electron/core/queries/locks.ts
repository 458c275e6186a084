// Period locks: a period whose package was exported is locked until unlocked for correction.
import type { Database } from 'better-sqlite3';
import { sql } from '../db/statements';

export interface LockDbRow {
  period_key: string;
  period_from: string;
  period_to: string;
  locked_at: string;
  package_sha256: string | null;
  unlocked_at: string | null;
  unlock_reason: string | null;
}

export function allLocks(db: Database): LockDbRow[] {
  return sql(
    db,
    'SELECT * FROM period_locks ORDER BY period_from DESC, period_key',
  ).all() as LockDbRow[];
}

export function getLock(db: Database, key: string): LockDbRow | undefined {
  return sql(db, 'SELECT * FROM period_locks WHERE period_key = ?').get(key) as
    LockDbRow | undefined;
}

/** The locked period (if any) that covers `date`. */
export function lockCovering(db: Database, date: string): LockDbRow | undefined {
  return sql(
    db,
    `SELECT * FROM period_locks WHERE unlocked_at IS NULL AND period_from <= ? AND period_to >= ?
     ORDER BY period_from LIMIT 1`,
  ).get(date, date) as LockDbRow | undefined;
}

export function setLocked(
  db: Database,
  period: { key: string; from: string; to: string },
  packageSha256: string | null,
  now: string,
): void {
  sql(
    db,
    `INSERT INTO period_locks (period_key, period_from, period_to, locked_at, package_sha256)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (period_key) DO UPDATE SET locked_at = excluded.locked_at,
       package_sha256 = excluded.package_sha256, unlocked_at = NULL, unlock_reason = NULL`,
  ).run(period.key, period.from, period.to, now, packageSha256);
}

export function setUnlocked(db: Database, key: string, reason: string, now: string): void {
  sql(db, 'UPDATE period_locks SET unlocked_at = ?, unlock_reason = ? WHERE period_key = ?').run(
    now,
    reason,
    key,
  );
}
