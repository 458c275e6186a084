// The province desk's tables (migration 0050): desk settings, the register of trusted offices,
// and the packages taken in with their contents. Raw SQL, values bound.
import type { Database } from 'better-sqlite3';
import type { Msg } from '../../../shared/errors';
import type {
  DeskSettings,
  InboxPackageRow,
  InboxPackageStatus,
  TrustedCertificate,
  TrustedOffice,
  TrustSource,
} from '../../../shared/inbox';
import type { Manifest } from '../../../shared/package';
import { sql } from '../db/statements';
import { themesToMask } from '../queries/activities';
import type { PackageContents } from './data';

// ---------- desks ----------

export function getDeskSettings(db: Database): DeskSettings {
  const row = sql(
    db,
    'SELECT office, province, deadline_days, package_limit_mb FROM desk_settings WHERE id = 1',
  ).get() as {
    office: number;
    province: number;
    deadline_days: number;
    package_limit_mb: number;
  };
  return {
    office: row.office === 1,
    province: row.province === 1,
    deadlineDays: row.deadline_days,
    packageLimitMb: row.package_limit_mb,
  };
}

export function saveDeskSettings(db: Database, s: DeskSettings, now: string): void {
  sql(
    db,
    `UPDATE desk_settings SET office = ?, province = ?, deadline_days = ?,
       package_limit_mb = coalesce(?, package_limit_mb), updated_at = ? WHERE id = 1`,
  ).run(s.office ? 1 : 0, s.province ? 1 : 0, s.deadlineDays, s.packageLimitMb ?? null, now);
}

// ---------- the register ----------

interface CertificateDbRow {
  fingerprint: string;
  office_code: string;
  subject: string | null;
  not_after: string | null;
  source: TrustSource;
  added_at: string;
  revoked_at: string | null;
}

const toCertificate = (r: CertificateDbRow): TrustedCertificate => ({
  fingerprint: r.fingerprint,
  subject: r.subject,
  notAfter: r.not_after,
  source: r.source,
  addedAt: r.added_at,
  revokedAt: r.revoked_at,
});

export function trustedOffices(db: Database): TrustedOffice[] {
  const offices = sql(
    db,
    'SELECT code, name, created_at FROM trusted_offices ORDER BY code',
  ).all() as {
    code: string;
    name: string;
    created_at: string;
  }[];
  const certs = sql(
    db,
    'SELECT * FROM trusted_certificates ORDER BY added_at, fingerprint',
  ).all() as CertificateDbRow[];
  return offices.map((o) => ({
    code: o.code,
    name: o.name,
    createdAt: o.created_at,
    certificates: certs.filter((c) => c.office_code === o.code).map(toCertificate),
  }));
}

/** One office of the register (called per package: reads only that office's rows). */
export function trustedOffice(db: Database, code: string): TrustedOffice | null {
  const o = sql(db, 'SELECT code, name, created_at FROM trusted_offices WHERE code = ?').get(
    code,
  ) as { code: string; name: string; created_at: string } | undefined;
  if (!o) return null;
  const certs = sql(
    db,
    'SELECT * FROM trusted_certificates WHERE office_code = ? ORDER BY added_at, fingerprint',
  ).all(code) as CertificateDbRow[];
  return {
    code: o.code,
    name: o.name,
    createdAt: o.created_at,
    certificates: certs.map(toCertificate),
  };
}

export function certificateRow(db: Database, fingerprint: string): CertificateDbRow | undefined {
  return sql(db, 'SELECT * FROM trusted_certificates WHERE fingerprint = ?').get(fingerprint) as
    CertificateDbRow | undefined;
}

export function upsertTrustedOffice(db: Database, code: string, name: string, now: string): void {
  sql(
    db,
    `INSERT INTO trusted_offices (code, name, created_at) VALUES (?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name`,
  ).run(code, name, now);
}

export function insertCertificate(
  db: Database,
  c: {
    fingerprint: string;
    officeCode: string;
    subject: string | null;
    notAfter: string | null;
    der: Buffer | null;
    source: TrustSource;
    at: string;
  },
): void {
  sql(
    db,
    `INSERT INTO trusted_certificates
       (fingerprint, office_code, subject, not_after, certificate, source, added_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(c.fingerprint, c.officeCode, c.subject, c.notAfter, c.der, c.source, c.at);
}

/** Whether any package of the office was ever counted (current, replaced or stale). */
export function hasCountedPackages(db: Database, officeCode: string): boolean {
  return (
    sql(
      db,
      `SELECT 1 FROM inbox_packages WHERE office_code = ? AND status != 'quarantined' LIMIT 1`,
    ).get(officeCode) !== undefined
  );
}

export function deleteTrustedOffice(db: Database, code: string): void {
  sql(db, 'DELETE FROM trusted_certificates WHERE office_code = ?').run(code);
  sql(db, 'DELETE FROM trusted_offices WHERE code = ?').run(code);
}

/** The office as it was before its last removal, from the audit log; null when none. */
export function removedOffice(db: Database, code: string): TrustedOffice | null {
  const row = sql(
    db,
    `SELECT before FROM audit_log WHERE entity = 'office' AND entity_id = ? AND action = 'delete'
     ORDER BY id DESC LIMIT 1`,
  ).get(code) as { before: string | null } | undefined;
  return row?.before ? (JSON.parse(row.before) as TrustedOffice) : null;
}

/** Moves a (revoked) certificate to another office, in force again. */
export function moveCertificate(db: Database, fingerprint: string, officeCode: string): void {
  sql(
    db,
    'UPDATE trusted_certificates SET office_code = ?, revoked_at = NULL WHERE fingerprint = ?',
  ).run(officeCode, fingerprint);
}

export function setCertificateRevoked(db: Database, fingerprint: string, at: string | null): void {
  sql(db, 'UPDATE trusted_certificates SET revoked_at = ? WHERE fingerprint = ?').run(
    at,
    fingerprint,
  );
}

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
  fingerprint: string;
  subject: string;
  signingTime: string;
  receivedAt: string;
  status: InboxPackageStatus;
  reason: Msg | null;
  bytes: Buffer;
}

export function insertInboxPackage(db: Database, p: NewPackage): void {
  const m = p.manifest;
  sql(
    db,
    `INSERT INTO inbox_packages (sha256, file_name, office_code, office_name, fingerprint, subject,
       period_key, period_from, period_to, period_label, sequence, supersedes, created_at,
       signing_time, received_at, status, reason, replaced_by, activities, bytes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
  ).run(
    p.sha256,
    p.fileName,
    m.office.code,
    m.office.name,
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
  sql(db, 'DELETE FROM inbox_activities WHERE package_sha256 = ?').run(sha256);
  sql(db, 'DELETE FROM inbox_communes WHERE package_sha256 = ?').run(sha256);
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

/** The rows the merged figures count. */
export function insertContents(db: Database, sha256: string, contents: PackageContents): void {
  const commune = sql(
    db,
    `INSERT INTO inbox_communes
       (package_sha256, code, name, kind, border, remote, ethnic, key_area, active, position,
        counts_as)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const has = (flags: readonly string[], f: string): number => (flags.includes(f) ? 1 : 0);
  contents.communes.forEach((c, i) =>
    commune.run(
      sha256,
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
    `INSERT INTO inbox_activities (package_sha256, id, channel, date, end_date, title, village,
       themes, theme_mask, language, audience, audience_estimated, cost_vnd, notes, measures)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const link = sql(
    db,
    'INSERT INTO inbox_activity_communes (package_sha256, activity_id, commune_code) VALUES (?, ?, ?)',
  );
  for (const a of contents.activities) {
    activity.run(
      sha256,
      a.id,
      a.channel,
      a.date,
      a.endDate ?? null,
      a.title,
      a.village,
      JSON.stringify(a.themes),
      themesToMask(contents.allTrafficking ? [...a.themes, 'trafficking'] : a.themes),
      a.language,
      a.audience,
      a.audienceEstimated === true ? 1 : 0,
      a.costVnd,
      a.notes,
      JSON.stringify(a.measures),
    );
    for (const code of a.communeCodes) link.run(sha256, a.id, code);
  }
}
