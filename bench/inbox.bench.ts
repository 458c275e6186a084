// The province desk's take-in, `BENCH_ONLY=inbox npm run bench`: 25 offices × the
// four quarters of 2023, 2,000 activities per package, taken in from one folder by
// `core.inbox.importPaths`, beside the floor of the same work done piece by piece on the same
// 100 files (hashing, reading the ZIP, checking signatures, parsing data.json, checking the
// records, a bulk insert of the same rows). Then the merged figures and the status of one
// quarter over the 25 offices; then the merged figures of a province of 120 offices (a second
// corpus: 2 quarters × 500 activities each, as a district's communes report). The take-in and
// its floor are measured in rounds (each take-in into a fresh province), so a busy machine
// shows as a spread rather than as a wrong split. The corpora (real exports by the real export
// code) are built once and cached under bench/.cache/ (inboxCorpus.ts); building is timed and
// printed, but it is not the benchmark.
//
// Sizes: BENCH_INBOX_OFFICES (25), BENCH_INBOX_ACTIVITIES (2000), BENCH_INBOX_ROUNDS (3),
// BENCH_QUERY_RUNS (20), BENCH_MERGED_OFFICES (120), BENCH_MERGED_ACTIVITIES (500);
// BENCH_INBOX_REBUILD=1 exports the corpora again. Quick mode (goals.ts) takes in 5 offices ×
// 4 quarters × 500 activities and merges 30 offices, and claims no verdict at those sizes.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { createCore, DB_FILE } from '../electron/core';
import { closeDatabase, openDatabase } from '../electron/core/db/open';
import { readPackageData } from '../electron/core/inbox/data';
import { mergedFigures } from '../electron/core/inbox/figures';
import { insertContents, insertInboxPackage } from '../electron/core/inbox/queries';
import { readZip } from '../electron/core/package';
import { verifyPackageData } from '../electron/core/package/verify';
import { verifyDetached } from '../electron/core/signing';
import {
  DATA_FILE,
  MANIFEST_FILE,
  PACKAGE_EXTENSION,
  SIGNATURE_FILE,
  type Manifest,
  type PackageCheck,
} from '../shared/package';
import { parsePeriod } from '../shared/period';
import { PROVINCE_PROFILE } from '../test/fixtures/province';
import { atLeastRate, QUICK, withinMs } from './goals';
import { check, corpus, must, percentile, removeTempDirs, seconds, tempDir } from './inboxCorpus';
import { wideProvince } from './inboxMerged';

const OFFICE_COUNT = Number(process.env.BENCH_INBOX_OFFICES ?? (QUICK ? 5 : 25));
const ACTIVITIES = Number(process.env.BENCH_INBOX_ACTIVITIES ?? (QUICK ? 500 : 2000));
const ROUNDS = Number(process.env.BENCH_INBOX_ROUNDS ?? (QUICK ? 1 : 3));
const QUERY_RUNS = Number(process.env.BENCH_QUERY_RUNS ?? (QUICK ? 5 : 20));
const MERGED_OFFICES = Number(process.env.BENCH_MERGED_OFFICES ?? (QUICK ? 30 : 120));
const MERGED_ACTIVITIES = Number(process.env.BENCH_MERGED_ACTIVITIES ?? 500);
const QUARTERS = ['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4'] as const;
/** The quarter whose merged figures and status are measured (its previous quarter has data too). */
const QUARTER = '2023-Q3';
/** The goals' sizes: a verdict is claimed only when measured at them. */
const TAKE_IN_AT_SIZE = !QUICK && OFFICE_COUNT * QUARTERS.length >= 100 && ACTIVITIES >= 2000;
const MERGED_AT_SIZE = !QUICK && MERGED_OFFICES >= 120;

const sum = (samples: readonly number[]): number => samples.reduce((n, x) => n + x, 0);

// ---------- samples ----------

/** One measured step: its samples (all rounds) and, for per-package steps, each round's total. */
interface Series {
  samples: number[];
  totals: number[] | null;
}
const series = new Map<string, Series>();

function add(what: string, samples: readonly number[], total: number | null): void {
  let s = series.get(what);
  if (!s) series.set(what, (s = { samples: [], totals: total === null ? null : [] }));
  s.samples.push(...samples);
  if (total !== null) s.totals?.push(total);
  process.stderr.write(
    `  ${what}: ${total === null ? '' : `${seconds(total)}, `}p50 ${percentile(samples, 50).toFixed(3)} ms, p99 ${percentile(samples, 99).toFixed(3)} ms\n`,
  );
}

/**
 * Runs `fn` once per package, one sample each, and returns the round's total; `prepare` (not
 * timed) hands it its input, so a step is measured alone on what the step before it gives.
 */
async function perPackage<T>(
  what: string,
  count: number,
  prepare: (i: number) => T | Promise<T>,
  fn: (input: T, i: number) => unknown,
): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const input = await prepare(i);
    const t = performance.now();
    await fn(input, i);
    samples.push(performance.now() - t);
  }
  add(what, samples, sum(samples));
  return sum(samples);
}

/** Runs `fn` QUERY_RUNS times; gives the median. */
async function runs(what: string, fn: () => unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < QUERY_RUNS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  add(what, samples, null);
  return percentile(samples, 50);
}

function counts(file: string): Record<'packages' | 'activities' | 'links' | 'communes', number> {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const n = (q: string): number => (db.prepare(q).get() as { n: number }).n;
    return {
      packages: n("SELECT COUNT(*) AS n FROM inbox_packages WHERE status = 'current'"),
      activities: n('SELECT COUNT(*) AS n FROM inbox_activities'),
      links: n('SELECT COUNT(*) AS n FROM inbox_activity_communes'),
      communes: n('SELECT COUNT(*) AS n FROM inbox_communes'),
    };
  } finally {
    db.close();
  }
}

// ---------- the benchmark ----------

const { dir: folder, corpus: c } = await corpus({
  name: 'inbox',
  offices: OFFICE_COUNT,
  quarters: QUARTERS,
  activities: ACTIVITIES,
});
const files = c.files.map((f) => path.join(folder, f)).sort();
const expectedPackages = c.offices * c.quarters.length;
const expectedActivities = expectedPackages * c.activities;
check(
  files.length === expectedPackages,
  `${files.length} files in the corpus, expected ${expectedPackages}`,
);
check(
  fs.readdirSync(folder).filter((f) => f.endsWith(PACKAGE_EXTENSION)).length === expectedPackages,
  `the corpus folder ${folder} holds other package files: delete bench/.cache and run again`,
);
const megabytes = sum(files.map((f) => fs.statSync(f).size)) / 1024 / 1024;
const TAKE_IN = `take-in: importPaths of the folder (${expectedPackages} packages, ${expectedActivities} activities), per package`;

/** (a) The full take-in: a fresh province with the offices registered, then the whole folder. */
async function takeIn(): Promise<{ dir: string; ms: number }> {
  const dir = tempDir();
  const province = createCore({ dataDir: dir, mode: 'cli' });
  await must(province, 'profile:save', PROVINCE_PROFILE);
  await must(province, 'settings:saveDesks', { office: false, province: true, deadlineDays: 10 });
  for (const pem of Object.values(c.certificates)) {
    await must(province, 'trust:addCertificate', { base64: Buffer.from(pem).toString('base64') });
  }
  const samples: number[] = [];
  const start = performance.now();
  let last = start;
  const results = await province.inbox.importPaths([folder], () => {
    const now = performance.now();
    samples.push(now - last);
    last = now;
  });
  const ms = performance.now() - start;
  province.close();
  const notAccepted = results.filter((r) => r.outcome !== 'accepted');
  check(
    results.length === expectedPackages && notAccepted.length === 0,
    `${results.length} results, ${notAccepted.length} not accepted: ${JSON.stringify(
      notAccepted.slice(0, 3).map((r) => [r.file, r.outcome, r.message.en]),
    )} (BENCH_INBOX_REBUILD=1 rebuilds the corpus with the current export code)`,
  );
  const taken = counts(path.join(dir, DB_FILE));
  check(
    taken.packages === expectedPackages && taken.activities === expectedActivities,
    `the province counts ${taken.packages} packages and ${taken.activities} activities, expected ${expectedPackages} and ${expectedActivities}`,
  );
  add(TAKE_IN, samples, ms);
  return { dir, ms };
}

const bytes = files.map((f) => fs.readFileSync(f));
const entryOf = async (i: number, name: string): Promise<Buffer> =>
  (await readZip(bytes[i]!)).find((e) => e.name === name)!.bytes;
const parsedData = async (i: number): Promise<unknown> =>
  JSON.parse((await entryOf(i, DATA_FILE)).toString('utf8')) as unknown;

/** (b) The floor on the same files, step by step; the totals of the steps the take-in runs. */
async function floor(expected: ReturnType<typeof counts>) {
  const n = files.length;
  const read = await perPackage(
    'floor: read the file',
    n,
    (i) => files[i]!,
    (file) => fs.readFileSync(file),
  );
  const hash = await perPackage(
    'floor: SHA-256 of the file',
    n,
    (i) => bytes[i]!,
    (b) => createHash('sha256').update(b).digest('hex'),
  );
  await perPackage(
    'floor: readZip alone (inflate, SHA-256 of each entry)',
    n,
    (i) => bytes[i]!,
    (b) => readZip(b),
  );
  await perPackage(
    'floor: the signature check alone (verifyDetached)',
    n,
    async (i) => [await entryOf(i, SIGNATURE_FILE), await entryOf(i, MANIFEST_FILE)] as const,
    ([signature, manifest], i) =>
      check(verifyDetached(signature, manifest).ok, `the signature of ${files[i]} does not verify`),
  );
  await perPackage(
    'floor: JSON.parse of data.json alone',
    n,
    (i) => entryOf(i, DATA_FILE),
    (data) => JSON.parse(data.toString('utf8')) as unknown,
  );
  const checks: PackageCheck[] = [];
  const verify = await perPackage(
    'floor: verifyPackageData (SHA-256, readZip, signature, hashes, data.json parsed once)',
    n,
    (i) => bytes[i]!,
    async (b, i) => {
      const { check: r } = await verifyPackageData(files[i]!, b);
      check(r.ok, `${files[i]} does not verify`);
      checks.push(r);
    },
  );
  const manifestOf = (i: number): Manifest => {
    const r = checks[i]!;
    if (!r.ok) throw new Error(`inbox bench: ${files[i]} does not verify`);
    return r.manifest;
  };
  const records = await perPackage(
    'floor: readPackageData on the parsed data.json (schema checks of every record)',
    n,
    parsedData,
    (json, i) => readPackageData(manifestOf(i), json),
  );
  const dir = tempDir();
  const db = openDatabase(path.join(dir, DB_FILE)).db;
  const insert = await perPackage(
    'floor: bulk insert, package row (with its file) + insertContents, one transaction each',
    n,
    async (i) => readPackageData(manifestOf(i), await parsedData(i)),
    (contents, i) => {
      const r = checks[i]!;
      if (!r.ok) return;
      db.transaction(() => {
        const id = insertInboxPackage(db, {
          sha256: r.sha256,
          fileName: path.basename(files[i]!),
          manifest: r.manifest,
          officeName: contents.officeName,
          fingerprint: r.signer.fingerprint,
          subject: r.signer.subject,
          signingTime: r.signer.signingTime,
          receivedAt: new Date().toISOString(),
          status: 'current',
          reason: null,
          bytes: bytes[i]!,
        });
        insertContents(db, id, contents);
      })();
    },
  );
  closeDatabase(db);
  const rows = counts(path.join(dir, DB_FILE));
  check(
    rows.activities === expected.activities &&
      rows.links === expected.links &&
      rows.communes === expected.communes,
    `the floor inserted ${JSON.stringify(rows)}, the take-in ${JSON.stringify(expected)}`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
  return { read, hash, verify, records, insert };
}

process.stderr.write(
  `take-in of ${expectedPackages} packages (${megabytes.toFixed(1)} MB), ${expectedActivities} activities, ${ROUNDS} rounds\n`,
);
type Parts = Awaited<ReturnType<typeof floor>> & { rest: number };
const rounds: { total: number; parts: Parts }[] = [];
let provinceDir = '';
for (let r = 0; r < ROUNDS; r++) {
  process.stderr.write(`round ${r + 1}/${ROUNDS}, load ${os.loadavg()[0]!.toFixed(2)}\n`);
  if (provinceDir) fs.rmSync(provinceDir, { recursive: true, force: true });
  const taken = await takeIn();
  provinceDir = taken.dir;
  const parts = await floor(counts(path.join(provinceDir, DB_FILE)));
  // Where the take-in's time goes: importBytes hashes the file (verify hashes it again),
  // verifyPackageData reads the ZIP, checks the signature and parses data.json once,
  // readPackageData checks every record, then the insert; the rest is the service's own.
  const rest = taken.ms - sum(Object.values(parts));
  rounds.push({ total: taken.ms, parts: { ...parts, rest } });
}
const median = (xs: readonly number[]): number => percentile(xs, 50);
const split: [string, (p: Parts) => number][] = [
  ['read the files', (p) => p.read],
  ['SHA-256 of the file in importBytes (verify hashes it again)', (p) => p.hash],
  ['verifyPackageData (SHA-256, readZip, signature, JSON.parse of data.json)', (p) => p.verify],
  ['readPackageData (schema checks of every record)', (p) => p.records],
  ['insert (package row with its file, activities, communes, links)', (p) => p.insert],
  ['the rest (lookups, trust, replay rules, audit, commit, results)', (p) => p.rest],
];
// The split of the median round (by its take-in), so the parts add up to its total.
const middle = [...rounds].sort((a, b) => a.total - b.total)[Math.floor((rounds.length - 1) / 2)]!;
const splitLines = split.map(([what, of]) => {
  const ms = of(middle.parts);
  return `| ${what} | ${seconds(ms)} | ${((100 * ms) / middle.total).toFixed(0)} % |`;
});

// (c) The merged figures and the status of one quarter, on the last round's province reopened
// (as the app opens it daily; the import's WAL is checkpointed on close).
const province = createCore({ dataDir: provinceDir, mode: 'cli' });
const status = await must<{ offices: { state: string }[] }>(province, 'inbox:status', {
  period: QUARTER,
});
check(
  status.offices.length === c.offices && status.offices.every((o) => o.state === 'received'),
  `inbox:status of ${QUARTER}: ${JSON.stringify(status.offices.map((o) => o.state))}`,
);
const figures = await must<{ figures: { activities: number } }>(province, 'inbox:figures', {
  period: QUARTER,
});
check(
  figures.figures.activities === c.offices * c.activities,
  `inbox:figures of ${QUARTER} counts ${figures.figures.activities} activities`,
);
await runs(
  `inbox:figures, ${QUARTER} over ${c.offices} offices × ${c.activities} activities (and the previous quarter)`,
  () => must(province, 'inbox:figures', { period: QUARTER }),
);
await runs(`inbox:status, ${QUARTER}, ${c.offices} offices`, () =>
  must(province, 'inbox:status', { period: QUARTER }),
);
province.close();
const raw = new BetterSqlite3(path.join(provinceDir, DB_FILE), { readonly: true });
const aggregate = raw.prepare(
  `SELECT p.office_code, a.channel, COUNT(*), TOTAL(a.audience), TOTAL(a.cost_vnd)
   FROM inbox_activities a JOIN inbox_packages p ON p.id = a.package_id
     AND p.period_key = ? AND p.status = 'current'
   GROUP BY p.office_code, a.channel`,
);
await runs(`floor: one per-office, per-channel SQL aggregate of ${QUARTER}, raw`, () =>
  aggregate.all(QUARTER),
);
raw.close();
// One period's merged detail alone, on its own connection: inbox:figures computes it twice,
// for the quarter and for the previous one (of which it keeps the figures).
const opened = openDatabase(path.join(provinceDir, DB_FILE)).db;
const q3 = parsePeriod(QUARTER, 'decree09');
await runs(`floor: mergedFigures of ${QUARTER} alone (one period, no status, no previous)`, () =>
  mergedFigures(opened, { key: q3.key, from: q3.from, to: q3.to, label: q3.label }),
);
closeDatabase(opened);

// (d) The merged figures of a province of many offices (inboxMerged.ts).
const MERGED = await wideProvince({
  offices: MERGED_OFFICES,
  quarter: QUARTER,
  activities: MERGED_ACTIVITIES,
  runs,
});

removeTempDirs();

// The goals (bench/goals.ts): the take-in's rate, at least 20 packages a second and within
// 1.5 × its floor's (the floor's rate: the packages over the sum of its steps, median round);
// the merged figures of one quarter for a province of 120 offices, within a second.
const takeInMs = median(rounds.map((r) => r.total));
const floorMs = median(rounds.map((r) => r.total - r.parts.rest));
atLeastRate(
  'take-in (importPaths of a folder)',
  `${expectedPackages} packages × ${c.activities} activities`,
  (1000 * expectedPackages) / takeInMs,
  20,
  { floorPerSecond: (1000 * expectedPackages) / floorMs, ratio: 1.5, atSize: TAKE_IN_AT_SIZE },
);
withinMs('merged figures of one quarter (inbox:figures)', MERGED.size, MERGED.ms, 1000, {
  atSize: MERGED_AT_SIZE,
});

const table = [
  `| what | total, median of ${ROUNDS} rounds | p50 ms | p99 ms |`,
  '| --- | ---: | ---: | ---: |',
  ...[...series.entries()].map(
    ([what, s]) =>
      `| ${what} | ${s.totals ? seconds(median(s.totals)) : ''} | ${percentile(s.samples, 50).toFixed(3)} | ${percentile(s.samples, 99).toFixed(3)} |`,
  ),
].join('\n');
process.stdout.write(
  `\n${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(
      ' ',
    )}\ntake-in rounds: ${rounds.map((r) => seconds(r.total)).join(', ')}; corpus built in ${seconds(c.buildMs)}, one export p50 ${seconds(c.exportP50)}\n\n${table}\n\n| where the take-in's ${seconds(middle.total)} go (the median round) | s | share |\n| --- | ---: | ---: |\n${splitLines.join('\n')}\n`,
);
