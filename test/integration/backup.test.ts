// Backups and restore on real files: each backup is SQLite's online copy, checked in full,
// self-contained and described beside it; the rotation keeps what it promises across days; a
// restore is previewed, backs up what it replaces and swaps the file in one step; a damaged
// backup is refused with nothing changed; and an emptied, missing or damaged data file at start
// offers the latest backup instead of starting afresh.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DB_FILE, type Core } from '../../electron/core';
import { sha256File } from '../../electron/core/backup/store';
import type { Output } from '../../shared/contract';
import profile from '../fixtures/profile.json';
import { makeActivity, rng } from '../fixtures/activities';
import { tempDir } from './helpers';

const open: Core[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

/** A core on `dir` whose clock the test moves. */
function coreAt(dir: string, clock: { now: string }): Core {
  const core = createCore({ dataDir: dir, mode: 'cli', now: () => clock.now });
  open.push(core);
  return core;
}

function closeAll(): void {
  while (open.length) open.pop()!.close();
}

async function call<T>(core: Core, method: string, input: unknown = {}): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

async function withActivities(core: Core, from: number, count: number): Promise<string[]> {
  const random = rng(from + 1);
  const ids: string[] = [];
  for (let i = from; i < from + count; i++) {
    const row = await call<Output<'activities:create'>>(
      core,
      'activities:create',
      makeActivity(i, random),
    );
    ids.push(row.id);
  }
  return ids;
}

const liveIds = (core: Core) =>
  core.activities
    .list({ deleted: false })
    .map((a) => a.id)
    .sort();

async function setUp(clock: { now: string }) {
  const dir = tempDir('tt-backup-');
  const core = coreAt(dir, clock);
  await call(core, 'profile:save', profile);
  return { dir, core };
}

describe('a backup', () => {
  it('is a verified, self-contained SQLite file with its description beside it', async () => {
    const clock = { now: '2026-12-02T01:00:00.000Z' };
    const { dir, core } = await setUp(clock);
    await withActivities(core, 0, 40);
    const made = await call<Output<'backup:make'>>(core, 'backup:make');

    expect(made.kind).toBe('manual');
    expect(made.counts.activities).toBe(40);
    expect(made.office?.code).toBe(profile.office.code);
    expect(made.sha256).toBe(sha256File(made.path));
    expect(path.dirname(made.path)).toBe(path.join(dir, 'backups'));
    // One file: no write-ahead log or journal beside it, readable on its own.
    expect(fs.readdirSync(path.dirname(made.path)).sort()).toEqual(
      [path.basename(made.path), `${path.basename(made.path)}.json`, 'settings.json'].filter(
        (n) => n !== 'settings.json' || fs.existsSync(path.join(dir, 'backups', n)),
      ),
    );
    const copy = new BetterSqlite3(made.path, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT COUNT(*) FROM activities').pluck().get()).toBe(40);
    copy.close();

    const status = await call<Output<'backup:status'>>(core, 'backup:status');
    expect(status.lastGood?.id).toBe(made.id);
  });

  it('is made before an unlock for correction and before an import of more than 100', async () => {
    const clock = { now: '2026-12-02T01:00:00.000Z' };
    const { core } = await setUp(clock);
    const random = rng(7);
    const small = Array.from({ length: 100 }, (_, i) => makeActivity(i, random));
    await call(core, 'activities:import', { fileName: 'nho.json', records: small });
    expect(core.backups.list()).toHaveLength(0);
    clock.now = '2026-12-02T02:00:00.000Z';
    const large = Array.from({ length: 101 }, (_, i) => makeActivity(200 + i, random));
    await call(core, 'activities:import', { fileName: 'lon.json', records: large });
    expect(core.backups.list().map((b) => [b.kind, b.counts.activities])).toEqual([
      ['import', 100],
    ]);

    core.locks.lock(core.report.period('2023-Q3'), null);
    clock.now = '2026-12-02T03:00:00.000Z';
    await call(core, 'periods:unlock', { period: '2023-Q3', reason: 'Sửa số liệu sai' });
    expect(core.backups.list().map((b) => b.kind)).toEqual(['unlock', 'import']);
    // Refused before any backup: the period is not locked any more.
    const again = await core.call('periods:unlock', { period: '2023-Q3', reason: 'Lần nữa' });
    expect(again.ok).toBe(false);
    expect(core.backups.list()).toHaveLength(2);
  });

  it('at start is made at most once a day, and the rotation keeps 7 days, 4 weeks, 12 months', async () => {
    const clock = { now: '2025-01-01T01:00:00.000Z' };
    const { core } = await setUp(clock);
    await withActivities(core, 0, 3);
    const start = Date.parse(clock.now);
    for (let day = 0; day < 400; day++) {
      for (const hour of [0, 6]) {
        clock.now = new Date(start + day * 86_400_000 + hour * 3_600_000).toISOString();
        await core.backups.tick();
      }
    }
    const kept = core.backups.list();
    const days = kept.map((b) => b.createdAt.slice(0, 10));
    // One a day (the second start of the day made none), the newest 7 days all kept…
    expect(new Set(days).size).toBe(days.length);
    const last = new Date(start + 399 * 86_400_000);
    for (let d = 0; d < 7; d++) {
      const day = new Date(last.getTime() - d * 86_400_000).toISOString().slice(0, 10);
      expect(days).toContain(day);
    }
    // …then one a week and one a month: 7 + at most 4 + at most 12, never more.
    expect(kept.length).toBeGreaterThanOrEqual(7 + 2 + 10);
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
    const oldest = kept[kept.length - 1]!.createdAt;
    expect(Date.parse(last.toISOString()) - Date.parse(oldest)).toBeGreaterThan(300 * 86_400_000);
    // Every file on disk is a listed backup: nothing half-made or forgotten.
    const files = fs.readdirSync(core.backups.folder).filter((n) => n.endsWith('.sqlite'));
    expect(files.sort()).toEqual(kept.map((b) => b.id).sort());
  });

  it('goes to the second place too, and waits there until the USB stick is back', async () => {
    const clock = { now: '2026-12-02T01:00:00.000Z' };
    const { core } = await setUp(clock);
    await withActivities(core, 0, 5);
    const usb = path.join(tempDir('tt-usb-'), 'USB');
    fs.mkdirSync(usb);
    await call(core, 'backup:saveSettings', { mirrorDir: usb });
    const first = await call<Output<'backup:make'>>(core, 'backup:make');
    const copy = path.join(usb, 'SoTuyenTruyen-SaoLuu', first.id);
    expect(sha256File(copy)).toBe(first.sha256);

    fs.rmSync(usb, { recursive: true }); // unplugged
    clock.now = '2026-12-02T02:00:00.000Z';
    await withActivities(core, 5, 2);
    const second = await call<Output<'backup:make'>>(core, 'backup:make');
    let status = await call<Output<'backup:status'>>(core, 'backup:status');
    expect(status).toMatchObject({ mirrorReachable: false, mirrorPending: true });

    fs.mkdirSync(usb); // plugged in again
    clock.now = '2026-12-02T03:00:00.000Z';
    await core.backups.tick();
    status = await call<Output<'backup:status'>>(core, 'backup:status');
    expect(status).toMatchObject({ mirrorReachable: true, mirrorPending: false });
    expect(status.lastMirroredAt).toBe(clock.now);
    expect(sha256File(path.join(usb, 'SoTuyenTruyen-SaoLuu', second.id))).toBe(second.sha256);

    const relative = await core.call('backup:saveSettings', { mirrorDir: 'USB' });
    expect(relative.ok).toBe(false);
  });
});

describe('a restore', () => {
  it('previews, keeps what it replaces, and brings the backup back exactly', async () => {
    const clock = { now: '2026-12-02T01:00:00.000Z' };
    const { dir, core } = await setUp(clock);
    const before = await withActivities(core, 0, 20);
    const backup = await call<Output<'backup:make'>>(core, 'backup:make');
    const atBackup = liveIds(core);

    clock.now = '2026-12-02T02:00:00.000Z';
    const after = await withActivities(core, 20, 3);
    await call(core, 'activities:delete', { id: before[0] });

    const preview = await call<Output<'backup:preview'>>(core, 'backup:preview', {
      path: backup.path,
    });
    expect(preview).toMatchObject({ lost: 3, regained: 1, otherOffice: false });
    expect(
      preview.activities
        .filter((a) => a.change === 'lost')
        .map((a) => a.id)
        .sort(),
    ).toEqual([...after].sort());
    expect(preview.activities.find((a) => a.change === 'regained')?.id).toBe(before[0]);
    // A preview changes nothing.
    expect(liveIds(core)).toHaveLength(22);

    const done = await call<Output<'backup:restore'>>(core, 'backup:restore', {
      path: backup.path,
    });
    expect(liveIds(core)).toEqual(atBackup);
    expect(done.safetyBackup?.kind).toBe('restore');
    expect(done.safetyBackup?.counts.activities).toBe(22);
    expect(core.info()).toMatchObject({ writable: true, recovery: null });
    // Writes go on after the swap, on the restored file.
    await withActivities(core, 50, 1);
    expect(liveIds(core)).toHaveLength(21);

    // The restore itself can be undone from the backup it made.
    await call(core, 'backup:restore', { path: done.safetyBackup!.path });
    expect(liveIds(core)).toHaveLength(22);
    expect(liveIds(core)).toEqual(expect.arrayContaining(after));
    closeAll();
    const raw = new BetterSqlite3(path.join(dir, DB_FILE), { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  });

  it('refuses a damaged backup and changes nothing', async () => {
    const clock = { now: '2026-12-02T01:00:00.000Z' };
    const { dir, core } = await setUp(clock);
    await withActivities(core, 0, 30);
    const backup = await call<Output<'backup:make'>>(core, 'backup:make');
    await withActivities(core, 30, 2);
    const ids = liveIds(core);
    const listed = core.backups.list().length;

    const bytes = fs.readFileSync(backup.path);
    bytes[bytes.length - 100]! ^= 0xff;
    fs.writeFileSync(backup.path, bytes);
    const r = await core.call('backup:restore', { path: backup.path });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/SHA-256 không khớp.*Dữ liệu hiện tại giữ nguyên/);

    // Without its description, the damage is found by the integrity check itself.
    const loose = path.join(tempDir('tt-loose-'), 'copy.sqlite');
    const page = fs.readFileSync(backup.path);
    page.fill(0x41, 4096 * 2, 4096 * 3);
    fs.writeFileSync(loose, page);
    const r2 = await core.call('backup:restore', { path: loose });
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.error.message).toMatch(/hỏng|không đọc được/);

    const notOurs = path.join(path.dirname(loose), 'notes.txt');
    fs.writeFileSync(notOurs, 'không phải bản sao lưu');
    const r3 = await core.call('backup:restore', { path: notOurs });
    expect(r3.ok).toBe(false);

    expect(liveIds(core)).toEqual(ids);
    expect(core.backups.list()).toHaveLength(listed);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a data file lost or damaged at start', () => {
  async function withBackup() {
    const clock = { now: '2026-12-02T01:00:00.000Z' };
    const { dir, core } = await setUp(clock);
    const early = await withActivities(core, 0, 12);
    const backup = await call<Output<'backup:make'>>(core, 'backup:make');
    clock.now = '2026-12-02T05:00:00.000Z';
    const later = await withActivities(core, 12, 2);
    const row = await call<Output<'activities:get'>>(core, 'activities:get', { id: early[0] });
    const { id, communeCodes, photoCount, createdAt, updatedAt, deletedAt, ...input } = row;
    void [id, communeCodes, photoCount, createdAt, updatedAt, deletedAt];
    await call(core, 'activities:update', {
      id: early[0],
      activity: { ...input, communes: communeCodes, title: `${input.title} (đã sửa)` },
    });
    closeAll();
    return { dir, clock, backup, later, edited: early[0]! };
  }

  it.each([
    ['empty', (file: string) => fs.writeFileSync(file, '')],
    ['missing', (file: string) => fs.rmSync(file)],
  ] as const)('(%s) offers the latest backup, never a fresh install', async (reason, harm) => {
    const { dir, clock, backup } = await withBackup();
    harm(path.join(dir, DB_FILE));
    const core = coreAt(dir, clock);
    const info = core.info();
    expect(info).toMatchObject({ writable: false, hasProfile: false });
    expect(info.recovery).toMatchObject({ reason, latest: { id: backup.id } });
    expect(info.problem).toMatch(/không bắt đầu lại từ đầu/);
    // Nothing is written to the data folder meanwhile: no fresh profile, no activity.
    const write = await core.call('profile:save', profile);
    expect(write.ok).toBe(false);
    const read = await core.call('activities:list', {});
    expect(read.ok).toBe(false);
    expect(fs.existsSync(path.join(dir, DB_FILE))).toBe(reason === 'empty');

    await call(core, 'backup:restore', { path: backup.path });
    expect(core.info()).toMatchObject({ writable: true, hasProfile: true, recovery: null });
    expect(liveIds(core)).toHaveLength(12);
  });

  it('(damaged) says which activities the latest backup lacks, then restores it', async () => {
    const { dir, clock, backup, later, edited } = await withBackup();
    const file = path.join(dir, DB_FILE);
    // Damage an index's page (as a bad sector would), keeping the table itself readable.
    const raw = new BetterSqlite3(file, { readonly: true });
    const root = raw
      .prepare("SELECT rootpage FROM sqlite_master WHERE name = 'activities_live_order'")
      .pluck()
      .get() as number;
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, (root - 1) * pageSize, root * pageSize);
    fs.writeFileSync(file, bytes);

    const core = coreAt(dir, clock);
    const info = core.info();
    expect(info.writable).toBe(false);
    expect(info.recovery?.reason).toBe('damaged');
    expect(info.recovery?.latest?.id).toBe(backup.id);
    const after = info.recovery?.after ?? [];
    expect(
      after
        .filter((a) => a.change === 'lost')
        .map((a) => a.id)
        .sort(),
    ).toEqual([...later].sort());
    expect(after.filter((a) => a.change === 'reverted').map((a) => a.id)).toEqual([edited]);
    const done = await call<Output<'backup:restore'>>(core, 'backup:restore', {
      path: backup.path,
    });
    expect(done.safetyBackup).toBeNull(); // a damaged file is kept aside, not as a backup
    expect(fs.readdirSync(path.join(dir, 'backups', 'damaged'))).toHaveLength(1);
    expect(fs.readdirSync(done.keptDamaged!)).toContain(DB_FILE);
    expect(core.info()).toMatchObject({ writable: true, recovery: null });
    expect(liveIds(core)).toHaveLength(12);
  });

  it('starts afresh when there is no backup at all (a new installation)', () => {
    const dir = tempDir('tt-fresh-');
    const core = coreAt(dir, { now: '2026-12-02T01:00:00.000Z' });
    expect(core.info()).toMatchObject({ writable: true, hasProfile: false, recovery: null });
  });
});

describe('a damaged write-ahead log', () => {
  /** The data folder as a power cut leaves it: the database and its log, copied while open. */
  async function crashedCopy(damage: (wal: Buffer, frames: number, frameSize: number) => void) {
    const clock = { now: '2026-12-02T01:00:00.000Z' };
    const { dir, core } = await setUp(clock);
    await withActivities(core, 0, 5);
    const backup = await call<Output<'backup:make'>>(core, 'backup:make');
    // A fresh log: the writes below are all in it.
    const side = new BetterSqlite3(path.join(dir, DB_FILE));
    side.pragma('wal_checkpoint(TRUNCATE)');
    side.close();
    const acknowledged = await withActivities(core, 5, 30);
    const copy = tempDir('tt-crashed-');
    fs.copyFileSync(path.join(dir, DB_FILE), path.join(copy, DB_FILE));
    const wal = fs.readFileSync(path.join(dir, `${DB_FILE}-wal`));
    const pageSize = wal.readUInt32BE(8);
    const frameSize = 24 + pageSize;
    damage(wal, Math.floor((wal.length - 32) / frameSize), frameSize);
    fs.writeFileSync(path.join(copy, `${DB_FILE}-wal`), wal);
    fs.cpSync(path.join(dir, 'backups'), path.join(copy, 'backups'), { recursive: true });
    return {
      copy,
      clock,
      backup: { ...backup, path: path.join(copy, 'backups', backup.id) },
      acknowledged,
    };
  }

  it('is found before SQLite drops its commits: read-only, kept aside, a backup offered', async () => {
    const { copy, clock, backup } = await crashedCopy((wal, frames, frameSize) => {
      const at = 32 + Math.floor(frames / 3) * frameSize + 24 + 200;
      wal.fill(0xa5, at, at + 64);
    });
    const core = coreAt(copy, clock);
    const info = core.info();
    expect(info.writable).toBe(false);
    expect(info.problem).toMatch(/Nhật ký ghi .* bị hỏng: \d+ lần ghi/);
    expect(info.recovery).toMatchObject({ reason: 'damaged', latest: { id: backup.id } });
    const kept = fs.readdirSync(path.join(copy, 'backups', 'damaged'));
    expect(kept).toHaveLength(1);
    expect(fs.readdirSync(path.join(copy, 'backups', 'damaged', kept[0]!)).sort()).toEqual([
      DB_FILE,
      `${DB_FILE}-wal`,
    ]);
    // Found again at the next start: nothing folded the log in meanwhile.
    closeAll();
    expect(coreAt(copy, clock).info().writable).toBe(false);
    closeAll();
    const again = coreAt(copy, clock);
    await call(again, 'backup:restore', { path: backup.path });
    expect(again.info()).toMatchObject({ writable: true, recovery: null });
    expect(liveIds(again)).toHaveLength(5);
  });

  it('is not mistaken for the torn last write of a power cut', async () => {
    const { copy, clock, acknowledged } = await crashedCopy((wal, frames, frameSize) => {
      const at = 32 + (frames - 1) * frameSize + 24 + 200;
      wal.fill(0xa5, at, at + 64);
    });
    const core = coreAt(copy, clock);
    expect(core.info()).toMatchObject({ writable: true, recovery: null });
    // Everything but the torn last write is there.
    expect(liveIds(core).length).toBeGreaterThanOrEqual(5 + acknowledged.length - 1);
  });
});
