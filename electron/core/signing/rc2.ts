// RC2 decryption (RFC 2268), only for reading legacy PKCS#12 files: `openssl pkcs12 -legacy`
// and many older CA and Windows exports encrypt the certificate bag with 40-bit RC2, and
// OpenSSL 3 (hence Node) keeps RC2 in its "legacy" provider, which Node does not load.
import { AppError } from '../../../shared/errors';

// PITABLE of RFC 2268 §2, a permutation of 0..255 from the digits of pi.
const PITABLE = Buffer.from(
  'd978f9c419ddb5ed28e9fd794aa0d89dc67e37832b76538e624c6488448bfba2' +
    '179a59f587b34f1361456d8d09817d32bd8f40eb86b77b0bf09521225c6b4e82' +
    '54d66593ce60b21c7356c014a78cf1dc1275ca1f3bbee4d1423dd430a33cb626' +
    '6fbf0eda4669075727f21d9bbc944303f811c7f690ef3ee706c3d52fc8661ed7' +
    '08e8eade8052eef784aa72ac354d6a2a961ad2715a1549744b9fd05e0418a4ec' +
    'c2e0416e0f51cbcc2491af50a1f47039997c3a8523b8b47afc02365b25559731' +
    '2d5dfa98e38a92ae05df2910676cbac9d300e6cfe19ea82c6316013f58e289a9' +
    '0d38341bab33ffb0bb480c5fb9b1cd2ec5f3db47e5a59c770aa62068fe7fc1ad',
  'hex',
);

export interface Rc2 {
  decryptBlock(block: Uint8Array): Buffer;
}

/** Key expansion of RFC 2268 §2 for `key` (1–128 bytes) and `bits` effective key bits. */
export function createRc2(key: Uint8Array, bits: number): Rc2 {
  const t = key.length;
  if (t < 1 || t > 128 || bits < 1 || bits > 1024) throw new Error('RC2: bad key size');
  const l = new Uint8Array(128);
  l.set(key);
  for (let i = t; i < 128; i++) l[i] = PITABLE[(l[i - 1]! + l[i - t]!) & 0xff]!;
  const t8 = Math.ceil(bits / 8);
  const tm = 0xff >> (8 * t8 - bits);
  l[128 - t8] = PITABLE[l[128 - t8]! & tm]!;
  for (let i = 127 - t8; i >= 0; i--) l[i] = PITABLE[l[i + 1]! ^ l[i + t8]!]!;
  const k = new Uint16Array(64);
  for (let i = 0; i < 64; i++) k[i] = l[2 * i]! | (l[2 * i + 1]! << 8);

  const ror = (x: number, s: number): number => ((x >>> s) | (x << (16 - s))) & 0xffff;
  const SHIFTS = [1, 2, 3, 5];

  return {
    decryptBlock(block) {
      const r = [0, 1, 2, 3].map((i) => block[2 * i]! | (block[2 * i + 1]! << 8));
      let j = 63;
      const mixRound = (): void => {
        for (let i = 3; i >= 0; i--) {
          const a = r[(i + 3) & 3]!;
          const b = r[(i + 2) & 3]!;
          const c = r[(i + 1) & 3]!;
          r[i] = (ror(r[i]!, SHIFTS[i]!) - k[j--]! - (a & b) - (~a & c)) & 0xffff;
        }
      };
      const mashRound = (): void => {
        for (let i = 3; i >= 0; i--) r[i] = (r[i]! - k[r[(i + 3) & 3]! & 63]!) & 0xffff;
      };
      // The reverse of encryption: 5 mixing, 1 mashing, 6 mixing, 1 mashing, 5 mixing.
      for (let n = 0; n < 5; n++) mixRound();
      mashRound();
      for (let n = 0; n < 6; n++) mixRound();
      mashRound();
      for (let n = 0; n < 5; n++) mixRound();
      const out = Buffer.alloc(8);
      r.forEach((w, i) => out.writeUInt16LE(w, 2 * i));
      return out;
    },
  };
}

/** RC2-CBC with PKCS#7 padding removed; a bad padding means a wrong key (hence passphrase). */
export function rc2CbcDecrypt(key: Uint8Array, bits: number, iv: Uint8Array, data: Buffer): Buffer {
  if (data.length === 0 || data.length % 8 !== 0 || iv.length !== 8) {
    throw new AppError('invalid_input', {
      vi: 'Dữ liệu mã hóa RC2 trong tệp PKCS#12 bị hỏng.',
      en: 'The RC2-encrypted data in the PKCS#12 file is damaged.',
    });
  }
  const rc2 = createRc2(key, bits);
  const out = Buffer.alloc(data.length);
  let prev: Uint8Array = iv;
  for (let off = 0; off < data.length; off += 8) {
    const block = data.subarray(off, off + 8);
    const plain = rc2.decryptBlock(block);
    for (let i = 0; i < 8; i++) out[off + i] = plain[i]! ^ prev[i]!;
    prev = block;
  }
  const pad = out[out.length - 1]!;
  if (pad < 1 || pad > 8 || !out.subarray(out.length - pad).every((b) => b === pad)) {
    throw new Error('RC2: bad padding');
  }
  return out.subarray(0, out.length - pad);
}
