// 0040: the outbox. One row of delivery settings (SMTP account with the
// password sealed, sender, recipients, upload address) and the deliveries queue: one row per
// package and destination, never two for the same pair. Never edit once landed.
import type { Database } from 'better-sqlite3';

export const version = 40;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE delivery_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      smtp_host TEXT NOT NULL DEFAULT '',
      smtp_port INTEGER NOT NULL DEFAULT 587 CHECK (smtp_port BETWEEN 1 AND 65535),
      smtp_security TEXT NOT NULL DEFAULT 'starttls'
        CHECK (smtp_security IN ('tls', 'starttls', 'none')),
      smtp_user TEXT NOT NULL DEFAULT '',
      smtp_password_sealed BLOB,
      smtp_password_sealed_with TEXT CHECK (smtp_password_sealed_with IN ('os', 'passphrase')),
      sender TEXT NOT NULL DEFAULT '',
      recipients TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(recipients)),
      upload_url TEXT NOT NULL DEFAULT '',
      updated_at TEXT
    ) STRICT;
    INSERT INTO delivery_settings (id) VALUES (1);

    CREATE TABLE deliveries (
      id TEXT PRIMARY KEY,
      package_sha256 TEXT NOT NULL REFERENCES packages (sha256),
      kind TEXT NOT NULL CHECK (kind IN ('folder', 'email', 'upload')),
      destination TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
      attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      next_attempt_at TEXT,
      last_error TEXT,
      message_id TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      sent_at TEXT,
      UNIQUE (package_sha256, kind, destination)
    ) STRICT;
    CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at);
  `);
}
