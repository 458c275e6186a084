// 0050: the province desk. Which desks the installation has, the register of trusted
// offices and their certificates, the packages taken in (the signed file kept as it came, so
// a quarantined one can be let in later and any one re-checked), the activities and communes
// of each package, and the merged report's texts. The audit log is rebuilt once more so it
// can record trust changes and packages taken in (SQLite cannot alter a CHECK constraint,
// https://sqlite.org/lang_altertable.html#otheralter). Never edit once landed.
import type { Database } from 'better-sqlite3';

export const version = 50;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE desk_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      office INTEGER NOT NULL DEFAULT 1 CHECK (office IN (0, 1)),
      province INTEGER NOT NULL DEFAULT 0 CHECK (province IN (0, 1)),
      deadline_days INTEGER NOT NULL DEFAULT 10 CHECK (deadline_days BETWEEN 0 AND 366),
      updated_at TEXT
    ) STRICT;
    INSERT INTO desk_settings (id) VALUES (1);

    CREATE TABLE trusted_offices (
      code TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE trusted_certificates (
      fingerprint TEXT PRIMARY KEY,
      office_code TEXT NOT NULL REFERENCES trusted_offices (code),
      subject TEXT,
      not_after TEXT,
      certificate BLOB,
      source TEXT NOT NULL CHECK (source IN ('certificate', 'sheet', 'package')),
      added_at TEXT NOT NULL,
      revoked_at TEXT
    ) STRICT;
    CREATE INDEX trusted_certificates_office ON trusted_certificates (office_code);

    CREATE TABLE inbox_packages (
      sha256 TEXT PRIMARY KEY,
      file_name TEXT NOT NULL,
      office_code TEXT NOT NULL,
      office_name TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      subject TEXT NOT NULL,
      period_key TEXT NOT NULL,
      period_from TEXT NOT NULL,
      period_to TEXT NOT NULL,
      period_label TEXT NOT NULL,
      sequence INTEGER NOT NULL CHECK (sequence >= 1),
      supersedes TEXT,
      created_at TEXT NOT NULL,
      signing_time TEXT NOT NULL,
      received_at TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('current', 'replaced', 'stale', 'quarantined')),
      reason TEXT CHECK (reason IS NULL OR json_valid(reason)),
      replaced_by TEXT,
      activities INTEGER NOT NULL CHECK (activities >= 0),
      bytes BLOB NOT NULL
    ) STRICT;
    -- One counted package per office and period.
    CREATE UNIQUE INDEX inbox_packages_current ON inbox_packages (office_code, period_key)
      WHERE status = 'current';
    CREATE INDEX inbox_packages_period ON inbox_packages (period_key, status);

    CREATE TABLE inbox_communes (
      package_sha256 TEXT NOT NULL REFERENCES inbox_packages (sha256) ON DELETE CASCADE,
      code TEXT NOT NULL,
      name TEXT NOT NULL,
      border INTEGER NOT NULL CHECK (border IN (0, 1)),
      remote INTEGER NOT NULL CHECK (remote IN (0, 1)),
      ethnic INTEGER NOT NULL CHECK (ethnic IN (0, 1)),
      key_area INTEGER NOT NULL CHECK (key_area IN (0, 1)),
      -- 0: dropped from the office's list, still named by the period's activities.
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      position INTEGER NOT NULL,
      PRIMARY KEY (package_sha256, code)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE inbox_activities (
      package_sha256 TEXT NOT NULL REFERENCES inbox_packages (sha256) ON DELETE CASCADE,
      id TEXT NOT NULL,
      channel TEXT NOT NULL,
      date TEXT NOT NULL,
      end_date TEXT,
      title TEXT NOT NULL,
      village TEXT NOT NULL,
      themes TEXT NOT NULL CHECK (json_valid(themes)),
      language TEXT NOT NULL,
      audience INTEGER NOT NULL,
      cost_vnd INTEGER NOT NULL,
      notes TEXT NOT NULL,
      measures TEXT NOT NULL CHECK (json_valid(measures)),
      PRIMARY KEY (package_sha256, id)
    ) STRICT;
    CREATE INDEX inbox_activities_channel ON inbox_activities (package_sha256, channel);

    CREATE TABLE inbox_activity_communes (
      package_sha256 TEXT NOT NULL,
      activity_id TEXT NOT NULL,
      commune_code TEXT NOT NULL,
      PRIMARY KEY (package_sha256, activity_id, commune_code),
      FOREIGN KEY (package_sha256, activity_id)
        REFERENCES inbox_activities (package_sha256, id) ON DELETE CASCADE
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE merged_drafts (
      period_key TEXT PRIMARY KEY,
      period_from TEXT NOT NULL,
      texts TEXT NOT NULL CHECK (json_valid(texts)),
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE audit_log_new (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      entity TEXT NOT NULL CHECK (entity IN
        ('activity', 'directive', 'profile', 'period', 'package', 'office', 'inbox', 'settings')),
      entity_id TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN
        ('create', 'update', 'delete', 'restore', 'lock', 'unlock', 'export',
         'trust', 'revoke', 'receive', 'replace', 'quarantine', 'release')),
      source TEXT NOT NULL,
      before TEXT CHECK (before IS NULL OR json_valid(before)),
      after TEXT CHECK (after IS NULL OR json_valid(after)),
      reason TEXT
    ) STRICT;
    INSERT INTO audit_log_new (id, at, entity, entity_id, action, source, before, after, reason)
      SELECT id, at, entity, entity_id, action, source, before, after, reason FROM audit_log;
    DROP TABLE audit_log;
    ALTER TABLE audit_log_new RENAME TO audit_log;
    CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);
  `);
}
