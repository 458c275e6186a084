// The report screen in real Chromium through browser mode: the fixture quarter seeded
// through the core, its figures, chart and texts on screen, a draft that survives a
// period switch and a reload, a Word file that matches the CLI's byte for byte (all but
// the creation time), the subject switch (figures and drafts per subject) and the signed,
// read-only report after the export. Screenshots go to test-output/e2e/report-*.png.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { localToday } from '../../shared/format';
import { periodContaining } from '../../shared/period';
import { ProfileSchema } from '../../shared/schemas';
import {
  openSession,
  pickQuarter,
  seedQuarter,
  SHOTS_DIR,
  shot,
  typeDate,
  type Session,
} from './helpers';

const ROOT = path.resolve('.');

let s: Session;
let page: Page;

beforeAll(async () => {
  // A passphrase for the office key: the last steps export the quarter.
  s = await openSession({ passphrase: 'mật khẩu thử nghiệm' });
  page = s.page;
  seedQuarter(s.core);
  // A deleted activity never counts (the integration test's figures assume it gone).
  s.core.activities.remove('q3-deleted');
  s.core.directives.save({
    number: '4502/BCĐ-CAT',
    date: '2023-09-08',
    issuer: 'Ban Chỉ đạo 138 tỉnh',
    subject: 'tăng cường tuyên truyền phòng, chống mua bán người',
    direction: 'incoming',
  });
  await page.goto(s.server.url);
}, 120_000);

afterAll(async () => {
  await s?.close();
});

/** Opens the report screen from the menu. */
async function openReport(): Promise<void> {
  await page.getByTestId('menu-report').click();
  await page.getByTestId('report').waitFor();
}

const text = (id: string) => page.getByTestId(id).innerText();

describe('report screen in the browser', () => {
  it('opens on the quarter containing today', async () => {
    await openReport();
    const today = periodContaining(localToday(), 'quarter', 'decree09');
    await expect
      .poll(() => text('report-period-label'))
      .toBe(today.label.charAt(0).toUpperCase() + today.label.slice(1));
    await expect.poll(() => text('report-activities')).toContain('0');
    await shot(page, 'report-00-today');
  });

  it('shows the figures of 2023-Q3', async () => {
    await pickQuarter(page, 2023, 3);
    expect(await text('report-period-dates')).toBe('15/06/2023 – 14/09/2023');
    await expect.poll(() => text('report-activities')).toContain('8');
    expect(await text('report-audience')).toContain('3.250');
    expect(await text('report-cost')).toContain('4.400.000');
    expect(await text('report-communes-reached')).toContain('5/5');
    expect(await text('report-channel-activities-van')).toBe('2');
    const van = await text('report-channel-measures-van');
    expect(van).toContain('Số buổi: 5');
    expect(van).toContain('Số km: 75');
    expect(van).toContain('Số phút: 360');
    expect(await text('report-channel-measures-banner')).toContain('Số chiếc: 12');
    expect(await text('report-channel-activities-total')).toBe('8');
    // Against quý II năm 2023: one radio activity on its last day (14/06/2023).
    expect(await text('report-change-activities')).toBe('+7');
    expect(await text('report-change-van')).toBe('+2');
    expect(await text('report-change-radio')).toBe('0');
    await shot(page, 'report-01-figures');

    await page.getByTestId('report-tab-areas').click();
    await page.getByTestId('report-commune-table').waitFor();
    expect(await page.getByTestId('report-commune-table').innerText()).toContain('Xã Hợp Thành');
    // The border areas are two communes and a town.
    expect(await text('report-flag-reached-border')).toBe('3/3 xã, thị trấn');
    expect(await text('report-flag-activities-border')).toBe('4');
    expect(await text('report-theme-trafficking')).toMatch(/^\d+$/);
    await shot(page, 'report-02-areas');

    await page.getByTestId('report-tab-chart').click();
    await page.getByTestId('report-chart').waitFor();
    await expect
      .poll(() => page.getByTestId('report-chart').locator('.recharts-bar-rectangle').count())
      .toBeGreaterThan(0);
    expect(await page.getByTestId('report-chart').innerText()).toContain('Quý III/2023');
    await shot(page, 'report-03-chart');
  });

  it('saves the texts as a draft while typing, across a period switch and a reload', async () => {
    await page.getByTestId('report-tab-texts').click();
    await page.getByTestId('report-texts').waitFor();
    // Section 1 seeded from the directives register.
    expect(await page.getByTestId('report-directive-0').inputValue()).toContain('4502/BCĐ-CAT');

    await typeDate(page, page.getByTestId('report-date'), '05/10/2023');
    await page.getByTestId('report-number').fill('125');
    await page.getByTestId('report-directive-add').click();
    await page
      .getByTestId('report-directive-1')
      .fill(
        'Ban hành Kế hoạch số 12/KH-VHTT về tuyên truyền Ngày toàn dân phòng, chống mua bán người.',
      );
    await page
      .getByTestId('report-strengths')
      .fill('Các xã biên giới được tuyên truyền đầy đủ; xe thông tin lưu động đến tận thôn bản.');
    await expect.poll(() => text('report-save-status')).toMatch(/Đã lưu nháp lúc \d{2}:\d{2}/);
    await shot(page, 'report-04-texts');

    // Typed, then the period switched at once: the pending save is flushed first.
    await page.getByTestId('report-limitations').fill('Kinh phí còn hạn chế.');
    await pickQuarter(page, 2023, 2);
    expect(s.core.report.texts('2023-Q3', 'trafficking').limitations).toBe('Kinh phí còn hạn chế.');
    await pickQuarter(page, 2023, 3);
    await page.getByTestId('report-texts').waitFor();
    expect(await page.getByTestId('report-limitations').inputValue()).toBe('Kinh phí còn hạn chế.');

    // A cleared date is refused with a message, and nothing typed is lost.
    const date = page.getByTestId('report-date');
    const picker = date.locator('xpath=ancestor::div[contains(@class, "ant-picker")][1]');
    await picker.hover();
    await picker.locator('.ant-picker-clear').click();
    await expect
      .poll(() => page.getByTestId('report-texts').innerText())
      .toContain('Hãy chọn ngày báo cáo.');
    await typeDate(page, date, '05/10/2023');
    await expect
      .poll(() => page.getByTestId('report-texts').innerText())
      .not.toContain('Hãy chọn ngày báo cáo.');
    await expect.poll(() => text('report-save-status')).toMatch(/Đã lưu nháp lúc/);

    await page.reload();
    await openReport();
    await pickQuarter(page, 2023, 3);
    await page.getByTestId('report-tab-texts').click();
    await page.getByTestId('report-texts').waitFor();
    expect(await page.getByTestId('report-strengths').inputValue()).toContain(
      'Các xã biên giới được tuyên truyền đầy đủ',
    );
    expect(await page.getByTestId('report-limitations').inputValue()).toBe('Kinh phí còn hạn chế.');
    expect(await page.getByTestId('report-number').inputValue()).toBe('125');
    expect(await page.getByTestId('report-date').inputValue()).toBe('05/10/2023');
    expect(await page.getByTestId('report-directive-1').inputValue()).toContain('12/KH-VHTT');
  });

  it('makes the Word file, the same as the CLI makes', async () => {
    await page.getByTestId('report-docx').click();
    await page.getByTestId('report-docx-result').waitFor({ timeout: 30_000 });
    // Browser mode: download only, no "Mở bằng Word".
    expect(await page.getByTestId('report-open').count()).toBe(0);
    await shot(page, 'report-05-docx');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('BaoCao_LS-CAOLOC-VHTT_2023-Q3.docx');
    const uiFile = path.join(SHOTS_DIR, 'report-ui.docx');
    await download.saveAs(uiFile);

    // The CLI opens the same SQLite file while the core holds it (WAL allows a reader).
    const cliFile = path.join(SHOTS_DIR, 'report-cli.docx');
    execFileSync(
      process.execPath,
      [
        'bin/tuyentruyen.cjs',
        'report',
        '--period',
        '2023-Q3',
        '--out',
        cliFile,
        '--data-dir',
        s.dataDir,
      ],
      { cwd: ROOT, stdio: 'pipe' },
    );

    const [ui, cli] = await Promise.all(
      [uiFile, cliFile].map((f) => JSZip.loadAsync(fs.readFileSync(f))),
    );
    const names = (z: JSZip) =>
      Object.values(z.files)
        .filter((f) => !f.dir)
        .map((f) => f.name)
        .sort();
    expect(names(ui!)).toEqual(names(cli!));
    for (const name of names(ui!)) {
      if (name === 'docProps/core.xml') continue;
      const [a, b] = await Promise.all([
        ui!.file(name)!.async('string'),
        cli!.file(name)!.async('string'),
      ]);
      expect(a, name).toBe(b);
    }
    // The typed texts are in the file.
    const body = await ui!.file('word/document.xml')!.async('string');
    expect(body).toContain('Các xã biên giới được tuyên truyền đầy đủ');
    expect(body).toContain('4502/BCĐ-CAT');
  });

  it('switches between the subjects of the profile: figures, title and drafts follow', async () => {
    // The office now reports on drugs too; one activity is about drugs only.
    const view = s.core.profile.get()!;
    s.core.profile.save(
      ProfileSchema.parse({
        office: { ...view.office, subjects: ['trafficking', 'drugs'] },
        communes: view.communes
          .filter((c) => c.active)
          .map(({ code, name, flags }) => ({ code, name, flags })),
      }),
    );
    s.core.activities.importMany(
      [
        {
          id: 'q3-drugs-school',
          channel: 'meeting',
          date: '2023-08-22',
          communes: ['CL-BL'],
          themes: ['drugs'],
          title: 'Nói chuyện chuyên đề phòng, chống ma túy tại Trường THCS Bảo Lâm',
          audience: 300,
          costVnd: 0,
          measures: { sessions: 1 },
        },
      ],
      (i) => ({ vi: `#${i}`, en: `#${i}` }),
    );
    await page.reload();
    await openReport();
    await pickQuarter(page, 2023, 3);
    const switcher = page.getByTestId('report-subject');
    await switcher.waitFor();
    expect(await switcher.innerText()).toMatch(/Mua bán người\s*Ma túy/);
    await page.getByTestId('report-tab-summary').click();
    // Trafficking: the drugs-only activity is not counted.
    await expect.poll(() => text('report-activities')).toMatch(/^Số hoạt động\s+8\+7$/);
    expect(await text('report-title')).toBe(
      'Báo cáo kết quả tuyên truyền phòng, chống mua bán người',
    );

    await switcher.getByText('Ma túy').click();
    await expect
      .poll(() => text('report-title'))
      .toBe('Báo cáo kết quả tuyên truyền phòng, chống ma túy');
    // Drugs: the two fixture activities tagged with it, and the new one.
    await expect.poll(() => text('report-activities')).toMatch(/^Số hoạt động\s+3\+3$/);
    expect(await text('report-channel-activities-meeting')).toBe('1');
    await shot(page, 'report-06-subject-drugs');

    // Typed for drugs, then straight back to trafficking: it stays with drugs.
    await page.getByTestId('report-tab-texts').click();
    await page.getByTestId('report-texts').waitFor();
    await page
      .getByTestId('report-strengths')
      .fill('Tuyên truyền phòng, chống ma túy trong trường học được đẩy mạnh.');
    await switcher.getByText('Mua bán người').click();
    await expect
      .poll(() => page.getByTestId('report-strengths').inputValue())
      .toContain('Các xã biên giới được tuyên truyền đầy đủ');
    expect(s.core.report.texts('2023-Q3', 'drugs').strengths).toBe(
      'Tuyên truyền phòng, chống ma túy trong trường học được đẩy mạnh.',
    );
    expect(s.core.report.texts('2023-Q3', 'trafficking').strengths).toContain(
      'Các xã biên giới được tuyên truyền đầy đủ',
    );
    await switcher.getByText('Ma túy').click();
    await expect
      .poll(() => page.getByTestId('report-strengths').inputValue())
      .toBe('Tuyên truyền phòng, chống ma túy trong trường học được đẩy mạnh.');
  });

  it('shows the signed report read-only once the quarter is exported', async () => {
    await page.getByTestId('export-button').click();
    const confirm = page.getByTestId('export-confirm');
    await confirm.waitFor();
    expect(await text('export-confirm-period')).toContain('15/06/2023 – 14/09/2023');
    expect(await text('export-confirm-activities')).toBe('9 hoạt động');
    expect(await text('export-confirm-subject-trafficking')).toBe('Mua bán người: 8 hoạt động');
    expect(await text('export-confirm-subject-drugs')).toBe('Ma túy: 3 hoạt động');
    await shot(page, 'report-07-export-confirm');
    await page.getByTestId('export-confirm-ok').click();
    await expect.poll(() => confirm.count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => text('package-state')).toBe('Đã xuất, chờ gửi');

    // The drugs report on show: its texts are the signed ones, and cannot change.
    await page.getByTestId('report-texts-locked').waitFor();
    expect(await text('report-texts-locked')).toBe(
      'Báo cáo đã ký và xuất gói nên đã khóa. Muốn sửa, hãy Mở khóa để sửa và ghi rõ lý do.',
    );
    await shot(page, 'report-08-locked-texts');
    const strengths = page.getByTestId('report-strengths');
    expect(await strengths.getAttribute('readonly')).not.toBeNull();
    await strengths.click();
    await page.keyboard.type(' Thêm');
    expect(await strengths.inputValue()).toBe(
      'Tuyên truyền phòng, chống ma túy trong trường học được đẩy mạnh.',
    );
    expect(await page.getByTestId('report-date').isDisabled()).toBe(true);
    expect(await page.getByTestId('report-directive-add').count()).toBe(0);
    expect(await page.getByTestId('report-save-status').count()).toBe(0);
    expect(await page.getByTestId('report').innerText()).not.toContain('Đã lưu nháp');

    // The Word button gives the file signed into the package, and says so.
    expect(await text('report-docx-signed')).toBe('Bản đã ký trong gói số 1');
    await page.getByTestId('report-docx').click();
    await page.getByTestId('report-docx-result').waitFor({ timeout: 30_000 });
    expect(await text('report-docx-result')).toContain(
      'Bản đã ký trong gói số 1: BaoCao_LS-CAOLOC-VHTT_2023-Q3_MaTuy.docx',
    );
    // The subjects on offer are those signed into the package.
    expect(await page.getByTestId('report-subject').innerText()).toMatch(/Mua bán người\s*Ma túy/);
  });
});
