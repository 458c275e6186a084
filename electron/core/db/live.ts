// The database in use, as the core holds it: opened at start (or not, when the file is
// missing, emptied or unreadable and backups exist: the app then offers a restore instead of
// starting as a fresh install), and replaced in one rename by a restore.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { RecoveryOffer } from '../../../shared/backup';
import { AppError, type Msg } from '../../../shared/errors';
import type { Context } from '../context';
import { fsyncFolder } from '../durable';
import type { DatabaseHost } from '../services/backups';
import { lastEnd, removeMarker, writeMarker, type LastEnd } from './integrity';
import { closeDatabase, damaged, openDatabase, type OpenedDatabase } from './open';

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return -1;
  }
}

export interface LiveHooks {
  /** Whether any verified backup exists (here or in the second place). */
  hasBackups(): boolean;
  /** Around a replacement: the outbox stops and starts again. */
  beforeReplace(): void;
  afterReplace(): void;
  /**
   * Open without quick_check (desktop and browser mode): the core runs it after start
   * (db/integrity.ts). A restore still checks at once: it is not on the start path.
   */
  deferCheck?: boolean;
}

export class LiveDatabase implements DatabaseHost {
  readonly dataDir: string;
  readonly dbFile: string;
  private opened: OpenedDatabase | null = null;
  /** Why the data cannot be used as it is; null when all is well. */
  recovery: RecoveryOffer['reason'] | null = null;
  private problemText: Msg | null = null;
  /** How the last session ended, when the check was left for later; null when it ran. */
  unchecked: LastEnd | null = null;
  private marked = false;

  constructor(
    dataDir: string,
    dbName: string,
    private readonly ctx: Context,
    private readonly hooks: LiveHooks,
  ) {
    this.dataDir = dataDir;
    this.dbFile = path.join(dataDir, dbName);
    this.start(hooks.deferCheck === true);
  }

  private start(deferCheck = false): void {
    const size = sizeOf(this.dbFile);
    if (size <= 0 && this.hooks.hasBackups()) {
      this.recovery = size < 0 ? 'missing' : 'empty';
      this.problemText = {
        vi:
          `Tệp dữ liệu ${this.dbFile} ${size < 0 ? 'không còn' : 'trống rỗng'}, nhưng máy có bản sao lưu. ` +
          'Ứng dụng không bắt đầu lại từ đầu: hãy khôi phục bản sao lưu gần nhất.',
        en:
          `The data file ${this.dbFile} is ${size < 0 ? 'missing' : 'empty'}, but backups exist. ` +
          'The app does not start afresh: restore the latest backup.',
      };
      this.attach(null);
      return;
    }
    try {
      // Asked before opening: the open itself creates the write-ahead log.
      const last = deferCheck ? lastEnd(this.dbFile) : null;
      this.attach(openDatabase(this.dbFile, undefined, { deferCheck }));
      if (last && !this.opened!.checked) this.unchecked = last;
      if (deferCheck && this.opened!.writable) {
        writeMarker(this.dbFile, this.ctx.now());
        this.marked = true;
      }
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'db_damaged' || !this.hooks.hasBackups())
        throw err;
      this.recovery = 'damaged';
      this.problemText = err.msg;
      this.attach(null);
      return;
    }
    if (!this.opened!.writable) {
      this.recovery = 'damaged';
      this.problemText = { vi: this.opened!.problem ?? '', en: 'The data file is damaged.' };
    }
  }

  private attach(opened: OpenedDatabase | null): void {
    this.opened = opened;
    // Without a database, services never run (core.call refuses them); an empty in-memory
    // database stands in so that nothing reads a closed handle.
    this.ctx.db = opened?.db ?? new BetterSqlite3(':memory:');
  }

  db(): Database | null {
    return this.opened?.db ?? null;
  }

  get writable(): boolean {
    return this.opened?.writable ?? false;
  }

  problem(): Msg | null {
    return this.problemText;
  }

  /** The deferred check found damage: from now on as if the check at open had found it. */
  markDamaged(detail: string): void {
    if (!this.opened?.writable) return;
    const msg = damaged(this.dbFile, detail).msg;
    this.opened = { ...this.opened, writable: false, problem: msg.vi };
    this.recovery = 'damaged';
    this.problemText = { vi: msg.vi, en: 'The data file is damaged.' };
  }

  now(): string {
    return this.ctx.now();
  }

  replace(candidate: string): void {
    this.hooks.beforeReplace();
    const wal = `${this.dbFile}-wal`;
    // A damaged log was copied aside when found; it must not be replayed into the new file.
    const damagedLog = this.opened?.damagedLog === true;
    this.closeFile();
    if (damagedLog) fs.rmSync(wal, { force: true });
    try {
      // Another connection (the command line) would keep the write-ahead log open: its
      // pages would then be read into the restored file. Refuse rather than mix them.
      if (sizeOf(wal) > 0) {
        throw new AppError('in_use', {
          vi: 'Một chương trình khác (có thể là lệnh tuyentruyen) đang dùng tệp dữ liệu; hãy đóng nó rồi khôi phục lại.',
          en: 'Another program (perhaps a tuyentruyen command) is using the data file; close it and restore again.',
        });
      }
      fs.rmSync(wal, { force: true });
      fs.rmSync(`${this.dbFile}-shm`, { force: true });
      fs.renameSync(candidate, this.dbFile);
      fsyncFolder(this.dataDir);
    } catch (err) {
      this.recovery = null;
      this.start();
      this.hooks.afterReplace();
      if (err instanceof AppError) throw err;
      throw new AppError('in_use', {
        vi: `Không thay được tệp dữ liệu (${(err as Error).message}); dữ liệu hiện tại giữ nguyên. Hãy đóng các chương trình khác đang mở nó rồi thử lại.`,
        en: `The data file could not be replaced (${(err as Error).message}); the data in use is unchanged. Close other programs using it and try again.`,
      });
    }
    this.recovery = null;
    this.problemText = null;
    this.start();
    this.hooks.afterReplace();
  }

  close(): void {
    const sound = this.writable;
    this.closeFile();
    // Kept when the file was found damaged: the next start then checks again at once.
    if (this.marked && sound) removeMarker(this.dbFile);
    this.marked = false;
  }

  private closeFile(): void {
    const db = this.opened?.db;
    this.opened = null;
    if (db) {
      try {
        closeDatabase(db);
      } catch {
        /* a damaged file may refuse `PRAGMA optimize`; it is closed all the same */
      }
    }
    if (this.ctx.db.open && this.ctx.db.memory) this.ctx.db.close();
  }
}
