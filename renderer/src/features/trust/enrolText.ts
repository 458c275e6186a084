// What an officer pastes from an office's enrolment sheet: its fingerprint (any case, with
// colons, spaces or nothing between the pairs) or the text of its QR code,
// "TUYENTRUYEN:ENROL:<code>:<fingerprint>" (features/keys/EnrolSheet.tsx writes it).
import { OFFICE_CODE_RE, normalizeFingerprint } from '../../../../shared/inbox';

export interface EnrolInput {
  /** The office code the QR text names; null when a bare fingerprint was given. */
  code: string | null;
  fingerprint: string;
}

const QR = /^TUYENTRUYEN:ENROL:([^:]+):(.+)$/i;

/** Reads a fingerprint or QR text; null when neither. */
export function parseEnrolInput(text: string): EnrolInput | null {
  const trimmed = text.trim();
  const qr = QR.exec(trimmed);
  if (qr) {
    const code = qr[1] ?? '';
    const fingerprint = normalizeFingerprint(qr[2] ?? '');
    return fingerprint && OFFICE_CODE_RE.test(code) ? { code, fingerprint } : null;
  }
  const fingerprint = normalizeFingerprint(trimmed);
  return fingerprint ? { code: null, fingerprint } : null;
}

export const FINGERPRINT_HELP =
  'Dấu vân tay SHA-256 gồm 64 chữ số hệ 16 (0–9, A–F), thường viết thành 32 cặp cách nhau bằng dấu hai chấm. Hãy đối chiếu lại phiếu đăng ký.';
