// Small DER helpers shared by the signing modules: strict parsing, OCTET STRING contents,
// fingerprints and PEM. asn1js and pkijs do the ASN.1; node:crypto does the cryptography.
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import { AppError, type Msg } from '../../../shared/errors';

/** Object identifiers used across the signing modules (RFC 5652, RFC 5280, RFC 7292). */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  encryptedData: '1.2.840.113549.1.7.6',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  sha1: '1.3.14.3.2.26',
  sha224: '2.16.840.1.101.3.4.2.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaSha256: '1.2.840.10045.4.3.2',
  ecdsaSha384: '1.2.840.10045.4.3.3',
  ecdsaSha512: '1.2.840.10045.4.3.4',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha384WithRsa: '1.2.840.113549.1.1.12',
  sha512WithRsa: '1.2.840.113549.1.1.13',
} as const;

export type HashName = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

const HASH_BY_OID: Record<string, HashName> = {
  [OID.sha1]: 'sha1',
  [OID.sha224]: 'sha224',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};

export function hashOfOid(oid: string): HashName | undefined {
  return HASH_BY_OID[oid];
}

/** A Buffer view of any byte source, without copying. */
export function buf(bytes: ArrayBuffer | ArrayBufferView): Buffer {
  return ArrayBuffer.isView(bytes)
    ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : Buffer.from(bytes);
}

/** An ArrayBuffer holding exactly these bytes (pkijs and asn1js want ArrayBuffers). */
export function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

/**
 * Parses one DER/BER element that must span all of `bytes`: trailing bytes after a valid
 * element are refused too, so a file cannot smuggle data past the parser.
 */
export function parseDer(bytes: Uint8Array, what: Msg): asn1js.AsnType {
  const parsed = asn1js.fromBER(arrayBuffer(bytes));
  if (parsed.offset === -1 || parsed.offset !== bytes.byteLength) {
    throw new AppError('invalid_input', {
      vi: `${what.vi} không đọc được: dữ liệu ASN.1 bị hỏng.`,
      en: `${what.en} cannot be read: the ASN.1 data is damaged.`,
    });
  }
  return parsed.result;
}

/** The contents of an OCTET STRING, also when BER splits it into constructed pieces. */
export function octets(value: asn1js.OctetString): Buffer {
  if (!value.valueBlock.isConstructed) return buf(value.valueBlock.valueHexView);
  return Buffer.concat(value.valueBlock.value.map((piece) => octets(piece as asn1js.OctetString)));
}

/** SHA-256 of the DER bytes as uppercase hex pairs with colons, as `openssl x509 -fingerprint`. */
export function fingerprintOf(der: Uint8Array): string {
  const hex = createHash('sha256').update(der).digest('hex').toUpperCase();
  return hex.match(/../g)!.join(':');
}

export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const b64 = buf(der).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`;
}
