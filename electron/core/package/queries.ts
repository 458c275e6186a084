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
  };
}

/** Newest first. */
export function allPackages(db: Database): PackageRow[] {
  return (sql(db, 'SELECT * FROM packages ORDER BY sequence DESC').all() as PackageDbRow[]).map(
    rowToPackage,
  );
}

export function latestPackageOf(db: Database, periodKey: string): PackageRow | undefined {
  const row = sql(
    db,
    'SELECT * FROM packages WHERE period_key = ? ORDER BY sequence DESC LIMIT 1',
  ).get(periodKey) as PackageDbRow | undefined;
  return row ? rowToPackage(row) : undefined;
}

export function nextSequence(db: Database): number {
  const row = sql(db, 'SELECT COALESCE(MAX(sequence), 0) + 1 AS next FROM packages').get() as {
    next: number;
  };
  return row.next;
}

export function insertPackage(db: Database, p: PackageRow): void {
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
