// The start-up integrity check, taken off the start path. `PRAGMA quick_check` reads every
// page: 0.5 s at 100,000 activities, 2.5 s at 500,000, on every start, before the first
// window could show. The desktop app and browser mode open without it (open.ts, deferCheck)
// and run it here once the window is up, on a read-only connection in a worker thread:
// at once when the last session did not end cleanly, otherwise some minutes later, in the
// background. Damage found then turns the app read-only with the same message as before.
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import type { IntegrityStatus } from '../../../shared/contract';
import { workerFile } from '../workers/thread';

/** What the worker answers: quick_check's first line, or why it could not run. */
export type WorkerAnswer = { result: string } | { error: string };

export type IntegrityState = IntegrityStatus['state'];

/** How the last session ended, as far as the start can tell; decides when the check runs. */
export type LastEnd = 'clean' | 'unclean';

/** When the last session ended cleanly, the check waits this long: the start has priority. */
export const CLEAN_CHECK_DELAY_MS = 5 * 60 * 1000;

export const WORKER_FILE = 'integrity-worker.cjs';

/** Present while a session has the file open; removed by a clean close with a sound file. */
export function markerOf(dbFile: string): string {
  return `${dbFile}.open`;
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return -1;
  }
}

/**
 * Whether the last session ended uncleanly, asked before the file is opened. Two signs, for
 * two kinds of writer:
 * - the marker this app writes at open and removes at a clean close: left behind by a crash,
 *   a kill or a power cut of the desktop app or browser mode, whatever state the log was in
 *   (a crash right after a checkpoint leaves an empty log, yet the checkpoint's own writes
 *   to the main file may be what a dying disk tore); it is also kept on purpose when a
 *   session found the file damaged, so that the next start checks again at once;
 * - a non-empty write-ahead log: SQLite deletes it when the last connection closes cleanly
 *   (https://sqlite.org/wal.html#the_wal_file), so one left over means some writer (also
 *   the `tuyentruyen` command line, which writes no marker) stopped mid-session, or is still
 *   running, which only costs a check.
 * Either sign alone misses a case the other catches; a false alarm only runs the check now.
 */
export function lastEnd(dbFile: string): LastEnd {
  return fs.existsSync(markerOf(dbFile)) || sizeOf(`${dbFile}-wal`) > 0 ? 'unclean' : 'clean';
}

export function writeMarker(dbFile: string, now: string): void {
  // Not flushed: a power cut that loses it has the write-ahead log to tell on it.
  fs.writeFileSync(markerOf(dbFile), `${JSON.stringify({ pid: process.pid, openedAt: now })}\n`);
}

export function removeMarker(dbFile: string): void {
  fs.rmSync(markerOf(dbFile), { force: true });
}

/** The check on this thread: blocks, so only when no worker can start. */
function checkHere(file: string): WorkerAnswer {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return { result: db.pragma('quick_check', { simple: true }) as string };
  } finally {
    db.close();
  }
}

/** Runs quick_check in a worker thread; `stop` ends it (closing the app mid-check). */
export function quickCheckInWorker(file: string): {
  answer: Promise<WorkerAnswer>;
  stop: () => void;
} {
  let worker: Worker | null = null;
  const answer = new Promise<WorkerAnswer>((resolve) => {
    const fallback = (why: unknown) => {
      console.error('[integrity] no worker thread, checking on the main thread', why);
      try {
        resolve(checkHere(file));
      } catch (err) {
        resolve({ error: err instanceof Error ? err.message : String(err) });
      }
    };
    const script = workerFile(WORKER_FILE);
    if (!fs.existsSync(script)) return fallback(`${script} is missing`);
    try {
      worker = new Worker(script, { workerData: { file } });
    } catch (err) {
      return fallback(err);
    }
    let answered = false;
    worker.once('message', (m: WorkerAnswer) => {
      answered = true;
      resolve(m);
    });
    worker.once('error', (err) => {
      if (!answered) fallback(err);
    });
    worker.once('exit', () => {
      if (!answered) resolve({ error: 'stopped' });
    });
  });
  return {
    answer,
    stop: () => void worker?.terminate(),
  };
}

/**
 * The deferred check of one open database: `start` (once the window is up) runs it at once
 * after an unclean end, otherwise after `laterMs`. The result goes to `onResult`: the damage
 * found (quick_check's first line) or null when the file is sound.
 */
export class DeferredCheck {
  private current: IntegrityState = 'waiting';
  private finished: Promise<IntegrityState> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private fire: (() => void) | null = null;
  private stopWorker: (() => void) | null = null;
  private stopped = false;

  constructor(
    private readonly file: string,
    private readonly last: LastEnd,
    private readonly laterMs: number,
    private readonly onResult: (damage: string | null) => void,
    private readonly run = quickCheckInWorker,
  ) {}

  get state(): IntegrityState {
    return this.current;
  }

  /** Idempotent; resolves with the outcome once the check has run. */
  start(): Promise<IntegrityState> {
    this.finished ??= new Promise<IntegrityState>((resolve) => {
      const go = () => {
        this.timer = null;
        this.fire = null;
        if (this.stopped) return resolve(this.current);
        this.current = 'running';
        const running = this.run(this.file);
        const answer = running.answer;
        this.stopWorker = () => running.stop();
        void answer.then((a) => {
          this.stopWorker = null;
          if (this.stopped) return resolve(this.current);
          if ('error' in a) {
            // Unable to look is no finding: the app stays as it is and says so in the log.
            console.error('[integrity] the check could not run', a.error);
            this.current = 'failed';
          } else {
            this.current = a.result === 'ok' ? 'ok' : 'damaged';
            this.onResult(a.result === 'ok' ? null : a.result);
          }
          resolve(this.current);
        });
      };
      if (this.last === 'unclean') return go();
      this.fire = go;
      this.timer = setTimeout(go, this.laterMs);
      // A check still waiting never keeps the process alive.
      this.timer.unref();
    });
    return this.finished;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.fire?.(); // settles the waiting promise without running the check
    this.stopWorker?.();
  }
}
