// Building a package's bytes from the period's contents and the office key: data.json, each
// subject's Word report and each photo's reduced copy are hashed into the manifest, the
// manifest is signed as exact bytes, and the entries are zipped in a fixed order.
import { createHash } from 'node:crypto';
import type { Activity, Directive, Office } from '../../../shared/schemas';
import type { CommuneInput } from '../../../shared/schemas';
import type { ReportSubject } from '../../../shared/domain';
import {
  DATA_FILE,
  MANIFEST_FILE,
  PACKAGE_SCHEMA_VERSION,
  SIGNATURE_FILE,
  type Manifest,
} from '../../../shared/package';
import type { PackagePhoto } from '../../../shared/photos';
import type { PeriodRef, ReportFigures, ReportTexts } from '../../../shared/report';
import { signDetached, type SigningKey } from '../signing';
import { writeZip } from './zip';

/** data.json: everything the province needs to read the period without the app. */
export interface PackageData {
  schemaVersion: typeof PACKAGE_SCHEMA_VERSION;
  /** The profile as `setup --profile` takes it (the office's active communes). */
  profile: { office: Office; communes: CommuneInput[] };
  /** Communes dropped from the list that the period's activities still name. */
  formerCommunes: CommuneInput[];
  period: PeriodRef;
  /** Every activity of the period (all subjects) in the import format, oldest first. */
  activities: Activity[];
  /** One per subject of the office: its Word file, figures (`report --json`) and texts. */
  reports: { subject: ReportSubject; file: string; figures: ReportFigures; texts: ReportTexts }[];
  /** The directives register's entries dated in the period. */
  directives: Directive[];
  /** The photos sent with the period's activities; each `file` is an entry of the package. */
  photos: PackagePhoto[];
}

/**
 * data.json as the bytes that are signed, with what the manifest says of it. The export
 * writes it from the database without making the activities objects (packageDataJson);
 * encodePackageData makes it from a PackageData.
 */
export interface EncodedPackageData {
  bytes: Buffer;
  office: { code: string; name: string };
  period: PeriodRef;
  counts: Manifest['counts'];
  reports: { subject: ReportSubject; file: string }[];
  photos: PackagePhoto[];
}

/** data.json's bytes, its activities given as the UTF-8 JSON text of their array, in pieces. */
export function dataJsonBytes(
  head: Omit<PackageData, 'activities'>,
  activitiesJson: readonly Buffer[],
): Buffer {
  const mark = '\uE000activities\uE001';
  // PackageData's key order, as JSON.stringify of the whole object gives it.
  const text = JSON.stringify({
    schemaVersion: head.schemaVersion,
    profile: head.profile,
    formerCommunes: head.formerCommunes,
    period: head.period,
    activities: mark,
    reports: head.reports,
    directives: head.directives,
    photos: head.photos,
  });
  const at = text.indexOf(`"${mark}"`);
  return Buffer.concat([
    Buffer.from(text.slice(0, at)),
    ...activitiesJson,
    Buffer.from(`${text.slice(at + mark.length + 2)}\n`),
  ]);
}

export function encodePackageData(data: PackageData): EncodedPackageData {
  return {
    bytes: Buffer.from(`${JSON.stringify(data)}\n`),
    office: { code: data.profile.office.code, name: data.profile.office.name },
    period: data.period,
    counts: {
      activities: data.activities.length,
      communes: data.profile.communes.length,
      directives: data.directives.length,
      photos: data.photos.length,
    },
    reports: data.reports.map((r) => ({ subject: r.subject, file: r.file })),
    photos: data.photos,
  };
}

export interface PackageInput {
  data: EncodedPackageData;
  /** The Word report of each subject of `data.reports`, in the same order. */
  reportDocx: Buffer[];
  /** The bytes of each distinct `file` of `data.photos` (a photo of two activities is one). */
  photoFiles: ReadonlyMap<string, Buffer>;
  sequence: number;
  supersedes: string | null;
  createdAt: string;
  key: SigningKey & { fingerprint: string };
}

export interface BuiltPackage {
  manifest: Manifest;
  manifestBytes: Buffer;
  bytes: Buffer;
  sha256: string;
}

export const sha256Of = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

export async function buildPackage(input: PackageInput): Promise<BuiltPackage> {
  const { data } = input;
  const files = [
    { name: DATA_FILE, bytes: data.bytes, compress: true },
    // A .docx is itself a deflated ZIP: storing it saves the time of compressing it again.
    ...data.reports.map((r, i) => ({ name: r.file, bytes: input.reportDocx[i]!, compress: false })),
    // JPEG is compressed already, like the Word files.
    ...[...input.photoFiles].map(([name, bytes]) => ({ name, bytes, compress: false })),
  ];
  const manifest: Manifest = {
    schemaVersion: PACKAGE_SCHEMA_VERSION,
    office: data.office,
    certificate: { sha256: input.key.fingerprint },
    period: data.period,
    sequence: input.sequence,
    supersedes: input.supersedes,
    createdAt: input.createdAt,
    counts: data.counts,
    files: files.map((f) => ({ name: f.name, sha256: sha256Of(f.bytes), size: f.bytes.length })),
    reports: data.reports,
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  const signature = signDetached(manifestBytes, input.key, new Date(input.createdAt));
  const bytes = await writeZip([
    { name: MANIFEST_FILE, bytes: manifestBytes, compress: false },
    { name: SIGNATURE_FILE, bytes: signature, compress: false },
    ...files,
  ]);
  return { manifest, manifestBytes, bytes, sha256: sha256Of(bytes) };
}
