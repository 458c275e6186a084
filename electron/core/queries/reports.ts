// Report drafts (the texts of each period's report, per subject) and the reports signed
// into exported packages.
import type { Database } from 'better-sqlite3';
import type { ReportSubject } from '../../../shared/domain';
import { completeTexts, type ReportData, type ReportTexts } from '../../../shared/report';
import { sql } from '../db/statements';

export function getDraft(
  db: Database,
  periodKey: string,
  subject: ReportSubject,
): ReportTexts | null {
  const row = sql(db, 'SELECT texts FROM report_drafts WHERE period_key = ? AND subject = ?').get(
    periodKey,
    subject,
  ) as { texts: string } | undefined;
  return row ? completeTexts(JSON.parse(row.texts) as ReportTexts) : null;
}

/** The latest draft of the subject for a period that started before `from` (it seeds the next). */
export function previousDraft(
  db: Database,
  from: string,
  subject: ReportSubject,
): ReportTexts | null {
  const row = sql(
    db,
    `SELECT texts FROM report_drafts WHERE subject = ? AND period_from < ?
     ORDER BY period_from DESC, updated_at DESC LIMIT 1`,
  ).get(subject, from) as { texts: string } | undefined;
  return row ? completeTexts(JSON.parse(row.texts) as ReportTexts) : null;
}

export function saveDraft(
  db: Database,
  period: { key: string; from: string },
  subject: ReportSubject,
  texts: ReportTexts,
  now: string,
): void {
  sql(
    db,
    `INSERT INTO report_drafts (period_key, subject, period_from, texts, updated_at)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (period_key, subject) DO UPDATE SET texts = excluded.texts,
       updated_at = excluded.updated_at`,
  ).run(period.key, subject, period.from, JSON.stringify(texts), now);
}

/** One subject's report as signed into a package. */
export interface SignedReport {
  subject: ReportSubject;
  fileName: string;
  docx: Buffer;
  data: ReportData;
  texts: ReportTexts;
}

export function insertSignedReport(db: Database, packageSha256: string, r: SignedReport): void {
  sql(
    db,
    `INSERT INTO signed_reports (package_sha256, subject, file_name, docx, data, texts)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    packageSha256,
    r.subject,
    r.fileName,
    r.docx,
    JSON.stringify(r.data),
    JSON.stringify(r.texts),
  );
}

interface SignedDbRow {
  subject: ReportSubject;
  file_name: string;
  docx: Buffer;
  data: string;
  texts: string;
}

/** The reports signed into a package, in the order of the office's subjects then. */
export function signedReportsOf(db: Database, packageSha256: string): SignedReport[] {
  const rows = sql(
    db,
    `SELECT subject, file_name, docx, data, texts FROM signed_reports WHERE package_sha256 = ?
     ORDER BY rowid`,
  ).all(packageSha256) as SignedDbRow[];
  return rows.map((r) => ({
    subject: r.subject,
    fileName: r.file_name,
    docx: r.docx,
    data: JSON.parse(r.data) as ReportData,
    texts: completeTexts(JSON.parse(r.texts) as ReportTexts),
  }));
}

/** The subjects signed into a package; a package from before subjects had trafficking only. */
export function signedSubjectsOf(db: Database, packageSha256: string): ReportSubject[] {
  const rows = sql(
    db,
    'SELECT subject FROM signed_reports WHERE package_sha256 = ? ORDER BY rowid',
  ).all(packageSha256) as { subject: ReportSubject }[];
  return rows.length > 0 ? rows.map((r) => r.subject) : ['trafficking'];
}
