// The logbook read page by page, by key, through the contract on a real SQLite file: the
// pages put end to end are exactly the full ordered list, many rows sharing a date and a
// time of entry included, and a malformed request is refused with a clear message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import type { Input, Method, Output } from '../../shared/contract';
import type { ErrorInfo } from '../../shared/errors';
import { makeActivities } from '../fixtures/activities';
import profile from '../fixtures/profile.json';
import { tempDir } from './helpers';

let core: Core;
/** The clock stands still within a step, so whole batches share created_at or deleted_at. */
let clock = '2023-09-01T00:00:00.000Z';

async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const r = await core.call(method, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
  return r.value as Output<M>;
}
async function failure(method: Method, input: unknown): Promise<ErrorInfo> {
  const r = await core.call(method, input);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error;
}

beforeAll(async () => {
  core = createCore({ dataDir: tempDir(), mode: 'browser', now: () => clock });
  await call('profile:save', JSON.parse(JSON.stringify(profile)) as Input<'profile:save'>);
  // 1,200 activities over one year in one import (one created_at: ties on date and time of
  // entry, broken by id), then 300 more on the same dates entered later.
  const records = makeActivities(1500, 5);
  await call('activities:import', { fileName: 'a.json', records: records.slice(0, 1200) });
  clock = '2023-10-01T00:00:00.000Z';
  await call('activities:import', { fileName: 'b.json', records: records.slice(1200) });
  // Deleted in three batches, each at one instant: the bin ties on deleted_at too.
  for (const [batch, at] of ['2023-10-02', '2023-10-03', '2023-10-04'].entries()) {
    clock = `${at}T08:00:00.000Z`;
    for (let i = batch; i < 300; i += 7) await call('activities:delete', { id: `act-${i * 5}` });
  }
}, 120_000);
afterAll(() => core.close());

type Filter = Input<'activities:summary'>;

/** Every page fetched from its anchor, put end to end. */
async function pagedIds(filter: Filter, pageSize: number): Promise<string[]> {
  const opened = await call('activities:pages', { ...filter, pageSize });
  expect(opened.pageSize).toBe(pageSize);
  expect(opened.first.length).toBe(Math.min(pageSize, opened.totals.activities));
  // The list's length comes from the totals: the keys must cover exactly that many pages.
  const anchors = await call('activities:anchors', { ...filter, pageSize });
  expect(anchors).toHaveLength(Math.ceil(opened.totals.activities / pageSize));
  const ids: string[] = [];
  for (const [n, from] of anchors.entries()) {
    const page = await call('activities:page', { ...filter, from, limit: pageSize });
    // Every page but the last is full, and begins with the row its anchor names.
    if (n < anchors.length - 1) expect(page).toHaveLength(pageSize);
    expect(page[0]?.id).toBe(from[from.length - 1]);
    if (n === 0) expect(opened.first.map((r) => r.id)).toEqual(page.map((r) => r.id));
    ids.push(...page.map((r) => r.id));
  }
  expect(ids).toHaveLength(opened.totals.activities);
  return ids;
}

const FILTERS: [string, Filter][] = [
  ['the whole logbook', {}],
  ['one channel', { channels: ['van'] }],
  ['a quarter and a search', { period: '2023-Q3', search: 'luu dong' }],
  ['an area and a theme', { communes: ['Xã Hợp Thành'], themes: ['drugs'] }],
  ['the deleted rows', { deleted: true }],
];

describe('logbook pages by key', () => {
  it('has many rows sharing a date and a time of entry', async () => {
    const all = await call('activities:list', {});
    const sameKey = all.filter(
      (r, i) => i > 0 && r.date === all[i - 1]!.date && r.createdAt === all[i - 1]!.createdAt,
    );
    expect(sameKey.length).toBeGreaterThan(500);
    const bin = await call('activities:list', { deleted: true });
    expect(new Set(bin.map((r) => r.deletedAt)).size).toBe(3);
  });

  it.each(FILTERS)('puts together exactly the full list for %s', async (_, filter) => {
    const full = (await call('activities:list', filter)).map((r) => r.id);
    expect(full.length).toBeGreaterThan(20);
    for (const size of [10, 37, 200]) {
      const ids = await pagedIds(filter, size);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(full);
    }
  });

  it('opens an empty selection with no anchors and no rows', async () => {
    const nothing = { search: 'không có hoạt động nào như thế' };
    const opened = await call('activities:pages', nothing);
    expect(opened.totals.activities).toBe(0);
    expect(opened.first).toEqual([]);
    expect(await call('activities:anchors', nothing)).toEqual([]);
  });

  it('gives the totals and period of activities:summary', async () => {
    const filter: Filter = { period: '2023-Q3', channels: ['radio', 'cinema'] };
    const opened = await call('activities:pages', filter);
    const summary = await call('activities:summary', filter);
    expect(opened.totals).toEqual(summary.totals);
    expect(opened.period).toEqual(summary.period);
    expect(opened.pageSize).toBe(200);
  });

  it('refuses a key of the wrong shape for the order, and bad sizes', async () => {
    const live = await failure('activities:page', { from: ['2023-10-04T08:00:00.000Z', 'act-5'] });
    expect(live.code).toBe('invalid_input');
    expect(live.field).toBe('from');
    expect(live.message).toBe(
      'Trường "from" phải có 3 giá trị (ngày, thời điểm ghi, mã) theo thứ tự của sổ.',
    );
    const bin = await failure('activities:page', {
      deleted: true,
      from: ['2023-07-01', '2023-09-01T00:00:00.000Z', 'act-5'],
    });
    expect(bin.field).toBe('from');
    expect(bin.message).toContain('phải có 2 giá trị');

    for (const [method, input, field] of [
      ['activities:page', { from: 'act-5' }, 'from'],
      ['activities:page', { from: ['2023-07-01', '', 'act-5'] }, 'from[1]'],
      ['activities:page', { from: ['2023-07-01', 'x', 'act-5'], limit: 5000 }, 'limit'],
      ['activities:page', {}, 'from'],
      ['activities:pages', { pageSize: 0 }, 'pageSize'],
      ['activities:pages', { pageSize: 20.5 }, 'pageSize'],
      ['activities:pages', { offset: 3 }, 'offset'],
    ] as const) {
      const error = await failure(method, input);
      expect(error.code, JSON.stringify(input)).toBe('invalid_input');
      expect(error.field, JSON.stringify(input)).toBe(field);
    }
  });
});
