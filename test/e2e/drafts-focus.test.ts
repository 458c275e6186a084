// Drafts across channels, where the cursor goes, and directives registered late, in real
// Chromium: a new activity typed on one channel and closed is announced by the channel
// picker and offered by the form of whichever channel is picked (kept: everything typed
// comes back; thrown away: gone, on purpose); "Sao chép lần trước" puts the cursor in the
// date it asks for and is not offered when editing; "Thêm đoạn" puts it in the new
// paragraph; a directive registered after section 1 was written is offered there, and
// added only when asked. Screenshots go to test-output/e2e/drafts-focus-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  focusedTestId,
  openActivityForm,
  openSession,
  pickQuarter,
  seedQuarter,
  shot,
  typeDate,
  type Session,
} from './helpers';

let s: Session;
let page: Page;

const TITLE = 'Tuyên truyền lưu động tại chợ phiên Đồng Đăng';

beforeAll(async () => {
  s = await openSession();
  page = s.page;
  seedQuarter(s.core);
  // Section 1 of the quarter starts from this plan.
  s.core.directives.save({
    number: '12/KH-UBND',
    date: '2023-07-03',
    issuer: 'UBND huyện Cao Lộc',
    subject: 'tuyên truyền phòng, chống mua bán người năm 2023',
    direction: 'incoming',
  });
  await page.goto(s.server.url);
  await page.getByTestId('logbook').waitFor();
}, 120_000);

afterAll(async () => {
  await s?.close();
});

const form = () => page.getByTestId('activity-form');
const value = (id: string) => page.getByTestId(id).inputValue();

/** Opens "Thêm hoạt động" and waits for the channel picker (no channel picked yet). */
async function openPicker(): Promise<void> {
  await page.getByTestId('activity-add').click();
  await page.getByTestId('channel-picker').waitFor();
  // The dialog's zoom re-renders its content; the picker is steady once it has ended.
  await page.waitForTimeout(300);
}

async function pick(channel: string): Promise<void> {
  await expect
    .poll(async () => {
      if (await form().isVisible()) return true;
      await page
        .getByTestId(`channel-${channel}`)
        .click({ timeout: 2_000 })
        .catch(() => undefined);
      return form().isVisible();
    })
    .toBe(true);
}

async function cancel(): Promise<void> {
  await page.getByTestId('activity-cancel').click();
  await expect.poll(() => form().isVisible()).toBe(false);
}

/** Types a new activity on `channel` and closes the form without saving. */
async function typeAndClose(channel: string): Promise<void> {
  await openActivityForm(page, channel);
  await typeDate(page, page.getByTestId('activity-date'), '15/08/2023');
  await page.getByTestId('activity-title').fill(TITLE);
  await page.getByTestId('activity-audience').fill('320');
  await cancel();
}

describe('a draft of a new activity, whichever channel is picked', () => {
  it('is announced by the picker and kept in another channel’s form', async () => {
    const before = s.core.activities.list({}).length;
    await typeAndClose('van');

    await openPicker();
    const waiting = page.getByTestId('channel-draft-waiting');
    await expect.poll(() => waiting.innerText()).toContain('Có nội dung đang nhập dở');
    expect(await waiting.innerText()).toContain(`“${TITLE}” (Xe thông tin lưu động, ngày`);
    await shot(page, 'drafts-focus-01-picker');

    await pick('cinema');
    const offer = page.getByTestId('activity-draft-waiting');
    await expect.poll(() => offer.innerText()).toContain(TITLE);
    expect(await offer.innerText()).toContain('Giữ lại nội dung đó cho hoạt động');
    // The form asks before anything else: the answer has the focus, the form is empty.
    await expect.poll(() => focusedTestId(page)).toBe('activity-keep-draft');
    expect(await value('activity-title')).toBe('');
    await shot(page, 'drafts-focus-02-offer');

    await page.getByTestId('activity-keep-draft').click();
    await expect.poll(() => value('activity-title')).toBe(TITLE);
    expect(await value('activity-date')).toBe('15/08/2023');
    expect(await value('activity-audience')).toBe('320');
    expect(await page.locator('.ant-modal-title').innerText()).toContain('Chiếu phim lưu động');
    expect(await offer.count()).toBe(0);
    await shot(page, 'drafts-focus-03-kept');
    await cancel();

    // Moved, not copied: the draft now waits under the cinema only, and opens there.
    await openPicker();
    await expect.poll(() => waiting.count()).toBe(1);
    expect(await waiting.innerText()).toContain('Chiếu phim lưu động');
    await page.getByTestId('channel-open-draft').click();
    await expect.poll(() => value('activity-title')).toBe(TITLE);
    await page.getByTestId('activity-discard-draft').click();
    expect(await value('activity-title')).toBe('');
    await cancel();
    expect(s.core.activities.list({})).toHaveLength(before);
  });

  it('is thrown away only when asked', async () => {
    await typeAndClose('van');
    await openPicker();
    await pick('banner');
    await page.getByTestId('activity-draft-waiting').waitFor();
    await page.getByTestId('activity-discard-other-draft').click();
    await expect.poll(() => page.getByTestId('activity-draft-waiting').count()).toBe(0);
    expect(await value('activity-title')).toBe('');
    await cancel();
    await openPicker();
    expect(await page.getByTestId('channel-draft-waiting').count()).toBe(0);
    await pick('van');
    expect(await value('activity-title')).toBe('');
    await cancel();
  });
});

describe('where the cursor goes', () => {
  it('“Sao chép lần trước” puts it in the date it asks for', async () => {
    await openActivityForm(page, 'van');
    await page.getByTestId('activity-copy-latest').click();
    await expect.poll(() => page.locator('.ant-message').innerText()).toContain('Hãy nhập ngày');
    await expect.poll(() => focusedTestId(page)).toBe('activity-date');
    expect(await value('activity-title')).not.toBe('');
    await shot(page, 'drafts-focus-04-copied');
    // Typed at once, the date lands in the field the message named.
    await page.keyboard.type('16/08/2023');
    await page.keyboard.press('Enter');
    await expect.poll(() => value('activity-date')).toBe('16/08/2023');
    await cancel();
    // The copy was kept as a draft; throw it away.
    await openActivityForm(page, 'van');
    await page.getByTestId('activity-discard-draft').click();
    await cancel();
  });

  it('“Sao chép lần trước” is not offered when editing', async () => {
    const row = page.getByTestId('logbook-table').locator('.ant-table-row').first();
    await row.getByTestId('row-edit').click();
    await form().waitFor();
    await expect.poll(() => page.getByTestId('activity-save').count()).toBe(1);
    expect(await page.getByTestId('activity-copy-latest').count()).toBe(0);
    await cancel();
  });

  it('“Thêm đoạn” puts it in the new paragraph', async () => {
    await page.getByTestId('menu-report').click();
    await page.getByTestId('report').waitFor();
    await pickQuarter(page, 2023, 3);
    await page.getByTestId('report-tab-texts').click();
    await page.getByTestId('report-texts').waitFor();
    await expect.poll(() => value('report-directive-0')).toContain('12/KH-UBND');
    await page.getByTestId('report-directive-add').click();
    await expect.poll(() => focusedTestId(page)).toBe('report-directive-1');
    await page.keyboard.type('Tổ chức hội nghị triển khai kế hoạch tuyên truyền.');
    expect(await value('report-directive-1')).toBe(
      'Tổ chức hội nghị triển khai kế hoạch tuyên truyền.',
    );
    await expect
      .poll(() => s.core.report.texts('2023-Q3', 'trafficking').directives)
      .toHaveLength(2);
    await shot(page, 'drafts-focus-05-paragraph');
  });
});

describe('a directive registered after section 1 was written', () => {
  const paragraphs = async () =>
    page
      .getByTestId('report-directives')
      .locator('textarea')
      .evaluateAll((list) => list.map((el) => (el as HTMLTextAreaElement).value));

  /** Leaves the report for the register and comes back, as a user does after registering. */
  async function backToTexts(): Promise<void> {
    await page.getByTestId('menu-directives').click();
    await page.getByTestId('directives').waitFor();
    await page.getByTestId('menu-report').click();
    await page.getByTestId('report-tab-texts').click();
    await page.getByTestId('report-texts').waitFor();
  }

  it('is offered, and added only when asked', async () => {
    const written = await paragraphs();
    expect(written).toHaveLength(2);
    s.core.directives.save({
      number: '35/KH-UBND',
      date: '2023-08-20',
      issuer: 'UBND huyện Cao Lộc',
      subject: 'tuyên truyền Ngày toàn dân phòng, chống mua bán người 30/7',
      direction: 'incoming',
    });
    // One of another quarter is not this report's.
    s.core.directives.save({
      number: '50/KH-UBND',
      date: '2023-11-02',
      issuer: 'UBND huyện Cao Lộc',
      subject: 'tuyên truyền quý IV',
      direction: 'incoming',
    });
    await backToTexts();

    const offers = page.getByTestId('report-directive-offers');
    await expect.poll(() => offers.count()).toBe(1);
    const shown = await offers.innerText();
    expect(shown).toContain('Kế hoạch số 35/KH-UBND ngày 20/8/2023');
    expect(shown).not.toContain('50/KH-UBND');
    // Offered, not written into what the user edited.
    expect(await paragraphs()).toEqual(written);
    expect(s.core.report.texts('2023-Q3', 'trafficking').directives.join('\n')).not.toContain(
      '35/KH-UBND',
    );
    await page.getByTestId('report-directive-offers').scrollIntoViewIfNeeded();
    await shot(page, 'drafts-focus-06-offer');

    await page.getByTestId('report-directive-offer-add').click();
    await expect.poll(() => offers.count()).toBe(0);
    const now = await paragraphs();
    expect(now.slice(0, 2)).toEqual(written);
    expect(now[2]).toMatch(/^Tiếp nhận và triển khai thực hiện Kế hoạch số 35\/KH-UBND ngày/);
    await expect.poll(() => focusedTestId(page)).toBe('report-directive-2');
    await expect
      .poll(() => s.core.report.texts('2023-Q3', 'trafficking').directives[2] ?? '')
      .toContain('35/KH-UBND');
    await shot(page, 'drafts-focus-07-added');
  });

  it('set aside, stays aside and leaves section 1 alone', async () => {
    s.core.directives.save({
      number: '41/CV-UBND',
      date: '2023-09-12',
      issuer: 'UBND huyện Cao Lộc',
      subject: 'tăng cường tuyên truyền tại các xã biên giới',
      direction: 'incoming',
    });
    await backToTexts();
    const offers = page.getByTestId('report-directive-offers');
    await expect.poll(() => offers.count()).toBe(1);
    expect(await offers.innerText()).toContain('41/CV-UBND');
    const written = await paragraphs();
    await page.getByTestId('report-directive-offer-skip').click();
    await expect.poll(() => offers.count()).toBe(0);
    expect(await paragraphs()).toEqual(written);
    await backToTexts();
    await page.waitForTimeout(500);
    expect(await offers.count()).toBe(0);
  });
});
