// What a database file holds, read without changing it: its integrity, counts, latest activity
// and office, and how its activities differ from the data in use (a restore's preview).
// Backups may come from older versions of the app, so every table is looked up before use.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { ActivityBrief, BackupCounts } from '../../../shared/backup';
import type { Channel } from '../../../shared/domain';

export interface FileFacts {
  integrity: string;
  counts: BackupCounts;
  lastActivityDate: string | null;
  lastChangeAt: string | null;
  office: { code: string; name: string } | null;
  dataVersion: number;
}

const hasTable = (db: Database, name: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !==
  undefined;

function scalar<T>(db: Database, table: string, query: string, fallback: T): T {
  if (!hasTable(db, table)) return fallback;
  const value = db.prepare(query).pluck().get() as T | null | undefined;
  return value ?? fallback;
}

/** Counts and landmarks of an open database (the live one or a copy). */
export function factsOf(db: Database): Omit<FileFacts, 'integrity'> {
  const count = (table: string, where = '') =>
    scalar(db, table, `SELECT COUNT(*) FROM ${table} ${where}`, 0);
  const office = hasTable(db, 'office')
    ? (db.prepare('SELECT code, name FROM office WHERE id = 1').get() as
        { code: string; name: string } | undefined)
    : undefined;
  return {
    counts: {
      activities: count('activities', 'WHERE deleted_at IS NULL'),
      deletedActivities: count('activities', 'WHERE deleted_at IS NOT NULL'),
      directives: count('directives', 'WHERE deleted_at IS NULL'),
      packages: count('packages'),
      inboxPackages: count('inbox_packages'),
    },
    lastActivityDate: scalar<string | null>(
      db,
      'activities',
      'SELECT MAX(date) FROM activities WHERE deleted_at IS NULL',
      null,
    ),
    lastChangeAt: scalar<string | null>(db, 'audit_log', 'SELECT MAX(at) FROM audit_log', null),
    office: office ? { code: office.code, name: office.name } : null,
    dataVersion: db.pragma('user_version', { simple: true }) as number,
  };
}

/** Opens a database file read-only, runs `fn`, closes it. */
export function withReadOnly<T>(file: string, fn: (db: Database) => T): T {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/**
 * The full integrity check and the facts of a database file. `settle` first turns a copy
 * made from a WAL database into a single self-contained file (rollback journal), which is how
 * backups are kept: one file, nothing beside it.
 */
export function inspectFile(file: string, settle = false): FileFacts {
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    if (settle) db.pragma('journal_mode = DELETE');
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const integrity = rows.map((r) => r.integrity_check).join('; ');
    return { integrity, ...factsOf(db) };
  } finally {
    db.close();
  }
}

interface Stamp {
  id: string;
  date: string;
  channel: Channel;
  title: string;
  updated_at: string;
  deleted_at: string | null;
}

const STAMPS = 'SELECT id, date, channel, title, updated_at, deleted_at FROM activities';

function stamps(db: Database): Map<string, Stamp> {
  if (!hasTable(db, 'activities')) return new Map();
  return new Map((db.prepare(STAMPS).all() as Stamp[]).map((s) => [s.id, s]));
}

export interface ActivityDiff {
  lost: number;
  regained: number;
  activities: ActivityBrief[];
}

const brief = (s: Stamp, change: ActivityBrief['change']): ActivityBrief => ({
  id: s.id,
  date: s.date,
  channel: s.channel,
  title: s.title,
  change,
});

/**
 * What replacing `current` by `backup` does to the activities: those recorded since are lost,
 * those changed since go back to the old version, those deleted since come back.
 */
export function diffActivities(
  current: Database | null,
  backup: Database,
  show = 50,
): ActivityDiff {
  const now = current ? stamps(current) : new Map<string, Stamp>();
  const then = stamps(backup);
  const changes: { stamp: Stamp; change: ActivityBrief['change'] }[] = [];
  for (const [id, s] of now) {
    if (s.deleted_at !== null) continue;
    const old = then.get(id);
    if (!old || old.deleted_at !== null) changes.push({ stamp: s, change: 'lost' });
    else if (old.updated_at !== s.updated_at) changes.push({ stamp: s, change: 'reverted' });
  }
  for (const [id, s] of then) {
    if (s.deleted_at !== null) continue;
    const live = now.get(id);
    if (!live || live.deleted_at !== null) changes.push({ stamp: s, change: 'regained' });
  }
  changes.sort((a, b) => b.stamp.updated_at.localeCompare(a.stamp.updated_at));
  const going = changes.filter((c) => c.change !== 'regained');
  const coming = changes.filter((c) => c.change === 'regained');
  return {
    lost: going.length,
    regained: coming.length,
    // Each kind its own share, so that many losses never hide what comes back.
    activities: [...going.slice(0, show), ...coming.slice(0, show)].map((c) =>
      brief(c.stamp, c.change),
    ),
  };
}

/**
 * Activities of a (possibly damaged) database changed after `since`, newest first: 'lost'
 * when `held` (the backup's ids) lacks them, else 'reverted' to the backup's version.
 */
export function changedSince(
  db: Database,
  since: string,
  held: ReadonlySet<string>,
  show = 50,
): ActivityBrief[] {
  if (!hasTable(db, 'activities')) return [];
  const rows = db
    .prepare(`${STAMPS} WHERE updated_at > ? ORDER BY updated_at DESC LIMIT ?`)
    .all(since, show) as Stamp[];
  return rows.map((s) => brief(s, held.has(s.id) ? 'reverted' : 'lost'));
}

/** The ids of a database file's activities (a backup's). */
export function activityIds(file: string): Set<string> {
  return withReadOnly(file, (db) =>
    hasTable(db, 'activities')
      ? new Set(db.prepare('SELECT id FROM activities').pluck().all() as string[])
      : new Set<string>(),
  );
}
