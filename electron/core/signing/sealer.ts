// Sealing the private key at rest. The desktop shell injects an 'os' sealer backed by
// Electron's safeStorage (electron/main; core never imports electron); elsewhere the key is
// sealed with a passphrase: scrypt (RFC 7914) then AES-256-GCM, in a self-describing envelope.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { AppError } from '../../../shared/errors';

export interface KeySealer {
  readonly kind: 'os' | 'passphrase';
  seal(plain: Buffer): Buffer;
  unseal(sealed: Buffer): Buffer;
}

const FORMAT = 'tuyentruyen-sealed';
const VERSION = 1;
/** N = 2^15, r = 8, p = 1: OWASP's interactive-login floor for scrypt, about 0.1 s. */
const DEFAULT_KDF = { N: 2 ** 15, r: 8, p: 1 } as const;
/** Refuse envelopes asking for more work than this, so a crafted file cannot hang the app. */
const MAX_N = 2 ** 20;

interface Envelope {
  format: typeof FORMAT;
  version: number;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: { name: 'aes-256-gcm'; iv: string; tag: string };
  ciphertext: string;
}

export const wrongPassphrase = (): AppError =>
  new AppError(
    'invalid_input',
    {
      vi: 'Mật khẩu không đúng: không mở được khóa ký. Hãy nhập lại mật khẩu (phân biệt chữ hoa, chữ thường).',
      en: 'Wrong passphrase: the signing key cannot be opened. Enter it again (it is case-sensitive).',
    },
    'passphrase',
  );

const damaged = (): AppError =>
  new AppError('invalid_input', {
    vi: 'Tệp khóa đã niêm phong bị hỏng hoặc không đúng định dạng, nên không mở được.',
    en: 'The sealed key file is damaged or not in the expected format, so it cannot be opened.',
  });

function deriveKey(passphrase: string, salt: Buffer, N: number, r: number, p: number): Buffer {
  // Node's default scrypt memory cap (32 MiB) is exactly 128·N·r at N = 2^15, r = 8: raise it.
  return scryptSync(passphrase, salt, 32, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
}

/** The authenticated data binds the KDF parameters to the ciphertext. */
const aadOf = (N: number, r: number, p: number): Buffer =>
  Buffer.from(`${FORMAT}/${VERSION}/scrypt:${N}:${r}:${p}`);

function readEnvelope(sealed: Buffer): Envelope {
  let env: Envelope;
  try {
    env = JSON.parse(sealed.toString('utf8')) as Envelope;
  } catch {
    throw damaged();
  }
  const k = env?.kdf;
  const ok =
    env?.format === FORMAT &&
    env.version === VERSION &&
    k?.name === 'scrypt' &&
    Number.isInteger(k.N) &&
    k.N > 1 &&
    k.N <= MAX_N &&
    (k.N & (k.N - 1)) === 0 &&
    Number.isInteger(k.r) &&
    k.r >= 1 &&
    k.r <= 32 &&
    Number.isInteger(k.p) &&
    k.p >= 1 &&
    k.p <= 16 &&
    env.cipher?.name === 'aes-256-gcm' &&
    typeof k.salt === 'string' &&
    typeof env.cipher.iv === 'string' &&
    typeof env.cipher.tag === 'string' &&
    typeof env.ciphertext === 'string';
  if (!ok) throw damaged();
  return env;
}

/** True when the bytes look like this module's passphrase envelope. */
export function isPassphraseEnvelope(bytes: Buffer): boolean {
  try {
    readEnvelope(bytes);
    return true;
  } catch {
    return false;
  }
}

export function createPassphraseSealer(passphrase: string): KeySealer {
  if (passphrase.length === 0) {
    throw new AppError(
      'invalid_input',
      { vi: 'Mật khẩu không được để trống.', en: 'The passphrase must not be empty.' },
      'passphrase',
    );
  }
  // Vietnamese input methods differ in composing diacritics (NFC vs NFD): the same typed
  // passphrase must give the same key on every machine.
  const secret = passphrase.normalize('NFC');
  return {
    kind: 'passphrase',
    seal(plain) {
      const { N, r, p } = DEFAULT_KDF;
      const salt = randomBytes(16);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', deriveKey(secret, salt, N, r, p), iv);
      cipher.setAAD(aadOf(N, r, p));
      const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
      const env: Envelope = {
        format: FORMAT,
        version: VERSION,
        kdf: { name: 'scrypt', N, r, p, salt: salt.toString('base64') },
        cipher: {
          name: 'aes-256-gcm',
          iv: iv.toString('base64'),
          tag: cipher.getAuthTag().toString('base64'),
        },
        ciphertext: ciphertext.toString('base64'),
      };
      return Buffer.from(JSON.stringify(env));
    },
    unseal(sealed) {
      const env = readEnvelope(sealed);
      const { N, r, p } = env.kdf;
      const iv = Buffer.from(env.cipher.iv, 'base64');
      const tag = Buffer.from(env.cipher.tag, 'base64');
      if (iv.length !== 12 || tag.length !== 16) throw damaged();
      const key = deriveKey(secret, Buffer.from(env.kdf.salt, 'base64'), N, r, p);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(aadOf(N, r, p));
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([
          decipher.update(Buffer.from(env.ciphertext, 'base64')),
          decipher.final(),
        ]);
      } catch {
        // GCM cannot tell a wrong passphrase from a changed file; the passphrase is by far
        // the likelier cause.
        throw wrongPassphrase();
      }
    },
  };
}
