// The command line as one more way into the same engine: global options anywhere on the
// line, and every write refused on a data file the start-up check found damaged.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../electron/core';
import { makeActivities } from '../fixtures/activities';
import { cli, PROFILE, tempDir, writeJson } from './helpers';

const PASS = { TUYENTRUYEN_PASSPHRASE: 'mật khẩu đúng 123' };

/** A data folder with the profile and 120 activities, made through the CLI itself. */
function dataDirWithActivities(): { dir: string; dataDir: string } {
  const dir = tempDir();
  const dataDir = path.join(dir, 'data');
  expect(cli(['setup', '--profile', PROFILE, '--data-dir', dataDir]).status).toBe(0);
  const file = writeJson(dir, 'a.json', makeActivities(120));
  expect(cli(['activities', 'import', file, '--data-dir', dataDir]).status).toBe(0);
  return { dir, dataDir };
}

describe('global options before or after the command', () => {
  let dir: string;
  let dataDir: string;
  beforeAll(() => {
    ({ dir, dataDir } = dataDirWithActivities());
  });

  it('lists the same activities with --data-dir before, after, or as --data-dir=D', () => {
    const after = cli(['activities', 'list', '--json', '--data-dir', dataDir]);
    expect(after.stderr).toBe('');
    expect(after.status).toBe(0);
    expect(JSON.parse(after.stdout)).toHaveLength(120);
    const before = cli(['--data-dir', dataDir, 'activities', 'list', '--json']);
    expect(before.stderr).toBe('');
    expect(before.status).toBe(0);
    expect(before.stdout).toBe(after.stdout);
    const joined = cli([`--data-dir=${dataDir}`, 'activities', 'list', '--json']);
    expect(joined.status).toBe(0);
    expect(joined.stdout).toBe(after.stdout);
  });

  it('runs the report with --lang and --data-dir before the command', () => {
    const before = cli([
      '--lang',
      'en',
      '--data-dir',
      dataDir,
      'report',
      '--period',
      '2023-Q3',
      '--json',
    ]);
    expect(before.stderr).toBe('');
    expect(before.status).toBe(0);
    const after = cli(['report', '--period', '2023-Q3', '--json', '--data-dir', dataDir]);
    expect(before.stdout).toBe(after.stdout);
  });

  it('speaks English with --lang en before the command', () => {
    const file = writeJson(dir, 'bad.json', [{ ...makeActivities(1)[0], audience: -1 }]);
    const r = cli(['--lang=en', '--data-dir', dataDir, 'activities', 'import', file]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      `File ${file}, record 0 (id "act-0"): Field "audience" must not be negative.`,
    );
  });

  it('keeps the usage and exit codes: help 0, no command or a missing value 2', () => {
    const help = cli(['--data-dir', dataDir, '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Cách dùng:');
    expect(cli(['-h', 'activities', 'list']).status).toBe(0);
    const none = cli(['--data-dir', dataDir]);
    expect(none.status).toBe(2);
    expect(none.stdout).toContain('Cách dùng:');
    expect(cli(['activities', 'list', '--data-dir']).status).toBe(2);
    expect(cli(['--data-dir', dataDir, 'frobnicate']).status).toBe(2);
  });
});

describe('writes on a damaged data file', () => {
  let dir: string;
  let dataDir: string;
  let dbFile: string;
  let problem: RegExp;

  const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  const count = () => {
    const r = cli(['activities', 'list', '--json', '--data-dir', dataDir]);
    expect(r.status).toBe(0);
    return (JSON.parse(r.stdout) as unknown[]).length;
  };

  beforeEach(() => {
    ({ dir, dataDir } = dataDirWithActivities());
    dbFile = path.join(dataDir, DB_FILE);
    // As in db.test.ts: checkpoint the WAL into the main file, then damage the b-tree page of
    // `audit_log` (leaf table 0x0D → leaf index 0x0A), which quick_check reports.
    const raw = new BetterSqlite3(dbFile);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    const page = (
      raw.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'audit_log'").get() as {
        rootpage: number;
      }
    ).rootpage;
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    const fd = fs.openSync(dbFile, 'r+');
    fs.writeSync(fd, Buffer.from([0x0a]), 0, 1, (page - 1) * pageSize);
    fs.closeSync(fd);
    problem = new RegExp(`^Tệp dữ liệu ${dbFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} bị hỏng`);
  });

  it('refuses activities import: exit 1, the damage named, not one byte written', () => {
    expect(count()).toBe(120);
    const before = sha256(dbFile);
    const records = makeActivities(130).slice(120);
    const file = writeJson(dir, 'more.json', records);
    const r = cli(['activities', 'import', file, '--data-dir', dataDir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toMatch(problem);
    // The whole of the problem text (it quotes quick_check's report) and nothing after it.
    expect(r.stderr.trim()).toMatch(/liên hệ người hỗ trợ kỹ thuật\.$/);
    expect(sha256(dbFile)).toBe(before);
    expect(count()).toBe(120);

    const en = cli(['--lang', 'en', 'activities', 'import', file, '--data-dir', dataDir]);
    expect(en.status).toBe(1);
    expect(en.stderr.trim()).toBe('The data file is damaged; the app is read-only.');
    expect(sha256(dbFile)).toBe(before);
  });

  it('refuses export: exit 1 and no package in the folder', () => {
    const out = path.join(dir, 'out');
    const r = cli(['export', '--period', '2023-Q3', '--out', out, '--data-dir', dataDir], PASS);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toMatch(problem);
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
  });

  it('refuses setup: exit 1 and the profile unchanged', () => {
    const before = sha256(dbFile);
    const changed = JSON.parse(fs.readFileSync(PROFILE, 'utf8')) as { office: { name: string } };
    changed.office.name = 'Phòng Văn hóa, Khoa học và Thông tin';
    const file = writeJson(dir, 'p.json', changed);
    const r = cli(['setup', '--profile', file, '--data-dir', dataDir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toMatch(problem);
    expect(sha256(dbFile)).toBe(before);
  });

  it('refuses inbox import before reading any package', () => {
    const before = sha256(dbFile);
    const file = path.join(dir, 'x.ttpkg');
    fs.writeFileSync(file, 'not a package');
    const r = cli(['inbox', 'import', file, '--data-dir', dataDir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toMatch(problem);
    expect(sha256(dbFile)).toBe(before);
  });

  it('still reads: activities list and report --json work', () => {
    expect(count()).toBe(120);
    const r = cli(['report', '--period', '2023-Q3', '--json', '--data-dir', dataDir]);
    expect(r.status).toBe(0);
  });
});
