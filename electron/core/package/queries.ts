// The packages this office has exported (table `packages`, migration 0030).
import type { Database } from 'better-sqlite3';
import type { PackageRow } from '../../../shared/package';
import { sql } from '../db/statements';

interface PackageDbRow {
  id: number;
  period_key: string;
  period_from: string;
  period_to: string;
  sequence: number;
  sha256: string;
  supersedes: string | null;
  file_name: string;
  path: string;
  created_at: string;
  confirmed_at: string | null;
  confirmed_note: string | null;
  delivered_at: string | null;
}

function rowToPackage(r: PackageDbRow): PackageRow {
  return {
    sequence: r.sequence,
    period: { key: r.period_key, from: r.period_from, to: r.period_to },
    sha256: r.sha256,
    supersedes: r.supersedes,
    fileName: r.file_name,
    path: r.path,
    createdAt: r.created_at,
    state: r.confirmed_at ? 'confirmed' : r.delivered_at ? 'delivered' : 'exported',
    deliveredAt: r.delivered_at,
    confirmedAt: r.confirmed_at,
    confirmedNote: r.confirmed_note,
  };
}

/** A package with the time of its first successful delivery. */
const SELECT_PACKAGE = `SELECT p.*,
  (SELECT MIN(d.sent_at) FROM deliveries d WHERE d.package_sha256 = p.sha256 AND d.state = 'sent')
    AS delivered_at
  FROM packages p`;

/** Newest first. */
export function allPackages(db: Database): PackageRow[] {
  return (sql(db, `${SELECT_PACKAGE} ORDER BY p.sequence DESC`).all() as PackageDbRow[]).map(
    rowToPackage,
  );
}

export function packageBySha(db: Database, sha256: string): PackageRow | undefined {
  const row = sql(db, `${SELECT_PACKAGE} WHERE p.sha256 = ?`).get(sha256) as
    PackageDbRow | undefined;
  return row ? rowToPackage(row) : undefined;
}

export function latestPackageOf(db: Database, periodKey: string): PackageRow | undefined {
  const row = sql(
    db,
    `${SELECT_PACKAGE} WHERE p.period_key = ? ORDER BY p.sequence DESC LIMIT 1`,
  ).get(periodKey) as PackageDbRow | undefined;
  return row ? rowToPackage(row) : undefined;
}

export function setConfirmed(
  db: Database,
  sha256: string,
  at: string | null,
  note: string | null,
): void {
  sql(db, 'UPDATE packages SET confirmed_at = ?, confirmed_note = ? WHERE sha256 = ?').run(
    at,
    note,
    sha256,
  );
}

/**
 * Reserves the next sequence number for an export into `file`, committed before the file is
 * written: a number once reserved is never given again, even when the export then fails or
 * the process dies (the province would otherwise see two different packages with one number).
 */
export function reserveSequence(
  db: Database,
  periodKey: string,
  file: (sequence: number) => string,
  now: string,
): { sequence: number; path: string } {
  return db
    .transaction(() => {
      const row = sql(
        db,
        `SELECT MAX(COALESCE((SELECT MAX(sequence) FROM packages), 0),
                  COALESCE((SELECT MAX(sequence) FROM export_attempts), 0)) + 1 AS next`,
      ).get() as { next: number };
      const path = file(row.next);
      sql(
        db,
        `INSERT INTO export_attempts (sequence, period_key, path, pid, started_at, state)
       VALUES (?, ?, ?, ?, ?, 'running')`,
      ).run(row.next, periodKey, path, process.pid, now);
      return { sequence: row.next, path };
    })
    .immediate();
}

export function endAttempt(db: Database, sequence: number, state: 'done' | 'abandoned'): void {
  sql(db, 'UPDATE export_attempts SET state = ? WHERE sequence = ?').run(state, sequence);
}

/** Exports marked running: those whose process died are to tidy, their numbers kept. */
export function runningAttempts(db: Database): { sequence: number; path: string; pid: number }[] {
  return sql(
    db,
    `SELECT sequence, path, pid FROM export_attempts WHERE state = 'running' ORDER BY sequence`,
  ).all() as { sequence: number; path: string; pid: number }[];
}

/** A package as export records it; its state comes from deliveries and confirmation. */
export type NewPackage = Omit<
  PackageRow,
  'state' | 'deliveredAt' | 'confirmedAt' | 'confirmedNote'
>;

export function insertPackage(db: Database, p: NewPackage): void {
  sql(
    db,
    `INSERT INTO packages (period_key, period_from, period_to, sequence, sha256, supersedes,
       file_name, path, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    p.period.key,
    p.period.from,
    p.period.to,
    p.sequence,
    p.sha256,
    p.supersedes,
    p.fileName,
    p.path,
    p.createdAt,
  );
}
