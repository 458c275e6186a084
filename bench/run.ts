// Benchmarks (not tests): each figure beside the raw better-sqlite3 floor for the same
// work, measured in the same run on the same kind of file. `npm run bench` prints a
// Markdown table; bench/README.md keeps the recorded results.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { createCore, DB_FILE } from '../electron/core';
import { writeDurably } from '../electron/core/durable';
import { sha256Of, writeZip } from '../electron/core/package';
import { createKeyStore, createPassphraseSealer, signDetached } from '../electron/core/signing';
import { startServer } from '../electron/server';
import { HTTP_TOKEN_HEADER } from '../shared/contract';
import { ProfileSchema } from '../shared/schemas';
import { fold } from '../shared/text';
import {
  makeActivities,
  makeActivity,
  makeQuarterActivities,
  rng,
} from '../test/fixtures/activities';
import profile from '../test/fixtures/profile.json';
import { QUICK, median, withinFloor, withinMs } from './goals';

const SAVES = Number(process.env.BENCH_SAVES ?? (QUICK ? 100 : 1000));
const ROWS = Number(process.env.BENCH_ROWS ?? (QUICK ? 20_000 : 100_000));
const QUERY_RUNS = Number(process.env.BENCH_QUERY_RUNS ?? (QUICK ? 5 : 30));
/** The sizes of a quarter's report and export: a commune's, a busy office's, a province's. */
const REPORT_SIZES = QUICK ? [500, 2000] : [500, 2000, 50_000];
const EXPORT_SIZES = QUICK ? [500] : [500, 50_000];

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-bench-'));
  tempDirs.push(dir);
  return dir;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Line {
  what: string;
  p50: number;
  p99: number;
}
const lines: Line[] = [];

/** Runs `fn` `runs` times; the median is returned and the line kept for the table. */
async function measure(what: string, runs: number, fn: (i: number) => unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    samples.push(performance.now() - t);
  }
  lines.push({ what, p50: percentile(samples, 50), p99: percentile(samples, 99) });
  process.stderr.write(`  ${what}: p50 ${percentile(samples, 50).toFixed(3)} ms\n`);
  return median(samples);
}

/** The same pragmas the app sets, on a plain connection: the floor. */
function rawDb(file: string): BetterSqlite3.Database {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  return db;
}

async function saves(): Promise<void> {
  process.stderr.write(`saves (${SAVES} each)\n`);
  const dir = tempDir();
  const core = createCore({ dataDir: dir, mode: 'browser' });
  core.profile.save(ProfileSchema.parse(profile));
  const random = rng(7);
  const inputs = Array.from({ length: SAVES * 2 }, (_, i) => {
    const { id: _id, ...rest } = makeActivity(i, random);
    return rest;
  });

  await measure('save through the contract (core.call, in process)', SAVES, async (i) => {
    const r = await core.call('activities:create', inputs[i]);
    if (!r.ok) throw new Error(r.error.message);
  });

  const server = await startServer({ core, rendererDir: dir });
  const base = `http://127.0.0.1:${server.port}/api/`;
  await measure('save through the contract over HTTP (browser mode)', SAVES, async (i) => {
    const res = await fetch(`${base}activities:create`, {
      method: 'POST',
      headers: { [HTTP_TOKEN_HEADER]: server.token, 'content-type': 'application/json' },
      body: JSON.stringify(inputs[SAVES + i]),
    });
    const r = (await res.json()) as { ok: boolean };
    if (!r.ok) throw new Error('save failed');
  });
  await server.close();
  core.close();

  // Floor: the same rows (activity, its commune link, an audit row) in one transaction each.
  const db = rawDb(path.join(dir, DB_FILE));
  const insert = db.prepare(
    `INSERT INTO activities (id, channel, date, village, theme_mask, language, title, audience, cost_vnd,
       notes, sessions, km, minutes, search_text, created_at, updated_at)
     VALUES (?, 'van', ?, ?, 1, 'vi', ?, ?, ?, '', ?, ?, ?, ?, ?, ?)`,
  );
  const link = db.prepare(
    'INSERT INTO activity_communes (activity_id, commune_id, position) VALUES (?, 1, 0)',
  );
  const audit = db.prepare(
    "INSERT INTO audit_log (at, entity, entity_id, action, source, after) VALUES (?, 'activity', ?, 'create', 'bench', ?)",
  );
  const save = db.transaction((i: number) => {
    const a = inputs[i]!;
    const id = `floor-${i}`;
    const now = new Date().toISOString();
    insert.run(
      id,
      a.date,
      a.village ?? '',
      a.title,
      a.audience ?? 0,
      a.costVnd ?? 0,
      1,
      2,
      3,
      fold(a.title),
      now,
      now,
    );
    link.run(id);
    audit.run(now, id, JSON.stringify(a));
  });
  await measure('floor: raw better-sqlite3 insert (same rows, same pragmas)', SAVES, (i) =>
    save(i),
  );
  db.close();
}

async function queries(): Promise<void> {
  process.stderr.write(`logbook queries over ${ROWS} activities\n`);
  const dir = tempDir();
  let core = createCore({ dataDir: dir, mode: 'browser' });
  core.profile.save(ProfileSchema.parse(profile));
  const records = makeActivities(ROWS, 3);
  await measure(`import of ${ROWS} activities (one call, all or nothing)`, 1, () =>
    core.activities.importMany(records, (i) => ({ vi: `#${i}`, en: `#${i}` })),
  );

  const filter = { period: '2023-Q3', channels: ['van' as const], search: 'luu dong' };
  // Reopen, as the app does daily: the import's large WAL is checkpointed on close, so the
  // app and the floor below read the same file state.
  core.close();
  core = createCore({ dataDir: dir, mode: 'browser' });
  const matching = core.activities.summary(filter).totals.activities;
  await measure(
    `logbook's first request: Q3 + channel + search, totals, first 200 rows (${matching} match)`,
    QUERY_RUNS,
    () => core.activities.pages(filter),
  );
  await measure(`logbook's page keys: Q3 + channel + search`, QUERY_RUNS, () =>
    core.activities.anchors(filter),
  );
  await measure(`logbook's first request: all time, ${ROWS} activities`, QUERY_RUNS, () =>
    core.activities.pages({}),
  );
  const anchors = core.activities.anchors({});
  await measure(`logbook's page keys: all time, ${ROWS} activities`, QUERY_RUNS, () =>
    core.activities.anchors({}),
  );
  const deepKey = anchors[anchors.length - 50]!;
  await measure(`logbook: a page of 200 rows by key, 10,000 rows from the end`, QUERY_RUNS, () =>
    core.activities.page({ from: deepKey, limit: 200 }),
  );
  // Asked before every save from the form, to question an unusual figure.
  await measure(`before a save: the van's largest figures over ${ROWS}`, QUERY_RUNS, () =>
    core.activities.largest('van'),
  );
  core.close();

  const db = rawDb(path.join(dir, DB_FILE));
  const rows = db.prepare(
    `SELECT * FROM activities WHERE deleted_at IS NULL AND date >= ? AND date <= ? AND channel = ?
       AND instr(search_text, ?) > 0 AND instr(search_text, ?) > 0
     ORDER BY date DESC, created_at DESC, id LIMIT 200`,
  );
  const totals = db.prepare(
    `SELECT channel, COUNT(*), TOTAL(audience), TOTAL(cost_vnd), TOTAL(sessions), TOTAL(km), TOTAL(minutes)
     FROM activities WHERE deleted_at IS NULL AND date >= ? AND date <= ? AND channel = ?
       AND instr(search_text, ?) > 0 AND instr(search_text, ?) > 0 GROUP BY channel`,
  );
  const args = ['2023-06-15', '2023-09-14', 'van', 'luu', 'dong'];
  await measure('floor: the same filtered SELECT (200 rows) and totals, raw', QUERY_RUNS, () => {
    rows.all(...args);
    totals.all(...args);
  });
  const byKey = db.prepare(
    `SELECT * FROM activities WHERE deleted_at IS NULL AND (date, created_at, id) <= (?, ?, ?)
     ORDER BY date DESC, created_at DESC, id DESC LIMIT 200`,
  );
  await measure('floor: the same page of 200 by key, raw rows', QUERY_RUNS, () =>
    byKey.all(...deepKey),
  );
  db.close();
}

async function reports(count: number): Promise<void> {
  process.stderr.write(`report of a quarter with ${count} activities\n`);
  const dir = tempDir();
  let core = createCore({ dataDir: dir, mode: 'cli' });
  core.profile.save(ProfileSchema.parse(profile));
  core.activities.importMany(makeQuarterActivities(count, 11), (i) => ({
    vi: `#${i}`,
    en: `#${i}`,
  }));
  core.close();
  core = createCore({ dataDir: dir, mode: 'cli' });
  const runs = count > 10_000 ? 3 : QUERY_RUNS;
  await measure(`report figures, ${count} activities in Q3 (report:data)`, runs, () =>
    core.report.data('2023-Q3', 'trafficking'),
  );
  const docx = await measure(
    `report .docx, ${count} activities (figures, texts, appendix, Word file)`,
    runs,
    () => core.report.docx('2023-Q3', 'trafficking', new Date(0)),
  );
  const goal = { 500: 300, 2000: 1000 }[count];
  if (goal) withinMs("the report's Word file", `${count} activities`, docx, goal);
  core.close();
  const db = rawDb(path.join(dir, DB_FILE));
  const aggregate = db.prepare(
    `SELECT channel, COUNT(*), TOTAL(audience), TOTAL(cost_vnd), TOTAL(sessions), TOTAL(km), TOTAL(minutes),
       TOTAL(pieces), TOTAL(screenings), TOTAL(message_minutes), TOTAL(items), TOTAL(broadcasts),
       TOTAL(copies), TOTAL(messages), TOTAL(models)
     FROM activities WHERE deleted_at IS NULL AND date >= ? AND date <= ? GROUP BY channel`,
  );
  await measure(`floor: the same SQL aggregate alone, ${count} activities`, runs, () =>
    aggregate.all('2023-06-15', '2023-09-14'),
  );
  db.close();
}

async function packages(count: number): Promise<void> {
  process.stderr.write(`signed package of a quarter with ${count} activities\n`);
  const dir = tempDir();
  const core = createCore({ dataDir: dir, mode: 'cli', passphrase: 'bench passphrase' });
  core.profile.save(ProfileSchema.parse(profile));
  core.activities.importMany(makeQuarterActivities(count, 11), (i) => ({
    vi: `#${i}`,
    en: `#${i}`,
  }));
  const out = path.join(dir, 'out');
  const runs = count > 10_000 ? 3 : 30;
  // The export's goal is on everything but its Word files: the time the export spends in
  // the figures and the Word files (the report service, which it calls) is timed within
  // each run and taken off that run's total, so both come from the same moment.
  const report = core.report;
  let inWord = 0;
  const timed =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      const t = performance.now();
      const r = fn(...args);
      const add = () => void (inWord += performance.now() - t);
      if (r instanceof Promise) void r.then(add, add);
      else add();
      return r;
    };
  report.liveData = timed(report.liveData.bind(report));
  report.build = timed(report.build.bind(report));
  const rest: number[] = [];
  await measure(
    `export: ${count} activities (key unsealed, data.json, .docx, sign, zip, write, read back)`,
    runs,
    async () => {
      if (core.locks.list().some((l) => l.unlockedAt === null))
        core.locks.unlock(core.report.period('2023-Q3').key, 'bench: export again');
      inWord = 0;
      const t = performance.now();
      await core.packages.export('2023-Q3', { outDir: out });
      rest.push(performance.now() - t - inWord);
    },
  );
  const restWhat = `the export but its figures and Word files, ${count} activities (per run)`;
  lines.push({ what: restWhat, p50: percentile(rest, 50), p99: percentile(rest, 99) });
  process.stderr.write(`  ${restWhat}: p50 ${percentile(rest, 50).toFixed(3)} ms\n`);
  // Floor: the same bytes zipped with yazl, their SHA-256 and one signature, and the file
  // written as every package is (flushed to the disk, then renamed into place): an export
  // is not done before its file is safe.
  const built = await core.report.build('2023-Q3', 'trafficking', new Date(0));
  const data = Buffer.from(core.packages.data(core.report.period('2023-Q3'), [built]).bytes);
  const docx = built.docx;
  const key = createKeyStore(
    path.join(dir, 'keys'),
    createPassphraseSealer('bench passphrase'),
  ).load();
  core.close();
  const floor = await measure(
    `floor: zip + SHA-256 + one signature + durable write, same bytes (${count})`,
    runs,
    async () => {
      const manifest = Buffer.from(JSON.stringify({ data: sha256Of(data), docx: sha256Of(docx) }));
      const zip = await writeZip([
        { name: 'manifest.json', bytes: manifest, compress: false },
        { name: 'manifest.json.p7s', bytes: signDetached(manifest, key), compress: false },
        { name: 'data.json', bytes: data, compress: true },
        { name: 'report.docx', bytes: docx, compress: false },
      ]);
      sha256Of(zip);
      writeDurably(path.join(dir, 'floor.ttpkg'), zip);
    },
  );
  withinFloor(
    'the export but its figures and Word files',
    `${count} activities`,
    median(rest),
    floor,
    3,
  );
}

// BENCH_ONLY=reports runs one part (saves, queries, reports, packages).
const only = process.env.BENCH_ONLY;
if (!only || only === 'saves') await saves();
if (!only || only === 'queries') await queries();
if (!only || only === 'reports') for (const n of REPORT_SIZES) await reports(n);
if (!only || only === 'packages') for (const n of EXPORT_SIZES) await packages(n);
for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });

const table = [
  '| what | p50 ms | p99 ms |',
  '| --- | ---: | ---: |',
  ...lines.map((l) => `| ${l.what} | ${l.p50.toFixed(3)} | ${l.p99.toFixed(3)} |`),
].join('\n');
process.stdout.write(
  `\n${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}\n\n${table}\n`,
);
