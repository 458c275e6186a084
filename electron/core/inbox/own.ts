// The department's own work beside the offices' packages. A province's Sở does outreach
// itself (seed 000: 22 items on its websites, a leaflet permit) and records it in this desk's
// own logbook; the merged report gives that part, the offices' part, and their sum.
import type { Database } from 'better-sqlite3';
import { orderedKinds, type AreaKinds } from '../../../shared/areas';
import {
  CHANNEL_MEASURES,
  CHANNELS,
  COMMUNE_FLAGS,
  subjectThemes,
  THEMES,
  type Channel,
  type CommuneFlag,
  type CountMeasure,
  type ReportSubject,
} from '../../../shared/domain';
import type { Drill, DrillActivity, MergedParts } from '../../../shared/inbox';
import type { PeriodRef, ReportData, ReportFigures } from '../../../shared/report';
import { listActivities, type ResolvedFilter } from '../queries/activities';
import { totalsOf } from '../queries/totals';
import { estimatedChannels, FLAG_COLUMN, newsSources, readFigures } from '../queries/figures';
import { allCommunes, getOffice } from '../queries/profile';
import { sameName } from '../../../shared/text';
import { CommuneIndex } from '../services/communes';
import type { MergedDetail } from './figures';

/** The desk's own logbook for the period about the subject; null without a profile. */
export function ownPart(
  db: Database,
  period: PeriodRef,
  subject: ReportSubject,
): MergedParts['own'] | null {
  const office = getOffice(db);
  if (!office) return null;
  const d = readFigures(db, period, subject);
  const data: ReportData = {
    subject,
    ...d,
    previous: null,
    sources: newsSources(db, period, subject),
    estimated: estimatedChannels(db, period, subject),
  };
  return { code: office.code, name: office.name, data };
}

/** Two periods' figures added channel by channel; own areas keep their office's prefix. */
export function addFigures(a: ReportFigures, own: ReportFigures, ownCode: string): ReportFigures {
  const byChannel = Object.fromEntries(
    CHANNELS.map((c) => {
      const x = a.byChannel[c];
      const y = own.byChannel[c];
      const measures = Object.fromEntries(
        CHANNEL_MEASURES[c].counts.map((k) => [k, (x.measures[k] ?? 0) + (y.measures[k] ?? 0)]),
      );
      return [
        c,
        {
          activities: x.activities + y.activities,
          audience: x.audience + y.audience,
          costVnd: x.costVnd + y.costVnd,
          measures,
        },
      ];
    }),
  ) as ReportFigures['byChannel'];
  const flagged = Object.fromEntries(
    COMMUNE_FLAGS.map((f) => [
      f,
      {
        communes: a.flagged[f].communes + own.flagged[f].communes,
        reached: a.flagged[f].reached + own.flagged[f].reached,
        activities: a.flagged[f].activities + own.flagged[f].activities,
      },
    ]),
  ) as ReportFigures['flagged'];
  return {
    period: a.period,
    activities: a.activities + own.activities,
    byChannel,
    byCommune: [
      ...own.byCommune.map((c) => ({ ...c, code: `${ownCode}/${c.code}` })),
      ...a.byCommune,
    ],
    flagged,
  };
}

function addKinds(a: AreaKinds | undefined, b: AreaKinds | undefined): AreaKinds | undefined {
  if (!a || !b) return a ?? b;
  return {
    all: orderedKinds([...a.all, ...b.all]),
    reached: orderedKinds([...a.reached, ...b.reached]),
    flagged: Object.fromEntries(
      COMMUNE_FLAGS.map((f) => [f, orderedKinds([...a.flagged[f], ...b.flagged[f]])]),
    ) as AreaKinds['flagged'],
  };
}

/** The offices' merged detail with the department's own work added: their sum. */
export function withOwn(detail: MergedDetail, own: MergedParts['own']): MergedDetail {
  const o = own.data;
  return {
    ...detail,
    figures: addFigures(detail.figures, o.figures, own.code),
    audience: detail.audience + o.audience,
    costVnd: detail.costVnd + o.costVnd,
    byTheme: Object.fromEntries(
      THEMES.map((t) => [
        t,
        {
          activities: detail.byTheme[t].activities + o.byTheme[t].activities,
          audience: detail.byTheme[t].audience + o.byTheme[t].audience,
        },
      ]),
    ) as ReportData['byTheme'],
    flaggedCommunes: [
      ...o.flaggedCommunes.map((c) => ({
        ...c,
        code: `${own.code}/${c.code}`,
        name: `${c.name} (${own.name})`,
      })),
      ...detail.flaggedCommunes,
    ],
    flaggedReached: [
      ...o.flaggedCommunes.map((c) => ({ ...c, officeCode: own.code, officeName: own.name })),
      ...detail.flaggedReached,
    ],
    areaKinds: addKinds(detail.areaKinds, o.areaKinds),
    withoutArea: {
      activities: (detail.withoutArea?.activities ?? 0) + (o.withoutArea?.activities ?? 0),
      audience: (detail.withoutArea?.audience ?? 0) + (o.withoutArea?.audience ?? 0),
    },
    sources: {
      sites: unionNames(o.sources?.sites ?? [], detail.sources?.sites ?? []),
      outlets: unionNames(o.sources?.outlets ?? [], detail.sources?.outlets ?? []),
    },
    estimated: CHANNELS.filter(
      (c) => o.estimated?.includes(c) === true || detail.estimated?.includes(c) === true,
    ),
  };
}

/** The department's names first, then the offices' it has not named. */
function unionNames(first: readonly string[], then: readonly string[]): string[] {
  return [...first, ...then.filter((n) => !first.some((f) => sameName(f, n)))];
}

/** What a drill into the merged figures asks of the department's own part. */
export interface OwnDrillFilter {
  period: PeriodRef;
  subject: ReportSubject;
  channel?: Channel;
  measure?: CountMeasure;
  flag?: CommuneFlag;
}

/**
 * The department's own activities behind a total, as the drill lists an office's: its line
 * (null when none match) and a window of its activities, oldest first.
 */
export function ownDrill(
  db: Database,
  own: { code: string; name: string },
  f: OwnDrillFilter,
  window: { offset: number; limit: number },
): { office: Drill['offices'][number] | null; activities: DrillActivity[] } {
  const index = CommuneIndex.of(db);
  const filter: ResolvedFilter = {
    deleted: false,
    from: f.period.from,
    to: f.period.to,
    themes: subjectThemes(f.subject),
    ...(f.channel ? { channels: [f.channel] } : {}),
  };
  if (f.flag) {
    const carrying = allCommunes(db)
      .filter((c) => c[FLAG_COLUMN[f.flag!]] === 1)
      .map((c) => c.id);
    filter.communeIds = index.withMerged(carrying);
  }
  const totals = totalsOf(db, filter);
  if (totals.activities === 0) return { office: null, activities: [] };
  const value =
    f.measure === undefined
      ? null
      : Object.values(totals.byChannel).reduce((n, t) => n + (t?.measures[f.measure!] ?? 0), 0);
  const rows =
    window.limit > 0
      ? listActivities(db, filter, index.byId, { ...window, oldestFirst: true })
      : [];
  return {
    office: {
      code: own.code,
      name: own.name,
      activities: totals.activities,
      audience: totals.audience,
      value,
    },
    activities: rows.map((a) => ({
      officeCode: own.code,
      officeName: own.name,
      id: a.id,
      channel: a.channel,
      date: a.date,
      endDate: a.endDate ?? null,
      title: a.title,
      communes: a.communes,
      themes: a.themes,
      audience: a.audience,
      costVnd: a.costVnd,
      measures: a.measures,
      packageSha256: null,
      photoCount: a.photoCount,
    })),
  };
}
