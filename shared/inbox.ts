// The province desk: the register of trusted offices, the packages taken in, who
// has reported for a period, and the merged figures. `inbox status --json` is the
// InboxStatus shape below (INTERCHANGE.md); everything else is the project's own.

import { z } from 'zod';
import type { Channel, CommuneFlag, CountMeasure, Theme } from './domain';
import { CHANNELS, COMMUNE_FLAGS, COUNT_MEASURES, REPORT_SUBJECTS } from './domain';
import type { Msg } from './errors';
import type { ChannelFigures, FlagFigures, PeriodRef, ReportData } from './report';

/** As `openssl x509 -fingerprint -sha256` prints it: uppercase hex pairs with colons. */
export const FINGERPRINT_RE = /^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/;

/**
 * Accepts a fingerprint as people copy it from the enrolment sheet: any case, with colons,
 * spaces or nothing between the pairs; gives the canonical form, or null.
 */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.replace(/^sha256\s*fingerprint\s*=\s*/i, '').replace(/[\s:.-]/g, '');
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return null;
  return hex.toUpperCase().match(/../g)!.join(':');
}

export const OFFICE_CODE_RE = /^[A-Za-z0-9._-]{1,64}$/;

// ---------- settings: which desks this installation has ----------

export const DeskSettingsSchema = z.strictObject({
  /** The office desk: logbook, report, export. */
  office: z.boolean(),
  /** The province desk: trusted offices, inbox, completeness, merged report. */
  province: z.boolean(),
  /** A period's packages are due this many days after its last day (0: on the last day). */
  deadlineDays: z.number().int().min(0).max(366),
  /** The largest package the office sends, in MB (email limits); kept when not given. */
  packageLimitMb: z.number().int().min(1).max(1000).optional(),
});
export type DeskSettings = z.infer<typeof DeskSettingsSchema>;
export const DEFAULT_DESK_SETTINGS: DeskSettings = {
  office: true,
  province: false,
  deadlineDays: 10,
  packageLimitMb: 20,
};

// ---------- the register of trusted offices ----------

export type TrustSource = 'certificate' | 'sheet' | 'package';

export interface TrustedCertificate {
  fingerprint: string;
  /** From the certificate; null when registered from the sheet's fingerprint alone. */
  subject: string | null;
  notAfter: string | null;
  source: TrustSource;
  addedAt: string;
  /** Set when withdrawn: packages signed with it are quarantined from then on. */
  revokedAt: string | null;
}

export interface TrustedOffice {
  code: string;
  name: string;
  createdAt: string;
  /**
   * The first day of the period the officer set as the start of this office's reports, or
   * null: the desk then follows it from its earliest package's period or the first period
   * due after its registration.
   */
  followFrom: string | null;
  certificates: TrustedCertificate[];
}

/** What registering changes: the office, and quarantined packages it let in. */
export interface TrustResult {
  office: TrustedOffice;
  /** The certificate just registered. */
  fingerprint: string;
  released: ImportResult[];
}

// ---------- taking packages in ----------

/**
 * - accepted: verified, from a registered signer, counted;
 * - corrected: accepted and replacing an older package of the same office and period;
 * - duplicate: the identical file was already received; nothing changed;
 * - quarantined: genuine but from an unknown signer, or one not registered for the office
 *   it claims; kept, not counted;
 * - refused: failed verification, or older than a package already accepted; not kept.
 */
export type ImportOutcome = 'accepted' | 'corrected' | 'duplicate' | 'quarantined' | 'refused';

export interface ImportResult {
  /** The file name as given (a path for the CLI). */
  file: string;
  outcome: ImportOutcome;
  /** One sentence saying what happened and why. */
  message: Msg;
  sha256: string | null;
  officeCode: string | null;
  officeName: string | null;
  period: PeriodRef | null;
  sequence: number | null;
  /** The signer's certificate fingerprint (shown for quarantined packages). */
  fingerprint: string | null;
}

/**
 * current: counted; replaced: counted until a correction replaced it; stale: genuine but
 * older than the counted one when let out of quarantine, never counted; quarantined.
 */
export type InboxPackageStatus = 'current' | 'replaced' | 'stale' | 'quarantined';

/** A package the desk holds. */
export interface InboxPackageRow {
  sha256: string;
  fileName: string;
  officeCode: string;
  officeName: string;
  period: PeriodRef;
  sequence: number;
  supersedes: string | null;
  status: InboxPackageStatus;
  /** Why it is quarantined (null otherwise). */
  reason: Msg | null;
  fingerprint: string;
  subject: string;
  createdAt: string;
  signingTime: string;
  receivedAt: string;
  activities: number;
  /** The package that replaced this one. */
  replacedBy: string | null;
}

// ---------- who has reported ----------

export const INBOX_STATES = ['received', 'corrected', 'missing', 'quarantined'] as const;
export type InboxState = (typeof INBOX_STATES)[number];

export interface OfficeStatus {
  code: string;
  name: string;
  state: InboxState;
  /** The counted package's sequence (or the quarantined one's); null when missing. */
  sequence: number | null;
  /** When the counted (or quarantined) package was taken in; null when missing. */
  receivedAt: string | null;
  /** Received after the deadline, or still missing once it has passed. */
  late: boolean;
  /** False for an office that is not in the register (its packages are quarantined). */
  registered: boolean;
  /**
   * A half year or year made of the office's quarterly packages with some quarter still
   * missing: its figures count, but it has not reported the whole period.
   */
  partial: boolean;
  /** The periods whose counted packages make the office's figures (see MergedCoverage). */
  included: string[];
  /** The periods with no counted package yet (see MergedCoverage). */
  missing: string[];
}

/** `inbox status --period P --json` (INTERCHANGE.md), plus `deadline`. */
export interface InboxStatus {
  period: PeriodRef;
  /** The last day packages are on time, YYYY-MM-DD. */
  deadline: string;
  offices: OfficeStatus[];
}

/**
 * A completeness cell's state: an inbox state, or `notFollowed` for a period that ended
 * before the desk began to follow the office (nothing was expected of it then).
 */
export type CompletenessState = InboxState | 'notFollowed';

/** Offices × recent periods, for the completeness screen. */
export interface Completeness {
  periods: PeriodRef[];
  deadlines: string[];
  offices: {
    code: string;
    name: string;
    registered: boolean;
    cells: (Pick<OfficeStatus, 'sequence' | 'receivedAt' | 'late'> & {
      state: CompletenessState;
    })[];
  }[];
}

// ---------- merged figures ----------

/**
 * The periods a half year or year is made of, one level down: a year of its halves, a half
 * of its quarters ("2023-H1" → 2023-Q1, 2023-Q2); none for a quarter or ad hoc range. Keys do
 * not depend on the cut-off rule: the desk only takes in packages whose dates are its own
 * for the key, and Decree 09's halves and year begin and end with their quarters.
 */
export function subPeriods(key: string): string[] {
  const m = /^(\d{4})-(H1|H2|Y)$/.exec(key);
  if (!m) return [];
  if (m[2] === 'Y') return [`${m[1]}-H1`, `${m[1]}-H2`];
  return (m[2] === 'H1' ? [1, 2] : [3, 4]).map((q) => `${m[1]}-Q${q}`);
}

/** Every period inside `key`: a year's halves and quarters, a half's quarters. */
export function periodPieces(key: string): string[] {
  return subPeriods(key).flatMap((k) => [k, ...periodPieces(k)]);
}

/** The quarters a half year or year is made of; none for a quarter or ad hoc range. */
export function periodParts(key: string): string[] {
  return subPeriods(key).flatMap((k) => (subPeriods(k).length > 0 ? periodParts(k) : [k]));
}

/**
 * Which packages make an office's figures in the merge: the period's own package (`included`
 * is its key), or for a half year or year without one, the office's packages of the periods
 * inside it (a year: each half's own package or that half's quarters), `missing` the
 * quarters none of them covers. An office with nothing counted has `included` empty and
 * `missing` every quarter (for a quarter or ad hoc range: the period itself).
 */
export interface MergedCoverage {
  officeCode: string;
  name: string;
  included: string[];
  missing: string[];
}

/** One office's line in the merged figures (the table by office). */
export interface OfficeFigures {
  code: string;
  name: string;
  state: InboxState;
  sequence: number | null;
  activities: number;
  audience: number;
  costVnd: number;
  byChannel: Record<Channel, ChannelFigures>;
}

/**
 * The department's own work (its own logbook on this desk) and the offices' part, each as a
 * report's data: seed 000's section 2 tells them apart, then gives their sum.
 */
export interface MergedParts {
  own: { code: string; name: string; data: ReportData };
  offices: ReportData;
}

/**
 * The merged figures of a period over the counted packages. It is a ReportData (so the
 * office report's sentences and tables apply unchanged) plus the table by office; in
 * `figures.byCommune` a commune's code is prefixed with its office's ("LS-CAOLOC/CL-HT").
 */
export interface MergedData extends ReportData {
  offices: OfficeFigures[];
  /**
   * Registered offices expected to report, and how many have reported the whole period (its
   * own package, or every quarter of a half year or year).
   */
  expected: number;
  reported: number;
  /** Per office, in the order of `offices`: which periods' packages are counted, which are not. */
  coverage: MergedCoverage[];
  /**
   * Set when the desk also keeps the department's own logbook: the figures above are then
   * the sum of its own work and the offices'. Null when they are the offices' alone.
   */
  parts: MergedParts | null;
  /** Flagged communes reached, each with its office. */
  flaggedReached: {
    officeCode: string;
    officeName: string;
    code: string;
    name: string;
    flags: CommuneFlag[];
    activities: number;
    audience: number;
  }[];
}

/** What a drill-down starts from: any total of the merged figures. */
export const DrillSchema = z.strictObject({
  period: z.string().min(1).max(30),
  subject: z.enum(REPORT_SUBJECTS).default('trafficking'),
  channel: z.enum(CHANNELS).optional(),
  measure: z.enum(COUNT_MEASURES).optional(),
  flag: z.enum(COMMUNE_FLAGS).optional(),
  office: z.string().regex(OFFICE_CODE_RE).optional(),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(5000).optional(),
});
export type DrillInput = z.input<typeof DrillSchema>;

export interface DrillActivity {
  officeCode: string;
  officeName: string;
  id: string;
  channel: Channel;
  date: string;
  endDate: string | null;
  title: string;
  communes: string[];
  themes: Theme[];
  audience: number;
  costVnd: number;
  measures: Record<string, unknown>;
  /**
   * The package that carried it, whose photos of it `inbox:photos` lists; null for the
   * department's own activity, whose photos `activities:photos` lists.
   */
  packageSha256: string | null;
  photoCount: number;
}

export interface Drill {
  /** The total drilled into: activities, audience and (with `measure`) the measure's sum. */
  total: { activities: number; audience: number; value: number | null };
  offices: {
    code: string;
    name: string;
    activities: number;
    audience: number;
    value: number | null;
  }[];
  /** A window of the activities behind the total, by office then date. */
  activities: DrillActivity[];
}

export type { CountMeasure, FlagFigures };
