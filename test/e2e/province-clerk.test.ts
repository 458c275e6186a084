// What the province officer reads, with offices enrolled this quarter (the desk's clock is
// 20/10/2026, in Decree 09's fourth quarter): an office that is not registered is named with
// its district, not as one more "Phòng Văn hóa và Thông tin"; completeness expects an office
// only from the first period the desk follows it, and gives each state's count and share;
// the merged screen draws the figures by channel and by office. Screenshots go to
// test-output/e2e/province-clerk-*.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Core } from '../../electron/core/index';
import { OFFICES, openOffice, periodActivities, type Office } from '../fixtures/offices';
import { PROVINCE_PROFILE } from '../fixtures/province';
import { openSession, pickQuarterIn, shot, type Session } from './helpers';

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
const opened: Office[] = [];
let s: Session;
let page: Page;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'tuyentruyen-province-clerk-'));
  const folder = path.join(root, 'usb');
  fs.mkdirSync(folder);
  // Cao Lộc sends its second and third quarters; Văn Lãng is enrolled and sends nothing;
  // Lộc Bình, not enrolled, sends its third quarter.
  const [caoLoc, vanLang] = await Promise.all(OFFICES.slice(0, 2).map((o) => openOffice(o, root)));
  const locBinh = await openOffice(STRANGER, root);
  opened.push(caoLoc!, vanLang!, locBinh);
  for (const period of ['2026-Q2', '2026-Q3']) {
    caoLoc!.add(periodActivities(period, 12, period.endsWith('2') ? 21 : 22));
    await caoLoc!.export(period, folder);
  }
  locBinh.add(periodActivities('2026-Q3', 7, 23));
  await locBinh.export('2026-Q3', folder);

  s = await openSession({ now: () => '2026-10-20T03:00:00.000Z' });
  page = s.page;
  await ok(s.core, 'settings:saveDesks', { office: false, province: true, deadlineDays: 10 });
  await ok(s.core, 'profile:save', PROVINCE_PROFILE);
  for (const office of [caoLoc!, vanLang!]) {
    const pem = await office.certificatePem();
    await ok(s.core, 'trust:addCertificate', { base64: Buffer.from(pem).toString('base64') });
  }
  await s.core.inbox.importPaths([folder]);
  await page.goto(s.server.url);
}, 180_000);

afterAll(async () => {
  await s?.close();
  for (const o of opened) o.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

const text = (id: string) => page.getByTestId(id).innerText();
/** A column title's part: antd also draws titles in a hidden row that measures widths. */
const head = (id: string) => page.locator('.ant-table-thead').getByTestId(id).innerText();
const cell = (code: string, period: string) => page.getByTestId(`completeness-${code}-${period}`);

describe('the province officer with offices enrolled this quarter', () => {
  it('names an office that is not registered with its district', async () => {
    await page.getByTestId('inbox').waitFor();
    const row = page.getByTestId(`inbox-package-${STRANGER.code}`);
    await expect.poll(() => row.innerText()).toContain('Phòng Văn hóa và Thông tin huyện Lộc Bình');
    await shot(page, 'province-clerk-01-inbox');
  });

  it('expects an office from the first period it is followed, with counts and shares', async () => {
    await page.getByTestId('menu-completeness').click();
    await page.getByTestId('completeness').waitFor();
    await pickQuarterIn(page, 'province-period', 2026, 4);
    const [caoLoc, vanLang] = OFFICES;
    await expect
      .poll(() => cell(caoLoc!.code, '2026-Q4').getAttribute('data-state'))
      .toBe('missing');
    // Cao Lộc is followed from its first package's quarter: nothing was due before it.
    expect(await cell(caoLoc!.code, '2026-Q1').getAttribute('data-state')).toBe('notFollowed');
    expect(await cell(caoLoc!.code, '2026-Q1').innerText()).toBe('Chưa theo dõi');
    expect(await cell(caoLoc!.code, '2026-Q2').getAttribute('data-state')).toBe('received');
    expect(await cell(caoLoc!.code, '2026-Q3').getAttribute('data-state')).toBe('received');
    // Văn Lãng, enrolled on 20/10/2026, is expected from the fourth quarter only.
    for (const q of ['2026-Q1', '2026-Q2', '2026-Q3']) {
      expect(await cell(vanLang!.code, q).getAttribute('data-state')).toBe('notFollowed');
    }
    expect(await cell(vanLang!.code, '2026-Q4').getAttribute('data-state')).toBe('missing');
    expect(await cell(vanLang!.code, '2026-Q4').innerText()).not.toContain('Trễ hạn');
    expect(await cell(STRANGER.code, '2026-Q3').getAttribute('data-state')).toBe('quarantined');

    expect(await head('completeness-count-2026-Q3')).toBe('Đã nhận 1/1 (100 %)');
    expect(await head('completeness-shares-2026-Q3')).toBe('Chưa nộp 0 (0 %) · Trễ hạn 1 (100 %)');
    expect(await head('completeness-count-2026-Q4')).toBe('Đã nhận 0/2 (0 %)');
    expect(await head('completeness-shares-2026-Q4')).toBe('Chưa nộp 2 (100 %)');
    expect(await head('completeness-count-2026-Q1')).toBe('Đã nhận 0/0');
    await shot(page, 'province-clerk-02-completeness');
  });

  it('expects an office from the quarter the officer sets on the register', async () => {
    const vanLang = OFFICES[1]!.code;
    await page.getByTestId('menu-trust').click();
    await page.getByTestId(`trust-follow-${vanLang}`).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option[title="Quý II/2026"]')
      .click();
    await expect
      .poll(() => page.getByTestId(`trust-follow-${vanLang}`).innerText())
      .toBe('Quý II/2026');
    await shot(page, 'province-clerk-03-follow-from');
    await page.getByTestId('menu-completeness').click();
    await page.getByTestId('completeness').waitFor();
    await pickQuarterIn(page, 'province-period', 2026, 4);
    await expect.poll(() => cell(vanLang, '2026-Q2').getAttribute('data-state')).toBe('missing');
    expect(await cell(vanLang, '2026-Q3').getAttribute('data-state')).toBe('missing');
    expect(await cell(vanLang, '2026-Q1').getAttribute('data-state')).toBe('notFollowed');
    expect(await head('completeness-count-2026-Q3')).toBe('Đã nhận 1/2 (50 %)');
    expect(s.core.inbox.status('2026-Q2').offices.map((o) => [o.code, o.state])).toEqual([
      [OFFICES[0]!.code, 'received'],
      [vanLang, 'missing'],
    ]);
  });

  it('draws the merged figures by channel and by office', async () => {
    await page.getByTestId('menu-merged').click();
    await page.getByTestId('merged').waitFor();
    await pickQuarterIn(page, 'province-period', 2026, 3);
    await expect.poll(() => text('merged-period-label')).toBe('Quý III năm 2026');
    await page.getByTestId('merged-tab-charts').click();
    await page.getByTestId('merged-charts').waitFor();
    const channels = page.getByTestId('merged-chart-channels');
    const offices = page.getByTestId('merged-chart-offices');
    await expect.poll(() => channels.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    expect(await offices.innerText()).toContain('Cao Lộc');
    // The office not registered is not counted, so it has no bar.
    expect(await offices.innerText()).not.toContain('Lộc Bình');
    await shot(page, 'province-clerk-04-merged-charts');
  });
});
