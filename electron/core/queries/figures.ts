// The figures of a period: one module feeds the report screen, the Word file and
// `tuyentruyen report --json`. An activity counts in a period when its date falls inside
// it; one listed under several communes counts once in totals and once per commune.

import type { Database } from 'better-sqlite3';
import {
  CHANNEL_MEASURES,
  CHANNELS,
  COMMUNE_FLAGS,
  subjectThemes,
  THEMES,
  type Channel,
  type CommuneFlag,
  type ReportSubject,
  type Theme,
} from '../../../shared/domain';
import { areaKind, areaKindsOf, type AreaKinds } from '../../../shared/areas';
import type {
  AreaFreeFigures,
  ChannelFigures,
  CommuneFigures,
  FlagFigures,
  FlaggedCommune,
  NewsSources,
  PeriodRef,
  ReportFigures,
  ThemeFigures,
} from '../../../shared/report';
import { outletNames, siteNames, type PressSource } from '../../../shared/sources';
import { sql } from '../db/statements';
import { themesToMask } from './activities';
import { totalsOf } from './totals';

// A report counts the live activities dated in its period and tagged with its subject.
const LIVE_IN_PERIOD =
  'a.deleted_at IS NULL AND a.date >= @from AND a.date <= @to AND (a.theme_mask & @mask) != 0';

interface Scope {
  from: string;
  to: string;
  mask: number;
}

const scopeOf = (period: PeriodRef, subject: ReportSubject): Scope => ({
  from: period.from,
  to: period.to,
  mask: themesToMask(subjectThemes(subject)),
});

interface CommuneCountRow {
  id: number;
  code: string;
  name: string;
  kind: string;
  active: number;
  border: number;
  remote: number;
  ethnic: number;
  key_area: number;
  activities: number;
  audience: number;
}

/** The commune table's column for each flag (`key` is an SQL keyword). */
export const FLAG_COLUMN: Record<CommuneFlag, 'border' | 'remote' | 'ethnic' | 'key_area'> = {
  border: 'border',
  remote: 'remote',
  ethnic: 'ethnic',
  key: 'key_area',
};

/** A commune with its flag columns and its activity count in the period. */
export type FlaggedRow = Record<'border' | 'remote' | 'ethnic' | 'key_area', number> & {
  activities: number;
};

/** Per flag: communes carrying it, those reached, and the activities counted once. */
export function flagFigures(
  communes: readonly FlaggedRow[],
  activities: Record<CommuneFlag, number>,
): ReportFigures['flagged'] {
  return Object.fromEntries(
    COMMUNE_FLAGS.map((flag) => {
      const carrying = communes.filter((c) => c[FLAG_COLUMN[flag]] === 1);
      const f: FlagFigures = {
        communes: carrying.length,
        reached: carrying.filter((c) => c.activities > 0).length,
        activities: activities[flag],
      };
      return [flag, f];
    }),
  ) as ReportFigures['flagged'];
}

/** The kinds of the areas counted: all current ones, those reached, those of each flag. */
export function kindsOf(
  rows: readonly (FlaggedRow & { name: string; kind: string; active: number })[],
): AreaKinds {
  return areaKindsOf(
    rows.map((r) => ({
      kind: areaKind(r),
      flags: flagsOf(r),
      active: r.active === 1,
      activities: r.activities,
    })),
  );
}

/** The flags a commune carries, read from its columns. */
export const flagsOf = (c: FlaggedRow): CommuneFlag[] =>
  COMMUNE_FLAGS.filter((f) => c[FLAG_COLUMN[f]] === 1);

/** Whether any area counts under another (a merger): most offices have none. */
function hasMergers(db: Database): boolean {
  return sql(db, 'SELECT 1 FROM communes WHERE counts_as IS NOT NULL LIMIT 1').get() !== undefined;
}

/**
 * An activity's area as the figures count it: its own, or the one it was merged into. Without
 * any merger this is the link itself, and the queries keep their one-pass form.
 */
const areaOf = (merged: boolean) =>
  merged
    ? {
        join: 'JOIN communes c0 ON c0.id = ac.commune_id',
        id: 'COALESCE(c0.counts_as, c0.id)',
      }
    : { join: '', id: 'ac.commune_id' };

/**
 * Every active area (zeros included), then inactive ones that still had activities. An area
 * merged into another counts under it (`counts_as`): an activity naming both counts once.
 */
function communeCounts(db: Database, scope: Scope, merged: boolean): CommuneCountRow[] {
  const area = areaOf(merged);
  // Counted from the period's activities (index range) rather than from every link; with
  // mergers, one activity may reach the same area twice, hence the distinct pairs first.
  const counts = merged
    ? `links AS (
         SELECT DISTINCT a.id, ${area.id} AS area_id, a.audience
         FROM activities a JOIN activity_communes ac ON ac.activity_id = a.id ${area.join}
         WHERE ${LIVE_IN_PERIOD}),
       counts AS (
         SELECT area_id, COUNT(*) AS activities, TOTAL(audience) AS audience
         FROM links GROUP BY area_id)`
    : `counts AS (
         SELECT ac.commune_id AS area_id, COUNT(*) AS activities, TOTAL(a.audience) AS audience
         FROM activities a JOIN activity_communes ac ON ac.activity_id = a.id
         WHERE ${LIVE_IN_PERIOD}
         GROUP BY ac.commune_id)`;
  return sql(
    db,
    `WITH ${counts}
     SELECT c.id, c.code, c.name, c.kind, c.active, c.border, c.remote, c.ethnic, c.key_area,
       COALESCE(n.activities, 0) AS activities, COALESCE(n.audience, 0) AS audience
     FROM communes c LEFT JOIN counts n ON n.area_id = c.id
     WHERE c.active = 1 OR n.activities > 0
     ORDER BY c.active DESC, c.position, c.id`,
  ).all(scope) as CommuneCountRow[];
}

/** Per flag, the activities reached; and the activities naming any area at all. */
interface LinkedCounts extends Record<CommuneFlag, number> {
  linked: number;
  linkedAudience: number;
}

/**
 * In one pass over the period's activities that name an area: per flag, those in at least
 * one area carrying it (an area merged into another carries the other's flags), and how
 * many name any area at all (the rest are the office's work as a whole).
 */
function linkedActivities(db: Database, scope: Scope, merged: boolean): LinkedCounts {
  const area = areaOf(merged);
  return sql(
    db,
    `SELECT TOTAL(border) AS border, TOTAL(remote) AS remote, TOTAL(ethnic) AS ethnic,
       TOTAL(key_area) AS key, COUNT(*) AS linked, TOTAL(audience) AS linkedAudience
     FROM (SELECT MAX(c.border) AS border, MAX(c.remote) AS remote, MAX(c.ethnic) AS ethnic,
             MAX(c.key_area) AS key_area, MAX(a.audience) AS audience
           FROM activities a
           JOIN activity_communes ac ON ac.activity_id = a.id
           ${area.join}
           JOIN communes c ON c.id = ${area.id}
           WHERE ${LIVE_IN_PERIOD}
           GROUP BY a.id)`,
  ).get(scope) as LinkedCounts;
}

export function reportFigures(
  db: Database,
  period: PeriodRef,
  subject: ReportSubject,
): ReportFigures {
  return readFigures(db, period, subject).figures;
}

export interface FiguresDetail {
  figures: ReportFigures;
  audience: number;
  costVnd: number;
  byTheme: Record<Theme, ThemeFigures>;
  flaggedCommunes: FlaggedCommune[];
  areaKinds: AreaKinds;
  withoutArea: AreaFreeFigures;
}

/**
 * The sites of the period's online items and its press outlets, as the report names them.
 * Only the report's own period needs them (not the comparison's, nor the chart's).
 */
export function newsSources(db: Database, period: PeriodRef, subject: ReportSubject): NewsSources {
  const scope = scopeOf(period, subject);
  const urls = sql(
    db,
    `SELECT a.url AS url, COUNT(*) AS count FROM activities a
     WHERE ${LIVE_IN_PERIOD} AND a.channel = 'online' AND TRIM(COALESCE(a.url, '')) != ''
     GROUP BY a.url ORDER BY MIN(a.date), a.url`,
  ).all(scope) as { url: string; count: number }[];
  const press = sql(
    db,
    `SELECT COALESCE(a.outlet, '') AS outlet, COALESCE(a.programme, '') AS programme,
       COUNT(*) AS count FROM activities a
     WHERE ${LIVE_IN_PERIOD} AND a.channel = 'press'
       AND TRIM(COALESCE(a.outlet, '') || COALESCE(a.programme, '')) != ''
     GROUP BY a.outlet, a.programme ORDER BY MIN(a.date), a.outlet, a.programme`,
  ).all(scope) as PressSource[];
  return { sites: siteNames(urls), outlets: outletNames(press) };
}

/** Channels with an activity whose audience the user marked as an estimate. */
export function estimatedChannels(
  db: Database,
  period: PeriodRef,
  subject: ReportSubject,
): Channel[] {
  const scope = scopeOf(period, subject);
  const rows = sql(
    db,
    `SELECT DISTINCT a.channel AS channel FROM activities a
     WHERE ${LIVE_IN_PERIOD} AND a.audience_estimated = 1 AND a.audience > 0`,
  ).all(scope) as { channel: Channel }[];
  const found = new Set(rows.map((r) => r.channel));
  return CHANNELS.filter((c) => found.has(c));
}

export function readFigures(
  db: Database,
  period: PeriodRef,
  subject: ReportSubject,
): FiguresDetail {
  const scope = scopeOf(period, subject);
  return db.transaction(() => {
    const totals = totalsOf(db, {
      deleted: false,
      from: period.from,
      to: period.to,
      themes: subjectThemes(subject),
    });
    const byChannel = Object.fromEntries(
      CHANNELS.map((channel) => {
        const t = totals.byChannel[channel];
        const measures = Object.fromEntries(
          CHANNEL_MEASURES[channel].counts.map((k) => [k, t?.measures[k] ?? 0]),
        );
        const figures: ChannelFigures = {
          activities: t?.activities ?? 0,
          audience: t?.audience ?? 0,
          costVnd: t?.costVnd ?? 0,
          measures,
        };
        return [channel, figures];
      }),
    ) as ReportFigures['byChannel'];

    const merged = hasMergers(db);
    const communes = communeCounts(db, scope, merged);
    const byCommune: CommuneFigures[] = communes.map((c) => ({
      code: c.code,
      name: c.name,
      activities: c.activities,
      audience: c.audience,
    }));
    const active = communes.filter((c) => c.active === 1);
    const linked = linkedActivities(db, scope, merged);
    const flagged = flagFigures(active, linked);

    const flaggedCommunes: FlaggedCommune[] = communes
      .map((c) => ({ c, flags: flagsOf(c) }))
      .filter(({ c, flags }) => flags.length > 0 && c.activities > 0)
      .map(({ c, flags }) => ({
        code: c.code,
        name: c.name,
        flags,
        activities: c.activities,
        audience: c.audience,
      }));

    const themeRows = sql(
      db,
      `SELECT
         TOTAL(a.theme_mask & 1 != 0) AS t0, TOTAL(CASE WHEN a.theme_mask & 1 != 0 THEN a.audience END) AS a0,
         TOTAL(a.theme_mask & 2 != 0) AS t1, TOTAL(CASE WHEN a.theme_mask & 2 != 0 THEN a.audience END) AS a1,
         TOTAL(a.theme_mask & 4 != 0) AS t2, TOTAL(CASE WHEN a.theme_mask & 4 != 0 THEN a.audience END) AS a2
       FROM activities a WHERE ${LIVE_IN_PERIOD}`,
    ).get(scope) as Record<string, number>;
    const byTheme = Object.fromEntries(
      THEMES.map((theme, i) => [
        theme,
        { activities: themeRows[`t${i}`] ?? 0, audience: themeRows[`a${i}`] ?? 0 },
      ]),
    ) as Record<Theme, ThemeFigures>;

    return {
      figures: { period, activities: totals.activities, byChannel, byCommune, flagged },
      audience: totals.audience,
      costVnd: totals.costVnd,
      byTheme,
      flaggedCommunes,
      areaKinds: kindsOf(communes),
      withoutArea: {
        activities: totals.activities - linked.linked,
        audience: totals.audience - linked.linkedAudience,
      },
    };
  })();
}
