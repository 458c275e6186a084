// The report of a period: figures from the logbook, texts from the draft (or from the
// previous report and the directives register), and the Word file.

import fs from 'node:fs';
import path from 'node:path';
import { citeDirective } from '../../../shared/directives';
import { CHANNELS } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { localToday } from '../../../shared/format';
import { measuresText } from '../../../shared/measures';
import { previousPeriod, recentPeriods, type Period } from '../../../shared/period';
import type {
  AppendixRow,
  PeriodRef,
  ReportData,
  ReportTexts,
  SeriesPoint,
} from '../../../shared/report';
import type { Office } from '../../../shared/schemas';
import type { Context } from '../context';
import { listActivities } from '../queries/activities';
import { directivesBetween } from '../queries/directives';
import { readFigures, reportFigures } from '../queries/figures';
import { getOffice } from '../queries/profile';
import { getDraft, previousDraft, saveDraft } from '../queries/reports';
import { APPENDIX_LIMIT, buildReportDocx } from '../report/docx';
import { CommuneIndex } from './communes';
import { resolvePeriod } from './period';

export interface ReportFile {
  fileName: string;
  /** Where the app keeps its copy (data folder/reports). */
  path: string;
  bytes: Buffer;
}

const ref = (p: Period): PeriodRef => ({ key: p.key, from: p.from, to: p.to, label: p.label });

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

  data(key: string): ReportData {
    const p = this.period(key);
    const detail = readFigures(this.ctx.db, ref(p));
    const prev = previousPeriod(p, getOffice(this.ctx.db)?.cutoff ?? 'decree09');
    return {
      figures: detail.figures,
      audience: detail.audience,
      costVnd: detail.costVnd,
      byTheme: detail.byTheme,
      flaggedCommunes: detail.flaggedCommunes,
      previous: prev ? reportFigures(this.ctx.db, ref(prev)) : null,
    };
  }

  /** Activities and audience per channel over the `count` periods ending with `key`. */
  series(key: string, count: number): SeriesPoint[] {
    const p = this.period(key);
    const cutoff = getOffice(this.ctx.db)?.cutoff ?? 'decree09';
    return recentPeriods(p, count, cutoff).map((period) => {
      const figures = reportFigures(this.ctx.db, ref(period));
      const byChannel = Object.fromEntries(
        CHANNELS.map((c) => [
          c,
          { activities: figures.byChannel[c].activities, audience: figures.byChannel[c].audience },
        ]),
      ) as SeriesPoint['byChannel'];
      return { period: ref(period), byChannel };
    });
  }

  /** The saved draft, or a new one: texts of the previous report, directives of the period. */
  texts(key: string): ReportTexts {
    const p = this.period(key);
    const saved = getDraft(this.ctx.db, p.key);
    if (saved) return saved;
    const office = this.office();
    const before = previousDraft(this.ctx.db, p.from);
    return {
      number: '',
      date: localToday(),
      recipients: before?.recipients ?? office.recipients,
      directives: directivesBetween(this.ctx.db, p.from, p.to).map(citeDirective),
      strengths: before?.strengths ?? '',
      limitations: before?.limitations ?? '',
      nextSteps: before?.nextSteps ?? '',
    };
  }

  saveTexts(key: string, texts: ReportTexts): ReportTexts {
    const p = this.period(key);
    saveDraft(this.ctx.db, p.key, p.from, texts, this.ctx.now());
    return texts;
  }

  appendix(key: string): AppendixRow[] {
    const p = this.period(key);
    const communes = CommuneIndex.of(this.ctx.db);
    const rows = listActivities(
      this.ctx.db,
      { deleted: false, from: p.from, to: p.to },
      communes.byId,
      { offset: 0, limit: APPENDIX_LIMIT, oldestFirst: true },
    );
    return rows.map((a) => ({
      date: a.date,
      endDate: a.endDate ?? null,
      channel: a.channel,
      communes: a.communes.join(', '),
      title: a.title,
      measures: measuresText(a),
      audience: a.audience,
    }));
  }

  fileName(key: string): string {
    const p = this.period(key);
    return `BaoCao_${this.office().code}_${p.key.replace('..', '_')}.docx`;
  }

  /** Builds the Word file and keeps a copy under the data folder's reports/. */
  async docx(key: string, createdAt: Date = new Date()): Promise<ReportFile> {
    const bytes = await buildReportDocx({
      office: this.office(),
      texts: this.texts(key),
      data: this.data(key),
      appendix: this.appendix(key),
      createdAt,
    });
    const fileName = this.fileName(key);
    const dir = path.join(this.dataDir, 'reports');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, fileName);
    fs.writeFileSync(file, bytes);
    return { fileName, path: file, bytes };
  }
}
