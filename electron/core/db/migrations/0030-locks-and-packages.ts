// 0030: exported packages, period locks, and an audit log that can also record locking,
// unlocking (with its reason) and exports. SQLite cannot alter a CHECK constraint, so the
// audit log is rebuilt and its rows copied (https://sqlite.org/lang_altertable.html#otheralter).
// Never edit once landed.
import type { Database } from 'better-sqlite3';

export const version = 30;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE packages (
      id INTEGER PRIMARY KEY,
      period_key TEXT NOT NULL,
      period_from TEXT NOT NULL,
      period_to TEXT NOT NULL,
      sequence INTEGER NOT NULL UNIQUE CHECK (sequence >= 1),
      sha256 TEXT NOT NULL UNIQUE,
      supersedes TEXT,
      file_name TEXT NOT NULL,
      path TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX packages_period ON packages (period_key, sequence);

    CREATE TABLE period_locks (
      period_key TEXT PRIMARY KEY,
      period_from TEXT NOT NULL,
      period_to TEXT NOT NULL,
      locked_at TEXT NOT NULL,
      package_sha256 TEXT,
      unlocked_at TEXT,
      unlock_reason TEXT
    ) STRICT;

    CREATE TABLE audit_log_new (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      entity TEXT NOT NULL CHECK (entity IN ('activity', 'directive', 'profile', 'period', 'package')),
      entity_id TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN
        ('create', 'update', 'delete', 'restore', 'lock', 'unlock', 'export')),
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
