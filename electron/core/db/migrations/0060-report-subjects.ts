// 0060: reports by subject, the signed reports kept as signed, and export attempts.
// - office.subjects: the subjects the office reports on (one report each).
// - report_drafts is keyed by period and subject; drafts made before are the trafficking
//   report's, the only subject there was (rebuilt: SQLite cannot change a primary key).
// - signed_reports: each exported package's Word file, figures and texts per subject, so a
//   locked period prints exactly what was signed.
// - export_attempts: a sequence number is reserved here before its file is written, so a
//   crash between writing the file and recording the package never lets the number be
//   given to a second, different package.
// - packages.confirmed_at/confirmed_note: when the province confirmed it received the
//   package (told the office by phone or letter), as the office records it.
// Never edit once landed.
import type { Database } from 'better-sqlite3';

export const version = 60;

const SUBJECT_CHECK = `CHECK (subject IN ('trafficking', 'drugs', 'crime', 'all'))`;

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE office ADD COLUMN subjects TEXT NOT NULL DEFAULT '["trafficking"]'
      CHECK (json_valid(subjects));

    CREATE TABLE report_drafts_new (
      period_key TEXT NOT NULL,
      subject TEXT NOT NULL ${SUBJECT_CHECK},
      period_from TEXT NOT NULL,
      texts TEXT NOT NULL CHECK (json_valid(texts)),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (period_key, subject)
    ) STRICT;
    INSERT INTO report_drafts_new (period_key, subject, period_from, texts, updated_at)
      SELECT period_key, 'trafficking', period_from, texts, updated_at FROM report_drafts;
    DROP TABLE report_drafts;
    ALTER TABLE report_drafts_new RENAME TO report_drafts;
    CREATE INDEX report_drafts_from ON report_drafts (subject, period_from);

    CREATE TABLE signed_reports (
      package_sha256 TEXT NOT NULL REFERENCES packages (sha256),
      subject TEXT NOT NULL ${SUBJECT_CHECK},
      file_name TEXT NOT NULL,
      docx BLOB NOT NULL,
      data TEXT NOT NULL CHECK (json_valid(data)),
      texts TEXT NOT NULL CHECK (json_valid(texts)),
      PRIMARY KEY (package_sha256, subject)
    ) STRICT;

    ALTER TABLE packages ADD COLUMN confirmed_at TEXT;
    ALTER TABLE packages ADD COLUMN confirmed_note TEXT;

    CREATE TABLE export_attempts (
      sequence INTEGER PRIMARY KEY CHECK (sequence >= 1),
      period_key TEXT NOT NULL,
      path TEXT NOT NULL,
      pid INTEGER NOT NULL DEFAULT 0,
      started_at TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('running', 'done', 'abandoned'))
    ) STRICT;
  `);
}
