// The activity form driven by the keyboard alone, as a clerk enters a week's work: the
// commune picker keeps what was chosen through Tab and Shift+Tab, Backspace removes the last
// commune only; dates are read in every way people type them, an impossible one is refused
// in words, Enter moves on without submitting and Esc keeps the typed date.
// Screenshots go to test-output/e2e/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
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

/** The chips of a multi-select, in order (without the "+ n" of a responsive overflow). */
async function chips(select: Locator): Promise<string[]> {
  const texts = await select.locator('.ant-select-selection-item').allInnerTexts();
  return texts.filter((t) => !/^\+ \d+ \.\.\.$/.test(t));
}

/** Types into a date field after selecting what is there, as Ctrl+A and typing do. */
async function typeIn(input: Locator, text: string): Promise<void> {
  await input.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

describe('keyboard entry in the activity form', () => {
  it('opens the form from the keyboard', async () => {
    await page.getByTestId('activity-add').focus();
    await page.keyboard.press('Enter');
    const form = page.getByTestId('activity-form');
    // The channel buttons listen once the dialog's zoom-in ends: press again until it shows.
    await expect
      .poll(async () => {
        if (await form.isVisible()) return true;
        await page
          .getByTestId('channel-van')
          .focus({ timeout: 2_000 })
          .then(() => page.keyboard.press('Enter'))
          .catch(() => undefined);
        await page.waitForTimeout(300);
        return form.isVisible();
      })
      .toBe(true);
  });

  it('keeps the communes picked through Tab, Shift+Tab and Enter', async () => {
    const select = page.getByTestId('activity-communes');
    const input = select.locator('input').first();
    await input.focus();
    await page.keyboard.type('hop thanh');
    await page.keyboard.press('Enter');
    await page.keyboard.type('thuy hung');
    await page.keyboard.press('Enter');
    await expect.poll(() => chips(select)).toEqual(['Xã Hợp Thành', 'Xã Thụy Hùng']);
    // Enter again on the option just picked does not take it away.
    await page.keyboard.press('Enter');
    await expect.poll(() => chips(select)).toEqual(['Xã Hợp Thành', 'Xã Thụy Hùng']);

    await page.keyboard.press('Tab');
    await expect.poll(focusedTestId).toBe('activity-village');
    expect(await chips(select)).toEqual(['Xã Hợp Thành', 'Xã Thụy Hùng']);

    await page.keyboard.press('Shift+Tab');
    await expect.poll(focusedTestId).toBe('activity-communes');
    await page.keyboard.press('Tab');
    await expect.poll(focusedTestId).toBe('activity-village');
    expect(await chips(select)).toEqual(['Xã Hợp Thành', 'Xã Thụy Hùng']);

    // ArrowDown opens the list and moves the highlight; Tab still leaves, taking nothing.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await expect.poll(focusedTestId).toBe('activity-village');
    expect(await chips(select)).toEqual(['Xã Hợp Thành', 'Xã Thụy Hùng']);

    // Backspace on an empty search removes the last commune only.
    await page.keyboard.press('Shift+Tab');
    await expect.poll(focusedTestId).toBe('activity-communes');
    // At a person's pace: rc-select finishes leaving the field (a deferred blur) a moment
    // after the Tab; a Backspace inside that moment is not seen, on a loaded machine.
    await page.waitForTimeout(300);
    await page.keyboard.press('Backspace');
    await expect.poll(() => chips(select)).toEqual(['Xã Hợp Thành']);
    await page.keyboard.press('Tab');
    await expect.poll(focusedTestId).toBe('activity-village');
    expect(await chips(select)).toEqual(['Xã Hợp Thành']);
  });

  it('reads each way of typing a date', async () => {
    const date = page.getByTestId('activity-date');
    const forms = ['28/7/2023', '28/07/23', '28-7-2023', '28.7.2023', '28072023', '2023-07-28'];
    // Over a date already there, left by Tab and by Enter in turn: the picker's own idea of
    // the field must not come back when it is left.
    for (const [i, typed] of forms.entries()) {
      await typeIn(date, '01/01/2020');
      await page.keyboard.press('Tab');
      await expect.poll(() => date.inputValue()).toBe('01/01/2020');
      await typeIn(date, typed);
      await page.keyboard.press(i % 2 === 0 ? 'Tab' : 'Enter');
      await expect.poll(() => date.inputValue(), { message: `typed ${typed}` }).toBe('28/07/2023');
      // Tab reaches the next field, not the picker's clear button, and opens no calendar there.
      expect(await focusedTestId()).toBe('activity-end-date');
      expect(await page.locator('.ant-picker-dropdown:visible').count()).toBe(0);
    }
    expect(await page.getByTestId('activity-date-error').count()).toBe(0);
  });

  it('refuses an impossible date in words and keeps the text', async () => {
    const date = page.getByTestId('activity-date');
    // Emptied first: a refused date in place of an earlier one empties the field's value,
    // so that the earlier date is not saved instead (the message names what was typed).
    await typeIn(date, '');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Tab');
    await expect.poll(() => date.inputValue()).toBe('');
    await typeIn(date, '31/02/2024');
    await page.keyboard.press('Tab');
    const error = page.getByTestId('activity-date-error');
    await expect.poll(() => error.innerText()).toBe('Ngày 31/02/2024 không có trong lịch.');
    expect(await date.inputValue()).toBe('31/02/2024');
    // The form's "Hãy nhập ngày…" is there (the value is empty) but not shown twice over.
    const required = page
      .locator('.ant-form-item', { has: date })
      .locator('.ant-form-item-explain-error');
    await expect.poll(() => required.count()).toBeGreaterThan(0);
    expect(await required.first().isVisible()).toBe(false);
    await shot(page, 'keyboard-01-refused-date');

    await typeIn(date, 'hôm qua');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => error.innerText())
      .toBe('Không đọc được ngày “hôm qua”; hãy gõ dạng 28/07/2023.');
  });

  it('moves on with Enter instead of submitting, and keeps the date on Esc', async () => {
    const form = page.getByTestId('activity-form');
    const date = page.getByTestId('activity-date');
    const saved = s.core.activities.list({}).length;
    await typeIn(date, '5/8/23');
    await page.keyboard.press('Enter');
    await expect.poll(focusedTestId).toBe('activity-end-date');
    await expect.poll(() => date.inputValue()).toBe('05/08/2023');
    expect(await form.isVisible()).toBe(true);
    expect(await form.locator('.ant-form-item-has-error').count()).toBe(0);
    expect(await page.getByTestId('activity-date-error').count()).toBe(0);
    expect(s.core.activities.list({})).toHaveLength(saved);

    // Esc closes the calendar only: the date typed stays, the dialog stays.
    await typeIn(date, '06/08/2023');
    await expect
      .poll(() => page.locator('.ant-picker-dropdown:visible').count())
      .toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-picker-dropdown:visible').count()).toBe(0);
    expect(await form.isVisible()).toBe(true);
    expect(await date.inputValue()).toBe('06/08/2023');
    await page.keyboard.press('Tab');
    await expect.poll(() => date.inputValue()).toBe('06/08/2023');
    expect(await form.locator('.ant-form-item-has-error').count()).toBe(0);
  });
});

describe('animations', () => {
  /** Whether opening the activity dialog on `target` ran antd's zoom (its "active" step). */
  async function dialogZooms(target: Page): Promise<boolean> {
    await target.goto(s.server.url);
    await target.getByTestId('logbook').waitFor();
    await target.evaluate(() => {
      const seen = { zoom: false };
      (window as unknown as { seen: typeof seen }).seen = seen;
      const zooming = (el: Element) =>
        /\bant-zoom-appear-active\b/.test(el.getAttribute('class') ?? '') ||
        el.querySelector('.ant-zoom-appear-active') !== null;
      new MutationObserver((records) => {
        for (const r of records) {
          const nodes = r.type === 'attributes' ? [r.target] : Array.from(r.addedNodes);
          if (nodes.some((n) => n instanceof Element && zooming(n))) seen.zoom = true;
        }
      }).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['class'],
      });
    });
    await target.getByTestId('activity-add').click();
    await target.getByTestId('channel-picker').waitFor();
    // Long enough for the zoom (0.3 s) to have started and ended.
    await target.waitForTimeout(1_000);
    const zoomed = await target.evaluate(
      () => (window as unknown as { seen: { zoom: boolean } }).seen.zoom,
    );
    await target.keyboard.press('Escape');
    return zoomed;
  }

  it('follows the computer: none when animations are turned off, the zoom otherwise', async () => {
    const animated = await s.browser.newPage({ reducedMotion: 'no-preference' });
    try {
      expect(await dialogZooms(animated)).toBe(true);
    } finally {
      await animated.close();
    }
    const calm = await s.browser.newPage({ reducedMotion: 'reduce' });
    try {
      expect(await dialogZooms(calm)).toBe(false);
    } finally {
      await calm.close();
    }
  });
});
