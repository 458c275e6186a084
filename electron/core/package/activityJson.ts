// The activities of data.json written as JSON text by SQLite itself. A quarter of 50,000
// activities made as objects (row, logbook row, import format) and then stringified as one
// tree spent most of an export's time building and collecting garbage. SQLite's json_quote
// escapes exactly as JSON.stringify does, so each activity is the same text JSON.stringify
// gives its import-format object (toInterchange), key for key, and the province reads
// exactly what it read before. A row whose text might hold a character XML cannot carry is
// left to the JavaScript writer below, which refuses it with the field named.

import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { CHANNEL_MEASURES, THEMES, type Channel } from '../../../shared/domain';
import { codePointName, firstXmlInvalid, mayHoldXmlInvalid } from '../../../shared/text';
import { sql } from '../db/statements';
import {
  COUNT_COLUMNS,
  maskToThemes,
  type ActivityDbRow,
  type CommuneRef,
} from '../queries/activities';

/** The columns an activity's import format needs, as the JavaScript writer reads them. */
const SELECT_ONE = `
  SELECT a.id, a.channel, a.date, a.end_date, a.village, a.theme_mask, a.language, a.title,
    a.audience, a.cost_vnd, a.notes, a.sessions, a.km, a.minutes, a.pieces, a.screenings,
    a.message_minutes, a.items, a.broadcasts, a.copies, a.messages, a.models, a.kind, a.slogan,
    a.film, a.relayed, a.permit_no, a.url, a.outlet, a.programme, a.audience_estimated,
    (SELECT group_concat(commune_id, ',') FROM
      (SELECT commune_id FROM activity_communes WHERE activity_id = a.id ORDER BY position)) AS commune_ids
  FROM activities a WHERE a.id = ?`;

/** Codes of the areas the period's live activities name. */
const SELECT_NAMED = `
  SELECT DISTINCT c.code FROM activities a
    JOIN activity_communes ac ON ac.activity_id = a.id
    JOIN communes c ON c.id = ac.commune_id
  WHERE a.deleted_at IS NULL AND a.date >= ? AND a.date <= ?`;

const q = (column: string) => `json_quote(a.${column})`;

/** Each channel's counts as JSON members, in the order CHANNEL_MEASURES lists them. */
const COUNTS_SQL = `CASE a.channel ${Object.entries(CHANNEL_MEASURES)
  .map(
    ([channel, m]) =>
      `WHEN '${channel}' THEN concat(${m.counts
        .map((key, i) => `'${i ? ',' : ''}"${key}":', coalesce(a.${COUNT_COLUMNS[key]}, 0)`)
        .join(', ')})`,
  )
  .join(' ')} END`;

/** The themes' JSON array of every mask. */
const THEMES_SQL = `CASE a.theme_mask ${Array.from(
  { length: 1 << THEMES.length },
  (_, mask) => `WHEN ${mask} THEN '${JSON.stringify(maskToThemes(mask))}'`,
).join(' ')} END`;

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

/** Each extra measure the activity has, as a JSON member with its leading comma. */
const EXTRAS_SQL = EXTRAS.map(([column, key]) =>
  column === 'relayed'
    ? `CASE a.relayed WHEN 1 THEN ',"relayed":true' WHEN 0 THEN ',"relayed":false' ELSE '' END`
    : `CASE WHEN a.${column} IS NULL THEN '' ELSE ',"${key}":' || ${q(column)} END`,
).join(', ');

/** The JSON array of an activity's areas' names, in their order. */
const AREAS_SQL = `'[' || coalesce((SELECT group_concat(json_quote(c.name), ',' ORDER BY ac.position)
     FROM activity_communes ac JOIN communes c ON c.id = ac.commune_id
     WHERE ac.activity_id = a.id), '') || ']'`;

/** The period's live activities, each as JSON text, with the keys of data.json's order. */
const PERIOD_JSON = `
  SELECT a.id, a.date AS d, a.created_at AS c,
    concat('{"id":', ${q('id')}, ',"channel":', ${q('channel')}, ',"date":', ${q('date')},
      CASE WHEN a.end_date IS NULL THEN '' ELSE ',"endDate":' || ${q('end_date')} END,
      ',"communes":', ${AREAS_SQL},
      ',"village":', ${q('village')}, ',"themes":', ${THEMES_SQL},
      ',"language":', ${q('language')}, ',"title":', ${q('title')},
      ',"audience":', a.audience,
      CASE a.audience_estimated WHEN 1 THEN ',"audienceEstimated":true' ELSE '' END,
      ',"costVnd":', a.cost_vnd, ',"notes":', ${q('notes')},
      ',"measures":{', ${COUNTS_SQL}, ${EXTRAS_SQL}, '}}') AS json
  FROM activities a
  WHERE a.deleted_at IS NULL AND a.date >= ? AND a.date <= ?`;

/** The activities of some days as UTF-8 JSON text, oldest first, with no string made in JavaScript. */
const SELECT_PERIOD_ARRAY = `
  SELECT CAST(group_concat(json, ',' ORDER BY d, c, id) AS BLOB) FROM (${PERIOD_JSON})`;

/** How many live activities each day of the period has. */
const SELECT_DAY_COUNTS = `
  SELECT date, count(*) AS n FROM activities
  WHERE deleted_at IS NULL AND date >= ? AND date <= ? GROUP BY date ORDER BY date`;

/**
 * Days are read together up to this many activities: the text of a whole quarter at once
 * made SQLite and Node allocate and fault in hundreds of megabytes afresh at each export.
 */
const ACTIVITIES_PER_READ = 2000;

/** The same activities one by one, oldest first. */
const SELECT_PERIOD_ROWS = `SELECT id, json FROM (${PERIOD_JSON}) ORDER BY d, c, id`;

type PeriodRow = Omit<ActivityDbRow, 'created_at' | 'updated_at' | 'deleted_at' | 'photo_count'>;

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
  /** The JSON array of the period's live activities, oldest first, as UTF-8 in pieces. */
  json: Buffer[];
  count: number;
  /** Codes of the areas the activities name. */
  named: Set<string>;
}

/**
 * The byte sequences of JSON text whose strings may hold a character XML cannot carry:
 * json_quote writes the controls as \u00XX, \b or \f (tab, LF and CR as \t, \n, \r) and
 * leaves U+FDD0 to U+FDEF (UTF-8 EF B7 ..), U+FFFE and U+FFFF as they are. Each also matches
 * harmless text (an escaped backslash before a "b"); that only takes the slower, exact path.
 */
const SUSPECT_BYTES = [
  Buffer.from('\\u00'),
  Buffer.from('\\b'),
  Buffer.from('\\f'),
  Buffer.from([0xef, 0xb7]),
  Buffer.from([0xef, 0xbf, 0xbe]),
  Buffer.from([0xef, 0xbf, 0xbf]),
];

/** The same as SUSPECT_BYTES, for one activity's text. */
const SUSPECT_TEXT = /\\u00|\\[bf]|[\uFDC0-\uFDFF\uFFFE\uFFFF]/;

/** The live activities dated from `from` to `to`, as data.json's `activities` array. */
export function periodActivitiesJson(
  db: Database,
  from: string,
  to: string,
  communesById: Map<number, CommuneRef>,
): PeriodActivitiesJson {
  const named = new Set(sql(db, SELECT_NAMED).pluck().all(from, to) as string[]);
  const days = sql(db, SELECT_DAY_COUNTS).raw().all(from, to) as [string, number][];
  const parts: Buffer[] = [];
  let count = 0;
  for (let first = 0; first < days.length;) {
    let last = first;
    let n = days[first]![1];
    while (last + 1 < days.length && n + days[last + 1]![1] <= ACTIVITIES_PER_READ) {
      n += days[++last]![1];
    }
    const bytes = sql(db, SELECT_PERIOD_ARRAY)
      .pluck()
      .get(days[first]![0], days[last]![0]) as Buffer;
    if (SUSPECT_BYTES.some((b) => bytes.includes(b))) {
      return { ...oneByOne(db, from, to, communesById, named), named };
    }
    parts.push(Buffer.from(count > 0 ? ',' : '['), bytes);
    count += n;
    first = last + 1;
  }
  parts.push(Buffer.from(count > 0 ? ']' : '[]'));
  return { json: parts, count, named };
}

/**
 * The same array when some activity may hold a character XML cannot carry: each suspect one
 * is written by the JavaScript writer, which refuses it with the field named (or gives the
 * same text).
 */
function oneByOne(
  db: Database,
  from: string,
  to: string,
  communesById: Map<number, CommuneRef>,
  named: Set<string>,
): { json: Buffer[]; count: number } {
  const parts: string[] = [];
  const rows = sql(db, SELECT_PERIOD_ROWS).raw().iterate(from, to) as Iterable<[string, string]>;
  for (const [id, json] of rows) {
    parts.push(
      SUSPECT_TEXT.test(json)
        ? activityJson(sql(db, SELECT_ONE).get(id) as PeriodRow, communesById, named)
        : json,
    );
  }
  return { json: [Buffer.from(`[${parts.join(',')}]`)], count: parts.length };
}
