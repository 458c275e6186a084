// What every command shares: exit codes, the output sink, argument parsing, opening the core.
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError, type Msg, type Result } from '../../shared/errors';
import { openCore as openEngine, type Core } from '../core';
import { defaultDataDir } from '../core/paths';

export const EXIT_OK = 0;
export const EXIT_REFUSED = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const stdio: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

export const GLOBAL_OPTIONS = {
  'data-dir': { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export function parse<O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
  /** How many positionals; -1 for any number. */
  positionals: number,
) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { ...GLOBAL_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (positionals >= 0 && parsed.positionals.length !== positionals) {
    throw new UsageError(
      parsed.positionals.length > positionals
        ? `thừa tham số: ${parsed.positionals.slice(positionals).join(' ')}`
        : 'thiếu tham số',
    );
  }
  return parsed;
}

/**
 * The engine on the data folder. Commands that read services directly need the data itself:
 * on a missing or emptied file they stop with the app's own sentence (restore a backup),
 * unless `needsData` is false (the backup commands, which are how it is mended).
 */
export async function openCore(
  values: { 'data-dir'?: string | undefined },
  needsData = true,
): Promise<Core> {
  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir();
  const core = await openEngine({ dataDir, mode: 'cli', source: 'cli' });
  return needsData ? requireData(core) : core;
}

/** The core, or its sentence when the data file is missing or emptied (closed then). */
export function requireData(core: Core): Core {
  if (core.hasData()) return core;
  const problem = core.info().problem ?? '';
  core.close();
  throw new AppError('db_damaged', { vi: problem, en: problem });
}

export function refused(msg: Msg): AppError {
  return new AppError('invalid_input', msg);
}

/**
 * The value of a `core.call`, or its error thrown again, so that `run` prints it as one
 * sentence on stderr and exits 1 like any other refusal. The message is already in the
 * language asked for, so it stands for both.
 */
export function unwrap<T>(result: Result<unknown>): T {
  if (result.ok) return result.value as T;
  const { code, message, field } = result.error;
  throw new AppError(code, { vi: message, en: message }, field);
}

/**
 * For a write that cannot go through `core.call` (`inbox import` reads packages from paths,
 * possibly larger than the contract's base64 cap): the refusal `core.call` gives on a file the
 * start-up check found damaged, before anything is read or written.
 */
export function requireWritable(core: Core): void {
  const info = core.info();
  if (info.writable) return;
  throw new AppError('db_damaged', {
    vi: info.problem ?? '',
    // The same words as the guard in core.call.
    en: 'The data file is damaged; the app is read-only.',
  });
}
