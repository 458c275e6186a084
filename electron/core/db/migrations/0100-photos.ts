// 0100: photos as evidence.
// - photos: one row per original the office added, named by its SHA-256; the files live in
//   the data folder's content store (core/photos/store.ts), never in the database, so the
//   database and its hourly backups stay small. `reduced_*` is the copy made for sending.
// - activity_photos: which photos an activity shows, in order; `send` (travels in the
//   package) and `in_report` (printed in the report's photo appendix).
// - inbox_photos: the photos of a package a province took in (read from the package itself).
// - desk_settings.package_limit_mb: the largest package the office sends (email limits).
// Never edit once landed.
import type { Database } from 'better-sqlite3';

export const version = 100;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE photos (
      sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
      file_name TEXT NOT NULL,
      mime TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
      size INTEGER NOT NULL CHECK (size > 0),
      width INTEGER NOT NULL CHECK (width > 0),
      height INTEGER NOT NULL CHECK (height > 0),
      taken_at TEXT,
      reduced_sha256 TEXT NOT NULL CHECK (length(reduced_sha256) = 64),
      reduced_size INTEGER NOT NULL CHECK (reduced_size > 0),
      reduced_width INTEGER NOT NULL CHECK (reduced_width > 0),
      reduced_height INTEGER NOT NULL CHECK (reduced_height > 0),
      added_at TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE activity_photos (
      activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
      photo_sha256 TEXT NOT NULL REFERENCES photos (sha256),
      position INTEGER NOT NULL,
      send INTEGER NOT NULL DEFAULT 1 CHECK (send IN (0, 1)),
      in_report INTEGER NOT NULL DEFAULT 0 CHECK (in_report IN (0, 1)),
      PRIMARY KEY (activity_id, photo_sha256)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX activity_photos_photo ON activity_photos (photo_sha256);

    CREATE TABLE inbox_photos (
      package_sha256 TEXT NOT NULL,
      activity_id TEXT NOT NULL,
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      size INTEGER NOT NULL CHECK (size > 0),
      width INTEGER NOT NULL CHECK (width > 0),
      height INTEGER NOT NULL CHECK (height > 0),
      taken_at TEXT,
      position INTEGER NOT NULL,
      PRIMARY KEY (package_sha256, activity_id, sha256),
      FOREIGN KEY (package_sha256, activity_id)
        REFERENCES inbox_activities (package_sha256, id) ON DELETE CASCADE
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX inbox_photos_sha ON inbox_photos (sha256);

    ALTER TABLE desk_settings ADD COLUMN package_limit_mb INTEGER NOT NULL DEFAULT 20
      CHECK (package_limit_mb BETWEEN 1 AND 1000);
  `);
}
