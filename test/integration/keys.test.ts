import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import type { KeyInfo } from '../../shared/package';
import profile from '../fixtures/profile.json';
import { tempDir } from './helpers';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

async function office(passphrase: string): Promise<Core> {
  const core = createCore({ dataDir: tempDir(), mode: 'browser', passphrase });
  cores.push(core);
  await core.call('profile:save', JSON.parse(JSON.stringify(profile)));
  return core;
}

async function value<T>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

describe('the signing key through the contract', () => {
  it('backs the key up to a file and restores it elsewhere; a wrong passphrase changes nothing', async () => {
    const a = await office('mật khẩu máy A');
    const cert = await a.packages.certificate();
    const backup = await value<{ fileName: string; base64: string }>(a, 'key:backup', {
      passphrase: 'sao lưu 2023',
    });
    expect(backup.fileName).toBe('KhoaKy_LS-CAOLOC-VHTT.ttkey');

    const b = await office('mật khẩu máy B');
    const wrong = await b.call('key:restore', {
      base64: backup.base64,
      passphrase: 'sai mật khẩu',
    });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.message).toMatch(/Mật khẩu/);
    expect((await value<KeyInfo>(b, 'key:info', {})).exists).toBe(false);

    const restored = await value<KeyInfo>(b, 'key:restore', {
      base64: backup.base64,
      passphrase: 'sao lưu 2023',
    });
    expect(restored.fingerprint).toBe(cert.fingerprint);
    // The restored key signs: an export from B carries A's certificate.
    b.activities.importMany(
      JSON.parse(
        fs.readFileSync(path.join(__dirname, '../fixtures/quarter-2023-q3.json'), 'utf8'),
      ) as unknown[],
      (i) => ({ vi: `#${i}`, en: `#${i}` }),
    );
    const exported = await b.packages.export('2023-Q3', { outDir: tempDir() });
    const check = await b.packages.verify(exported.path);
    expect(check).toMatchObject({ ok: true });
  });

  it('keeps the key it opened for the session, until another key replaces its file', async () => {
    const quarter = JSON.parse(
      fs.readFileSync(path.join(__dirname, '../fixtures/quarter-2023-q3.json'), 'utf8'),
    ) as unknown[];
    const other = await office('mật khẩu máy khác');
    const otherCert = await other.packages.certificate();
    const backup = await value<{ base64: string }>(other, 'key:backup', {
      passphrase: 'sao lưu khác',
    });

    const core = await office('mật khẩu máy');
    core.activities.importMany(quarter, (i) => ({ vi: `#${i}`, en: `#${i}` }));
    const first = await core.packages.export('2023-Q3', { outDir: tempDir() });
    const own = await core.packages.certificate();
    const signer = async (file: string) => {
      const check = await core.packages.verify(file);
      if (!check.ok) throw new Error(check.reason.en);
      return check.signer.fingerprint;
    };
    expect(await signer(first.path)).toBe(own.fingerprint);

    // Another key restored over this one in the same session: the next export is signed
    // with it, not with the key opened before.
    await value(core, 'key:restore', { base64: backup.base64, passphrase: 'sao lưu khác' });
    core.locks.unlock(core.report.period('2023-Q3').key, 'Sửa số liệu');
    const second = await core.packages.export('2023-Q3', { outDir: tempDir() });
    expect(await signer(second.path)).toBe(otherCert.fingerprint);
    expect(otherCert.fingerprint).not.toBe(own.fingerprint);
  });

  it('imports a PKCS#12 file issued elsewhere; a wrong passphrase changes nothing', async () => {
    const dir = tempDir();
    const key = path.join(dir, 'k.pem');
    const crt = path.join(dir, 'c.pem');
    const p12 = path.join(dir, 'office.p12');
    execFileSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      key,
      '-out',
      crt,
      '-days',
      '30',
      '-subj',
      '/CN=Phong VHTT Cao Loc/serialNumber=LS-CAOLOC-VHTT',
    ]);
    execFileSync('openssl', [
      'pkcs12',
      '-export',
      '-inkey',
      key,
      '-in',
      crt,
      '-out',
      p12,
      '-passout',
      'pass:p12-pass',
    ]);
    const expected = execFileSync(
      'openssl',
      ['x509', '-in', crt, '-noout', '-fingerprint', '-sha256'],
      { encoding: 'utf8' },
    )
      .trim()
      .split('=')[1];

    const core = await office('mật khẩu máy');
    const base64 = fs.readFileSync(p12).toString('base64');
    const wrong = await core.call('key:importPkcs12', { base64, passphrase: 'không đúng' });
    expect(wrong.ok).toBe(false);
    expect((await value<KeyInfo>(core, 'key:info', {})).exists).toBe(false);

    const info = await value<KeyInfo>(core, 'key:importPkcs12', { base64, passphrase: 'p12-pass' });
    expect(info).toMatchObject({ exists: true, fingerprint: expected, origin: 'pkcs12' });
  });
});
