// Report drafts: the texts of each period's report.
import type { Database } from 'better-sqlite3';
import type { ReportTexts } from '../../../shared/report';
import { sql } from '../db/statements';

export function getDraft(db: Database, periodKey: string): ReportTexts | null {
  const row = sql(db, 'SELECT texts FROM report_drafts WHERE period_key = ?').get(periodKey) as
    { texts: string } | undefined;
  return row ? (JSON.parse(row.texts) as ReportTexts) : null;
}

/** The latest draft of a period that started before `from` (its texts seed the next report). */
export function previousDraft(db: Database, from: string): ReportTexts | null {
  const row = sql(
    db,
    'SELECT texts FROM report_drafts WHERE period_from < ? ORDER BY period_from DESC, updated_at DESC LIMIT 1',
  ).get(from) as { texts: string } | undefined;
  return row ? (JSON.parse(row.texts) as ReportTexts) : null;
}

export function saveDraft(
  db: Database,
  periodKey: string,
  periodFrom: string,
  texts: ReportTexts,
  now: string,
): void {
  sql(
    db,
    `INSERT INTO report_drafts (period_key, period_from, texts, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (period_key) DO UPDATE SET texts = excluded.texts, updated_at = excluded.updated_at`,
  ).run(periodKey, periodFrom, JSON.stringify(texts), now);
}
