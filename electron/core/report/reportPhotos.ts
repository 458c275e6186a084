// The photos of the report's appendix "Hình ảnh hoạt động": those staff marked "in the
// report" on the period's live activities about the report's subject, with the reduced
// copies read from the store (checked against their SHA-256 there).

import type { Database } from 'better-sqlite3';
import { subjectThemes, type ReportSubject } from '../../../shared/domain';
import { documentDate } from '../../../shared/format';
import { photosBetween } from '../photos/queries';
import { PhotoStore } from '../photos/store';
import {
  getActivityRow,
  rowToActivity,
  themesToMask,
  type CommuneRef,
} from '../queries/activities';
import { allCommunes } from '../queries/profile';
import type { ReportPhoto } from './docxPhotos';

/** As the report writes dates (Decree 30): "28/7/2023", or "26/6/2023 - 28/6/2023". */
const datesOf = (date: string, endDate: string | undefined) =>
  endDate && endDate !== date
    ? `${documentDate(date)} - ${documentDate(endDate)}`
    : documentDate(date);

/**
 * The period's photos for the report on `subject`, in the order of the activities (oldest
 * first) and of each activity's photos; none when no photo is marked.
 */
export function reportPhotos(
  db: Database,
  dataDir: string,
  period: { from: string; to: string },
  subject: ReportSubject,
): ReportPhoto[] {
  const marked = photosBetween(db, period.from, period.to).filter((p) => p.inReport);
  if (marked.length === 0) return [];
  const mask = themesToMask(subjectThemes(subject));
  const communes = new Map<number, CommuneRef>(
    allCommunes(db).map((c) => [c.id, { id: c.id, code: c.code, name: c.name }]),
  );
  const store = PhotoStore.of(dataDir);
  const activities = new Map<string, Pick<ReportPhoto, 'title' | 'dates' | 'areas'> | null>();
  const out: ReportPhoto[] = [];
  for (const photo of marked) {
    if (!activities.has(photo.activityId)) {
      const row = getActivityRow(db, photo.activityId);
      const about = row && row.deleted_at === null && (row.theme_mask & mask) !== 0;
      const a = about ? rowToActivity(row, communes) : null;
      activities.set(
        photo.activityId,
        a && {
          title: a.title,
          dates: datesOf(a.date, a.endDate),
          // As the list of activities writes them (ReportService.appendix).
          areas: a.communes.join(', '),
        },
      );
    }
    const activity = activities.get(photo.activityId);
    if (!activity) continue;
    out.push({
      ...activity,
      jpeg: store.read(photo.reduced.sha256, 'image/jpeg'),
      width: photo.reduced.width,
      height: photo.reduced.height,
    });
  }
  return out;
}
