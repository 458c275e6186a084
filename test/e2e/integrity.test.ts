// Damage found by the integrity check after start, in real Chromium through browser mode:
// the logbook shows its rows at once (the check is not on the start path), then the
// read-only banner appears when the check finds the damage, and writes are refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, DB_FILE, type Core } from '../../electron/core/index';
import { startServer } from '../../electron/server/index';
import { ProfileSchema } from '../../shared/schemas';
import { makeActivities } from '../fixtures/activities';
import profile from '../fixtures/profile.json';
import { SHOTS_DIR } from './helpers';

let dataDir: string;
let core: Core;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

/** A folder closed cleanly by the app, then damaged on disk (the b-tree page of audit_log). */
function damagedFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuyentruyen-e2e-'));
  const seed = createCore({ dataDir: dir, mode: 'cli' });
  seed.profile.save(ProfileSchema.parse(profile));
  seed.activities.importMany(makeActivities(40, 7), (i) => ({ vi: `#${i}`, en: `#${i}` }));
  seed.close();
  const file = path.join(dir, DB_FILE);
  const raw = new BetterSqlite3(file, { readonly: true });
  const page = raw
    .prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'audit_log'")
    .pluck()
    .get() as number;
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  raw.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.from([0x0a]), 0, 1, (page - 1) * pageSize);
  fs.closeSync(fd);
  return dir;
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  dataDir = damagedFolder();
  // As `tuyentruyen serve` does; the check is started by the test once the rows show (below).
  core = createCore({ dataDir, mode: 'browser', integrityCheck: 'deferred', integrityDelayMs: 0 });
  server = await startServer({ core, rendererDir: path.resolve('dist/renderer') });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await server?.close().catch(() => undefined);
  core?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('damage found after start', () => {
  it('shows the logbook first, then the read-only banner, and refuses writes', async () => {
    const page = await browser.newPage({
      viewport: { width: 1366, height: 768 },
      locale: 'vi-VN',
      reducedMotion: 'reduce',
    });
    page.setDefaultTimeout(30_000);
    await page.goto(server.url);
    await page.getByTestId('logbook-table').locator('.ant-table-row').first().waitFor();
    // The rows came before the check's finding: still writable, no banner.
    expect(core.info().writable).toBe(true);
    expect(await page.getByTestId('readonly-alert').count()).toBe(0);
    // The check's time has come (the shells start it once the window is up; a clean end of
    // the last session makes it wait, here no time at all).
    void core.checkIntegrity();

    const banner = page.getByTestId('readonly-alert');
    await banner.waitFor({ timeout: 30_000 });
    await expect.poll(() => banner.innerText()).toMatch(/chỉ đọc[\s\S]*bị hỏng/);
    // The officer stays on the logbook, under the banner.
    expect(
      await page.getByTestId('logbook-table').locator('.ant-table-row').count(),
    ).toBeGreaterThan(0);
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'integrity-notice.png') });
    await page.screenshot({ path: '/tmp/integrity-notice.png' });

    const write = await core.call('profile:save', ProfileSchema.parse(profile));
    expect(write.ok).toBe(false);
    if (!write.ok) expect(write.error.code).toBe('db_damaged');
  });
});
