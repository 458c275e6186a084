// Shared steps for the browser tests: start the real engine and the browser-mode server
// on a temp data dir, open Chromium, and fill antd controls the way a user does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { createCore, type Core, type CoreOptions } from '../../electron/core/index';
import { ProfileSchema } from '../../shared/schemas';
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

/** Engine options a test may add (a passphrase for the key, the outbox loop and its timing). */
export type SessionOptions = Omit<CoreOptions, 'dataDir' | 'mode'>;

export async function openSession(options: SessionOptions = {}): Promise<Session> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error(
      'dist/renderer/index.html is missing: run `npm run build` (or `npx vite build`) first.',
    );
  }
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuyentruyen-e2e-'));
  const core = createCore({ ...options, dataDir, mode: 'browser' });
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
  // Animations off, as Windows' "Show animations" switch sets it: a click during a dialog's
  // zoom can land on content antd is about to replace, which a person never notices but a
  // script on a loaded machine does. One test checks that the setting is what turns them off.
  const page = await browser.newPage({
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    reducedMotion: 'reduce',
  });
  // Generous: CI machines are slower than a laptop, and a miss here fails every later step.
  page.setDefaultTimeout(30_000);
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

/**
 * Types a date as users do (dd/mm/yyyy) into a date field and presses Enter, which reads it
 * and moves to the next field. When that field is another date, its calendar opens on focus
 * and is closed with Esc, as a user would; a blind Esc would close the dialog instead.
 */
export async function typeDate(page: Page, input: Locator, ddmmyyyy: string): Promise<void> {
  await input.click();
  await input.press('Control+A');
  await input.pressSequentially(ddmmyyyy);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(normalizeTypedDate(ddmmyyyy));
  const calendar = page.locator('.ant-picker-dropdown:visible');
  if ((await calendar.count()) > 0) {
    await page.keyboard.press('Escape');
    await expect.poll(() => calendar.count()).toBe(0);
  }
}

/** "5/8/2023" as the picker shows it after leaving the field: "05/08/2023". */
function normalizeTypedDate(text: string): string {
  const [d = '', m = '', y = ''] = text.split('/');
  return `${d.padStart(2, '0')}/${m.padStart(2, '0')}/${y}`;
}

/** Waits for a modal's zoom-in to end: while it runs, antd re-renders the modal's content. */
async function zoomEnded(page: Page): Promise<void> {
  await page
    .locator('.ant-zoom-appear, .ant-zoom-enter')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
}

/**
 * Opens the activity form on `channel` ("Thêm hoạt động", then the channel). On a loaded
 * machine a click during the dialog's zoom-in can land before the picker listens, so the
 * channel is clicked again until the form shows.
 */
export async function openActivityForm(page: Page, channel: string): Promise<void> {
  await page.getByTestId('activity-add').click();
  const form = page.getByTestId('activity-form');
  await expect
    .poll(async () => {
      if (await form.isVisible()) return true;
      await zoomEnded(page);
      await page
        .getByTestId(`channel-${channel}`)
        .click({ timeout: 2_000 })
        .catch(() => undefined);
      return form.isVisible();
    })
    .toBe(true);
  await zoomEnded(page);
}

/** Picks options of an antd Select by typing (without diacritics) and pressing Enter. */
export async function pickOptions(page: Page, select: Locator, queries: string[]): Promise<void> {
  // A date picker's calendar closing over the field, or the dialog's zoom re-rendering its
  // content, makes the select unstable or replaces it for a moment: click again until it
  // takes, as a user would.
  await expect
    .poll(
      async () => {
        await zoomEnded(page);
        return select.click({ timeout: 3_000 }).then(
          () => true,
          () => false,
        );
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  const input = select.locator('input').first();
  for (const q of queries) {
    await input.fill(q);
    await page.waitForTimeout(100);
    await input.press('Enter');
  }
  await input.press('Escape');
}

/** The test id of the focused element or of the control it belongs to. */
export function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.closest('[data-testid]')?.getAttribute('data-testid') ?? null;
  });
}

/** The logbook's table body rows (virtual list) as text. */
export async function tableTexts(page: Page): Promise<string[]> {
  return page.getByTestId('logbook-table').locator('.ant-table-row').allInnerTexts();
}

const FIXTURES = path.resolve('test/fixtures');

/** The profile and the fixture quarter (Q3 2023, test/fixtures), through the engine. */
export function seedQuarter(core: Core): void {
  const profile: unknown = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'profile.json'), 'utf8'));
  core.profile.save(ProfileSchema.parse(profile));
  const records = JSON.parse(
    fs.readFileSync(path.join(FIXTURES, 'quarter-2023-q3.json'), 'utf8'),
  ) as unknown[];
  core.activities.importMany(records, (i) => ({ vi: `#${i}`, en: `#${i}` }));
}

/**
 * Picks a quarter in any PeriodPicker by its test id prefix ("province-period"): year by
 * year, then the quarter cell; the caller checks the screen's own period label.
 */
export async function pickQuarterIn(
  page: Page,
  prefix: string,
  year: number,
  q: 1 | 2 | 3 | 4,
): Promise<void> {
  const input = page.getByTestId(`${prefix}-quarter`);
  await input.click();
  const panel = page.locator('.ant-picker-dropdown:visible');
  await panel.waitFor();
  const yearButton = panel.locator('.ant-picker-year-btn');
  for (let i = 0; i < 20; i += 1) {
    const shown = Number(await yearButton.innerText());
    if (shown === year) break;
    await panel
      .locator(
        shown > year ? '.ant-picker-header-super-prev-btn' : '.ant-picker-header-super-next-btn',
      )
      .click();
  }
  await panel
    .locator('.ant-picker-cell')
    .nth(q - 1)
    .click();
  const roman = ['I', 'II', 'III', 'IV'][q - 1]!;
  await expect.poll(() => input.inputValue()).toBe(`Quý ${roman}/${year}`);
}

/** Picks a quarter in the report's quarter picker and waits for the report's period label. */
export async function pickQuarter(page: Page, year: number, q: 1 | 2 | 3 | 4): Promise<void> {
  await pickQuarterIn(page, 'report-period', year, q);
  const roman = ['I', 'II', 'III', 'IV'][q - 1]!;
  await expect
    .poll(() => page.getByTestId('report-period-label').innerText())
    .toBe(`Quý ${roman} năm ${year}`);
}
