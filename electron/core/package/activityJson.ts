// The activities of data.json written straight from the rows as JSON text. A quarter of
// 50,000 activities made as objects (row, logbook row, import format) and then stringified
// as one tree spent most of an export's time building and collecting garbage; written row
// by row, each activity is the same text JSON.stringify gives its import-format object
// (toInterchange), key for key, so the province reads exactly what it read before.

import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { CHANNEL_MEASURES, type Channel } from '../../../shared/domain';
import { codePointName, firstXmlInvalid, mayHoldXmlInvalid } from '../../../shared/text';
import { sql } from '../db/statements';
import {
  COUNT_COLUMNS,
  maskToThemes,
  type ActivityDbRow,
  type CommuneRef,
} from '../queries/activities';

/** The columns an activity's import format needs, oldest first as data.json lists them. */
const SELECT_PERIOD = `
  SELECT a.id, a.channel, a.date, a.end_date, a.village, a.theme_mask, a.language, a.title,
    a.audience, a.cost_vnd, a.notes, a.sessions, a.km, a.minutes, a.pieces, a.screenings,
    a.message_minutes, a.items, a.broadcasts, a.copies, a.messages, a.models, a.kind, a.slogan,
    a.film, a.relayed, a.permit_no, a.url, a.outlet, a.programme, a.audience_estimated,
    (SELECT group_concat(commune_id, ',') FROM
      (SELECT commune_id FROM activity_communes WHERE activity_id = a.id ORDER BY position)) AS commune_ids
  FROM activities a
  WHERE a.deleted_at IS NULL AND a.date >= ? AND a.date <= ?
  ORDER BY a.date, a.created_at, a.id`;

type PeriodRow = Omit<ActivityDbRow, 'created_at' | 'updated_at' | 'deleted_at' | 'photo_count'>;

/** The extra measures in the order rowToActivity writes them: column → key. */
const EXTRAS = [
  ['kind', 'kind'],
  ['slogan', 'slogan'],
  ['film', 'film'],
  ['relayed', 'relayed'],
  ['permit_no', 'permitNo'],
  ['url', 'url'],
  ['outlet', 'outlet'],
  ['programme', 'programme'],
] as const;

const str = JSON.stringify as (value: string) => string;

/** Each count key of a channel with its column, worked out once. */
const COUNTS = Object.fromEntries(
  Object.entries(CHANNEL_MEASURES).map(([channel, m]) => [
    channel,
    m.counts.map((key) => [key, COUNT_COLUMNS[key]] as const),
  ]),
) as unknown as Record<Channel, readonly (readonly [string, keyof PeriodRow])[]>;

/**
 * Refuses an activity holding text XML cannot carry, naming it and the field: the province
 * refuses such a package, so nothing may be signed. A string passes a quick pattern first;
 * only a suspect one is walked character by character.
 */
function checkText(row: PeriodRow, field: string, text: string): void {
  if (!mayHoldXmlInvalid(text)) return;
  const bad = firstXmlInvalid(text);
  if (!bad) return;
  throw new AppError(
    'invalid_input',
    {
      vi: `Hoạt động "${row.title.slice(0, 60)}" (mã ${row.id}) có trường "${field}" chứa ký tự không hợp lệ (${codePointName(bad.codePoint)}). Hãy sửa hoạt động đó rồi xuất lại.`,
      en: `The activity "${row.title.slice(0, 60)}" (id ${row.id}) holds an invalid character (${codePointName(bad.codePoint)}) in "${field}". Correct it and export again.`,
    },
    'activities',
  );
}

/** One activity as JSON text, as JSON.stringify(toInterchange(rowToActivity(row))) gives it. */
function activityJson(
  row: PeriodRow,
  communesById: Map<number, CommuneRef>,
  named: Set<string>,
): string {
  const names: string[] = [];
  if (row.commune_ids) {
    for (const id of row.commune_ids.split(',')) {
      const commune = communesById.get(Number(id));
      if (!commune) continue;
      checkText(row, `communes.${names.length}`, commune.name);
      names.push(str(commune.name));
      named.add(commune.code);
    }
  }
  for (const [field, text] of [
    ['id', row.id],
    ['village', row.village],
    ['language', row.language],
    ['title', row.title],
    ['notes', row.notes],
  ] as const) {
    checkText(row, field, text);
  }
  let measures = '';
  for (const [key, column] of COUNTS[row.channel]) {
    measures += `,${str(key)}:${String(row[column] ?? 0)}`;
  }
  for (const [column, key] of EXTRAS) {
    const value = row[column];
    if (value === null) continue;
    if (typeof value === 'number') {
      measures += `,"${key}":${value === 1}`;
      continue;
    }
    checkText(row, `measures.${key}`, value);
    measures += `,"${key}":${str(value)}`;
  }
  return (
    `{"id":${str(row.id)},"channel":${str(row.channel)},"date":${str(row.date)}` +
    (row.end_date !== null ? `,"endDate":${str(row.end_date)}` : '') +
    `,"communes":[${names.join(',')}],"village":${str(row.village)}` +
    `,"themes":${JSON.stringify(maskToThemes(row.theme_mask))},"language":${str(row.language)}` +
    `,"title":${str(row.title)},"audience":${String(row.audience)}` +
    (row.audience_estimated === 1 ? ',"audienceEstimated":true' : '') +
    `,"costVnd":${String(row.cost_vnd)},"notes":${str(row.notes)}` +
    `,"measures":{${measures.slice(1)}}}`
  );
}

export interface PeriodActivitiesJson {
  /** The JSON array of the period's live activities, oldest first. */
  json: string;
  count: number;
  /** Codes of the areas the activities name. */
  named: Set<string>;
}

/** The live activities dated from `from` to `to`, as data.json's `activities` array. */
export function periodActivitiesJson(
  db: Database,
  from: string,
  to: string,
  communesById: Map<number, CommuneRef>,
): PeriodActivitiesJson {
  const named = new Set<string>();
  const parts: string[] = [];
  for (const row of sql(db, SELECT_PERIOD).iterate(from, to) as Iterable<PeriodRow>) {
    parts.push(activityJson(row, communesById, named));
  }
  return { json: `[${parts.join(',')}]`, count: parts.length, named };
}
