// The logbook in pages fetched by key, not by OFFSET: a page starts at the sort key of its
// first row, so page 400 costs what page 1 does (OFFSET would build and skip every row
// before it). The keys of all pages' first rows ("anchors") come from one pass over the
// filtered, ordered set; for live rows SQLite walks the activities_live_order index. That
// pass is most of what opening costs (45–70 ms at 100,000 activities), so the first page
// is read without it and the anchors are asked for once it shows.

import type { Database } from 'better-sqlite3';
import type { ActivityRow } from '../../../shared/contract';
import type { ActivityKey } from '../../../shared/schemas';
import { sql } from '../db/statements';
import {
  DELETED_ORDER,
  LIVE_ORDER,
  SELECT_ACTIVITY,
  rowToActivity,
  where,
  type ActivityDbRow,
  type CommuneRef,
  type ResolvedFilter,
} from './activities';

/** How many values a key holds in the order the filter sorts by. */
export function keyLength(filter: ResolvedFilter): number {
  return filter.deleted ? 2 : 3;
}

/** The key of the first row of every page of `pageSize` rows, in the logbook's order. */
export function pageAnchors(db: Database, filter: ResolvedFilter, pageSize: number): ActivityKey[] {
  const w = where(filter);
  const [columns, order] = filter.deleted
    ? ['a.deleted_at, a.id', DELETED_ORDER]
    : ['a.date, a.created_at, a.id', LIVE_ORDER];
  // A filter on dates alone is answered from the activities_live_order index, already in
  // order. Any other filter reads the rows anyway: then letting SQLite pick the index that
  // narrows them best (a channel's) and sorting the few keys left is several times faster
  // than walking the whole order for a small share of it.
  const indexed =
    !filter.deleted &&
    !filter.channels?.length &&
    !filter.communeIds &&
    !filter.themes?.length &&
    !filter.terms?.length;
  const source = indexed
    ? `activities a WHERE ${w.sql}`
    : `(WITH f AS MATERIALIZED (SELECT ${columns} FROM activities a WHERE ${w.sql}) SELECT * FROM f) a`;
  const stmt = sql(
    db,
    `SELECT * FROM (
       SELECT ${columns}, row_number() OVER (ORDER BY ${order}) AS rn FROM ${source}
     ) WHERE rn % ? = 1 ORDER BY rn`,
  );
  const rows = stmt.raw(true).all(...w.params, pageSize) as (string | number)[][];
  // The row number closes each raw row; the key is what comes before it.
  return rows.map((r) => r.slice(0, -1).map(String));
}

/**
 * Up to `limit` rows from `from` on (that row included), in the logbook's order; from the
 * first row when `from` is null.
 */
export function pageFrom(
  db: Database,
  filter: ResolvedFilter,
  communesById: Map<number, CommuneRef>,
  from: ActivityKey | null,
  limit: number,
): ActivityRow[] {
  const w = where(filter);
  const order = filter.deleted ? DELETED_ORDER : LIVE_ORDER;
  // Row values compare left to right, as the order does; the bin sorts its id ascending.
  const [after, params] =
    from === null
      ? ['1', []]
      : filter.deleted
        ? ['(a.deleted_at < ? OR (a.deleted_at = ? AND a.id >= ?))', [from[0], ...from]]
        : ['(a.date, a.created_at, a.id) <= (?, ?, ?)', from];
  const rows = sql(
    db,
    `${SELECT_ACTIVITY} WHERE ${w.sql} AND ${after} ORDER BY ${order} LIMIT ?`,
  ).all(...w.params, ...params, limit) as ActivityDbRow[];
  return rows.map((r) => rowToActivity(r, communesById));
}
