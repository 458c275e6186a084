// 0020: the texts of each period's report (number, date, recipients, sections 1, 3 and 4),
// saved as staff type. Never edit once landed.
import type { Database } from 'better-sqlite3';

export const version = 20;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE report_drafts (
      period_key TEXT PRIMARY KEY,
      period_from TEXT NOT NULL,
      texts TEXT NOT NULL CHECK (json_valid(texts)),
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX report_drafts_from ON report_drafts (period_from);
  `);
}
