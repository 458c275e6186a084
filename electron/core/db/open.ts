// The one place the database is opened (Signal's openAndSetUpSQLCipher). Pragmas are set
// and read back on every open: better-sqlite3's build defaults WAL to synchronous=NORMAL,
// which can lose the last commits on power loss (https://sqlite.org/pragma.html#pragma_synchronous),
// and a laptop in a district office loses power.

import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { BACKUP_DIR, fileStamp } from '../backup/store';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';
import { walDamage, type WalDamage } from './wal';

export interface OpenedDatabase {
  db: Database;
  /** False when quick_check failed: reads work, writes are refused. */
  writable: boolean;
  problem: string | null;
  /** The write-ahead log is damaged: the file is open read-only so that nothing replays it. */
  damagedLog?: boolean;
  /** Whether quick_check ran here; false when it was left to the caller (`deferCheck`). */
  checked: boolean;
}

export interface OpenOptions {
  /**
   * Leave quick_check to the caller (db/integrity.ts, on another thread), unless a migration
   * is pending: a migration rewrites tables and must not build on a damaged file. The check
   * reads every page (0.5 s at 100,000 activities, 2.5 s at 500,000), too long to hold the
   * first window back on every start.
   */
  deferCheck?: boolean;
}

const SYNCHRONOUS_FULL = 2;

/** The damaged-file error; its text is the read-only banner's, wherever the damage is found. */
export function damaged(file: string, detail: string): AppError {
  return new AppError('db_damaged', {
    vi:
      `Tệp dữ liệu ${file} bị hỏng (${detail}). Ứng dụng chỉ cho xem, không ghi thêm để tránh mất dữ liệu. ` +
      'Hãy khôi phục bản sao lưu gần nhất ở mục "Sao lưu và khôi phục" (tệp hỏng được giữ lại trước khi thay); ' +
      'nếu chưa có bản sao lưu nào, hãy sao chép cả thư mục dữ liệu sang USB rồi liên hệ người hỗ trợ kỹ thuật.',
    en:
      `The data file ${file} is damaged (${detail}). The app is read-only to avoid losing data. ` +
      'Restore the latest backup under "Backup and restore" (the damaged file is kept first); without any ' +
      'backup, copy the whole data folder to a USB stick and ask for technical support.',
  });
}

/**
 * A write-ahead log that would silently drop commits: its files are copied aside for a
 * specialist and the database is opened read-only, so that no checkpoint folds the log in
 * and the damage is found again at every start until a backup is restored.
 */
function openWithDamagedLog(file: string, damage: WalDamage): OpenedDatabase {
  const stamp = fileStamp(new Date().toISOString());
  const aside = path.join(path.dirname(file), BACKUP_DIR, 'damaged', `${stamp}-wal`);
  fs.mkdirSync(aside, { recursive: true });
  for (const suffix of ['', '-wal']) {
    fs.copyFileSync(`${file}${suffix}`, path.join(aside, path.basename(`${file}${suffix}`)));
  }
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  const problem =
    `Nhật ký ghi của tệp dữ liệu (${path.basename(file)}-wal) bị hỏng: ${damage.lostCommits} lần ghi ` +
    'sau chỗ hỏng không đọc được và sẽ mất nếu ghi tiếp. Ứng dụng chỉ cho xem. Bản sao các tệp hỏng ' +
    `được giữ ở ${aside}. Hãy khôi phục bản sao lưu gần nhất, rồi lấy lại hoạt động từ các gói đã xuất.`;
  return { db, writable: false, problem, damagedLog: true, checked: true };
}

export function openDatabase(
  file: string,
  migrations: readonly Migration[] = MIGRATIONS,
  options: OpenOptions = {},
): OpenedDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const damage = walDamage(`${file}-wal`);
  if (damage) return openWithDamagedLog(file, damage);
  let db: Database;
  try {
    db = new BetterSqlite3(file);
    db.pragma('journal_mode = WAL');
  } catch (err) {
    throw damaged(file, err instanceof Error ? err.message : String(err));
  }
  try {
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    assertPragmas(db);

    const version = db.pragma('user_version', { simple: true }) as number;
    const latest = migrations[migrations.length - 1]?.version ?? 0;
    if (version > latest) {
      throw new AppError('db_newer', {
        vi:
          `Tệp dữ liệu ${file} được tạo bởi một phiên bản mới hơn của ứng dụng (phiên bản dữ liệu ${version}, ` +
          `phiên bản này chỉ đọc được đến ${latest}). Hãy cài phiên bản mới nhất của Sổ tuyên truyền; ` +
          'dữ liệu không bị thay đổi.',
        en:
          `The data file ${file} was made by a newer version of the app (data version ${version}, this version ` +
          `reads up to ${latest}). Install the latest Sổ tuyên truyền; nothing was changed.`,
      });
    }

    if (options.deferCheck && version === latest) {
      return { db, writable: true, problem: null, checked: false };
    }
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') {
      if (version < latest) throw damaged(file, check);
      return { db, writable: false, problem: damaged(file, check).msg.vi, checked: true };
    }

    migrate(db, migrations, version);
    return { db, writable: true, problem: null, checked: true };
  } catch (err) {
    db.close();
    if (err instanceof AppError) throw err;
    throw damaged(file, err instanceof Error ? err.message : String(err));
  }
}

/** Runs every pending migration in one transaction and stamps user_version. */
export function migrate(db: Database, migrations: readonly Migration[], from: number): void {
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${Number(pending[pending.length - 1]!.version)}`);
  })();
}

export function assertPragmas(db: Database): void {
  const journal = db.pragma('journal_mode', { simple: true });
  const sync = db.pragma('synchronous', { simple: true });
  const fk = db.pragma('foreign_keys', { simple: true });
  if (journal !== 'wal' || sync !== SYNCHRONOUS_FULL || fk !== 1) {
    throw new Error(
      `pragmas not applied: journal_mode=${String(journal)} synchronous=${String(sync)} foreign_keys=${String(fk)}`,
    );
  }
}

export function closeDatabase(db: Database): void {
  if (!db.open) return;
  try {
    // https://sqlite.org/pragma.html#pragma_optimize: run before closing a connection.
    if (!db.readonly) db.pragma('optimize');
  } finally {
    db.close();
  }
}

export { LATEST_VERSION };
