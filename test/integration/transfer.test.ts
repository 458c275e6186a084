// Moving to a new laptop and getting work back after a loss: a transfer file restored on a
// fresh installation gives the same office, key fingerprint, activities and packages; a
// package on the USB stick gives back the activities an old backup lacks, and its lock and
// number; a data upgrade is preceded by a backup; one engine per data folder.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupBeforeUpgrade, createCore, DB_FILE, type Core } from '../../electron/core';
import { closeDatabase, openDatabase } from '../../electron/core/db/open';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { readZip } from '../../electron/core/package';
import { osSealingUsable } from '../../electron/core/services/keyAccess';
import type { Output } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import profile from '../fixtures/profile.json';
import quarter from '../fixtures/quarter-2023-q3.json';
import { tempDir } from './helpers';

const PASS = 'mật khẩu đúng 123';
const MOVE = 'chuyển sang máy mới 2026';

const open: Core[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

function start(
  dataDir: string,
  passphrase = PASS,
  extra: Partial<Parameters<typeof createCore>[0]> = {},
) {
  const core = createCore({ dataDir, mode: 'cli', passphrase, ...extra });
  open.push(core);
  return core;
}

async function call<T>(core: Core, method: string, input: unknown = {}): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

async function refusal(core: Core, method: string, input: unknown) {
  const r = await core.call(method, input);
  expect(r.ok).toBe(false);
  return r.ok ? null : r.error;
}

const ids = (core: Core) =>
  core.activities
    .list({ deleted: false })
    .map((a) => a.id)
    .sort();

async function office(dir: string) {
  const core = start(dir);
  await call(core, 'profile:save', profile);
  return core;
}

describe('moving to another computer', () => {
  it('gives the new installation the same office, key, activities and packages', async () => {
    const oldDir = tempDir('tt-old-');
    const old = await office(oldDir);
    await call(old, 'activities:import', { fileName: 'q3.json', records: quarter });
    const pkg = await call<Output<'package:export'>>(old, 'package:export', { period: '2023-Q3' });
    const key = await call<Output<'key:info'>>(old, 'key:info');
    const out = path.join(tempDir('tt-usb-'), 'chuyen.ttmove');
    const moved = await call<Output<'backup:transfer'>>(old, 'backup:transfer', {
      outFile: out,
      passphrase: MOVE,
    });
    expect(moved).toMatchObject({ path: out, packages: 1, keyFingerprint: key.fingerprint });
    expect(moved.counts.activities).toBe(quarter.length);
    const names = (await readZip(fs.readFileSync(out))).map((e) => e.name);
    expect(names).toEqual([
      'transfer.json',
      'tuyentruyen.sqlite',
      'signing-key.ttkey',
      `packages/${pkg.fileName}`,
    ]);
    // The key travels sealed: the file holds no private key in the clear.
    expect(fs.readFileSync(out).includes(Buffer.from('PRIVATE KEY'))).toBe(false);

    const newDir = tempDir('tt-new-');
    const fresh = start(newDir, MOVE);
    const preview = await call<Output<'backup:preview'>>(fresh, 'backup:preview', { path: out });
    expect(preview).toMatchObject({
      needsPassphrase: true,
      current: { counts: { activities: 0 } },
    });
    expect(preview.source).toMatchObject({ kind: 'transfer', keyFingerprint: key.fingerprint });

    const none = await refusal(fresh, 'backup:restore', { path: out });
    expect(none?.field).toBe('passphrase');
    const wrong = await refusal(fresh, 'backup:restore', { path: out, passphrase: 'sai mật khẩu' });
    expect(wrong?.message).toBeTruthy();
    expect(fresh.info().hasProfile).toBe(false); // nothing changed
    expect(fs.existsSync(path.join(newDir, 'keys', 'signing-key.json'))).toBe(false);

    const done = await call<Output<'backup:restore'>>(fresh, 'backup:restore', {
      path: out,
      passphrase: MOVE,
    });
    expect(done.keyFingerprint).toBe(key.fingerprint);
    expect(ids(fresh)).toEqual(ids(old));
    expect((await call<Output<'key:info'>>(fresh, 'key:info')).fingerprint).toBe(key.fingerprint);
    const [row] = await call<Output<'package:list'>>(fresh, 'package:list');
    expect(row).toMatchObject({
      sha256: pkg.sha256,
      path: path.join(newDir, 'packages', pkg.fileName),
    });
    expect(fs.readFileSync(row!.path).equals(fs.readFileSync(pkg.path))).toBe(true);
    // The new computer signs with the same key: a correction is verified as the office's.
    await call(fresh, 'periods:unlock', { period: '2023-Q3', reason: 'Đính chính trên máy mới' });
    const second = await call<Output<'package:export'>>(fresh, 'package:export', {
      period: '2023-Q3',
    });
    const check = await call<Output<'package:verify'>>(fresh, 'package:verify', {
      path: second.path,
    });
    expect(check.ok && check.signer.fingerprint).toBe(key.fingerprint);
    expect(second.sequence).toBe(2);

    // The old computer, once its key is retired, signs nothing more until that is undone.
    const retired = await call<Output<'key:retire'>>(old, 'key:retire', { retired: true });
    expect(retired.retiredAt).toBeTruthy();
    await call(old, 'periods:unlock', { period: '2023-Q3', reason: 'Thử trên máy cũ' });
    const refused = await refusal(old, 'package:export', { period: '2023-Q3' });
    expect(refused?.message).toMatch(/ngưng dùng/);
    await call(old, 'key:retire', { retired: false });
    expect(
      (await call<Output<'package:export'>>(old, 'package:export', { period: '2023-Q3' })).sequence,
    ).toBe(2);
  });

  it('refuses a transfer file changed on the way, with nothing changed', async () => {
    const dir = tempDir('tt-old-');
    const old = await office(dir);
    await call(old, 'activities:import', { fileName: 'q3.json', records: quarter });
    const out = path.join(tempDir('tt-usb-'), 'chuyen.ttmove');
    await call(old, 'backup:transfer', { outFile: out, passphrase: MOVE });
    const bytes = fs.readFileSync(out);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff; // one bit flipped inside the database entry
    fs.writeFileSync(out, bytes);
    const target = start(tempDir('tt-new-'), MOVE);
    const error = await refusal(target, 'backup:restore', { path: out, passphrase: MOVE });
    expect(error?.message).toMatch(/Tệp chuyển máy .* bị hỏng .*Dữ liệu hiện tại giữ nguyên/);
    expect(target.info().hasProfile).toBe(false);
  });
});

describe('recovery from the office’s own packages', () => {
  it('takes back what an old backup lacks, with the package, its lock and its number', async () => {
    const dir = tempDir('tt-recover-');
    const core = await office(dir);
    const early = await call<Output<'backup:make'>>(core, 'backup:make');
    await call(core, 'activities:import', { fileName: 'q3.json', records: quarter });
    const pkg = await call<Output<'package:export'>>(core, 'package:export', { period: '2023-Q3' });
    const inQ3 = core.activities
      .list({ deleted: false, period: '2023-Q3' })
      .map((a) => a.id)
      .sort();
    const usb = path.join(tempDir('tt-usb-'), pkg.fileName);
    fs.copyFileSync(pkg.path, usb);

    // The laptop's data is lost; only the early backup and the package on the stick remain.
    await call(core, 'backup:restore', { path: early.path });
    fs.rmSync(pkg.path);
    expect(ids(core)).toEqual([]);
    expect(core.packages.list()).toEqual([]);

    const preview = await call<Output<'backup:packagePreview'>>(core, 'backup:packagePreview', {
      path: usb,
    });
    expect(preview).toMatchObject({
      sequence: 1,
      activities: inQ3.length,
      missing: inQ3.length,
      present: 0,
      registersPackage: true,
      period: { key: '2023-Q3' },
    });
    const done = await call<Output<'backup:recoverPackage'>>(core, 'backup:recoverPackage', {
      path: usb,
    });
    expect(done).toEqual({ added: inQ3.length, registeredPackage: true });
    expect(ids(core)).toEqual(inQ3);
    expect(core.packages.list().map((p) => [p.sequence, p.sha256])).toEqual([[1, pkg.sha256]]);
    // Locked again, and the signed report is the package's, byte for byte.
    const locked = await refusal(core, 'activities:delete', { id: inQ3[0] });
    expect(locked?.code).toBe('locked');
    const entries = new Map((await readZip(fs.readFileSync(usb))).map((e) => [e.name, e.bytes]));
    const docx = await call<Output<'report:docx'>>(core, 'report:docx', { period: '2023-Q3' });
    expect(Buffer.from(docx.base64, 'base64').equals(entries.get('report-trafficking.docx')!)).toBe(
      true,
    );
    // Nothing more to take back the second time; the next correction continues the numbering.
    const again = await call<Output<'backup:recoverPackage'>>(core, 'backup:recoverPackage', {
      path: usb,
    });
    expect(again).toEqual({ added: 0, registeredPackage: false });
    await call(core, 'periods:unlock', {
      period: '2023-Q3',
      reason: 'Đính chính sau khi khôi phục',
    });
    const next = await call<Output<'package:export'>>(core, 'package:export', {
      period: '2023-Q3',
    });
    expect(next).toMatchObject({ sequence: 2, supersedes: pkg.sha256 });
  });

  it('refuses a package of another office', async () => {
    const source = await office(tempDir('tt-a-'));
    await call(source, 'activities:import', { fileName: 'q3.json', records: quarter });
    const pkg = await call<Output<'package:export'>>(source, 'package:export', {
      period: '2023-Q3',
    });
    const other = start(tempDir('tt-b-'));
    await call(other, 'profile:save', {
      ...profile,
      office: { ...profile.office, code: 'LS-KHAC-VHTT' },
    });
    const error = await refusal(other, 'backup:recoverPackage', { path: pkg.path });
    expect(error?.message).toMatch(/không phải của đơn vị trên máy này/);
    expect(ids(other)).toEqual([]);
  });
});

describe('a data upgrade', () => {
  it('is preceded by a verified backup of the file as it was', async () => {
    const dir = tempDir('tt-upgrade-');
    const file = path.join(dir, DB_FILE);
    closeDatabase(openDatabase(file, MIGRATIONS.slice(0, 3)).db);
    const made = await backupBeforeUpgrade(dir);
    expect(made).toMatchObject({
      kind: 'migration',
      pinned: true,
      dataVersion: MIGRATIONS[2]!.version,
    });
    expect(await backupBeforeUpgrade(tempDir('tt-none-'))).toBeNull();
    const core = start(dir);
    expect(core.info().writable).toBe(true);
    expect(await backupBeforeUpgrade(dir)).toBeNull(); // up to date: nothing to keep
  });
});

describe('one engine per data folder', () => {
  it('refuses a second owner with a clear message and lets the command line in', async () => {
    const dir = tempDir('tt-owner-');
    const first = start(dir, PASS, { outbox: true });
    first.announce('http://127.0.0.1:4321/?token=abc');
    let thrown: unknown;
    try {
      start(dir, PASS, { outbox: true });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('in_use');
    expect((thrown as AppError).msg.vi).toContain('http://127.0.0.1:4321/?token=abc');
    expect((thrown as AppError).msg.vi).toContain(`tiến trình ${process.pid}`);
    // The command line still reads and writes beside it, but never swaps the file under it.
    const cliCore = start(dir);
    await call(cliCore, 'profile:save', profile);
    const backup = await call<Output<'backup:make'>>(cliCore, 'backup:make');
    const swap = await refusal(cliCore, 'backup:restore', { path: backup.path });
    expect(swap?.code).toBe('in_use');
    first.close();
    open.splice(open.indexOf(first), 1);
    const next = start(dir, PASS, { outbox: true });
    expect(next.info().writable).toBe(true);
  });

  it('seals with a passphrase where the OS store would use a fixed password', () => {
    expect(osSealingUsable('linux', true, 'basic_text')).toBe(false);
    expect(osSealingUsable('linux', true, 'gnome_libsecret')).toBe(true);
    expect(osSealingUsable('win32', true)).toBe(true);
    expect(osSealingUsable('win32', false)).toBe(false);
  });
});
