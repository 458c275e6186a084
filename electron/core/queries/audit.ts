// The audit log: every create, update, delete and restore, with before and after.
import { sql } from '../db/statements';
import type { Database } from 'better-sqlite3';
import type { AuditAction, AuditEntry } from '../../../shared/contract';

interface AuditDbRow {
  id: number;
  at: string;
  entity: AuditEntry['entity'];
  entity_id: string;
  action: AuditAction;
  source: string;
  before: string | null;
  after: string | null;
}

export interface AuditWrite {
  at: string;
  entity: AuditEntry['entity'];
  entityId: string;
  action: AuditAction;
  source: string;
  before: unknown;
  after: unknown;
  reason?: string;
}

export function writeAudit(db: Database, a: AuditWrite): void {
  sql(
    db,
    `INSERT INTO audit_log (at, entity, entity_id, action, source, before, after, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    a.at,
    a.entity,
    a.entityId,
    a.action,
    a.source,
    a.before === null || a.before === undefined ? null : JSON.stringify(a.before),
    a.after === null || a.after === undefined ? null : JSON.stringify(a.after),
    a.reason ?? null,
  );
}

export function auditOf(
  db: Database,
  entity: AuditEntry['entity'],
  entityId: string,
): AuditEntry[] {
  const rows = sql(
    db,
    'SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id',
  ).all(entity, entityId) as AuditDbRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    source: r.source,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  }));
}
