// The report texts' letter, own paragraphs of section 2 and "Nơi nhận" in real Chromium: a
// letter asking for the report, registered on the directives screen, opens a new report;
// staff change the copies, the drafter and a paragraph after the figures, find them after a
// reload and in the Word file; the profile's defaults start a report of another period.
// Screenshots go to test-output/e2e/report-texts-*.png and /tmp/shots/.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  openSession,
  pickOptions,
  pickQuarter,
  seedQuarter,
  SHOTS_DIR,
  shot,
  typeDate,
  type Session,
} from './helpers';

const LOOK_DIR = '/tmp/shots';

const LETTER =
  'Công văn số 4502/BCĐ-CAT ngày 08/9/2023 của Ban Chỉ đạo 138 tỉnh về việc báo cáo kết quả ' +
  'tuyên truyền phòng, chống mua bán người quý III năm 2023';
const BEFORE = 'Ban Chỉ đạo huyện tổ chức hội nghị triển khai công tác tuyên truyền năm 2023.';
const AFTER =
  'Chuyên mục "Vì an ninh Tổ quốc" của Đài truyền thanh huyện phát 6 kỳ trong quý, mỗi kỳ 15 phút.';

let s: Session;
let page: Page;

beforeAll(async () => {
  s = await openSession();
  page = s.page;
  seedQuarter(s.core);
  s.core.activities.remove('q3-deleted');
  // A plan of the quarter: section 1 cites it, the opening does not.
  s.core.directives.save({
    number: '12/KH-UBND',
    date: '2023-07-03',
    issuer: 'UBND huyện Cao Lộc',
    subject: 'tuyên truyền phòng, chống mua bán người năm 2023',
    direction: 'incoming',
  });
  fs.mkdirSync(LOOK_DIR, { recursive: true });
  await page.goto(s.server.url);
  await page.getByTestId('logbook').waitFor();
}, 120_000);

afterAll(async () => {
  await s?.close();
});

const value = (id: string) => page.getByTestId(id).inputValue();
const text = (id: string) => page.getByTestId(id).innerText();

/** Screenshot of the page with the field of `id` (label and all) in view, for a person to look at. */
async function look(id: string, name: string, block: 'start' | 'center' = 'center'): Promise<void> {
  await page
    .getByTestId(id)
    .evaluate(
      (el, at) => (el.closest('.ant-form-item') ?? el).scrollIntoView({ block: at }),
      block,
    );
  await shot(page, name);
  await page.screenshot({ path: path.join(LOOK_DIR, `${name}.png`) });
}

async function openTexts(year: number, q: 1 | 2 | 3 | 4): Promise<void> {
  await page.getByTestId('menu-report').click();
  await page.getByTestId('report').waitFor();
  await pickQuarter(page, year, q);
  await page.getByTestId('report-tab-texts').click();
  await page.getByTestId('report-texts').waitFor();
}

/** The paragraphs of a Word file's body as text. */
async function docxParagraphs(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  const decode = (t: string) =>
    t
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join(''),
  );
}

describe('report texts: the letter, own paragraphs and "Nơi nhận"', () => {
  it('registers the letter asking for the report', async () => {
    await page.getByTestId('menu-directives').click();
    await page.getByTestId('directives').waitFor();
    await page.getByTestId('directive-add').click();
    await page.getByTestId('directive-number').fill('4502/BCĐ-CAT');
    await typeDate(page, page.getByTestId('directive-date'), '08/09/2023');
    await page.getByTestId('directive-issuer').fill('Ban Chỉ đạo 138 tỉnh');
    await page
      .getByTestId('directive-subject')
      .fill('báo cáo kết quả tuyên truyền phòng, chống mua bán người quý III năm 2023');
    await page.getByTestId('directive-save').click();
    await expect
      .poll(() => page.getByTestId('directive-table').locator('.ant-table-row').count())
      .toBe(2);
  });

  it('opens a new report on the letter, with the opening it makes', async () => {
    await openTexts(2023, 3);
    expect(await value('report-request')).toBe(LETTER);
    expect(await text('report-request-pick')).toContain(
      '4502/BCĐ-CAT ngày 08/09/2023 — Ban Chỉ đạo 138 tỉnh',
    );
    expect(await text('report-opening-preview')).toBe(
      // The letter names the subject already: not said twice.
      `Câu mở đầu: Thực hiện ${LETTER}, Phòng Văn hóa và Thông tin báo cáo kết quả tuyên ` +
        'truyền như sau:',
    );
    // The plan is section 1's, not the opening's.
    expect(await value('report-directive-0')).toContain('12/KH-UBND');
    expect(await value('report-copies')).toBe('Như trên');
    expect(await text('report-copies-preview')).toBe('Nơi nhận:\n- Như trên;\n- Lưu: VT.');
    await look('report-texts', 'report-texts-1-request', 'start');
    // The register's letters, most recent first, under "none".
    await page.getByTestId('report-request-pick').click();
    const list = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await list.waitFor();
    expect(await list.locator('.ant-select-item-option').allInnerTexts()).toEqual([
      'Không có — dùng câu mở đầu chung',
      '4502/BCĐ-CAT ngày 08/09/2023 — Ban Chỉ đạo 138 tỉnh',
      '12/KH-UBND ngày 03/07/2023 — UBND huyện Cao Lộc',
    ]);
    await shot(page, 'report-texts-1b-pick');
    await page.screenshot({ path: path.join(LOOK_DIR, 'report-texts-1b-pick.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => list.isVisible()).toBe(false);

    // None: the generic opening; then the letter again from the register.
    await pickOptions(page, page.getByTestId('report-request-pick'), ['khong co']);
    await expect.poll(() => value('report-request')).toBe('');
    await expect
      .poll(() => text('report-opening-preview'))
      .toContain('Thực hiện chức năng, nhiệm vụ được giao, Phòng Văn hóa và Thông tin');
    await pickOptions(page, page.getByTestId('report-request-pick'), ['4502']);
    await expect.poll(() => value('report-request')).toBe(LETTER);
  });

  it('saves the copies, the drafter and the paragraphs around the figures', async () => {
    await page.getByTestId('report-number').fill('125');
    await page.getByTestId('report-results-before').fill(BEFORE);
    await page.getByTestId('report-results-after').fill(AFTER);
    await page.getByTestId('report-copies').fill('Như trên\n\nLãnh đạo Sở');
    await page.getByTestId('report-drafter').fill('ABC');
    await expect
      .poll(() => text('report-copies-preview'))
      .toBe('Nơi nhận:\n- Như trên;\n- Lãnh đạo Sở;\n- Lưu: VT (ABC).');
    // Saved a moment after typing stops (an earlier save may show its time meanwhile).
    await expect.poll(() => s.core.report.texts('2023-Q3', 'trafficking').drafter).toBe('ABC');
    await expect.poll(() => text('report-save-status')).toMatch(/Đã lưu nháp lúc \d{2}:\d{2}/);
    expect(s.core.report.texts('2023-Q3', 'trafficking')).toMatchObject({
      request: LETTER,
      resultsBefore: BEFORE,
      resultsAfter: AFTER,
      copies: ['Như trên', 'Lãnh đạo Sở'],
      filing: 'VT',
      drafter: 'ABC',
    });
    await look('report-results-generated', 'report-texts-2-results');
    await look('report-copies', 'report-texts-3-copies');

    await page.reload();
    await openTexts(2023, 3);
    expect(await value('report-request')).toBe(LETTER);
    expect(await value('report-results-before')).toBe(BEFORE);
    expect(await value('report-results-after')).toBe(AFTER);
    expect(await value('report-copies')).toBe('Như trên\nLãnh đạo Sở');
    expect(await value('report-filing')).toBe('VT');
    expect(await value('report-drafter')).toBe('ABC');
  });

  it('writes them into the Word file', async () => {
    await page.getByTestId('report-docx').click();
    await page.getByTestId('report-docx-result').waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-download').click(),
    ]);
    const file = path.join(SHOTS_DIR, 'report-texts.docx');
    await download.saveAs(file);
    const paragraphs = await docxParagraphs(file);
    const at = (start: string) => paragraphs.findIndex((p) => p.startsWith(start));

    expect(paragraphs).toContain(
      `Thực hiện ${LETTER}, Phòng Văn hóa và Thông tin báo cáo kết quả tuyên truyền như sau:`,
    );
    const figures = paragraphs.findIndex((p) => p.includes(', cụ thể như sau'));
    expect(figures).toBeGreaterThan(0);
    expect(at(BEFORE)).toBeGreaterThan(0);
    expect(at(BEFORE)).toBeLessThan(figures);
    expect(at(AFTER)).toBeGreaterThan(figures);
    expect(at(AFTER)).toBeLessThan(at('3. Đánh giá chung'));
    expect(paragraphs).toContain('- Lãnh đạo Sở;');
    expect(paragraphs).toContain('- Lưu: VT (ABC).');
  });

  it('starts a report of another period from the profile\'s "Nơi nhận"', async () => {
    await page.getByTestId('menu-profile').click();
    await page.getByTestId('profile-form').waitFor();
    await page.getByTestId('office-copies-input').fill('Lãnh đạo UBND huyện\nPhòng Tư pháp');
    await page.getByTestId('office-filing-input').fill('VT, VHTT');
    await page.getByTestId('office-drafter-input').fill('XYZ');
    await look('office-copies-input', 'report-texts-4-profile');
    await page.getByTestId('profile-save').click();
    await expect.poll(() => s.core.profile.get()?.office.drafter).toBe('XYZ');
    expect(s.core.profile.get()?.office).toMatchObject({
      copies: ['Lãnh đạo UBND huyện', 'Phòng Tư pháp'],
      filing: 'VT, VHTT',
    });

    // Quý II has no earlier report to carry "Nơi nhận" over from: the profile's apply.
    await openTexts(2023, 2);
    expect(await value('report-copies')).toBe('Như trên\nLãnh đạo UBND huyện\nPhòng Tư pháp');
    expect(await value('report-filing')).toBe('VT, VHTT');
    expect(await value('report-drafter')).toBe('XYZ');
    expect(await text('report-copies-preview')).toBe(
      'Nơi nhận:\n- Như trên;\n- Lãnh đạo UBND huyện;\n- Phòng Tư pháp;\n- Lưu: VT, VHTT (XYZ).',
    );
    // Quý III keeps what was typed for it.
    await pickQuarter(page, 2023, 3);
    await expect.poll(() => value('report-drafter')).toBe('ABC');
  });
});
