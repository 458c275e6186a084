import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { cli, PROFILE, ROOT, tempDir } from './helpers';

const FIXTURE = path.join(ROOT, 'test/fixtures/quarter-2023-q3.json');
let data: string[];

beforeAll(() => {
  const dir = tempDir();
  data = ['--data-dir', dir];
  expect(cli(['setup', '--profile', PROFILE, ...data]).status).toBe(0);
  expect(cli(['activities', 'import', FIXTURE, ...data]).status).toBe(0);
  const core = createCore({ dataDir: dir, mode: 'cli' });
  core.activities.remove('q3-deleted');
  core.close();
});

function reportJson(period: string): Record<string, unknown> {
  const r = cli(['report', '--period', period, '--json', ...data]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

const zero = (measures: Record<string, number>) => ({
  activities: 0,
  audience: 0,
  costVnd: 0,
  measures,
});

describe('tuyentruyen report --json', () => {
  it('gives the fixture quarter’s totals, per channel, commune and flag', () => {
    expect(reportJson('2023-Q3')).toEqual({
      period: { key: '2023-Q3', from: '2023-06-15', to: '2023-09-14', label: 'quý III năm 2023' },
      activities: 8,
      byChannel: {
        van: {
          activities: 2,
          audience: 2000,
          costVnd: 2000000,
          measures: { sessions: 5, km: 75, minutes: 360 },
        },
        banner: { activities: 1, audience: 0, costVnd: 2400000, measures: { pieces: 12 } },
        cinema: {
          activities: 1,
          audience: 850,
          costVnd: 0,
          measures: { screenings: 2, messageMinutes: 30 },
        },
        radio: {
          activities: 1,
          audience: 400,
          costVnd: 0,
          measures: { items: 8, broadcasts: 24, minutes: 120 },
        },
        leaflet: { activities: 1, audience: 0, costVnd: 0, measures: { copies: 1000 } },
        meeting: zero({ sessions: 0 }),
        online: { activities: 1, audience: 0, costVnd: 0, measures: { items: 22 } },
        press: { activities: 1, audience: 0, costVnd: 0, measures: { items: 25, minutes: 0 } },
        sms: zero({ messages: 0 }),
        model: zero({ count: 0 }),
      },
      byCommune: [
        { code: 'CL-HT', name: 'Xã Hợp Thành', activities: 3, audience: 1200 },
        { code: 'CL-TL', name: 'Xã Thụy Hùng', activities: 1, audience: 1200 },
        { code: 'CL-DD', name: 'Thị trấn Đồng Đăng', activities: 1, audience: 800 },
        { code: 'CL-BL', name: 'Xã Bảo Lâm', activities: 1, audience: 850 },
        { code: 'CL-CL', name: 'Thị trấn Cao Lộc', activities: 3, audience: 400 },
      ],
      flagged: {
        border: { communes: 3, reached: 3, activities: 4 },
        remote: { communes: 1, reached: 1, activities: 1 },
        ethnic: { communes: 2, reached: 2, activities: 4 },
        key: { communes: 2, reached: 2, activities: 4 },
      },
    });
  });

  it('puts an activity on a boundary day in the right period', () => {
    const q2 = reportJson('2023-Q2');
    const q4 = reportJson('2023-Q4');
    expect(q2.activities).toBe(1);
    expect((q2.byChannel as Record<string, { audience: number }>).radio?.audience).toBe(777);
    expect(q4.activities).toBe(1);
    expect((q4.byChannel as Record<string, { audience: number }>).van?.audience).toBe(999);
    // Under calendar quarters the same days fall the other way.
    const calendar = JSON.parse(fs.readFileSync(PROFILE, 'utf8')) as { office: { cutoff: string } };
    calendar.office.cutoff = 'calendar';
    const dir = tempDir();
    const profile = path.join(dir, 'p.json');
    fs.writeFileSync(profile, JSON.stringify(calendar));
    const other = ['--data-dir', path.join(dir, 'data')];
    cli(['setup', '--profile', profile, ...other]);
    cli(['activities', 'import', FIXTURE, ...other]);
    const r = cli(['report', '--period', '2023-Q3', '--json', ...other]);
    const q3 = JSON.parse(r.stdout) as { period: { from: string; to: string }; activities: number };
    expect(q3.period).toMatchObject({ from: '2023-07-01', to: '2023-09-30' });
    // Calendar Q3 drops 15/06 and gains 15/09 and the meeting that was not deleted here.
    expect(q3.activities).toBe(9);
  });

  it('refuses a period whose end is before its start, and wrong usage', () => {
    const r = cli(['report', '--period', '2023-09-30..2023-07-01', '--json', ...data]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      'Khoảng thời gian không hợp lệ: ngày kết thúc 01/07/2023 trước ngày bắt đầu 30/09/2023.',
    );
    expect(cli(['report', '--period', '2023-Q3', ...data]).status).toBe(2);
    expect(cli(['report', '--json', ...data]).status).toBe(2);
  });
});
