// The directives register and the office profile screen in real Chromium. The profile is
// set up through the engine here (first run through the UI is logbook.test.ts's job).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSession, shot, typeDate, type Session } from './helpers';

let s: Session;
let page: Page;

beforeAll(async () => {
  s = await openSession();
  page = s.page;
  await s.core.call('profile:save', {
    office: {
      code: 'LS-CAOLOC-VHTT',
      name: 'Phòng Văn hóa và Thông tin',
      parent: 'UBND huyện Cao Lộc',
    },
    communes: [
      { code: 'CL-HT', name: 'Xã Hợp Thành', flags: ['border'] },
      { code: 'CL-TH', name: 'Xã Thụy Hùng', flags: [] },
    ],
  });
  await page.goto(s.server.url);
  await page.getByTestId('logbook').waitFor();
}, 120_000);

afterAll(async () => {
  await s?.close();
});

describe('directives and office profile in the browser', () => {
  it('registers a directive, finds it without diacritics, deletes it with undo', async () => {
    await page.getByTestId('menu-directives').click();
    await page.getByTestId('directives').waitFor();
    await page.getByTestId('directive-add').click();
    await page.getByTestId('directive-number').fill('4502/BCĐ-CAT');
    await typeDate(page, page.getByTestId('directive-date'), '08/09/2023');
    await page.getByTestId('directive-issuer').fill('Ban Chỉ đạo 138 tỉnh');
    await page
      .getByTestId('directive-subject')
      .fill('tăng cường công tác tuyên truyền phòng, chống mua bán người');
    await page.getByTestId('directive-save').click();
    const table = page.getByTestId('directive-table');
    await expect.poll(() => table.locator('.ant-table-row').count()).toBe(1);
    const row = await table.locator('.ant-table-row').first().innerText();
    expect(row).toContain('4502/BCĐ-CAT');
    expect(row).toContain('08/09/2023');
    expect(row).toContain('Văn bản đến');

    await page.getByTestId('directive-search').fill('mua ban nguoi');
    await page.waitForTimeout(400);
    expect(await table.locator('.ant-table-row').count()).toBe(1);
    await page.getByTestId('directive-search').fill('ma tuy');
    await expect.poll(() => table.locator('.ant-table-row').count()).toBe(0);
    await page.getByTestId('directive-search').fill('');
    await expect.poll(() => table.locator('.ant-table-row').count()).toBe(1);
    await shot(page, '10-directives');

    await table.getByRole('button', { name: 'Xóa' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Xóa' }).click();
    await expect.poll(() => table.locator('.ant-table-row').count()).toBe(0);
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    await expect.poll(() => table.locator('.ant-table-row').count()).toBe(1);
  });

  it('edits the office profile and shows the new name in the header', async () => {
    await page.getByTestId('menu-profile').click();
    await page.getByTestId('profile-form').waitFor();
    expect(await page.getByTestId('office-code-input').inputValue()).toBe('LS-CAOLOC-VHTT');
    expect(await page.getByTestId('commune-name-1').inputValue()).toBe('Xã Thụy Hùng');
    expect(await page.getByTestId('commune-flag-border-0').isChecked()).toBe(true);

    // A code with diacritics is refused next to the field, and the typed name stays.
    await page.getByTestId('office-name-input').fill('Phòng Văn hóa, Khoa học và Thông tin');
    await page.getByTestId('office-code-input').fill('CAO LỘC');
    await page.getByTestId('profile-save').click();
    const codeItem = page
      .locator('.ant-form-item')
      .filter({ has: page.getByTestId('office-code-input') });
    await expect
      .poll(() => codeItem.locator('.ant-form-item-explain').innerText())
      .toContain('Mã chỉ gồm chữ không dấu');
    expect(await page.getByTestId('office-name-input').inputValue()).toBe(
      'Phòng Văn hóa, Khoa học và Thông tin',
    );
    await page.getByTestId('office-code-input').fill('LS-CAOLOC-VHTT');
    await page.getByTestId('profile-save').click();
    await expect
      .poll(() => page.getByTestId('office-name').innerText())
      .toContain('Phòng Văn hóa, Khoa học và Thông tin');
    expect(s.core.profile.get()?.office.name).toBe('Phòng Văn hóa, Khoa học và Thông tin');
    await page.getByTestId('office-name-input').scrollIntoViewIfNeeded();
    await shot(page, '11-profile');
  });

  it('reads communes from a profile file chosen on this computer', async () => {
    const file = {
      office: {
        code: 'LS-CAOLOC-VHTT',
        name: 'Phòng Văn hóa và Thông tin',
        parent: 'UBND huyện Cao Lộc',
        province: 'Lạng Sơn',
        place: 'Cao Lộc',
        docSymbol: 'BC-VHTT',
        recipients: ['Sở Thông tin và Truyền thông'],
        signer: { title: 'KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG', name: 'Nguyễn Văn A' },
        cutoff: 'calendar',
      },
      communes: [
        { code: 'CL-HT', name: 'Xã Hợp Thành', flags: ['border', 'ethnic', 'key'] },
        { code: 'CL-TH', name: 'Xã Thụy Hùng', flags: [] },
        { code: 'CL-TT', name: 'Thị trấn Cao Lộc', flags: ['remote'] },
      ],
    };
    await page.locator('input[type=file]').setInputFiles({
      name: 'ho-so.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await expect
      .poll(() => page.getByTestId('commune-name-2').inputValue())
      .toBe('Thị trấn Cao Lộc');
    expect(await page.getByTestId('commune-flag-remote-2').isChecked()).toBe(true);
    expect(await page.getByTestId('office-signer-name-input').inputValue()).toBe('Nguyễn Văn A');
    expect(await page.getByTestId('office-name-input').inputValue()).toBe(
      'Phòng Văn hóa và Thông tin',
    );
    await page.getByTestId('profile-save').click();
    await expect.poll(() => s.core.profile.get()?.communes.filter((c) => c.active).length).toBe(3);
    expect(s.core.profile.get()?.office.cutoff).toBe('calendar');
  });
});
