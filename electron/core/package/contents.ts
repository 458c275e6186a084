// data.json of a period's package, and a stamp of what an export reads from the database.
import type { Database } from 'better-sqlite3';
import { PACKAGE_SCHEMA_VERSION, reportEntry } from '../../../shared/package';
import type { Period } from '../../../shared/period';
import type { Commune } from '../../../shared/contract';
import type { CommuneInput } from '../../../shared/schemas';
import { photoEntry, type PackagePhoto } from '../../../shared/photos';
import { photosBetween } from '../photos/queries';
import { sql } from '../db/statements';
import { directivesBetween } from '../queries/directives';
import { getProfile } from '../queries/profile';
import { CommuneIndex } from '../services/communes';
import type { BuiltReport } from '../services/report';
import { periodActivitiesJson } from './activityJson';
import { dataJsonBytes, type EncodedPackageData, type PackageData } from './build';

/**
 * data.json of the period, as signed: every live activity of it (written as text straight
 * from the rows, activityJson.ts), the reports' figures and texts, the profile, the
 * directives and the photos sent.
 */
export function packageDataJson(
  db: Database,
  period: Period,
  reports: readonly BuiltReport[],
  activities = periodActivitiesJson(db, period.from, period.to, CommuneIndex.of(db).byId),
): EncodedPackageData {
  const profile = getProfile(db)!;
  const asInput = (c: Commune): CommuneInput => ({
    code: c.code,
    name: c.name,
    ...(c.kind ? { kind: c.kind } : {}),
    flags: c.flags,
    absorbed: c.absorbed,
  });
  const head: Omit<PackageData, 'activities'> = {
    schemaVersion: PACKAGE_SCHEMA_VERSION,
    profile: {
      office: profile.office,
      communes: profile.communes.filter((c) => c.active).map(asInput),
    },
    // Dropped from the list since, but named by the period's activities: the province
    // needs them to read those activities (and their flags to count them as the office did;
    // one merged away counts under the area whose `absorbed` names it).
    formerCommunes: profile.communes
      .filter((c) => !c.active && activities.named.has(c.code))
      .map(asInput),
    period: { key: period.key, from: period.from, to: period.to, label: period.label },
    reports: reports.map((r) => ({
      subject: r.subject,
      file: reportEntry(r.subject),
      figures: r.data.figures,
      texts: r.texts,
    })),
    directives: directivesBetween(db, period.from, period.to).map((d) => ({
      id: d.id,
      number: d.number,
      date: d.date,
      issuer: d.issuer,
      subject: d.subject,
      direction: d.direction,
    })),
    photos: packagePhotos(db, period),
  };
  return {
    bytes: dataJsonBytes(head, activities.json),
    office: { code: profile.office.code, name: profile.office.name },
    period: head.period,
    counts: {
      activities: activities.count,
      communes: head.profile.communes.length,
      directives: head.directives.length,
      photos: head.photos.length,
    },
    reports: head.reports.map((r) => ({ subject: r.subject, file: r.file })),
    photos: head.photos,
  };
}

/** The reduced copies of the photos marked to send, of the period's live activities. */
export function packagePhotos(db: Database, period: Period): PackagePhoto[] {
  return photosBetween(db, period.from, period.to)
    .filter((p) => p.send)
    .map((p) => ({
      activity: p.activityId,
      file: photoEntry(p.reduced.sha256),
      sha256: p.reduced.sha256,
      size: p.reduced.size,
      width: p.reduced.width,
      height: p.reduced.height,
      takenAt: p.takenAt,
      original: p.sha256,
      inReport: p.inReport,
    }));
}

/**
 * A stamp of everything an export reads: every change of an activity, directive or the
 * profile writes an audit row, and the period's drafts are compared as saved.
 */
export function inputsStamp(db: Database, periodKey: string): string {
  const row = sql(
    db,
    `SELECT (SELECT MAX(id) FROM audit_log WHERE entity IN ('activity', 'directive', 'profile'))
              AS audit,
            (SELECT group_concat(subject || ':' || updated_at || ':' || texts, '|')
               FROM report_drafts WHERE period_key = ?) AS drafts`,
  ).get(periodKey);
  return JSON.stringify(row);
}
