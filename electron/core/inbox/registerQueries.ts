// The province desk's settings and its register of trusted offices and their certificates
// (migration 0050). Raw SQL, values bound; queries.ts re-exports these with the packages'.
import type { Database } from 'better-sqlite3';
import type {
  DeskSettings,
  TrustedCertificate,
  TrustedOffice,
  TrustSource,
} from '../../../shared/inbox';
import { sql } from '../db/statements';

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
    'SELECT code, name, created_at, follow_from FROM trusted_offices ORDER BY code',
  ).all() as {
    code: string;
    name: string;
    created_at: string;
    follow_from: string | null;
  }[];
  const certs = sql(
    db,
    'SELECT * FROM trusted_certificates ORDER BY added_at, fingerprint',
  ).all() as CertificateDbRow[];
  return offices.map((o) => ({
    code: o.code,
    name: o.name,
    createdAt: o.created_at,
    followFrom: o.follow_from,
    certificates: certs.filter((c) => c.office_code === o.code).map(toCertificate),
  }));
}

/** One office of the register (called per package: reads only that office's rows). */
export function trustedOffice(db: Database, code: string): TrustedOffice | null {
  const o = sql(
    db,
    'SELECT code, name, created_at, follow_from FROM trusted_offices WHERE code = ?',
  ).get(code) as
    { code: string; name: string; created_at: string; follow_from: string | null } | undefined;
  if (!o) return null;
  const certs = sql(
    db,
    'SELECT * FROM trusted_certificates WHERE office_code = ? ORDER BY added_at, fingerprint',
  ).all(code) as CertificateDbRow[];
  return {
    code: o.code,
    name: o.name,
    createdAt: o.created_at,
    followFrom: o.follow_from,
    certificates: certs.map(toCertificate),
  };
}

/** The first day the desk expects the office's reports from; null: worked out (merged.ts). */
export function setFollowFrom(db: Database, code: string, day: string | null): void {
  sql(db, 'UPDATE trusted_offices SET follow_from = ? WHERE code = ?').run(day, code);
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
