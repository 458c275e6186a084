// What the engine answers: the shapes of the contract's outputs (contract.ts maps each
// method to one). Types only, so a renderer module that names them loads nothing.
import type { RecoveryOffer } from './backup';
import type { Channel, CommuneFlag, CountMeasure, ReportSubject } from './domain';
import type { Activity, Directive, Office } from './schemas';

export interface AppInfo {
  version: string;
  dataDir: string;
  mode: 'desktop' | 'browser' | 'cli';
  /** False when the start-up integrity check failed: the app is read-only until mended. */
  writable: boolean;
  problem: string | null;
  hasProfile: boolean;
  /** Set when the data file is missing, emptied or damaged: what a restore can bring back. */
  recovery: RecoveryOffer | null;
}

/**
 * The integrity check run after start (desktop, browser mode): 'waiting' until it starts,
 * 'running', then 'ok' or 'damaged' (app:info then says read-only and why); 'failed' when
 * it could not run, which is no finding.
 */
export interface IntegrityStatus {
  state: 'waiting' | 'running' | 'ok' | 'damaged' | 'failed';
}

/** One of the office's areas: a commune, ward, village, … (shared/areas.ts). */
export interface Commune {
  code: string;
  name: string;
  /** As the profile gives it; absent: the name's leading word says it (areaKind). */
  kind?: string;
  flags: CommuneFlag[];
  /** Codes of the areas merged into this one. */
  absorbed: string[];
  /** False for a commune dropped from the profile but still named by old activities. */
  active: boolean;
  /** For a dropped area merged into a current one: that one's code (its figures count there). */
  countsAs: string | null;
}

export interface ProfileView {
  office: Office;
  communes: Commune[];
}

export type ActivityRow = Activity & {
  communeCodes: string[];
  /** Photos attached (activities:photos lists them). */
  photoCount: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
};

export interface ChannelTotals {
  activities: number;
  audience: number;
  costVnd: number;
  measures: Partial<Record<CountMeasure, number>>;
}

export interface Totals {
  activities: number;
  audience: number;
  costVnd: number;
  byChannel: Partial<Record<Channel, ChannelTotals>>;
}

export interface ActivitySummary {
  /** Totals of every activity matching the filter (`totals.activities` of them). */
  totals: Totals;
  /** The period the filter named, resolved with the profile's cut-off rule. */
  period: { key: string; from: string; to: string; label: string } | null;
}

export interface ActivityPages extends ActivitySummary {
  pageSize: number;
  /** The rows of page 0, so the first screen needs one request. */
  first: ActivityRow[];
}

export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'restore'
  | 'lock'
  | 'unlock'
  | 'export'
  | 'trust'
  | 'revoke'
  | 'receive'
  | 'replace'
  | 'quarantine'
  | 'release';

export interface AuditEntry {
  id: number;
  at: string;
  entity:
    'activity' | 'directive' | 'profile' | 'period' | 'package' | 'office' | 'inbox' | 'settings';
  entityId: string;
  action: AuditAction;
  source: string;
  before: unknown;
  after: unknown;
}

export interface PeriodLock {
  key: string;
  from: string;
  to: string;
  label: string;
  lockedAt: string;
  /** SHA-256 of the package whose export locked the period. */
  packageSha256: string | null;
  /** Set when unlocked for correction; the lock is then lifted. */
  unlockedAt: string | null;
  unlockReason: string | null;
  /** The subjects whose reports the package signed. */
  subjects: ReportSubject[];
}

export type DirectiveRow = Directive & {
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
};

export type DeliveryKind = 'folder' | 'email' | 'upload';
export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';

export interface DeliveryRow {
  id: string;
  packageSha256: string;
  /** The package's number, the name a person knows it by ("gói số 1"). */
  packageSequence: number;
  /** The number of the correction that replaced the package; its waiting deliveries left the queue. */
  replacedBy: number | null;
  /** The package's file name and period, for the outbox screen. */
  fileName: string;
  periodKey: string;
  kind: DeliveryKind;
  /** Folder path, recipient address or upload URL. */
  destination: string;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: string | null;
  /** What went wrong and what to do, in plain Vietnamese. */
  lastError: string | null;
  /** The technical words behind `lastError` (the system's or the server's), if any. */
  errorDetail: string | null;
  messageId: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
}

export interface DriveInfo {
  path: string;
  label: string;
}

export interface DeliverySettings {
  smtpHost: string;
  smtpPort: number;
  /** 'tls': TLS from the first byte (465); 'starttls': upgrade required (587); 'none': plain. */
  smtpSecurity: 'tls' | 'starttls' | 'none';
  smtpUser: string;
  /** The password itself is write-only. */
  hasPassword: boolean;
  passwordSealedWith: 'os' | 'passphrase' | null;
  sender: string;
  /** As saved; empty means "the profile's recipients that are email addresses". */
  recipients: string[];
  /** The addresses email deliveries go to. */
  effectiveRecipients: string[];
  uploadUrl: string;
}
