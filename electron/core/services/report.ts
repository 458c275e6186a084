// The report of a period about one subject: figures from the logbook, texts from the draft
// (or from the previous report and the directives register), and the Word file. Once the
// period is exported and locked, all three are the ones signed into its package.

import fs from 'node:fs';
import path from 'node:path';
import {
  CHANNELS,
  SUBJECT_PHRASES,
  subjectThemes,
  type ReportSubject,
} from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { formatDate, localToday } from '../../../shared/format';
import { measuresText } from '../../../shared/measures';
import { activitySource } from '../../../shared/sources';
import { REPORT_FILE } from '../../../shared/package';
import { previousPeriod, recentPeriods, type Period } from '../../../shared/period';
import type {
  AppendixRow,
  PeriodRef,
  ReportData,
  ReportTexts,
  SeriesPoint,
  WrittenSection,
} from '../../../shared/report';
import { WRITTEN_SECTIONS } from '../../../shared/report';
import type { Office, ReportTextsInput } from '../../../shared/schemas';
import { codePointName, findXmlInvalid } from '../../../shared/text';
import type { Context } from '../context';
import { sql } from '../db/statements';
import { sha256Of } from '../package/build';
import { readZip } from '../package/zip';
import { listActivities } from '../queries/activities';
import { getLock } from '../queries/locks';
import { estimatedChannels, newsSources, readFigures, reportFigures } from '../queries/figures';
import { getOffice } from '../queries/profile';
import {
  getDraft,
  previousDraft,
  saveDraft,
  signedReportsOf,
  type SignedReport,
} from '../queries/reports';
import { APPENDIX_LIMIT } from '../report/appendixLimit';
import { reportPhotos } from '../report/reportPhotos';
import { mergeTexts, startTexts } from '../report/texts';
import { CommuneIndex } from './communes';
import { resolvePeriod } from './period';

export interface ReportFile {
  fileName: string;
  /** Where the app keeps its copy (data folder/reports). */
  path: string;
  bytes: Buffer;
}

/** A report as it is built for signing: the Word file and what it was made of. */
export interface BuiltReport {
  subject: ReportSubject;
  fileName: string;
  docx: Buffer;
  data: ReportData;
  texts: ReportTexts;
}

/** A locked period: the package that locked it and the reports signed into it. */
export interface SignedPeriod {
  packageSha256: string;
  packagePath: string | null;
  reports: SignedReport[];
}

const ref = (p: Period): PeriodRef => ({ key: p.key, from: p.from, to: p.to, label: p.label });

/**
 * Refuses to print text a Word file cannot hold (saved before such characters were refused
 * at input): Word and LibreOffice would not open the file at all.
 */
function assertPrintable(parts: {
  office: Office;
  texts: ReportTexts;
  appendix: AppendixRow[];
}): void {
  const found = findXmlInvalid(parts);
  if (!found) return;
  const [part, index] = found.path.split('.');
  const row = part === 'appendix' ? parts.appendix[Number(index)] : undefined;
  const where = row
    ? {
        vi: `hoạt động ngày ${formatDate(row.date)} "${row.title.slice(0, 60)}"`,
        en: `the activity of ${row.date} "${row.title.slice(0, 60)}"`,
      }
    : part === 'office'
      ? { vi: `thông tin đơn vị (trường ${index})`, en: `the office profile (field ${index})` }
      : { vi: `nội dung báo cáo (trường ${index})`, en: `the report texts (field ${index})` };
  throw new AppError(
    'invalid_input',
    {
      vi: `Không tạo được tệp Word: ${where.vi} chứa ký tự không hợp lệ (${codePointName(found.codePoint)}). Hãy sửa rồi làm lại.`,
      en: `Cannot make the Word file: ${where.en} holds an invalid character (${codePointName(found.codePoint)}). Correct it and try again.`,
    },
    found.path,
  );
}

const SUBJECT_SUFFIX: Record<ReportSubject, string> = {
  trafficking: '',
  drugs: '_MaTuy',
  crime: '_ToiPham',
  all: '_TongHop',
};

export class ReportService {
  constructor(
    private readonly ctx: Context,
    private readonly dataDir: string,
  ) {}

  private office(): Office {
    const office = getOffice(this.ctx.db);
    if (!office) {
      throw new AppError('no_profile', {
        vi: 'Chưa có thông tin đơn vị: hãy khai báo đơn vị trước khi lập báo cáo.',
        en: 'The office profile is not set up yet.',
      });
    }
    return office;
  }

  period(key: string): Period {
    return resolvePeriod(this.ctx.db, key);
  }

  /** The subjects the office reports on (the profile's, trafficking without a profile). */
  subjects(): ReportSubject[] {
    return getOffice(this.ctx.db)?.subjects ?? ['trafficking'];
  }

  /**
   * The package whose export locked the period, with its signed reports; null when the
   * period is not locked. Packages made before reports were kept by subject give their one
   * report.docx (the trafficking report) from the package file itself.
   */
  signed(key: string): SignedPeriod | null {
    const { db } = this.ctx;
    const lock = getLock(db, key);
    if (!lock || lock.unlocked_at !== null || lock.package_sha256 === null) return null;
    const sha = lock.package_sha256;
    const row = sql(db, 'SELECT path FROM packages WHERE sha256 = ?').get(sha) as
      { path: string } | undefined;
    return {
      packageSha256: sha,
      packagePath: row?.path ?? null,
      reports: signedReportsOf(db, sha),
    };
  }

  /**
   * For a locked period, the subject's signed report (null for a package made before
   * reports were kept, whose one report was the trafficking report); a subject the package
   * did not sign is refused rather than printed as if signed.
   */
  private kept(signed: SignedPeriod, p: Period, subject: ReportSubject): SignedReport | null {
    const subjects =
      signed.reports.length > 0 ? signed.reports.map((r) => r.subject) : ['trafficking'];
    if (!subjects.includes(subject)) {
      const names = subjects.map((s) => SUBJECT_PHRASES[s as ReportSubject]).join('; ');
      throw new AppError(
        'locked',
        {
          vi: `Gói đã ký của ${p.label} chỉ có báo cáo về ${names}. Muốn thêm chủ đề khác, hãy "Mở khóa để sửa" kỳ này rồi xuất lại.`,
          en: `The signed package of ${p.key} holds reports on ${subjects.join(', ')} only; unlock the period and export again to add another subject.`,
        },
        'subject',
      );
    }
    return signed.reports.find((r) => r.subject === subject) ?? null;
  }

  /** Throws when the period's report is locked: what was signed cannot be rewritten. */
  assertUnlocked(key: string): void {
    const p = this.period(key);
    if (this.signed(p.key) === null) return;
    throw new AppError(
      'locked',
      {
        vi:
          `Báo cáo ${p.label} đã xuất gói và ký nên đã khóa: nội dung, số và ngày báo cáo, nơi nhận ` +
          'không sửa được. Muốn sửa, hãy chọn "Mở khóa để sửa" ở màn hình Báo cáo và ghi rõ lý do; ' +
          'lần xuất sau sẽ là bản đính chính.',
        en:
          `The report of ${p.key} was exported and signed, so it is locked: its texts, number, ` +
          'date and recipients cannot change. Unlock it for correction (with a reason) first; ' +
          'the next export will be a correction.',
      },
      'period',
    );
  }

  /** The figures as computed from the logbook now (what the next export would sign). */
  liveData(key: string, subject: ReportSubject): ReportData {
    const p = this.period(key);
    const detail = readFigures(this.ctx.db, ref(p), subject);
    const prev = previousPeriod(p, getOffice(this.ctx.db)?.cutoff ?? 'decree09');
    return {
      subject,
      figures: detail.figures,
      audience: detail.audience,
      costVnd: detail.costVnd,
      byTheme: detail.byTheme,
      flaggedCommunes: detail.flaggedCommunes,
      previous: prev ? reportFigures(this.ctx.db, ref(prev), subject) : null,
      areaKinds: detail.areaKinds,
      withoutArea: detail.withoutArea,
      sources: newsSources(this.ctx.db, ref(p), subject),
      estimated: estimatedChannels(this.ctx.db, ref(p), subject),
    };
  }

  /** The report's figures: the signed ones for a locked period. */
  data(key: string, subject: ReportSubject): ReportData {
    const p = this.period(key);
    const signed = this.signed(p.key);
    if (!signed) return this.liveData(key, subject);
    // A package made before subjects signed one report counting every activity of the
    // period; its activities are locked, so counting all of them again gives its figures.
    return this.kept(signed, p, subject)?.data ?? { ...this.liveData(key, 'all'), subject };
  }

  /** Activities and audience per channel over the `count` periods ending with `key`. */
  series(key: string, count: number, subject: ReportSubject): SeriesPoint[] {
    const p = this.period(key);
    const cutoff = getOffice(this.ctx.db)?.cutoff ?? 'decree09';
    return recentPeriods(p, count, cutoff).map((period) => {
      const figures = reportFigures(this.ctx.db, ref(period), subject);
      const byChannel = Object.fromEntries(
        CHANNELS.map((c) => [
          c,
          { activities: figures.byChannel[c].activities, audience: figures.byChannel[c].audience },
        ]),
      ) as SeriesPoint['byChannel'];
      return { period: ref(period), byChannel };
    });
  }

  /**
   * The texts: the signed ones for a locked period, else the saved draft, else a new one
   * from the previous report of the subject and the directives of the period.
   */
  texts(key: string, subject: ReportSubject): ReportTexts {
    const p = this.period(key);
    const signed = this.signed(p.key);
    const kept = signed ? this.kept(signed, p, subject) : null;
    if (kept) return kept.texts;
    const saved = getDraft(this.ctx.db, p.key, subject);
    if (saved) return saved;
    return startTexts({
      db: this.ctx.db,
      period: p,
      office: this.office(),
      before: previousDraft(this.ctx.db, p.from, subject),
      today: localToday(),
    });
  }

  /** Saves the texts; a field the input leaves out keeps its current value. */
  saveTexts(key: string, subject: ReportSubject, texts: ReportTextsInput): ReportTexts {
    const p = this.period(key);
    this.assertUnlocked(p.key);
    const complete = mergeTexts(texts, this.texts(p.key, subject));
    saveDraft(this.ctx.db, p, subject, complete, this.ctx.now());
    return complete;
  }

  /** The report sections staff write that are still empty, by their field names. */
  emptySections(texts: ReportTexts): WrittenSection[] {
    return WRITTEN_SECTIONS.filter((field) =>
      field === 'directives' ? texts.directives.length === 0 : texts[field].trim() === '',
    );
  }

  appendix(key: string, subject: ReportSubject): AppendixRow[] {
    const p = this.period(key);
    const communes = CommuneIndex.of(this.ctx.db);
    const rows = listActivities(
      this.ctx.db,
      { deleted: false, from: p.from, to: p.to, themes: subjectThemes(subject) },
      communes.byId,
      { offset: 0, limit: APPENDIX_LIMIT, oldestFirst: true },
    );
    return rows.map((a) => {
      const source = activitySource(a.measures);
      return {
        date: a.date,
        endDate: a.endDate ?? null,
        channel: a.channel,
        communes: a.communes.join(', '),
        // The address of a news item, or its outlet and programme, so that a reader can
        // find it.
        title: source ? `${a.title} (${source})` : a.title,
        measures: measuresText(a),
        audience: a.audience,
      };
    });
  }

  fileName(key: string, subject: ReportSubject): string {
    const p = this.period(key);
    return `BaoCao_${this.office().code}_${p.key.replace('..', '_')}${SUBJECT_SUFFIX[subject]}.docx`;
  }

  /**
   * Builds the report from the logbook and the draft now, without keeping a copy; `data`
   * when the caller has just computed the figures (an export checks them first).
   */
  async build(
    key: string,
    subject: ReportSubject,
    createdAt: Date,
    data: ReportData = this.liveData(key, subject),
  ): Promise<BuiltReport> {
    const texts = this.texts(key, subject);
    const office = this.office();
    const appendix = this.appendix(key, subject);
    assertPrintable({ office, texts, appendix });
    const photos = reportPhotos(this.ctx.db, this.dataDir, this.period(key), subject);
    // The Word writer (and the docx library) loads with the first report, not at start.
    const { buildReportDocx } = await import('../report/docx');
    const docx = await buildReportDocx({ office, texts, data, appendix, photos, createdAt });
    return { subject, fileName: this.fileName(key, subject), docx, data, texts };
  }

  /**
   * The Word file, with a copy kept under the data folder's reports/. For a locked period it
   * is the one signed into the package, byte for byte.
   */
  async docx(
    key: string,
    subject: ReportSubject,
    createdAt: Date = new Date(),
  ): Promise<ReportFile> {
    const p = this.period(key);
    const signed = this.signed(p.key);
    const bytes = signed
      ? await this.signedDocx(signed, p, subject)
      : (await this.build(key, subject, createdAt)).docx;
    const fileName = this.fileName(key, subject);
    const dir = path.join(this.dataDir, 'reports');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, fileName);
    fs.writeFileSync(file, bytes);
    return { fileName, path: file, bytes };
  }

  /**
   * The figures as a spreadsheet, with a copy under the data folder's reports/: the same
   * figures as the Word file's (`data`: the signed ones for a locked period).
   */
  async sheet(
    key: string,
    subject: ReportSubject,
    createdAt: Date = new Date(),
  ): Promise<ReportFile> {
    const p = this.period(key);
    const office = this.office();
    const signed = this.signed(p.key) !== null;
    // exceljs loads on first use, not with the app.
    const { buildReportBook } = await import('../sheets/reportBook');
    const bytes = await buildReportBook({
      data: this.data(p.key, subject),
      heading: {
        title: 'SỐ LIỆU TUYÊN TRUYỀN',
        office: [office.name, office.parent].filter((s) => s.trim() !== '').join(' – '),
        notes: signed ? ['Số liệu đã ký trong gói dữ liệu của kỳ (kỳ đã khóa).'] : [],
      },
      createdAt,
    });
    const fileName = this.fileName(p.key, subject).replace(/\.docx$/, '.xlsx');
    const dir = path.join(this.dataDir, 'reports');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, fileName);
    fs.writeFileSync(file, bytes);
    return { fileName, path: file, bytes };
  }

  /** The signed Word file; never one made anew, which would pass for the signed one. */
  private async signedDocx(
    signed: SignedPeriod,
    p: Period,
    subject: ReportSubject,
  ): Promise<Buffer> {
    const kept = this.kept(signed, p, subject);
    if (kept) return kept.docx;
    // A package from before reports were kept: its report.docx is the trafficking report.
    try {
      const bytes = fs.readFileSync(signed.packagePath ?? '');
      if (sha256Of(bytes) === signed.packageSha256) {
        const report = (await readZip(bytes)).find((e) => e.name === REPORT_FILE);
        if (report) return report.bytes;
      }
    } catch {
      // missing or unreadable: said below
    }
    throw new AppError('conflict', {
      vi: `${p.label} đã khóa nhưng gói đã ký không còn nguyên ở ${signed.packagePath ?? '(không rõ)'}, nên không lấy được báo cáo Word đã ký. Hãy chép lại gói vào đó, hoặc "Mở khóa để sửa" rồi xuất lại.`,
      en: `${p.key} is locked but its signed package is no longer intact at ${signed.packagePath ?? '(unknown)'}, so the signed Word file cannot be given. Put the package back, or unlock and export again.`,
    });
  }
}
