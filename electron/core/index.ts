// createCore(dataDir): the engine, composed in one place. Desktop (IPC), browser mode
// (HTTP) and the CLI all reach it through `call`, which parses every input with its schema.

import path from 'node:path';
import { methods, METHOD_NAMES, type AppInfo, type Method } from '../../shared/contract';
import { AppError, toErrorInfo, type Lang, type Result } from '../../shared/errors';
import { describeIssue } from '../../shared/issues';
import { version } from '../../package.json';
import { LOGBOOK_OPENING } from '../../shared/logbook';
import { randomId, systemClock, type Context } from './context';
import { contractHandlers } from './handlers';
import { CLEAN_CHECK_DELAY_MS, DeferredCheck, type IntegrityState } from './db/integrity';
import { LiveDatabase } from './db/live';
import { acquireInstanceLock, type InstanceLock } from './instance';
import { BackupService, backupsExist } from './services/backups';
import { PackageRecovery } from './services/packageRecovery';
import { TransferService } from './services/transfer';
import { BACKUP_DIR } from './backup/store';
import { ActivityService } from './services/activities';
import { PhotoService } from './services/photos';
import { SheetExportService } from './services/sheetExport';
import { SheetImportService } from './services/sheetImport';
import { DirectiveService } from './services/directives';
import { InboxService } from './services/inbox';
import { LockService } from './services/locks';
import { OutboxService, type OutboxTuning } from './services/outbox';
import type { KeyAccess } from './services/keyAccess';
import { PackageService, type PassphraseSource } from './services/packages';
import { ProfileService } from './services/profile';
import { ReportService } from './services/report';
import type { KeySealer } from './signing';
import { sql } from './db/statements';

export interface CoreOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  /** Written in the audit log as the author of changes. */
  source?: string;
  now?: () => string;
  newId?: () => string;
  /** Opens a file with the desktop's default program (given by the Electron shell only). */
  openFile?: (file: string) => Promise<void>;
  /** Seals the office key (Electron's safeStorage, from the desktop shell); wins over `passphrase`. */
  keySealer?: KeySealer;
  /** Seals the office key otherwise: the CLI passes TUYENTRUYEN_PASSPHRASE or asks on the terminal. */
  passphrase?: PassphraseSource;
  /**
   * This process owns the data folder (desktop and browser mode; off for tests and the CLI):
   * it takes the instance lock, runs the outbox's delivery loop and the automatic backups.
   */
  outbox?: boolean;
  /** Backoff, poll and timeout of the outbox (tests shorten them). */
  outboxTuning?: OutboxTuning;
  /**
   * 'deferred' (desktop, browser mode): open without the integrity check and run it from
   * `checkIntegrity`, once the window is up (db/integrity.ts). 'at-open' (the default: the
   * CLI, tests) checks before anything else, as a one-shot command must.
   */
  integrityCheck?: 'at-open' | 'deferred';
  /** How long a deferred check waits after a clean end of the last session (tests shorten it). */
  integrityDelayMs?: number;
}

export const DB_FILE = 'tuyentruyen.sqlite';

export interface Core {
  readonly dataDir: string;
  readonly activities: ActivityService;
  readonly profile: ProfileService;
  readonly directives: DirectiveService;
  readonly report: ReportService;
  readonly locks: LockService;
  readonly packages: PackageService;
  readonly outbox: OutboxService;
  readonly inbox: InboxService;
  readonly backups: BackupService;
  readonly transfer: TransferService;
  info(): AppInfo;
  /** Records the browser-mode address a second start is pointed to. */
  announce(url: string): void;
  /** False when the data file is missing, emptied or unreadable (only a restore helps). */
  hasData(): boolean;
  /**
   * Called once the window is up: runs the deferred integrity check (at once after an
   * unclean end, otherwise later) and starts the outbox and backups (after an unclean end,
   * only once the file is known sound). Resolves when the check has run.
   */
  checkIntegrity(): Promise<IntegrityState>;
  /** The single entry for every transport: untrusted method name and input in, envelope out. */
  call(method: string, input: unknown, lang?: Lang): Promise<Result<unknown>>;
  /**
   * Keeps the answer of a read (one input per method; the logbook's opening, asked at every
   * start and reload): calls of that read with that input are given the last answer for as
   * long as nothing is written to the file; the first call after a write reads anew and
   * keeps that. For a read whose answer depends on the file alone.
   */
  keep(method: Method, input: unknown): void;
  close(): void;
}

function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

/** How often the owner process checks for a due daily backup and a reachable second place. */
const BACKUP_TICK_MS = 10 * 60 * 1000;
/**
 * The first check waits this long after start: the day's backup copies and hashes the whole
 * file (a second at 100,000 activities), which must not stand between the person and the
 * logbook's first rows. An app closed sooner makes it at its next start.
 */
const FIRST_BACKUP_DELAY_MS = 60 * 1000;

/** Methods that work without a database: enough to see the backups and restore one. */
function worksWithoutData(method: Method): boolean {
  const spec = methods[method];
  return method === 'app:info' || ('recovery' in spec && spec.recovery);
}

/** The logbook's opening (first page, then the page keys), asked at every start and reload. */
export function keepLogbookOpening(core: Core): void {
  core.keep('activities:pages', LOGBOOK_OPENING);
  core.keep('activities:anchors', LOGBOOK_OPENING);
}

export function createCore(options: CoreOptions): Core {
  const instance: InstanceLock | null = options.outbox
    ? acquireInstanceLock(options.dataDir, options.mode)
    : null;
  const ctx: Context = {
    db: undefined as unknown as Context['db'], // set by LiveDatabase before any use
    now: options.now ?? systemClock,
    newId: options.newId ?? randomId,
    source: options.source ?? options.mode,
  };
  const backupDir = path.join(options.dataDir, BACKUP_DIR);
  let outboxRunning = false;
  let live: LiveDatabase;
  try {
    live = new LiveDatabase(options.dataDir, DB_FILE, ctx, {
      hasBackups: () => backupsExist(backupDir),
      beforeReplace: () => {
        // The file checked later is about to go; the one restored is checked as it opens.
        integrity?.stop();
        integrity = null;
        outboxRunning = outbox.isStarted();
        outbox.stop();
      },
      afterReplace: () => {
        if (outboxRunning && live.writable) outbox.start();
      },
      deferCheck: options.integrityCheck === 'deferred',
    });
  } catch (err) {
    instance?.release();
    throw err;
  }
  const activities = new ActivityService(ctx);
  const sheetImport = new SheetImportService(ctx, activities);
  const sheetExport = new SheetExportService(ctx, options.dataDir, activities);
  const photos = new PhotoService(ctx, options.dataDir);
  const profile = new ProfileService(ctx);
  const directives = new DirectiveService(ctx);
  const report = new ReportService(ctx, options.dataDir);
  const locks = new LockService(ctx);
  // One object for both services: a passphrase given later ('key:unlock') reaches both.
  const keyAccess: KeyAccess = { sealer: options.keySealer, passphrase: options.passphrase };
  const packages = new PackageService(ctx, options.dataDir, report, locks, keyAccess);
  const outbox = new OutboxService(ctx, report, keyAccess, options.outboxTuning);
  const inbox = new InboxService(ctx, options.dataDir);
  const transfer = new TransferService(live, packages);
  const backups = new BackupService(live, transfer);
  const recovery = new PackageRecovery(ctx, options.dataDir, activities, report, locks);

  let integrity: DeferredCheck | null = live.unchecked
    ? new DeferredCheck(
        live.dbFile,
        live.unchecked,
        options.integrityDelayMs ?? CLEAN_CHECK_DELAY_MS,
        (damage) => {
          if (damage === null) return startBackground();
          console.error('[integrity] the data file is damaged:', damage);
          live.markDamaged(damage);
          stopBackground();
        },
      )
    : null;

  const info = (): AppInfo => ({
    version,
    dataDir: options.dataDir,
    mode: options.mode,
    writable: live.writable,
    problem: live.problem()?.vi ?? null,
    hasProfile: hasProfile(),
    // A damaged file that still reads, with no backup to offer, stays a read-only app.
    recovery:
      live.recovery && (!live.db() || backups.list().length > 0)
        ? backups.offer(live.recovery)
        : null,
  });

  function hasProfile(): boolean {
    if (!live.db()) return false;
    try {
      return profile.get() !== null;
    } catch {
      return live.writable; // a damaged file may not even read; the problem text says what to do
    }
  }

  const handlers = contractHandlers({
    ctx,
    dataDir: options.dataDir,
    mode: options.mode,
    instance,
    openFile: options.openFile,
    keyAccess,
    info,
    integrity: () => integrity?.state ?? (live.writable ? 'ok' : 'damaged'),
    activities,
    sheetImport,
    sheetExport,
    photos,
    profile,
    directives,
    report,
    locks,
    packages,
    outbox,
    inbox,
    transfer,
    backups,
    recovery,
  });
  const missing = METHOD_NAMES.filter((m) => typeof handlers[m] !== 'function');
  if (missing.length > 0)
    throw new Error(`contract methods without a handler: ${missing.join(', ')}`);

  /**
   * What changes when anything is written to the file, by this connection or another, or
   * when the file itself is replaced (a restore opens a new connection, whose counters
   * start again: each connection has its own number).
   */
  const connections = new WeakMap<object, number>();
  let connectionsSeen = 0;
  function dataStamp(): string | null {
    const db = live.db();
    if (!db) return null;
    let connection = connections.get(db);
    if (connection === undefined) {
      connection = ++connectionsSeen;
      connections.set(db, connection);
    }
    const version = db.pragma('data_version', { simple: true }) as number;
    const changes = sql(db, 'SELECT total_changes()').pluck().get() as number;
    return `${connection}:${version}:${changes}`;
  }

  /** The reads `keep` names (by method, the input as JSON), each with its last answer. */
  const kept = new Map<
    Method,
    { input: string; answer: { stamp: string; value: unknown } | null }
  >();

  /** The kept answer to this call, if it is a kept read and the file has not changed. */
  function keptAnswer(method: Method, input: string): { value: unknown } | null {
    const read = kept.get(method);
    if (!read || read.input !== input || !read.answer) return null;
    return read.answer.stamp === dataStamp() ? { value: read.answer.value } : null;
  }

  function keep(method: Method, input: unknown): void {
    if (methods[method].writes) throw new Error(`${method} writes: only a read can be kept`);
    const parsed = methods[method].input.safeParse(input);
    if (!parsed.success) throw new Error(`${method}: the input to keep is not valid`);
    kept.set(method, { input: JSON.stringify(parsed.data), answer: null });
  }

  async function call(method: string, input: unknown, lang: Lang = 'vi'): Promise<Result<unknown>> {
    try {
      if (!isMethod(method)) {
        throw new AppError('unknown_method', {
          vi: `Không có chức năng "${method}".`,
          en: `There is no method "${method}".`,
        });
      }
      const spec = methods[method];
      if (!live.db() && !worksWithoutData(method)) {
        const problem = live.problem();
        throw new AppError('db_damaged', {
          vi: problem?.vi ?? '',
          en: problem?.en ?? 'The data file cannot be used; restore a backup.',
        });
      }
      if (spec.writes && !live.writable) {
        throw new AppError('db_damaged', {
          vi: live.problem()?.vi ?? '',
          en: 'The data file is damaged; the app is read-only.',
        });
      }
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) {
        const issue = describeIssue(parsed.error.issues[0]!);
        throw new AppError(
          'invalid_input',
          { vi: `${issue.msg.vi}.`, en: `${issue.msg.en}.` },
          issue.field,
        );
      }
      const handler = handlers[method] as (i: unknown) => unknown;
      const read = kept.get(method);
      const keep = read ? JSON.stringify(parsed.data) : null;
      if (!read || keep !== read.input) return { ok: true, value: await handler(parsed.data) };
      const ready = keptAnswer(method, keep);
      if (ready) return { ok: true, value: ready.value };
      const stamp = dataStamp();
      const value = await handler(parsed.data);
      // Kept only when nothing was written while it was read (the answer could mix both).
      if (stamp !== null && dataStamp() === stamp) read.answer = { stamp, value };
      return { ok: true, value };
    } catch (err) {
      if (!(err instanceof AppError)) console.error(`[core] ${method} failed`, err);
      return { ok: false, error: toErrorInfo(err, lang) };
    }
  }

  // An export cut short by a crash: its temporary files go, its sequence number stays spent.
  if (live.writable) packages.recover();
  let ticker: NodeJS.Timeout | null = null;
  let firstTick: NodeJS.Timeout | null = null;
  let closed = false;
  function startBackground(): void {
    if (!options.outbox || !live.writable || ticker || closed) return;
    outbox.start();
    const tick = () =>
      void backups.tick().catch((err: unknown) => {
        // A backup cut short by closing the app is no failure: the next start makes it.
        if (!closed) console.error('[backup] failed', err);
      });
    firstTick = setTimeout(tick, FIRST_BACKUP_DELAY_MS);
    firstTick.unref();
    ticker = setInterval(tick, BACKUP_TICK_MS);
    ticker.unref();
  }
  function stopBackground(): void {
    outbox.stop();
    if (firstTick) clearTimeout(firstTick);
    if (ticker) clearInterval(ticker);
    ticker = null;
  }
  // Checked at open: the background work starts now; otherwise with checkIntegrity.
  if (!integrity) startBackground();

  return {
    dataDir: options.dataDir,
    activities,
    profile,
    directives,
    report,
    locks,
    packages,
    outbox,
    inbox,
    backups,
    transfer,
    info,
    call,
    keep,
    announce: (url) => instance?.announce(url),
    hasData: () => live.db() !== null,
    checkIntegrity: () => {
      if (!integrity) return Promise.resolve(live.writable ? 'ok' : 'damaged');
      if (integrity.state === 'waiting' && live.unchecked === 'clean') startBackground();
      return integrity.start();
    },
    close: () => {
      closed = true;
      integrity?.stop();
      if (firstTick) clearTimeout(firstTick);
      if (ticker) clearInterval(ticker);
      outbox.stop();
      live.close();
      instance?.release();
    },
  };
}

export { backupBeforeUpgrade, openCore } from './start';
