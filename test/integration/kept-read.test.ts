// The logbook's opening kept between writes (Core.keep): its first page and its page keys,
// asked again, are given as read as long as nothing was written to the file, by this app or
// by another program, and read anew after any write; no other request is answered from them.
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, DB_FILE, keepLogbookOpening, type Core } from '../../electron/core';
import type { Input, Method, Output } from '../../shared/contract';
import { LOGBOOK_OPENING } from '../../shared/logbook';
import { makeActivities } from '../fixtures/activities';
import profile from '../fixtures/profile.json';
import { tempDir } from './helpers';

let core: Core;
let dataDir: string;

async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const r = await core.call(method, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
  return r.value as Output<M>;
}

const opening = () => call('activities:pages', { ...LOGBOOK_OPENING });
const openingKeys = () => call('activities:anchors', { ...LOGBOOK_OPENING });

beforeAll(async () => {
  dataDir = tempDir();
  core = createCore({ dataDir, mode: 'browser' });
  await call('profile:save', JSON.parse(JSON.stringify(profile)) as Input<'profile:save'>);
  await call('activities:import', { fileName: 'a.json', records: makeActivities(600, 9) });
  keepLogbookOpening(core);
}, 60_000);
afterAll(() => core.close());

describe('the opening page kept between writes', () => {
  it('is read once, then given as read: the answer a fresh read gives', async () => {
    const first = await opening();
    // The very answer kept, not one read again.
    expect(await opening()).toBe(first);
    expect(first).toEqual(core.activities.pages({ ...LOGBOOK_OPENING }));
    expect(first.totals.activities).toBe(600);
  });

  it('keeps the page keys beside the first page, each as read', async () => {
    const page = await opening();
    const keys = await openingKeys();
    expect(keys).toHaveLength(3);
    expect(keys).toEqual(core.activities.anchors({ ...LOGBOOK_OPENING }));
    // Neither pushes the other out.
    expect(await opening()).toBe(page);
    expect(await openingKeys()).toBe(keys);
  });

  it('is read anew after a write through the app, and the new answer kept', async () => {
    const before = await opening();
    const [one] = makeActivities(1, 77);
    await call('activities:create', { ...one!, id: undefined, title: 'Thêm sau khi mở' });
    const after = await opening();
    expect(after).not.toBe(before);
    expect(after.totals.activities).toBe(601);
    expect(after).toEqual(core.activities.pages({ ...LOGBOOK_OPENING }));
    expect(await opening()).toBe(after);
    expect(await openingKeys()).toEqual(core.activities.anchors({ ...LOGBOOK_OPENING }));
  });

  it('is read anew after another program wrote to the file', async () => {
    const before = await opening();
    const other = new BetterSqlite3(path.join(dataDir, DB_FILE));
    try {
      const id = before.first[0]!.id;
      other.prepare('UPDATE activities SET title = ? WHERE id = ?').run('Sửa từ nơi khác', id);
    } finally {
      other.close();
    }
    const after = await opening();
    expect(after).not.toBe(before);
    expect(after.first[0]!.title).toBe('Sửa từ nơi khác');
  });

  it('answers no other request: another filter or page size is read as asked', async () => {
    const kept = await opening();
    const bin = await call('activities:pages', { ...LOGBOOK_OPENING, deleted: true });
    expect(bin.totals.activities).toBe(0);
    const small = await call('activities:pages', { ...LOGBOOK_OPENING, pageSize: 50 });
    expect(small.first).toHaveLength(50);
    const keys = await openingKeys();
    const smallKeys = await call('activities:anchors', { ...LOGBOOK_OPENING, pageSize: 50 });
    expect(smallKeys.length).toBeGreaterThan(keys.length);
    const vans = await call('activities:pages', { ...LOGBOOK_OPENING, channels: ['van'] });
    expect(vans.totals.activities).toBeLessThan(kept.totals.activities);
    // And the opening is still the kept one.
    expect(await opening()).toBe(kept);
    expect(await openingKeys()).toBe(keys);
  });

  it('keeps reads only', () => {
    expect(() => core.keep('activities:create', {})).toThrow(/only a read/);
  });
});

describe('the opening page after the data file is replaced', () => {
  it('is read from the restored file, never kept from the one before', async () => {
    const dir = tempDir();
    const first = createCore({ dataDir: dir, mode: 'browser' });
    const made = async <M extends Method>(method: M, input: Input<M>): Promise<Output<M>> => {
      const r = await first.call(method, input);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as Output<M>;
    };
    await made('profile:save', JSON.parse(JSON.stringify(profile)) as Input<'profile:save'>);
    await made('activities:import', { fileName: 'a.json', records: makeActivities(40, 3) });
    const backup = await made('backup:make', {});
    await made('activities:import', {
      fileName: 'b.json',
      records: makeActivities(5, 4).map((a, i) => ({ ...a, id: `later-${i}` })),
    });
    first.close();

    // A fresh start: nothing written yet on this connection, as on the restored one after.
    const second = createCore({ dataDir: dir, mode: 'browser' });
    try {
      second.keep('activities:pages', LOGBOOK_OPENING);
      const read = async () => {
        const r = await second.call('activities:pages', { ...LOGBOOK_OPENING });
        if (!r.ok) throw new Error(r.error.message);
        return r.value as Output<'activities:pages'>;
      };
      expect((await read()).totals.activities).toBe(45);
      const restored = await second.call('backup:restore', { path: backup.path });
      expect(restored.ok).toBe(true);
      expect((await read()).totals.activities).toBe(40);
    } finally {
      second.close();
    }
  });
});
