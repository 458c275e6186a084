// The enrolment sheet the office prints for the province: who it is and the fingerprint of the
// certificate it signs with, also as a compact text for a QR code (rendering comes later).
import type { OfficeIdentity } from './certificate';
import { fingerprintOf } from './der';

export interface EnrolmentSheet {
  officeCode: string;
  officeName: string;
  parent: string;
  fingerprint: string;
  /** `TUYENTRUYEN:ENROL:<code>:<fingerprint>`; the fingerprint keeps its colons. */
  qrText: string;
}

const QR_PREFIX = 'TUYENTRUYEN:ENROL:';

export function enrolment(office: OfficeIdentity, certificateDer: Uint8Array): EnrolmentSheet {
  const fingerprint = fingerprintOf(certificateDer);
  return {
    officeCode: office.code,
    officeName: office.name,
    parent: office.parent ?? '',
    fingerprint,
    qrText: `${QR_PREFIX}${office.code}:${fingerprint}`,
  };
}

/** Reads a scanned QR text back (province side); null when it is not an enrolment code. */
export function parseEnrolmentQr(text: string): { officeCode: string; fingerprint: string } | null {
  // Office codes are [A-Za-z0-9._-] (shared/schemas.ts), so the first ':' ends the code.
  const m = /^TUYENTRUYEN:ENROL:([A-Za-z0-9._-]+):((?:[0-9A-F]{2}:){31}[0-9A-F]{2})$/.exec(
    text.trim(),
  );
  return m ? { officeCode: m[1]!, fingerprint: m[2]! } : null;
}
