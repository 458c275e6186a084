import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DB_FILE, type Core } from '../../electron/core';
import { LATEST_VERSION, openDatabase, closeDatabase } from '../../electron/core/db/open';
import { ProfileSchema } from '../../shared/schemas';
import profile from '../fixtures/profile.json';
import { tempDir } from './helpers';

const cores: Core[] = [];
function open(dataDir: string): Core {
  const core = createCore({ dataDir, mode: 'cli' });
  cores.push(core);
  return core;
}
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

function pragmasOf(file: string) {
  const { db } = openDatabase(file);
  try {
    return {
      journal: db.pragma('journal_mode', { simple: true }),
      synchronous: db.pragma('synchronous', { simple: true }),
      foreignKeys: db.pragma('foreign_keys', { simple: true }),
      version: db.pragma('user_version', { simple: true }),
    };
  } finally {
    closeDatabase(db);
  }
}

describe('the database file', () => {
  it('is created and migrated from empty', () => {
    const dir = tempDir();
    open(dir).close();
    cores.pop();
    const raw = new BetterSqlite3(path.join(dir, DB_FILE), { readonly: true });
    const tables = (
      raw.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    raw.close();
    expect(tables).toEqual([
      'activities',
      'activity_communes',
      'activity_day_totals',
      'activity_photos',
      'audit_log',
      'communes',
      'deliveries',
      'delivery_settings',
      'desk_settings',
      'directives',
      'export_attempts',
      'inbox_activities',
      'inbox_activity_communes',
      'inbox_communes',
      'inbox_packages',
      'inbox_photos',
      'merged_drafts',
      'office',
      'packages',
      'period_locks',
      'photos',
      'report_drafts',
      'signed_reports',
      'trusted_certificates',
      'trusted_offices',
    ]);
  });

  it('keeps WAL, synchronous=FULL and foreign keys after close and reopen', () => {
    const dir = tempDir();
    const core = open(dir);
    core.profile.save(ProfileSchema.parse(profile));
    core.close();
    cores.pop();
    const file = path.join(dir, DB_FILE);
    // A plain connection to the same WAL file gets better-sqlite3's synchronous=NORMAL:
    // the setting does not live in the file, so every open must set it again.
    const plain = new BetterSqlite3(file);
    expect(plain.pragma('synchronous', { simple: true })).toBe(1);
    plain.close();
    expect(pragmasOf(file)).toEqual({
      journal: 'wal',
      synchronous: 2,
      foreignKeys: 1,
      version: LATEST_VERSION,
    });
    const again = open(dir);
    expect(again.profile.get()?.communes).toHaveLength(profile.communes.length);
  });

  it('refuses a file stamped by a newer version, with a clear message, and leaves it as it was', () => {
    const dir = tempDir();
    open(dir).close();
    cores.pop();
    const file = path.join(dir, DB_FILE);
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => createCore({ dataDir: dir, mode: 'cli' })).toThrow(/phiên bản mới hơn/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('runs only pending migrations, in order, and stamps each step', () => {
    const dir = tempDir();
    const file = path.join(dir, 'm.sqlite');
    const calls: number[] = [];
    const steps = [10, 20].map((version) => ({
      version,
      up: (db: BetterSqlite3.Database) => {
        calls.push(version);
        db.exec(`CREATE TABLE t${version} (x INTEGER) STRICT`);
      },
    }));
    closeDatabase(openDatabase(file, steps.slice(0, 1)).db);
    closeDatabase(openDatabase(file, steps).db);
    expect(calls).toEqual([10, 20]);
    const raw = new BetterSqlite3(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(20);
    raw.close();
  });

  it('blocks writes, but not reads, when the integrity check fails', () => {
    const dir = tempDir();
    const core = open(dir);
    core.profile.save(ProfileSchema.parse(profile));
    core.close();
    cores.pop();
    const file = path.join(dir, DB_FILE);
    // Checkpoint the WAL into the main file, then damage the b-tree page of `audit_log`.
    const raw = new BetterSqlite3(file);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    const page = (
      raw.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'audit_log'").get() as {
        rootpage: number;
      }
    ).rootpage;
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    const fd = fs.openSync(file, 'r+');
    // Byte 0 is the page type; 0x0D (leaf table) → 0x0A (leaf index) makes the tree inconsistent.
    fs.writeSync(fd, Buffer.from([0x0a]), 0, 1, (page - 1) * pageSize);
    fs.closeSync(fd);

    const damaged = open(dir);
    expect(damaged.info().writable).toBe(false);
    expect(damaged.info().problem).toMatch(/bị hỏng/);
    expect(damaged.info().recovery).toBeNull(); // no backup to offer: a read-only app
    return damaged
      .call('directives:save', {
        number: '1/KH',
        date: '2023-01-01',
        issuer: 'UBND',
        subject: 'x',
        direction: 'outgoing',
      })
      .then((result) => {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).toBe('db_damaged');
      });
  });
});
