// Backups, restore and moving to another computer: the shapes the engine, the CLI and the
// screens share. A backup is a plain SQLite file made with SQLite's online backup, verified
// after writing, with a JSON description beside it (FORMATS.md, "Backups").

import { z } from 'zod';
import type { Channel } from './domain';
import type { Msg } from './errors';

export const BACKUP_KINDS = [
  'daily',
  'manual',
  'migration',
  'restore',
  'unlock',
  'import',
] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** Kept whatever the rotation says: the state before a change that cannot be undone otherwise. */
export const PINNED_KINDS: readonly BackupKind[] = ['migration', 'restore'];

export const BACKUP_KIND_LABELS: Record<BackupKind, Msg> = {
  daily: { vi: 'Tự động hằng ngày', en: 'Daily' },
  manual: { vi: 'Sao lưu ngay', en: 'On demand' },
  migration: { vi: 'Trước khi nâng cấp dữ liệu', en: 'Before a data upgrade' },
  restore: { vi: 'Trước khi khôi phục', en: 'Before a restore' },
  unlock: { vi: 'Trước khi mở khóa kỳ báo cáo', en: 'Before unlocking a period' },
  import: { vi: 'Trước khi nhập nhiều hoạt động', en: 'Before a large import' },
};

/** Extension of the one-file move to another computer (database + sealed key + packages). */
export const TRANSFER_EXTENSION = '.ttmove';
/** Imports larger than this are preceded by a backup. */
export const IMPORT_BACKUP_THRESHOLD = 100;

export interface BackupCounts {
  activities: number;
  deletedActivities: number;
  directives: number;
  packages: number;
  inboxPackages: number;
}

export interface BackupEntry {
  /** The file's name: unique within its folder. */
  id: string;
  path: string;
  /** 'mirror': the second place (a folder or USB stick) set in the settings. */
  location: 'local' | 'mirror';
  kind: BackupKind;
  createdAt: string;
  sizeBytes: number;
  sha256: string;
  counts: BackupCounts;
  /** Date of the latest activity recorded (not deleted). */
  lastActivityDate: string | null;
  /** Time of the latest change written in the audit log. */
  lastChangeAt: string | null;
  office: { code: string; name: string } | null;
  dataVersion: number;
  pinned: boolean;
}

export interface BackupStatus {
  folder: string;
  lastGood: BackupEntry | null;
  count: number;
  mirrorDir: string | null;
  /** The mirror folder exists and can be written now (a USB stick plugged in). */
  mirrorReachable: boolean;
  lastMirroredAt: string | null;
  /** A backup waits to be copied to the mirror folder once it is reachable. */
  mirrorPending: boolean;
}

/** One activity in a restore's preview. */
export interface ActivityBrief {
  id: string;
  date: string;
  channel: Channel;
  title: string;
  /** What the restore does to it. */
  change: 'lost' | 'reverted' | 'regained';
}

export interface RestoreSource {
  path: string;
  kind: 'backup' | 'transfer';
  createdAt: string | null;
  office: { code: string; name: string } | null;
  counts: BackupCounts;
  lastActivityDate: string | null;
  /** The signing key a transfer file carries (null: none, or a plain backup). */
  keyFingerprint: string | null;
}

export interface RestorePreview {
  source: RestoreSource;
  /** The data now in use; null when there is none (a missing or emptied file). */
  current: {
    counts: BackupCounts;
    lastActivityDate: string | null;
    office: { code: string; name: string } | null;
  } | null;
  /** Recorded or changed since the backup: gone or back to the old version after a restore. */
  lost: number;
  /** Deleted since the backup (or never here): back after a restore. */
  regained: number;
  /** The newest activities of each kind (lost or reverted, regained), up to 50 of each. */
  activities: ActivityBrief[];
  /** The backup belongs to another office than the data in use. */
  otherOffice: boolean;
  /** A transfer file's key is sealed with a passphrase: restoring it needs that passphrase. */
  needsPassphrase: boolean;
}

export interface RestoreResult {
  restoredFrom: string;
  /** The backup of what was replaced (null when there was nothing to keep). */
  safetyBackup: BackupEntry | null;
  /** Where a damaged or emptied file was copied, untouched, instead (null: none was). */
  keptDamaged: string | null;
  counts: BackupCounts;
  keyFingerprint: string | null;
}

export interface TransferResult {
  path: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  counts: BackupCounts;
  keyFingerprint: string | null;
  packages: number;
}

export interface PackageRecoveryPreview {
  path: string;
  office: { code: string; name: string };
  period: { key: string; label: string };
  sequence: number;
  activities: number;
  /** Not in the data now: taken back by the recovery. */
  missing: number;
  /** Already here with the same id: left as they are. */
  present: number;
  /** The package itself is unknown to this data: it is registered again (its lock too). */
  registersPackage: boolean;
}

export interface PackageRecoveryResult {
  added: number;
  registeredPackage: boolean;
}

/** What the app offers at start when its data file is missing, emptied or damaged. */
export interface RecoveryOffer {
  reason: 'missing' | 'empty' | 'damaged';
  latest: BackupEntry | null;
  /**
   * Activities of the damaged file changed after the latest backup (when it still reads):
   * 'lost' if the backup lacks them, 'reverted' if it holds an older version.
   */
  after: ActivityBrief[] | null;
}

// ---------- method inputs ----------

const filePath = z.string().min(1).max(4096);

export const BackupSettingsSchema = z.strictObject({
  /** A folder or a USB stick for a second copy of each backup; null turns it off. */
  mirrorDir: filePath.nullable(),
});

export const RestoreInputSchema = z.strictObject({
  path: filePath,
  /** The passphrase a transfer file's key was sealed with. */
  passphrase: z.string().min(1).max(200).optional(),
});

export const TransferInputSchema = z.strictObject({
  /** The folder the file goes to; default: the data folder's `transfers/`. */
  outDir: filePath.optional(),
  /** The file itself (`tuyentruyen transfer --out FILE`); wins over outDir. */
  outFile: filePath.optional(),
  /** Seals the signing key inside the file; asked again on the new computer. */
  passphrase: z.string().min(8).max(200),
});

export const backupMethods = {
  'backup:status': { input: z.strictObject({}), writes: false, recovery: true },
  'backup:list': { input: z.strictObject({}), writes: false, recovery: true },
  /** A verified backup now; the database is only read. */
  'backup:make': { input: z.strictObject({}), writes: false, recovery: false },
  'backup:saveSettings': { input: BackupSettingsSchema, writes: false, recovery: true },
  'backup:preview': {
    input: z.strictObject({ path: filePath }),
    writes: false,
    recovery: true,
  },
  /**
   * Replaces the data with a backup or a transfer file, after backing up what is replaced.
   * Allowed on a damaged file: mending it is the point.
   */
  'backup:restore': { input: RestoreInputSchema, writes: false, recovery: true },
  'backup:packagePreview': {
    input: z.strictObject({ path: filePath }),
    writes: false,
    recovery: false,
  },
  /** Takes back a package's activities missing from the data, and the package itself. */
  'backup:recoverPackage': {
    input: z.strictObject({ path: filePath }),
    writes: true,
    recovery: false,
  },
  'backup:transfer': { input: TransferInputSchema, writes: false, recovery: false },
  /** Marks this computer's key as moved away (true) or in use again (false). */
  'key:retire': {
    input: z.strictObject({ retired: z.boolean() }),
    writes: false,
    recovery: false,
  },
} as const;

export interface BackupOutputs {
  'backup:status': BackupStatus;
  'backup:list': BackupEntry[];
  'backup:make': BackupEntry;
  'backup:saveSettings': BackupStatus;
  'backup:preview': RestorePreview;
  'backup:restore': RestoreResult;
  'backup:packagePreview': PackageRecoveryPreview;
  'backup:recoverPackage': PackageRecoveryResult;
  'backup:transfer': TransferResult;
}
