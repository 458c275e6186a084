// The one contract between the renderer and the engine (Actual Budget's handlers.ts idea):
// 'domain:verb' → input schema and output type. The preload, the IPC registration, the
// browser-mode server and renderer/src/api.ts are all typed from this file, and the core
// refuses to start if a method has no handler.

import { z } from 'zod';
import { backupMethods, type BackupOutputs } from './backup';
import { CHANNELS } from './domain';
import type { Lang, Result } from './errors';
import type {
  Completeness,
  DeskSettings,
  Drill,
  ImportResult,
  InboxPackageRow,
  InboxStatus,
  MergedData,
  TrustedOffice,
  TrustResult,
} from './inbox';
import { DeskSettingsSchema, DrillSchema, OFFICE_CODE_RE } from './inbox';
import type { ExportPreview, ExportResult, KeyInfo, PackageCheck, PackageRow } from './package';
import type { ReportData, ReportFileView, ReportTexts, SeriesPoint } from './report';
import type { ChannelLargest } from './plausibility';
import { photoMethods, type PhotoOutputs } from './photos';
import { sheetMethods, type SheetOutputs } from './sheetImport';
import {
  ActivityFilterSchema,
  ActivityInputSchema,
  ActivityWindowSchema,
  ActivityPageSchema,
  ActivityPagesSchema,
  DirectiveInputSchema,
  PeriodKeySchema,
  ProfileSchema,
  ReportKeySchema,
  ReportTextsSchema,
  refuseXmlInvalid,
  type ActivityKey,
} from './schemas';
import type {
  AppInfo,
  IntegrityStatus,
  ProfileView,
  ActivityRow,
  ActivitySummary,
  ActivityPages,
  AuditEntry,
  PeriodLock,
  DirectiveRow,
  DeliveryRow,
  DriveInfo,
  DeliverySettings,
} from './views';

const none = z.strictObject({});
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const periodKey = z.string().min(1).max(30);
// Text typed here can reach a Word file or a signed package: refuse what XML cannot hold.
const nfcText = (max: number) =>
  z
    .string()
    .superRefine(refuseXmlInvalid)
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1).max(max));
const byId = z.strictObject({ id: z.string().min(1).max(100) });

/** Every method: its input schema and whether it writes (writes are refused on a damaged file). */
export const methods = {
  'app:info': { input: none, writes: false },
  'app:integrity': { input: none, writes: false },
  'profile:get': { input: none, writes: false },
  'profile:save': { input: ProfileSchema, writes: true },
  'activities:list': { input: ActivityWindowSchema, writes: false },
  'activities:summary': { input: ActivityFilterSchema, writes: false },
  /** What the logbook opens with: the totals and the first page. */
  'activities:pages': { input: ActivityPagesSchema, writes: false },
  /** The key of every page's first row, asked once the first page shows. */
  'activities:anchors': { input: ActivityPagesSchema, writes: false },
  /** One page of the logbook, from a key given by `activities:anchors`. */
  'activities:page': { input: ActivityPageSchema, writes: false },
  'activities:get': { input: byId, writes: false },
  'activities:create': { input: ActivityInputSchema, writes: true },
  'activities:update': {
    input: z.strictObject({ id: z.string().min(1).max(100), activity: ActivityInputSchema }),
    writes: true,
  },
  'activities:delete': { input: byId, writes: true },
  'activities:restore': { input: byId, writes: true },
  'activities:latest': { input: z.strictObject({ channel: z.enum(CHANNELS) }), writes: false },
  'activities:largest': { input: z.strictObject({ channel: z.enum(CHANNELS) }), writes: false },
  'activities:audit': { input: byId, writes: false },
  /**
   * Imports a file's records all or nothing (`tuyentruyen activities import`); each record is
   * parsed by the service, so an error names the file, the record and its line.
   */
  'activities:import': {
    input: z.strictObject({
      fileName: z.string().min(1).max(4096),
      records: z.array(z.unknown()).max(1_000_000),
      /** The line of each record in a JSON Lines file, to name it in an error. */
      lines: z.array(z.number().int().min(1)).max(1_000_000).optional(),
    }),
    writes: true,
  },
  'directives:list': {
    input: z.strictObject({
      deleted: z.boolean().optional(),
      search: z.string().max(200).optional(),
    }),
    writes: false,
  },
  'directives:save': { input: DirectiveInputSchema, writes: true },
  'directives:delete': { input: byId, writes: true },
  'directives:restore': { input: byId, writes: true },
  'report:data': { input: ReportKeySchema, writes: false },
  'report:series': {
    input: ReportKeySchema.extend({ count: z.number().int().min(1).max(12).optional() }),
    writes: false,
  },
  'report:texts': { input: ReportKeySchema, writes: false },
  /** Refused once the period is locked: the signed texts stay as signed. */
  'report:saveTexts': {
    input: ReportKeySchema.extend({ texts: ReportTextsSchema }),
    writes: true,
  },
  // Writes a file under the data folder, not the database: allowed on a read-only database.
  'report:docx': { input: ReportKeySchema, writes: false },
  /** The period's figures as a spreadsheet (per channel, area, theme, flagged areas). */
  'report:sheet': { input: ReportKeySchema, writes: false },
  /** Opens the period's Word file in the desktop's word processor (desktop only). */
  'report:open': { input: ReportKeySchema, writes: false },
  'periods:locks': { input: none, writes: false },
  'periods:unlock': {
    input: z.strictObject({
      period: z.string().min(1).max(30),
      reason: z
        .string()
        .superRefine(refuseXmlInvalid)
        .transform((s) => s.normalize('NFC').trim())
        .pipe(z.string().min(5).max(2000)),
    }),
    writes: true,
  },
  /** Writes the period's signed package into the data folder's packages/ and locks the period. */
  'package:export': {
    input: PeriodKeySchema.extend({
      /** Another folder for the package, instead of packages/ (`tuyentruyen export --out DIR`). */
      outDir: z.string().min(1).max(4096).optional(),
      /** A period without any activity is exported only when the nil report is meant. */
      allowEmpty: z.boolean().optional(),
    }),
    writes: true,
  },
  /** What an export would sign and replace, shown before anything is written or locked. */
  'package:preview': { input: PeriodKeySchema, writes: false },
  /** The province confirmed it received the package (by phone, letter…), or not after all. */
  'package:confirm': {
    input: z.strictObject({
      sha256,
      confirmed: z.boolean(),
      note: z
        .string()
        .max(500)
        .superRefine(refuseXmlInvalid)
        .transform((s) => s.normalize('NFC').trim())
        .default(''),
    }),
    writes: true,
  },
  'package:list': { input: none, writes: false },
  /** Checks a package file without importing it (the same check as `tuyentruyen verify`). */
  'package:verify': {
    input: z.strictObject({ path: z.string().min(1).max(4096) }),
    writes: false,
  },
  'key:info': { input: none, writes: false },
  'key:backup': {
    input: z.strictObject({ passphrase: z.string().min(8).max(200) }),
    writes: false,
  },
  'key:restore': {
    input: z.strictObject({
      base64: z.base64().max(200_000),
      passphrase: z.string().min(1).max(200),
    }),
    writes: true,
  },
  'key:importPkcs12': {
    input: z.strictObject({ base64: z.base64().max(200_000), passphrase: z.string().max(200) }),
    writes: true,
  },
  /**
   * Holds the signing key's passphrase in the engine's memory (browser mode asks for it in
   * the page when a call answers 'passphrase_required'); checked against the sealed key, so
   * a wrong one is refused and nothing is held. Writes nothing.
   */
  'key:unlock': {
    input: z.strictObject({ passphrase: z.string().min(1).max(200) }),
    writes: false,
  },
  // ---------- the outbox ----------
  'outbox:list': { input: none, writes: false },
  /** One delivery per destination (email: one per recipient); a pair already queued is kept. */
  'outbox:enqueue': {
    input: z.strictObject({
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      folder: z.string().min(1).max(4096).optional(),
      email: z.boolean().optional(),
      upload: z.boolean().optional(),
    }),
    writes: true,
  },
  'outbox:sendNow': { input: byId, writes: true },
  'outbox:cancel': { input: byId, writes: true },
  'outbox:drives': { input: none, writes: false },
  'settings:getDelivery': { input: none, writes: false },
  /** `smtpPassword`: absent keeps the stored one, '' removes it; it is never returned. */
  'settings:saveDelivery': {
    input: z.strictObject({
      smtpHost: z.string().trim().max(255),
      smtpPort: z.number().int().min(1).max(65535),
      smtpSecurity: z.enum(['tls', 'starttls', 'none']),
      smtpUser: z.string().trim().max(320),
      smtpPassword: z.string().max(1000).optional(),
      sender: z.string().trim().max(320),
      recipients: z.array(z.string().trim().max(320)).max(50),
      uploadUrl: z.string().trim().max(2000),
    }),
    writes: true,
  },
  // ---------- the province desk ----------
  'settings:getDesks': { input: none, writes: false },
  'settings:saveDesks': { input: DeskSettingsSchema, writes: true },
  'trust:list': { input: none, writes: false },
  /** Registers an office from its certificate file (PEM or DER); code and name default to the certificate's. */
  'trust:addCertificate': {
    input: z.strictObject({
      base64: z.base64().max(200_000),
      code: z.string().regex(OFFICE_CODE_RE).optional(),
      name: nfcText(200).optional(),
    }),
    writes: true,
  },
  /** Registers an office from its enrolment sheet: the fingerprint typed, or the QR text. */
  'trust:addFingerprint': {
    input: z.strictObject({
      code: z.string().regex(OFFICE_CODE_RE),
      name: nfcText(200),
      fingerprint: z.string().min(1).max(200),
    }),
    writes: true,
  },
  /** Registers the signer of a quarantined package (after comparing with the sheet). */
  'trust:fromPackage': {
    input: z.strictObject({ sha256, name: nfcText(200).optional() }),
    writes: true,
  },
  'trust:revoke': { input: z.strictObject({ fingerprint: z.string().max(200) }), writes: true },
  'trust:restore': { input: z.strictObject({ fingerprint: z.string().max(200) }), writes: true },
  /** Removes an office from whom nothing was ever counted; undone by 'trust:restoreOffice'. */
  'trust:removeOffice': {
    input: z.strictObject({ code: z.string().regex(OFFICE_CODE_RE) }),
    writes: true,
  },
  /** Puts back a removed office and its certificates, from the audit log. */
  'trust:restoreOffice': {
    input: z.strictObject({ code: z.string().regex(OFFICE_CODE_RE) }),
    writes: true,
  },
  /** The period from which the office must report (null: from its first package or registration). */
  'trust:followFrom': {
    input: z.strictObject({ code: z.string().regex(OFFICE_CODE_RE), period: periodKey.nullable() }),
    writes: true,
  },
  /** Takes in one package file; the renderer sends each file of a selection or a folder. */
  'inbox:import': {
    input: z.strictObject({
      fileName: z.string().min(1).max(1000),
      // A package of a quarter is a few MB; browser mode's HTTP body cap (64 MB) fits this.
      base64: z.base64().max(48 * 1024 * 1024),
    }),
    writes: true,
  },
  'inbox:packages': {
    input: z.strictObject({ period: periodKey.optional() }),
    writes: false,
  },
  'inbox:status': { input: PeriodKeySchema, writes: false },
  'inbox:completeness': {
    input: z.strictObject({ period: periodKey, count: z.number().int().min(1).max(12).optional() }),
    writes: false,
  },
  'inbox:figures': { input: ReportKeySchema, writes: false },
  'inbox:drill': { input: DrillSchema, writes: false },
  'inbox:texts': { input: ReportKeySchema, writes: false },
  'inbox:saveTexts': {
    input: ReportKeySchema.extend({ texts: ReportTextsSchema }),
    writes: true,
  },
  /** The merged report; writes a file under the data folder only. */
  'inbox:docx': { input: ReportKeySchema, writes: false },
  /** The province's completeness, merged figures and table by office as a spreadsheet. */
  'inbox:sheet': { input: ReportKeySchema, writes: false },
  ...backupMethods,
  ...sheetMethods,
  ...photoMethods,
} as const;

export type Method = keyof typeof methods;
export const METHOD_NAMES = Object.keys(methods) as Method[];

// ---------- outputs (their shapes: views.ts) ----------

export type * from './views';
interface Outputs extends BackupOutputs, SheetOutputs, PhotoOutputs {
  'app:info': AppInfo;
  'app:integrity': IntegrityStatus;
  'profile:get': ProfileView | null;
  'profile:save': ProfileView;
  'activities:list': ActivityRow[];
  'activities:summary': ActivitySummary;
  'activities:pages': ActivityPages;
  /** The key of the first row of each page, in order: page n holds rows n·pageSize onwards. */
  'activities:anchors': ActivityKey[];
  'activities:page': ActivityRow[];
  'activities:get': ActivityRow;
  'activities:create': ActivityRow;
  'activities:update': ActivityRow;
  'activities:delete': ActivityRow;
  'activities:restore': ActivityRow;
  'activities:latest': ActivityRow | null;
  'activities:largest': ChannelLargest;
  'activities:audit': AuditEntry[];
  'activities:import': { created: number; updated: number; unchanged: number };
  'directives:list': DirectiveRow[];
  'directives:save': DirectiveRow;
  'directives:delete': DirectiveRow;
  'directives:restore': DirectiveRow;
  'report:data': ReportData;
  'report:series': SeriesPoint[];
  'report:texts': ReportTexts;
  'report:saveTexts': ReportTexts;
  'report:docx': ReportFileView;
  'report:sheet': ReportFileView;
  'report:open': ReportFileView;
  'periods:locks': PeriodLock[];
  'periods:unlock': PeriodLock;
  'package:export': ExportResult;
  'package:preview': ExportPreview;
  'package:confirm': PackageRow;
  'package:list': PackageRow[];
  'package:verify': PackageCheck;
  'key:info': KeyInfo;
  'key:backup': { fileName: string; base64: string };
  'key:restore': KeyInfo;
  'key:importPkcs12': KeyInfo;
  'key:retire': KeyInfo;
  'key:unlock': KeyInfo;
  'outbox:list': DeliveryRow[];
  'outbox:enqueue': DeliveryRow[];
  'outbox:sendNow': DeliveryRow;
  'outbox:cancel': DeliveryRow;
  'outbox:drives': DriveInfo[];
  'settings:getDelivery': DeliverySettings;
  'settings:saveDelivery': DeliverySettings;
  'settings:getDesks': DeskSettings;
  'settings:saveDesks': DeskSettings;
  'trust:list': TrustedOffice[];
  'trust:addCertificate': TrustResult;
  'trust:addFingerprint': TrustResult;
  'trust:fromPackage': TrustResult;
  'trust:revoke': TrustedOffice;
  'trust:restore': TrustResult;
  'trust:removeOffice': TrustedOffice;
  'trust:restoreOffice': TrustResult;
  'trust:followFrom': TrustedOffice;
  'inbox:import': ImportResult;
  'inbox:packages': InboxPackageRow[];
  'inbox:status': InboxStatus;
  'inbox:completeness': Completeness;
  'inbox:figures': MergedData;
  'inbox:drill': Drill;
  'inbox:texts': ReportTexts;
  'inbox:saveTexts': ReportTexts;
  'inbox:docx': ReportFileView;
  'inbox:sheet': ReportFileView;
}

// A method without an output type, or an output without a method, fails to compile here.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const outputsCoverMethods: Exact<keyof Outputs, Method> = true;
void outputsCoverMethods;

export type Input<M extends Method> = z.input<(typeof methods)[M]['input']>;
export type ParsedInput<M extends Method> = z.output<(typeof methods)[M]['input']>;
export type Output<M extends Method> = Outputs[M];

/** What the engine implements: one function per method, given the parsed input. */
export type Handlers = { [M in Method]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> };

/** The raw transport every way in speaks: a method name and untrusted input. */
export type Call = (method: string, input: unknown, lang?: Lang) => Promise<Result<unknown>>;

/** What the renderer calls: typed, already unwrapped (errors thrown as ApiError). */
export type Api = { [M in Method]: (input: Input<M>) => Promise<Output<M>> };

export { HTTP_API_PREFIX, HTTP_TOKEN_HEADER, IPC_CHANNEL, type PreloadApi } from './transport';
