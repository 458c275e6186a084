// An export killed between its steps, as by a power cut: the built CLI is run with
// TUYENTRUYEN_FAILPOINT so it dies (SIGKILL) at that point. The next start tidies what was
// left, and the next export takes a sequence number never used before, never overwriting a
// package a crash left complete on disk.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore, DB_FILE } from '../../electron/core';
import { cli, PROFILE, ROOT, tempDir } from './helpers';

const PASS = { TUYENTRUYEN_PASSPHRASE: 'mật khẩu đúng 123' };
const QUARTER = path.join(ROOT, 'test/fixtures/quarter-2023-q3.json');
const FIRST = 'LS-CAOLOC-VHTT_2023-Q3_0001.ttpkg';
const SECOND = 'LS-CAOLOC-VHTT_2023-Q3_0002.ttpkg';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const temporaries = (dir: string) => fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));

/** The CLI with the signal that ended it, which helpers.cli does not report. */
function crashingExport(dataDir: string, out: string, point: string) {
  // Built by the integration project's global setup, like every other CLI test.
  return spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'bin/tuyentruyen.cjs'),
      'export',
      '--period',
      '2023-Q3',
      '--out',
      out,
      '--data-dir',
      dataDir,
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...PASS, TUYENTRUYEN_FAILPOINT: point },
    },
  );
}

function rows(dataDir: string) {
  const raw = new BetterSqlite3(path.join(dataDir, DB_FILE), { readonly: true });
  try {
    return {
      packages: raw.prepare('SELECT sequence, file_name FROM packages ORDER BY sequence').all(),
      attempts: raw.prepare('SELECT sequence, state FROM export_attempts ORDER BY sequence').all(),
    };
  } finally {
    raw.close();
  }
}

describe.each([['export:before-write'], ['durable:before-rename'], ['export:after-rename']])(
  'an export killed at %s',
  (point) => {
    it('is tidied at the next start; the next export takes sequence 2 and verifies', () => {
      const dir = tempDir('tt-crash-');
      const dataDir = path.join(dir, 'data');
      const out = path.join(dir, 'out');
      const d = ['--data-dir', dataDir];
      expect(cli(['setup', '--profile', PROFILE, ...d]).status).toBe(0);
      expect(cli(['activities', 'import', QUARTER, ...d]).status).toBe(0);
      // The key first, so the only durable write of the crashing run is the package's.
      expect(cli(['key', 'show', ...d], PASS).status).toBe(0);

      const crashed = crashingExport(dataDir, out, point);
      expect(crashed.signal).toBe('SIGKILL');
      expect(crashed.status).toBeNull();
      expect(crashed.stdout).toBe('');
      // The number was reserved before the kill; nothing was recorded as exported.
      expect(rows(dataDir)).toEqual({
        packages: [],
        attempts: [{ sequence: 1, state: 'running' }],
      });
      // What the kill left in the folder, so the checks below are about a real leftover.
      const left = fs.readdirSync(out);
      let firstHash: string | null = null;
      if (point === 'export:before-write') expect(left).toEqual([]);
      if (point === 'durable:before-rename') {
        expect(left).toHaveLength(1);
        expect(left[0]).toMatch(new RegExp(`^\\.${FIRST.replace(/[.]/g, '\\.')}\\..*\\.tmp$`));
      }
      if (point === 'export:after-rename') {
        expect(left).toEqual([FIRST]);
        firstHash = sha256(path.join(out, FIRST));
      }

      // Any next start tidies: the temporary file goes, the number stays spent.
      expect(cli(['activities', 'list', '--json', ...d]).status).toBe(0);
      expect(temporaries(out)).toEqual([]);
      expect(rows(dataDir).attempts).toEqual([{ sequence: 1, state: 'abandoned' }]);
      // A package the crash left complete is set aside, so it cannot be sent as a report.
      if (firstHash !== null) {
        expect(fs.readdirSync(out)).toEqual([`${FIRST}.abandoned`]);
        expect(sha256(path.join(out, `${FIRST}.abandoned`))).toBe(firstHash);
      }

      const again = cli(['export', '--period', '2023-Q3', '--out', out, ...d], PASS);
      expect(again.stderr).toBe('');
      expect(again.status).toBe(0);
      expect(again.stdout.trim()).toBe(path.join(out, SECOND));
      expect(temporaries(out)).toEqual([]);
      if (firstHash !== null) {
        // The package the crash left complete had number 1: never overwritten, and never
        // given the number of the one exported now.
        expect(sha256(path.join(out, `${FIRST}.abandoned`))).toBe(firstHash);
        expect(fs.existsSync(path.join(out, FIRST))).toBe(false);
        expect(sha256(path.join(out, SECOND))).not.toBe(firstHash);
      }
      const verified = cli(['verify', path.join(out, SECOND)]);
      expect(verified.stdout).toBe(`OK ${path.join(out, SECOND)} LS-CAOLOC-VHTT 2023-Q3 2\n`);
      expect(verified.status).toBe(0);
      expect(rows(dataDir)).toEqual({
        packages: [{ sequence: 2, file_name: SECOND }],
        attempts: [
          { sequence: 1, state: 'abandoned' },
          { sequence: 2, state: 'done' },
        ],
      });
    });
  },
);

describe('two exports of one period at once (the app and the CLI on one data folder)', () => {
  it('record one package; the other is discarded or given the same package back', async () => {
    const dataDir = tempDir('tt-race-');
    expect(cli(['setup', '--profile', PROFILE, '--data-dir', dataDir]).status).toBe(0);
    expect(cli(['activities', 'import', QUARTER, '--data-dir', dataDir]).status).toBe(0);
    const open = () =>
      createCore({ dataDir, mode: 'cli', passphrase: PASS.TUYENTRUYEN_PASSPHRASE });
    const [a, b] = [open(), open()];
    try {
      await a.packages.certificate(); // one key for both
      const out = tempDir('tt-race-out-');
      const results = await Promise.allSettled([
        a.packages.export('2023-Q3', { outDir: out }),
        b.packages.export('2023-Q3', { outDir: out }),
      ]);
      const recorded = a.packages.list();
      expect(recorded).toHaveLength(1);
      for (const r of results) {
        if (r.status === 'fulfilled') expect(r.value.sha256).toBe(recorded[0]!.sha256);
        else expect(String(r.reason)).toMatch(/vừa được xuất ở nơi khác/);
      }
      // Only the recorded package is left in the folder, complete.
      expect(fs.readdirSync(out)).toEqual([recorded[0]!.fileName]);
      expect(sha256(path.join(out, recorded[0]!.fileName))).toBe(recorded[0]!.sha256);
    } finally {
      a.close();
      b.close();
    }
  });
});

describe('starting the CLI while the app exports', () => {
  it('leaves a live process’s export alone, and tidies it once that process is gone', async () => {
    const dataDir = tempDir('tt-live-');
    const out = tempDir('tt-live-out-');
    expect(cli(['setup', '--profile', PROFILE, '--data-dir', dataDir]).status).toBe(0);
    // Another process in the middle of writing package 1.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      const file = path.join(out, FIRST);
      const tmp = path.join(out, `.${FIRST}.${other.pid}.abcd1234.tmp`);
      fs.writeFileSync(tmp, 'half a package');
      const raw = new BetterSqlite3(path.join(dataDir, DB_FILE));
      raw
        .prepare(
          `INSERT INTO export_attempts (sequence, period_key, path, pid, started_at, state)
           VALUES (1, '2023-Q3', ?, ?, '2026-12-01T00:00:00.000Z', 'running')`,
        )
        .run(file, other.pid);
      raw.close();

      expect(cli(['activities', 'list', '--data-dir', dataDir]).status).toBe(0);
      expect(fs.existsSync(tmp)).toBe(true);
      expect(rows(dataDir).attempts).toEqual([{ sequence: 1, state: 'running' }]);

      const gone = once(other, 'exit');
      other.kill('SIGKILL');
      await gone; // reaped: no longer a process of this machine
      expect(cli(['activities', 'list', '--data-dir', dataDir]).status).toBe(0);
      expect(fs.existsSync(tmp)).toBe(false);
      expect(rows(dataDir).attempts).toEqual([{ sequence: 1, state: 'abandoned' }]);
    } finally {
      other.kill('SIGKILL');
    }
  });
});
