// The province desk in real Chromium through browser mode (issue 5): three offices export
// 2023-Q3 with the real export code, a fourth that is not registered too, all into one
// folder. The desk (a Sở with no communes, province desk only) registers two offices
// through the engine and the third from its certificate file on screen, takes the folder
// in, and checks completeness, the merged figures against the offices' own figures, a
// drill-down and the merged Word report. A second session goes through the first run as a
// Sở. Screenshots go to test-output/e2e/province-*.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Core } from '../../electron/core/index';
import { CHANNEL_MEASURES, CHANNELS, type Channel } from '../../shared/domain';
import { formatNumber } from '../../shared/format';
import type { ReportData } from '../../shared/report';
import { OFFICES, openOffice, quarterActivities, type Office } from '../fixtures/offices';
import { openSession, pickQuarterIn, SHOTS_DIR, shot, type Session } from './helpers';

const PROVINCE_PROFILE = {
  office: {
    code: 'LS-SVHTTDL',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    parent: 'UBND tỉnh Lạng Sơn',
    province: 'Lạng Sơn',
    place: 'Lạng Sơn',
    docSymbol: 'BC-SVHTTDL',
    recipients: ['Ban Chỉ đạo 138 tỉnh'],
    signer: { title: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC', name: 'Trần Văn B' },
    cutoff: 'decree09',
  },
  communes: [],
};

const STRANGER = {
  code: 'LS-LOCBINH-VHTT',
  name: 'Phòng Văn hóa và Thông tin',
  parent: 'UBND huyện Lộc Bình',
};

async function ok<T>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

let root: string;
let folder: string;
let certFile: string;
let offices: Office[] = [];
let stranger: Office | undefined;
const own: ReportData[] = [];
/** The same offices' own reports about drugs (activities tagged with drugs among others). */
const ownDrugs: ReportData[] = [];
let s: Session;
let page: Page;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'tuyentruyen-province-'));
  folder = path.join(root, 'goi-nhan-qua-usb');
  fs.mkdirSync(folder);
  offices = await Promise.all(OFFICES.map((spec) => openOffice(spec, root)));
  for (const [i, office] of offices.entries()) {
    office.add(quarterActivities('2023-Q3', 14 + i * 5, 700 + i));
    await office.export('2023-Q3', folder);
    own.push(await ok<ReportData>(office.core, 'report:data', { period: '2023-Q3' }));
    // The office's own count about drugs (its package signed the trafficking report only).
    ownDrugs.push(office.core.report.liveData('2023-Q3', 'drugs'));
  }
  stranger = await openOffice(STRANGER, root);
  stranger.add(quarterActivities('2023-Q3', 9, 790));
  await stranger.export('2023-Q3', folder);
  // What else lies on a USB stick: left out, and said so.
  fs.writeFileSync(path.join(folder, 'ghi-chu.txt'), 'Gói báo cáo quý III');
  certFile = path.join(root, `${OFFICES[2]!.code}.pem`);
  fs.writeFileSync(certFile, await offices[2]!.certificatePem());

  s = await openSession();
  page = s.page;
  // Taller than a 768-line laptop so that the user guide's pictures show whole tables.
  await page.setViewportSize({ width: 1366, height: 900 });
  await ok(s.core, 'settings:saveDesks', { office: false, province: true, deadlineDays: 10 });
  await ok(s.core, 'profile:save', PROVINCE_PROFILE);
  for (const office of offices.slice(0, 2)) {
    const pem = await office.certificatePem();
    await ok(s.core, 'trust:addCertificate', { base64: Buffer.from(pem).toString('base64') });
  }
  await page.goto(s.server.url);
}, 120_000);

afterAll(async () => {
  await s?.close();
  for (const o of [...offices, stranger]) o?.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

const text = (id: string) => page.getByTestId(id).innerText();
/** A column title's part: antd also draws titles in a hidden row that measures widths. */
const head = (id: string) => page.locator('.ant-table-thead').getByTestId(id).innerText();
const sum = (f: (d: ReportData) => number) => own.reduce((n, d) => n + f(d), 0);

describe('the province desk in the browser', () => {
  it('opens on the inbox, with the province desk menu only', async () => {
    await page.getByTestId('inbox').waitFor();
    await page.getByTestId('menu-trust').waitFor();
    expect(await page.getByTestId('menu-logbook').count()).toBe(0);
    expect(await page.getByTestId('menu-report').count()).toBe(0);
    expect(await text('office-name')).toContain('Sở Văn hóa, Thể thao và Du lịch');
  });

  it('registers the third office from its certificate file', async () => {
    await page.getByTestId('menu-trust').click();
    await page.getByTestId('trust').waitFor();
    await expect
      .poll(() => page.getByTestId('trust-table').locator('.ant-table-row').count())
      .toBe(2);
    await page.getByTestId('trust-add-certificate').click();
    const modal = page.locator('.ant-modal');
    await modal.locator('input[type=file]').setInputFiles(certFile);
    const fingerprint = offices[2]!.core.packages.keyInfo().fingerprint;
    await expect
      .poll(() => page.getByTestId('trust-cert-fingerprint').getAttribute('data-fingerprint'))
      .toBe(fingerprint);
    // Prefilled from the certificate's subject, as the engine would name it.
    expect(await page.getByTestId('trust-cert-code').inputValue()).toBe(OFFICES[2]!.code);
    expect(await page.getByTestId('trust-cert-name').inputValue()).toBe(
      'Phòng Văn hóa và Thông tin huyện Tràng Định',
    );
    await shot(page, 'province-01-add-certificate');
    await page.getByTestId('trust-cert-ok').click();
    await expect
      .poll(() => page.getByTestId('trust-table').locator('.ant-table-row').count())
      .toBe(3);
    const row = page.getByTestId(`trust-row-${OFFICES[2]!.code}`);
    expect(await row.innerText()).toContain('Phòng Văn hóa và Thông tin huyện Tràng Định');
    expect(await row.locator('[data-fingerprint]').getAttribute('data-fingerprint')).toBe(
      fingerprint,
    );
    await page.locator('.ant-message').waitFor({ state: 'detached', timeout: 10_000 });
    await shot(page, 'province-02-trust');
  });

  it('refuses a malformed fingerprint from an enrolment sheet, in Vietnamese', async () => {
    await page.getByTestId('trust-add-fingerprint').click();
    await page.getByTestId('trust-fp-fingerprint').fill('AB:CD:12');
    await page.getByTestId('trust-fp-ok').click();
    const modal = page.locator('.ant-modal');
    await expect.poll(() => modal.innerText()).toContain('Dấu vân tay SHA-256 gồm 64 chữ số');
    await expect.poll(() => modal.innerText()).toContain('Hãy nhập mã đơn vị.');
    await modal.getByRole('button', { name: 'Hủy' }).click();
    await modal.waitFor({ state: 'hidden' });
  });

  it('takes in a whole folder, one package at a time', async () => {
    await page.getByTestId('menu-inbox').click();
    await page.getByTestId('inbox').waitFor();
    await page.getByTestId('inbox-folder-input').setInputFiles(folder);
    await expect
      .poll(() => text('inbox-progress-text'), { timeout: 60_000 })
      .toBe('Đã xử lý 4 tệp: 3 đã tiếp nhận, 1 cách ly.');
    expect(await text('inbox-skipped')).toContain('ghi-chu.txt');
    const table = page.getByTestId('inbox-results-table');
    const outcomes = await table
      .locator('[data-outcome]')
      .evaluateAll((tags) => tags.map((t) => t.getAttribute('data-outcome')));
    expect(outcomes.sort()).toEqual(['accepted', 'accepted', 'accepted', 'quarantined']);
    const rows = await table.locator('.ant-table-row').allInnerTexts();
    const quarantined = rows.find((r) => r.includes('Cách ly'))!;
    expect(quarantined).toContain(STRANGER.code);
    expect(quarantined).toContain('Quý III/2023');
    for (const spec of OFFICES) {
      expect(rows.find((r) => r.includes(spec.code))).toContain('Đã tiếp nhận');
    }
    // The packages held: the stranger's waits in quarantine, with its fingerprint.
    const held = page.getByTestId(`inbox-package-${STRANGER.code}`);
    await held.waitFor();
    expect(await held.innerText()).toContain('Cách ly');
    expect(await held.locator('[data-fingerprint]').getAttribute('data-fingerprint')).toBe(
      stranger!.core.packages.keyInfo().fingerprint,
    );
    await shot(page, 'province-03-inbox');
    await page.getByTestId('inbox-packages').scrollIntoViewIfNeeded();
    await shot(page, 'province-03b-packages');

    // "Đăng ký đơn vị này" asks to compare the fingerprint first; not confirmed here.
    await page.getByTestId(`inbox-register-${STRANGER.code}`).click();
    const dialog = page.getByTestId('register-signer');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('phiếu đăng ký');
    expect(
      await page.getByTestId('register-signer-fingerprint').getAttribute('data-fingerprint'),
    ).toBe(stranger!.core.packages.keyInfo().fingerprint);
    await shot(page, 'province-04-register-signer');
    await page.locator('.ant-modal').getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('takes dropped or chosen files too, and says when a file came before', async () => {
    const files = fs
      .readdirSync(folder)
      .filter((f) => f.startsWith(OFFICES[0]!.code) || f.startsWith(OFFICES[1]!.code))
      .map((f) => path.join(folder, f));
    expect(files).toHaveLength(2);
    await page.getByTestId('inbox-drop').locator('input[type=file]').first().setInputFiles(files);
    await expect
      .poll(() => text('inbox-progress-text'))
      .toBe('Đã xử lý 2 tệp: 2 đã nhận trước đó.');
    expect(await page.getByTestId('inbox-skipped').count()).toBe(0);
  });

  it('shows who has reported for 2023-Q3', async () => {
    await page.getByTestId('menu-completeness').click();
    await page.getByTestId('completeness').waitFor();
    await pickQuarterIn(page, 'province-period', 2023, 3);
    const cell = (code: string, period: string) =>
      page.getByTestId(`completeness-${code}-${period}`);
    for (const spec of OFFICES) {
      await expect
        .poll(() => cell(spec.code, '2023-Q3').getAttribute('data-state'))
        .toBe('received');
      expect(await cell(spec.code, '2023-Q3').innerText()).toMatch(
        /Đã nhận[\s\S]*Gói số 1 · nhận \d{2}\/\d{2}\/\d{4}/,
      );
      // Registered today, the offices first reported 2023-Q3: the desk follows them from then,
      // so nothing was due for the quarter before.
      expect(await cell(spec.code, '2023-Q2').getAttribute('data-state')).toBe('notFollowed');
      expect(await cell(spec.code, '2023-Q2').innerText()).toBe('Chưa theo dõi');
    }
    expect(await cell(STRANGER.code, '2023-Q3').getAttribute('data-state')).toBe('quarantined');
    expect(await head('completeness-count-2023-Q3')).toBe('Đã nhận 3/3 (100 %)');
    expect(await head('completeness-count-2023-Q2')).toBe('Đã nhận 0/0');
    expect(await head('completeness-head-2023-Q3')).toContain('Hạn nộp: 24/09/2023');
    await shot(page, 'province-05-completeness');
  });

  it('merges the figures: the totals are the sums of the offices’ own', async () => {
    await page.getByTestId('menu-merged').click();
    await page.getByTestId('merged').waitFor();
    await expect.poll(() => text('merged-period-label')).toBe('Quý III năm 2023');
    expect(await text('merged-reported')).toContain('3/3');
    expect(await text('merged-activities')).toBe(formatNumber(sum((d) => d.figures.activities)));
    expect(await text('merged-audience')).toBe(formatNumber(sum((d) => d.audience)));
    expect(await text('merged-cost')).toBe(formatNumber(sum((d) => d.costVnd)));
    const shown = CHANNELS.filter((c) => own.some((d) => d.figures.byChannel[c].activities > 0));
    for (const c of shown) {
      const channel = (d: ReportData) => d.figures.byChannel[c];
      expect(await text(`report-channel-activities-${c}`)).toBe(
        formatNumber(sum((d) => channel(d).activities)),
      );
      for (const m of CHANNEL_MEASURES[c].counts) {
        expect(await text(`report-channel-measure-${c}-${m}`)).toBe(
          formatNumber(sum((d) => channel(d).measures[m] ?? 0)),
        );
      }
    }
    expect(await text('report-channel-activities-total')).toBe(
      formatNumber(sum((d) => d.figures.activities)),
    );
    await shot(page, 'province-06-merged');

    await page.getByTestId('merged-tab-offices').click();
    for (const [i, spec] of OFFICES.entries()) {
      expect(await text(`merged-office-activities-${spec.code}`)).toBe(
        formatNumber(own[i]!.figures.activities),
      );
    }
    // A column for every channel with figures at a registered office, as the Word file has,
    // each office's main figure in it; none for a channel nobody ran.
    const headers = await page
      .getByTestId('merged-office-table')
      .locator('.ant-table-thead [data-testid^="merged-office-channel-"]')
      .evaluateAll((ths) => ths.map((th) => th.getAttribute('data-testid')));
    expect(headers).toEqual(shown.map((c) => `merged-office-channel-${c}`));
    for (const c of shown) {
      const m = CHANNEL_MEASURES[c].counts[0]!;
      expect(await text(`merged-office-measure-${OFFICES[0]!.code}-${c}`), c).toBe(
        formatNumber(own[0]!.figures.byChannel[c].measures[m] ?? 0),
      );
    }
    // The office outside the register is listed as quarantined, and counts for nothing.
    const strangerRow = page.getByTestId(`merged-office-${STRANGER.code}`);
    expect(await strangerRow.innerText()).toContain('Cách ly');
    expect(await text(`merged-office-activities-${STRANGER.code}`)).toBe('0');
    await shot(page, 'province-07-merged-offices');

    await page.getByTestId('merged-tab-areas').click();
    await page.getByTestId('merged-flagged-reached').waitFor();
    await shot(page, 'province-07b-merged-areas');
    await page.getByTestId('merged-tab-texts').click();
    await page.getByTestId('report-texts').waitFor();
    await shot(page, 'province-07c-merged-texts');
  });

  it('drills from a total down to the offices and activities behind it', async () => {
    await page.getByTestId('merged-tab-figures').click();
    const busiest = CHANNELS.reduce<Channel>(
      (best, c) =>
        sum((d) => d.figures.byChannel[c].activities) >
        sum((d) => d.figures.byChannel[best].activities)
          ? c
          : best,
      'van',
    );
    const total = sum((d) => d.figures.byChannel[busiest].activities);
    await page.getByTestId(`report-channel-activities-${busiest}`).click();
    const drawer = page.locator('.ant-drawer-section');
    await page.getByTestId('drill-title').waitFor();
    await expect
      .poll(() => text('drill-count'))
      .toBe(`Đang hiện ${formatNumber(total)}/${formatNumber(total)} hoạt động`);
    const officeRows = await page
      .getByTestId('drill-offices')
      .locator('.ant-table-row')
      .allInnerTexts();
    const behind = OFFICES.filter((_, i) => own[i]!.figures.byChannel[busiest].activities > 0);
    expect(officeRows).toHaveLength(behind.length);
    for (const spec of behind) expect(officeRows.join('\n')).toContain(spec.code);
    // The virtual table draws the rows on screen; at least the first are there.
    await expect
      .poll(() => page.getByTestId('drill-activities').locator('.ant-table-row').count())
      .toBeGreaterThan(0);
    expect(await page.getByTestId('drill-activities').innerText()).toContain(behind[0]!.code);
    await shot(page, 'province-08-drill');
    await page.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
  });

  it('switches the subject: the drugs report counts only activities about drugs', async () => {
    const drugs = ownDrugs.reduce((n, d) => n + d.figures.activities, 0);
    expect(drugs).toBeGreaterThan(0);
    expect(drugs).toBeLessThan(sum((d) => d.figures.activities));
    await page.getByTestId('merged-subject-drugs').click();
    await expect.poll(() => text('merged-activities')).toBe(formatNumber(drugs));
    await shot(page, 'province-07e-merged-drugs');
    await page.getByTestId('merged-subject-trafficking').click();
    await expect
      .poll(() => text('merged-activities'))
      .toBe(formatNumber(sum((d) => d.figures.activities)));
  });

  it('asks before downloading a report whose sections are empty, and can go back', async () => {
    let downloads = 0;
    const count = () => (downloads += 1);
    page.on('download', count);
    await page.getByTestId('merged-docx').click();
    const warning = page.getByTestId('merged-docx-warning');
    await warning.waitFor();
    // Nothing written yet: no directive registered, no earlier report to start from.
    expect(await warning.innerText()).toContain('Các mục sau còn trống:');
    for (const [what, label] of [
      ['directives', 'Mục 1. Công tác chỉ đạo, triển khai thực hiện'],
      ['strengths', 'Mục 3.1. Ưu điểm'],
      ['limitations', 'Mục 3.2. Tồn tại, hạn chế'],
      ['nextSteps', 'Mục 4. Phương hướng, nhiệm vụ trong thời gian tới'],
    ] as const) {
      expect(await text(`merged-docx-warning-${what}`)).toBe(label);
    }
    // Every office reported: that is not among the warnings.
    expect(await page.getByTestId('merged-docx-warning-offices').count()).toBe(0);
    await shot(page, 'province-07d-merged-docx-warning');
    await page.getByTestId('merged-docx-back').click();
    await warning.waitFor({ state: 'detached' });
    await page.waitForTimeout(500);
    expect(downloads).toBe(0);
    expect(await page.getByTestId('merged-docx-result').count()).toBe(0);
    page.off('download', count);
  });

  it('downloads the merged report as a Word file naming the period', async () => {
    await page.getByTestId('merged-docx').click();
    await page.getByTestId('merged-docx-warning').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('merged-docx-anyway').click(),
    ]);
    expect(download.suggestedFilename()).toBe('BaoCaoTongHop_LS-SVHTTDL_2023-Q3.docx');
    const file = path.join(root, download.suggestedFilename());
    await download.saveAs(file);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml = await zip.file('word/document.xml')!.async('string');
    const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(words.toLocaleLowerCase('vi')).toContain('quý iii năm 2023');
    await expect.poll(() => text('merged-docx-result')).toContain(download.suggestedFilename());
    fs.copyFileSync(file, path.join(SHOTS_DIR, 'province-merged.docx'));
  });

  it('adds the department’s own work when it keeps a logbook, as a part that opens', async () => {
    await ok(s.core, 'settings:saveDesks', { office: true, province: true, deadlineDays: 10 });
    await ok(s.core, 'activities:create', {
      id: 'so-tin-bai',
      channel: 'online',
      date: '2023-07-28',
      communes: [],
      themes: ['trafficking'],
      title: 'Tin, bài trên trang tintuclangson.vn',
      audience: 15000,
      measures: { items: 22 },
    });
    try {
      await page.reload();
      await page.getByTestId('menu-merged').click();
      await page.getByTestId('merged').waitFor();
      await pickQuarterIn(page, 'province-period', 2023, 3);
      await expect.poll(() => text('merged-period-label')).toBe('Quý III năm 2023');
      const offices = sum((d) => d.figures.activities);
      await expect.poll(() => text('merged-activities')).toBe(formatNumber(offices + 1));
      expect(await text('merged-own-activities')).toBe('1');
      expect(await text('merged-offices-activities')).toBe(formatNumber(offices));
      expect(await text('merged-parts')).toContain(
        'hoạt động do Sở Văn hóa, Thể thao và Du lịch trực tiếp thực hiện (15.000 lượt người)',
      );
      await shot(page, 'province-07h-merged-own');
      await page.getByTestId('merged-own-activities').click();
      await expect.poll(() => text('drill-count')).toBe('Đang hiện 1/1 hoạt động');
      expect(await page.getByTestId('drill-activities').innerText()).toContain(
        'Tin, bài trên trang tintuclangson.vn',
      );
      await page.locator('.ant-drawer-close').click();
      await page.locator('.ant-drawer-section').waitFor({ state: 'hidden' });
    } finally {
      await ok(s.core, 'activities:delete', { id: 'so-tin-bai' });
      await ok(s.core, 'settings:saveDesks', { office: false, province: true, deadlineDays: 10 });
      await page.reload();
      await page.getByTestId('menu-merged').click();
      await page.getByTestId('merged').waitFor();
      await pickQuarterIn(page, 'province-period', 2023, 3);
      await expect.poll(() => text('merged-period-label')).toBe('Quý III năm 2023');
    }
  });

  it('merges the year from the quarters received, naming the quarters still missing', async () => {
    await page.getByTestId('province-period-kind').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Theo năm' }).click();
    const year = page.getByTestId('province-period-year');
    await year.click();
    await year.press('Control+A');
    await year.pressSequentially('2023');
    await year.press('Enter');
    await expect.poll(() => text('merged-period-label')).toBe('Năm 2023');
    // Each office sent its third quarter only: its figures count, the year is not complete.
    await expect
      .poll(() => text('merged-activities'))
      .toBe(formatNumber(sum((d) => d.figures.activities)));
    expect(await text('merged-reported')).toContain('0/3');
    const coverage = await text('merged-coverage');
    expect(coverage).toContain('Số liệu năm 2023 được tổng hợp từ báo cáo quý III năm 2023 của');
    expect(coverage).toContain('chưa gửi báo cáo quý I, quý II, quý IV năm 2023');
    await shot(page, 'province-07f-merged-year');
    await page.getByTestId('merged-tab-offices').click();
    expect(await text(`merged-office-coverage-${OFFICES[0]!.code}`)).toContain(
      'Thiếu quý I, quý II, quý IV năm 2023',
    );
    await shot(page, 'province-07g-merged-year-offices');
    await page.getByTestId('merged-tab-figures').click();
  });

  it('registers the quarantined office from its package, after the fingerprint check', async () => {
    await page.getByTestId('menu-inbox').click();
    await page.getByTestId(`inbox-register-${STRANGER.code}`).click();
    await page.getByTestId('register-signer').waitFor();
    expect(await page.getByTestId('register-signer-name').inputValue()).toBe(
      'Phòng Văn hóa và Thông tin huyện Lộc Bình',
    );
    await page.getByTestId('register-signer-ok').click();
    await page
      .locator('.ant-message')
      .getByText('Đã tiếp nhận 1 gói đang bị cách ly của đơn vị này.', { exact: false })
      .waitFor();
    await expect
      .poll(() => page.getByTestId(`inbox-package-${STRANGER.code}`).innerText())
      .toContain('Đang tính');
  });

  it('revokes a certificate with a confirm, and undoes it', async () => {
    await page.getByTestId('menu-trust').click();
    const row = page.getByTestId(`trust-row-${STRANGER.code}`);
    await row.getByTestId('trust-revoke').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Thu hồi' }).click();
    await row.getByTestId('trust-revoked').waitFor();
    await shot(page, 'province-09-revoked');
    await page.getByTestId('trust-undo-revoke').click();
    await page
      .locator('.ant-message')
      .getByText('Đã tiếp nhận 1 gói đang bị cách ly của đơn vị này.', { exact: false })
      .waitFor();
    await expect.poll(() => row.getByTestId('trust-revoked').count()).toBe(0);
    const offices = await ok<{ certificates: { revokedAt: string | null }[] }[]>(
      s.core,
      'trust:list',
      {},
    );
    expect(offices.flatMap((o) => o.certificates).every((c) => c.revokedAt === null)).toBe(true);
  });

  it('removes an office registered by mistake, asking first, and undoes it', async () => {
    await page.getByTestId('trust-add-fingerprint').click();
    await page.getByTestId('trust-fp-code').fill('LS-NHAM-VHTT');
    await page.getByTestId('trust-fp-name').fill('Đơn vị đăng ký nhầm');
    await page.getByTestId('trust-fp-fingerprint').fill('ab'.repeat(32));
    await page.getByTestId('trust-fp-ok').click();
    const row = page.getByTestId('trust-row-LS-NHAM-VHTT');
    await row.waitFor();
    // The dialog fades out over the table: on a loaded machine a click can land on its mask.
    await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    await row.getByTestId('trust-remove-office').click();
    const confirm = page.locator('.ant-popconfirm:visible');
    await confirm.getByRole('button', { name: 'Xóa', exact: true }).click();
    // What the screen said, should the row stay (an error names its cause).
    await expect.poll(() => page.locator('.ant-message').innerText()).toContain('khỏi danh sách');
    await row.waitFor({ state: 'detached' });
    const codes = async () =>
      (await ok<{ code: string }[]>(s.core, 'trust:list', {})).map((o) => o.code);
    expect(await codes()).not.toContain('LS-NHAM-VHTT');
    await page.getByTestId('trust-undo-remove').click();
    await row.waitFor();
    expect(await codes()).toContain('LS-NHAM-VHTT');
    // An office whose packages count cannot go: the engine says why, and it stays.
    const counted = page.getByTestId(`trust-row-${OFFICES[0]!.code}`);
    await counted.getByTestId('trust-remove-office').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Xóa' }).click();
    await page.locator('.ant-message').getByText('không xóa được', { exact: false }).waitFor();
    expect(await codes()).toContain(OFFICES[0]!.code);
  });
});

describe('first run as the provincial department', () => {
  let first: Session;

  beforeAll(async () => {
    first = await openSession();
    await first.page.goto(first.server.url);
  }, 120_000);

  afterAll(async () => {
    await first?.close();
  });

  it('sets both desks from "Cơ quan tôi là" and needs no area', async () => {
    const p = first.page;
    await p.getByTestId('profile-form').waitFor();
    await p.getByTestId('first-run-role-province').click();
    // The department's usual values are filled in; "…" stands where the province goes.
    await expect
      .poll(() => p.getByTestId('office-name-input').inputValue())
      .toBe('Sở Văn hóa, Thể thao và Du lịch');
    expect(await p.getByTestId('office-recipients-input').inputValue()).toBe(
      'Ban Chỉ đạo 138 tỉnh',
    );
    expect(await p.getByTestId('areas-card').innerText()).toContain('không bắt buộc');
    await p.getByTestId('office-code-input').fill('LS-SVHTTDL');
    await p.getByTestId('profile-save').click();
    const parentItem = p
      .locator('.ant-form-item')
      .filter({ has: p.getByTestId('office-parent-input') });
    await expect
      .poll(() => parentItem.locator('.ant-form-item-explain').innerText())
      .toContain('Hãy thay dấu “…” bằng tên cụ thể.');
    await p.getByTestId('office-parent-input').fill('UBND tỉnh Lạng Sơn');
    await shot(p, 'province-00-first-run');
    await p.getByTestId('profile-save').click();
    // The department records its own work and merges the offices' reports.
    await p.getByTestId('logbook').waitFor();
    expect(await p.getByTestId('menu-inbox').count()).toBe(1);
    expect(await ok(first.core, 'settings:getDesks', {})).toMatchObject({
      office: true,
      province: true,
    });
    expect(first.core.profile.get()?.communes).toEqual([]);
    expect(first.core.profile.get()?.office).toMatchObject({
      kind: 'province',
      parent: 'UBND tỉnh Lạng Sơn',
    });

    // Turning both desks off is refused, in Vietnamese.
    await p.getByTestId('menu-settings').click();
    await p.getByTestId('desks-card').waitFor();
    // A department has no areas to be reminded of.
    expect(await p.getByTestId('desks-no-areas').count()).toBe(0);
    await p.getByTestId('desk-office').click();
    await p.getByTestId('desk-province').click();
    await p.getByTestId('desks-save').click();
    await expect
      .poll(() => p.getByTestId('desks-card').innerText())
      .toContain('Hãy bật ít nhất một vai trò');
    await shot(p, 'province-10-settings');
    expect(await ok(first.core, 'settings:getDesks', {})).toMatchObject({ province: true });
  });
});
