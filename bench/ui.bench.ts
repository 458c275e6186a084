// The logbook's first rows as a person waits for them (`BENCH_ONLY=ui npm run bench`): the
// real command `tuyentruyen serve` is started on a logbook of 100,000 activities (ten years)
// and Chromium opens it. Measured: from the process's start to the first row on screen (what
// opening the app costs), and from the navigation to it (what a reload or a return to the
// logbook costs). Browser mode runs the same engine and the same renderer as the desktop
// app; Electron itself cannot run here. Needs `npm run build` (dist/) and Chromium.

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { createCore } from '../electron/core';
import { ProfileSchema } from '../shared/schemas';
import { makeActivities } from '../test/fixtures/activities';
import profile from '../test/fixtures/profile.json';
import { QUICK, median, withinMs } from './goals';

const ROWS = Number(process.env.BENCH_UI_ROWS ?? (QUICK ? 20_000 : 100_000));
const RUNS = Number(process.env.BENCH_UI_RUNS ?? (QUICK ? 2 : 5));
const GOAL_ROWS = 100_000;
const CACHE = path.join('bench', '.cache', `ui-v1-${ROWS}`);
/**
 * How long a new tab is left before the clock starts. Opening one, Chromium 156 builds its
 * address bar's popup as a web page of its own: in one trace 0.4 s on its main thread and
 * 0.4 s compiling on two more, on this two-core machine, during the app's own start. That
 * is the browser opening a window, not the app: a person opens the address in a browser
 * already running, and the desktop app has no address bar.
 */
const TAB_SETTLE_MS = 1500;
const FIRST_ROW = '[data-testid="logbook-table"] .ant-table-row[data-row-index="0"]';

/** A data folder of `ROWS` activities, made once; each run gets a copy (a run writes to it). */
function logbook(): string {
  if (!fs.existsSync(path.join(CACHE, 'ready'))) {
    fs.rmSync(CACHE, { recursive: true, force: true });
    const core = createCore({ dataDir: CACHE, mode: 'cli' });
    core.profile.save(ProfileSchema.parse(profile));
    for (let y = 0; y < 10; y++) {
      const records = makeActivities(ROWS / 10, 200 + y, 2016 + y).map((a, i) => ({
        ...a,
        id: `u${2016 + y}-${i}`,
      }));
      core.activities.importMany(records, (i) => ({ vi: `#${i}`, en: `#${i}` }));
    }
    core.close();
    fs.writeFileSync(path.join(CACHE, 'ready'), '');
  }
  // A cache made by an older version is migrated here once, not on every measured start
  // (a migration is paid once per upgrade, not at each opening).
  createCore({ dataDir: CACHE, mode: 'cli' }).close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-bench-ui-'));
  fs.cpSync(CACHE, dir, { recursive: true });
  return dir;
}

/** Starts `tuyentruyen serve` and resolves with its address once it prints it. */
function serve(dataDir: string): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, ['bin/tuyentruyen.cjs', 'serve', '--port', '0'], {
    env: { ...process.env, TUYENTRUYEN_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(out);
      if (m) resolve(m[0]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  return { child, url };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
process.stderr.write(`the logbook's first rows in Chromium, ${ROWS} activities, ${RUNS} runs\n`);
const fromStart: number[] = [];
const fromNavigation: number[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const dir = logbook();
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto('about:blank');
    await new Promise((resolve) => setTimeout(resolve, TAB_SETTLE_MS));
    const started = performance.now();
    const { child, url } = serve(dir);
    try {
      const address = await url;
      const navigated = performance.now();
      await page.goto(address);
      await page.locator(FIRST_ROW).waitFor({ timeout: 60_000 });
      const shown = performance.now();
      fromStart.push(shown - started);
      fromNavigation.push(shown - navigated);
      process.stderr.write(
        `  run ${i + 1}: server up ${(navigated - started).toFixed(0)} ms, first row ${(shown - navigated).toFixed(0)} ms after navigation\n`,
      );
    } finally {
      await page.close();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
}
const size = `${ROWS.toLocaleString('en')} activities`;
const atSize = ROWS === GOAL_ROWS;
withinMs('logbook first rows from the navigation', size, median(fromNavigation), 1500, { atSize });
withinMs('logbook first rows from the start', size, median(fromStart), 2000, { atSize });
