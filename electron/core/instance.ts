// One engine per data folder. The process that runs the outbox and the backups (the desktop
// app or a browser-mode server) holds an exclusive SQLite lock on `instance.lock` for its whole
// life: the operating system's own file lock (fcntl, LockFileEx), which goes away with the
// process however it ends, so a crash never leaves a stale lock and a reused process id never
// blocks a start. `instance.json` beside it says who holds it, to point a second start there.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { writeDurably } from './durable';

export const LOCK_FILE = 'instance.lock';
export const HOLDER_FILE = 'instance.json';

export interface Holder {
  pid: number;
  mode: string;
  startedAt: string;
  /** The browser-mode address, once the server listens. */
  url?: string;
}

export interface InstanceLock {
  /** Records the address a second start should point to. */
  announce(url: string): void;
  release(): void;
}

/** Who holds the folder, as it wrote itself down; null when nobody (or unreadable). */
export function readHolder(dataDir: string): Holder | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, HOLDER_FILE), 'utf8')) as Holder;
  } catch {
    return null;
  }
}

function inUse(dataDir: string): AppError {
  const h = readHolder(dataDir);
  const who =
    h?.mode === 'browser'
      ? { vi: 'ở chế độ trình duyệt', en: 'in browser mode' }
      : h?.mode === 'desktop'
        ? { vi: 'trong cửa sổ ứng dụng', en: 'in the desktop app' }
        : { vi: '', en: '' };
  const since = h ? ` (tiến trình ${h.pid}, từ ${h.startedAt})` : '';
  const sinceEn = h ? ` (process ${h.pid}, since ${h.startedAt})` : '';
  const where = h?.url ? { vi: ` Hãy mở: ${h.url}`, en: ` Open: ${h.url}` } : { vi: '', en: '' };
  return new AppError('in_use', {
    vi:
      `Sổ tuyên truyền đang chạy ${who.vi} với thư mục dữ liệu ${dataDir}${since}; ` +
      `không mở thêm một bản thứ hai để tránh gửi trùng và ghi đè.${where.vi}`,
    en:
      `Sổ tuyên truyền is already running ${who.en} on the data folder ${dataDir}${sinceEn}; ` +
      `a second copy is not started, so nothing is sent twice.${where.en}`,
  });
}

export function acquireInstanceLock(dataDir: string, mode: string): InstanceLock {
  fs.mkdirSync(dataDir, { recursive: true });
  let db: Database | null = new BetterSqlite3(path.join(dataDir, LOCK_FILE), { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // Held until the connection closes: the transaction is never ended on purpose.
    db.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw inUse(dataDir);
    throw err;
  }
  const holder: Holder = { pid: process.pid, mode, startedAt: new Date().toISOString() };
  const write = () =>
    writeDurably(
      path.join(dataDir, HOLDER_FILE),
      Buffer.from(`${JSON.stringify(holder, null, 2)}\n`),
      0o600,
    );
  write();
  return {
    announce(url) {
      holder.url = url;
      write();
    },
    release() {
      if (!db) return;
      fs.rmSync(path.join(dataDir, HOLDER_FILE), { force: true });
      db.close();
      db = null;
    },
  };
}
