// SQL at the size of a decade (`BENCH_ONLY=scale npm run bench`): the same logbook at
// 10,000, 100,000 and 500,000 activities (ten years, 2016–2025), measured through the core
// as the screens ask: the logbook's first request with a filter (a quarter, a channel and
// a search), the all-time totals the logbook shows unfiltered, and a year's report figures.
// Each beside its floor (the plainest SQL for the same answer), with the growth from the
// smallest size and the query plans. The floor of a year's figures is its by-channel sum
// alone: the report also counts by area and by flag, which has no plainer form. The logbooks are made once and cached in bench/.cache/.

import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { createCore, DB_FILE, type Core } from '../electron/core';
import { ProfileSchema } from '../shared/schemas';
import { makeActivities } from '../test/fixtures/activities';
import profile from '../test/fixtures/profile.json';
import { QUICK, median, withinFloor, withinMs } from './goals';

const SIZES = (process.env.BENCH_SCALE_SIZES ?? (QUICK ? '10000,50000' : '10000,100000,500000'))
  .split(',')
  .map(Number);
const RUNS = Number(process.env.BENCH_QUERY_RUNS ?? (QUICK ? 5 : 15));
const GOAL_SIZE = 500_000;
const YEARS = 10;
const CACHE_VERSION = 1;
const CACHE_ROOT = path.join('bench', '.cache');

const FILTER = { period: '2023-Q3', channels: ['van' as const], search: 'luu dong' };

/** A data folder with `count` activities over ten years, made once and kept. */
function logbook(count: number): string {
  const dir = path.join(CACHE_ROOT, `scale-v${CACHE_VERSION}-${count}`);
  const done = path.join(dir, 'ready');
  if (fs.existsSync(done)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  const t = performance.now();
  const core = createCore({ dataDir: dir, mode: 'cli' });
  core.profile.save(ProfileSchema.parse(profile));
  for (let y = 0; y < YEARS; y++) {
    const records = makeActivities(count / YEARS, 100 + y, 2016 + y).map((a, i) => ({
      ...a,
      id: `s${2016 + y}-${i}`,
    }));
    core.activities.importMany(records, (i) => ({ vi: `#${i}`, en: `#${i}` }));
  }
  core.close();
  fs.writeFileSync(done, '');
  process.stderr.write(
    `  made ${count} activities in ${((performance.now() - t) / 1000).toFixed(1)} s\n`,
  );
  return dir;
}

function time(fn: () => unknown): number {
  const samples: number[] = [];
  fn(); // warm: the first read of a cold file measures the disk, not the query
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

interface Figures {
  firstScreen: number;
  totals: number;
  year: number;
  floors: { firstScreen: number; totals: number; year: number };
}

function measureAt(count: number): Figures {
  const dir = logbook(count);
  const core: Core = createCore({ dataDir: dir, mode: 'cli' });
  const matching = core.activities.summary(FILTER).totals.activities;
  const figures = {
    // The opening and the page keys asked once it shows: all the logbook reads to scroll it.
    firstScreen: time(() => {
      core.activities.pages(FILTER);
      core.activities.anchors(FILTER);
    }),
    totals: time(() => core.activities.summary({})),
    year: time(() => core.report.data('2023-Y', 'trafficking')),
  };
  const year = core.report.period('2023-Y');
  core.close();

  const db = new BetterSqlite3(path.join(dir, DB_FILE), { readonly: true });
  const filtered = db.prepare(
    `SELECT * FROM activities WHERE deleted_at IS NULL AND date >= ? AND date <= ? AND channel = 'van'
       AND instr(search_text, 'luu') > 0 AND instr(search_text, 'dong') > 0
     ORDER BY date DESC, created_at DESC, id DESC LIMIT 200`,
  );
  const filteredTotals = db.prepare(
    `SELECT COUNT(*), TOTAL(audience), TOTAL(cost_vnd) FROM activities
     WHERE deleted_at IS NULL AND date >= ? AND date <= ? AND channel = 'van'
       AND instr(search_text, 'luu') > 0 AND instr(search_text, 'dong') > 0`,
  );
  // The same aggregate the logbook's totals run, without the core around it.
  const totals = db.prepare(
    `SELECT channel, COUNT(*), TOTAL(audience), TOTAL(cost_vnd), TOTAL(sessions), TOTAL(km),
       TOTAL(minutes), TOTAL(pieces), TOTAL(screenings), TOTAL(message_minutes), TOTAL(items),
       TOTAL(broadcasts), TOTAL(copies), TOTAL(messages), TOTAL(models)
     FROM activities WHERE deleted_at IS NULL GROUP BY channel`,
  );
  const yearly = db.prepare(
    `SELECT channel, COUNT(*), TOTAL(audience), TOTAL(cost_vnd), TOTAL(sessions), TOTAL(km),
       TOTAL(minutes), TOTAL(pieces), TOTAL(screenings), TOTAL(items), TOTAL(broadcasts)
     FROM activities WHERE deleted_at IS NULL AND date >= ? AND date <= ? AND theme_mask & 1
     GROUP BY channel`,
  );
  const q3 = ['2023-06-15', '2023-09-14'];
  const floors = {
    firstScreen: time(() => {
      filtered.all(...q3);
      filteredTotals.get(...q3);
    }),
    totals: time(() => totals.all()),
    year: time(() => yearly.all(year.from, year.to)),
  };
  db.close();
  process.stderr.write(
    `  ${count}: first screen ${figures.firstScreen.toFixed(1)} ms (${matching} match; floor ${floors.firstScreen.toFixed(1)}), ` +
      `all-time totals ${figures.totals.toFixed(1)} ms (floor ${floors.totals.toFixed(1)}), ` +
      `a year's figures ${figures.year.toFixed(1)} ms (floor ${floors.year.toFixed(1)})\n`,
  );
  return { ...figures, floors };
}

/** The plans of the statements the first screen and the figures run, at the largest size. */
function plans(count: number): void {
  const db = new BetterSqlite3(path.join(logbook(count), DB_FILE), { readonly: true });
  const explain = (label: string, text: string, ...params: unknown[]) => {
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[];
    process.stdout.write(`\n${label}:\n${rows.map((r) => `  ${r.detail}`).join('\n')}\n`);
  };
  explain(
    'all-time totals',
    'SELECT channel, COUNT(*), TOTAL(audience) FROM activities a WHERE a.deleted_at IS NULL GROUP BY channel',
  );
  explain(
    "a year's figures",
    `SELECT channel, COUNT(*), TOTAL(audience) FROM activities a
     WHERE a.deleted_at IS NULL AND a.date >= ? AND a.date <= ? GROUP BY channel`,
    '2023-01-01',
    '2023-12-31',
  );
  db.close();
}

process.stderr.write(`SQL at scale: ${SIZES.join(', ')} activities\n`);
const results = new Map(SIZES.map((n) => [n, measureAt(n)]));
const smallest = Math.min(...SIZES);
const largest = Math.max(...SIZES);
const atSize = largest === GOAL_SIZE;
const big = results.get(largest)!;
const size = `${largest.toLocaleString('en')} activities`;
withinMs('logbook first screen, filtered', size, big.firstScreen, 100, {
  floorMs: big.floors.firstScreen,
  atSize,
});
withinMs('all-time totals', size, big.totals, 150, { floorMs: big.floors.totals, atSize });
withinMs("a year's report figures", size, big.year, 1000, { floorMs: big.floors.year, atSize });
// Linear growth: the time at the largest size within (largest / smallest) times the smallest's.
const growth = largest / smallest;
const small = results.get(smallest)!;
for (const [what, key] of [
  ['growth of the first screen', 'firstScreen'],
  ['growth of all-time totals', 'totals'],
  ["growth of a year's figures", 'year'],
] as const) {
  withinFloor(`${what} from ${smallest.toLocaleString('en')}`, size, big[key], small[key], growth, {
    atSize,
  });
}
plans(largest);
