// 0070: the province desk merges by subject, as offices now report by subject (0060).
// - inbox_activities.theme_mask: the themes an activity counts under (1 trafficking, 2 drugs,
//   4 crime), so a merge by subject is one AND on the row rather than a json_each per
//   activity. Every package held before is a version 1 package, whose one report was the
//   trafficking report counting all its activities: they all count under trafficking too.
// - merged_drafts is keyed by period and subject; drafts made before are the trafficking
//   report's, the only subject there was (rebuilt: SQLite cannot change a primary key).
// Never edit once landed.
import type { Database } from 'better-sqlite3';

export const version = 70;

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE inbox_activities ADD COLUMN theme_mask INTEGER NOT NULL DEFAULT 0
      CHECK (theme_mask BETWEEN 0 AND 7);
    UPDATE inbox_activities SET theme_mask = 1 | (
      SELECT COALESCE(SUM(DISTINCT CASE value WHEN 'trafficking' THEN 1 WHEN 'drugs' THEN 2
        WHEN 'crime' THEN 4 ELSE 0 END), 0)
      FROM json_each(inbox_activities.themes));

    CREATE TABLE merged_drafts_new (
      period_key TEXT NOT NULL,
      subject TEXT NOT NULL CHECK (subject IN ('trafficking', 'drugs', 'crime', 'all')),
      period_from TEXT NOT NULL,
      texts TEXT NOT NULL CHECK (json_valid(texts)),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (period_key, subject)
    ) STRICT;
    INSERT INTO merged_drafts_new (period_key, subject, period_from, texts, updated_at)
      SELECT period_key, 'trafficking', period_from, texts, updated_at FROM merged_drafts;
    DROP TABLE merged_drafts;
    ALTER TABLE merged_drafts_new RENAME TO merged_drafts;
    CREATE INDEX merged_drafts_from ON merged_drafts (subject, period_from);
  `);
}
