// An export killed between its steps, as by a power cut: the built CLI is run with
// TUYENTRUYEN_FAILPOINT so it dies (SIGKILL) at that point. The next start tidies what was
// left, and the next export takes a sequence number never used before, never overwriting a
// package a crash left complete on disk.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DB_FILE } from '../../electron/core';
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

      const again = cli(['export', '--period', '2023-Q3', '--out', out, ...d], PASS);
      expect(again.stderr).toBe('');
      expect(again.status).toBe(0);
      expect(again.stdout.trim()).toBe(path.join(out, SECOND));
      expect(temporaries(out)).toEqual([]);
      if (firstHash !== null) {
        // The package the crash left complete is another package with number 1: never
        // overwritten, and never given the number of the one exported now.
        expect(sha256(path.join(out, FIRST))).toBe(firstHash);
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
