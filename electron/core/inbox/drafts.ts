// The merged report's texts, one draft per period and subject (merged_drafts, migration 0070).
import type { Database } from 'better-sqlite3';
import type { ReportSubject } from '../../../shared/domain';
import { sql } from '../db/statements';

export function getMergedDraft<T>(
  db: Database,
  periodKey: string,
  subject: ReportSubject,
): T | null {
  const row = sql(db, 'SELECT texts FROM merged_drafts WHERE period_key = ? AND subject = ?').get(
    periodKey,
    subject,
  ) as { texts: string } | undefined;
  return row ? (JSON.parse(row.texts) as T) : null;
}

/** The latest draft of the subject for a period starting before `from`. */
export function previousMergedDraft<T>(
  db: Database,
  from: string,
  subject: ReportSubject,
): T | null {
  const row = sql(
    db,
    `SELECT texts FROM merged_drafts WHERE subject = ? AND period_from < ?
     ORDER BY period_from DESC LIMIT 1`,
  ).get(subject, from) as { texts: string } | undefined;
  return row ? (JSON.parse(row.texts) as T) : null;
}

export function saveMergedDraft(
  db: Database,
  draft: { periodKey: string; subject: ReportSubject; from: string; texts: unknown; now: string },
): void {
  sql(
    db,
    `INSERT INTO merged_drafts (period_key, subject, period_from, texts, updated_at)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (period_key, subject) DO UPDATE SET texts = excluded.texts,
       updated_at = excluded.updated_at`,
  ).run(draft.periodKey, draft.subject, draft.from, JSON.stringify(draft.texts), draft.now);
}
