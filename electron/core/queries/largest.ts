// The office's largest figures on a channel, the yardstick for asking about an unusual one
// (shared/plausibility.ts). Deleted activities do not count: a typo deleted is no yardstick.
import type { Database } from 'better-sqlite3';
import { sql } from '../db/statements';
import { CHANNEL_MEASURES, type Channel } from '../../../shared/domain';
import type { ChannelLargest } from '../../../shared/plausibility';
import { COUNT_COLUMNS } from './activities';

export function largestOfChannel(db: Database, channel: Channel): ChannelLargest {
  const keys = CHANNEL_MEASURES[channel].counts;
  // Column names come from the fixed map, never from input.
  const measureColumns = keys.map((k, i) => `COALESCE(MAX(a.${COUNT_COLUMNS[k]}), 0) AS m${i}`);
  const row = sql(
    db,
    `SELECT COALESCE(MAX(a.audience), 0) AS audience, COALESCE(MAX(a.cost_vnd), 0) AS cost_vnd
       ${measureColumns.map((c) => `, ${c}`).join('')}
     FROM activities a WHERE a.channel = ? AND a.deleted_at IS NULL`,
  ).get(channel) as Record<string, number>;
  const measures: ChannelLargest['measures'] = {};
  keys.forEach((k, i) => {
    measures[k] = row[`m${i}`] ?? 0;
  });
  return { audience: row.audience ?? 0, costVnd: row.cost_vnd ?? 0, measures };
}
