// Automatic verified backups and restore. A backup is made at start (at most once a day),
// before a data upgrade, a restore, an unlock for correction and a large import, and on
// demand; each is checked in full right after it is written and kept by the rotation rule. A
// copy goes to a second place (a folder or a USB stick) whenever that place is reachable.
// A restore checks the chosen file in full before anything changes, backs up what it replaces,
// then swaps the database file in one rename.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type {
  BackupEntry,
  BackupKind,
  BackupStatus,
  RecoveryOffer,
  RestorePreview,
  RestoreResult,
} from '../../../shared/backup';
import { AppError } from '../../../shared/errors';
import { prepareCandidate } from '../backup/candidate';
import { copyMissing, PHOTO_DIR } from '../photos/store';
import {
  activityIds,
  changedSince,
  diffActivities,
  factsOf,
  withReadOnly,
} from '../backup/inspect';
import { backupsToKeep, localDay } from '../backup/rotation';
import { snapshot } from '../backup/snapshot';
import {
  BACKUP_DIR,
  copyBackup,
  fileStamp,
  listFolder,
  MIRROR_FOLDER,
  readSettings,
  removeBackup,
  writeSettings,
} from '../backup/store';

/** What the core gives the backups: its database, and the one way to replace it. */
export interface DatabaseHost {
  readonly dataDir: string;
  readonly dbFile: string;
  /** The database in use; null when the file is missing or unreadable. */
  db(): Database | null;
  /** False when the start-up check found the file damaged (it is then only read). */
  readonly writable: boolean;
  /** Closes the database, renames `candidate` over its file, opens it again (upgrading it). */
  replace(candidate: string): void;
  now(): string;
}

/** Restores a transfer file's key and packages once its database is in place. */
export interface TransferTarget {
  restoreKey(bytes: Buffer, passphrase: string): string;
  /** Checks the passphrase opens the key, writing nothing. */
  checkKey(bytes: Buffer, passphrase: string): void;
}

export class BackupService {
  readonly folder: string;

  constructor(
    private readonly host: DatabaseHost,
    private readonly transferTarget: TransferTarget,
  ) {
    this.folder = path.join(host.dataDir, BACKUP_DIR);
  }

  private mirrorFolder(): string | null {
    const dir = readSettings(this.folder).mirrorDir;
    return dir ? path.join(dir, MIRROR_FOLDER) : null;
  }

  /** Whether the second place can be written now (a USB stick may be unplugged). */
  private mirrorReachable(): boolean {
    const dir = readSettings(this.folder).mirrorDir;
    if (!dir) return false;
    try {
      fs.accessSync(dir, fs.constants.W_OK);
      return fs.statSync(dir).isDirectory();
    } catch {
      return false;
    }
  }

  /** Every verified backup here and in the second place, newest first. */
  list(): BackupEntry[] {
    const local = listFolder(this.folder, 'local');
    const mirror = this.mirrorFolder();
    const known = new Set(local.map((e) => e.sha256));
    const copies = mirror ? listFolder(mirror, 'mirror').filter((e) => !known.has(e.sha256)) : [];
    return [...local, ...copies].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  status(): BackupStatus {
    const settings = readSettings(this.folder);
    const local = listFolder(this.folder, 'local');
    return {
      folder: this.folder,
      lastGood: local[0] ?? this.list()[0] ?? null,
      count: local.length,
      mirrorDir: settings.mirrorDir,
      mirrorReachable: this.mirrorReachable(),
      lastMirroredAt: settings.lastMirroredAt,
      mirrorPending: settings.mirrorPending,
    };
  }

  saveSettings(mirrorDir: string | null): BackupStatus {
    if (mirrorDir !== null && !path.isAbsolute(mirrorDir)) {
      throw new AppError(
        'invalid_input',
        {
          vi: `Nơi lưu bản sao thứ hai phải là một đường dẫn đầy đủ (ví dụ E:\\ hoặc /media/usb), không phải "${mirrorDir}".`,
          en: `The second place must be a full path (such as E:\\ or /media/usb), not "${mirrorDir}".`,
        },
        'mirrorDir',
      );
    }
    const settings = readSettings(this.folder);
    writeSettings(this.folder, {
      ...settings,
      mirrorDir,
      mirrorPending: mirrorDir !== null && listFolder(this.folder, 'local').length > 0,
    });
    this.mirror();
    return this.status();
  }

  /** A verified backup of the data in use, kept by the rotation and copied to the second place. */
  async make(kind: BackupKind): Promise<BackupEntry> {
    const db = this.host.db();
    if (!db) {
      throw new AppError('not_found', {
        vi: 'Không có dữ liệu để sao lưu: tệp dữ liệu bị mất hoặc trống.',
        en: 'There is no data to back up: the data file is missing or empty.',
      });
    }
    const entry = await snapshot(db, this.folder, kind, this.host.now());
    // The photos live beside the database, not in it: each backup folder keeps a copy of
    // the photo store, only ever added to, so any backup kept finds the photos it names.
    copyMissing(this.photoStore(), path.join(this.folder, PHOTO_DIR));
    this.rotate(this.folder, 'local');
    const settings = readSettings(this.folder);
    if (settings.mirrorDir) writeSettings(this.folder, { ...settings, mirrorPending: true });
    this.mirror();
    return entry;
  }

  /** At start and then now and again: a daily backup if today has none, and pending copies. */
  async tick(): Promise<BackupEntry | null> {
    this.mirror();
    const today = localDay(this.host.now());
    const latest = listFolder(this.folder, 'local')[0];
    if (latest && localDay(latest.createdAt) === today) return null;
    return this.make('daily');
  }

  /** Copies the newest backup to the second place when it is reachable; quiet otherwise. */
  mirror(): void {
    const settings = readSettings(this.folder);
    const dir = this.mirrorFolder();
    if (!dir || !settings.mirrorPending || !this.mirrorReachable()) return;
    const newest = listFolder(this.folder, 'local')[0];
    if (!newest) return;
    try {
      const there = new Set(listFolder(dir, 'mirror').map((e) => e.sha256));
      if (!there.has(newest.sha256)) copyBackup(newest, dir);
      copyMissing(this.photoStore(), path.join(dir, PHOTO_DIR));
      this.rotate(dir, 'mirror');
      writeSettings(this.folder, {
        ...settings,
        mirrorPending: false,
        lastMirroredAt: this.host.now(),
      });
    } catch (err) {
      // The stick was pulled out mid-copy, or is full: the copy stays pending.
      console.error('[backup] copy to the second place failed', err);
    }
  }

  private rotate(dir: string, location: BackupEntry['location']): void {
    const entries = listFolder(dir, location);
    const keep = backupsToKeep(entries);
    for (const e of entries) if (!keep.has(e.id)) removeBackup(e);
  }

  // ---------- restore ----------

  /** What a restore from `file` would bring back and lose; nothing is changed. */
  async preview(file: string): Promise<RestorePreview> {
    const candidate = await prepareCandidate(file, this.host.dataDir);
    try {
      let current = this.host.db();
      const diff = withReadOnly(candidate.file, (backup) => {
        try {
          return diffActivities(current, backup);
        } catch {
          current = null; // too damaged to compare: the preview shows the backup alone
          return diffActivities(null, backup);
        }
      });
      const now = current ? safeFacts(current) : null;
      return {
        source: candidate.source,
        current: now && {
          counts: now.counts,
          lastActivityDate: now.lastActivityDate,
          office: now.office,
        },
        lost: diff.lost,
        regained: diff.regained,
        activities: diff.activities,
        otherOffice:
          !!now?.office &&
          !!candidate.source.office &&
          now.office.code !== candidate.source.office.code,
        needsPassphrase: candidate.transfer?.key !== null && candidate.transfer !== null,
      };
    } finally {
      fs.rmSync(candidate.file, { force: true });
    }
  }

  async restore(file: string, passphrase?: string): Promise<RestoreResult> {
    const candidate = await prepareCandidate(file, this.host.dataDir);
    try {
      const key = candidate.transfer?.key ?? null;
      if (key) {
        if (!passphrase) {
          throw new AppError(
            'invalid_input',
            {
              vi: 'Tệp chuyển máy có khóa ký được bảo vệ bằng mật khẩu: hãy nhập mật khẩu đã đặt khi tạo tệp.',
              en: 'The transfer file holds a signing key protected by a passphrase: enter the passphrase set when it was made.',
            },
            'passphrase',
          );
        }
        this.transferTarget.checkKey(key, passphrase);
      }
      const { safetyBackup, keptDamaged } = await this.keepCurrent();
      this.host.replace(candidate.file);
      this.restorePhotos(file);
      let keyFingerprint: string | null = null;
      if (key && passphrase) keyFingerprint = this.transferTarget.restoreKey(key, passphrase);
      if (candidate.transfer) {
        // The packages now live in this data folder: their rows point here.
        const written = candidate.transfer.writePackages(this.host.dataDir);
        const db = this.host.db()!;
        const move = db.prepare('UPDATE packages SET path = ? WHERE file_name = ?');
        db.transaction(() => {
          for (const [name, file] of written) move.run(file, name);
        })();
      }
      return {
        restoredFrom: file,
        safetyBackup,
        keptDamaged,
        counts: candidate.source.counts,
        keyFingerprint,
      };
    } finally {
      fs.rmSync(candidate.file, { force: true });
    }
  }

  private photoStore(): string {
    return path.join(this.host.dataDir, PHOTO_DIR);
  }

  /**
   * The photos the restored data names: the photo copy kept beside the backup restored (a
   * USB stick's backup folder), this computer's backups and the second place (a transfer
   * file's photos went into the store as it was read). Photos already in the store stay;
   * none is ever removed.
   */
  private restorePhotos(file: string): void {
    const mirror = this.mirrorFolder();
    for (const dir of [
      path.join(path.dirname(path.resolve(file)), PHOTO_DIR),
      path.join(this.folder, PHOTO_DIR),
      ...(mirror ? [path.join(mirror, PHOTO_DIR)] : []),
    ]) {
      if (path.resolve(dir) !== path.resolve(this.photoStore()))
        copyMissing(dir, this.photoStore());
    }
  }

  /** Backs up the data about to be replaced; a damaged file is kept as it is, beside. */
  private async keepCurrent(): Promise<{
    safetyBackup: BackupEntry | null;
    keptDamaged: string | null;
  }> {
    const db = this.host.db();
    if (db) {
      try {
        const safetyBackup = await snapshot(db, this.folder, 'restore', this.host.now());
        return { safetyBackup, keptDamaged: null };
      } catch (err) {
        // A healthy file that cannot be backed up (a full disk) is not replaced unkept.
        const damaged = err instanceof AppError && err.code === 'db_damaged';
        if (this.host.writable && !damaged) throw err;
      }
    }
    return { safetyBackup: null, keptDamaged: this.keepDamaged() };
  }

  /** The files of a damaged or emptied database, copied aside untouched for a specialist. */
  private keepDamaged(): string | null {
    const stamp = fileStamp(this.host.now());
    const dir = path.join(this.folder, 'damaged', stamp);
    let kept = false;
    for (const suffix of ['', '-wal']) {
      const from = `${this.host.dbFile}${suffix}`;
      if (!fs.existsSync(from)) continue;
      fs.mkdirSync(dir, { recursive: true });
      fs.copyFileSync(from, path.join(dir, path.basename(from)));
      kept = true;
    }
    return kept ? dir : null;
  }

  /** What to offer at start when the data file is missing, emptied or damaged. */
  offer(reason: RecoveryOffer['reason']): RecoveryOffer {
    const latest = this.list()[0] ?? null;
    let after: RecoveryOffer['after'] = null;
    const db = this.host.db();
    if (db && latest) {
      try {
        after = changedSince(db, latest.createdAt, activityIds(latest.path));
      } catch {
        after = null; // too damaged to read even that
      }
    }
    return { reason, latest, after };
  }
}

/** Whether a verified backup exists in `folder` or in the second place its settings name. */
export function backupsExist(folder: string): boolean {
  if (listFolder(folder, 'local').length > 0) return true;
  const mirror = readSettings(folder).mirrorDir;
  return mirror !== null && listFolder(path.join(mirror, MIRROR_FOLDER), 'mirror').length > 0;
}

function safeFacts(db: Database) {
  try {
    return factsOf(db);
  } catch {
    return null;
  }
}
