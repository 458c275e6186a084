// The totals of a filter: the count, audience, cost and every count measure by channel. On
// dates, channels and themes they come from the day totals the writes keep (migration 0130);
// a filter on areas or words, or the deleted view, sums the activities themselves.

import type { Database } from 'better-sqlite3';
import type { ChannelTotals, Totals } from '../../../shared/contract';
import { CHANNEL_MEASURES, type Channel } from '../../../shared/domain';
import { sql } from '../db/statements';
import { addRange, COUNT_COLUMNS, where, type ResolvedFilter } from './activities';

interface TotalsDbRow {
  channel: Channel;
  activities: number;
  audience: number;
  cost_vnd: number;
  sessions: number;
  km: number;
  minutes: number;
  pieces: number;
  screenings: number;
  message_minutes: number;
  items: number;
  broadcasts: number;
  copies: number;
  messages: number;
  models: number;
}

/**
 * The live activities' totals on dates, channels and themes come from the day totals the
 * writes keep (migration 0130): a few rows a day instead of every activity. A filter on
 * areas or words, or the deleted ones, sums the activities themselves.
 */
function totalsSource(filter: ResolvedFilter): {
  from: string;
  count: string;
  sql: string;
  params: unknown[];
} {
  if (filter.deleted || filter.communeIds !== undefined || (filter.terms?.length ?? 0) > 0) {
    return { from: 'activities a', count: 'COUNT(*)', ...where(filter) };
  }
  const parts: string[] = [];
  const params: unknown[] = [];
  addRange(filter, parts, params);
  return {
    from: 'activity_day_totals a',
    count: 'TOTAL(a.activities)',
    sql: parts.length > 0 ? parts.join(' AND ') : '1',
    params,
  };
}

export function totalsOf(db: Database, filter: ResolvedFilter): Totals {
  const w = totalsSource(filter);
  const rows = sql(
    db,
    `SELECT a.channel, ${w.count} AS activities, TOTAL(a.audience) AS audience, TOTAL(a.cost_vnd) AS cost_vnd,
         TOTAL(a.sessions) AS sessions, TOTAL(a.km) AS km, TOTAL(a.minutes) AS minutes,
         TOTAL(a.pieces) AS pieces, TOTAL(a.screenings) AS screenings,
         TOTAL(a.message_minutes) AS message_minutes, TOTAL(a.items) AS items,
         TOTAL(a.broadcasts) AS broadcasts, TOTAL(a.copies) AS copies,
         TOTAL(a.messages) AS messages, TOTAL(a.models) AS models
       FROM ${w.from} WHERE ${w.sql} GROUP BY a.channel`,
  ).all(...w.params) as TotalsDbRow[];
  const totals: Totals = { activities: 0, audience: 0, costVnd: 0, byChannel: {} };
  for (const r of rows) {
    const measures: ChannelTotals['measures'] = {};
    for (const key of CHANNEL_MEASURES[r.channel].counts) {
      measures[key] = r[COUNT_COLUMNS[key] as keyof TotalsDbRow] as number;
    }
    totals.byChannel[r.channel] = {
      activities: r.activities,
      audience: r.audience,
      costVnd: r.cost_vnd,
      measures,
    };
    totals.activities += r.activities;
    totals.audience += r.audience;
    totals.costVnd += r.cost_vnd;
  }
  return totals;
}
