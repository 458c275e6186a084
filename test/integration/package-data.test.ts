// data.json is written from the rows as text (package/activityJson.ts). The province reads
// what it always read: the activities are, byte for byte, JSON.stringify of their import
// format (toInterchange), oldest first, live ones of the period only, and a character XML
// cannot hold is still refused with the activity and field named.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, DB_FILE, type Core } from '../../electron/core';
import { listActivities, toInterchange } from '../../electron/core/queries/activities';
import { CommuneIndex } from '../../electron/core/services/communes';
import type { Input } from '../../shared/contract';
import type { PackageData } from '../../electron/core/package';
import { ROOT, tempDir } from './helpers';
import profile from '../fixtures/profile.json';

type NewActivity = Input<'activities:create'>;

const QUARTER = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'test/fixtures/quarter-2023-q3.json'), 'utf8'),
) as NewActivity[];

/** Every channel and every optional field at least once, with text JSON must escape. */
const VARIED: NewActivity[] = [
  {
    id: 'sms-1',
    channel: 'sms',
    date: '2023-08-01',
    communes: [],
    themes: ['trafficking', 'drugs'],
    title: 'Tin nhắn "cảnh giác" \\ lừa đảo\tqua mạng',
    audience: 12000,
    audienceEstimated: true,
    notes: 'Dòng một\nDòng hai',
    measures: { messages: 12000 },
  },
  {
    id: 'model-1',
    channel: 'model',
    date: '2023-08-02',
    communes: ['CL-TL', 'CL-HT'],
    themes: ['trafficking'],
    title: 'Câu lạc bộ phụ nữ',
    audience: 40,
    measures: { count: 2 },
  },
  {
    id: 'press-1',
    channel: 'press',
    date: '2023-08-03',
    communes: [],
    themes: ['trafficking'],
    title: 'Phóng sự',
    audience: 0,
    measures: { items: 1, minutes: 15, outlet: 'Đài PT-TH Lạng Sơn', programme: 'Thời sự' },
  },
  {
    id: 'cinema-range',
    channel: 'cinema',
    date: '2023-08-04',
    endDate: '2023-08-06',
    communes: ['CL-HT'],
    themes: ['trafficking'],
    title: 'Chiếu phim',
    audience: 300,
    costVnd: 1500000,
    measures: { screenings: 3, messageMinutes: 30, film: 'Phim tài liệu' },
  },
  {
    id: 'radio-relayed',
    channel: 'radio',
    date: '2023-08-05',
    communes: ['CL-DD'],
    themes: ['drugs'],
    title: 'Tiếp sóng',
    audience: 0,
    measures: { items: 2, broadcasts: 4, minutes: 20, relayed: true },
  },
];

let dir: string;
let core: Core;

beforeEach(async () => {
  dir = tempDir('tt-pkgdata-');
  core = createCore({ dataDir: dir, mode: 'cli' });
  expect((await core.call('profile:save', JSON.parse(JSON.stringify(profile)))).ok).toBe(true);
  for (const a of [...QUARTER, ...VARIED]) {
    const r = await core.call('activities:create', a);
    if (!r.ok) throw new Error(`${a.id}: ${r.error.message}`);
  }
  // Outside the period, and deleted: neither is in data.json.
  await core.call('activities:create', { ...VARIED[1]!, id: 'later', date: '2023-10-20' });
  await core.call('activities:create', { ...VARIED[1]!, id: 'gone', date: '2023-08-09' });
  await core.call('activities:delete', { id: 'gone' });
});

afterEach(() => core.close());

const dataOf = () => {
  const period = core.report.period('2023-Q3');
  const encoded = core.packages.data(period, []);
  return { period, encoded, text: encoded.bytes.toString('utf8') };
};

/** The period's live activities read as objects, and their array as JSON.stringify gives it. */
const expectedActivities = () => {
  const period = core.report.period('2023-Q3');
  const db = new BetterSqlite3(path.join(dir, DB_FILE), { readonly: true });
  const rows = listActivities(
    db,
    { deleted: false, from: period.from, to: period.to },
    CommuneIndex.of(db).byId,
    { offset: 0, limit: -1, oldestFirst: true },
  );
  db.close();
  return { rows, json: `[${rows.map((r) => JSON.stringify(toInterchange(r))).join(',')}]` };
};

describe('data.json written from the rows', () => {
  it('holds each live activity of the period as JSON.stringify of its import format', () => {
    const { encoded, text } = dataOf();
    const { rows, json: expected } = expectedActivities();
    expect(text).toContain(`"activities":${expected},"reports":`);
    expect(text.endsWith('\n')).toBe(true);

    const data = JSON.parse(text) as PackageData;
    expect(data.activities.map((a) => a.id)).toEqual(rows.map((r) => r.id));
    expect(data.activities.map((a) => a.id)).not.toContain('later');
    expect(data.activities.map((a) => a.id)).not.toContain('gone');
    expect(Object.keys(data)).toEqual([
      'schemaVersion',
      'profile',
      'formerCommunes',
      'period',
      'activities',
      'reports',
      'directives',
      'photos',
    ]);
    expect(encoded.counts.activities).toBe(rows.length);
    expect(data.activities.map((a) => a.id)).toEqual(
      expect.arrayContaining(VARIED.map((a) => a.id)),
    );
    const sms = data.activities.find((a) => a.id === 'sms-1')!;
    expect(sms.title).toBe('Tin nhắn "cảnh giác" \\ lừa đảo\tqua mạng');
    expect(sms).toMatchObject({ audienceEstimated: true, measures: { messages: 12000 } });
    expect(data.activities.find((a) => a.id === 'cinema-range')).toMatchObject({
      endDate: '2023-08-06',
      measures: { screenings: 3, messageMinutes: 30, film: 'Phim tài liệu' },
    });
    expect(data.activities.find((a) => a.id === 'radio-relayed')!.measures).toEqual({
      items: 2,
      broadcasts: 4,
      minutes: 20,
      relayed: true,
    });
  });

  // Input refuses such text; an older version's file may still hold it.
  it.each([
    ['U+0007', 'measures.outlet', "outlet = 'Đài\u0007 tỉnh'"],
    ['U+0000', 'title', "title = 'Phóng sự' || char(0)"],
    ['U+000C', 'notes', "notes = 'a\u000Cb'"],
    ['U+0008', 'village', "village = 'Bản\u0008'"],
    ['U+FFFE', 'measures.programme', "programme = 'x\uFFFE'"],
    ['U+FDD0', 'measures.url', "url = 'x\uFDD0'"],
  ])(
    'refuses an activity stored with %s in %s, naming it and the field',
    (codePoint, field, assignment) => {
      const db = new BetterSqlite3(path.join(dir, DB_FILE));
      db.prepare(`UPDATE activities SET ${assignment} WHERE id = 'press-1'`).run();
      db.close();
      expect(() => dataOf()).toThrow(
        `(mã press-1) có trường "${field}" chứa ký tự không hợp lệ (${codePoint})`,
      );
    },
  );

  it('refuses an area name XML cannot hold only where an activity of the period names it', () => {
    const db = new BetterSqlite3(path.join(dir, DB_FILE));
    db.prepare("UPDATE communes SET name = 'Xã\u0001 Đồng Đăng' WHERE code = 'CL-DD'").run();
    db.close();
    expect(() => dataOf()).toThrow(
      'Hoạt động "Tiếp sóng" (mã radio-relayed) có trường "communes.0" chứa ký tự không hợp lệ (U+0001)',
    );
  });

  it('writes text that only looks suspect exactly as JSON.stringify does', async () => {
    // A backslash before "b" or "f", and Arabic presentation forms beside U+FDD0..U+FDEF,
    // take the row-by-row path; the bytes must not change for it.
    const odd = {
      ...VARIED[2]!,
      id: 'odd-1',
      title: 'C:\\bin\\file \\u0041 \uFDF2 \uFDCF',
      measures: { items: 1, minutes: 2, outlet: 'tab\there' },
    };
    expect((await core.call('activities:create', odd)).ok).toBe(true);
    const { text } = dataOf();
    expect(text).toContain(`"activities":${expectedActivities().json},"reports":`);
    const data = JSON.parse(text) as PackageData;
    expect(data.activities.find((a) => a.id === 'odd-1')!.title).toBe(odd.title);
  });
});
