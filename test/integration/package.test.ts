// The signed package (issue 4): exported by the real CLI, checked by OpenSSL on the extracted
// files, tampered entry by entry, and the period lock around repeated exports.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { createCore, DB_FILE } from '../../electron/core';
import {
  readZip,
  writeZip,
  ZIP_LIMITS,
  ZipRefused,
  type PackageData,
} from '../../electron/core/package';
import { fingerprintOf, generateOfficeKey, signDetached } from '../../electron/core/signing';
import type { Input } from '../../shared/contract';
import {
  packageEntries,
  packageFileName,
  type ExportResult,
  type Manifest,
} from '../../shared/package';
import profile from '../fixtures/profile.json';
import { cli, PROFILE, ROOT, tempDir } from './helpers';

const PASS = { TUYENTRUYEN_PASSPHRASE: 'mật khẩu đúng 123' };
const QUARTER = path.join(ROOT, 'test/fixtures/quarter-2023-q3.json');

function openssl(args: string[], cwd: string): { status: number; out: string } {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

/** Extracts the package with jszip and runs the command of INTERCHANGE.md on the files. */
async function opensslVerifies(pkg: Buffer): Promise<number> {
  const dir = tempDir('tt-pkg-x-');
  const zip = await JSZip.loadAsync(pkg);
  for (const name of Object.keys(zip.files)) {
    fs.writeFileSync(path.join(dir, name), await zip.file(name)!.async('nodebuffer'));
  }
  return openssl(
    [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      'manifest.json.p7s',
      '-content',
      'manifest.json',
      '-noverify',
      '-out',
      'out.bin',
    ],
    dir,
  ).status;
}

/** Rebuilds the ZIP with `change` applied to the named entries (the same order, fresh CRCs). */
async function rebuilt(
  pkg: Buffer,
  change: (name: string, bytes: Buffer) => Buffer,
  extra: Record<string, Buffer> = {},
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(pkg);
  const out = new JSZip();
  for (const name of Object.keys(zip.files)) {
    out.file(name, change(name, await zip.file(name)!.async('nodebuffer')));
  }
  for (const [name, bytes] of Object.entries(extra)) out.file(name, bytes);
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function verifyCli(file: string, lang?: 'en') {
  return cli(['verify', file, ...(lang ? ['--lang', lang] : [])]);
}

let dataDir: string;
let pkgPath: string;
let pkg: Buffer;

beforeAll(() => {
  dataDir = tempDir('tt-pkg-');
  const d = ['--data-dir', dataDir];
  expect(cli(['setup', '--profile', PROFILE, ...d]).status).toBe(0);
  expect(cli(['activities', 'import', QUARTER, ...d]).status).toBe(0);
  const r = cli(['export', '--period', '2023-Q3', '--out', path.join(dataDir, 'out'), ...d], PASS);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  pkgPath = r.stdout.trim();
  pkg = fs.readFileSync(pkgPath);
});

describe('an exported package', () => {
  it('is named by office, period and sequence, verifies, and passes OpenSSL on its extracted files', async () => {
    expect(path.basename(pkgPath)).toBe('LS-CAOLOC-VHTT_2023-Q3_0001.ttpkg');
    expect(packageFileName('X', '2023-07-01..2023-09-30', 12)).toBe(
      'X_2023-07-01_2023-09-30_0012.ttpkg',
    );
    const zip = await JSZip.loadAsync(pkg);
    expect(Object.keys(zip.files)).toEqual(packageEntries(['trafficking']));
    expect(await opensslVerifies(pkg)).toBe(0);
    const r = verifyCli(pkgPath);
    expect(r.stdout).toBe(`OK ${pkgPath} LS-CAOLOC-VHTT 2023-Q3 1\n`);
    expect(r.status).toBe(0);

    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
    const data = JSON.parse(await zip.file('data.json')!.async('string')) as PackageData;
    expect(manifest.counts).toEqual({
      activities: data.activities.length,
      communes: 5,
      directives: 0,
      photos: 0,
    });
    expect(data.activities.length).toBeGreaterThan(0);
    // The trafficking report counts the activities tagged with it; the data holds them all.
    expect(data.reports.map((r) => [r.subject, r.file])).toEqual([
      ['trafficking', 'report-trafficking.docx'],
    ]);
    const trafficking = data.activities.filter((a) => a.themes.includes('trafficking'));
    expect(data.reports[0]!.figures.activities).toBe(trafficking.length);
    expect(data.period).toEqual(manifest.period);
    // The activities travel in the import format: `activities list --json` of the period.
    const listed = cli([
      'activities',
      'list',
      '--period',
      '2023-Q3',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    const activities = JSON.parse(listed.stdout) as { id: string }[];
    expect([...(data.activities as { id: string }[])].sort(byId)).toEqual(activities.sort(byId));
  });

  it.each(packageEntries(['trafficking']))(
    'fails when one byte of %s changes, naming the file',
    async (name) => {
      const changed = await rebuilt(pkg, (n, bytes) => {
        if (n !== name) return bytes;
        const copy = Buffer.from(bytes);
        const i = Math.floor(copy.length / 2);
        copy[i] = copy[i]! ^ 0x01;
        return copy;
      });
      const file = path.join(tempDir('tt-pkg-t-'), 'changed.ttpkg');
      fs.writeFileSync(file, changed);
      const r = verifyCli(file);
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(
        new RegExp(`^FAIL ${file.replace(/[.]/g, '\\.')}: Tệp ${name.replace(/[.]/g, '\\.')} `),
      );
      expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
      // OpenSSL covers the manifest's bytes; the manifest's hashes cover the rest.
      if (name === 'manifest.json') expect(await opensslVerifies(changed)).not.toBe(0);
      if (name === 'data.json' || name === 'report-trafficking.docx')
        expect(await opensslVerifies(changed)).toBe(0);
    },
  );

  it('fails with an entry the manifest does not list, in English with --lang en', async () => {
    const file = path.join(tempDir('tt-pkg-t-'), 'extra.ttpkg');
    fs.writeFileSync(file, await rebuilt(pkg, (_n, b) => b, { 'extra.txt': Buffer.from('x') }));
    const r = verifyCli(file, 'en');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      `FAIL ${file}: The package holds extra.txt, which manifest.json does not list.\n`,
    );
  });

  it('fails when the manifest is signed by another key', async () => {
    const other = generateOfficeKey({ code: 'KHAC', name: 'Đơn vị khác' });
    const zip = await JSZip.loadAsync(pkg);
    const manifest = await zip.file('manifest.json')!.async('nodebuffer');
    zip.file('manifest.json.p7s', signDetached(manifest, other));
    const file = path.join(tempDir('tt-pkg-t-'), 'other.ttpkg');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const r = verifyCli(file);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(fingerprintOf(other.certificateDer));
    expect(r.stdout).toContain(': Tệp manifest.json.p7s được ký bằng chứng thư ');
  });

  it('reports every file given, one line each, and exits 1 when any failed', () => {
    const junk = path.join(tempDir('tt-pkg-t-'), 'junk.ttpkg');
    fs.writeFileSync(junk, 'not a zip');
    const r = cli(['verify', pkgPath, junk]);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      `OK ${pkgPath} LS-CAOLOC-VHTT 2023-Q3 1`,
      `FAIL ${junk}: Tệp junk.ttpkg không phải tệp ZIP nên không phải gói báo cáo.`,
    ]);
    expect(cli(['verify']).status).toBe(2);
  });
});

describe('the office key on the command line', () => {
  it('key show prints the fingerprint OpenSSL computes from key cert', () => {
    const shown = cli(['key', 'show', '--data-dir', dataDir]); // no passphrase needed to read
    expect(shown.status).toBe(0);
    const fp = /Vân tay SHA-256: ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})/.exec(shown.stdout)?.[1];
    expect(shown.stdout).toContain('serialNumber=LS-CAOLOC-VHTT');
    const out = tempDir('tt-pkg-c-');
    expect(
      cli(['key', 'cert', '--out', path.join(out, 'cert.pem'), '--data-dir', dataDir]).status,
    ).toBe(0);
    const r = openssl(['x509', '-in', 'cert.pem', '-noout', '-fingerprint', '-sha256'], out);
    expect(r.status).toBe(0);
    expect(r.out.trim()).toMatch(new RegExp(`^sha256 Fingerprint=${fp}$`, 'i'));
  });

  it('key show creates the key when there is none, and asks for the passphrase to do so', () => {
    const dir = tempDir('tt-pkg-k-');
    expect(cli(['setup', '--profile', PROFILE, '--data-dir', dir]).status).toBe(0);
    const none = cli(['key', 'show', '--data-dir', dir], { TUYENTRUYEN_PASSPHRASE: '' });
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('TUYENTRUYEN_PASSPHRASE');
    expect(fs.existsSync(path.join(dir, 'keys', 'signing-key.json'))).toBe(false);
    const made = cli(['key', 'show', '--data-dir', dir, '--lang', 'en'], PASS);
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/SHA-256 fingerprint: ([0-9A-F]{2}:){31}[0-9A-F]{2}/);
  });
});

describe('the period lock around exports', () => {
  const van: Input<'activities:create'> = {
    id: 'v1',
    channel: 'van',
    date: '2023-07-28',
    communes: ['CL-HT'],
    themes: ['trafficking'],
    title: 'Tuyên truyền lưu động',
    audience: 100,
    measures: { sessions: 1, km: 10, minutes: 60 },
  };

  it('refuses edits after export; unlock, edit and export again gives sequence + 1 superseding the first', async () => {
    const dir = tempDir('tt-pkg-l-');
    const core = createCore({
      dataDir: dir,
      mode: 'browser',
      passphrase: PASS.TUYENTRUYEN_PASSPHRASE,
    });
    try {
      await core.call('profile:save', JSON.parse(JSON.stringify(profile)));
      expect((await core.call('activities:create', van)).ok).toBe(true);
      const first = await core.call('package:export', { period: '2023-Q3' });
      if (!first.ok) throw new Error(first.error.message);
      const one = first.value as ExportResult;
      expect(one).toMatchObject({ sequence: 1, supersedes: null, reused: false });
      expect(path.dirname(one.path)).toBe(path.join(dir, 'packages'));

      const edit = await core.call('activities:update', {
        id: 'v1',
        activity: { ...van, audience: 200 },
      });
      expect(edit.ok).toBe(false);
      expect(!edit.ok && edit.error.code).toBe('locked');
      expect(!edit.ok && edit.error.message).toContain('Mở khóa để sửa');

      // Exporting a locked, exported period again gives the same package.
      const again = await core.call('package:export', { period: '2023-Q3' });
      expect(again.ok && again.value).toMatchObject({
        sequence: 1,
        sha256: one.sha256,
        reused: true,
      });

      expect(
        (
          await core.call('periods:unlock', {
            period: '2023-Q3',
            reason: 'Bổ sung người nghe bị sót',
          })
        ).ok,
      ).toBe(true);
      expect(
        (await core.call('activities:update', { id: 'v1', activity: { ...van, audience: 200 } }))
          .ok,
      ).toBe(true);
      const second = await core.call('package:export', { period: '2023-Q3' });
      if (!second.ok) throw new Error(second.error.message);
      const two = second.value as ExportResult;
      expect(two).toMatchObject({ sequence: 2, supersedes: one.sha256, reused: false });
      expect(two.fileName).toBe('LS-CAOLOC-VHTT_2023-Q3_0002.ttpkg');

      const checked = await core.call('package:verify', { path: two.path });
      expect(checked.ok && checked.value).toMatchObject({
        ok: true,
        sha256: two.sha256,
        manifest: { sequence: 2, supersedes: one.sha256, counts: { activities: 1 } },
      });
      const list = await core.call('package:list', {});
      expect(list.ok && (list.value as { sequence: number }[]).map((p) => p.sequence)).toEqual([
        2, 1,
      ]);
      const locks = await core.call('periods:locks', {});
      expect(locks.ok && locks.value).toEqual([
        expect.objectContaining({ key: '2023-Q3', packageSha256: two.sha256, unlockedAt: null }),
      ]);
      const info = await core.call('key:info', {});
      expect(info.ok && info.value).toMatchObject({ exists: true, sealedWith: 'passphrase' });
    } finally {
      core.close();
    }
    const raw = new BetterSqlite3(path.join(dir, DB_FILE), { readonly: true });
    const audit = raw
      .prepare(
        "SELECT entity, action FROM audit_log WHERE entity IN ('package', 'period') ORDER BY id",
      )
      .all();
    raw.close();
    expect(audit).toEqual([
      { entity: 'period', action: 'lock' },
      { entity: 'package', action: 'export' },
      { entity: 'period', action: 'unlock' },
      { entity: 'period', action: 'lock' },
      { entity: 'package', action: 'export' },
    ]);
  });

  it('a wrong TUYENTRUYEN_PASSPHRASE on the next export is a clear error and writes nothing', () => {
    const core = createCore({ dataDir, mode: 'cli' });
    core.locks.unlock('2023-Q3', 'Đính chính số liệu');
    core.close();
    const out = path.join(dataDir, 'out-wrong');
    const r = cli(['export', '--period', '2023-Q3', '--out', out, '--data-dir', dataDir], {
      TUYENTRUYEN_PASSPHRASE: 'mật khẩu sai',
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      'Mật khẩu không đúng: không mở được khóa ký. Hãy nhập lại mật khẩu (phân biệt chữ hoa, chữ thường).',
    );
    expect(r.stdout).toBe('');
    expect(fs.existsSync(out)).toBe(false);
    const raw = new BetterSqlite3(path.join(dataDir, DB_FILE), { readonly: true });
    expect(raw.prepare('SELECT COUNT(*) AS n FROM packages').get()).toEqual({ n: 1 });
    raw.close();
  });
});

describe('reading a package ZIP, nothing extracted', () => {
  /** A ZIP whose entry names are swapped in after yazl wrote it (yazl refuses bad names). */
  async function crafted(
    entries: { name: string; bytes?: Buffer; mode?: number }[],
  ): Promise<Buffer> {
    const placeholders = entries.map((e, i) =>
      `${String.fromCharCode(65 + i)}`.repeat(e.name.length),
    );
    let zip = await writeZip(
      entries.map((e, i) => ({
        name: placeholders[i]!,
        bytes: e.bytes ?? Buffer.from('x'),
        compress: false,
      })),
    );
    if (entries.some((e) => e.mode !== undefined)) {
      const z = new yazl.ZipFile();
      entries.forEach((e, i) =>
        z.addBuffer(e.bytes ?? Buffer.from('x'), placeholders[i]!, e.mode ? { mode: e.mode } : {}),
      );
      z.end();
      const chunks: Buffer[] = [];
      for await (const c of z.outputStream) chunks.push(c as Buffer);
      zip = Buffer.concat(chunks);
    }
    let text = zip.toString('latin1');
    entries.forEach((e, i) => {
      text = text.split(placeholders[i]!).join(Buffer.from(e.name).toString('latin1'));
    });
    return Buffer.from(text, 'latin1');
  }

  async function refusal(zip: Buffer): Promise<string> {
    try {
      await readZip(zip);
    } catch (err) {
      expect(err).toBeInstanceOf(ZipRefused);
      return (err as ZipRefused).msg.vi;
    }
    throw new Error('expected a refusal');
  }

  it.each([['../evil.txt'], ['/etc/passwd'], ['C:evil.txt'], ['a\\b.txt'], ['a/./b']])(
    'refuses the entry name %s',
    async (name) => {
      expect(await refusal(await crafted([{ name }]))).toContain('mang tên không hợp lệ');
    },
  );

  it('refuses duplicate names, symbolic links, too many entries and a zip bomb', async () => {
    expect(await refusal(await crafted([{ name: 'data.json' }, { name: 'data.json' }]))).toBe(
      'Gói có hai tệp cùng tên data.json.',
    );
    expect(await refusal(await crafted([{ name: 'link', mode: 0o120777 }]))).toContain(
      'liên kết tượng trưng',
    );
    const many = await writeZip(
      Array.from({ length: ZIP_LIMITS.entries + 1 }, (_, i) => ({
        name: `f${i}`,
        bytes: Buffer.from('x'),
        compress: false,
      })),
    );
    expect(await refusal(many)).toContain('tệp, nhiều hơn mức cho phép (2.016).');
    const bomb = await writeZip([
      { name: 'data.json', bytes: Buffer.alloc(64 * 1024 * 1024), compress: true },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refusal(bomb)).toContain('nén bất thường');
    // The entries of a real package read back in order, with their hashes.
    expect((await readZip(pkg)).map((e) => e.name)).toEqual(packageEntries(['trafficking']));
  });
});
