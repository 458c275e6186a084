// Fast entry and typed periods in real Chromium through browser mode: Ctrl+N opens a new
// activity, "Lưu và thêm tiếp" keeps the channel, date and communes for the next one,
// Insert reopens on the channel used last; the period box reads "Q3 2023", keeps it
// across a reload, and "Theo năm" stays on the year in view. Screenshots go to
// test-output/e2e/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatNumber } from '../../shared/format';
import {
  openSession,
  pickOptions,
  seedQuarter,
  shot,
  tableTexts,
  typeDate,
  type Session,
} from './helpers';

let s: Session;
let page: Page;

beforeAll(async () => {
  s = await openSession();
  seedQuarter(s.core);
  page = s.page;
  await page.goto(s.server.url);
  await page.getByTestId('logbook').waitFor();
}, 120_000);

afterAll(async () => {
  await s?.close();
});

const form = () => page.getByTestId('activity-form');

/** The values of the open form a next activity should keep. */
async function keptValues() {
  return {
    title: await page.locator('.ant-modal-title').innerText(),
    date: await page.getByTestId('activity-date').inputValue(),
    communes: await page.getByTestId('activity-communes').innerText(),
  };
}

describe('fast entry and typed periods', () => {
  it('opens a new activity with Ctrl+N', async () => {
    await expect.poll(async () => (await tableTexts(page)).length).toBeGreaterThan(0);
    // The keyboard is on the logbook, not in a field.
    await page.locator('.page-title h1').click();
    await page.keyboard.press('Control+N');
    await page.getByTestId('channel-picker').waitFor();
    // Nothing used yet: the picker, first channel focused; 1 picks the van.
    await page.keyboard.press('1');
    await form().waitFor();
  });

  it('saves and adds another with the same channel, date and communes', async () => {
    await typeDate(page, page.getByTestId('activity-date'), '20/08/2023');
    await pickOptions(page, page.getByTestId('activity-communes'), ['hop thanh', 'thuy hung']);
    await page.getByTestId('measure-sessions').fill('2');
    await page.getByTestId('measure-km').fill('30');
    await page.getByTestId('measure-minutes').fill('90');
    await page.getByTestId('activity-title').fill('Xe tuyên truyền lưu động buổi sáng');
    const before = await keptValues();
    expect(before.communes).toContain('Xã Hợp Thành');
    expect(before.communes).toContain('Xã Thụy Hùng');
    await page.getByTestId('activity-save-next').hover();
    await expect
      .poll(() => page.locator('.ant-tooltip:not(.ant-tooltip-hidden)').innerText())
      .toContain('Ctrl+Shift+Enter');
    await shot(page, 'fast-entry-01-save-next');
    await page.getByTestId('activity-save-next').click();

    // The next form: empty title, same channel, date and communes.
    await expect
      .poll(async () => (await tableTexts(page)).some((t) => t.includes('buổi sáng')))
      .toBe(true);
    await expect.poll(() => page.getByTestId('activity-title').inputValue()).toBe('');
    expect(await keptValues()).toEqual(before);
    expect(await page.getByTestId('measure-sessions').inputValue()).toBe('');

    // The shortcut does the same.
    await page.getByTestId('measure-sessions').fill('1');
    await page.getByTestId('measure-km').fill('12');
    await page.getByTestId('measure-minutes').fill('60');
    await page.getByTestId('activity-title').fill('Xe tuyên truyền lưu động buổi chiều');
    await page.getByTestId('activity-title').press('Control+Shift+Enter');
    await expect
      .poll(async () => (await tableTexts(page)).some((t) => t.includes('buổi chiều')))
      .toBe(true);
    await expect.poll(() => page.getByTestId('activity-title').inputValue()).toBe('');
    expect(await keptValues()).toEqual(before);
  });

  it('reopens on the channel used last with Insert', async () => {
    await page.getByTestId('activity-cancel').click();
    await expect.poll(() => form().isVisible()).toBe(false);
    // The keyboard is on the logbook, not in a field.
    await page.locator('.page-title h1').click();
    await page.keyboard.press('Insert');
    await form().waitFor();
    expect(await page.locator('.ant-modal-title').innerText()).toContain('Xe thông tin lưu động');
    await page.getByTestId('activity-cancel').click();
    await expect.poll(() => form().isVisible()).toBe(false);
    // The button still asks, with the last channel focused.
    await page.getByTestId('activity-add').click();
    await page.getByTestId('channel-picker').waitFor();
    expect(await page.getByTestId('channel-van').innerText()).toContain('lần trước');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('channel-picker').isVisible()).toBe(false);
  });

  it('reads a typed period, refuses unreadable text and keeps it across a reload', async () => {
    const box = page.getByTestId('period-text');
    await box.fill('quý 5 năm 2023');
    await box.press('Enter');
    await expect
      .poll(() => page.getByTestId('period-text-error').innerText())
      .toContain('Không đọc được kỳ "quý 5 năm 2023"');

    const q3 = s.core.activities.summary({ period: '2023-Q3', deleted: false }).totals.activities;
    expect(q3).toBeGreaterThan(0);
    await box.fill('Q3 2023');
    await box.press('Enter');
    expect(await page.getByTestId('period-text-error').count()).toBe(0);
    await expect.poll(() => page.getByTestId('period-quarter').inputValue()).toBe('Quý III/2023');
    await expect
      .poll(() => page.getByTestId('totals-activities').innerText())
      .toBe(formatNumber(q3));
    expect(await page.getByTestId('totals').innerText()).toContain('15/06/2023 – 14/09/2023');
    await shot(page, 'fast-entry-02-typed-period');

    await page.reload();
    await page.getByTestId('logbook').waitFor();
    await expect.poll(() => page.getByTestId('period-quarter').inputValue()).toBe('Quý III/2023');
    await expect
      .poll(() => page.getByTestId('totals-activities').innerText())
      .toBe(formatNumber(q3));
  });

  it('switches to "Theo năm" on the year in view', async () => {
    await page.getByTestId('period-kind').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Theo năm' }).click();
    await expect.poll(() => page.getByTestId('period-year').inputValue()).toBe('2023');
    await expect
      .poll(() => page.getByTestId('totals').innerText())
      .toContain('15/12/2022 – 14/12/2023');
  });
});
