// The office's signing key and detached CMS signatures, checked against the real OpenSSL CLI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import {
  createKeyStore,
  createPassphraseSealer,
  enrolment,
  generateOfficeKey,
  parseEnrolmentQr,
  signDetached,
  toPem,
  verifyDetached,
  type KeySealer,
} from '../../electron/core/signing';
import { createRc2 } from '../../electron/core/signing/rc2';
import { tempDir } from './helpers';

const OFFICE = {
  code: 'LS-CAOLOC-VHTT',
  name: 'Phòng Văn hóa và Thông tin',
  parent: 'UBND huyện Cao Lộc',
};

function openssl(args: string[], cwd: string): { status: number; out: string } {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

/** Every file under dir with its bytes, to prove that nothing changed. */
function snapshot(dir: string): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) {
    out[name] = fs.readFileSync(path.join(dir, name)).toString('base64');
  }
  return out;
}

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected an AppError');
}

/** Writes the signature and data, and returns the exit status of `openssl cms -verify`. */
function opensslVerifies(dir: string, sig: Buffer, data: Buffer): number {
  fs.writeFileSync(path.join(dir, 'sig.p7s'), sig);
  fs.writeFileSync(path.join(dir, 'data.bin'), data);
  return openssl(
    [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      'sig.p7s',
      '-content',
      'data.bin',
      '-noverify',
      '-out',
      'out.bin',
    ],
    dir,
  ).status;
}

const DATA = Buffer.from('{"schema":1,"office":"LS-CAOLOC-VHTT","period":"2023-Q3"}\n');

describe('office key and certificate', () => {
  it('generates a certificate that OpenSSL reads, with the same SHA-256 fingerprint', () => {
    const dir = tempDir('tt-sign-');
    const store = createKeyStore(path.join(dir, 'keys'), createPassphraseSealer('mật khẩu 123'));
    expect(store.exists()).toBe(false);
    const key = store.create(OFFICE);
    expect(store.exists()).toBe(true);
    fs.writeFileSync(path.join(dir, 'cert.pem'), key.certificatePem);
    const r = openssl(
      [
        'x509',
        '-in',
        'cert.pem',
        '-noout',
        '-subject',
        '-fingerprint',
        '-sha256',
        '-nameopt',
        'utf8',
        '-text',
      ],
      dir,
    );
    expect(r.status).toBe(0);
    expect(r.out).toContain(`sha256 Fingerprint=${key.fingerprint}`);
    expect(r.out).toContain('CN=Phòng Văn hóa và Thông tin');
    expect(r.out).toContain('O=UBND huyện Cao Lộc');
    expect(r.out).toContain('serialNumber=LS-CAOLOC-VHTT');
    expect(r.out).toContain('Digital Signature');
    expect(r.out).toContain('NIST CURVE: P-256');
    expect(key.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(key.subject.officeCode).toBe(OFFICE.code);
    const years = key.notAfter.getUTCFullYear() - new Date().getUTCFullYear();
    expect(years).toBe(10);

    // The key file holds no private key in the clear, and reloads to the same certificate.
    const file = fs.readFileSync(path.join(dir, 'keys', 'signing-key.json'), 'utf8');
    expect(file).not.toContain('PRIVATE KEY');
    expect(store.load().fingerprint).toBe(key.fingerprint);
    expect(store.certificate().fingerprint).toBe(key.fingerprint);
    expect(thrown(() => store.create(OFFICE)).code).toBe('conflict');
  });

  it('refuses to open the stored key with a wrong passphrase', () => {
    const dir = tempDir('tt-sign-');
    createKeyStore(dir, createPassphraseSealer('đúng')).create(OFFICE);
    const err = thrown(() => createKeyStore(dir, createPassphraseSealer('sai')).load());
    expect(err.msg.vi).toMatch(/^Mật khẩu không đúng/);
  });

  it('gives the enrolment sheet and a QR text that reads back', () => {
    const { certificateDer } = generateOfficeKey(OFFICE);
    const sheet = enrolment(OFFICE, certificateDer);
    expect(sheet.officeCode).toBe(OFFICE.code);
    expect(sheet.officeName).toBe(OFFICE.name);
    expect(sheet.qrText).toBe(`TUYENTRUYEN:ENROL:${OFFICE.code}:${sheet.fingerprint}`);
    expect(parseEnrolmentQr(sheet.qrText)).toEqual({
      officeCode: OFFICE.code,
      fingerprint: sheet.fingerprint,
    });
    expect(parseEnrolmentQr('TUYENTRUYEN:ENROL:X:12')).toBeNull();
  });
});

describe('detached CMS signatures', () => {
  const dir = tempDir('tt-cms-');
  const key = generateOfficeKey(OFFICE);
  fs.writeFileSync(path.join(dir, 'cert.pem'), toPem(key.certificateDer));

  it('are accepted by openssl cms -verify and carry the signing time', () => {
    const before = Date.now();
    const sig = signDetached(DATA, key);
    expect(opensslVerifies(dir, sig, DATA)).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'out.bin')).equals(DATA)).toBe(true);
    // The self-signed certificate as the trust anchor works too (what the province does).
    const trusted = openssl(
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        'sig.p7s',
        '-content',
        'data.bin',
        '-CAfile',
        'cert.pem',
        '-out',
        'out.bin',
      ],
      dir,
    );
    expect(trusted.status).toBe(0);
    const printed = openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'sig.p7s'], dir);
    expect(printed.status).toBe(0);
    expect(printed.out).toContain('signingTime');
    expect(printed.out).toContain('messageDigest');
    expect(printed.out).toContain('eContent: <ABSENT>'); // detached

    const result = verifyDetached(sig, DATA);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fingerprint).toBe(enrolment(OFFICE, key.certificateDer).fingerprint);
    expect(result.subject.officeCode).toBe(OFFICE.code);
    expect(result.signingTime.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(result.signingTime.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('fail in OpenSSL and in verifyDetached when one byte of the content changes', () => {
    const sig = signDetached(DATA, key);
    const changed = Buffer.from(DATA);
    changed.writeUInt8(changed.readUInt8(10) ^ 0x01, 10);
    expect(opensslVerifies(dir, sig, changed)).not.toBe(0);
    const result = verifyDetached(sig, changed);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.vi).toContain('thay đổi');
  });

  it('fail when the signature itself is altered or is not CMS at all', () => {
    const sig = signDetached(DATA, key);
    const flipped = Buffer.from(sig);
    const at = flipped.length - 5; // inside the signature value
    flipped.writeUInt8(flipped.readUInt8(at) ^ 0x01, at);
    expect(verifyDetached(flipped, DATA).ok).toBe(false);
    expect(opensslVerifies(dir, flipped, DATA)).not.toBe(0);
    expect(verifyDetached(Buffer.from('not a signature'), DATA).ok).toBe(false);
    expect(verifyDetached(Buffer.concat([sig, Buffer.from([0])]), DATA).ok).toBe(false);
  });

  it("made with another key do not verify as the first certificate's", () => {
    const other = generateOfficeKey({ ...OFFICE, name: 'Kẻ mạo danh' });
    const firstFingerprint = enrolment(OFFICE, key.certificateDer).fingerprint;
    const result = verifyDetached(signDetached(DATA, other), DATA);
    expect(result.ok && result.fingerprint).not.toBe(firstFingerprint);
    // Another key presenting the first office's certificate: the signature does not hold.
    const forged = signDetached(DATA, {
      privateKey: other.privateKey,
      certificateDer: key.certificateDer,
    });
    const forgedResult = verifyDetached(forged, DATA);
    expect(forgedResult.ok).toBe(false);
    if (!forgedResult.ok) expect(forgedResult.reason.en).toMatch(/signature is not valid/);
    expect(opensslVerifies(dir, forged, DATA)).not.toBe(0);
  });
});

describe('PKCS#12 import', () => {
  const dir = tempDir('tt-p12-');
  const PASS = 'Mk-p12-2023';

  function makeP12(
    name: string,
    keyArgs: string[],
    exportArgs: string[],
  ): { p12: Buffer; fingerprint: string } {
    const req = openssl(
      [
        'req',
        '-x509',
        ...keyArgs,
        '-nodes',
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.pem`,
        '-days',
        '365',
        '-subj',
        `/CN=${name}/O=CA test`,
      ],
      dir,
    );
    expect(req.status, req.out).toBe(0);
    const exp = openssl(
      [
        'pkcs12',
        '-export',
        ...exportArgs,
        '-inkey',
        `${name}.key`,
        '-in',
        `${name}.pem`,
        '-out',
        `${name}.p12`,
        '-passout',
        `pass:${PASS}`,
      ],
      dir,
    );
    expect(exp.status, exp.out).toBe(0);
    const fp = openssl(['x509', '-in', `${name}.pem`, '-noout', '-fingerprint', '-sha256'], dir);
    return {
      p12: fs.readFileSync(path.join(dir, `${name}.p12`)),
      fingerprint: /Fingerprint=(\S+)/.exec(fp.out)![1]!,
    };
  }

  const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];
  const cases: Array<[string, string[], string[]]> = [
    ['ec-default', EC, []],
    ['ec-legacy', EC, ['-legacy']],
    ['rsa-default', ['-newkey', 'rsa:2048'], []],
    ['rsa-legacy', ['-newkey', 'rsa:2048'], ['-legacy']],
  ];

  it.each(cases)(
    'imports %s, signs, and OpenSSL verifies the signature',
    (name, keyArgs, exportArgs) => {
      const { p12, fingerprint } = makeP12(name, keyArgs, exportArgs);
      const store = createKeyStore(path.join(dir, `store-${name}`), createPassphraseSealer('kho'));
      const imported = store.importPkcs12(p12, PASS);
      expect(imported.fingerprint).toBe(fingerprint);
      const loaded = store.load();
      expect(loaded.origin).toBe('pkcs12');
      const sig = signDetached(DATA, loaded);
      expect(opensslVerifies(dir, sig, DATA)).toBe(0);
      const result = verifyDetached(sig, DATA);
      expect(result.ok && result.fingerprint).toBe(fingerprint);
    },
  );

  it('refuses a wrong passphrase clearly and changes nothing on disk', () => {
    const { p12 } = makeP12('ec-wrong', EC, []);
    const { p12: legacy } = makeP12('ec-wrong-legacy', EC, ['-legacy']);
    const storeDir = path.join(dir, 'store-wrong');
    const store = createKeyStore(storeDir, createPassphraseSealer('kho'));
    store.create(OFFICE);
    const before = snapshot(storeDir);
    for (const bytes of [p12, legacy]) {
      const err = thrown(() => store.importPkcs12(bytes, 'not-the-passphrase'));
      expect(err.code).toBe('invalid_input');
      expect(err.msg.vi).toMatch(/Mật khẩu .* không đúng/);
      expect(snapshot(storeDir)).toEqual(before);
    }
    // A fresh store directory is not even created.
    const fresh = path.join(dir, 'store-never');
    thrown(() => createKeyStore(fresh, createPassphraseSealer('kho')).importPkcs12(p12, 'sai'));
    expect(fs.existsSync(fresh)).toBe(false);
    expect(thrown(() => store.importPkcs12(Buffer.from('garbage'), PASS)).msg.en).toMatch(
      /not a valid PKCS#12/,
    );
    expect(snapshot(storeDir)).toEqual(before);
  });

  it('keeps the replaced key beside the new one', () => {
    const { p12 } = makeP12('ec-replace', EC, []);
    const storeDir = path.join(dir, 'store-replace');
    const store = createKeyStore(storeDir, createPassphraseSealer('kho'));
    const first = store.create(OFFICE);
    store.importPkcs12(p12, PASS);
    const kept = fs.readdirSync(storeDir).filter((f) => f.startsWith('signing-key.replaced-'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(storeDir, kept[0]!), 'utf8')).toContain(first.fingerprint);
  });
});

describe('sealing, backup and restore', () => {
  it('the passphrase sealer round-trips and refuses a wrong passphrase', () => {
    const secret = Buffer.from('bí mật của cơ quan');
    const sealed = createPassphraseSealer('Hà Nội 2023').seal(secret);
    const envelope = JSON.parse(sealed.toString('utf8')) as Record<string, unknown>;
    expect(envelope).toMatchObject({ format: 'tuyentruyen-sealed', version: 1 });
    expect(envelope.kdf).toMatchObject({ name: 'scrypt', N: 32768, r: 8, p: 1 });
    expect(sealed.toString('utf8')).not.toContain('bí mật');
    expect(createPassphraseSealer('Hà Nội 2023').unseal(sealed).equals(secret)).toBe(true);
    // The same passphrase typed with decomposed diacritics (NFD) still opens it.
    expect(
      createPassphraseSealer('Hà Nội 2023'.normalize('NFD')).unseal(sealed).equals(secret),
    ).toBe(true);
    const err = thrown(() => createPassphraseSealer('Ha Noi 2023').unseal(sealed));
    expect(err.msg.vi).toMatch(/^Mật khẩu không đúng/);
    expect(err.field).toBe('passphrase');
    expect(thrown(() => createPassphraseSealer('x').unseal(Buffer.from('{}'))).msg.en).toMatch(
      /damaged/,
    );
    expect(thrown(() => createPassphraseSealer('')).code).toBe('invalid_input');
  });

  it('backup then restore into a fresh folder gives the same key', () => {
    const dir = tempDir('tt-backup-');
    const osSealer: KeySealer = {
      // Stands in for Electron's safeStorage, which electron/main injects.
      kind: 'os',
      seal: (plain) => Buffer.from(plain.toString('base64')),
      unseal: (sealed) => Buffer.from(sealed.toString(), 'base64'),
    };
    const original = createKeyStore(path.join(dir, 'a'), osSealer);
    const key = original.create(OFFICE);
    const backup = original.backup('sao lưu 2023');
    expect(backup.toString('utf8')).toContain('tuyentruyen-key-backup');

    const freshDir = path.join(dir, 'b');
    const fresh = createKeyStore(freshDir, createPassphraseSealer('máy mới'));
    const err = thrown(() => fresh.restore(backup, 'sai mật khẩu'));
    expect(err.msg.vi).toMatch(/^Mật khẩu không đúng/);
    expect(fs.existsSync(freshDir)).toBe(false);
    const restored = fresh.restore(backup, 'sao lưu 2023');
    expect(restored.fingerprint).toBe(key.fingerprint);
    expect(fresh.load().fingerprint).toBe(key.fingerprint);
    expect(fresh.certificate().sealedWith).toBe('passphrase');
    const result = verifyDetached(signDetached(DATA, fresh.load()), DATA);
    expect(result.ok && result.fingerprint).toBe(key.fingerprint);

    // The os-sealed store asks for the right kind of sealer.
    expect(
      thrown(() => createKeyStore(path.join(dir, 'a'), createPassphraseSealer('x')).load()).msg.en,
    ).toMatch(/operating system/);
  });
});

describe('RC2 (legacy PKCS#12 certificate bags)', () => {
  // Test vectors of RFC 2268 §5.
  const vectors: Array<[string, number, string, string]> = [
    ['0000000000000000', 63, '0000000000000000', 'ebb773f993278eff'],
    ['ffffffffffffffff', 64, 'ffffffffffffffff', '278b27e42e2f0d49'],
    ['3000000000000000', 64, '1000000000000001', '30649edf9be7d2c2'],
    ['88bca90e90875a7f0f79c384627bafb2', 128, '0000000000000000', '2269552ab0f85ca6'],
  ];
  it.each(vectors)('key %s (%i bits) decrypts the RFC 2268 vector', (key, bits, plain, cipher) => {
    const rc2 = createRc2(Buffer.from(key, 'hex'), bits);
    expect(rc2.decryptBlock(Buffer.from(cipher, 'hex')).toString('hex')).toBe(plain);
  });
});
