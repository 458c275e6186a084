// The Word reports an emailed package carries beside it, so that a reader without the app
// (the province asks for the report's "soft file") can open them. The bytes always come out
// of the package itself, entry by entry as its manifest lists them, so what is attached is
// exactly what was signed (the same SHA-256 as inside the package) even if a copy kept
// elsewhere were to differ. The database's signed reports only give the file names the
// office already knows from its reports folder.
import type { ReportSubject } from '../../../shared/domain';
import { MANIFEST_FILE, ManifestSchema, reportsOf } from '../../../shared/package';
import { readZip } from '../package';

export interface AttachedReport {
  subject: ReportSubject;
  fileName: string;
  bytes: Buffer;
  sha256: string;
}

/** As the report screen names its Word files (services/report.ts), for packages without names. */
const SUBJECT_SUFFIX: Record<ReportSubject, string> = {
  trafficking: '',
  drugs: '_MaTuy',
  crime: '_ToiPham',
  all: '_TongHop',
};

export function reportFileName(officeCode: string, periodKey: string, subject: ReportSubject) {
  return `BaoCao_${officeCode}_${periodKey.replace('..', '_')}${SUBJECT_SUFFIX[subject]}.docx`;
}

/**
 * The signed Word reports inside the package bytes, in the manifest's order; `names` maps a
 * subject to the file name it was signed under (a package from before subjects has none, and
 * its one report.docx is named after the office and period). A string is the reason, in
 * Vietnamese, when the package cannot be read (it was checked at export, so only damage or a
 * bug gets here).
 */
export async function signedReportsIn(
  packageBytes: Buffer,
  names: ReadonlyMap<ReportSubject, string>,
): Promise<AttachedReport[] | string> {
  const unreadable = 'Không đọc được báo cáo (tệp Word) trong gói để gửi kèm';
  let entries: Map<string, { bytes: Buffer; sha256: string }>;
  try {
    entries = new Map((await readZip(packageBytes)).map((e) => [e.name, e]));
  } catch {
    return `${unreadable}: gói không đọc được như một tệp ZIP.`;
  }
  const manifestBytes = entries.get(MANIFEST_FILE)?.bytes;
  let parsed: unknown = null;
  try {
    parsed = manifestBytes ? JSON.parse(manifestBytes.toString('utf8')) : null;
  } catch {
    /* reported below */
  }
  const manifest = ManifestSchema.safeParse(parsed);
  if (!manifest.success) return `${unreadable}: tệp ${MANIFEST_FILE} của gói không đúng mẫu.`;
  const out: AttachedReport[] = [];
  for (const ref of reportsOf(manifest.data)) {
    const entry = entries.get(ref.file);
    const listed = manifest.data.files.find((f) => f.name === ref.file);
    // The manifest's hash is the one the signature covers: anything else is not the signed file.
    if (!entry || !listed || listed.sha256 !== entry.sha256) {
      return `${unreadable}: tệp ${ref.file} thiếu hoặc không khớp mã SHA-256 ghi trong gói.`;
    }
    out.push({
      subject: ref.subject,
      fileName:
        names.get(ref.subject) ??
        reportFileName(manifest.data.office.code, manifest.data.period.key, ref.subject),
      bytes: entry.bytes,
      sha256: entry.sha256,
    });
  }
  return out;
}
