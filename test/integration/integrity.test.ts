// The integrity check after start (desktop, browser mode): the file opens without it, the
// check runs on a worker thread once the window is up (at once after an unclean end,
// otherwise later), and damage found then makes the app read-only with the usual message.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DB_FILE, type Core, type CoreOptions } from '../../electron/core';
import { lastEnd, markerOf } from '../../electron/core/db/integrity';
import { LATEST_VERSION, openDatabase } from '../../electron/core/db/open';
import { ProfileSchema } from '../../shared/schemas';
import profile from '../fixtures/profile.json';
import { tempDir } from './helpers';

const cores: Core[] = [];
function open(dataDir: string, options: Partial<CoreOptions> = {}): Core {
  const core = createCore({
    dataDir,
    mode: 'browser',
    integrityCheck: 'deferred',
    // After a clean end the check waits this long once checkIntegrity is called.
    integrityDelayMs: 300,
    ...options,
  });
  cores.push(core);
  return core;
}
function closeAll(): void {
  while (cores.length) cores.pop()!.close();
}
afterEach(closeAll);

async function stateOf(core: Core): Promise<string> {
  const r = await core.call('app:integrity', {});
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { state: string }).state;
}

const directive = {
  number: '1/KH',
  date: '2023-01-01',
  issuer: 'UBND',
  subject: 'x',
  direction: 'outgoing',
};

/** A data folder with a profile, closed cleanly by the app: no marker, no write-ahead log. */
function soundFolder(): string {
  const dir = tempDir('tt-integrity-');
  const core = createCore({ dataDir: dir, mode: 'cli' });
  core.profile.save(ProfileSchema.parse(profile));
  core.close();
  return dir;
}

/** Damages the b-tree page of `audit_log` in place (leaf table 0x0D → leaf index 0x0A). */
function damage(dir: string): void {
  const file = path.join(dir, DB_FILE);
  const raw = new BetterSqlite3(file);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  const page = raw
    .prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'audit_log'")
    .pluck()
    .get() as number;
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  raw.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.from([0x0a]), 0, 1, (page - 1) * pageSize);
  fs.closeSync(fd);
}

describe('how the last session ended', () => {
  it('is clean after a clean close, unclean with a marker or a write-ahead log left', () => {
    const dir = soundFolder();
    const file = path.join(dir, DB_FILE);
    expect(lastEnd(file)).toBe('clean');
    fs.writeFileSync(markerOf(file), '{}\n');
    expect(lastEnd(file)).toBe('unclean');
    fs.rmSync(markerOf(file));
    // A writer that is still attached (or died) leaves its log.
    const raw = new BetterSqlite3(file);
    raw.exec('CREATE TABLE scratch (x)');
    expect(lastEnd(file)).toBe('unclean');
    raw.close();
    expect(lastEnd(file)).toBe('clean');
  });

  it('is marked while the app has the file open, and unmarked by a clean close', async () => {
    const dir = soundFolder();
    const marker = markerOf(path.join(dir, DB_FILE));
    const core = open(dir);
    expect(fs.existsSync(marker)).toBe(true);
    expect(await core.checkIntegrity()).toBe('ok');
    closeAll();
    expect(fs.existsSync(marker)).toBe(false);
  });
});

describe('a sound file', () => {
  it('opens writable with the check still to come, and stays writable after it', async () => {
    const core = open(soundFolder());
    expect(core.info()).toMatchObject({ writable: true, problem: null });
    expect(await stateOf(core)).toBe('waiting');
    const saved = await core.call('directives:save', directive);
    expect(saved.ok).toBe(true);

    const done = core.checkIntegrity();
    // The last session ended cleanly: the check leaves the start alone for a while.
    expect(await stateOf(core)).toBe('waiting');
    expect(await done).toBe('ok');
    expect(await stateOf(core)).toBe('ok');
    expect(core.info().writable).toBe(true);
  });

  it('starts the outbox after an unclean end only once the check has passed', async () => {
    const dir = soundFolder();
    fs.writeFileSync(markerOf(path.join(dir, DB_FILE)), '{}\n');
    const core = open(dir, { outbox: true });
    expect(core.outbox.isStarted()).toBe(false);
    expect(await core.checkIntegrity()).toBe('ok');
    expect(core.outbox.isStarted()).toBe(true);
  });
});

describe('a damaged file', () => {
  async function expectReadOnly(core: Core): Promise<void> {
    const info = core.info();
    expect(info.writable).toBe(false);
    expect(info.problem).toMatch(/^Tệp dữ liệu .* bị hỏng \(.+\)\. Ứng dụng chỉ cho xem/s);
    expect(await stateOf(core)).toBe('damaged');
    const write = await core.call('directives:save', directive);
    expect(write.ok).toBe(false);
    if (!write.ok) {
      expect(write.error.code).toBe('db_damaged');
      expect(write.error.message).toBe(info.problem);
    }
    // Reads go on, as with damage found at open.
    expect((await core.call('profile:get', {})).ok).toBe(true);
  }

  it('(last session ended cleanly) opens writable and is found damaged by the later check', async () => {
    const dir = soundFolder();
    damage(dir);
    const core = open(dir);
    // The open did not wait for the check: nothing is known yet.
    expect(core.info()).toMatchObject({ writable: true, problem: null });
    expect(await stateOf(core)).toBe('waiting');

    expect(await core.checkIntegrity()).toBe('damaged');
    await expectReadOnly(core);
    closeAll();
    // The marker stays: the next start checks at once instead of minutes later.
    expect(lastEnd(path.join(dir, DB_FILE))).toBe('unclean');
  });

  it('(last session ended uncleanly) is checked at once, and the outbox never starts', async () => {
    const dir = soundFolder();
    damage(dir);
    fs.writeFileSync(markerOf(path.join(dir, DB_FILE)), '{}\n');
    const core = open(dir, { outbox: true, integrityDelayMs: 3_600_000 });
    expect(core.info().writable).toBe(true);
    let ticked = false;
    setImmediate(() => (ticked = true));
    const done = core.checkIntegrity();
    expect(await stateOf(core)).toBe('running');
    expect(await done).toBe('damaged');
    // The check answered from another thread: this one went on turning meanwhile.
    expect(ticked).toBe(true);
    await expectReadOnly(core);
    expect(core.outbox.isStarted()).toBe(false);
  });

  it('is still checked before a migration, which then does not run', () => {
    const dir = soundFolder();
    damage(dir);
    const file = path.join(dir, DB_FILE);
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${LATEST_VERSION - 10}`);
    raw.close();
    expect(() => openDatabase(file, undefined, { deferCheck: true })).toThrow(/bị hỏng/);
    const after = new BetterSqlite3(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(LATEST_VERSION - 10);
    after.close();
  });

  it('is found at open as before by the command line (no deferred check)', () => {
    const dir = soundFolder();
    damage(dir);
    const core = createCore({ dataDir: dir, mode: 'cli' });
    cores.push(core);
    expect(core.info().writable).toBe(false);
  });
});
