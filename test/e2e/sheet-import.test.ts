// An office's old Excel sheet dropped on the logbook: the column the app does not know is
// asked about, every row is previewed with its problems before anything is written, a sheet
// with a wrong cell cannot be imported, the corrected one can. Then "Xuất Excel" gives the
// logbook back as a workbook. Screenshots go to test-output/e2e/.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSession, seedQuarter, shot, type Session } from './helpers';

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

/** The sheet as offices kept it: titles, a blank line, then headers in their own words. */
async function oldSheet(area: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Quý IV');
  sheet.addRow(['BẢNG THEO DÕI HOẠT ĐỘNG TUYÊN TRUYỀN NĂM 2023']);
  sheet.addRow([]);
  sheet.addRow([
    'STT',
    'Ngày thực hiện',
    'Hình thức',
    'Xã',
    'Nội dung',
    'Số lượng',
    'Số người',
    'Đơn vị phối hợp',
  ]);
  sheet.addRow([
    1,
    '05/12/2023',
    'Xe lưu động',
    'Hợp Thành',
    'Tuyên truyền lưu động cuối năm',
    2,
    '1.500',
    'Đồn Biên phòng',
  ]);
  sheet.addRow([2, '06/12/2023', 'Băng rôn', area, 'Treo băng rôn cuối năm', 12, null, 'Hội LHPN']);
  sheet.addRow([
    3,
    '07/12/2023',
    'Hội nghị',
    'Bảo Lâm',
    'Hội nghị tuyên truyền ở thôn',
    1,
    80,
    null,
  ]);
  sheet.addRow([null, 'Tổng cộng', null, null, null, 15, 1580, null]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Drops the file on the logbook as a person drags it from the file manager. */
async function drop(bytes: Buffer, name: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ base64, fileName }) => {
      const raw = atob(base64);
      const data = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
      const t = new DataTransfer();
      t.items.add(new File([data], fileName));
      return t;
    },
    { base64: bytes.toString('base64'), fileName: name },
  );
  const target = page.getByTestId('logbook');
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await expect.poll(() => page.getByTestId('sheet-drop-over').isVisible()).toBe(true);
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}

/** Answers the unknown column "Đơn vị phối hợp" (H): its text goes to the notes. */
async function mapToNotes(): Promise<void> {
  const columns = page.getByTestId('sheet-columns');
  await columns.waitFor();
  await expect.poll(() => page.getByTestId('sheet-to-preview').isDisabled()).toBe(true);
  const select = page.getByTestId('sheet-map-H');
  await select.click();
  await page.keyboard.type('Ghi chú');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('sheet-to-preview').isEnabled()).toBe(true);
}

describe('a spreadsheet dropped on the logbook', () => {
  it('asks about the unknown column and shows the wrong cell before writing anything', async () => {
    const before = await s.core.call('activities:summary', {});
    await drop(await oldSheet('Xã Không Có'), 'theo-doi-2023.xlsx');
    await mapToNotes();
    await shot(page, 'sheet-01-columns');
    await page.getByTestId('sheet-to-preview').click();
    const summary = page.getByTestId('sheet-summary');
    await expect.poll(() => summary.innerText()).toContain('1 lỗi ở 1 dòng');
    await expect.poll(() => summary.innerText()).toContain('Bỏ qua 1 dòng tổng cộng');
    const bad = page.locator('.sheet-row-bad');
    await expect.poll(() => bad.count()).toBe(1);
    const text = await bad.innerText();
    expect(text).toContain('5'); // row 5 of the sheet
    expect(text).toContain('Xã: không có xã, thị trấn "Xã Không Có"');
    expect(await page.getByTestId('sheet-commit').isDisabled()).toBe(true);
    await shot(page, 'sheet-02-preview-error');
    await page.getByRole('button', { name: 'Hủy' }).click();
    // Nothing was written.
    const after = await s.core.call('activities:summary', {});
    expect(after).toEqual(before);
  });

  it('imports the corrected sheet, all three rows, and the logbook shows them', async () => {
    await drop(await oldSheet('Thụy Hùng'), 'theo-doi-2023.xlsx');
    await mapToNotes();
    await page.getByTestId('sheet-to-preview').click();
    const summary = page.getByTestId('sheet-summary');
    await expect.poll(() => summary.innerText()).toContain('Sẵn sàng nhập 3 hoạt động');
    const rows = page.getByTestId('sheet-rows').locator('.ant-table-row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(0).innerText()).toContain('05/12/2023');
    expect(await rows.nth(0).innerText()).toContain('Xã Hợp Thành');
    expect(await rows.nth(0).innerText()).toContain('1.500');
    await shot(page, 'sheet-03-preview-ready');
    await page.getByTestId('sheet-commit').click();
    await page.getByTestId('sheet-import').waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.locator('.ant-message').innerText())
      .toContain('Đã nhập 3 hoạt động: 3 mới');
    await page.getByTestId('filter-search').fill('cuoi nam');
    await expect
      .poll(() => page.getByTestId('logbook-table').locator('.ant-table-row').count())
      .toBe(2);
    const listed = s.core.activities.list({ search: 'Đồn Biên phòng' });
    expect(listed.map((a) => [a.channel, a.communes, a.audience, a.notes])).toEqual([
      ['van', ['Xã Hợp Thành'], 1500, 'Đồn Biên phòng'],
    ]);
    // The drop target wraps the page without taking its height: the table still fills the
    // window down to its bottom edge.
    const card = page.getByTestId('logbook').locator('.fill').first();
    await expect
      .poll(async () => {
        const box = await card.boundingBox();
        return box ? box.y + box.height : 0;
      })
      .toBeGreaterThan(700);
    await shot(page, 'sheet-04-imported');
  });

  it('gives the filtered logbook back as a workbook', async () => {
    await page.getByTestId('filter-search').fill('');
    await expect
      .poll(() => page.getByTestId('logbook-table').locator('.ant-table-row').count())
      .toBeGreaterThan(2);
    const total = (await s.core.call('activities:summary', {})) as {
      ok: true;
      value: { totals: { activities: number } };
    };
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('logbook-sheet').click(),
    ]);
    const file = path.join(s.dataDir, 'downloaded.xlsx');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^SoTuyenTruyen_LS-CAOLOC-VHTT_.*\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const all = book.getWorksheet('Tất cả hoạt động')!;
    expect(all.rowCount - 4).toBe(total.value.totals.activities);
  });
});
