// Spreadsheets at the size of a busy office's decade, `BENCH_ONLY=sheets npm run bench`:
// the logbook of 50,000 activities exported as a workbook, then that workbook imported into
// an empty logbook in one go (read, check every row, write), each phase timed and the peak
// memory of the importing process recorded. Each import runs in a fresh child process, so
// its peak memory is its own. Beside it, the floors: exceljs' streaming reader alone over the
// same file, and the JSON import of the same records.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createCore } from '../electron/core';
import { WorkbookReader } from '../electron/core/sheets/workbookReader';
import { ProfileSchema } from '../shared/schemas';
import { makeActivities } from '../test/fixtures/activities';
import profile from '../test/fixtures/profile.json';

const ROWS = Number(process.env.BENCH_SHEET_ROWS ?? 50_000);
const RUNS = Number(process.env.BENCH_SHEET_RUNS ?? 3);
const SELF = fileURLToPath(import.meta.url);

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tt-bench-sheet-'));
}

function newCore(dir: string) {
  const core = createCore({ dataDir: dir, mode: 'browser' });
  core.profile.save(ProfileSchema.parse(profile));
  return core;
}

interface ChildResult {
  readMs: number;
  checkMs: number;
  writeMs: number;
  totalMs: number;
  peakRssMb: number;
  created: number;
  rssAfterReadMb: number;
  rssAfterCheckMb: number;
}

/** In the child: one import of the workbook into an empty logbook, through the contract. */
async function importChild(file: string): Promise<void> {
  const dir = tempDir();
  const core = newCore(dir);
  const token = 'benchtoken01';
  const t0 = performance.now();
  const open = await core.call('sheet:open', { token, fileName: path.basename(file), path: file });
  if (!open.ok) throw new Error(open.error.message);
  const t1 = performance.now();
  const afterRead = process.memoryUsage().rss / 1024 / 1024;
  const preview = await core.call('sheet:preview', { token, map: {}, limit: 50 });
  if (!preview.ok) throw new Error(preview.error.message);
  const t2 = performance.now();
  const afterCheck = process.memoryUsage().rss / 1024 / 1024;
  const result = await core.call('activities:importSheet', { token, map: {} });
  if (!result.ok) throw new Error(result.error.message);
  const t3 = performance.now();
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const out: ChildResult = {
    readMs: t1 - t0,
    checkMs: t2 - t1,
    writeMs: t3 - t2,
    totalMs: t3 - t0,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    created: (result.value as { created: number }).created,
    rssAfterReadMb: afterRead,
    rssAfterCheckMb: afterCheck,
  };
  process.stdout.write(JSON.stringify(out));
}

/** In the child: the floor, the same rows through the JSON import (no sheet at all). */
function jsonChild(file: string): void {
  const records = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown[];
  const dir = tempDir();
  const core = newCore(dir);
  const t0 = performance.now();
  core.activities.importMany(records, (i) => ({ vi: `#${i}`, en: `#${i}` }));
  const t1 = performance.now();
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.stdout.write(
    JSON.stringify({ totalMs: t1 - t0, peakRssMb: process.resourceUsage().maxRSS / 1024 }),
  );
}

/** The floor of reading: the streaming reader over every row, values only. */
async function readFloor(file: string): Promise<number> {
  const t0 = performance.now();
  const reader = new WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let rows = 0;
  for await (const sheet of reader) for await (const _row of sheet) rows += 1;
  if (rows === 0) throw new Error('no rows read');
  return performance.now() - t0;
}

function child<T>(args: string[]): T {
  const r = spawnSync(process.execPath, [SELF, ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`child ${args[0]} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number): string => `${(x / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  if (mode === 'import-child') return importChild(file!);
  if (mode === 'json-child') return jsonChild(file!);

  process.stderr.write(`sheets (${ROWS} activities, ${RUNS} runs)\n`);
  const dir = tempDir();
  const core = newCore(dir);
  const records = makeActivities(ROWS, 11);
  core.activities.importMany(records, (i) => ({ vi: `#${i}`, en: `#${i}` }));
  const jsonFile = path.join(dir, 'records.json');
  fs.writeFileSync(jsonFile, JSON.stringify(records));

  const exportMs: number[] = [];
  let xlsx = '';
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = await core.call('activities:sheet', {});
    exportMs.push(performance.now() - t);
    if (!r.ok) throw new Error(r.error.message);
    xlsx = (r.value as { path: string }).path;
  }
  const copy = path.join(dir, 'so.xlsx');
  fs.copyFileSync(xlsx, copy);
  core.close();
  const sizeMb = fs.statSync(copy).size / 1024 / 1024;

  const floors: number[] = [];
  for (let i = 0; i < RUNS; i++) floors.push(await readFloor(copy));
  const imports: ChildResult[] = [];
  const jsons: { totalMs: number; peakRssMb: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    imports.push(child<ChildResult>(['import-child', copy]));
    jsons.push(child(['json-child', jsonFile]));
    const r = imports[i]!;
    process.stderr.write(
      `  run ${i + 1}: import ${ms(r.totalMs)}, memory after read ${r.rssAfterReadMb.toFixed(0)} MB, after check ${r.rssAfterCheckMb.toFixed(0)} MB, peak ${r.peakRssMb.toFixed(0)} MB\n`,
    );
  }
  if (imports.some((r) => r.created !== ROWS))
    throw new Error('an import did not create every row');

  const pick = (f: (r: ChildResult) => number) => median(imports.map(f));
  const load = os.loadavg()[0]!.toFixed(2);
  console.log(
    `\n### Spreadsheets: ${ROWS.toLocaleString('en')} activities (median of ${RUNS}; load ${load})\n`,
  );
  console.log('| what | median | floor |');
  console.log('|---|---|---|');
  console.log(
    `| export the logbook as .xlsx (${sizeMb.toFixed(1)} MB, 1 + per-channel sheets) | ${ms(median(exportMs))} | |`,
  );
  console.log(
    `| import: read the workbook (streaming) | ${ms(pick((r) => r.readMs))} | exceljs streaming read alone ${ms(median(floors))} |`,
  );
  console.log(
    `| import: check every row (columns, dates, numbers, areas, locks) | ${ms(pick((r) => r.checkMs))} | |`,
  );
  console.log(
    `| import: write all rows (one transaction, backup first) | ${ms(pick((r) => r.writeMs))} | JSON import of the same records ${ms(median(jsons.map((j) => j.totalMs)))} |`,
  );
  console.log(`| import: total | ${ms(pick((r) => r.totalMs))} | |`);
  console.log(
    `| peak memory of the importing process | ${pick((r) => r.peakRssMb).toFixed(0)} MB | JSON import process ${median(jsons.map((j) => j.peakRssMb)).toFixed(0)} MB |`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();
