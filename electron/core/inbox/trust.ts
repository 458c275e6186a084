// Whom the desk trusts: a package counts only when its signer's certificate is registered
// for the office the package claims. Anything else is kept in quarantine with the reason.
import type { Database } from 'better-sqlite3';
import { AppError, type Msg } from '../../../shared/errors';
import { officeDisplayName } from '../../../shared/offices';
import { describeSubject, fingerprintOf, parseCertificate, type CertSubject } from '../signing';
import { certificateRow, trustedOffice } from './queries';

export type Trust = { trusted: true } | { trusted: false; reason: Msg };

export function trustOf(db: Database, fingerprint: string, officeCode: string): Trust {
  const cert = certificateRow(db, fingerprint);
  if (cert && cert.office_code === officeCode) {
    if (cert.revoked_at === null) return { trusted: true };
    return {
      trusted: false,
      reason: {
        vi: `Chứng thư ký gói (${fingerprint}) của đơn vị ${officeCode} đã bị thu hồi.`,
        en: `The signing certificate (${fingerprint}) of office ${officeCode} has been revoked.`,
      },
    };
  }
  if (cert) {
    return {
      trusted: false,
      reason: {
        vi: `Gói ghi là của đơn vị ${officeCode} nhưng được ký bằng chứng thư đã đăng ký cho đơn vị ${cert.office_code}.`,
        en: `The package claims office ${officeCode} but is signed with the certificate registered for office ${cert.office_code}.`,
      },
    };
  }
  if (trustedOffice(db, officeCode)) {
    return {
      trusted: false,
      reason: {
        vi: `Chứng thư ký gói (${fingerprint}) không khớp với chứng thư đã đăng ký của đơn vị ${officeCode}.`,
        en: `The signing certificate (${fingerprint}) does not match the certificates registered for office ${officeCode}.`,
      },
    };
  }
  return {
    trusted: false,
    reason: {
      vi: `Người ký chưa có trong danh sách đơn vị tin cậy: đơn vị ${officeCode}, dấu vân tay ${fingerprint}.`,
      en: `The signer is not in the register of trusted offices: office ${officeCode}, fingerprint ${fingerprint}.`,
    },
  };
}

export interface CertificateFile {
  der: Buffer;
  fingerprint: string;
  subject: CertSubject;
  notAfter: string;
}

const notACertificate = (): AppError =>
  new AppError(
    'invalid_input',
    {
      vi: 'Tệp không phải chứng thư số: cần tệp .pem (hoặc .cer, .crt) do đơn vị xuất bằng "Lưu chứng thư".',
      en: 'The file is not a certificate: use the .pem (or .cer, .crt) file the office saved.',
    },
    'base64',
  );

/** A certificate file, PEM or DER. */
export function readCertificateFile(bytes: Buffer): CertificateFile {
  const text = bytes.toString('latin1');
  let der = bytes;
  const pem = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/.exec(text);
  if (pem) der = Buffer.from(pem[1]!.replace(/\s+/g, ''), 'base64');
  else if (bytes[0] !== 0x30) throw notACertificate();
  let cert;
  try {
    cert = parseCertificate(der);
  } catch {
    throw notACertificate();
  }
  return {
    der,
    fingerprint: fingerprintOf(der),
    subject: describeSubject(cert),
    notAfter: cert.notAfter.value.toISOString(),
  };
}

/** The register's name for an office, from its certificate (shared/offices.ts). */
export function officeNameOf(subject: Pick<CertSubject, 'commonName' | 'organization'>): string {
  return officeDisplayName(subject.commonName, subject.organization);
}
