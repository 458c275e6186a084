// A commune's Phòng Văn hóa - Xã hội (since the 2025 reform) in real Chromium: the first
// run asks who the office is and fills its usual values, its areas are villages, an
// activity is logged in a village and an online one for the whole office, and the logbook,
// the activity form and the report name villages, never "xã" or "huyện". Last, a village
// merged into another reads "… (nay là …)" on its old activity.
// Screenshots go to test-output/e2e/commune-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { OFFICE_KINDS, OFFICE_KIND_INFO } from '../../shared/offices';
import {
  openActivityForm,
  openSession,
  pickOptions,
  pickQuarter,
  shot,
  tableTexts,
  typeDate,
  type Session,
} from './helpers';

let s: Session;
let page: Page;

beforeAll(async () => {
  s = await openSession();
  page = s.page;
  await page.goto(s.server.url);
}, 120_000);

afterAll(async () => {
  await s?.close();
});

const NOUN = 'thôn, bản, tổ dân phố';
const HEADING = 'Thôn, bản, tổ dân phố';

/** "xã" or "huyện" as a word of its own ("Xã hội" is a different word). */
function adminWords(text: string): string[] {
  return text.match(/(?<![\p{L}])(xã|huyện)(?![\p{L}])(?!\s+hội)/giu) ?? [];
}

const text = (id: string) => page.getByTestId(id).innerText();

/** The labels of the open activity form. */
const formLabels = () =>
  page.getByTestId('activity-form').locator('.ant-form-item-label').allInnerTexts();

/** The message under the form item holding `testId`. */
const explainOf = (testId: string) =>
  page
    .locator('.ant-form-item')
    .filter({ has: page.getByTestId(testId) })
    .locator('.ant-form-item-explain')
    .innerText();

describe('a commune office in the browser', () => {
  it('asks who the office is and fills a commune office’s usual values', async () => {
    await page.getByTestId('profile-form').waitFor();
    const choice = await text('first-run-role');
    const labels = OFFICE_KINDS.map((k) => OFFICE_KIND_INFO[k].label);
    // The commune-level office first, the district-era one last.
    expect(labels.map((l) => choice.indexOf(l))).toEqual(
      [...labels.map((l) => choice.indexOf(l))].sort((a, b) => a - b),
    );
    expect(choice.indexOf(labels[0]!)).toBeGreaterThanOrEqual(0);
    await shot(page, 'commune-01-first-run');

    await page.getByTestId('first-run-role-commune').click();
    await expect
      .poll(() => page.getByTestId('office-name-input').inputValue())
      .toBe('Phòng Văn hóa - Xã hội');
    expect(await page.getByTestId('office-parent-input').inputValue()).toBe('UBND xã …');
    expect(await page.getByTestId('office-docsymbol-input').inputValue()).toBe('BC-VHXH');
    expect(await page.getByTestId('office-recipients-input').inputValue()).toBe(
      'Sở Văn hóa, Thể thao và Du lịch',
    );
    expect(await page.getByTestId('office-signer-title-input').inputValue()).toBe(
      'KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG',
    );
    // Its areas are villages, and the card says so.
    expect(await text('areas-hint')).toContain('thôn, bản, tổ dân phố của xã');
    const card = await text('areas-card');
    expect(card).toContain(`Các ${NOUN} trên địa bàn`);
    expect(await page.getByTestId('commune-name-0').getAttribute('placeholder')).toBe(
      'Ví dụ: Thôn Nà Lệnh',
    );
  });

  it('lists villages typed and pasted, with their kinds and flags', async () => {
    await page.getByTestId('office-code-input').fill('LS-HOPTHANH-VHXH');
    await page.getByTestId('office-province-input').fill('Lạng Sơn');
    await page.getByTestId('office-place-input').fill('Hợp Thành');
    await page.getByTestId('office-signer-name-input').fill('Hoàng Thị B');

    await page.getByTestId('commune-name-0').fill('Thôn Nà Lệnh');
    await page.getByTestId('commune-name-0').blur();
    await expect.poll(() => page.getByTestId('commune-code-0').inputValue()).toBe('NA-LENH');
    expect(await page.getByTestId('commune-kind-0').getAttribute('placeholder')).toBe('thôn');
    await page.getByTestId('commune-paste').click();
    await page
      .getByTestId('paste-communes-text')
      .fill('Bản Khuổi Phầy; biên giới, dân tộc thiểu số\nTổ dân phố 1');
    expect(await page.locator('.ant-modal').innerText()).toContain(`Dán danh sách ${NOUN}`);
    await page.getByTestId('paste-communes-ok').click();
    await expect.poll(() => page.getByTestId('commune-name-2').inputValue()).toBe('Tổ dân phố 1');
    expect(await page.getByTestId('commune-code-2').inputValue()).toBe('TO-DAN-PHO-1');
    expect(await page.getByTestId('commune-flag-border-1').isChecked()).toBe(true);
    expect(await page.getByTestId('commune-flag-ethnic-1').isChecked()).toBe(true);
    const header = await page.getByTestId('commune-table').locator('thead').innerText();
    expect(header).toContain(`Tên ${NOUN}`);
    expect(header).toContain('Loại');
    expect(header).toContain('Sáp nhập từ');
    expect(adminWords(header)).toEqual([]);

    // "UBND xã …" must name the commune before the profile is saved.
    await page.getByTestId('profile-save').click();
    await expect
      .poll(() => explainOf('office-parent-input'))
      .toContain('Hãy thay dấu “…” bằng tên cụ thể.');
    await page.getByTestId('office-parent-input').fill('UBND xã Hợp Thành');
    await page.getByTestId('commune-table').scrollIntoViewIfNeeded();
    await shot(page, 'commune-02-first-run-filled');
    await page.getByTestId('profile-save').click();
    await page.getByTestId('logbook').waitFor();

    const profile = s.core.profile.get();
    expect(profile?.office).toMatchObject({
      kind: 'commune',
      name: 'Phòng Văn hóa - Xã hội',
      parent: 'UBND xã Hợp Thành',
      recipients: ['Sở Văn hóa, Thể thao và Du lịch'],
    });
    expect(profile?.communes.map((c) => [c.code, c.name, c.flags])).toEqual([
      ['NA-LENH', 'Thôn Nà Lệnh', []],
      ['KHUOI-PHAY', 'Bản Khuổi Phầy', ['border', 'ethnic']],
      ['TO-DAN-PHO-1', 'Tổ dân phố 1', []],
    ]);
    // A commune's office keeps a logbook and reports upwards; it does not merge.
    const desks = await s.core.call('settings:getDesks', {});
    expect(desks).toMatchObject({ ok: true, value: { office: true, province: false } });
  });

  it('asks for a village where the work happened, in the office’s words', async () => {
    const head = await page.getByTestId('logbook-table').locator('.ant-table-thead').innerText();
    expect(head).toContain(HEADING);
    expect(adminWords(head)).toEqual([]);

    await openActivityForm(page, 'van');
    const labels = await formLabels();
    expect(labels).toContain(HEADING);
    expect(labels).toContain('Địa điểm cụ thể');
    expect(adminWords(labels.join('\n'))).toEqual([]);
    await typeDate(page, page.getByTestId('activity-date'), '20/10/2025');
    await page.getByTestId('measure-sessions').fill('2');
    await page.getByTestId('measure-km').fill('18');
    await page.getByTestId('measure-minutes').fill('120');
    await page.getByTestId('activity-audience').fill('350');
    await page
      .getByTestId('activity-title')
      .fill('Tuyên truyền lưu động phòng, chống mua bán người');
    await page.getByTestId('activity-save').click();
    await expect.poll(() => explainOf('activity-communes')).toBe(`Hãy chọn ít nhất một ${NOUN}.`);
    await pickOptions(page, page.getByTestId('activity-communes'), ['khuoi phay']);
    await page.getByTestId('activity-village').fill('Nhà văn hóa bản');
    await shot(page, 'commune-03-form-van');
    await page.getByTestId('activity-save').click();
    await expect.poll(() => page.getByTestId('activity-form').isVisible()).toBe(false);
    await expect.poll(async () => (await tableTexts(page)).length).toBe(1);
  });

  it('logs an online activity for the whole office, with no village', async () => {
    await openActivityForm(page, 'online');
    const select = page.getByTestId('activity-communes');
    expect(await select.innerText()).toContain('Để trống nếu là hoạt động chung của toàn đơn vị');
    expect(adminWords((await formLabels()).join('\n'))).toEqual([]);
    await typeDate(page, page.getByTestId('activity-date'), '25/10/2025');
    await page.getByTestId('measure-items').fill('3');
    await page.getByTestId('activity-audience').fill('1200');
    await page
      .getByTestId('activity-title')
      .fill('Đăng tin cảnh giác thủ đoạn lừa đi làm việc nhẹ lương cao');
    await shot(page, 'commune-04-form-online');
    await page.getByTestId('activity-save').click();
    await expect.poll(() => page.getByTestId('activity-form').isVisible()).toBe(false);
    await expect.poll(async () => (await tableTexts(page)).length).toBe(2);

    const rows = await tableTexts(page);
    const online = rows.find((r) => r.includes('làm việc nhẹ lương cao'))!;
    expect(online).toContain('Toàn đơn vị');
    const van = rows.find((r) => r.includes('lưu động phòng, chống'))!;
    expect(van).toContain('Bản Khuổi Phầy');
    const stored = s.core.activities.list({});
    expect(stored.find((r) => r.channel === 'online')?.communeCodes).toEqual([]);
    expect(stored.find((r) => r.channel === 'van')?.communeCodes).toEqual(['KHUOI-PHAY']);
    await shot(page, 'commune-05-logbook');
  });

  it('reports by village, with the whole office’s work apart', async () => {
    await page.getByTestId('menu-report').click();
    await page.getByTestId('report').waitFor();
    await pickQuarter(page, 2025, 4);
    await expect.poll(() => text('report-activities')).toContain('2');
    const reached = await text('report-communes-reached');
    expect(reached).toContain(`${HEADING} đã tuyên truyền`);
    expect(reached).toContain('1/3');
    expect(adminWords(await text('report-summary'))).toEqual([]);
    await shot(page, 'commune-06-report');

    await page.getByTestId('report-tab-areas').click();
    await page.getByTestId('report-commune-table').waitFor();
    const table = await text('report-commune-table');
    expect(table).toContain(HEADING);
    expect(table).toContain('Bản Khuổi Phầy');
    expect(await text('report-without-area')).toContain(
      `Toàn đơn vị (không gắn với ${NOUN} cụ thể)`,
    );
    expect(await text('report-flag-reached-border')).toBe('1/1 bản');
    expect(await text('report-flag-reached-ethnic')).toBe('1/1 bản');
    const areas = await page.locator('.report-areas').innerText();
    expect(areas).toContain(`Theo ${NOUN}`);
    expect(adminWords(areas)).toEqual([]);
    await shot(page, 'commune-07-report-areas');
  });

  it('shows an activity of a merged village with the village it now counts under', async () => {
    await page.getByTestId('menu-logbook').click();
    await openActivityForm(page, 'meeting');
    await typeDate(page, page.getByTestId('activity-date'), '05/11/2025');
    await pickOptions(page, page.getByTestId('activity-communes'), ['to dan pho 1']);
    await page.getByTestId('measure-sessions').fill('1');
    await page.getByTestId('activity-audience').fill('45');
    await page.getByTestId('activity-title').fill('Họp tổ dân phố, lồng ghép tuyên truyền');
    await page.getByTestId('activity-save').click();
    await expect.poll(() => page.getByTestId('activity-form').isVisible()).toBe(false);

    // Tổ dân phố 1 is merged into Thôn Nà Lệnh: its row goes, Nà Lệnh absorbs its code.
    await page.getByTestId('menu-profile').click();
    await page.getByTestId('profile-form').waitFor();
    // Later visits show the kind as a field; the first run asked it as "Cơ quan tôi là".
    expect(await text('office-kind-input')).toContain('Phòng Văn hóa - Xã hội cấp xã');
    await shot(page, 'commune-08-profile');
    await page
      .getByTestId('commune-table')
      .locator('.ant-table-row')
      .nth(2)
      .getByRole('button', { name: 'Bỏ khỏi danh sách' })
      .click();
    await pickOptions(page, page.getByTestId('commune-absorbed-0'), ['TO-DAN-PHO-1']);
    await page.getByTestId('commune-table').scrollIntoViewIfNeeded();
    await shot(page, 'commune-09-profile-merge');
    await page.getByTestId('profile-save').click();
    await expect
      .poll(() => s.core.profile.get()?.communes.find((c) => c.code === 'NA-LENH')?.absorbed)
      .toEqual(['TO-DAN-PHO-1']);

    await page.getByTestId('menu-logbook').click();
    await page.getByTestId('logbook').waitFor();
    await expect
      .poll(async () => (await tableTexts(page)).find((r) => r.includes('Họp tổ dân phố')))
      .toContain('Tổ dân phố 1 (nay là Thôn Nà Lệnh)');
    await shot(page, 'commune-10-logbook-merged');
  });
});
