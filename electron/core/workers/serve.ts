// The worker side of WorkerThread (thread.ts): answers each input with its id, an AppError
// as its code and message so the main thread throws the same one.
import { parentPort } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../../shared/errors';
import type { Msg } from '../../../shared/errors';

export interface WorkerError {
  app?: { code: ErrorCode; msg: Msg; field: string | undefined };
  message: string;
  stack?: string;
}

export type Reply<O> =
  { id: number; ok: true; value: O } | { id: number; ok: false; error: WorkerError };

/** The answer and the memory it hands over rather than copies (ArrayBuffers it alone uses). */
export interface Answer<O> {
  value: O;
  transfer?: ArrayBuffer[];
}

export function serve<I, O>(work: (input: I) => Answer<O> | Promise<Answer<O>>): void {
  const port = parentPort;
  if (!port) throw new Error('serve() runs in a worker thread');
  port.on('message', ({ id, input }: { id: number; input: I }) => {
    Promise.resolve()
      .then(() => work(input))
      .then(
        ({ value, transfer }) =>
          port.postMessage({ id, ok: true, value } satisfies Reply<O>, transfer ?? []),
        (err: unknown) => {
          const error: WorkerError =
            err instanceof AppError
              ? { app: { code: err.code, msg: err.msg, field: err.field }, message: err.message }
              : err instanceof Error
                ? { message: err.message, stack: err.stack }
                : { message: String(err) };
          port.postMessage({ id, ok: false, error } satisfies Reply<O>);
        },
      );
  });
}
