// The day totals (migration 0130) are the sums over the live activities after every kind of
// write — create, edit of any summed field, date, channel or themes, delete, restore, an
// import, an import refused half-way — and after the migration builds them from an older
// file; the logbook's totals read from them and equal the sums over the rows.
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, DB_FILE, type Core } from '../../electron/core';
import type { Input } from '../../shared/contract';
import { makeActivities } from '../fixtures/activities';
import profile from '../fixtures/profile.json';
import { tempDir } from './helpers';

const SUMMED =
  'audience, cost_vnd, sessions, km, minutes, pieces, screenings, message_minutes, items, broadcasts, copies, messages, models';

let dir: string;
let core: Core;

async function ok<T>(method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

/** The kept day totals and the same sums computed from the rows, line by line. */
function keptAndComputed(): { kept: unknown[]; computed: unknown[] } {
  const db = new BetterSqlite3(path.join(dir, DB_FILE), { readonly: true });
  const sums = SUMMED.split(', ')
    .map((c) => `SUM(COALESCE(${c}, 0)) AS ${c}`)
    .join(', ');
  const computed = db
    .prepare(
      `SELECT date, channel, theme_mask, COUNT(*) AS activities, ${sums} FROM activities
       WHERE deleted_at IS NULL GROUP BY date, channel, theme_mask ORDER BY date, channel, theme_mask`,
    )
    .all();
  const kept = db
    .prepare(
      `SELECT date, channel, theme_mask, activities, ${SUMMED} FROM activity_day_totals
       ORDER BY date, channel, theme_mask`,
    )
    .all();
  db.close();
  return { kept, computed };
}

const van: Input<'activities:create'> = {
  id: 'v1',
  channel: 'van',
  date: '2023-07-28',
  communes: ['CL-HT'],
  themes: ['trafficking'],
  title: 'Tuyên truyền lưu động',
  audience: 100,
  costVnd: 500000,
  measures: { sessions: 2, km: 30, minutes: 90 },
};

beforeEach(async () => {
  dir = tempDir('tt-daytotals-');
  core = createCore({ dataDir: dir, mode: 'cli' });
  await ok('profile:save', JSON.parse(JSON.stringify(profile)));
});

afterEach(() => core.close());

describe('the day totals', () => {
  it('stay the sums over the live activities through every kind of write', async () => {
    await ok('activities:create', van);
    await ok('activities:create', { ...van, id: 'v2', audience: 40 });
    await ok('activities:import', {
      fileName: 'a.json',
      records: makeActivities(300, 9).map((a, i) => ({ ...a, id: `imp-${i}` })),
    });
    expect(keptAndComputed().kept).toEqual(keptAndComputed().computed);

    // Every summed field, the date, the channel and the themes changed.
    await ok('activities:update', {
      id: 'v1',
      activity: {
        ...van,
        date: '2023-08-02',
        themes: ['trafficking', 'drugs'],
        audience: 250,
        costVnd: 0,
        measures: { sessions: 5, km: 12, minutes: 40 },
      },
    });
    await ok('activities:update', {
      id: 'v2',
      activity: {
        ...van,
        id: undefined,
        channel: 'banner',
        measures: { pieces: 7, kind: 'banner' },
      },
    });
    await ok('activities:delete', { id: 'imp-3' });
    await ok('activities:delete', { id: 'imp-4' });
    await ok('activities:restore', { id: 'imp-4' });
    // An import refused on its last record changes nothing.
    const refused = await core.call('activities:import', {
      fileName: 'b.json',
      records: [
        { ...van, id: 'new-1', date: '2023-07-29' },
        { ...van, id: 'new-2', date: 'not a date' },
      ],
    });
    expect(refused.ok).toBe(false);

    const { kept, computed } = keptAndComputed();
    expect(kept.length).toBeGreaterThan(100);
    expect(kept).toEqual(computed);
  });

  it('give the logbook the totals the rows give, for every filter they serve', async () => {
    await ok('activities:import', {
      fileName: 'a.json',
      records: makeActivities(400, 5).map((a, i) => ({ ...a, id: `imp-${i}` })),
    });
    await ok('activities:delete', { id: 'imp-7' });
    const cases: { filter: Input<'activities:summary'>; where: string }[] = [
      { filter: {}, where: '1' },
      {
        filter: { period: '2023-07-01..2023-09-30' },
        where: "date BETWEEN '2023-07-01' AND '2023-09-30'",
      },
      { filter: { channels: ['van', 'radio'] }, where: "channel IN ('van', 'radio')" },
      { filter: { themes: ['drugs'] }, where: 'theme_mask & 2 != 0' },
      {
        filter: { period: '2023-01-01..2023-06-30', channels: ['banner'], themes: ['trafficking'] },
        where:
          "date BETWEEN '2023-01-01' AND '2023-06-30' AND channel = 'banner' AND theme_mask & 1 != 0",
      },
    ];
    const db = new BetterSqlite3(path.join(dir, DB_FILE), { readonly: true });
    for (const c of cases) {
      const kept = core.activities.summary(c.filter).totals;
      const rows = db
        .prepare(
          `SELECT channel, COUNT(*) AS n, SUM(audience) AS audience, SUM(cost_vnd) AS cost,
             SUM(COALESCE(sessions, 0) + COALESCE(pieces, 0) + COALESCE(items, 0)) AS counts
           FROM activities WHERE deleted_at IS NULL AND ${c.where} GROUP BY channel`,
        )
        .all() as { channel: string; n: number; audience: number; cost: number; counts: number }[];
      expect(rows.length).toBeGreaterThan(0);
      expect(kept.activities).toBe(rows.reduce((n, r) => n + r.n, 0));
      expect(kept.audience).toBe(rows.reduce((n, r) => n + r.audience, 0));
      expect(kept.costVnd).toBe(rows.reduce((n, r) => n + r.cost, 0));
      for (const r of rows) {
        const ch = kept.byChannel[r.channel as keyof typeof kept.byChannel]!;
        expect([ch.activities, ch.audience, ch.costVnd]).toEqual([r.n, r.audience, r.cost]);
        const m = ch.measures as Record<string, number>;
        expect((m.sessions ?? 0) + (m.pieces ?? 0) + (m.items ?? 0)).toBe(r.counts);
      }
    }
    db.close();
  });

  it('are built from the activities of a file made before them', async () => {
    await ok('activities:import', {
      fileName: 'a.json',
      records: makeActivities(200, 3).map((a, i) => ({ ...a, id: `imp-${i}` })),
    });
    await ok('activities:delete', { id: 'imp-1' });
    core.close();
    // The file as the version before left it: no table, no triggers (nor what a later
    // migration added, the register's follow_from).
    const db = new BetterSqlite3(path.join(dir, DB_FILE));
    db.exec(`DROP TRIGGER activity_day_totals_insert; DROP TRIGGER activity_day_totals_delete;
             DROP TRIGGER activity_day_totals_update; DROP TABLE activity_day_totals;
             ALTER TABLE trusted_offices DROP COLUMN follow_from;`);
    db.pragma('user_version = 120');
    db.close();
    core = createCore({ dataDir: dir, mode: 'cli' });
    const { kept, computed } = keptAndComputed();
    expect(kept.length).toBeGreaterThan(50);
    expect(kept).toEqual(computed);
  });
});
