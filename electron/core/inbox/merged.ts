// The province desk's view of a period: who has reported, the merged figures about a subject,
// the drill-down, the texts the department writes and the merged Word file. A half year or
// year an office has not sent as such is made of its quarterly packages (coverage.ts), and
// says which quarters it has and which it lacks.
import fs from 'node:fs';
import path from 'node:path';
import type { ReportSubject } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { vietnamDay } from '../../../shared/format';
import {
  periodParts,
  periodPieces,
  type Completeness,
  type DeskSettings,
  type Drill,
  type DrillInput,
  type InboxPackageRow,
  type InboxState,
  type InboxStatus,
  type MergedData,
  type OfficeStatus,
} from '../../../shared/inbox';
import { docxWarnings, isCounted, type DocxWarning } from '../../../shared/mergedText';
import { previousPeriod, recentPeriods, type Period } from '../../../shared/period';
import { completeTexts, type PeriodRef, type ReportTexts } from '../../../shared/report';
import type { ReportTextsInput } from '../../../shared/schemas';
import type { Context } from '../context';
import { reportFigures } from '../queries/figures';
import { getOffice } from '../queries/profile';
import { resolvePeriod } from '../services/period';
import type { ReportFile } from '../services/report';
import { mergeTexts, startTexts } from '../report/texts';
import { chooseCounted, coveredQuarters, mergeScope } from './coverage';
import { drill } from './drill';
import { getMergedDraft, previousMergedDraft, saveMergedDraft } from './drafts';
import { mergedDetail, mergedFigures } from './figures';
import { addFigures, ownDrill, ownPart, withOwn } from './own';
import * as q from './queries';

const ref = (p: Period): PeriodRef => ({ key: p.key, from: p.from, to: p.to, label: p.label });

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** As the office's own report files are told apart (services/report.ts). */
const SUBJECT_SUFFIX: Record<ReportSubject, string> = {
  trafficking: '',
  drugs: '_MaTuy',
  crime: '_ToiPham',
  all: '_TongHop',
};

/** The merged Word file, and what was worth a second look when it was made. */
export interface MergedFile extends ReportFile {
  warnings: DocxWarning[];
}

/** One office's packages of one period: its state as INTERCHANGE's status names it. */
function stateOf(rows: readonly InboxPackageRow[]): {
  state: InboxState;
  shown: InboxPackageRow | undefined;
} {
  const current = rows.find((r) => r.status === 'current');
  const quarantined = rows
    .filter((r) => r.status === 'quarantined')
    .sort((a, b) => b.sequence - a.sequence)[0];
  if (current) {
    const corrected = current.supersedes !== null || rows.some((r) => r.status === 'replaced');
    return { state: corrected ? 'corrected' : 'received', shown: current };
  }
  return quarantined
    ? { state: 'quarantined', shown: quarantined }
    : { state: 'missing', shown: undefined };
}

/** The completeness cells of an office nothing was expected of in `count` periods. */
const notFollowed = (count: number): Completeness['offices'][number]['cells'] =>
  Array.from({ length: count }, () => ({
    state: 'notFollowed' as const,
    sequence: null,
    receivedAt: null,
    late: false,
  }));

export class MergedReports {
  constructor(
    private readonly ctx: Context,
    private readonly dataDir: string,
    private readonly desks: () => DeskSettings,
  ) {}

  private deadlineOf(p: PeriodRef): string {
    return addDays(p.to, this.desks().deadlineDays);
  }

  /**
   * Every office expected for the period (the register's, with a certificate) and any that
   * only sent quarantined packages. For a half year or year without its own package, an
   * office's state is that of the quarters counted in its place: `partial` while some are
   * missing, which then count for the figures but not as "reported".
   */
  private statusOf(p: PeriodRef): OfficeStatus[] {
    const { db } = this.ctx;
    const deadline = this.deadlineOf(p);
    const today = vietnamDay(this.ctx.now());
    const parts = periodParts(p.key);
    const held = q.inboxPackagesOf(db, [p.key, ...periodPieces(p.key)]);
    const chosen = chooseCounted(
      p.key,
      held.filter((r) => r.status === 'current').map((r) => ({ ...r, periodKey: r.period.key })),
    );
    const codes = new Map<string, { name: string; registered: boolean }>();
    const earliest = q.earliestPackageDays(db);
    // An office left without a certificate (one registered under a wrong code, then moved)
    // is not expected to report; nor is one before the desk began to follow it: from the
    // period the officer set; else from the earliest period it sent a package of, or from the
    // first report due after its registration (an office enrolled today is not "missing"
    // every quarter back to the first one, yet owes the report whose deadline is still ahead).
    const followed = (o: { createdAt: string; followFrom: string | null }, sent?: string) =>
      o.followFrom !== null
        ? o.followFrom <= p.to
        : (sent !== undefined && sent <= p.to) || deadline >= vietnamDay(o.createdAt);
    for (const o of q.trustedOffices(db)) {
      if (o.certificates.length > 0 && followed(o, earliest.get(o.code))) {
        codes.set(o.code, { name: o.name, registered: true });
      }
    }
    for (const r of held) {
      if (r.status === 'quarantined' && !codes.has(r.officeCode)) {
        codes.set(r.officeCode, { name: r.officeName, registered: false });
      }
    }
    const expectedParts = parts.length > 0 ? parts : [p.key];
    return [...codes.entries()].map(([code, o]): OfficeStatus => {
      const mine = held.filter((r) => r.officeCode === code);
      const ofPeriod = (key: string) => stateOf(mine.filter((r) => r.period.key === key));
      const counted = chosen.get(code) ?? [];
      const base = { code, name: o.name, registered: o.registered };
      if (counted.length === 0) {
        // Nothing counts: quarantined when the period's package or a quarter's is held so.
        const waiting = [p.key, ...periodPieces(p.key)]
          .map(ofPeriod)
          .find((s) => s.state === 'quarantined');
        return {
          ...base,
          state: waiting ? 'quarantined' : 'missing',
          sequence: waiting?.shown?.sequence ?? null,
          receivedAt: waiting?.shown?.receivedAt ?? null,
          late: today > deadline,
          partial: false,
          included: [],
          missing: expectedParts,
        };
      }
      const included = counted.map((r) => r.periodKey);
      const states = included.map(ofPeriod);
      const latest = states
        .map((s) => s.shown!)
        .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))[0]!;
      const covered = coveredQuarters(included);
      const missing = included[0] === p.key ? [] : parts.filter((k) => !covered.has(k));
      return {
        ...base,
        state: states.some((s) => s.state === 'corrected') ? 'corrected' : 'received',
        sequence: latest.sequence,
        receivedAt: latest.receivedAt,
        // Late: what counts came after the deadline, or part is still missing once it passed.
        late: vietnamDay(latest.receivedAt) > deadline || (missing.length > 0 && today > deadline),
        partial: missing.length > 0,
        included,
        missing,
      };
    });
  }

  status(periodKey: string): InboxStatus {
    const p = ref(resolvePeriod(this.ctx.db, periodKey));
    return { period: p, deadline: this.deadlineOf(p), offices: this.statusOf(p) };
  }

  completeness(periodKey: string, count: number): Completeness {
    const p = resolvePeriod(this.ctx.db, periodKey);
    const cutoff = getOffice(this.ctx.db)?.cutoff ?? 'decree09';
    const periods = (p.kind === 'adhoc' ? [p] : recentPeriods(p, count, cutoff)).map(ref);
    const columns = periods.map((x) => this.statusOf(x));
    const offices = new Map<string, Completeness['offices'][number]>();
    columns.forEach((col, i) => {
      for (const s of col) {
        let o = offices.get(s.code);
        if (!o) {
          o = {
            code: s.code,
            name: s.name,
            registered: s.registered,
            // Not in a period's status: not followed yet then (or, not registered, nothing held).
            cells: notFollowed(periods.length),
          };
          offices.set(s.code, o);
        }
        o.cells[i] = {
          state: s.state,
          sequence: s.sequence,
          receivedAt: s.receivedAt,
          late: s.late,
        };
      }
    });
    // A registered office followed only from after these periods is still listed, its
    // cells "not followed": it is in the register, nothing was due from it yet.
    for (const o of q.trustedOffices(this.ctx.db)) {
      if (offices.has(o.code) || o.certificates.length === 0) continue;
      offices.set(o.code, {
        code: o.code,
        name: o.name,
        registered: true,
        cells: notFollowed(periods.length),
      });
    }
    return {
      periods,
      deadlines: periods.map((x) => this.deadlineOf(x)),
      offices: [...offices.values()].sort((a, b) => a.code.localeCompare(b.code)),
    };
  }

  /**
   * The merged figures: the offices' counted packages, plus the department's own logbook
   * when this desk keeps one (the office desk is on), with both parts kept apart.
   */
  figures(periodKey: string, subject: ReportSubject): MergedData {
    const { db } = this.ctx;
    const p = resolvePeriod(db, periodKey);
    const offices = this.statusOf(ref(p));
    const data = mergedDetail(db, mergeScope(db, p.key, subject), ref(p), subject, offices);
    const prev = previousPeriod(p, getOffice(db)?.cutoff ?? 'decree09');
    const own = this.desks().office ? ownPart(db, ref(p), subject) : null;
    const previousOffices = prev ? mergedFigures(db, ref(prev), subject) : null;
    const previousOwn = own && prev ? reportFigures(db, ref(prev), subject) : null;
    const previous =
      previousOffices && previousOwn
        ? addFigures(previousOffices, previousOwn, own!.code)
        : previousOffices;
    return {
      ...(own ? withOwn(data, own) : data),
      previous,
      expected: offices.filter((o) => o.registered).length,
      reported: offices.filter((o) => isCounted(o.state) && !o.partial).length,
      coverage: offices.map((o) => ({
        officeCode: o.code,
        name: o.name,
        included: o.included,
        missing: o.missing,
      })),
      parts: own ? { own, offices: { ...data, previous: null } } : null,
    };
  }

  /**
   * The offices and activities behind a total. With the department's own work in the merge,
   * its line comes first and its activities before the offices' in the window.
   */
  drill(input: DrillInput): Drill {
    const { db } = this.ctx;
    const p = resolvePeriod(db, input.period);
    const subject = input.subject ?? 'trafficking';
    const offset = input.offset ?? 0;
    const limit = input.limit ?? 500;
    const names = new Map(q.trustedOffices(db).map((o) => [o.code, o.name]));
    const office = this.desks().office ? getOffice(db) : null;
    const ownAsked =
      office !== null && (input.office === undefined || input.office === office.code);
    const own = ownAsked
      ? ownDrill(
          db,
          office,
          {
            period: ref(p),
            subject,
            channel: input.channel,
            measure: input.measure,
            flag: input.flag,
          },
          { offset, limit },
        )
      : { office: null, activities: [] };
    const ownCount = own.office?.activities ?? 0;
    const none: Drill = {
      total: { activities: 0, audience: 0, value: null },
      offices: [],
      activities: [],
    };
    const base =
      input.office !== undefined && input.office === office?.code
        ? none
        : drill(
            db,
            {
              scope: mergeScope(db, p.key, subject),
              channel: input.channel,
              measure: input.measure,
              flag: input.flag,
              office: input.office,
              offset: Math.max(0, offset - ownCount),
              limit: limit - own.activities.length,
            },
            names,
          );
    if (!own.office) return base;
    const value =
      input.measure === undefined ? null : (base.total.value ?? 0) + (own.office.value ?? 0);
    return {
      total: {
        activities: base.total.activities + own.office.activities,
        audience: base.total.audience + own.office.audience,
        value,
      },
      offices: [own.office, ...base.offices],
      activities: [...own.activities, ...base.activities],
    };
  }

  /** The saved texts, or a start from the subject's previous draft and the period's directives. */
  texts(periodKey: string, subject: ReportSubject): ReportTexts {
    const { db } = this.ctx;
    const p = resolvePeriod(db, periodKey);
    const saved = getMergedDraft<ReportTexts>(db, p.key, subject);
    if (saved) return completeTexts(saved);
    const before = previousMergedDraft<ReportTexts>(db, p.from, subject);
    return startTexts({
      db,
      period: p,
      office: getOffice(db),
      before: before ? completeTexts(before) : null,
      today: vietnamDay(this.ctx.now()),
    });
  }

  /** Saves the texts; a field the input leaves out keeps its current value. */
  saveTexts(periodKey: string, subject: ReportSubject, texts: ReportTextsInput): ReportTexts {
    const p = resolvePeriod(this.ctx.db, periodKey);
    const complete = mergeTexts(texts, this.texts(p.key, subject));
    saveMergedDraft(this.ctx.db, {
      periodKey: p.key,
      subject,
      from: p.from,
      texts: complete,
      now: this.ctx.now(),
    });
    return complete;
  }

  /**
   * The merged report as a Word file, with a copy under the data folder's reports/. Empty
   * sections and a period nobody reported are warned about, never refused: the department
   * may well send a report that says so.
   */
  async docx(
    periodKey: string,
    subject: ReportSubject,
    createdAt: Date = new Date(),
  ): Promise<MergedFile> {
    const office = getOffice(this.ctx.db);
    if (!office) {
      throw new AppError('no_profile', {
        vi: 'Chưa có thông tin cơ quan: hãy khai báo cơ quan (Sở) trước khi lập báo cáo tổng hợp.',
        en: 'The office profile is not set up yet; set it up before the merged report.',
      });
    }
    const p = resolvePeriod(this.ctx.db, periodKey);
    const texts = this.texts(p.key, subject);
    const data = this.figures(p.key, subject);
    // The Word writer (and the docx library) loads with the first report, not at start.
    const { buildMergedDocx } = await import('../report/mergedDocx');
    const bytes = await buildMergedDocx({ office, texts, data, createdAt });
    const key = p.key.replace('..', '_');
    const fileName = `BaoCaoTongHop_${office.code}_${key}${SUBJECT_SUFFIX[subject]}.docx`;
    const dir = path.join(this.dataDir, 'reports');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, fileName);
    fs.writeFileSync(file, bytes);
    return { fileName, path: file, bytes, warnings: docxWarnings(texts, data) };
  }
}
