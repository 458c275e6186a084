// How the desktop app, browser mode and the CLI open the engine: the data as it was is backed
// up before this version upgrades it, then the core is composed.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { BACKUP_DIR } from './backup/store';
import { snapshot } from './backup/snapshot';
import { systemClock } from './context';
import { LATEST_VERSION } from './db/open';
import { walDamage } from './db/wal';
import { createCore, DB_FILE, type Core, type CoreOptions } from './index';

/**
 * The data folder's database, backed up with SQLite's online backup when this version of the
 * app is about to upgrade it (the upgrade cannot be undone otherwise). Null when there is
 * nothing to upgrade.
 */
export async function backupBeforeUpgrade(dataDir: string, now: () => string = systemClock) {
  const file = path.join(dataDir, DB_FILE);
  let db: BetterSqlite3.Database;
  try {
    if (fs.statSync(file).size === 0) return null;
    // Opening would fold a damaged log in and lose the proof: createCore reports it instead.
    if (walDamage(`${file}-wal`)) return null;
    db = new BetterSqlite3(file, { fileMustExist: true });
  } catch {
    return null;
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === 0 || version >= LATEST_VERSION) return null;
    return await snapshot(db, path.join(dataDir, BACKUP_DIR), 'migration', now());
  } catch (err) {
    // A file too damaged to copy: opening it says so, and offers the backups there are.
    console.error('[backup] before the data upgrade', err);
    return null;
  } finally {
    db.close();
  }
}

/** How the desktop app, browser mode and the CLI open the engine: a backup before an upgrade. */
export async function openCore(options: CoreOptions): Promise<Core> {
  await backupBeforeUpgrade(options.dataDir, options.now);
  return createCore(options);
}
