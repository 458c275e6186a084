// The merged figures of a period over the packages the desk counts (coverage.ts chooses
// them): the same shape as an office's report about the same subject (so the same sentences,
// tables and Word pieces apply), plus the table by office. An office's half year made of its
// quarters is the sum of those quarters, channel by channel and commune by commune.
import type { Database } from 'better-sqlite3';
import {
  CHANNEL_MEASURES,
  CHANNELS,
  THEMES,
  type Channel,
  type CommuneFlag,
  type ReportSubject,
  type Theme,
} from '../../../shared/domain';
import type { MergedData, OfficeFigures, OfficeStatus } from '../../../shared/inbox';
import type {
  ChannelFigures,
  CommuneFigures,
  NewsSources,
  PeriodRef,
  ReportFigures,
  ThemeFigures,
} from '../../../shared/report';
import { outletNames, siteNames, type PressSource } from '../../../shared/sources';
import { sql } from '../db/statements';
import { flagFigures, flagsOf, kindsOf } from '../queries/figures';
import { IN_SCOPE, mergeScope, scopeParams, type MergeScope } from './coverage';

/** The counted packages' activities of the scope, `a` joined to its package `p`. */
const COUNTED = `inbox_activities a JOIN inbox_packages p ON p.id = a.package_id`;

type ByChannel = Record<Channel, ChannelFigures>;

function emptyChannels(): ByChannel {
  return Object.fromEntries(
    CHANNELS.map((c) => [
      c,
      {
        activities: 0,
        audience: 0,
        costVnd: 0,
        measures: Object.fromEntries(CHANNEL_MEASURES[c].counts.map((k) => [k, 0])),
      },
    ]),
  ) as ByChannel;
}

interface ChannelRow {
  office_code: string;
  channel: Channel;
  activities: number;
  audience: number;
  cost_vnd: number;
}

type Params = ReturnType<typeof scopeParams>;

/** Every count measure of any channel; each is one column of channelsByOffice's one pass. */
const MEASURE_KEYS = [...new Set(CHANNELS.flatMap((c) => CHANNEL_MEASURES[c].counts))];
/** The measures' JSON paths, bound as values (`@m0` is MEASURE_KEYS[0]'s). */
const MEASURE_PATHS = Object.fromEntries(MEASURE_KEYS.map((k, i) => [`m${i}`, `$.${k}`]));
const MEASURE_COLUMNS = MEASURE_KEYS.map(
  (_, i) => `TOTAL(json_extract(a.measures, @m${i})) AS m${i}`,
).join(', ');

/**
 * Per office: its channels' figures (zeros where none), its packages summed. One pass over
 * the activities: each row's measures JSON is parsed once for all its counts (SQLite keeps
 * the last parse), where a json_each per row made a second pass of tens of thousands of rows.
 */
function channelsByOffice(db: Database, params: Params): Map<string, ByChannel> {
  const out = new Map<string, ByChannel>();
  const rows = sql(
    db,
    `SELECT p.office_code, a.channel, COUNT(*) AS activities, TOTAL(a.audience) AS audience,
       TOTAL(a.cost_vnd) AS cost_vnd, ${MEASURE_COLUMNS}
     FROM ${COUNTED} WHERE ${IN_SCOPE} GROUP BY p.office_code, a.channel`,
  ).all({ ...params, ...MEASURE_PATHS }) as (ChannelRow & Record<string, number>)[];
  for (const r of rows) {
    let v = out.get(r.office_code);
    if (!v) out.set(r.office_code, (v = emptyChannels()));
    const c = v[r.channel];
    c.activities = r.activities;
    c.audience = r.audience;
    c.costVnd = r.cost_vnd;
    // Only the channel's own measures count (a key of another channel's is not its figure).
    MEASURE_KEYS.forEach((k, i) => {
      if (k in c.measures) c.measures[k] = r[`m${i}`] ?? 0;
    });
  }
  return out;
}

function sumChannels(all: readonly ByChannel[]): ByChannel {
  const total = emptyChannels();
  for (const byChannel of all) {
    for (const c of CHANNELS) {
      const t = total[c];
      const v = byChannel[c];
      t.activities += v.activities;
      t.audience += v.audience;
      t.costVnd += v.costVnd;
      for (const k of CHANNEL_MEASURES[c].counts)
        t.measures[k] = (t.measures[k] ?? 0) + (v.measures[k] ?? 0);
    }
  }
  return total;
}

interface CommuneRow {
  office_code: string;
  office_name: string;
  code: string;
  name: string;
  kind: string;
  border: number;
  remote: number;
  ethnic: number;
  key_area: number;
  active: number;
  activities: number;
  audience: number;
}

/** The sites of the counted online items and the press outlets, as the report names them. */
function newsSources(db: Database, params: Params): NewsSources {
  const urls = sql(
    db,
    `SELECT json_extract(a.measures, '$.url') AS url, COUNT(*) AS count FROM ${COUNTED}
     WHERE ${IN_SCOPE} AND a.channel = 'online'
       AND TRIM(COALESCE(json_extract(a.measures, '$.url'), '')) != ''
     GROUP BY 1 ORDER BY MIN(a.date), 1`,
  ).all(params) as { url: string; count: number }[];
  const press = sql(
    db,
    `SELECT COALESCE(json_extract(a.measures, '$.outlet'), '') AS outlet,
       COALESCE(json_extract(a.measures, '$.programme'), '') AS programme, COUNT(*) AS count
     FROM ${COUNTED} WHERE ${IN_SCOPE} AND a.channel = 'press'
       AND TRIM(COALESCE(json_extract(a.measures, '$.outlet'), '') ||
         COALESCE(json_extract(a.measures, '$.programme'), '')) != ''
     GROUP BY 1, 2 ORDER BY MIN(a.date), 1, 2`,
  ).all(params) as PressSource[];
  return { sites: siteNames(urls), outlets: outletNames(press) };
}

/** Channels with a counted activity whose audience its office marked as an estimate. */
function estimatedChannels(db: Database, params: Params): Channel[] {
  const rows = sql(
    db,
    `SELECT DISTINCT a.channel AS channel FROM ${COUNTED}
     WHERE ${IN_SCOPE} AND a.audience_estimated = 1 AND a.audience > 0`,
  ).all(params) as { channel: Channel }[];
  const found = new Set(rows.map((r) => r.channel));
  return CHANNELS.filter((c) => found.has(c));
}

/** Whether any package in scope merged an area into another: most have none. */
function hasMergers(db: Database, params: Params): boolean {
  return (
    sql(
      db,
      `SELECT 1 FROM inbox_communes
       WHERE package_id IN (SELECT value FROM json_each(@packages)) AND counts_as IS NOT NULL
       LIMIT 1`,
    ).get({ packages: params.packages }) !== undefined
  );
}

/** A link's area as the figures count it; without mergers, the link itself (one pass). */
const areaOf = (merged: boolean) =>
  merged
    ? {
        join: `JOIN inbox_communes c0 ON c0.package_id = ac.package_id
                 AND c0.code = ac.commune_code`,
        code: 'COALESCE(c0.counts_as, c0.code)',
      }
    : { join: '', code: 'ac.commune_code' };

/**
 * Each office's communes with their counts: those of its lists (zeros included) and any
 * dropped one that still had activities. An office counted by its quarters lists each
 * commune once, named and flagged as its latest package has it, its counts summed. An area
 * an office merged into another counts under it, each activity once.
 */
function communeCounts(db: Database, params: Params, merged: boolean): CommuneRow[] {
  const area = areaOf(merged);
  const counts = merged
    ? `links AS (
         SELECT DISTINCT ac.package_id, a.id, ${area.code} AS area, a.audience
         FROM inbox_activity_communes ac
         JOIN inbox_activities a ON a.package_id = ac.package_id AND a.id = ac.activity_id
         ${area.join}
         WHERE ${IN_SCOPE}),
       counts AS (
         SELECT package_id, area AS commune_code, COUNT(*) AS activities,
           TOTAL(audience) AS audience
         FROM links GROUP BY package_id, area)`
    : `counts AS (
         SELECT ac.package_id, ac.commune_code, COUNT(*) AS activities,
           TOTAL(a.audience) AS audience
         FROM inbox_activity_communes ac
         JOIN inbox_activities a ON a.package_id = ac.package_id AND a.id = ac.activity_id
         WHERE ${IN_SCOPE}
         GROUP BY ac.package_id, ac.commune_code)`;
  const rows = sql(
    db,
    `WITH ${counts}
     SELECT p.office_code, p.office_name, c.code, c.name, c.kind, c.border, c.remote, c.ethnic, c.key_area,
       c.active, COALESCE(n.activities, 0) AS activities, COALESCE(n.audience, 0) AS audience
     FROM inbox_communes c
     JOIN inbox_packages p ON p.id = c.package_id
     LEFT JOIN counts n ON n.package_id = c.package_id AND n.commune_code = c.code
     WHERE c.package_id IN (SELECT value FROM json_each(@packages))
       AND (c.active = 1 OR n.activities > 0)
     ORDER BY p.office_code, p.period_from DESC, c.position`,
  ).all(params) as CommuneRow[];
  const byCode = new Map<string, CommuneRow>();
  for (const r of rows) {
    const key = `${r.office_code}/${r.code}`;
    const seen = byCode.get(key);
    if (!seen) byCode.set(key, { ...r });
    else {
      seen.activities += r.activities;
      seen.audience += r.audience;
      seen.active = Math.max(seen.active, r.active);
    }
  }
  return [...byCode.values()];
}

/** Per flag, the activities reached; and the activities naming any area at all. */
interface LinkedCounts extends Record<CommuneFlag, number> {
  linked: number;
  linkedAudience: number;
}

/**
 * One pass over the scope's activities that name an area: per flag, those in at least one
 * area carrying it (a merged area carries its absorber's flags); and how many name any.
 */
function linkedActivities(db: Database, params: Params, merged: boolean): LinkedCounts {
  const area = areaOf(merged);
  return sql(
    db,
    `SELECT TOTAL(border) AS border, TOTAL(remote) AS remote, TOTAL(ethnic) AS ethnic,
       TOTAL(key_area) AS key, COUNT(*) AS linked, TOTAL(audience) AS linkedAudience
     FROM (SELECT MAX(c.border) AS border, MAX(c.remote) AS remote, MAX(c.ethnic) AS ethnic,
             MAX(c.key_area) AS key_area, MAX(a.audience) AS audience
           FROM inbox_activities a
           JOIN inbox_activity_communes ac ON ac.package_id = a.package_id AND ac.activity_id = a.id
           ${area.join}
           JOIN inbox_communes c ON c.package_id = ac.package_id AND c.code = ${area.code}
           WHERE ${IN_SCOPE}
           GROUP BY a.package_id, a.id)`,
  ).get(params) as LinkedCounts;
}

/** Per theme, the scope's activities tagged with it (as the office report's byTheme). */
function themeFigures(db: Database, params: Params): Record<Theme, ThemeFigures> {
  const row = sql(
    db,
    `SELECT
       TOTAL(a.theme_mask & 1 != 0) AS t0, TOTAL(CASE WHEN a.theme_mask & 1 != 0 THEN a.audience END) AS a0,
       TOTAL(a.theme_mask & 2 != 0) AS t1, TOTAL(CASE WHEN a.theme_mask & 2 != 0 THEN a.audience END) AS a1,
       TOTAL(a.theme_mask & 4 != 0) AS t2, TOTAL(CASE WHEN a.theme_mask & 4 != 0 THEN a.audience END) AS a2
     FROM inbox_activities a WHERE ${IN_SCOPE}`,
  ).get(params) as Record<string, number>;
  return Object.fromEntries(
    THEMES.map((t, i) => [t, { activities: row[`t${i}`] ?? 0, audience: row[`a${i}`] ?? 0 }]),
  ) as Record<Theme, ThemeFigures>;
}

const sumOf = (byChannel: ByChannel, key: 'activities' | 'audience' | 'costVnd'): number =>
  CHANNELS.reduce((n, c) => n + byChannel[c][key], 0);

/**
 * The period's merged figures about the subject in the office report's shape (INTERCHANGE
 * `report --json`), over the packages the desk counts for it.
 */
export function mergedFigures(
  db: Database,
  period: PeriodRef,
  subject: ReportSubject = 'trafficking',
): ReportFigures {
  const scope = mergeScope(db, period.key, subject);
  return mergedDetail(db, scope, period, subject, [], { figuresOnly: true }).figures;
}

/** What mergedDetail gives: MergedData but what the service adds from the status. */
export type MergedDetail = Omit<
  MergedData,
  'previous' | 'expected' | 'reported' | 'coverage' | 'parts'
>;

/**
 * Everything the merged screen and Word file show. `offices` is the period's status list
 * (registered offices and quarantined claimants), in the order the table shows them.
 */
export function mergedDetail(
  db: Database,
  scope: MergeScope,
  period: PeriodRef,
  subject: ReportSubject,
  offices: readonly OfficeStatus[],
  /** Skips what only the screen and the Word file use (the themes). */
  options: { figuresOnly?: boolean } = {},
): MergedDetail {
  const params = scopeParams(scope);
  return db.transaction((): MergedDetail => {
    const byOffice = channelsByOffice(db, params);
    const byChannel = sumChannels([...byOffice.values()]);
    const merged = hasMergers(db, params);
    const communes = communeCounts(db, params, merged);
    const linked = linkedActivities(db, params, merged);
    // As the office counts them: communes of its current list; activities in any commune.
    const flagged = flagFigures(
      communes.filter((c) => c.active === 1),
      linked,
    );
    const byCommune: CommuneFigures[] = communes.map((c) => ({
      code: `${c.office_code}/${c.code}`,
      name: c.name,
      activities: c.activities,
      audience: c.audience,
    }));
    const reached = communes
      .map((c) => ({ c, flags: flagsOf(c) }))
      .filter(({ c, flags }) => flags.length > 0 && c.activities > 0);
    const names = new Map(offices.map((o) => [o.code, o.name]));
    const officeFigures: OfficeFigures[] = offices.map((o) => {
      const channels = byOffice.get(o.code) ?? emptyChannels();
      return {
        code: o.code,
        name: o.name,
        state: o.state,
        sequence: o.sequence,
        activities: sumOf(channels, 'activities'),
        audience: sumOf(channels, 'audience'),
        costVnd: sumOf(channels, 'costVnd'),
        byChannel: channels,
      };
    });
    return {
      subject,
      figures: {
        period,
        activities: sumOf(byChannel, 'activities'),
        byChannel,
        byCommune,
        flagged,
      },
      audience: sumOf(byChannel, 'audience'),
      costVnd: sumOf(byChannel, 'costVnd'),
      byTheme: options.figuresOnly
        ? (Object.fromEntries(THEMES.map((t) => [t, { activities: 0, audience: 0 }])) as Record<
            Theme,
            ThemeFigures
          >)
        : themeFigures(db, params),
      flaggedCommunes: reached.map(({ c, flags }) => ({
        code: `${c.office_code}/${c.code}`,
        name: `${c.name} (${names.get(c.office_code) ?? c.office_name})`,
        flags,
        activities: c.activities,
        audience: c.audience,
      })),
      areaKinds: kindsOf(communes),
      withoutArea: {
        activities: sumOf(byChannel, 'activities') - linked.linked,
        audience: sumOf(byChannel, 'audience') - linked.linkedAudience,
      },
      // Only the report's own figures name sources (not a comparison's, nor a chart's).
      ...(options.figuresOnly
        ? {}
        : { sources: newsSources(db, params), estimated: estimatedChannels(db, params) }),
      offices: officeFigures,
      flaggedReached: reached.map(({ c, flags }) => ({
        officeCode: c.office_code,
        officeName: names.get(c.office_code) ?? c.office_name,
        code: c.code,
        name: c.name,
        flags,
        activities: c.activities,
        audience: c.audience,
      })),
    };
  })();
}
