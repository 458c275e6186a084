// The outbox's tables (migration 0040): the deliveries queue and the one row of settings.
// A package that a correction replaced (a later package whose `supersedes` is its hash)
// leaves the queue: its waiting deliveries are never due again and cannot be claimed, from
// the moment the correction is committed, whichever process exported it. What it was
// replaced by is read from the packages, so nothing has to remember to tell the outbox.
import type { Database } from 'better-sqlite3';
import type { DeliveryKind, DeliveryRow, DeliveryState } from '../../../shared/contract';
import { sql } from '../db/statements';
import { decodeProblem, encodeProblem, type Problem } from './outcome';

interface DeliveryDbRow {
  id: string;
  package_sha256: string;
  file_name: string | null;
  period_key: string | null;
  package_sequence: number | null;
  replaced_by: number | null;
  kind: DeliveryKind;
  destination: string;
  state: DeliveryState;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  message_id: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

const SELECT = `SELECT d.*, p.file_name, p.period_key, p.sequence AS package_sequence,
    (SELECT MIN(c.sequence) FROM packages c WHERE c.supersedes = d.package_sha256) AS replaced_by
  FROM deliveries d LEFT JOIN packages p ON p.sha256 = d.package_sha256`;

/** True for a delivery `d` whose package is still current (no correction replaced it). */
const CURRENT = 'NOT EXISTS (SELECT 1 FROM packages c WHERE c.supersedes = d.package_sha256)';

function toRow(r: DeliveryDbRow): DeliveryRow {
  const problem = decodeProblem(r.last_error);
  return {
    id: r.id,
    packageSha256: r.package_sha256,
    packageSequence: r.package_sequence ?? 0,
    replacedBy: r.replaced_by,
    fileName: r.file_name ?? '',
    periodKey: r.period_key ?? '',
    kind: r.kind,
    destination: r.destination,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: problem?.message ?? null,
    errorDetail: problem?.detail ?? null,
    messageId: r.message_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    sentAt: r.sent_at,
  };
}

/** Newest first. */
export function allDeliveries(db: Database): DeliveryRow[] {
  return (
    sql(db, `${SELECT} ORDER BY d.created_at DESC, d.rowid DESC`).all() as DeliveryDbRow[]
  ).map(toRow);
}

export function deliveryById(db: Database, id: string): DeliveryRow | undefined {
  const r = sql(db, `${SELECT} WHERE d.id = ?`).get(id) as DeliveryDbRow | undefined;
  return r ? toRow(r) : undefined;
}

export function deliveryOf(
  db: Database,
  sha256: string,
  kind: DeliveryKind,
  destination: string,
): DeliveryRow | undefined {
  const r = sql(
    db,
    `${SELECT} WHERE d.package_sha256 = ? AND d.kind = ? AND d.destination = ?`,
  ).get(sha256, kind, destination) as DeliveryDbRow | undefined;
  return r ? toRow(r) : undefined;
}

export function insertDelivery(
  db: Database,
  d: {
    id: string;
    sha256: string;
    kind: DeliveryKind;
    destination: string;
    messageId: string | null;
    at: string;
  },
): void {
  sql(
    db,
    `INSERT INTO deliveries (id, package_sha256, kind, destination, state, attempts,
       next_attempt_at, message_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?)`,
  ).run(d.id, d.sha256, d.kind, d.destination, d.at, d.messageId, d.at, d.at);
}

/** Due deliveries of packages still current, oldest due first. */
export function dueDeliveries(db: Database, now: string, limit: number): DeliveryRow[] {
  return (
    sql(
      db,
      `${SELECT} WHERE d.state = 'pending' AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= ?)
       AND ${CURRENT}
       ORDER BY d.next_attempt_at, d.created_at LIMIT ?`,
    ).all(now, limit) as DeliveryDbRow[]
  ).map(toRow);
}

/** The earliest moment a pending delivery is due, or null when none is pending. */
export function nextDue(db: Database): string | null {
  const r = sql(
    db,
    `SELECT MIN(COALESCE(d.next_attempt_at, '')) AS at FROM deliveries d
     WHERE d.state = 'pending' AND ${CURRENT}`,
  ).get() as { at: string | null };
  return r.at;
}

/**
 * pending → sending, counting the attempt; false when someone else took it first, or when a
 * correction replaced the package since it was found due (checked in the same statement).
 */
export function claim(db: Database, id: string, at: string): boolean {
  return (
    sql(
      db,
      `UPDATE deliveries AS d SET state = 'sending', attempts = attempts + 1, updated_at = ?
       WHERE d.id = ? AND d.state = 'pending' AND ${CURRENT}`,
    ).run(at, id).changes === 1
  );
}

export function markSent(db: Database, id: string, at: string): void {
  sql(
    db,
    `UPDATE deliveries SET state = 'sent', sent_at = ?, updated_at = ?, last_error = NULL,
       next_attempt_at = NULL WHERE id = ? AND state = 'sending'`,
  ).run(at, at, id);
}

export function markRetry(
  db: Database,
  id: string,
  at: string,
  next: string,
  error: Problem,
): void {
  sql(
    db,
    `UPDATE deliveries SET state = 'pending', next_attempt_at = ?, last_error = ?, updated_at = ?
     WHERE id = ? AND state = 'sending'`,
  ).run(next, encodeProblem(error), at, id);
}

export function markFailed(db: Database, id: string, at: string, error: Problem): void {
  sql(
    db,
    `UPDATE deliveries SET state = 'failed', next_attempt_at = NULL, last_error = ?, updated_at = ?
     WHERE id = ? AND state = 'sending'`,
  ).run(encodeProblem(error), at, id);
}

/** failed or cancelled → pending, due at `at` (a new enqueue, or "send now" after a failure). */
export function revive(db: Database, id: string, at: string): void {
  sql(
    db,
    `UPDATE deliveries SET state = 'pending', next_attempt_at = ?, updated_at = ?
     WHERE id = ? AND state IN ('pending', 'failed', 'cancelled')`,
  ).run(at, at, id);
}

export function cancelDelivery(db: Database, id: string, at: string): boolean {
  return (
    sql(
      db,
      `UPDATE deliveries SET state = 'cancelled', next_attempt_at = NULL, updated_at = ?
       WHERE id = ? AND state IN ('pending', 'failed')`,
    ).run(at, id).changes === 1
  );
}

/** After a crash: whatever was being sent goes back to the queue, due now. */
export function requeueSending(db: Database, at: string): number {
  return sql(
    db,
    `UPDATE deliveries SET state = 'pending', next_attempt_at = ?, updated_at = ?
     WHERE state = 'sending'`,
  ).run(at, at).changes;
}

// ---------- settings ----------

export interface DeliverySettingsRow {
  smtp_host: string;
  smtp_port: number;
  smtp_security: 'tls' | 'starttls' | 'none';
  smtp_user: string;
  smtp_password_sealed: Buffer | null;
  smtp_password_sealed_with: 'os' | 'passphrase' | null;
  sender: string;
  recipients: string;
  upload_url: string;
}

export function getDeliverySettings(db: Database): DeliverySettingsRow {
  return sql(db, 'SELECT * FROM delivery_settings WHERE id = 1').get() as DeliverySettingsRow;
}

export function saveDeliverySettings(
  db: Database,
  s: Omit<DeliverySettingsRow, 'recipients'> & { recipients: string[] },
  at: string,
): void {
  sql(
    db,
    `UPDATE delivery_settings SET smtp_host = ?, smtp_port = ?, smtp_security = ?, smtp_user = ?,
       smtp_password_sealed = ?, smtp_password_sealed_with = ?, sender = ?, recipients = ?,
       upload_url = ?, updated_at = ? WHERE id = 1`,
  ).run(
    s.smtp_host,
    s.smtp_port,
    s.smtp_security,
    s.smtp_user,
    s.smtp_password_sealed,
    s.smtp_password_sealed_with,
    s.sender,
    JSON.stringify(s.recipients),
    s.upload_url,
    at,
  );
}
