// Reading a PKCS#12 (.p12/.pfx) file issued by a CA (RFC 7292): the MAC is checked first, so
// a wrong passphrase is told apart from a damaged file; then the key and certificates are
// decrypted. pkijs parses the ASN.1; node:crypto and ./pbe do the cryptography, because
// pkijs decrypts only PBES2 and the legacy schemes need RC2 and 3DES.
import { createHmac, createPrivateKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { AppError } from '../../../shared/errors';
import { keyMatchesCertificate, parseCertificate } from './certificate';
import { OID, buf, octets, parseDer } from './der';
import {
  bmpPassword,
  decryptWithPassword,
  macHashOf,
  pkcs12Kdf,
  unsupportedAlgorithm,
} from './pbe';

export interface Pkcs12Contents {
  privateKey: KeyObject;
  certificateDer: Buffer;
  /** The other certificates in the file (issuing CAs), as DER. */
  chain: Buffer[];
}

const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
  safeContents: '1.2.840.113549.1.12.10.1.6',
} as const;
const X509_CERT = '1.2.840.113549.1.9.22.1';

export const wrongPkcs12Passphrase = (): AppError =>
  new AppError(
    'invalid_input',
    {
      vi: 'Mật khẩu của tệp chứng thư (.p12/.pfx) không đúng. Hãy nhập lại mật khẩu do nơi cấp chứng thư cung cấp.',
      en: 'Wrong passphrase for the certificate file (.p12/.pfx). Enter the passphrase the issuer gave you.',
    },
    'passphrase',
  );

const notPkcs12 = (): AppError =>
  new AppError('invalid_input', {
    vi: 'Tệp này không phải tệp chứng thư PKCS#12 (.p12/.pfx) hợp lệ.',
    en: 'This file is not a valid PKCS#12 certificate file (.p12/.pfx).',
  });

/** Verifies the MAC (RFC 7292 §5.1 and appendix B) and returns the passphrase form that fits. */
function checkMac(pfx: pkijs.PFX, authSafe: Buffer, candidates: string[]): string | null {
  const macData = pfx.macData;
  if (!macData) return null;
  const hash = macHashOf(macData.mac.digestAlgorithm.algorithmId);
  // PBMAC1 (RFC 9579) and other MAC schemes are not supported.
  if (!hash) throw unsupportedAlgorithm(macData.mac.digestAlgorithm.algorithmId);
  const expected = octets(macData.mac.digest);
  const salt = octets(macData.macSalt);
  const iterations = macData.iterations ?? 1;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > 10_000_000) throw notPkcs12();
  for (const candidate of candidates) {
    const key = pkcs12Kdf(hash, bmpPassword(candidate), salt, iterations, 3, expected.length);
    const mac = createHmac(hash, key).update(authSafe).digest();
    if (mac.length === expected.length && timingSafeEqual(mac, expected)) return candidate;
  }
  throw wrongPkcs12Passphrase();
}

interface Found {
  keys: Buffer[];
  certs: Buffer[];
}

function readSafeContents(der: Buffer, passphrase: string, found: Found): void {
  const contents = new pkijs.SafeContents({
    schema: parseDer(der, { vi: 'Tệp PKCS#12', en: 'The PKCS#12 file' }),
  });
  for (const bag of contents.safeBags) {
    if (bag.bagId === BAG.key) {
      found.keys.push(buf((bag.bagValue as pkijs.PrivateKeyInfo).toSchema().toBER()));
    } else if (bag.bagId === BAG.shroudedKey) {
      const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
      const encrypted = octets(shrouded.encryptedData);
      found.keys.push(decrypt(shrouded.encryptionAlgorithm, encrypted, passphrase));
    } else if (bag.bagId === BAG.cert) {
      const certBag = bag.bagValue as pkijs.CertBag;
      if (certBag.certId === X509_CERT) {
        found.certs.push(octets(certBag.certValue as asn1js.OctetString));
      }
    } else if (bag.bagId === BAG.safeContents) {
      readSafeContents(
        buf((bag.bagValue as pkijs.SafeContents).toSchema().toBER()),
        passphrase,
        found,
      );
    }
  }
}

function decrypt(algorithm: pkijs.AlgorithmIdentifier, data: Buffer, passphrase: string): Buffer {
  try {
    return decryptWithPassword(algorithm, data, passphrase);
  } catch (err) {
    if (err instanceof AppError) throw err;
    // Without a MAC a wrong passphrase shows up here, as a padding error.
    throw wrongPkcs12Passphrase();
  }
}

/** Reads the private key and its certificate from a PKCS#12 file; ECDSA and RSA keys. */
export function readPkcs12(bytes: Uint8Array, passphrase: string): Pkcs12Contents {
  let pfx: pkijs.PFX;
  try {
    pfx = new pkijs.PFX({ schema: parseDer(bytes, { vi: 'Tệp PKCS#12', en: 'The PKCS#12 file' }) });
  } catch {
    throw notPkcs12();
  }
  // Public-key integrity mode (authSafe as SignedData) is practically unused; refuse it.
  if (pfx.authSafe.contentType !== OID.data) throw unsupportedAlgorithm(pfx.authSafe.contentType);
  const authSafe = octets(pfx.authSafe.content as asn1js.OctetString);
  const forms = [
    ...new Set([passphrase, passphrase.normalize('NFC'), passphrase.normalize('NFD')]),
  ];
  const fitting = checkMac(pfx, authSafe, forms) ?? passphrase;

  const found: Found = { keys: [], certs: [] };
  try {
    const safe = new pkijs.AuthenticatedSafe({
      schema: parseDer(authSafe, { vi: 'Tệp PKCS#12', en: 'The PKCS#12 file' }),
    });
    for (const info of safe.safeContents) {
      if (info.contentType === OID.data) {
        readSafeContents(octets(info.content as asn1js.OctetString), fitting, found);
      } else if (info.contentType === OID.encryptedData) {
        const encrypted = new pkijs.EncryptedData({ schema: info.content });
        const eci = encrypted.encryptedContentInfo;
        const plain = decrypt(
          eci.contentEncryptionAlgorithm,
          Buffer.from(eci.getEncryptedContent()),
          fitting,
        );
        readSafeContents(plain, fitting, found);
      }
    }
  } catch (err) {
    // Without a MAC, a wrong passphrase can decrypt to garbage with valid padding and fail
    // only while parsing: the passphrase is then the likelier cause.
    if (!pfx.macData && !(err instanceof AppError && err.code === 'unsupported')) {
      throw wrongPkcs12Passphrase();
    }
    if (err instanceof AppError) throw err;
    throw notPkcs12();
  }
  return pickKeyAndCertificate(found);
}

function pickKeyAndCertificate(found: Found): Pkcs12Contents {
  const certs = found.certs.map((der) => ({ der, cert: parseCertificate(der) }));
  for (const keyDer of found.keys) {
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey({ key: keyDer, format: 'der', type: 'pkcs8' });
    } catch {
      throw notPkcs12();
    }
    const type = privateKey.asymmetricKeyType;
    if (type !== 'ec' && type !== 'rsa') {
      throw new AppError('unsupported', {
        vi: `Khóa trong tệp PKCS#12 thuộc loại chưa được hỗ trợ (${type}); chỉ dùng được khóa ECDSA hoặc RSA.`,
        en: `The key in the PKCS#12 file is of an unsupported type (${type}); only ECDSA and RSA keys can be used.`,
      });
    }
    const own = certs.find((c) => keyMatchesCertificate(privateKey, c.cert));
    if (own) {
      return {
        privateKey,
        certificateDer: own.der,
        chain: certs.filter((c) => c !== own).map((c) => c.der),
      };
    }
  }
  throw new AppError('invalid_input', {
    vi: 'Tệp PKCS#12 không chứa cặp khóa bí mật và chứng thư tương ứng.',
    en: 'The PKCS#12 file does not hold a private key together with its certificate.',
  });
}
