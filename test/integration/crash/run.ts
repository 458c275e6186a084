// One crash run, shared by the test (crash-writes.test.ts) and the bench (bench/crash.bench.ts):
// a fresh data folder with a profile, the writer (writer.ts) started on it as a child
// process, a SIGKILL at a point the seed chooses, then the file read back and compared
// with what the writer said was acknowledged before it died.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { build } from 'esbuild';
import { createCore, DB_FILE } from '../../../electron/core';
import type { ActivityRow } from '../../../shared/contract';
import { makeActivity, rng } from '../../fixtures/activities';
import profile from '../../fixtures/profile.json';

/**
 * Bundles writer.ts into `<root>/test-output/crash/` (git-ignored): inside the repository,
 * so the bundle's `require('better-sqlite3')` finds the repository's node_modules. The
 * file name carries the pid, so a test and a bench running at once do not overwrite each
 * other's bundle. Returns the bundle's path; the caller removes it.
 */
export async function buildWriter(root: string): Promise<string> {
  const outfile = path.join(root, 'test-output', 'crash', `writer-${process.pid}.cjs`);
  await build({
    entryPoints: [path.join(root, 'test/integration/crash/writer.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // As the app's own build: native and run-time packages stay in node_modules.
    external: ['better-sqlite3', 'sharp', 'exceljs', '@fast-csv/parse'],
    logLevel: 'warning',
  });
  return outfile;
}

/** When the kill comes: right after the start, after so many acknowledgements, or later. */
export type KillPlan =
  | { after: 'start'; ms: number }
  | { after: 'acks'; count: number }
  | { after: 'first ack'; ms: number };

export function killPlan(seed: number): KillPlan {
  const random = rng(seed ^ 0x5eed);
  const r = random();
  // Before or while the writer opens the file (its first write is acknowledged about 0.4 s
  // after the start), in the middle of a stream of writes, and later on: each write adds
  // about 8 pages to the WAL, so a checkpoint (every 1,000 pages) runs every 130 writes or so.
  if (r < 0.2) return { after: 'start', ms: Math.floor(random() * 500) };
  if (r < 0.6) return { after: 'acks', count: 1 + Math.floor(random() * 300) };
  return { after: 'first ack', ms: Math.floor(random() * 1200) };
}

export function describePlan(plan: KillPlan): string {
  if (plan.after === 'acks') return `killed after ${plan.count} acknowledgements`;
  return `killed ${plan.ms} ms after the ${plan.after}`;
}

export interface CrashRun {
  seed: number;
  plan: KillPlan;
  /** Acknowledged writes (calls) checked against the file. */
  acks: number;
  /** The write started but not acknowledged when the kill came, and whether the file has it. */
  inFlight: { kind: InFlight['kind']; landed: boolean } | null;
  /** Spawn to the end of the checks. */
  ms: number;
  /** Empty when every check held; each entry says what did not. */
  problems: string[];
}

interface Expected {
  title: string;
  deleted: boolean;
}

/** The write that was started but not acknowledged when the kill came: either outcome is allowed. */
interface InFlight {
  kind: 'create' | 'update' | 'delete' | 'import';
  records: { id: string | null; title: string | null }[];
}

interface Said {
  acked: Map<string, Expected>;
  inFlight: InFlight | null;
  acks: number;
  problems: string[];
}

const splitFirst = (text: string): [string, string] => {
  const space = text.indexOf(' ');
  return space < 0 ? [text, ''] : [text.slice(0, space), text.slice(space + 1)];
};

/** Reads the writer's stdout (format in writer.ts); an unfinished last line was never said. */
export function parseSaid(stdout: string): Said {
  const lines = stdout.split('\n');
  lines.pop();
  const acked = new Map<string, Expected>();
  const problems: string[] = [];
  let inFlight: InFlight | null = null;
  let acks = 0;
  const refuse = (n: number, line: string) =>
    problems.push(`writer line ${n + 1} "${line}" does not answer the write before it`);

  for (const [n, line] of lines.entries()) {
    const [verb, afterVerb] = splitFirst(line);
    const [kind, rest] = splitFirst(afterVerb);
    if (verb === 'try') {
      if (kind === 'create') inFlight = { kind, records: [{ id: null, title: rest }] };
      else if (kind === 'update') {
        const [id, title] = splitFirst(rest);
        inFlight = { kind, records: [{ id, title }] };
      } else if (kind === 'delete') inFlight = { kind, records: [{ id: rest, title: null }] };
      else if (kind === 'import') {
        const [id, title] = splitFirst(rest);
        // The lines of one import come together; an acknowledgement ends each write.
        if (inFlight?.kind !== 'import') inFlight = { kind, records: [] };
        inFlight.records.push({ id, title });
      } else problems.push(`writer line ${n + 1} not understood: "${line}"`);
      continue;
    }
    const started = inFlight;
    if (verb !== 'ack' || started === null || started.kind !== kind) {
      refuse(n, line);
      continue;
    }
    if (kind === 'create') {
      acked.set(rest, { title: started.records[0]!.title!, deleted: false });
    } else if (kind === 'import') {
      if (rest !== started.records.map((r) => r.id).join(' ')) {
        refuse(n, line);
        continue;
      }
      for (const r of started.records) acked.set(r.id!, { title: r.title!, deleted: false });
    } else {
      const [id, title] = splitFirst(rest);
      const known = acked.get(id);
      if (known === undefined || started.records[0]!.id !== id) {
        refuse(n, line);
        continue;
      }
      if (kind === 'update') known.title = title;
      else known.deleted = true;
    }
    acks++;
    inFlight = null;
  }
  return { acked, inFlight, acks, problems };
}

interface StoredRow {
  id: string;
  title: string;
  deleted_at: string | null;
}

/** The file as SQLite reads it after the crash, before the app touches it. */
function readRaw(file: string, problems: string[]): Map<string, StoredRow> {
  // Read-only: the WAL the kill left stays for createCore to recover below.
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const check = db.pragma('integrity_check', { simple: true }) as string;
    if (check !== 'ok') problems.push(`PRAGMA integrity_check: ${check}`);
    const rows = db.prepare('SELECT id, title, deleted_at FROM activities').all() as StoredRow[];
    return new Map(rows.map((r) => [r.id, r]));
  } finally {
    db.close();
  }
}

/**
 * Acknowledged writes are all there; anything else is the one write in flight, whole or
 * absent. Returns whether that write landed (null when none was in flight).
 */
function compare(said: Said, rows: Map<string, StoredRow>, problems: string[]): boolean | null {
  const { acked, inFlight } = said;
  const touching = (id: string) => inFlight?.records.find((r) => r.id === id);
  for (const [id, want] of acked) {
    const row = rows.get(id);
    const flight = touching(id);
    if (row === undefined) {
      problems.push(`acknowledged activity ${id} is missing`);
      continue;
    }
    if (want.deleted) {
      if (row.deleted_at === null) problems.push(`acknowledged delete of ${id} is undone`);
      continue;
    }
    if (row.deleted_at !== null && !(inFlight?.kind === 'delete' && flight)) {
      problems.push(`activity ${id} is deleted, but no delete of it was acknowledged`);
    }
    if (row.title !== want.title && row.title !== flight?.title) {
      problems.push(
        `activity ${id} has title "${row.title}", acknowledged "${want.title}"` +
          (flight?.title ? ` (in flight "${flight.title}")` : ''),
      );
    }
  }
  const unacknowledged = [...rows.values()].filter((r) => !acked.has(r.id));
  for (const row of unacknowledged) {
    const fromCreate =
      inFlight?.kind === 'create' &&
      unacknowledged.length === 1 &&
      row.title === inFlight.records[0]!.title;
    const fromImport = inFlight?.kind === 'import' && touching(row.id)?.title === row.title;
    if (!fromCreate && !fromImport) {
      problems.push(`activity ${row.id} ("${row.title}") was never written by the writer`);
    }
  }
  if (inFlight === null) return null;
  const first = inFlight.records[0]!;
  switch (inFlight.kind) {
    case 'create':
      return unacknowledged.length > 0;
    case 'update':
      return rows.get(first.id!)?.title === first.title;
    case 'delete':
      return (rows.get(first.id!)?.deleted_at ?? null) !== null;
    case 'import': {
      const landed = inFlight.records.filter((r) => rows.get(r.id!)?.title === r.title).length;
      if (landed !== 0 && landed !== inFlight.records.length) {
        problems.push(`an import was cut in half: ${landed} of ${inFlight.records.length} records`);
      }
      return landed === inFlight.records.length;
    }
  }
}

/** The app opens the folder again, writable, and lists what SQLite read. */
async function reopen(
  dataDir: string,
  seed: number,
  rows: Map<string, StoredRow>,
  problems: string[],
): Promise<void> {
  const core = createCore({ dataDir, mode: 'cli', source: 'crash-test' });
  try {
    const info = core.info();
    if (!info.writable) problems.push(`createCore opened it read-only: ${info.problem}`);
    for (const deleted of [false, true]) {
      const r = await core.call('activities:list', { deleted });
      if (!r.ok) {
        problems.push(`activities:list refused: ${r.error.message}`);
        continue;
      }
      const listed = (r.value as ActivityRow[]).map((a) => `${a.id} ${a.title}`).sort();
      const stored = [...rows.values()]
        .filter((row) => (row.deleted_at !== null) === deleted)
        .map((row) => `${row.id} ${row.title}`)
        .sort();
      if (listed.join('\n') !== stored.join('\n')) {
        problems.push(
          `activities:list ${deleted ? 'of deleted ' : ''}gives ${listed.length} rows, the file has ${stored.length}`,
        );
      }
    }
    const { id: _id, ...input } = makeActivity(0, rng(seed));
    const saved = await core.call('activities:create', input);
    if (!saved.ok) problems.push(`a write after reopening was refused: ${saved.error.message}`);
  } finally {
    core.close();
  }
}

/** Longest a run may take before it is reported stuck (the longest plan is about 2 s). */
const RUN_LIMIT_MS = 30_000;

export async function crashRun(writer: string, dataDir: string, seed: number): Promise<CrashRun> {
  const started = performance.now();
  const plan = killPlan(seed);
  const problems: string[] = [];

  const setup = createCore({ dataDir, mode: 'cli', source: 'crash-test' });
  const saved = await setup.call('profile:save', profile);
  setup.close();
  if (!saved.ok) throw new Error(`profile:save refused: ${saved.error.message}`);

  const child = spawn(process.execPath, [writer, dataDir, String(seed)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let acks = 0;
  const kill = () => child.kill('SIGKILL');
  const timers: NodeJS.Timeout[] = [];
  if (plan.after === 'start') timers.push(setTimeout(kill, plan.ms));
  timers.push(
    setTimeout(() => {
      problems.push(`the writer was still running after ${RUN_LIMIT_MS} ms`);
      kill();
    }, RUN_LIMIT_MS),
  );
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  let unfinished = '';
  child.stdout.on('data', (chunk: string) => {
    const before = acks;
    stdout += chunk;
    const lines = (unfinished + chunk).split('\n');
    unfinished = lines.pop()!;
    acks += lines.filter((l) => l.startsWith('ack ')).length;
    if (plan.after === 'acks' && acks >= plan.count) kill();
    if (plan.after === 'first ack' && before === 0 && acks > 0) {
      timers.push(setTimeout(kill, plan.ms));
    }
  });
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
    (resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal }));
    },
  );
  for (const t of timers) clearTimeout(t);
  if (ended.signal !== 'SIGKILL') {
    problems.push(`the writer ended by itself (code ${ended.code}): ${stderr.trim()}`);
  }

  const said = parseSaid(stdout);
  problems.push(...said.problems);
  const rows = readRaw(path.join(dataDir, DB_FILE), problems);
  const landed = compare(said, rows, problems);
  await reopen(dataDir, seed, rows, problems);
  return {
    seed,
    plan,
    acks: said.acks,
    inFlight: said.inFlight && landed !== null ? { kind: said.inFlight.kind, landed } : null,
    ms: performance.now() - started,
    // A broken build fails every write: the first few say enough.
    problems:
      problems.length > 12
        ? [...problems.slice(0, 10), `… and ${problems.length - 10} more`]
        : problems,
  };
}
