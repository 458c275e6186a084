import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeActivities } from '../fixtures/activities';
import { cli, PROFILE, tempDir, writeJson } from './helpers';

let dir: string;
let data: string[];

function listJson(...args: string[]): Array<Record<string, unknown>> {
  const r = cli(['activities', 'list', '--json', ...args, ...data]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Array<Record<string, unknown>>;
}

beforeEach(() => {
  dir = tempDir();
  data = ['--data-dir', path.join(dir, 'data')];
  const setup = cli(['setup', '--profile', PROFILE, ...data]);
  expect(setup.stderr).toBe('');
  expect(setup.stdout).toContain(
    'Đã lưu thông tin Phòng Văn hóa và Thông tin (LS-CAOLOC-VHTT) với 5 xã, thị trấn.',
  );
});

describe('tuyentruyen activities import', () => {
  it('imports 1,000 activities and lists them with their ids', () => {
    const file = writeJson(dir, 'a.json', makeActivities(1000));
    const r = cli(['activities', 'import', file, ...data]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1000 mới, 0 cập nhật, 0 không đổi');
    const listed = listJson();
    expect(listed).toHaveLength(1000);
    expect(new Set(listed.map((a) => a.id)).size).toBe(1000);
    // What was listed is the import format: it imports again unchanged.
    const again = writeJson(dir, 'again.json', listed);
    expect(cli(['activities', 'import', again, ...data]).stdout).toContain(
      '0 mới, 0 cập nhật, 1000 không đổi',
    );
  });

  it('writes nothing when one record among 1,000 is bad, and names its index and field', () => {
    const records = makeActivities(1000) as Array<Record<string, unknown>>;
    records[537] = {
      ...records[537],
      channel: 'van',
      measures: { sessions: 1, km: -5, minutes: 30 },
    };
    const file = writeJson(dir, 'bad.json', records);
    const r = cli(['activities', 'import', file, ...data]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(
      `Tệp ${file}, bản ghi số 537 (id "act-537"): Trường "measures.km" không được là số âm.`,
    );
    expect(listJson()).toHaveLength(0);
  });

  it('says the same in English with --lang en', () => {
    const file = writeJson(dir, 'bad.json', [{ ...makeActivities(1)[0], audience: -1 }]);
    const r = cli(['activities', 'import', file, '--lang', 'en', ...data]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      `File ${file}, record 0 (id "act-0"): Field "audience" must not be negative.`,
    );
  });

  it('updates on re-import of the same ids, without duplicates', () => {
    const records = makeActivities(200);
    cli(['activities', 'import', writeJson(dir, 'a.json', records), ...data]);
    records[5]!.title = 'Tiêu đề đã sửa';
    records[6]!.audience = 99999;
    const r = cli(['activities', 'import', writeJson(dir, 'b.json', records), ...data]);
    expect(r.stdout).toContain('0 mới, 2 cập nhật, 198 không đổi');
    const listed = listJson();
    expect(listed).toHaveLength(200);
    expect(listed.find((a) => a.id === 'act-5')?.title).toBe('Tiêu đề đã sửa');
    expect(listed.find((a) => a.id === 'act-6')?.audience).toBe(99999);
  });

  it.each([
    [
      'an unknown field',
      { colour: 'đỏ' },
      'Trường "colour" không có trong định dạng, không được phép.',
    ],
    [
      'an unknown channel',
      { channel: 'tv' },
      'Trường "channel" phải là một trong: van, banner, cinema, radio, leaflet, meeting, online, press, sms, model.',
    ],
    [
      'a measure of another channel',
      { measures: { sessions: 1, km: 2, minutes: 3, pieces: 1 } },
      'Trường "measures.pieces" không có trong định dạng, không được phép.',
    ],
    [
      'an end date before the date',
      { endDate: '2023-01-01', date: '2023-02-01' },
      'Trường "endDate" ngày kết thúc trước ngày bắt đầu.',
    ],
    [
      'an unknown commune',
      { communes: ['Xã Hợp Thành', 'Xã Không Có'] },
      'Trường "communes[1]": không có xã, thị trấn "Xã Không Có" trong danh sách xã, thị trấn của đơn vị.',
    ],
    ['a negative audience', { audience: -3 }, 'Trường "audience" không được là số âm.'],
  ])('refuses %s, naming the field', (_what, change, message) => {
    const records = makeActivities(3).map((a) => ({
      ...a,
      channel: 'van',
      measures: { sessions: 1, km: 2, minutes: 3 },
    }));
    records[2] = { ...records[2]!, ...change };
    const file = writeJson(dir, 'x.json', records);
    const r = cli(['activities', 'import', file, ...data]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`Tệp ${file}, bản ghi số 2 (id "act-2"): ${message}`);
    expect(listJson()).toHaveLength(0);
  });

  it('reads JSON Lines, names the line of a bad one, and takes commune names in NFD and any case', () => {
    const [a, b] = makeActivities(2);
    const nfd = { ...a!, communes: ['XÃ HỢP THÀNH'.normalize('NFD')] };
    const file = path.join(dir, 'a.jsonl');
    fs.writeFileSync(file, `${JSON.stringify(nfd)}\n\n${JSON.stringify(b)}\n`);
    expect(cli(['activities', 'import', file, ...data]).status).toBe(0);
    expect(listJson('--commune', 'cl-ht').map((x) => x.communes)).toEqual([['Xã Hợp Thành']]);

    fs.writeFileSync(file, `${JSON.stringify(a)}\n{"channel": oops}\n`);
    const r = cli(['activities', 'import', file, ...data]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Tệp ${file}, dòng 2: không phải JSON hợp lệ`);
  });
});

describe('tuyentruyen activities list', () => {
  beforeEach(() => {
    cli(['activities', 'import', writeJson(dir, 'a.json', makeActivities(400)), ...data]);
  });

  it('filters by period, channel, commune and search, and prints totals', () => {
    const q3 = listJson('--period', '2023-Q3');
    expect(q3.length).toBeGreaterThan(0);
    expect(
      q3.every((a) => (a.date as string) >= '2023-06-15' && (a.date as string) <= '2023-09-14'),
    ).toBe(true);
    const vans = listJson('--period', '2023-Q3', '--channel', 'van');
    expect(vans.every((a) => a.channel === 'van')).toBe(true);
    const banners = listJson('--search', 'bang ron');
    expect(banners).toHaveLength(100);
    expect(banners.every((a) => a.channel === 'banner')).toBe(true);

    const text = cli([
      'activities',
      'list',
      '--channel',
      'van',
      '--commune',
      'Xã Bảo Lâm',
      ...data,
    ]);
    const rows = listJson('--channel', 'van', '--commune', 'Xã Bảo Lâm');
    const audience = rows.reduce((s, a) => s + (a.audience as number), 0);
    expect(text.stdout).toContain(
      `Tổng: ${rows.length} hoạt động, ${audience.toLocaleString('de-DE')} lượt người`,
    );
  });

  it('refuses wrong usage with exit status 2 and a bad period with 1', () => {
    expect(cli(['activities', 'list', '--channel', 'tv', ...data]).status).toBe(2);
    expect(cli(['activities', 'list', '--bogus', ...data]).status).toBe(2);
    expect(cli(['frobnicate']).status).toBe(2);
    const r = cli(['activities', 'list', '--period', '2023-Q9', ...data]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Kỳ báo cáo "2023-Q9" không đúng dạng');
  });
});

describe('tuyentruyen setup', () => {
  it('refuses a profile with an unknown flag, naming the field, and keeps the old one', () => {
    const bad = JSON.parse(fs.readFileSync(PROFILE, 'utf8')) as {
      communes: Array<{ flags: string[] }>;
    };
    bad.communes[1]!.flags = ['coastal'];
    const file = writeJson(dir, 'p.json', bad);
    const r = cli(['setup', '--profile', file, ...data]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      `Tệp ${file}: Trường "communes[1].flags[0]" phải là một trong: border, remote, ethnic, key.`,
    );
  });

  it('uses TUYENTRUYEN_DATA_DIR when --data-dir is not given', () => {
    const other = path.join(dir, 'env-data');
    expect(cli(['setup', '--profile', PROFILE], { TUYENTRUYEN_DATA_DIR: other }).status).toBe(0);
    expect(fs.existsSync(path.join(other, 'tuyentruyen.sqlite'))).toBe(true);
  });
});
