// The province desk's tables (migrations 0050, 0110): the packages taken in with their
// contents, each package's rows keyed by its integer id; desk settings and the register are
// registerQueries.ts's, re-exported here. Raw SQL, values bound.
import type { Database } from 'better-sqlite3';
import type { Msg } from '../../../shared/errors';
import type { InboxPackageRow, InboxPackageStatus } from '../../../shared/inbox';
import type { Manifest } from '../../../shared/package';
import { sql } from '../db/statements';
import { themesToMask } from '../queries/activities';
import type { PackageContents } from './data';

export * from './registerQueries';

// ---------- packages ----------

interface PackageDbRow {
  sha256: string;
  file_name: string;
  office_code: string;
  office_name: string;
  fingerprint: string;
  subject: string;
  period_key: string;
  period_from: string;
  period_to: string;
  period_label: string;
  sequence: number;
  supersedes: string | null;
  created_at: string;
  signing_time: string;
  received_at: string;
  status: InboxPackageStatus;
  reason: string | null;
  replaced_by: string | null;
  activities: number;
}

const PACKAGE_COLUMNS = `sha256, file_name, office_code, office_name, fingerprint, subject, period_key,
  period_from, period_to, period_label, sequence, supersedes, created_at, signing_time, received_at,
  status, reason, replaced_by, activities`;

export function toPackageRow(r: PackageDbRow): InboxPackageRow {
  return {
    sha256: r.sha256,
    fileName: r.file_name,
    officeCode: r.office_code,
    officeName: r.office_name,
    period: { key: r.period_key, from: r.period_from, to: r.period_to, label: r.period_label },
    sequence: r.sequence,
    supersedes: r.supersedes,
    status: r.status,
    reason: r.reason === null ? null : (JSON.parse(r.reason) as Msg),
    fingerprint: r.fingerprint,
    subject: r.subject,
    createdAt: r.created_at,
    signingTime: r.signing_time,
    receivedAt: r.received_at,
    activities: r.activities,
    replacedBy: r.replaced_by,
  };
}

/** The package's key in the inbox tables, or null when it is not held. */
export function packageId(db: Database, sha256: string): number | null {
  const row = sql(db, 'SELECT id FROM inbox_packages WHERE sha256 = ?').get(sha256) as
    { id: number } | undefined;
  return row?.id ?? null;
}

export function inboxPackage(db: Database, sha256: string): InboxPackageRow | null {
  const row = sql(db, `SELECT ${PACKAGE_COLUMNS} FROM inbox_packages WHERE sha256 = ?`).get(
    sha256,
  ) as PackageDbRow | undefined;
  return row ? toPackageRow(row) : null;
}

export function packageBytes(db: Database, sha256: string): Buffer | null {
  const row = sql(db, 'SELECT bytes FROM inbox_packages WHERE sha256 = ?').get(sha256) as
    { bytes: Buffer } | undefined;
  return row?.bytes ?? null;
}

export function currentPackage(
  db: Database,
  officeCode: string,
  periodKey: string,
): InboxPackageRow | null {
  const row = sql(
    db,
    `SELECT ${PACKAGE_COLUMNS} FROM inbox_packages
     WHERE office_code = ? AND period_key = ? AND status = 'current'`,
  ).get(officeCode, periodKey) as PackageDbRow | undefined;
  return row ? toPackageRow(row) : null;
}

/** Every package held of the given periods, newest first. */
export function inboxPackagesOf(db: Database, periodKeys: readonly string[]): InboxPackageRow[] {
  const rows = sql(
    db,
    `SELECT ${PACKAGE_COLUMNS} FROM inbox_packages
     WHERE period_key IN (SELECT value FROM json_each(?))
     ORDER BY received_at DESC, sha256`,
  ).all(JSON.stringify(periodKeys)) as PackageDbRow[];
  return rows.map(toPackageRow);
}

/** Every package held, newest first; of one period when `periodKey` is given. */
export function inboxPackages(db: Database, periodKey?: string): InboxPackageRow[] {
  const rows = (
    periodKey === undefined
      ? sql(
          db,
          `SELECT ${PACKAGE_COLUMNS} FROM inbox_packages ORDER BY received_at DESC, sha256`,
        ).all()
      : sql(
          db,
          `SELECT ${PACKAGE_COLUMNS} FROM inbox_packages WHERE period_key = ?
           ORDER BY received_at DESC, sha256`,
        ).all(periodKey)
  ) as PackageDbRow[];
  return rows.map(toPackageRow);
}

/** Quarantined packages that claim the office, oldest sequence first. */
export function quarantinedOf(db: Database, officeCode: string): InboxPackageRow[] {
  const rows = sql(
    db,
    `SELECT ${PACKAGE_COLUMNS} FROM inbox_packages WHERE office_code = ? AND status = 'quarantined'
     ORDER BY sequence, received_at`,
  ).all(officeCode) as PackageDbRow[];
  return rows.map(toPackageRow);
}

/** True when the office has a package replaced by a later one in the period. */
export function hasReplaced(db: Database, officeCode: string, periodKey: string): boolean {
  return (
    sql(
      db,
      `SELECT 1 FROM inbox_packages WHERE office_code = ? AND period_key = ? AND status = 'replaced'
       LIMIT 1`,
    ).get(officeCode, periodKey) !== undefined
  );
}

export interface NewPackage {
  sha256: string;
  fileName: string;
  manifest: Manifest;
  /** The office as the package names it with its parent's place (PackageContents.officeName). */
  officeName: string;
  fingerprint: string;
  subject: string;
  signingTime: string;
  receivedAt: string;
  status: InboxPackageStatus;
  reason: Msg | null;
  bytes: Buffer;
}

/** Inserts the package row; gives its id, the key of the rows it carries. */
export function insertInboxPackage(db: Database, p: NewPackage): number {
  const m = p.manifest;
  const info = sql(
    db,
    `INSERT INTO inbox_packages (sha256, file_name, office_code, office_name, fingerprint, subject,
       period_key, period_from, period_to, period_label, sequence, supersedes, created_at,
       signing_time, received_at, status, reason, replaced_by, activities, bytes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
  ).run(
    p.sha256,
    p.fileName,
    m.office.code,
    p.officeName,
    p.fingerprint,
    p.subject,
    m.period.key,
    m.period.from,
    m.period.to,
    m.period.label,
    m.sequence,
    m.supersedes,
    m.createdAt,
    p.signingTime,
    p.receivedAt,
    p.status,
    p.reason === null ? null : JSON.stringify(p.reason),
    m.counts.activities,
    p.bytes,
  );
  return Number(info.lastInsertRowid);
}

export function deleteInboxPackage(db: Database, sha256: string): void {
  sql(db, 'DELETE FROM inbox_packages WHERE sha256 = ?').run(sha256);
}

/**
 * The package stops counting (`replaced` by a correction) or never counted (`stale`): its rows
 * go; the signed file stays, so nothing is lost.
 */
export function markReplaced(
  db: Database,
  sha256: string,
  by: string,
  status: 'replaced' | 'stale' = 'replaced',
): void {
  const id = packageId(db, sha256);
  sql(db, 'DELETE FROM inbox_activities WHERE package_id = ?').run(id);
  sql(db, 'DELETE FROM inbox_communes WHERE package_id = ?').run(id);
  sql(
    db,
    'UPDATE inbox_packages SET status = ?, replaced_by = ?, reason = NULL WHERE sha256 = ?',
  ).run(status, by, sha256);
}

export function setQuarantineReason(db: Database, sha256: string, reason: Msg): void {
  sql(db, 'UPDATE inbox_packages SET reason = ? WHERE sha256 = ?').run(
    JSON.stringify(reason),
    sha256,
  );
}

/** The rows the merged figures count, keyed by the package's id (insertInboxPackage's). */
export function insertContents(db: Database, packageId: number, contents: PackageContents): void {
  const commune = sql(
    db,
    `INSERT INTO inbox_communes
       (package_id, code, name, kind, border, remote, ethnic, key_area, active, position,
        counts_as)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const has = (flags: readonly string[], f: string): number => (flags.includes(f) ? 1 : 0);
  contents.communes.forEach((c, i) =>
    commune.run(
      packageId,
      c.code,
      c.name,
      c.kind,
      has(c.flags, 'border'),
      has(c.flags, 'remote'),
      has(c.flags, 'ethnic'),
      has(c.flags, 'key'),
      c.active ? 1 : 0,
      i,
      c.countsAs,
    ),
  );
  const activity = sql(
    db,
    `INSERT INTO inbox_activities (package_id, id, channel, date, end_date, title, village,
       themes, theme_mask, language, audience, audience_estimated, cost_vnd, notes, measures)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const link = sql(
    db,
    'INSERT INTO inbox_activity_communes (package_id, activity_id, commune_code) VALUES (?, ?, ?)',
  );
  // A package's thousands of activities share a handful of theme sets: each is written and
  // masked once.
  const themes = new Map<string, { json: string; mask: number }>();
  for (const a of contents.activities) {
    const key = a.themes.join(',');
    let t = themes.get(key);
    if (!t) {
      const mask = themesToMask(contents.allTrafficking ? [...a.themes, 'trafficking'] : a.themes);
      themes.set(key, (t = { json: JSON.stringify(a.themes), mask }));
    }
    activity.run(
      packageId,
      a.id,
      a.channel,
      a.date,
      a.endDate ?? null,
      a.title,
      a.village,
      t.json,
      t.mask,
      a.language,
      a.audience,
      a.audienceEstimated === true ? 1 : 0,
      a.costVnd,
      a.notes,
      JSON.stringify(a.measures),
    );
    for (const code of a.communeCodes) link.run(packageId, a.id, code);
  }
}

/** Each office's earliest period it has a package of (whatever became of it): its first day. */
export function earliestPackageDays(db: Database): Map<string, string> {
  const rows = sql(
    db,
    'SELECT office_code AS code, min(period_from) AS start FROM inbox_packages GROUP BY office_code',
  ).all() as { code: string; start: string }[];
  return new Map(rows.map((r) => [r.code, r.start]));
}
