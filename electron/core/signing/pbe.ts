// Password-based decryption for PKCS#12 contents: PBES2 (RFC 8018; OpenSSL 3's default) and
// the PKCS#12 PBE schemes of RFC 7292 appendix C (`openssl pkcs12 -legacy`, older CAs).
import { createDecipheriv, createHash, pbkdf2Sync } from 'node:crypto';
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { AppError } from '../../../shared/errors';
import { hashOfOid, octets, type HashName } from './der';
import { rc2CbcDecrypt } from './rc2';

const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';
const HMAC_PRF: Record<string, HashName> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.8': 'sha224',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};
const PBES2_CIPHERS: Record<string, { name: string; keyLength: number }> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLength: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLength: 24 },
};
/** RFC 7292 appendix C; all derive keys with SHA-1. RC4 variants are not supported. */
const PKCS12_PBE: Record<
  string,
  { cipher: 'des-ede3-cbc' | 'des-ede-cbc' | 'rc2'; keyLength: number }
> = {
  '1.2.840.113549.1.12.1.3': { cipher: 'des-ede3-cbc', keyLength: 24 },
  '1.2.840.113549.1.12.1.4': { cipher: 'des-ede-cbc', keyLength: 16 },
  '1.2.840.113549.1.12.1.5': { cipher: 'rc2', keyLength: 16 },
  '1.2.840.113549.1.12.1.6': { cipher: 'rc2', keyLength: 5 },
};
/** Iteration counts above this are refused, so a crafted file cannot hang the app. */
const MAX_ITERATIONS = 10_000_000;

const BLOCK_BYTES: Record<HashName, number> = {
  sha1: 64,
  sha224: 64,
  sha256: 64,
  sha384: 128,
  sha512: 128,
};

export const unsupportedAlgorithm = (oid: string): AppError =>
  new AppError('unsupported', {
    vi: `Tệp PKCS#12 dùng thuật toán mã hóa chưa được hỗ trợ (${oid}). Hãy xuất lại tệp với thiết lập mặc định của phần mềm cấp chứng thư.`,
    en: `The PKCS#12 file uses an encryption algorithm that is not supported (${oid}). Export it again with the issuing software's default settings.`,
  });

/** The password as RFC 7292 appendix B.1 wants it: BMPString (UTF-16BE) with a final NUL. */
export function bmpPassword(passphrase: string): Buffer {
  const out = Buffer.alloc(passphrase.length * 2 + 2);
  for (let i = 0; i < passphrase.length; i++) out.writeUInt16BE(passphrase.charCodeAt(i), 2 * i);
  return out;
}

/** PKCS#12 key derivation, RFC 7292 appendix B.2. id: 1 key, 2 IV, 3 MAC key. */
export function pkcs12Kdf(
  hash: HashName,
  password: Buffer,
  salt: Buffer,
  iterations: number,
  id: 1 | 2 | 3,
  size: number,
): Buffer {
  const v = BLOCK_BYTES[hash];
  const fill = (src: Buffer): Buffer => {
    const len = v * Math.ceil(src.length / v);
    const out = Buffer.alloc(len);
    for (let i = 0; i < len; i++) out[i] = src[i % src.length]!;
    return out;
  };
  const d = Buffer.alloc(v, id);
  const input = Buffer.concat([
    salt.length ? fill(salt) : salt,
    password.length ? fill(password) : password,
  ]);
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < size) {
    let a = createHash(hash).update(d).update(input).digest();
    for (let n = 1; n < iterations; n++) a = createHash(hash).update(a).digest();
    chunks.push(a);
    total += a.length;
    if (total >= size) break;
    const b = fill(a);
    // I_j = (I_j + B + 1) mod 2^(8v) for each v-byte block of I.
    for (let off = 0; off < input.length; off += v) {
      let carry = 1;
      for (let i = v - 1; i >= 0; i--) {
        const sum = input[off + i]! + b[i]! + carry;
        input[off + i] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return Buffer.concat(chunks).subarray(0, size);
}

function checkIterations(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > MAX_ITERATIONS)
    throw unsupportedAlgorithm(`iterations=${n}`);
  return n;
}

function decipher(name: string, key: Buffer, iv: Buffer, data: Buffer): Buffer {
  const d = createDecipheriv(name, key, iv);
  return Buffer.concat([d.update(data), d.final()]);
}

function decryptPbes2(params: asn1js.AsnType, data: Buffer, passphrase: string): Buffer {
  const pbes2 = new pkijs.PBES2Params({ schema: params });
  if (pbes2.keyDerivationFunc.algorithmId !== PBKDF2) {
    throw unsupportedAlgorithm(pbes2.keyDerivationFunc.algorithmId);
  }
  const kdf = new pkijs.PBKDF2Params({ schema: pbes2.keyDerivationFunc.algorithmParams });
  const prf = kdf.prf ? HMAC_PRF[kdf.prf.algorithmId] : 'sha1';
  if (!prf) throw unsupportedAlgorithm(kdf.prf?.algorithmId ?? '?');
  const scheme = PBES2_CIPHERS[pbes2.encryptionScheme.algorithmId];
  if (!scheme) throw unsupportedAlgorithm(pbes2.encryptionScheme.algorithmId);
  const iv = octets(pbes2.encryptionScheme.algorithmParams as asn1js.OctetString);
  const salt = octets(kdf.salt as asn1js.OctetString);
  // PBES2 takes the password's bytes as they are (UTF-8), unlike the PKCS#12 KDF.
  const key = pbkdf2Sync(
    Buffer.from(passphrase, 'utf8'),
    salt,
    checkIterations(kdf.iterationCount),
    scheme.keyLength,
    prf,
  );
  return decipher(scheme.name, key, iv, data);
}

function decryptPkcs12Pbe(
  oid: string,
  params: asn1js.AsnType,
  data: Buffer,
  passphrase: string,
): Buffer {
  const scheme = PKCS12_PBE[oid]!;
  const seq = (params as asn1js.Sequence).valueBlock.value;
  const salt = octets(seq[0] as asn1js.OctetString);
  const iterations = checkIterations((seq[1] as asn1js.Integer).valueBlock.valueDec);
  const password = bmpPassword(passphrase);
  const key = pkcs12Kdf('sha1', password, salt, iterations, 1, scheme.keyLength);
  const iv = pkcs12Kdf('sha1', password, salt, iterations, 2, 8);
  if (scheme.cipher === 'rc2') return rc2CbcDecrypt(key, scheme.keyLength * 8, iv, data);
  return decipher(scheme.cipher, key, iv, data);
}

/**
 * Decrypts `data` encrypted under `algorithm` with the passphrase. Throws `unsupported` for
 * unknown schemes, and a plain Error when decryption fails (wrong passphrase or damage):
 * the caller words that for the user.
 */
export function decryptWithPassword(
  algorithm: pkijs.AlgorithmIdentifier,
  data: Buffer,
  passphrase: string,
): Buffer {
  const oid = algorithm.algorithmId;
  if (oid === PBES2)
    return decryptPbes2(algorithm.algorithmParams as asn1js.AsnType, data, passphrase);
  if (oid in PKCS12_PBE) {
    return decryptPkcs12Pbe(oid, algorithm.algorithmParams as asn1js.AsnType, data, passphrase);
  }
  throw unsupportedAlgorithm(oid);
}

/** The HMAC hash of a PKCS#12 MacData digest algorithm, if supported. */
export function macHashOf(oid: string): HashName | undefined {
  return hashOfOid(oid);
}
