// The drill-down of a merged figure: the offices and activities behind any total, over the
// same packages and subject as the figures (coverage.ts), filtered by channel, office or flag.
import type { Database } from 'better-sqlite3';
import type { Channel, CommuneFlag, CountMeasure, Theme } from '../../../shared/domain';
import type { Drill, DrillActivity } from '../../../shared/inbox';
import { sql } from '../db/statements';
import { FLAG_COLUMN } from '../queries/figures';
import { IN_SCOPE, scopeParams, type MergeScope } from './coverage';

/** The counted packages' activities of the scope, `a` joined to its package `p`. */
const COUNTED = `inbox_activities a JOIN inbox_packages p ON p.id = a.package_id`;

export interface DrillFilter {
  scope: MergeScope;
  channel?: Channel | undefined;
  measure?: CountMeasure | undefined;
  flag?: CommuneFlag | undefined;
  office?: string | undefined;
  offset: number;
  limit: number;
}

/** WHERE fragments from fixed text; only values are bound. */
function drillWhere(f: DrillFilter): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [IN_SCOPE];
  const params: Record<string, unknown> = scopeParams(f.scope);
  if (f.channel !== undefined) {
    parts.push('a.channel = @channel');
    params.channel = f.channel;
  }
  if (f.office !== undefined) {
    parts.push('p.office_code = @office');
    params.office = f.office;
  }
  if (f.flag !== undefined) {
    // An area merged into another is flagged as the one it now counts under.
    parts.push(`EXISTS (SELECT 1 FROM inbox_activity_communes ac
      JOIN inbox_communes c0 ON c0.package_id = ac.package_id AND c0.code = ac.commune_code
      JOIN inbox_communes c ON c.package_id = c0.package_id
        AND c.code = COALESCE(c0.counts_as, c0.code)
      WHERE ac.package_id = a.package_id AND ac.activity_id = a.id
        AND c.${FLAG_COLUMN[f.flag]} = 1)`);
  }
  return { sql: `WHERE ${parts.join(' AND ')}`, params };
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
  package_sha256: string;
  photo_count: number;
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
     FROM ${COUNTED} ${w.sql}
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
          JOIN inbox_communes c ON c.package_id = ac.package_id AND c.code = ac.commune_code
          WHERE ac.package_id = a.package_id AND ac.activity_id = a.id) AS communes,
       p.sha256 AS package_sha256,
       (SELECT count(*) FROM inbox_photos ph
          WHERE ph.package_id = a.package_id AND ph.activity_id = a.id) AS photo_count
     FROM ${COUNTED} ${w.sql}
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
    packageSha256: r.package_sha256,
    photoCount: r.photo_count,
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
