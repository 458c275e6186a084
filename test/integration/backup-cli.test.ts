// The backup commands of INTERCHANGE.md through the built CLI: `backup [--out DIR]`,
// `backup list [--json]`, `restore FILE --yes`, `transfer --out FILE`; and a second
// browser-mode server on the same data folder refused, pointing to the first.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupEntry } from '../../shared/backup';
import { cli, PROFILE, ROOT, tempDir } from './helpers';

const QUARTER = path.join(ROOT, 'test/fixtures/quarter-2023-q3.json');
const PASS = { TUYENTRUYEN_PASSPHRASE: 'mật khẩu đúng 123' };

function office(): string {
  const dataDir = tempDir('tt-cli-backup-');
  expect(cli(['setup', '--profile', PROFILE, '--data-dir', dataDir]).status).toBe(0);
  expect(cli(['activities', 'import', QUARTER, '--data-dir', dataDir]).status).toBe(0);
  return dataDir;
}

const listed = (dataDir: string): BackupEntry[] =>
  JSON.parse(cli(['backup', 'list', '--json', '--data-dir', dataDir]).stdout) as BackupEntry[];

describe('tuyentruyen backup, restore and transfer', () => {
  it('makes a verified backup, copies it, lists it, and restores it only with --yes', () => {
    const dataDir = office();
    expect(cli(['backup', 'list', '--data-dir', dataDir]).stdout).toContain(
      'Chưa có bản sao lưu nào.',
    );
    const usb = tempDir('tt-usb-');
    const made = cli(['--data-dir', dataDir, 'backup', '--out', usb]);
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/Đã sao lưu và kiểm tra toàn vẹn \(ok\): .*\(11 hoạt động\)/);
    const [entry] = listed(dataDir);
    expect(entry).toMatchObject({ kind: 'manual', counts: { activities: 11 } });
    expect(fs.readFileSync(path.join(usb, entry!.id)).equals(fs.readFileSync(entry!.path))).toBe(
      true,
    );
    expect(cli(['backup', 'list', '--data-dir', dataDir]).stdout).toContain('Sao lưu ngay');

    const more = path.join(tempDir('tt-more-'), 'more.json');
    fs.writeFileSync(
      more,
      JSON.stringify([
        {
          id: 'sau-sao-luu',
          channel: 'meeting',
          date: '2023-08-01',
          communes: ['CL-HT'],
          themes: ['trafficking'],
          title: 'Họp dân thôn Nà Lệnh',
          audience: 60,
          measures: { sessions: 1 },
        },
      ]),
    );
    expect(cli(['activities', 'import', more, '--data-dir', dataDir]).status).toBe(0);

    const asked = cli(['restore', entry!.path, '--data-dir', dataDir]);
    expect(asked.status).toBe(2);
    expect(asked.stdout).toMatch(/mất hoặc đưa về bản cũ 1 hoạt động/);
    expect(asked.stderr).toContain('thêm --yes');
    let list = cli(['activities', 'list', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(list.stdout)).toHaveLength(12);

    const done = cli(['restore', entry!.path, '--yes', '--data-dir', dataDir]);
    expect(done.status).toBe(0);
    expect(done.stdout).toMatch(
      /Đã khôi phục từ .*: 11 hoạt động\. Dữ liệu cũ đã được sao lưu vào/,
    );
    list = cli(['activities', 'list', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(list.stdout)).toHaveLength(11);
    expect(listed(dataDir).map((b) => b.kind)).toEqual(['restore', 'manual']);

    const bad = cli(['restore', PROFILE, '--yes', '--data-dir', dataDir]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/không phải bản sao lưu/);
  });

  it('takes back from an exported package what an older backup lacks', () => {
    const dataDir = tempDir('tt-cli-pkg-');
    expect(cli(['setup', '--profile', PROFILE, '--data-dir', dataDir]).status).toBe(0);
    expect(cli(['backup', '--data-dir', dataDir]).status).toBe(0);
    const [early] = listed(dataDir);
    expect(cli(['activities', 'import', QUARTER, '--data-dir', dataDir]).status).toBe(0);
    const out = tempDir('tt-usb-');
    const exported = cli(
      ['export', '--period', '2023-Q3', '--out', out, '--data-dir', dataDir],
      PASS,
    );
    expect(exported.status).toBe(0);
    const pkg = exported.stdout.trim();
    expect(cli(['restore', early!.path, '--yes', '--data-dir', dataDir]).status).toBe(0);

    const asked = cli(['restore', pkg, '--data-dir', dataDir]);
    expect(asked.status).toBe(2);
    expect(asked.stdout).toContain(
      'gói số 1 của LS-CAOLOC-VHTT, quý III năm 2023: 9 hoạt động, 9 hoạt động chưa có',
    );
    const done = cli(['restore', pkg, '--yes', '--data-dir', dataDir]);
    expect(done.status).toBe(0);
    expect(done.stdout).toContain('Đã lấy lại 9 hoạt động');
    expect(done.stdout).toContain('khóa kỳ được ghi nhận lại');
    const list = cli([
      'activities',
      'list',
      '--period',
      '2023-Q3',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(JSON.parse(list.stdout)).toHaveLength(9);
    // Locked again with the same package: exporting gives package 1 back, not a new number.
    const again = cli(
      ['export', '--period', '2023-Q3', '--out', tempDir(), '--data-dir', dataDir],
      PASS,
    );
    expect(again.stdout.trim()).toMatch(/_0001\.ttpkg$/);
  });

  it('says so on an emptied data file, and restores it from the backup list', () => {
    const dataDir = office();
    expect(cli(['backup', '--data-dir', dataDir]).status).toBe(0);
    fs.writeFileSync(path.join(dataDir, 'tuyentruyen.sqlite'), '');
    for (const command of [
      ['activities', 'list'],
      ['report', '--period', '2023-Q3', '--json'],
      ['key', 'show'],
    ]) {
      const r = cli([...command, '--data-dir', dataDir]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('trống rỗng, nhưng máy có bản sao lưu');
    }
    const [entry] = listed(dataDir);
    expect(cli(['restore', entry!.path, '--yes', '--data-dir', dataDir]).status).toBe(0);
    const list = cli(['activities', 'list', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(list.stdout)).toHaveLength(11);
  });

  it('moves the office to a fresh data folder with the same key', () => {
    const dataDir = office();
    expect(
      cli(['export', '--period', '2023-Q3', '--out', tempDir(), '--data-dir', dataDir], PASS)
        .status,
    ).toBe(0);
    const key = cli(['key', 'show', '--data-dir', dataDir]).stdout;
    const fingerprint = /([0-9A-F]{2}(:[0-9A-F]{2}){31})/.exec(key)![1]!;
    const file = path.join(tempDir('tt-usb-'), 'chuyen-may.ttmove');
    const moved = cli(['transfer', '--out', file, '--retire', '--data-dir', dataDir], PASS);
    expect(moved.status).toBe(0);
    expect(moved.stdout.trim()).toBe(file);
    expect(moved.stderr).toContain(`khóa ký ${fingerprint}`);
    expect(moved.stderr).toContain('ngưng dùng');

    const fresh = tempDir('tt-fresh-');
    const noPass = cli(['restore', file, '--yes', '--data-dir', fresh]);
    expect(noPass.status).toBe(1);
    expect(noPass.stderr).toContain('TUYENTRUYEN_PASSPHRASE');
    const restored = cli(['restore', file, '--yes', '--data-dir', fresh], PASS);
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain(`Khóa ký ${fingerprint}`);
    expect(cli(['key', 'show', '--data-dir', fresh]).stdout).toContain(fingerprint);
    const list = cli(['activities', 'list', '--json', '--data-dir', fresh]);
    expect(JSON.parse(list.stdout)).toHaveLength(11);
    // The old computer's key is retired: it exports nothing more.
    const old = cli(
      ['export', '--period', '2023-Q2', '--allow-empty', '--out', tempDir(), '--data-dir', dataDir],
      PASS,
    );
    expect(old.status).toBe(1);
    expect(old.stderr).toMatch(/ngưng dùng/);
  });

  it('starts no second browser-mode server on the same folder and points to the first', async () => {
    const dataDir = office();
    const first = spawn(
      process.execPath,
      [path.join(ROOT, 'bin/tuyentruyen.cjs'), 'serve', '--data-dir', dataDir],
      {
        cwd: ROOT,
      },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        first.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(out);
          if (m) resolve(m[0]);
        });
        first.once('exit', () => reject(new Error(`serve ended: ${out}`)));
      });
      const second = cli(['serve', '--data-dir', dataDir]);
      expect(second.status).toBe(0);
      expect(second.stdout).toContain('đã chạy ở');
      expect(second.stdout).toContain(url);
      // The command line reads beside the running app.
      expect(cli(['activities', 'list', '--data-dir', dataDir]).status).toBe(0);
    } finally {
      first.kill('SIGTERM');
      await new Promise((r) => first.once('exit', r));
    }
    // Once it has stopped, a server starts again on the folder.
    const again = spawn(
      process.execPath,
      [path.join(ROOT, 'bin/tuyentruyen.cjs'), 'serve', '--data-dir', dataDir],
      {
        cwd: ROOT,
      },
    );
    const started = await new Promise<boolean>((resolve) => {
      again.stdout.on('data', (c: Buffer) => {
        if (c.toString().includes('token=')) resolve(true);
      });
      again.once('exit', () => resolve(false));
    });
    again.kill('SIGKILL');
    expect(started).toBe(true);
  });
});
