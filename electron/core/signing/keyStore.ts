// The office's signing key on disk: one JSON file holding the certificate in the clear and the
// PKCS#8 private key sealed by a KeySealer. Every write goes to a temporary file that is
// flushed and renamed over the old one, so a crash leaves either the old key or the new one.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import {
  describeSubject,
  generateOfficeKey,
  keyMatchesCertificate,
  parseCertificate,
  type CertSubject,
  type OfficeIdentity,
} from './certificate';
import { fingerprintOf, toPem } from './der';
import { writeDurably } from '../durable';
import { readPkcs12 } from './pkcs12';
import { createPassphraseSealer, type KeySealer } from './sealer';

export const KEY_FILE = 'signing-key.json';
const KEY_FORMAT = 'tuyentruyen-signing-key';
const BACKUP_FORMAT = 'tuyentruyen-key-backup';

export type KeyOrigin = 'generated' | 'pkcs12';

/** The certificate side of the key: readable without unsealing anything. */
export interface KeyCertificate {
  certificateDer: Buffer;
  certificatePem: string;
  fingerprint: string;
  subject: CertSubject;
  notAfter: Date;
  origin: KeyOrigin;
  sealedWith: KeySealer['kind'];
  /** When the key was marked as moved to another computer; this one then signs nothing. */
  retiredAt: string | null;
}

/** The loaded key: usable directly as a `SigningKey` for signDetached. */
export type OfficeKey = KeyCertificate & { privateKey: KeyObject; chain: Buffer[] };

interface KeyRecord {
  format: typeof KEY_FORMAT;
  version: 1;
  origin: KeyOrigin;
  createdAt: string;
  /** For people reading the file; load() recomputes it from the certificate. */
  fingerprint: string;
  certificate: string;
  chain: string[];
  sealedWith: KeySealer['kind'];
  sealedKey: string;
  retiredAt?: string | null;
}

interface BackupRecord {
  format: typeof BACKUP_FORMAT;
  version: 1;
  note: string;
  origin: KeyOrigin;
  fingerprint: string;
  certificate: string;
  chain: string[];
  /** The PKCS#8 key sealed with the backup passphrase (./sealer envelope, base64). */
  sealedKey: string;
}

export interface KeyStore {
  exists(): boolean;
  /** The certificate and its fingerprint, without the passphrase. */
  certificate(): KeyCertificate;
  create(office: OfficeIdentity): OfficeKey;
  load(): OfficeKey;
  importPkcs12(bytes: Uint8Array, passphrase: string): OfficeKey;
  backup(passphrase: string): Buffer;
  restore(bytes: Uint8Array, passphrase: string): OfficeKey;
  /** Marks the key as moved away (a time) or in use again (null); the key itself is kept. */
  retire(at: string | null): void;
}

const noKey = (): AppError =>
  new AppError('not_found', {
    vi: 'Chưa có khóa ký của cơ quan. Hãy tạo khóa mới hoặc nhập tệp chứng thư (.p12/.pfx).',
    en: 'There is no office signing key yet. Create one or import a certificate file (.p12/.pfx).',
  });

const damagedFile = (what: { vi: string; en: string }): AppError =>
  new AppError('invalid_input', {
    vi: `${what.vi} bị hỏng hoặc không đúng định dạng.`,
    en: `${what.en} is damaged or not in the expected format.`,
  });

const KEY_FILE_NAME = { vi: `Tệp khóa ký (${KEY_FILE})`, en: `The signing key file (${KEY_FILE})` };
const BACKUP_NAME = { vi: 'Tệp sao lưu khóa ký', en: 'The key backup file' };

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const unb64 = (text: unknown): Buffer => {
  if (typeof text !== 'string') throw new Error('not base64');
  return Buffer.from(text, 'base64');
};

function pkcs8Of(key: KeyObject): Buffer {
  return key.export({ type: 'pkcs8', format: 'der' });
}

/** Builds the certificate view, refusing a key that does not belong to the certificate. */
function describe(
  certDer: Buffer,
  origin: KeyOrigin,
  sealedWith: KeySealer['kind'],
  retiredAt: string | null = null,
): KeyCertificate {
  const cert = parseCertificate(certDer);
  return {
    certificateDer: certDer,
    certificatePem: toPem(certDer),
    fingerprint: fingerprintOf(certDer),
    subject: describeSubject(cert),
    notAfter: cert.notAfter.value,
    origin,
    sealedWith,
    retiredAt,
  };
}

function officeKey(
  certDer: Buffer,
  chain: Buffer[],
  privateKey: KeyObject,
  origin: KeyOrigin,
  sealedWith: KeySealer['kind'],
): OfficeKey {
  if (!keyMatchesCertificate(privateKey, parseCertificate(certDer)))
    throw damagedFile(KEY_FILE_NAME);
  return { ...describe(certDer, origin, sealedWith), privateKey, chain };
}

export function createKeyStore(dir: string, sealer: KeySealer): KeyStore {
  const file = path.join(dir, KEY_FILE);

  function readRecord(): KeyRecord {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw noKey();
      throw err;
    }
    try {
      const rec = JSON.parse(text) as KeyRecord;
      if (rec.format !== KEY_FORMAT || rec.version !== 1) throw new Error('format');
      return rec;
    } catch {
      throw damagedFile(KEY_FILE_NAME);
    }
  }

  /** Seals and writes the key; a replaced key is kept beside it, never silently lost. */
  function save(
    origin: KeyOrigin,
    certDer: Buffer,
    chain: Buffer[],
    privateKey: KeyObject,
  ): OfficeKey {
    const key = officeKey(certDer, chain, privateKey, origin, sealer.kind);
    const record: KeyRecord = {
      format: KEY_FORMAT,
      version: 1,
      origin,
      createdAt: new Date().toISOString(),
      fingerprint: key.fingerprint,
      certificate: b64(certDer),
      chain: chain.map(b64),
      sealedWith: sealer.kind,
      sealedKey: b64(sealer.seal(pkcs8Of(privateKey))),
    };
    fs.mkdirSync(dir, { recursive: true });
    if (fs.existsSync(file)) {
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
      fs.copyFileSync(file, path.join(dir, `signing-key.replaced-${stamp}.json`));
    }
    writeDurably(file, Buffer.from(`${JSON.stringify(record, null, 2)}\n`), 0o600);
    return key;
  }

  function load(): OfficeKey {
    const rec = readRecord();
    if (rec.sealedWith !== sealer.kind) {
      throw new AppError('invalid_input', {
        vi:
          rec.sealedWith === 'passphrase'
            ? 'Khóa ký được bảo vệ bằng mật khẩu: hãy nhập mật khẩu để mở khóa.'
            : 'Khóa ký được bảo vệ bởi hệ điều hành của máy này; không mở được bằng mật khẩu.',
        en:
          rec.sealedWith === 'passphrase'
            ? 'The signing key is protected by a passphrase: enter it to open the key.'
            : "The signing key is protected by this computer's operating system; a passphrase cannot open it.",
      });
    }
    let certDer: Buffer;
    let chain: Buffer[];
    let sealed: Buffer;
    try {
      certDer = unb64(rec.certificate);
      chain = (rec.chain ?? []).map(unb64);
      sealed = unb64(rec.sealedKey);
    } catch {
      throw damagedFile(KEY_FILE_NAME);
    }
    const pkcs8 = sealer.unseal(sealed);
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
    } catch {
      throw damagedFile(KEY_FILE_NAME);
    }
    return {
      ...officeKey(certDer, chain, privateKey, rec.origin, rec.sealedWith),
      retiredAt: rec.retiredAt ?? null,
    };
  }

  return {
    exists: () => fs.existsSync(file),

    certificate() {
      const rec = readRecord();
      try {
        return describe(unb64(rec.certificate), rec.origin, rec.sealedWith, rec.retiredAt ?? null);
      } catch {
        throw damagedFile(KEY_FILE_NAME);
      }
    },

    create(office) {
      if (fs.existsSync(file)) {
        throw new AppError('conflict', {
          vi: 'Cơ quan đã có khóa ký; không tạo khóa mới đè lên khóa cũ.',
          en: 'The office already has a signing key; a new one is not created over it.',
        });
      }
      const { privateKey, certificateDer } = generateOfficeKey(office);
      return save('generated', certificateDer, [], privateKey);
    },

    load,

    importPkcs12(bytes, passphrase) {
      const { privateKey, certificateDer, chain } = readPkcs12(bytes, passphrase);
      return save('pkcs12', certificateDer, chain, privateKey);
    },

    backup(passphrase) {
      const key = load();
      const record: BackupRecord = {
        format: BACKUP_FORMAT,
        version: 1,
        note:
          'Bản sao lưu khóa ký của cơ quan (Sổ tuyên truyền), khóa bí mật được mã hóa bằng mật khẩu sao lưu. ' +
          'Office signing key backup (Sổ tuyên truyền); the private key is encrypted with the backup passphrase.',
        origin: key.origin,
        fingerprint: key.fingerprint,
        certificate: b64(key.certificateDer),
        chain: key.chain.map(b64),
        sealedKey: b64(createPassphraseSealer(passphrase).seal(pkcs8Of(key.privateKey))),
      };
      return Buffer.from(`${JSON.stringify(record, null, 2)}\n`);
    },

    restore(bytes, passphrase) {
      let rec: BackupRecord;
      let certDer: Buffer;
      let chain: Buffer[];
      let sealed: Buffer;
      try {
        rec = JSON.parse(Buffer.from(bytes).toString('utf8')) as BackupRecord;
        if (rec.format !== BACKUP_FORMAT || rec.version !== 1) throw new Error('format');
        certDer = unb64(rec.certificate);
        chain = (rec.chain ?? []).map(unb64);
        sealed = unb64(rec.sealedKey);
      } catch {
        throw damagedFile(BACKUP_NAME);
      }
      const pkcs8 = createPassphraseSealer(passphrase).unseal(sealed);
      let privateKey: KeyObject;
      try {
        privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
        if (!keyMatchesCertificate(privateKey, parseCertificate(certDer)))
          throw new Error('mismatch');
      } catch {
        throw damagedFile(BACKUP_NAME);
      }
      return save(rec.origin === 'pkcs12' ? 'pkcs12' : 'generated', certDer, chain, privateKey);
    },

    retire(at) {
      const rec = readRecord();
      const next: KeyRecord = { ...rec, retiredAt: at };
      writeDurably(file, Buffer.from(`${JSON.stringify(next, null, 2)}\n`), 0o600);
    },
  };
}
