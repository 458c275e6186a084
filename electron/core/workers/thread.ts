// Work moved off the main thread, so that it goes on meanwhile (the window's IPC, browser
// mode's HTTP server, or the next step of the same task on the second core). Each worker is
// its own bundle beside dist/main.cjs and dist/cli.cjs (scripts/build.mjs). Where no worker
// can start, the same work runs on this thread: slower, never different.
import fs from 'node:fs';
import path from 'node:path';
import diagnostics from 'node:diagnostics_channel';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { Reply, WorkerError } from './serve';

/** A worker's bundle: beside this bundle, or from the sources (tests), the build's. */
export function workerFile(name: string): string {
  const beside = path.join(__dirname, name);
  return fs.existsSync(beside) ? beside : path.resolve(__dirname, '../../../dist', name);
}

/**
 * Where each worker thread's start and each fall-back to the main thread is published
 * ({ file, event: 'start' | 'fallback' }), for whoever watches (the tests do).
 */
export const workerEvents = diagnostics.channel('tuyentruyen:worker');

/** An error a worker sent back, thrown here as it was thrown there. */
function revive(e: WorkerError): Error {
  if (e.app) return new AppError(e.app.code, e.app.msg, e.app.field);
  const err = new Error(e.message);
  if (e.stack) err.stack = e.stack;
  return err;
}

/**
 * One worker thread answering inputs in order. `here` is the same work, run on this thread
 * when the worker cannot start or dies; its answers are the same.
 */
export class WorkerThread<I, O> {
  private worker: Worker | null = null;
  private failed = false;
  private nextId = 0;
  private readonly waiting = new Map<
    number,
    { input: I; resolve: (o: O) => void; reject: (e: unknown) => void }
  >();

  constructor(
    private readonly file: string,
    private readonly here: (input: I) => O | Promise<O>,
    /** Turns what arrived by structured clone back into what `here` gives (Buffers). */
    private readonly revive: (raw: O) => O = (raw) => raw,
  ) {}

  run(input: I): Promise<O> {
    const worker = this.start();
    if (!worker) return Promise.resolve().then(() => this.here(input));
    const id = this.nextId++;
    return new Promise<O>((resolve, reject) => {
      this.waiting.set(id, { input, resolve, reject });
      worker.postMessage({ id, input });
    });
  }

  /** Ends the thread; work not answered yet runs here instead. */
  close(): void {
    const worker = this.worker;
    this.worker = null;
    this.failed = true;
    void worker?.terminate();
    this.runWaitingHere();
  }

  private start(): Worker | null {
    if (this.worker || this.failed) return this.worker;
    const script = workerFile(this.file);
    try {
      if (!fs.existsSync(script)) throw new Error(`${script} is missing`);
      const worker = new Worker(script);
      worker.unref();
      worker.on('message', (reply: Reply<O>) => {
        const job = this.waiting.get(reply.id);
        if (!job) return;
        this.waiting.delete(reply.id);
        if (reply.ok) job.resolve(this.revive(reply.value));
        else job.reject(revive(reply.error));
      });
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', () => this.fail('exited'));
      this.worker = worker;
      workerEvents.publish({ file: this.file, event: 'start' });
      return worker;
    } catch (err) {
      this.fail(err);
      return null;
    }
  }

  private fail(why: unknown): void {
    if (this.failed) return;
    if (this.waiting.size > 0 || why !== 'exited') {
      console.error(`[worker] ${this.file} unavailable, working on the main thread`, why);
      workerEvents.publish({ file: this.file, event: 'fallback' });
    }
    this.failed = true;
    this.worker = null;
    this.runWaitingHere();
  }

  private runWaitingHere(): void {
    for (const [id, job] of this.waiting) {
      this.waiting.delete(id);
      Promise.resolve()
        .then(() => this.here(job.input))
        .then(job.resolve, job.reject);
    }
  }
}
