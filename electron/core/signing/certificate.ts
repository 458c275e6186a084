// The office's own key: an ECDSA P-256 key pair and a self-signed X.509 v3 certificate whose
// subject names the office (RFC 5280), plus reading the subject of any certificate.
import {
  createHash,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  type KeyObject,
} from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { AppError } from '../../../shared/errors';
import { OID, arrayBuffer, buf, parseDer } from './der';

/** What the certificate says about the office (a subset of the profile's office). */
export interface OfficeIdentity {
  code: string;
  name: string;
  /** The office's parent body, e.g. "UBND huyện Cao Lộc"; may be empty. */
  parent?: string;
}

export interface CertSubject {
  /** RFC 4514 style, most specific first: "CN=…, O=…, serialNumber=…". */
  text: string;
  commonName: string;
  organization: string;
  /** The subject's serialNumber attribute, where our own certificates put the office code. */
  officeCode: string;
}

export interface GeneratedKey {
  privateKey: KeyObject;
  certificateDer: Buffer;
}

const VALIDITY_YEARS = 10;

const ATTR = {
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
  country: '2.5.4.6',
  locality: '2.5.4.7',
  state: '2.5.4.8',
  organization: '2.5.4.10',
  unit: '2.5.4.11',
  email: '1.2.840.113549.1.9.1',
} as const;

const SHORT_NAMES: Record<string, string> = {
  [ATTR.commonName]: 'CN',
  [ATTR.serialNumber]: 'serialNumber',
  [ATTR.country]: 'C',
  [ATTR.locality]: 'L',
  [ATTR.state]: 'ST',
  [ATTR.organization]: 'O',
  [ATTR.unit]: 'OU',
  [ATTR.email]: 'emailAddress',
};

/** PrintableString's alphabet (X.680 §41.4); office codes may also hold '_', which it lacks. */
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]+$/;

/** One attribute per RDN, in X.500 order (most general first). */
function encodeName(attrs: Array<[string, asn1js.AsnType]>): pkijs.RelativeDistinguishedNames {
  // pkijs would put every attribute into a single multi-valued RDN, so the Name is built here
  // and handed to pkijs already encoded.
  const name = new asn1js.Sequence({
    value: attrs.map(
      ([type, value]) =>
        new asn1js.Set({
          value: [
            new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: type }), value] }),
          ],
        }),
    ),
  });
  return pkijs.RelativeDistinguishedNames.fromBER(name.toBER());
}

function officeName(office: OfficeIdentity): pkijs.RelativeDistinguishedNames {
  const name = office.name.normalize('NFC').trim();
  const parent = (office.parent ?? '').normalize('NFC').trim();
  const code = office.code.trim();
  if (!name || !code) {
    throw new AppError('invalid_input', {
      vi: 'Không tạo được khóa ký: hồ sơ cơ quan thiếu mã hoặc tên cơ quan.',
      en: 'Cannot create the signing key: the office profile lacks the office code or name.',
    });
  }
  // serialNumber is a PrintableString in X.520; a code outside that alphabet falls back to
  // UTF8String, which OpenSSL and others read without complaint.
  const codeValue = PRINTABLE.test(code)
    ? new asn1js.PrintableString({ value: code })
    : new asn1js.Utf8String({ value: code });
  const attrs: Array<[string, asn1js.AsnType]> = [[ATTR.serialNumber, codeValue]];
  if (parent) attrs.push([ATTR.organization, new asn1js.Utf8String({ value: parent })]);
  attrs.push([ATTR.commonName, new asn1js.Utf8String({ value: name })]);
  return encodeName(attrs);
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
function certTime(date: Date): pkijs.Time {
  return new pkijs.Time({ type: date.getUTCFullYear() < 2050 ? 0 : 1, value: date });
}

function extension(extnID: string, critical: boolean, value: asn1js.AsnType): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER() });
}

/** Generates the office's key pair and its self-signed certificate, valid for ten years. */
export function generateOfficeKey(office: OfficeIdentity, now: Date = new Date()): GeneratedKey {
  const subject = officeName(office);
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });

  const cert = new pkijs.Certificate();
  cert.version = 2; // v3
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x01; // positive and without a leading zero byte
  cert.serialNumber = new asn1js.Integer({ valueHex: arrayBuffer(serial) });
  cert.issuer = subject;
  cert.subject = pkijs.RelativeDistinguishedNames.fromBER(subject.toSchema().toBER());
  const notBefore = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALIDITY_YEARS);
  cert.notBefore = certTime(notBefore);
  cert.notAfter = certTime(notAfter);
  cert.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(arrayBuffer(spki));

  // RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits.
  const keyBits = cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
  const keyId = createHash('sha1').update(keyBits).digest();
  const keyUsage = new asn1js.BitString({
    valueHex: arrayBuffer(Buffer.from([0x80])),
    unusedBits: 7,
  });
  cert.extensions = [
    extension('2.5.29.19', true, new asn1js.Sequence({ value: [] })), // basicConstraints, cA false
    extension('2.5.29.15', true, keyUsage), // keyUsage: digitalSignature
    extension('2.5.29.14', false, new asn1js.OctetString({ valueHex: arrayBuffer(keyId) })),
    extension(
      '2.5.29.35',
      false,
      new pkijs.AuthorityKeyIdentifier({
        keyIdentifier: new asn1js.OctetString({ valueHex: arrayBuffer(keyId) }),
      }).toSchema(),
    ),
  ];

  const algorithm = new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaSha256 });
  cert.signature = algorithm;
  cert.signatureAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaSha256 });
  const tbs = cert.encodeTBS().toBER();
  cert.tbsView = new Uint8Array(tbs);
  const signature = sign('sha256', buf(tbs), { key: privateKey, dsaEncoding: 'der' });
  cert.signatureValue = new asn1js.BitString({ valueHex: arrayBuffer(signature) });
  return { privateKey, certificateDer: buf(cert.toSchema(false).toBER()) };
}

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  const schema = parseDer(der, { vi: 'Chứng thư số', en: 'The certificate' });
  try {
    return new pkijs.Certificate({ schema });
  } catch {
    throw new AppError('invalid_input', {
      vi: 'Chứng thư số không đọc được: đây không phải chứng thư X.509.',
      en: 'The certificate cannot be read: it is not an X.509 certificate.',
    });
  }
}

function attrText(value: asn1js.AsnType): string {
  const block = (value as asn1js.Utf8String).valueBlock as { value?: unknown };
  return typeof block.value === 'string' ? block.value : '';
}

function escape4514(value: string): string {
  return value.replace(/[,+"\\<>;]/g, (c) => `\\${c}`).replace(/^[ #]|[ ]$/g, (c) => `\\${c}`);
}

export function describeSubject(cert: pkijs.Certificate): CertSubject {
  const attrs = cert.subject.typesAndValues.map((tv) => ({
    type: tv.type,
    value: attrText(tv.value),
  }));
  const first = (type: string): string => attrs.find((a) => a.type === type)?.value ?? '';
  const text = [...attrs]
    .reverse()
    .map((a) => `${SHORT_NAMES[a.type] ?? a.type}=${escape4514(a.value)}`)
    .join(', ');
  return {
    text,
    commonName: first(ATTR.commonName),
    organization: first(ATTR.organization),
    officeCode: first(ATTR.serialNumber),
  };
}

export function publicKeyOf(cert: pkijs.Certificate): KeyObject {
  const spki = buf(cert.subjectPublicKeyInfo.toSchema().toBER());
  return createPublicKey({ key: spki, format: 'der', type: 'spki' });
}

/** True when the private key is the one the certificate was issued for. */
export function keyMatchesCertificate(privateKey: KeyObject, cert: pkijs.Certificate): boolean {
  const fromKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const fromCert = publicKeyOf(cert).export({ type: 'spki', format: 'der' });
  return fromKey.equals(fromCert);
}
