// The signed package of a period (INTERCHANGE.md, "The signed package"): a ZIP named
// `<office code>_<period>_<sequence>.ttpkg` holding manifest.json, its detached CMS signature
// manifest.json.p7s, data.json and report.docx. The manifest lists every other entry with
// its SHA-256 and size; the signature covers the manifest's exact bytes, so it covers them all.

import { z } from 'zod';
import { REPORT_SUBJECTS, type ReportSubject } from './domain';
import type { Msg } from './errors';
import type { PeriodRef } from './report';

/** "Tuyên truyền package": a ZIP; its own extension so the OS does not offer to unpack it. */
export const PACKAGE_EXTENSION = '.ttpkg';
/**
 * 5: photos: data.json's `photos` lists each activity's reduced copies, which travel as
 * `photo-<sha256>.jpg` entries listed in the manifest; `counts.photos`.
 * 4: an activity may mark its audience as an estimate (`audienceEstimated`) and a press item
 * name its `outlet` and `programme`; the report texts carry the request letter, section 2's
 * own paragraphs and "Nơi nhận". 3: areas carry their `kind` and the codes they `absorbed`, and an activity may name no
 * area. 2: one signed Word report per subject of the office (`reports` in the manifest and
 * in data.json). 1: one report.docx, the trafficking report. All four are read.
 */
export const PACKAGE_SCHEMA_VERSION = 5;

/** Photos one package may carry (a busy quarter of a province department). */
export const MAX_PACKAGE_PHOTOS = 2000;

export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.json.p7s';
export const DATA_FILE = 'data.json';
/** The one report of a version 1 package (the trafficking report). */
export const REPORT_FILE = 'report.docx';
/** The Word report of one subject in a version 2 package. */
export const reportEntry = (subject: ReportSubject): string => `report-${subject}.docx`;
/** The entries of a package we write for the given subjects, in the order written. */
export const packageEntries = (subjects: readonly ReportSubject[]): string[] => [
  MANIFEST_FILE,
  SIGNATURE_FILE,
  DATA_FILE,
  ...subjects.map(reportEntry),
];

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
/** As `openssl x509 -fingerprint -sha256` prints it: uppercase hex pairs with colons. */
const fingerprint = z.string().regex(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** A plain entry name: no folders, no `..`, no backslash or drive letter. */
const entryName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/);

export const PackageFileSchema = z.strictObject({
  name: entryName,
  sha256: sha256Hex,
  size: count,
});

const ReportRefSchema = z.strictObject({
  subject: z.enum(REPORT_SUBJECTS),
  file: entryName,
});

export const ManifestSchema = z
  .strictObject({
    schemaVersion: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
    office: z.strictObject({
      code: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
      name: z.string().min(1).max(200),
    }),
    certificate: z.strictObject({ sha256: fingerprint }),
    period: z.strictObject({
      key: z.string().min(1).max(30),
      from: isoDay,
      to: isoDay,
      label: z.string().max(100),
    }),
    /** Grows by one with every package the office exports, whatever the period. */
    sequence: z.number().int().min(1).max(999_999),
    /** SHA-256 (hex) of the package file this one corrects; null for a first export. */
    supersedes: sha256Hex.nullable(),
    createdAt: z.iso.datetime(),
    counts: z.strictObject({
      activities: count,
      communes: count,
      directives: count,
      /** Version 5. */
      photos: count.optional(),
    }),
    files: z
      .array(PackageFileSchema)
      .min(1)
      .max(14 + MAX_PACKAGE_PHOTOS)
      .superRefine((files, ctx) => {
        const seen = new Set<string>();
        files.forEach((f, i) => {
          const reserved = f.name === MANIFEST_FILE || f.name === SIGNATURE_FILE;
          if (seen.has(f.name) || reserved) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'name'],
              params: { rule: 'duplicate' },
              message: 'duplicate',
            });
          }
          seen.add(f.name);
        });
      }),
    /** Version 2: the signed Word report of each subject, one of `files` each. */
    reports: z.array(ReportRefSchema).min(1).max(REPORT_SUBJECTS.length).optional(),
  })
  .superRefine((m, ctx) => {
    const issue = (path: (string | number)[], rule: string) =>
      ctx.addIssue({ code: 'custom', path, params: { rule }, message: rule });
    if (m.schemaVersion === 1 && m.reports !== undefined) issue(['reports'], 'unexpected');
    if (m.schemaVersion >= 2 && m.reports === undefined) issue(['reports'], 'required');
    if (m.schemaVersion >= 5 !== (m.counts.photos !== undefined))
      issue(['counts', 'photos'], m.schemaVersion >= 5 ? 'required' : 'unexpected');
    const subjects = new Set<string>();
    (m.reports ?? []).forEach((r, i) => {
      if (subjects.has(r.subject)) issue(['reports', i, 'subject'], 'duplicate');
      subjects.add(r.subject);
    });
  });
export type Manifest = z.infer<typeof ManifestSchema>;
export type PackageFile = z.infer<typeof PackageFileSchema>;
export type ReportRef = z.infer<typeof ReportRefSchema>;

/** The signed reports a package carries: a version 1 package has the trafficking report. */
export function reportsOf(manifest: Manifest): ReportRef[] {
  return manifest.reports ?? [{ subject: 'trafficking', file: REPORT_FILE }];
}

/** `LS-CAOLOC-VHTT_2023-Q3_0007.ttpkg`; an ad hoc range's `..` becomes `_`. */
export function packageFileName(officeCode: string, periodKey: string, sequence: number): string {
  return `${officeCode}_${periodKey.replace('..', '_')}_${String(sequence).padStart(4, '0')}${PACKAGE_EXTENSION}`;
}

// ---------- what the contract returns ----------

export interface ExportResult {
  path: string;
  fileName: string;
  /** SHA-256 (hex) of the package file. */
  sha256: string;
  sequence: number;
  supersedes: string | null;
  period: PeriodRef;
  createdAt: string;
  /** True when the period was already exported and not unlocked since: no new package. */
  reused: boolean;
  state: PackageState;
}

/**
 * Where a package stands: written and waiting to leave (`exported`), delivered by the
 * outbox to at least one destination (`delivered`), or confirmed received by the province
 * (`confirmed`, as the office records it). Never "sent" before a delivery succeeded.
 */
export type PackageState = 'exported' | 'delivered' | 'confirmed';

export interface PackageRow {
  sequence: number;
  period: { key: string; from: string; to: string };
  sha256: string;
  supersedes: string | null;
  fileName: string;
  path: string;
  createdAt: string;
  state: PackageState;
  /** The first successful delivery. */
  deliveredAt: string | null;
  confirmedAt: string | null;
  confirmedNote: string | null;
}

/** What the export confirmation shows before anything is written or locked. */
export interface ExportPreview {
  period: PeriodRef;
  /** Today is after the period's last day. */
  ended: boolean;
  /** Every activity of the period (all subjects), what the package carries. */
  activities: number;
  /** One report per subject of the profile, with the activities it counts. */
  subjects: { subject: ReportSubject; activities: number }[];
  /** The package the export would replace (a correction), if any. */
  replaces: { sequence: number; fileName: string; createdAt: string } | null;
  /** The period is locked by its last package: exporting gives that package again. */
  reuses: { sequence: number; fileName: string } | null;
  /** The photos marked to send: how many, their reduced copies' bytes, and the office's limit. */
  photos: { count: number; bytes: number; limitBytes: number };
}

/** The outcome of checking one package file: one sentence (both languages) when it fails. */
export type PackageCheck =
  | {
      ok: true;
      file: string;
      sha256: string;
      manifest: Manifest;
      signer: { subject: string; fingerprint: string; signingTime: string };
    }
  | { ok: false; file: string; reason: Msg };

export interface KeyInfo {
  exists: boolean;
  subject: string | null;
  /** SHA-256 of the certificate, uppercase hex pairs with colons. */
  fingerprint: string | null;
  notAfter: string | null;
  origin: 'generated' | 'pkcs12' | null;
  sealedWith: 'os' | 'passphrase' | null;
  /** Set when the key was moved to another computer: this one no longer signs with it. */
  retiredAt: string | null;
}
