import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import type { Input, Method, Output } from '../../shared/contract';
import type { ErrorInfo } from '../../shared/errors';
import profile from '../fixtures/profile.json';
import { tempDir } from './helpers';

let core: Core;
let tick = 0;

/** The contract as the renderer sees it: unwrapped, or the error envelope thrown. */
async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const r = await core.call(method, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
  return r.value as Output<M>;
}
async function count(filter: Input<'activities:summary'>): Promise<number> {
  return (await call('activities:summary', filter)).totals.activities;
}
async function failure(method: string, input: unknown): Promise<ErrorInfo> {
  const r = await core.call(method, input);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
}

const van: Input<'activities:create'> = {
  channel: 'van',
  date: '2023-07-28',
  communes: ['CL-HT', 'Xã Thụy Hùng'],
  themes: ['trafficking'],
  title: 'Tuyên truyền lưu động hưởng ứng Ngày toàn dân phòng, chống mua bán người',
  audience: 1200,
  costVnd: 1500000,
  measures: { sessions: 3, km: 45, minutes: 240 },
};

beforeEach(async () => {
  tick = 0;
  core = createCore({
    dataDir: tempDir(),
    mode: 'browser',
    now: () => new Date(Date.UTC(2023, 8, 1, 0, 0, tick++)).toISOString(),
  });
  await call('profile:save', JSON.parse(JSON.stringify(profile)) as Input<'profile:save'>);
});
afterEach(() => core.close());

describe('activities through the contract', () => {
  it('creates with communes by code or name, stored NFC, listed with totals per channel', async () => {
    const created = await call('activities:create', { ...van, title: van.title.normalize('NFD') });
    expect(created.communes).toEqual(['Xã Hợp Thành', 'Xã Thụy Hùng']);
    expect(created.communeCodes).toEqual(['CL-HT', 'CL-TL']);
    expect(created.title).toBe(van.title.normalize('NFC'));
    await call('activities:create', {
      channel: 'banner',
      date: '2023-08-02',
      communes: ['Thị trấn Đồng Đăng'],
      themes: ['trafficking', 'drugs'],
      title: 'Treo băng rôn tại trục đường chính',
      measures: { pieces: 12, kind: 'banner' },
    });
    const page = await call('activities:summary', { period: '2023-Q3' });
    expect(page.totals.activities).toBe(2);
    expect(page.period).toEqual({
      key: '2023-Q3',
      from: '2023-06-15',
      to: '2023-09-14',
      label: 'quý III năm 2023',
    });
    expect(page.totals.byChannel.van).toEqual({
      activities: 1,
      audience: 1200,
      costVnd: 1500000,
      measures: { sessions: 3, km: 45, minutes: 240 },
    });
    expect(page.totals.byChannel.banner?.measures).toEqual({ pieces: 12 });
    expect(page.totals.audience).toBe(1200);
  });

  it('finds by search ignoring case, diacritics and normal form, also by commune name', async () => {
    await call('activities:create', van);
    await call('activities:create', {
      ...van,
      communes: ['CL-BL'],
      title: 'Treo BĂNG RÔN'.normalize('NFD'),
      channel: 'banner',
      measures: { pieces: 2 },
    });
    const titles = async (search: string) =>
      (await call('activities:list', { search })).map((r) => r.title);
    expect(await titles('bang ron')).toEqual(['Treo BĂNG RÔN']);
    expect(await titles('BĂNG RÔN'.normalize('NFD'))).toEqual(['Treo BĂNG RÔN']);
    expect(await titles('thuy hung')).toHaveLength(1);
    expect(await titles('mua ban nguoi luu dong')).toHaveLength(1);
    expect(await titles('khong co')).toEqual([]);
  });

  it('filters by channel, commune and theme, and pages', async () => {
    for (let i = 0; i < 5; i++)
      await call('activities:create', { ...van, date: `2023-07-0${i + 1}` });
    await call('activities:create', {
      ...van,
      channel: 'radio',
      communes: ['CL-BL'],
      themes: ['drugs'],
      measures: { items: 2, broadcasts: 6, minutes: 30 },
    });
    expect(await count({ channels: ['radio'] })).toBe(1);
    expect(await count({ communes: ['xã bảo lâm'] })).toBe(1);
    expect(await count({ themes: ['drugs'] })).toBe(1);
    const page = await call('activities:list', { offset: 2, limit: 2 });
    expect(await count({})).toBe(6);
    expect(page.map((r) => r.date)).toEqual(['2023-07-04', '2023-07-03']);
  });

  it('audits update and delete with before and after, and restores a deleted activity', async () => {
    const a = await call('activities:create', van);
    await call('activities:update', { id: a.id, activity: { ...van, audience: 1500 } });
    await call('activities:delete', { id: a.id });
    expect(await count({})).toBe(0);
    const deleted = await call('activities:list', { deleted: true });
    expect(deleted.map((r) => r.id)).toEqual([a.id]);

    await call('activities:restore', { id: a.id });
    expect((await call('activities:list', {}))[0]?.audience).toBe(1500);

    const audit = await call('activities:audit', { id: a.id });
    expect(audit.map((e) => e.action)).toEqual(['create', 'update', 'delete', 'restore']);
    expect((audit[1]!.before as { audience: number }).audience).toBe(1200);
    expect((audit[1]!.after as { audience: number }).audience).toBe(1500);
    expect(audit[2]!.after).toBeNull();
    expect(audit.every((e) => e.source === 'browser')).toBe(true);
  });

  it('answers bad input with a Vietnamese message and the field, changing nothing', async () => {
    const e1 = await failure('activities:create', {
      ...van,
      measures: { sessions: 3, km: -1, minutes: 1 },
    });
    expect(e1).toEqual({
      code: 'invalid_input',
      field: 'measures.km',
      message: 'Trường "measures.km" không được là số âm.',
    });
    const e2 = await failure('activities:create', { ...van, communes: ['Xã Lạ'] });
    expect(e2.field).toBe('communes[0]');
    const e3 = await failure('activities:update', { id: 'nope', activity: van });
    expect(e3.code).toBe('not_found');
    const e4 = await failure('activities:nuke', {});
    expect(e4.code).toBe('unknown_method');
    expect(await count({})).toBe(0);
    expect(await call('activities:latest', { channel: 'van' })).toBeNull();
  });

  it('gives the latest activity of a channel for "copy from previous"', async () => {
    await call('activities:create', van);
    await call('activities:create', { ...van, title: 'Lần sau', date: '2023-07-01' });
    expect((await call('activities:latest', { channel: 'van' }))?.title).toBe('Lần sau');
  });

  it('gives the largest figures of a channel so far, deleted activities aside', async () => {
    expect(await call('activities:largest', { channel: 'van' })).toEqual({
      audience: 0,
      costVnd: 0,
      measures: { sessions: 0, km: 0, minutes: 0 },
    });
    await call('activities:create', van);
    await call('activities:create', {
      ...van,
      audience: 800,
      costVnd: 2_000_000,
      measures: { sessions: 5, km: 30, minutes: 120 },
    });
    const typo = await call('activities:create', { ...van, audience: 120_000 });
    await call('activities:create', {
      ...van,
      channel: 'meeting',
      audience: 50_000,
      measures: { sessions: 1 },
    });
    expect((await call('activities:largest', { channel: 'van' })).audience).toBe(120_000);
    await call('activities:delete', { id: typo.id });
    expect(await call('activities:largest', { channel: 'van' })).toEqual({
      audience: 1200,
      costVnd: 2_000_000,
      measures: { sessions: 5, km: 45, minutes: 240 },
    });
    expect((await failure('activities:largest', { channel: 'bus' })).code).toBe('invalid_input');
  });

  it('keeps a renamed commune findable and dropped communes for old activities', async () => {
    await call('activities:create', van);
    const next = JSON.parse(JSON.stringify(profile)) as Input<'profile:save'>;
    next.communes = next.communes.filter((c) => c.code !== 'CL-TL');
    next.communes[0]!.name = 'Xã Hợp Thành Mới';
    const saved = await call('profile:save', next);
    expect(saved.communes.find((c) => c.code === 'CL-TL')?.active).toBe(false);
    const rows = await call('activities:list', { search: 'hop thanh moi' });
    expect(rows[0]?.communes).toEqual(['Xã Hợp Thành Mới', 'Xã Thụy Hùng']);
  });
});

describe('directives register', () => {
  it('saves, searches, deletes and restores, with audit', async () => {
    const d = await call('directives:save', {
      number: '4502/BCĐ-CAT',
      date: '2023-09-08',
      issuer: 'Ban Chỉ đạo 138 tỉnh',
      subject: 'báo cáo công tác phòng, chống mua bán người quý III năm 2023',
      direction: 'incoming',
    });
    expect((await call('directives:list', { search: 'bcd-cat' })).map((x) => x.id)).toEqual([d.id]);
    const { createdAt: _c, updatedAt: _u, deletedAt: _d, ...plain } = d;
    await call('directives:save', { ...plain, subject: 'đã sửa' });
    await call('directives:delete', { id: d.id });
    expect(await call('directives:list', {})).toEqual([]);
    await call('directives:restore', { id: d.id });
    expect((await call('directives:list', {}))[0]?.subject).toBe('đã sửa');
  });
});
