// The directives register (văn bản chỉ đạo).
import { sql } from '../db/statements';
import type { Database } from 'better-sqlite3';
import type { DirectiveRow } from '../../../shared/contract';
import type { DirectiveDirection } from '../../../shared/domain';
import type { Directive } from '../../../shared/schemas';

interface DirectiveDbRow {
  id: string;
  number: string;
  date: string;
  issuer: string;
  subject: string;
  direction: DirectiveDirection;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

function rowToDirective(r: DirectiveDbRow): DirectiveRow {
  return {
    id: r.id,
    number: r.number,
    date: r.date,
    issuer: r.issuer,
    subject: r.subject,
    direction: r.direction,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

export function listDirectives(
  db: Database,
  deleted: boolean,
  terms: readonly string[],
): DirectiveRow[] {
  const parts = [deleted ? 'deleted_at IS NOT NULL' : 'deleted_at IS NULL'];
  for (let i = 0; i < terms.length; i++) parts.push('instr(search_text, ?) > 0');
  const rows = sql(
    db,
    `SELECT * FROM directives WHERE ${parts.join(' AND ')} ORDER BY date DESC, created_at DESC`,
  ).all(...terms) as DirectiveDbRow[];
  return rows.map(rowToDirective);
}

export function getDirective(db: Database, id: string): DirectiveRow | undefined {
  const row = sql(db, 'SELECT * FROM directives WHERE id = ?').get(id) as
    DirectiveDbRow | undefined;
  return row ? rowToDirective(row) : undefined;
}

export function upsertDirective(db: Database, d: Directive, searchText: string, now: string): void {
  sql(
    db,
    `INSERT INTO directives (id, number, date, issuer, subject, direction, search_text, created_at, updated_at)
     VALUES (@id, @number, @date, @issuer, @subject, @direction, @searchText, @now, @now)
     ON CONFLICT (id) DO UPDATE SET number = excluded.number, date = excluded.date,
       issuer = excluded.issuer, subject = excluded.subject, direction = excluded.direction,
       search_text = excluded.search_text, updated_at = excluded.updated_at`,
  ).run({ ...d, searchText, now });
}

export function setDirectiveDeleted(
  db: Database,
  id: string,
  deletedAt: string | null,
  now: string,
): void {
  sql(db, 'UPDATE directives SET deleted_at = ?, updated_at = ? WHERE id = ?').run(
    deletedAt,
    now,
    id,
  );
}

/** Live directives dated inside [from, to], oldest first (section 1 of the report). */
export function directivesBetween(db: Database, from: string, to: string): DirectiveRow[] {
  const rows = sql(
    db,
    'SELECT * FROM directives WHERE deleted_at IS NULL AND date >= ? AND date <= ? ORDER BY date, created_at',
  ).all(from, to) as DirectiveDbRow[];
  return rows.map(rowToDirective);
}
