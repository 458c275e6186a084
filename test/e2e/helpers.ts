// Shared steps for the browser tests: start the real engine and the browser-mode server
// on a temp data dir, open Chromium, and fill antd controls the way a user does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { createCore, type Core } from '../../electron/core/index';
import { startServer } from '../../electron/server/index';

export const SHOTS_DIR = path.resolve('test-output/e2e');
const RENDERER_DIR = path.resolve('dist/renderer');

export interface Session {
  dataDir: string;
  core: Core;
  server: Awaited<ReturnType<typeof startServer>>;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function openSession(): Promise<Session> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error(
      'dist/renderer/index.html is missing: run `npm run build` (or `npx vite build`) first.',
    );
  }
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuyentruyen-e2e-'));
  const core = createCore({ dataDir, mode: 'browser' });
  const server = await startServer({ core, rendererDir: RENDERER_DIR });
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
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return {
    dataDir,
    core,
    server,
    browser,
    page,
    close: async () => {
      await browser.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (errors.length > 0) console.warn('[e2e] page errors:', errors);
    },
  };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400); // let antd's open and message animations settle
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });
}

/** Types a date as users do (dd/mm/yyyy) into an antd DatePicker and leaves the field. */
export async function typeDate(page: Page, input: Locator, ddmmyyyy: string): Promise<void> {
  await input.click();
  await input.press('Control+A');
  await input.pressSequentially(ddmmyyyy);
  // Tab leaves the field as a user does; the picker keeps a typed valid date on blur.
  await input.press('Tab');
  await expect.poll(() => input.inputValue()).toBe(normalizeTypedDate(ddmmyyyy));
  await page.keyboard.press('Escape');
}

/** "5/8/2023" as the picker shows it after leaving the field: "05/08/2023". */
function normalizeTypedDate(text: string): string {
  const [d = '', m = '', y = ''] = text.split('/');
  return `${d.padStart(2, '0')}/${m.padStart(2, '0')}/${y}`;
}

/** Picks options of an antd Select by typing (without diacritics) and pressing Enter. */
export async function pickOptions(page: Page, select: Locator, queries: string[]): Promise<void> {
  await select.click();
  const input = select.locator('input').first();
  for (const q of queries) {
    await input.fill(q);
    await page.waitForTimeout(100);
    await input.press('Enter');
  }
  await input.press('Escape');
}

/** The logbook's table body rows (virtual list) as text. */
export async function tableTexts(page: Page): Promise<string[]> {
  return page.getByTestId('logbook-table').locator('.ant-table-row').allInnerTexts();
}
