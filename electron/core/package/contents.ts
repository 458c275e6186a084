// data.json of a period's package, and a stamp of what an export reads from the database.
import type { Database } from 'better-sqlite3';
import { PACKAGE_SCHEMA_VERSION, reportEntry } from '../../../shared/package';
import type { Period } from '../../../shared/period';
import type { Commune } from '../../../shared/contract';
import type { CommuneInput } from '../../../shared/schemas';
import { photoEntry, type PackagePhoto } from '../../../shared/photos';
import { photosBetween } from '../photos/queries';
import { sql } from '../db/statements';
import { listActivities, toInterchange } from '../queries/activities';
import { directivesBetween } from '../queries/directives';
import { getProfile } from '../queries/profile';
import { CommuneIndex } from '../services/communes';
import type { BuiltReport } from '../services/report';
import type { PackageData } from './build';

export function packageData(
  db: Database,
  period: Period,
  reports: readonly BuiltReport[],
): PackageData {
  const profile = getProfile(db)!;
  const rows = listActivities(
    db,
    { deleted: false, from: period.from, to: period.to },
    CommuneIndex.of(db).byId,
    { offset: 0, limit: -1, oldestFirst: true },
  );
  const named = new Set(rows.flatMap((a) => a.communeCodes));
  const asInput = (c: Commune): CommuneInput => ({
    code: c.code,
    name: c.name,
    ...(c.kind ? { kind: c.kind } : {}),
    flags: c.flags,
    absorbed: c.absorbed,
  });
  return {
    schemaVersion: PACKAGE_SCHEMA_VERSION,
    profile: {
      office: profile.office,
      communes: profile.communes.filter((c) => c.active).map(asInput),
    },
    // Dropped from the list since, but named by the period's activities: the province
    // needs them to read those activities (and their flags to count them as the office did;
    // one merged away counts under the area whose `absorbed` names it).
    formerCommunes: profile.communes.filter((c) => !c.active && named.has(c.code)).map(asInput),
    period: { key: period.key, from: period.from, to: period.to, label: period.label },
    activities: rows.map(toInterchange),
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
