// The merged figures of a period over the packages the desk counts (status 'current'): the
// same shape as an office's report (so the same sentences, tables and Word pieces apply),
// plus the table by office, and the drill-down from any total to the activities behind it.
import type { Database } from 'better-sqlite3';
import {
  CHANNEL_MEASURES,
  CHANNELS,
  THEMES,
  type Channel,
  type CommuneFlag,
  type CountMeasure,
  type Theme,
} from '../../../shared/domain';
import type {
  Drill,
  DrillActivity,
  MergedData,
  OfficeFigures,
  OfficeStatus,
} from '../../../shared/inbox';
import type {
  ChannelFigures,
  CommuneFigures,
  PeriodRef,
  ReportFigures,
  ThemeFigures,
} from '../../../shared/report';
import { sql } from '../db/statements';
import { FLAG_COLUMN, flagFigures, flagsOf } from '../queries/figures';

/** The counted packages of the period, joined as `p`. */
const COUNTED = `JOIN inbox_packages p ON p.sha256 = a.package_sha256
  AND p.period_key = @period AND p.status = 'current'`;

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

interface MeasureRow {
  office_code: string;
  channel: Channel;
  key: string;
  total: number;
}

/** Per office: its channels' figures (zeros where none). */
function channelsByOffice(db: Database, period: string): Map<string, ByChannel> {
  const out = new Map<string, ByChannel>();
  const of = (code: string): ByChannel => {
    let v = out.get(code);
    if (!v) out.set(code, (v = emptyChannels()));
    return v;
  };
  const rows = sql(
    db,
    `SELECT p.office_code, a.channel, COUNT(*) AS activities, TOTAL(a.audience) AS audience,
       TOTAL(a.cost_vnd) AS cost_vnd
     FROM inbox_activities a ${COUNTED} GROUP BY p.office_code, a.channel`,
  ).all({ period }) as ChannelRow[];
  for (const r of rows) {
    const c = of(r.office_code)[r.channel];
    c.activities = r.activities;
    c.audience = r.audience;
    c.costVnd = r.cost_vnd;
  }
  // Measures are stored as the activity's JSON; json_each sums every numeric key at once.
  const measures = sql(
    db,
    `SELECT p.office_code, a.channel, j.key AS key, TOTAL(j.value) AS total
     FROM inbox_activities a ${COUNTED}, json_each(a.measures) j
     WHERE j.type = 'integer'
     GROUP BY p.office_code, a.channel, j.key`,
  ).all({ period }) as MeasureRow[];
  for (const r of measures) {
    const c = of(r.office_code)[r.channel];
    if (r.key in c.measures) c.measures[r.key as CountMeasure] = r.total;
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
  border: number;
  remote: number;
  ethnic: number;
  key_area: number;
  active: number;
  activities: number;
  audience: number;
}

function communeCounts(db: Database, period: string): CommuneRow[] {
  return sql(
    db,
    `WITH counts AS (
       SELECT ac.package_sha256, ac.commune_code, COUNT(*) AS activities, TOTAL(a.audience) AS audience
       FROM inbox_activity_communes ac
       JOIN inbox_activities a ON a.package_sha256 = ac.package_sha256 AND a.id = ac.activity_id
       ${COUNTED}
       GROUP BY ac.package_sha256, ac.commune_code)
     SELECT p.office_code, p.office_name, c.code, c.name, c.border, c.remote, c.ethnic, c.key_area,
       c.active, COALESCE(n.activities, 0) AS activities, COALESCE(n.audience, 0) AS audience
     FROM inbox_communes c
     JOIN inbox_packages p ON p.sha256 = c.package_sha256 AND p.period_key = @period AND p.status = 'current'
     LEFT JOIN counts n ON n.package_sha256 = c.package_sha256 AND n.commune_code = c.code
     WHERE c.active = 1 OR n.activities > 0
     ORDER BY p.office_code, c.position`,
  ).all({ period }) as CommuneRow[];
}

function flaggedActivities(db: Database, period: string): Record<CommuneFlag, number> {
  return sql(
    db,
    `SELECT TOTAL(border) AS border, TOTAL(remote) AS remote, TOTAL(ethnic) AS ethnic, TOTAL(key_area) AS key
     FROM (SELECT MAX(c.border) AS border, MAX(c.remote) AS remote, MAX(c.ethnic) AS ethnic,
             MAX(c.key_area) AS key_area
           FROM inbox_activities a ${COUNTED}
           JOIN inbox_activity_communes ac ON ac.package_sha256 = a.package_sha256 AND ac.activity_id = a.id
           JOIN inbox_communes c ON c.package_sha256 = ac.package_sha256 AND c.code = ac.commune_code
           GROUP BY a.package_sha256, a.id)`,
  ).get({ period }) as Record<CommuneFlag, number>;
}

function themeFigures(db: Database, period: string): Record<Theme, ThemeFigures> {
  const rows = sql(
    db,
    `SELECT j.value AS theme, COUNT(*) AS activities, TOTAL(a.audience) AS audience
     FROM inbox_activities a ${COUNTED}, json_each(a.themes) j GROUP BY j.value`,
  ).all({ period }) as { theme: Theme; activities: number; audience: number }[];
  return Object.fromEntries(
    THEMES.map((t) => {
      const r = rows.find((x) => x.theme === t);
      return [t, { activities: r?.activities ?? 0, audience: r?.audience ?? 0 }];
    }),
  ) as Record<Theme, ThemeFigures>;
}

const sumOf = (byChannel: ByChannel, key: 'activities' | 'audience' | 'costVnd'): number =>
  CHANNELS.reduce((n, c) => n + byChannel[c][key], 0);

/** The period's merged figures in the office report's shape (INTERCHANGE `report --json`). */
export function mergedFigures(db: Database, period: PeriodRef): ReportFigures {
  return mergedDetail(db, period, [], { figuresOnly: true }).data.figures;
}

/**
 * Everything the merged screen and Word file show. `offices` is the period's status list
 * (registered offices and quarantined claimants), in the order the table shows them.
 */
export function mergedDetail(
  db: Database,
  period: PeriodRef,
  offices: readonly OfficeStatus[],
  /** Skips what only the screen and the Word file use (the themes). */
  options: { figuresOnly?: boolean } = {},
): { data: Omit<MergedData, 'previous' | 'expected' | 'reported'> } {
  return db.transaction(() => {
    const byOffice = channelsByOffice(db, period.key);
    const byChannel = sumChannels([...byOffice.values()]);
    const communes = communeCounts(db, period.key);
    const flaggedCounts = flaggedActivities(db, period.key);
    // As the office counts them: communes of its current list; activities in any commune.
    const flagged = flagFigures(
      communes.filter((c) => c.active === 1),
      flaggedCounts,
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
    const activities = sumOf(byChannel, 'activities');
    return {
      data: {
        subject: 'trafficking' as const,
        figures: { period, activities, byChannel, byCommune, flagged },
        audience: sumOf(byChannel, 'audience'),
        costVnd: sumOf(byChannel, 'costVnd'),
        byTheme: options.figuresOnly
          ? (Object.fromEntries(THEMES.map((t) => [t, { activities: 0, audience: 0 }])) as Record<
              Theme,
              ThemeFigures
            >)
          : themeFigures(db, period.key),
        flaggedCommunes: reached.map(({ c, flags }) => ({
          code: `${c.office_code}/${c.code}`,
          name: `${c.name} (${names.get(c.office_code) ?? c.office_name})`,
          flags,
          activities: c.activities,
          audience: c.audience,
        })),
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
      },
    };
  })();
}

// ---------- drill-down ----------

export interface DrillFilter {
  period: string;
  channel?: Channel | undefined;
  measure?: CountMeasure | undefined;
  flag?: CommuneFlag | undefined;
  office?: string | undefined;
  offset: number;
  limit: number;
}

/** WHERE fragments from fixed text; only values are bound. */
function drillWhere(f: DrillFilter): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = { period: f.period };
  if (f.channel !== undefined) {
    parts.push('a.channel = @channel');
    params.channel = f.channel;
  }
  if (f.office !== undefined) {
    parts.push('p.office_code = @office');
    params.office = f.office;
  }
  if (f.flag !== undefined) {
    parts.push(`EXISTS (SELECT 1 FROM inbox_activity_communes ac
      JOIN inbox_communes c ON c.package_sha256 = ac.package_sha256 AND c.code = ac.commune_code
      WHERE ac.package_sha256 = a.package_sha256 AND ac.activity_id = a.id
        AND ${FLAG_COLUMN[f.flag]} = 1)`);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

interface DrillRow {
  office_code: string;
  office_name: string;
  id: string;
  channel: Channel;
  date: string;
  end_date: string | null;
  title: string;
  themes: string;
  audience: number;
  cost_vnd: number;
  measures: string;
  communes: string | null;
}

/** The offices and activities behind a total; `names` gives the register's office names. */
export function drill(db: Database, f: DrillFilter, names: ReadonlyMap<string, string>): Drill {
  const w = drillWhere(f);
  const value = f.measure === undefined ? 'NULL' : `TOTAL(json_extract(a.measures, @measurePath))`;
  const params =
    f.measure === undefined ? w.params : { ...w.params, measurePath: `$.${f.measure}` };
  const offices = sql(
    db,
    `SELECT p.office_code AS code, p.office_name AS name, COUNT(*) AS activities,
       TOTAL(a.audience) AS audience, ${value} AS value
     FROM inbox_activities a ${COUNTED} ${w.sql}
     GROUP BY p.office_code ORDER BY p.office_code`,
  ).all(params) as {
    code: string;
    name: string;
    activities: number;
    audience: number;
    value: number | null;
  }[];
  const rows = sql(
    db,
    `SELECT p.office_code, p.office_name, a.id, a.channel, a.date, a.end_date, a.title, a.themes,
       a.audience, a.cost_vnd, a.measures,
       (SELECT json_group_array(c.name) FROM inbox_activity_communes ac
          JOIN inbox_communes c ON c.package_sha256 = ac.package_sha256 AND c.code = ac.commune_code
          WHERE ac.package_sha256 = a.package_sha256 AND ac.activity_id = a.id) AS communes
     FROM inbox_activities a ${COUNTED} ${w.sql}
     ORDER BY p.office_code, a.date, a.id LIMIT @limit OFFSET @offset`,
  ).all({ ...w.params, limit: f.limit, offset: f.offset }) as DrillRow[];
  const activities: DrillActivity[] = rows.map((r) => ({
    officeCode: r.office_code,
    officeName: names.get(r.office_code) ?? r.office_name,
    id: r.id,
    channel: r.channel,
    date: r.date,
    endDate: r.end_date,
    title: r.title,
    communes: r.communes === null ? [] : (JSON.parse(r.communes) as string[]),
    themes: JSON.parse(r.themes) as Theme[],
    audience: r.audience,
    costVnd: r.cost_vnd,
    measures: JSON.parse(r.measures) as Record<string, unknown>,
  }));
  const withNames = offices.map((o) => ({ ...o, name: names.get(o.code) ?? o.name }));
  const total = withNames.reduce<Drill['total']>(
    (t, o) => ({
      activities: t.activities + o.activities,
      audience: t.audience + o.audience,
      value: t.value === null || o.value === null ? null : t.value + o.value,
    }),
    { activities: 0, audience: 0, value: f.measure === undefined ? null : 0 },
  );
  return { total, offices: withNames, activities };
}
