// Reads a certificate file (.pem, .cer, .crt; PEM or DER) on the province's screen before
// it is registered: the bytes to send, the SHA-256 fingerprint to compare with the
// enrolment sheet, and the subject's office code and name to prefill the form. The engine
// checks the certificate itself; this only reads enough DER (X.690) to fill the form.
import { bytesToBase64 } from '../../lib/files';

export interface CertificatePreview {
  base64: string;
  /** Uppercase hex pairs with colons; null where WebCrypto is unavailable. */
  fingerprint: string | null;
  /** The subject's serialNumber (where the app puts the office code), '' when none. */
  code: string;
  /** The subject's common name (CN) and organization (O), '' when none. */
  commonName: string;
  organization: string;
}

interface Tlv {
  tag: number;
  start: number;
  end: number;
}

/** One DER element at `at`: its tag and where its content starts and ends. */
function readTlv(der: Uint8Array, at: number): Tlv {
  const tag = der[at];
  let len = der[at + 1];
  if (tag === undefined || len === undefined) throw new Error('truncated');
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new Error('length');
    len = 0;
    for (let i = 0; i < n; i += 1) len = len * 256 + (der[start + i] ?? 0);
    start += n;
  }
  const end = start + len;
  if (end > der.length) throw new Error('truncated');
  return { tag, start, end };
}

function children(der: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.start; at < parent.end;) {
    const t = readTlv(der, at);
    out.push(t);
    at = t.end;
  }
  return out;
}

const OIDS: Record<string, 'cn' | 'serial' | 'o'> = {
  '550403': 'cn',
  '550405': 'serial',
  '55040a': 'o',
};

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function decodeString(tag: number, bytes: Uint8Array): string {
  if (tag === 0x1e) {
    // BMPString: UTF-16 big-endian.
    let s = '';
    for (let i = 0; i + 1 < bytes.length; i += 2)
      s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return s;
  }
  return new TextDecoder(tag === 0x0c ? 'utf-8' : 'latin1').decode(bytes);
}

/** CN, serialNumber and O of the certificate's subject (the sixth field of tbsCertificate). */
export function subjectOf(der: Uint8Array): { cn: string; serial: string; o: string } {
  const out = { cn: '', serial: '', o: '' };
  const cert = readTlv(der, 0);
  const tbs = children(der, cert)[0];
  if (!tbs) return out;
  const fields = children(der, tbs);
  // [0] version is optional; then serial, signature, issuer, validity, subject.
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0;
  const subject = fields[offset + 4];
  if (!subject) return out;
  for (const rdn of children(der, subject)) {
    for (const atv of children(der, rdn)) {
      const [oid, value] = children(der, atv);
      if (!oid || !value) continue;
      const key = OIDS[hex(der.subarray(oid.start, oid.end))];
      if (key) out[key] = decodeString(value.tag, der.subarray(value.start, value.end)).trim();
    }
  }
  return out;
}

/** PEM text or DER bytes → DER bytes; throws with a Vietnamese message. */
export function toDer(bytes: Uint8Array): Uint8Array {
  const text = new TextDecoder('latin1').decode(bytes);
  const pem = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(text);
  if (pem) {
    const binary = window.atob((pem[1] ?? '').replace(/\s+/g, ''));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  }
  if (bytes[0] === 0x30) return bytes;
  throw new Error('Tệp không phải chứng thư số (PEM hoặc DER).');
}

async function fingerprintOf(der: Uint8Array): Promise<string | null> {
  if (!window.crypto?.subtle) return null;
  const copy = new Uint8Array(der);
  const digest = new Uint8Array(await window.crypto.subtle.digest('SHA-256', copy));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

/** Reads the chosen file; throws an Error with a Vietnamese message when it is no certificate. */
export async function readCertificateFile(file: File): Promise<CertificatePreview> {
  const raw = new Uint8Array(await file.arrayBuffer());
  const der = toDer(raw);
  let subject = { cn: '', serial: '', o: '' };
  try {
    subject = subjectOf(der);
  } catch {
    throw new Error('Tệp không đọc được như một chứng thư số X.509.');
  }
  return {
    // The file as chosen: the engine reads PEM and DER alike.
    base64: bytesToBase64(raw),
    fingerprint: await fingerprintOf(der),
    code: subject.serial,
    commonName: subject.cn,
    organization: subject.o,
  };
}

/**
 * One attribute of a subject written as RFC 4514 text ("CN=…, O=UBND huyện Lộc Bình,
 * serialNumber=…", commas inside values escaped as "\,"); '' when absent.
 */
export function subjectAttribute(text: string, name: string): string {
  for (const part of text.split(/(?<!\\), /)) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).toLowerCase() === name.toLowerCase()) {
      return part.slice(eq + 1).replace(/\\(.)/g, '$1');
    }
  }
  return '';
}
