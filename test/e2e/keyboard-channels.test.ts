// A clerk's week typed in without the mouse: an activity of each of the four core channels
// (van, banners, cinema, radio) from Ctrl+N to Ctrl+Enter; a decimal where the format keeps
// whole numbers is refused with the rounding to make; a figure far beyond the office's past
// is asked about, "Sửa lại" (Enter) going back to the field and "Vẫn lưu" saving as typed.
// Screenshots go to test-output/e2e/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  focusedTestId as focusedTestIdOf,
  openSession,
  seedQuarter,
  shot,
  type Session,
} from './helpers';

let s: Session;
let page: Page;

beforeAll(async () => {
  s = await openSession();
  page = s.page;
  seedQuarter(s.core);
  await page.goto(s.server.url);
  await page.getByTestId('logbook').waitFor();
}, 120_000);

afterAll(async () => {
  await s?.close();
});

const focusedTestId = () => focusedTestIdOf(page);

/** Presses Tab until the field `testId` has the focus, as a clerk does. */
async function tabTo(testId: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if ((await focusedTestId()) === testId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testId} (at ${await focusedTestId()})`);
}

async function typeInto(testId: string, text: string): Promise<void> {
  await tabTo(testId);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

const form = () => page.getByTestId('activity-form');

/** Opens a new activity on the channel with hotkey `digit`, from the keyboard only. */
async function openByKeyboard(digit: string): Promise<void> {
  // "Thêm hoạt động" asks for the channel (Ctrl+N would reopen the last one).
  await page.getByTestId('activity-add').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('channel-picker').waitFor();
  await page.keyboard.press(digit);
  await form().waitFor();
  await expect.poll(focusedTestId).toBe('activity-date');
}

interface Entry {
  digit: string;
  title: string;
  measures: Record<string, string>;
  audience: string;
}

async function enter(e: Entry): Promise<void> {
  await openByKeyboard(e.digit);
  await page.keyboard.type('2/9/23');
  await page.keyboard.press('Enter');
  await typeInto('activity-communes', 'hop thanh');
  await page.keyboard.press('Enter');
  await typeInto('activity-title', e.title);
  for (const [key, value] of Object.entries(e.measures)) await typeInto(`measure-${key}`, value);
  await typeInto('activity-audience', e.audience);
  await tabTo('activity-notes');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => form().isVisible()).toBe(false);
}

describe('the four core channels from the keyboard', () => {
  const entries: (Entry & { channel: string; stored: Record<string, number> })[] = [
    {
      channel: 'van',
      digit: '1',
      title: 'Xe lưu động tuyên truyền phiên chợ',
      measures: { sessions: '2', km: '36', minutes: '120' },
      audience: '900',
      stored: { sessions: 2, km: 36, minutes: 120 },
    },
    {
      channel: 'banner',
      digit: '2',
      title: 'Treo băng rôn dịp khai giảng',
      measures: { pieces: '6' },
      audience: '0',
      stored: { pieces: 6 },
    },
    {
      channel: 'cinema',
      digit: '3',
      title: 'Chiếu phim lưu động kèm thông điệp',
      measures: { screenings: '2', messageMinutes: '20' },
      audience: '350',
      stored: { screenings: 2, messageMinutes: 20 },
    },
    {
      channel: 'radio',
      digit: '4',
      title: 'Phát tin cảnh giác mua bán người trên loa xã',
      measures: { items: '3', broadcasts: '9', minutes: '45' },
      audience: '1.200',
      stored: { items: 3, broadcasts: 9, minutes: 45 },
    },
  ];

  for (const e of entries) {
    it(`enters a ${e.channel} activity without the mouse`, async () => {
      await enter(e);
      const saved = s.core.activities.list({ search: e.title });
      expect(saved).toHaveLength(1);
      expect(saved[0]!.channel).toBe(e.channel);
      expect(saved[0]!.date).toBe('2023-09-02');
      expect(saved[0]!.communes).toEqual(['Xã Hợp Thành']);
      expect(saved[0]!.measures).toMatchObject(e.stored);
      expect(saved[0]!.audience).toBe(Number(e.audience.replace('.', '')));
    });
  }
});

describe('numbers as people mean them', () => {
  it('refuses a decimal km with the rounding to make', async () => {
    await openByKeyboard('1');
    await page.keyboard.type('3/9/23');
    await page.keyboard.press('Enter');
    await typeInto('activity-communes', 'thuy hung');
    await page.keyboard.press('Enter');
    await typeInto('activity-title', 'Xe lưu động, số km có phần lẻ');
    await typeInto('measure-sessions', '1');
    await typeInto('measure-km', '12,5');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => form().locator('.ant-form-item-explain-error').allInnerTexts())
      .toContain('Số km ghi bằng số nguyên: hãy làm tròn 12,5 thành 13.');
    await shot(page, 'numbers-01-decimal-km');
    await typeInto('measure-km', '13');
    await typeInto('measure-minutes', '60');
    await typeInto('activity-audience', '300');
    await tabTo('activity-notes');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => form().isVisible()).toBe(false);
    expect(s.core.activities.list({ search: 'phan le' })[0]!.measures).toMatchObject({ km: 13 });
  });

  it('asks about a figure far beyond the office’s past; Enter goes back to fix it', async () => {
    await openByKeyboard('1');
    await page.keyboard.type('4/9/23');
    await page.keyboard.press('Enter');
    await typeInto('activity-communes', 'thuy hung');
    await page.keyboard.press('Enter');
    await typeInto('activity-title', 'Xe lưu động, gõ thừa số 0');
    await typeInto('measure-sessions', '1');
    await typeInto('measure-km', '40');
    await typeInto('measure-minutes', '60');
    // The largest van audience so far is 1.200: 10^15 is a slip of the keyboard.
    await typeInto('activity-audience', '1000000000000000');
    await tabTo('activity-notes');
    await page.keyboard.press('Control+Enter');
    const question = page.getByTestId('unusual-figures');
    await question.waitFor();
    expect(await page.getByTestId('unusual-audience').innerText()).toBe(
      'Số người được tuyên truyền: 1.000.000.000.000.000, gấp 833.333.333.333 lần mức lớn nhất đã ghi cho hình thức này (1.200).',
    );
    expect(await question.locator('li').count()).toBe(1);
    await shot(page, 'numbers-02-unusual');
    // Nothing saved yet; Enter is "Sửa lại": back to the audience, the form still open.
    expect(s.core.activities.list({ search: 'thua so 0' })).toHaveLength(0);
    await expect.poll(focusedTestId).toBe('unusual-fix');
    await page.keyboard.press('Enter');
    await expect.poll(() => question.isVisible()).toBe(false);
    await expect.poll(focusedTestId).toBe('activity-audience');
    expect(await form().isVisible()).toBe(true);
    expect(s.core.activities.list({ search: 'thua so 0' })).toHaveLength(0);

    await page.keyboard.press('Control+A');
    await page.keyboard.type('1000');
    await tabTo('activity-notes');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => form().isVisible()).toBe(false);
    expect(s.core.activities.list({ search: 'thua so 0' })[0]!.audience).toBe(1000);
  });

  it('saves an unusual figure as typed when the clerk confirms it', async () => {
    await openByKeyboard('1');
    await page.keyboard.type('5/9/23');
    await page.keyboard.press('Enter');
    await typeInto('activity-communes', 'thuy hung');
    await page.keyboard.press('Enter');
    await typeInto('activity-title', 'Lễ hội lớn của tỉnh, xe lưu động phục vụ');
    await typeInto('measure-sessions', '1');
    await typeInto('measure-km', '40');
    await typeInto('measure-minutes', '60');
    await typeInto('activity-audience', '25.000');
    await tabTo('activity-notes');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('unusual-figures').waitFor();
    // "Sửa lại" takes the focus as the question opens; Tab moves on to "Vẫn lưu" (pressed
    // again if the dialog's own focus handling took it back to "Sửa lại" meanwhile).
    await expect.poll(focusedTestId).toBe('unusual-fix');
    await expect
      .poll(async () => {
        if ((await focusedTestId()) === 'unusual-fix') await page.keyboard.press('Tab');
        return focusedTestId();
      })
      .toBe('unusual-save');
    await page.keyboard.press('Enter');
    await expect.poll(() => form().isVisible()).toBe(false);
    expect(s.core.activities.list({ search: 'le hoi lon' })[0]!.audience).toBe(25_000);
  });
});
