// 0110: the province desk's content rows name their package by an integer id.
// - inbox_packages.id: the package's own key for the rows it carries; sha256 stays the
//   package's name (unique, in every API output and audit entry, and in replaced_by).
// - inbox_communes, inbox_activities, inbox_activity_communes and inbox_photos: package_id
//   in place of package_sha256. A province holds hundreds of thousands of activities, each
//   of which (and each link and each index entry) repeated the 64-character hash: the key
//   was most of a row, and most of the cost of taking a package in.
// - inbox_activities is clustered by (package_id, id) (WITHOUT ROWID): the merged figures
//   read a package's activities as one range, and a take-in writes one b-tree, not two.
// - inbox_activities_channel is dropped: no query reads activities by channel alone within
//   a package, and every index is one more write per activity taken in.
// Tables are rebuilt, as SQLite cannot change a primary key
// (https://sqlite.org/lang_altertable.html#otheralter); renaming a table rewrites the
// foreign keys that name it (SQLite ≥ 3.26). Never edit once landed.
import type { Database } from 'better-sqlite3';

export const version = 110;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE inbox_packages_new (
      id INTEGER PRIMARY KEY,
      sha256 TEXT NOT NULL UNIQUE,
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
    INSERT INTO inbox_packages_new (id, sha256, file_name, office_code, office_name, fingerprint,
        subject, period_key, period_from, period_to, period_label, sequence, supersedes,
        created_at, signing_time, received_at, status, reason, replaced_by, activities, bytes)
      SELECT rowid, sha256, file_name, office_code, office_name, fingerprint, subject,
        period_key, period_from, period_to, period_label, sequence, supersedes, created_at,
        signing_time, received_at, status, reason, replaced_by, activities, bytes
      FROM inbox_packages;

    CREATE TABLE inbox_communes_new (
      package_id INTEGER NOT NULL REFERENCES inbox_packages_new (id) ON DELETE CASCADE,
      code TEXT NOT NULL,
      name TEXT NOT NULL,
      kind TEXT NOT NULL DEFAULT '',
      border INTEGER NOT NULL CHECK (border IN (0, 1)),
      remote INTEGER NOT NULL CHECK (remote IN (0, 1)),
      ethnic INTEGER NOT NULL CHECK (ethnic IN (0, 1)),
      key_area INTEGER NOT NULL CHECK (key_area IN (0, 1)),
      -- 0: dropped from the office's list, still named by the period's activities.
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      position INTEGER NOT NULL,
      counts_as TEXT,
      PRIMARY KEY (package_id, code)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO inbox_communes_new (package_id, code, name, kind, border, remote, ethnic,
        key_area, active, position, counts_as)
      SELECT p.id, c.code, c.name, c.kind, c.border, c.remote, c.ethnic, c.key_area, c.active,
        c.position, c.counts_as
      FROM inbox_communes c JOIN inbox_packages_new p ON p.sha256 = c.package_sha256;

    CREATE TABLE inbox_activities_new (
      package_id INTEGER NOT NULL REFERENCES inbox_packages_new (id) ON DELETE CASCADE,
      id TEXT NOT NULL,
      channel TEXT NOT NULL,
      date TEXT NOT NULL,
      end_date TEXT,
      title TEXT NOT NULL,
      village TEXT NOT NULL,
      themes TEXT NOT NULL CHECK (json_valid(themes)),
      theme_mask INTEGER NOT NULL DEFAULT 0 CHECK (theme_mask BETWEEN 0 AND 7),
      language TEXT NOT NULL,
      audience INTEGER NOT NULL,
      audience_estimated INTEGER NOT NULL DEFAULT 0 CHECK (audience_estimated IN (0, 1)),
      cost_vnd INTEGER NOT NULL,
      notes TEXT NOT NULL,
      measures TEXT NOT NULL CHECK (json_valid(measures)),
      PRIMARY KEY (package_id, id)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO inbox_activities_new (package_id, id, channel, date, end_date, title, village,
        themes, theme_mask, language, audience, audience_estimated, cost_vnd, notes, measures)
      SELECT p.id, a.id, a.channel, a.date, a.end_date, a.title, a.village, a.themes,
        a.theme_mask, a.language, a.audience, a.audience_estimated, a.cost_vnd, a.notes,
        a.measures
      FROM inbox_activities a JOIN inbox_packages_new p ON p.sha256 = a.package_sha256;

    CREATE TABLE inbox_activity_communes_new (
      package_id INTEGER NOT NULL,
      activity_id TEXT NOT NULL,
      commune_code TEXT NOT NULL,
      PRIMARY KEY (package_id, activity_id, commune_code),
      FOREIGN KEY (package_id, activity_id)
        REFERENCES inbox_activities_new (package_id, id) ON DELETE CASCADE
    ) STRICT, WITHOUT ROWID;
    INSERT INTO inbox_activity_communes_new (package_id, activity_id, commune_code)
      SELECT p.id, l.activity_id, l.commune_code
      FROM inbox_activity_communes l JOIN inbox_packages_new p ON p.sha256 = l.package_sha256;

    CREATE TABLE inbox_photos_new (
      package_id INTEGER NOT NULL,
      activity_id TEXT NOT NULL,
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      size INTEGER NOT NULL CHECK (size > 0),
      width INTEGER NOT NULL CHECK (width > 0),
      height INTEGER NOT NULL CHECK (height > 0),
      taken_at TEXT,
      position INTEGER NOT NULL,
      PRIMARY KEY (package_id, activity_id, sha256),
      FOREIGN KEY (package_id, activity_id)
        REFERENCES inbox_activities_new (package_id, id) ON DELETE CASCADE
    ) STRICT, WITHOUT ROWID;
    INSERT INTO inbox_photos_new (package_id, activity_id, sha256, size, width, height, taken_at,
        position)
      SELECT p.id, ph.activity_id, ph.sha256, ph.size, ph.width, ph.height, ph.taken_at,
        ph.position
      FROM inbox_photos ph JOIN inbox_packages_new p ON p.sha256 = ph.package_sha256;

    -- Children first: dropping a parent with rows that still point at it would cascade.
    DROP TABLE inbox_photos;
    DROP TABLE inbox_activity_communes;
    DROP TABLE inbox_activities;
    DROP TABLE inbox_communes;
    DROP TABLE inbox_packages;
    ALTER TABLE inbox_packages_new RENAME TO inbox_packages;
    ALTER TABLE inbox_communes_new RENAME TO inbox_communes;
    ALTER TABLE inbox_activities_new RENAME TO inbox_activities;
    ALTER TABLE inbox_activity_communes_new RENAME TO inbox_activity_communes;
    ALTER TABLE inbox_photos_new RENAME TO inbox_photos;

    -- One counted package per office and period.
    CREATE UNIQUE INDEX inbox_packages_current ON inbox_packages (office_code, period_key)
      WHERE status = 'current';
    CREATE INDEX inbox_packages_period ON inbox_packages (period_key, status);
    CREATE INDEX inbox_photos_sha ON inbox_photos (sha256);
  `);
}
