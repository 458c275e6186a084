// Raw SQL for activities, parameters bound, explicit row types and mappers.
// A row of the logbook, a line of `activities list` and (later) a report figure all come
// from here.

import { sql } from '../db/statements';
import type { Database } from 'better-sqlite3';
import type { ActivityRow } from '../../../shared/contract';
import {
  CHANNEL_MEASURES,
  THEMES,
  type Channel,
  type CountMeasure,
  type Theme,
} from '../../../shared/domain';
import type { Activity, ActivityData } from '../../../shared/schemas';

export interface ActivityDbRow {
  id: string;
  channel: Channel;
  date: string;
  end_date: string | null;
  village: string;
  theme_mask: number;
  language: string;
  title: string;
  audience: number;
  cost_vnd: number;
  notes: string;
  sessions: number | null;
  km: number | null;
  minutes: number | null;
  pieces: number | null;
  screenings: number | null;
  message_minutes: number | null;
  items: number | null;
  broadcasts: number | null;
  copies: number | null;
  messages: number | null;
  models: number | null;
  kind: string | null;
  slogan: string | null;
  film: string | null;
  relayed: number | null;
  permit_no: string | null;
  url: string | null;
  outlet: string | null;
  programme: string | null;
  audience_estimated: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  commune_ids: string | null;
  photo_count: number;
}

/** Measure key → column. Fixed here; never built from input. */
export const COUNT_COLUMNS: Record<CountMeasure, keyof ActivityDbRow> = {
  sessions: 'sessions',
  km: 'km',
  minutes: 'minutes',
  pieces: 'pieces',
  screenings: 'screenings',
  messageMinutes: 'message_minutes',
  items: 'items',
  broadcasts: 'broadcasts',
  copies: 'copies',
  messages: 'messages',
  count: 'models',
};

export function themesToMask(themes: readonly Theme[]): number {
  return themes.reduce((mask, t) => mask | (1 << THEMES.indexOf(t)), 0);
}

export function maskToThemes(mask: number): Theme[] {
  return THEMES.filter((_, i) => (mask & (1 << i)) !== 0);
}

export interface CommuneRef {
  id: number;
  code: string;
  name: string;
}

export function rowToActivity(
  row: ActivityDbRow,
  communesById: Map<number, CommuneRef>,
): ActivityRow {
  const communes = (row.commune_ids ?? '')
    .split(',')
    .filter((s) => s !== '')
    .map((id) => communesById.get(Number(id)))
    .filter((c): c is CommuneRef => c !== undefined);
  const measures: Record<string, unknown> = {};
  for (const key of CHANNEL_MEASURES[row.channel].counts)
    measures[key] = row[COUNT_COLUMNS[key]] ?? 0;
  if (row.kind !== null) measures.kind = row.kind;
  if (row.slogan !== null) measures.slogan = row.slogan;
  if (row.film !== null) measures.film = row.film;
  if (row.relayed !== null) measures.relayed = row.relayed === 1;
  if (row.permit_no !== null) measures.permitNo = row.permit_no;
  if (row.url !== null) measures.url = row.url;
  if (row.outlet !== null) measures.outlet = row.outlet;
  if (row.programme !== null) measures.programme = row.programme;
  const activity = {
    id: row.id,
    channel: row.channel,
    date: row.date,
    ...(row.end_date !== null ? { endDate: row.end_date } : {}),
    communes: communes.map((c) => c.name),
    village: row.village,
    themes: maskToThemes(row.theme_mask),
    language: row.language,
    title: row.title,
    audience: row.audience,
    ...(row.audience_estimated === 1 ? { audienceEstimated: true } : {}),
    costVnd: row.cost_vnd,
    notes: row.notes,
    measures,
  } as Activity;
  return {
    ...activity,
    communeCodes: communes.map((c) => c.code),
    photoCount: row.photo_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** Strips the row's bookkeeping: the import format of INTERCHANGE.md, with its id. */
export function toInterchange(row: ActivityRow): Activity {
  const {
    communeCodes: _c,
    photoCount: _p,
    createdAt: _a,
    updatedAt: _u,
    deletedAt: _d,
    ...activity
  } = row;
  return activity;
}

// Every column but search_text, which is only ever searched, never shown.
export const SELECT_ACTIVITY = `
  SELECT a.id, a.channel, a.date, a.end_date, a.village, a.theme_mask, a.language, a.title,
    a.audience, a.cost_vnd, a.notes, a.sessions, a.km, a.minutes, a.pieces, a.screenings,
    a.message_minutes, a.items, a.broadcasts, a.copies, a.messages, a.models, a.kind, a.slogan,
    a.film, a.relayed, a.permit_no, a.url, a.outlet, a.programme, a.audience_estimated,
    a.created_at, a.updated_at, a.deleted_at,
    (SELECT group_concat(commune_id, ',') FROM
      (SELECT commune_id FROM activity_communes WHERE activity_id = a.id ORDER BY position)) AS commune_ids,
    (SELECT count(*) FROM activity_photos WHERE activity_id = a.id) AS photo_count
  FROM activities a`;

export interface ResolvedFilter {
  deleted: boolean;
  from?: string;
  to?: string;
  channels?: readonly Channel[];
  communeIds?: readonly number[];
  themes?: readonly Theme[];
  /** Folded search words; every one must occur. */
  terms?: readonly string[];
}

/** WHERE clause from fixed fragments; only values are bound. */
export function where(filter: ResolvedFilter): { sql: string; params: unknown[] } {
  const parts = [filter.deleted ? 'a.deleted_at IS NOT NULL' : 'a.deleted_at IS NULL'];
  const params: unknown[] = [];
  addRange(filter, parts, params);
  if (filter.communeIds) {
    parts.push(
      'EXISTS (SELECT 1 FROM activity_communes ac WHERE ac.activity_id = a.id AND ac.commune_id IN (SELECT value FROM json_each(?)))',
    );
    params.push(JSON.stringify(filter.communeIds));
  }
  for (const term of filter.terms ?? []) {
    parts.push('instr(a.search_text, ?) > 0');
    params.push(term);
  }
  return { sql: parts.join(' AND '), params };
}

/**
 * The conditions on dates, channels and themes: columns the activities table and the kept
 * day totals (activity_day_totals) share.
 */
export function addRange(filter: ResolvedFilter, parts: string[], params: unknown[]): void {
  if (filter.from !== undefined) {
    parts.push('a.date >= ?');
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    parts.push('a.date <= ?');
    params.push(filter.to);
  }
  if (filter.channels && filter.channels.length > 0) {
    parts.push('a.channel IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filter.channels));
  }
  if (filter.themes && filter.themes.length > 0) {
    parts.push('(a.theme_mask & ?) != 0');
    params.push(themesToMask(filter.themes));
  }
}

/**
 * The logbook's orders: newest first, and the bin by time of deletion. The id breaks ties,
 * so the order is total and a page can start from a row's key (queries/logbookPages.ts).
 */
export const LIVE_ORDER = 'a.date DESC, a.created_at DESC, a.id DESC';
export const DELETED_ORDER = 'a.deleted_at DESC, a.id';

export function listActivities(
  db: Database,
  filter: ResolvedFilter,
  communesById: Map<number, CommuneRef>,
  window: { offset: number; limit: number; oldestFirst?: boolean },
): ActivityRow[] {
  const w = where(filter);
  const order = filter.deleted
    ? DELETED_ORDER
    : window.oldestFirst
      ? 'a.date, a.created_at, a.id'
      : LIVE_ORDER;
  const rows = sql(db, `${SELECT_ACTIVITY} WHERE ${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(
    ...w.params,
    window.limit,
    window.offset,
  ) as ActivityDbRow[];
  return rows.map((r) => rowToActivity(r, communesById));
}

export function getActivityRow(db: Database, id: string): ActivityDbRow | undefined {
  return sql(db, `${SELECT_ACTIVITY} WHERE a.id = ?`).get(id) as ActivityDbRow | undefined;
}

export function latestOfChannel(db: Database, channel: Channel): ActivityDbRow | undefined {
  return sql(
    db,
    `${SELECT_ACTIVITY} WHERE a.channel = ? AND a.deleted_at IS NULL ORDER BY a.created_at DESC, a.date DESC LIMIT 1`,
  ).get(channel) as ActivityDbRow | undefined;
}

export interface ActivityWrite {
  id: string;
  data: ActivityData;
  communeIds: readonly number[];
  searchText: string;
  now: string;
}

function measureColumns(data: ActivityData): Record<string, unknown> {
  const m = data.measures as Record<string, unknown>;
  const cols: Record<string, unknown> = {};
  for (const key of Object.keys(COUNT_COLUMNS) as CountMeasure[])
    cols[COUNT_COLUMNS[key]] = m[key] ?? null;
  cols.kind = m.kind ?? null;
  cols.slogan = m.slogan ?? null;
  cols.film = m.film ?? null;
  cols.relayed = m.relayed === undefined ? null : m.relayed ? 1 : 0;
  cols.permit_no = m.permitNo ?? null;
  cols.url = m.url ?? null;
  cols.outlet = m.outlet ?? null;
  cols.programme = m.programme ?? null;
  return cols;
}

function params(w: ActivityWrite): Record<string, unknown> {
  return {
    id: w.id,
    channel: w.data.channel,
    date: w.data.date,
    end_date: w.data.endDate ?? null,
    village: w.data.village,
    theme_mask: themesToMask(w.data.themes),
    language: w.data.language,
    title: w.data.title,
    audience: w.data.audience,
    audience_estimated: w.data.audienceEstimated === true ? 1 : 0,
    cost_vnd: w.data.costVnd,
    notes: w.data.notes,
    ...measureColumns(w.data),
    search_text: w.searchText,
    now: w.now,
  };
}

const VALUES = `channel = @channel, date = @date, end_date = @end_date, village = @village,
  theme_mask = @theme_mask, language = @language, title = @title, audience = @audience,
  cost_vnd = @cost_vnd, notes = @notes, sessions = @sessions, km = @km, minutes = @minutes,
  pieces = @pieces, screenings = @screenings, message_minutes = @message_minutes, items = @items,
  broadcasts = @broadcasts, copies = @copies, messages = @messages, models = @models,
  kind = @kind, slogan = @slogan, film = @film, relayed = @relayed, permit_no = @permit_no,
  url = @url, outlet = @outlet, programme = @programme,
  audience_estimated = @audience_estimated, search_text = @search_text`;

export function insertActivity(db: Database, w: ActivityWrite): void {
  sql(
    db,
    `INSERT INTO activities (id, channel, date, end_date, village, theme_mask, language, title,
       audience, cost_vnd, notes, sessions, km, minutes, pieces, screenings, message_minutes, items,
       broadcasts, copies, messages, models, kind, slogan, film, relayed, permit_no, url,
       outlet, programme, audience_estimated, search_text, created_at, updated_at)
     VALUES (@id, @channel, @date, @end_date, @village, @theme_mask, @language, @title,
       @audience, @cost_vnd, @notes, @sessions, @km, @minutes, @pieces, @screenings, @message_minutes,
       @items, @broadcasts, @copies, @messages, @models, @kind, @slogan, @film, @relayed, @permit_no,
       @url, @outlet, @programme, @audience_estimated, @search_text, @now, @now)`,
  ).run(params(w));
  setCommunes(db, w.id, w.communeIds);
}

export function updateActivity(db: Database, w: ActivityWrite): void {
  sql(db, `UPDATE activities SET ${VALUES}, updated_at = @now WHERE id = @id`).run(params(w));
  setCommunes(db, w.id, w.communeIds);
}

function setCommunes(db: Database, id: string, communeIds: readonly number[]): void {
  sql(db, 'DELETE FROM activity_communes WHERE activity_id = ?').run(id);
  const insert = sql(
    db,
    'INSERT INTO activity_communes (activity_id, commune_id, position) VALUES (?, ?, ?)',
  );
  communeIds.forEach((communeId, i) => insert.run(id, communeId, i));
}

export function setDeleted(db: Database, id: string, deletedAt: string | null, now: string): void {
  sql(db, 'UPDATE activities SET deleted_at = ?, updated_at = ? WHERE id = ?').run(
    deletedAt,
    now,
    id,
  );
}

/** Sets when the activity last changed (a restore puts back the old time; photos set now). */
export function setUpdatedAt(db: Database, id: string, updatedAt: string): void {
  sql(db, 'UPDATE activities SET updated_at = ? WHERE id = ?').run(updatedAt, id);
}

export function setSearchText(db: Database, id: string, searchText: string): void {
  sql(db, 'UPDATE activities SET search_text = ? WHERE id = ?').run(searchText, id);
}

export function idsOfCommunes(db: Database, communeIds: readonly number[]): string[] {
  return (
    sql(
      db,
      'SELECT DISTINCT activity_id AS id FROM activity_communes WHERE commune_id IN (SELECT value FROM json_each(?))',
    ).all(JSON.stringify(communeIds)) as { id: string }[]
  ).map((r) => r.id);
}

/** The areas an activity names, as stored (an edit keeps a merged-away one it names). */
export function communeIdsOf(db: Database, activityId: string): number[] {
  return (
    sql(db, 'SELECT commune_id AS id FROM activity_communes WHERE activity_id = ?').all(
      activityId,
    ) as { id: number }[]
  ).map((r) => r.id);
}

/** Every activity's areas by id, for checking many records at once. */
export function recordedAreas(db: Database): Map<string, number[]> {
  const map = new Map<string, number[]>();
  const rows = sql(
    db,
    'SELECT activity_id AS a, commune_id AS c FROM activity_communes ORDER BY activity_id, position',
  ).all() as { a: string; c: number }[];
  for (const r of rows) {
    const list = map.get(r.a);
    if (list) list.push(r.c);
    else map.set(r.a, [r.c]);
  }
  return map;
}
