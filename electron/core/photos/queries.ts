// Raw SQL for photos: the store's index, an activity's photos, a period's photos.
import type { Database } from 'better-sqlite3';
import type { ActivityPhoto, InboxPhoto, PhotoMime, PhotoView } from '../../../shared/photos';
import { sql } from '../db/statements';

interface PhotoDbRow {
  sha256: string;
  file_name: string;
  mime: PhotoMime;
  size: number;
  width: number;
  height: number;
  taken_at: string | null;
  reduced_sha256: string;
  reduced_size: number;
  reduced_width: number;
  reduced_height: number;
  added_at: string;
}

interface ActivityPhotoDbRow extends PhotoDbRow {
  send: number;
  in_report: number;
}

const view = (r: PhotoDbRow): PhotoView => ({
  sha256: r.sha256,
  fileName: r.file_name,
  mime: r.mime,
  size: r.size,
  width: r.width,
  height: r.height,
  takenAt: r.taken_at,
  reduced: {
    sha256: r.reduced_sha256,
    size: r.reduced_size,
    width: r.reduced_width,
    height: r.reduced_height,
  },
  addedAt: r.added_at,
});

const activityView = (r: ActivityPhotoDbRow): ActivityPhoto => ({
  ...view(r),
  send: r.send === 1,
  inReport: r.in_report === 1,
});

export function getPhoto(db: Database, sha256: string): PhotoView | undefined {
  const row = sql(db, 'SELECT * FROM photos WHERE sha256 = ?').get(sha256) as
    PhotoDbRow | undefined;
  return row && view(row);
}

/** The photo whose reduced copy is `sha256` (the office's own), if any. */
export function photoByReduced(db: Database, sha256: string): PhotoView | undefined {
  const row = sql(db, 'SELECT * FROM photos WHERE reduced_sha256 = ? LIMIT 1').get(sha256) as
    PhotoDbRow | undefined;
  return row && view(row);
}

export function insertPhoto(db: Database, p: PhotoView): void {
  sql(
    db,
    `INSERT INTO photos (sha256, file_name, mime, size, width, height, taken_at, reduced_sha256,
       reduced_size, reduced_width, reduced_height, added_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`,
  ).run(
    p.sha256,
    p.fileName,
    p.mime,
    p.size,
    p.width,
    p.height,
    p.takenAt,
    p.reduced.sha256,
    p.reduced.size,
    p.reduced.width,
    p.reduced.height,
    p.addedAt,
  );
}

export function photosOfActivity(db: Database, activityId: string): ActivityPhoto[] {
  return (
    sql(
      db,
      `SELECT p.*, ap.send, ap.in_report FROM activity_photos ap
         JOIN photos p ON p.sha256 = ap.photo_sha256
        WHERE ap.activity_id = ? ORDER BY ap.position`,
    ).all(activityId) as ActivityPhotoDbRow[]
  ).map(activityView);
}

export function setActivityPhotos(
  db: Database,
  activityId: string,
  photos: readonly { sha256: string; send: boolean; inReport: boolean }[],
): void {
  sql(db, 'DELETE FROM activity_photos WHERE activity_id = ?').run(activityId);
  const insert = sql(
    db,
    `INSERT INTO activity_photos (activity_id, photo_sha256, position, send, in_report)
     VALUES (?, ?, ?, ?, ?)`,
  );
  photos.forEach((p, i) => insert.run(activityId, p.sha256, i, p.send ? 1 : 0, p.inReport ? 1 : 0));
}

export interface PeriodPhoto extends ActivityPhoto {
  activityId: string;
}

/** The photos of the period's live activities, by activity date then position. */
export function photosBetween(db: Database, from: string, to: string): PeriodPhoto[] {
  return (
    sql(
      db,
      `SELECT p.*, ap.send, ap.in_report, ap.activity_id FROM activity_photos ap
         JOIN photos p ON p.sha256 = ap.photo_sha256
         JOIN activities a ON a.id = ap.activity_id
        WHERE a.deleted_at IS NULL AND a.date >= ? AND a.date <= ?
        ORDER BY a.date, a.created_at, a.id, ap.position`,
    ).all(from, to) as (ActivityPhotoDbRow & { activity_id: string })[]
  ).map((r) => ({ ...activityView(r), activityId: r.activity_id }));
}

// ---------- the province's copies ----------

export function inboxPhotosOf(db: Database, packageSha: string, activityId: string): InboxPhoto[] {
  return (
    sql(
      db,
      `SELECT sha256, size, width, height, taken_at FROM inbox_photos
        WHERE package_id = (SELECT id FROM inbox_packages WHERE sha256 = ?) AND activity_id = ?
        ORDER BY position`,
    ).all(packageSha, activityId) as {
      sha256: string;
      size: number;
      width: number;
      height: number;
      taken_at: string | null;
    }[]
  ).map((r) => ({
    sha256: r.sha256,
    size: r.size,
    width: r.width,
    height: r.height,
    takenAt: r.taken_at,
  }));
}
