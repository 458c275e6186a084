// Runs `PRAGMA quick_check` on its own read-only connection in a worker thread, so that the
// main thread (the desktop window's IPC, browser mode's HTTP server) keeps answering while
// every page of the file is read. Bundled to dist/integrity-worker.cjs (scripts/build.mjs).
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import type { WorkerAnswer } from './integrity';

function check(file: string): WorkerAnswer {
  try {
    // Read-only and never creating the file: the check must not change what it looks at.
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      // The first line only, as the check at open quotes it in the damaged-file message.
      return { result: db.pragma('quick_check', { simple: true }) as string };
    } finally {
      db.close();
    }
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const message = err instanceof Error ? err.message : String(err);
    // A header or page SQLite cannot even read is damage; anything else (a locked or
    // vanished file) says nothing about the data.
    if (typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code))
      return { result: message };
    return { error: message };
  }
}

parentPort?.postMessage(check((workerData as { file: string }).file));
