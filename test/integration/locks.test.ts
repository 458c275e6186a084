import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, DB_FILE, type Core } from '../../electron/core';
import { closeDatabase, openDatabase } from '../../electron/core/db/open';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import type { Input, Output } from '../../shared/contract';
import profile from '../fixtures/profile.json';
import { tempDir } from './helpers';

let core: Core;
let dir: string;

const van: Input<'activities:create'> = {
  id: 'v1',
  channel: 'van',
  date: '2023-07-28',
  communes: ['CL-HT'],
  themes: ['trafficking'],
  title: 'Tuyên truyền lưu động',
  audience: 100,
  measures: { sessions: 1, km: 10, minutes: 60 },
};

async function error(method: string, input: unknown) {
  const r = await core.call(method, input);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error;
}

beforeEach(async () => {
  dir = tempDir();
  core = createCore({ dataDir: dir, mode: 'browser' });
  await core.call('profile:save', JSON.parse(JSON.stringify(profile)));
  await core.call('activities:create', van);
  core.locks.lock(core.report.period('2023-Q3'), 'ab'.repeat(32));
});
afterEach(() => core.close());

describe('the period lock', () => {
  it('refuses edits, deletes and new activities dated in a locked period, saying how to unlock', async () => {
    const e = await error('activities:update', { id: 'v1', activity: { ...van, audience: 200 } });
    expect(e.code).toBe('locked');
    expect(e.message).toContain('Ngày 28/07/2023 thuộc quý III năm 2023');
    expect(e.message).toContain('Mở khóa để sửa');
    expect((await error('activities:delete', { id: 'v1' })).code).toBe('locked');
    expect((await error('activities:create', { ...van, id: 'v2', date: '2023-09-14' })).code).toBe(
      'locked',
    );
    // Moving an activity from an open period into the locked one is a change to that period too.
    await core.call('activities:create', { ...van, id: 'v3', date: '2023-09-15' });
    expect(
      (
        await error('activities:update', {
          id: 'v3',
          activity: { ...van, id: 'v3', date: '2023-08-01' },
        })
      ).code,
    ).toBe('locked');
    expect(core.activities.get('v1').audience).toBe(100);
  });

  it('refuses an import touching a locked period, naming the record, and writes nothing', () => {
    const records = [
      { ...van, id: 'n1', date: '2023-10-01' },
      { ...van, id: 'n2', date: '2023-07-01' },
    ];
    expect(() =>
      core.activities.importMany(records, (i) => ({ vi: `bản ghi số ${i}`, en: `record ${i}` })),
    ).toThrow(/^bản ghi số 1: Ngày 01\/07\/2023 thuộc quý III năm 2023/);
    expect(core.activities.list({})).toHaveLength(1);
  });

  it('refuses a spreadsheet touching a locked period, in the preview and at the import', async () => {
    const csv = (date: string) =>
      Buffer.from(
        `Ngày;Hình thức;Xã;Nội dung;Số lượng\n01/10/2023;Xe lưu động;Xã Hợp Thành;Mới;1\n${date};Xe lưu động;Xã Hợp Thành;Trong kỳ đã khóa;1\n`,
      ).toString('base64');
    const open = async (token: string, date: string) => {
      expect(
        (await core.call('sheet:open', { token, fileName: 'so.csv', base64: csv(date) })).ok,
      ).toBe(true);
      const r = await core.call('sheet:preview', { token, map: {} });
      if (!r.ok) throw new Error(r.error.message);
      return r.value as Output<'sheet:preview'>;
    };
    const preview = await open('locked-0001', '15/08/2023');
    expect(preview.rowsWithProblems).toBe(1);
    const [problem] = preview.rows[1]!.problems;
    expect(problem).toMatchObject({ field: 'date', header: 'Ngày', letter: 'A' });
    expect(problem!.msg.vi).toContain('Ngày 15/08/2023 thuộc quý III năm 2023');
    const refused = await error('activities:importSheet', { token: 'locked-0001', map: {} });
    expect(refused.message).toContain('trang "so", dòng 3, cột "Ngày" (A): Ngày 15/08/2023 thuộc');
    expect(core.activities.list({})).toHaveLength(1);

    // A lock taken after the preview is still kept: the write checks again.
    const later = await open('locked-0002', '20/09/2023');
    expect(later.problems).toBe(0);
    core.locks.lock(core.report.period('2023-Q4'), 'cd'.repeat(32));
    const e = await error('activities:importSheet', { token: 'locked-0002', map: {} });
    expect(e.code).toBe('locked');
    expect(e.message).toContain(
      'Tệp so.csv, trang "so", dòng 2: Ngày 01/10/2023 thuộc quý IV năm 2023',
    );
    expect(core.activities.list({})).toHaveLength(1);
  });

  it('unlocks for correction only with a reason, kept in the audit log', async () => {
    expect((await error('periods:unlock', { period: '2023-Q3', reason: 'x' })).field).toBe(
      'reason',
    );
    const r = await core.call('periods:unlock', {
      period: '2023-Q3',
      reason: 'Bổ sung số liệu bị sót',
    });
    expect(r.ok).toBe(true);
    expect(
      (await core.call('activities:update', { id: 'v1', activity: { ...van, audience: 200 } })).ok,
    ).toBe(true);
    const locks = await core.call('periods:locks', {});
    expect(locks.ok && locks.value).toEqual([
      expect.objectContaining({
        key: '2023-Q3',
        label: 'quý III năm 2023',
        unlockReason: 'Bổ sung số liệu bị sót',
      }),
    ]);
    const raw = new BetterSqlite3(path.join(dir, DB_FILE), { readonly: true });
    const audit = raw
      .prepare("SELECT action, reason FROM audit_log WHERE entity = 'period' ORDER BY id")
      .all();
    raw.close();
    expect(audit).toEqual([
      { action: 'lock', reason: null },
      { action: 'unlock', reason: 'Bổ sung số liệu bị sót' },
    ]);
    expect(
      (await error('periods:unlock', { period: '2023-Q3', reason: 'lần nữa cho chắc' })).message,
    ).toBe('quý III năm 2023 không bị khóa.');
  });
});

describe('migration 0030', () => {
  it('keeps every audit row when it rebuilds the audit log', () => {
    const file = path.join(tempDir(), 'm.sqlite');
    const at20 = openDatabase(
      file,
      MIGRATIONS.filter((m) => m.version <= 20),
    ).db;
    const insert = at20.prepare(
      'INSERT INTO audit_log (at, entity, entity_id, action, source, before, after, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    insert.run(
      '2023-07-01T00:00:00Z',
      'activity',
      'a1',
      'create',
      'app',
      null,
      '{"title":"Băng rôn"}',
      null,
    );
    insert.run(
      '2023-07-02T00:00:00Z',
      'activity',
      'a1',
      'update',
      'cli',
      '{"title":"Băng rôn"}',
      '{"title":"Pano"}',
      null,
    );
    insert.run(
      '2023-07-03T00:00:00Z',
      'directive',
      'd1',
      'delete',
      'browser',
      '{"number":"1/KH"}',
      null,
      null,
    );
    const before = at20.prepare('SELECT * FROM audit_log ORDER BY id').all();
    expect(at20.pragma('user_version', { simple: true })).toBe(20);
    closeDatabase(at20);

    const at30 = openDatabase(
      file,
      MIGRATIONS.filter((m) => m.version <= 30),
    ).db;
    expect(at30.pragma('user_version', { simple: true })).toBe(30);
    expect(at30.prepare('SELECT * FROM audit_log ORDER BY id').all()).toEqual(before);
    // The rebuilt table takes the new actions, and its index is back.
    at30
      .prepare(
        "INSERT INTO audit_log (at, entity, entity_id, action, source) VALUES ('x', 'period', '2023-Q3', 'unlock', 'app')",
      )
      .run();
    const indexes = at30
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'audit_log'")
      .all();
    expect(indexes).toEqual([{ name: 'audit_log_entity' }]);
    closeDatabase(at30);
  });
});
