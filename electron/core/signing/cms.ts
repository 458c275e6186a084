// Detached CMS signatures (RFC 5652 SignedData, DER): what `openssl cms -verify -binary
// -inform DER -in X.p7s -content X -noverify` accepts. pkijs builds and reads the structures;
// node:crypto signs and verifies, so keys stay KeyObjects (ECDSA signatures come out in the
// DER form CMS wants, RFC 5753 §2.1.1).
import { createHash, sign, timingSafeEqual, verify, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { AppError, type Msg } from '../../../shared/errors';
import { describeSubject, parseCertificate, publicKeyOf, type CertSubject } from './certificate';
import { OID, arrayBuffer, buf, fingerprintOf, hashOfOid, octets, type HashName } from './der';

export interface SigningKey {
  privateKey: KeyObject;
  certificateDer: Uint8Array;
  /** Issuing CA certificates to carry along (from a PKCS#12), DER. */
  chain?: readonly Uint8Array[];
}

export type VerifyResult =
  | {
      ok: true;
      certificateDer: Buffer;
      fingerprint: string;
      subject: CertSubject;
      signingTime: Date;
    }
  | { ok: false; reason: Msg };

const SIGNATURE_ALGORITHMS: Record<string, { key: 'ec' | 'rsa'; hash?: HashName }> = {
  [OID.ecdsaSha256]: { key: 'ec', hash: 'sha256' },
  [OID.ecdsaSha384]: { key: 'ec', hash: 'sha384' },
  [OID.ecdsaSha512]: { key: 'ec', hash: 'sha512' },
  [OID.ecPublicKey]: { key: 'ec' },
  [OID.rsaEncryption]: { key: 'rsa' },
  [OID.sha256WithRsa]: { key: 'rsa', hash: 'sha256' },
  [OID.sha384WithRsa]: { key: 'rsa', hash: 'sha384' },
  [OID.sha512WithRsa]: { key: 'rsa', hash: 'sha512' },
};

/** RFC 5652 §11.3: UTCTime for 1950–2049, GeneralizedTime otherwise. */
function timeValue(date: Date): asn1js.AsnType {
  const whole = new Date(Math.floor(date.getTime() / 1000) * 1000);
  return whole.getUTCFullYear() < 2050
    ? new asn1js.UTCTime({ valueDate: whole })
    : new asn1js.GeneralizedTime({ valueDate: whole });
}

/** Signs `content` detached: SHA-256, signed contentType, messageDigest and signingTime. */
export function signDetached(
  content: Uint8Array,
  key: SigningKey,
  signingTime: Date = new Date(),
): Buffer {
  const cert = parseCertificate(key.certificateDer);
  const chain = (key.chain ?? []).map((der) => parseCertificate(der));
  const digest = createHash('sha256').update(content).digest();
  const attributes = [
    new pkijs.Attribute({
      type: OID.contentType,
      values: [new asn1js.ObjectIdentifier({ value: OID.data })],
    }),
    new pkijs.Attribute({ type: OID.signingTime, values: [timeValue(signingTime)] }),
    new pkijs.Attribute({
      type: OID.messageDigest,
      values: [new asn1js.OctetString({ valueHex: arrayBuffer(digest) })],
    }),
  ];
  // DER orders a SET OF by its elements' encodings (X.690 §11.6); verifiers such as OpenSSL
  // re-encode the attributes before checking the signature, so the order must be canonical.
  attributes.sort((a, b) => Buffer.compare(buf(a.toSchema().toBER()), buf(b.toSchema().toBER())));
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes });
  // The signature covers the attributes encoded as a SET (tag 0x31), not as [0] (§5.4).
  const toSign = buf(signedAttrs.toSchema().toBER()).subarray();
  toSign[0] = 0x31;

  const keyType = key.privateKey.asymmetricKeyType;
  if (keyType !== 'ec' && keyType !== 'rsa') {
    throw new AppError('unsupported', {
      vi: `Khóa ký thuộc loại chưa được hỗ trợ (${keyType}); chỉ dùng được khóa ECDSA hoặc RSA.`,
      en: `The signing key is of an unsupported type (${keyType}); only ECDSA and RSA keys can be used.`,
    });
  }
  const isEc = keyType === 'ec';
  const signature = sign('sha256', toSign, { key: key.privateKey, dsaEncoding: 'der' });
  const sha256 = new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 });
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: sha256,
    signedAttrs,
    signatureAlgorithm: isEc
      ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaSha256 })
      : new pkijs.AlgorithmIdentifier({
          algorithmId: OID.rsaEncryption,
          algorithmParams: new asn1js.Null(),
        }),
    signature: new asn1js.OctetString({ valueHex: arrayBuffer(signature) }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [cert, ...chain],
    signerInfos: [signerInfo],
  });
  const info = new pkijs.ContentInfo({
    contentType: OID.signedData,
    content: signedData.toSchema(true),
  });
  return buf(info.toSchema().toBER());
}

const fail = (vi: string, en: string): VerifyResult => ({ ok: false, reason: { vi, en } });

interface Parsed {
  signedData: pkijs.SignedData;
  /** The certificates exactly as encoded in the file, with their parsed form. */
  certs: Array<{ der: Buffer; cert: pkijs.Certificate }>;
}

function parse(p7s: Uint8Array): Parsed | null {
  try {
    const asn1 = asn1js.fromBER(arrayBuffer(p7s));
    if (asn1.offset !== p7s.byteLength) return null;
    const info = new pkijs.ContentInfo({ schema: asn1.result });
    if (info.contentType !== OID.signedData) return null;
    const signedData = new pkijs.SignedData({ schema: info.content });
    const certs: Parsed['certs'] = [];
    for (const el of (info.content as asn1js.Sequence).valueBlock.value) {
      if (el.idBlock.tagClass !== 3 || el.idBlock.tagNumber !== 0) continue;
      for (const c of (el as asn1js.Constructed).valueBlock.value) {
        if (c.idBlock.tagClass !== 1 || c.idBlock.tagNumber !== 16) continue; // not X.509
        const der = Buffer.from(c.valueBeforeDecodeView);
        certs.push({ der, cert: parseCertificate(der) });
      }
    }
    return { signedData, certs };
  } catch {
    return null;
  }
}

function attrValue(attrs: pkijs.Attribute[], type: string): asn1js.AsnType | null | undefined {
  const found = attrs.filter((a) => a.type === type);
  if (found.length === 0) return undefined;
  // RFC 5652 §11: each of these attributes has exactly one value and appears once.
  if (found.length > 1 || found[0]!.values.length !== 1) return null;
  return found[0]!.values[0] as asn1js.AsnType;
}

/** Checks a detached signature over `content` against the certificate it carries. */
export function verifyDetached(p7s: Uint8Array, content: Uint8Array): VerifyResult {
  const parsed = parse(p7s);
  if (!parsed) {
    return fail(
      'Tệp chữ ký không đọc được: đây không phải chữ ký CMS (SignedData) hợp lệ.',
      'The signature file cannot be read: it is not a valid CMS SignedData signature.',
    );
  }
  const { signedData, certs } = parsed;
  if (signedData.encapContentInfo.eContent) {
    return fail(
      'Chữ ký phải là chữ ký tách rời (không chứa nội dung).',
      'The signature must be detached (carry no content).',
    );
  }
  if (signedData.signerInfos.length !== 1) {
    return fail(
      'Tệp chữ ký phải có đúng một người ký.',
      'The signature file must have exactly one signer.',
    );
  }
  const si = signedData.signerInfos[0]!;
  const signer = certs.find(({ cert }) =>
    si.sid instanceof pkijs.IssuerAndSerialNumber
      ? cert.issuer.isEqual(si.sid.issuer) && cert.serialNumber.isEqual(si.sid.serialNumber)
      : cert.extensions?.some(
          (e) =>
            e.extnID === '2.5.29.14' &&
            buf(e.extnValue.valueBlock.valueHexView)
              .subarray(2)
              .equals(octets(si.sid as asn1js.OctetString)),
        ),
  );
  if (!signer) {
    return fail(
      'Tệp chữ ký không kèm chứng thư của người ký.',
      "The signature file does not carry the signer's certificate.",
    );
  }
  const hash = hashOfOid(si.digestAlgorithm.algorithmId);
  if (!hash || hash === 'sha1' || hash === 'sha224') {
    return fail(
      'Chữ ký dùng thuật toán băm không được chấp nhận.',
      'The signature uses a digest algorithm that is not accepted.',
    );
  }
  const attrs = si.signedAttrs?.attributes;
  if (!attrs)
    return fail('Chữ ký thiếu các thuộc tính được ký.', 'The signature lacks signed attributes.');
  const contentType = attrValue(attrs, OID.contentType);
  const messageDigest = attrValue(attrs, OID.messageDigest);
  const time = attrValue(attrs, OID.signingTime);
  if (
    !(contentType instanceof asn1js.ObjectIdentifier) ||
    contentType.valueBlock.toString() !== OID.data
  ) {
    return fail(
      'Chữ ký thiếu hoặc sai thuộc tính loại nội dung.',
      'The signature lacks a valid content-type attribute.',
    );
  }
  if (!(messageDigest instanceof asn1js.OctetString)) {
    return fail(
      'Chữ ký thiếu thuộc tính mã băm nội dung.',
      'The signature lacks the message-digest attribute.',
    );
  }
  if (!(time instanceof asn1js.UTCTime || time instanceof asn1js.GeneralizedTime)) {
    return fail('Chữ ký thiếu thời điểm ký.', 'The signature lacks the signing-time attribute.');
  }
  const actual = createHash(hash).update(content).digest();
  const expected = octets(messageDigest);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    return fail(
      'Nội dung đã bị thay đổi sau khi ký: mã băm không khớp với chữ ký.',
      'The content changed after signing: its digest does not match the signature.',
    );
  }
  const algorithm = SIGNATURE_ALGORITHMS[si.signatureAlgorithm.algorithmId];
  const publicKey = publicKeyOf(signer.cert);
  if (!algorithm || publicKey.asymmetricKeyType !== algorithm.key) {
    return fail(
      'Chữ ký dùng thuật toán ký không được hỗ trợ.',
      'The signature uses an unsupported signature algorithm.',
    );
  }
  let valid = false;
  try {
    valid = verify(
      algorithm.hash ?? hash,
      buf(si.signedAttrs!.encodedValue),
      { key: publicKey, dsaEncoding: 'der' },
      octets(si.signature),
    );
  } catch {
    valid = false;
  }
  if (!valid) {
    return fail(
      'Chữ ký không hợp lệ: không khớp với chứng thư kèm theo.',
      'The signature is not valid: it does not match the certificate it carries.',
    );
  }
  return {
    ok: true,
    certificateDer: signer.der,
    fingerprint: fingerprintOf(signer.der),
    subject: describeSubject(signer.cert),
    signingTime: time.toDate(),
  };
}
