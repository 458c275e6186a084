// "Xuất gói dữ liệu" asks first, in real Chromium through browser mode: a period not over
// yet is warned about and Cancel exports nothing; an empty period needs the nil report
// ticked; the package's state reads "Đã xuất, chờ gửi", then "Đã gửi lúc …" once the
// outbox delivered it, then the province's confirmation as recorded; a correction names
// the package it replaces; directives of a locked period show locked. Screenshots go to
// test-output/e2e/export-*.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatDate, localToday } from '../../shared/format';
import { periodContaining } from '../../shared/period';
import { openSession, pickQuarter, seedQuarter, shot, type Session } from './helpers';

let s: Session;
let page: Page;
let outDir: string;
const today = periodContaining(localToday(), 'quarter', 'decree09');

beforeAll(async () => {
  s = await openSession({
    passphrase: 'mật khẩu thử nghiệm',
    outbox: true,
    outboxTuning: { pollMs: 200, backoff: { baseMs: 100, capMs: 500 } },
  });
  page = s.page;
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuyentruyen-usb-'));
  seedQuarter(s.core);
  s.core.directives.save({
    number: '4502/BCĐ-CAT',
    date: '2023-09-08',
    issuer: 'Ban Chỉ đạo 138 tỉnh',
    subject: 'tăng cường tuyên truyền phòng, chống mua bán người',
    direction: 'incoming',
  });
  // One activity today, so the current quarter is not empty but not over either.
  s.core.activities.importMany(
    [
      {
        id: 'today-banner',
        channel: 'banner',
        date: localToday(),
        communes: ['CL-HT'],
        themes: ['trafficking'],
        title: 'Treo băng rôn tuyên truyền phòng, chống mua bán người',
        audience: 0,
        costVnd: 0,
        measures: { pieces: 2 },
      },
    ],
    (i) => ({ vi: `#${i}`, en: `#${i}` }),
  );
  await page.goto(s.server.url);
  await page.getByTestId('menu-report').click();
  await page.getByTestId('report').waitFor();
}, 120_000);

afterAll(async () => {
  await s?.close();
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

const text = (id: string) => page.getByTestId(id).innerText();
const modal = () => page.getByTestId('export-confirm');

async function openConfirm(): Promise<void> {
  await page.getByTestId('export-button').click();
  await modal().waitFor();
}

describe('export confirmation in the browser', () => {
  it('warns that the period is not over, and Cancel exports nothing', async () => {
    await expect
      .poll(() => text('report-period-label'))
      .toBe(today.label.charAt(0).toUpperCase() + today.label.slice(1));
    await openConfirm();
    expect(await text('export-confirm-period')).toContain(
      `${formatDate(today.from)} – ${formatDate(today.to)}`,
    );
    expect(await text('export-confirm-activities')).toBe('1 hoạt động');
    expect(await text('export-confirm-subject-trafficking')).toBe('Mua bán người: 1 hoạt động');
    expect(await text('export-confirm-early')).toContain(
      `Kỳ báo cáo chưa kết thúc (đến hết ngày ${formatDate(today.to)}).`,
    );
    expect(await text('export-confirm-early')).toContain('Sau khi xuất, số liệu của kỳ sẽ bị khóa');
    expect(await page.getByTestId('export-confirm-empty').count()).toBe(0);
    expect(await page.getByTestId('export-confirm-ok').isEnabled()).toBe(true);
    expect(await text('export-confirm-ok')).toBe('Xuất và khóa kỳ');
    await shot(page, 'export-01-confirm-early');

    await page.getByTestId('export-confirm-cancel').click();
    await expect.poll(() => modal().count()).toBe(0);
    const list = await s.core.call('package:list', {});
    expect(list).toEqual({ ok: true, value: [] });
    expect(s.core.locks.list()).toEqual([]);
    expect(await page.getByTestId('lock-state').count()).toBe(0);
  });

  it('exports an empty period only once the nil report is ticked', async () => {
    await pickQuarter(page, 2023, 1);
    await openConfirm();
    expect(await text('export-confirm-period')).toContain('15/12/2022 – 14/03/2023');
    expect(await text('export-confirm-activities')).toBe('0 hoạt động');
    expect(await text('export-confirm-empty')).toContain('Kỳ này chưa có hoạt động nào');
    expect(await page.getByTestId('export-confirm-early').count()).toBe(0);
    const ok = page.getByTestId('export-confirm-ok');
    expect(await ok.isDisabled()).toBe(true);
    await page.getByTestId('export-confirm-nil').click();
    await expect.poll(() => ok.isEnabled()).toBe(true);
    await shot(page, 'export-02-confirm-empty');

    await ok.click();
    await expect.poll(() => modal().count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => text('export-sequence')).toBe('Gói số 1');
    expect(await text('package-state')).toBe('Đã xuất, chờ gửi');
    expect(await text('lock-state')).toContain('Kỳ này đã xuất gói báo cáo nên số liệu đã khóa');
    expect(await text('lock-state')).not.toContain('đã gửi');
    const [row] = s.core.packages.list();
    expect(row?.period.key).toBe('2023-Q1');
    expect(row?.state).toBe('exported');
    await shot(page, 'export-03-exported');
  });

  it("records the province's confirmation, and takes it back", async () => {
    await page.getByTestId('package-confirm').click();
    await page.getByTestId('receipt-note').fill('Chị Lan, Sở Văn hóa báo đã nhận qua điện thoại');
    await page.getByTestId('receipt-ok').click();
    await expect.poll(() => text('package-state')).toContain('Cấp trên đã xác nhận nhận');
    expect(await text('package-confirmed-note')).toContain('Chị Lan');
    expect(s.core.packages.list()[0]?.state).toBe('confirmed');
    await shot(page, 'export-04-confirmed');

    await page.getByTestId('package-unconfirm').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Bỏ đánh dấu' }).click();
    await expect.poll(() => text('package-state')).toBe('Đã xuất, chờ gửi');
    expect(s.core.packages.list()[0]?.confirmedAt).toBeNull();
  });

  it('says "Đã gửi lúc …" once the outbox delivered the package', async () => {
    await page.getByTestId('send-folder').fill(outDir);
    await page.getByTestId('send-submit').click();
    await expect.poll(() => text('send-queued')).toContain('Đã đưa 1 lượt gửi');
    await expect
      .poll(
        async () => {
          const t = await text('package-state');
          if (!t.startsWith('Đã gửi')) await s.core.outbox.runOnce();
          return t;
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toMatch(/^Đã gửi lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(s.core.packages.list()[0]?.state).toBe('delivered');
  });

  it('gives the same package again while locked, and names the one a correction replaces', async () => {
    await openConfirm();
    expect(await text('export-confirm-reuses')).toContain('Kỳ này đã xuất gói số 1');
    expect(await text('export-confirm-ok')).toBe('Lấy lại gói số 1');
    await page.getByTestId('export-confirm-cancel').click();
    await expect.poll(() => modal().count()).toBe(0);

    await page.getByTestId('unlock-button').click();
    await page.getByTestId('unlock-reason').fill('Bổ sung hoạt động bị ghi thiếu');
    await page.getByTestId('unlock-ok').click();
    await expect.poll(() => text('lock-state')).toContain('Đã mở khóa để sửa');
    await openConfirm();
    expect(await text('export-confirm-replaces')).toMatch(
      /^Thay cho gói số 1, xuất lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/,
    );
    await shot(page, 'export-05-confirm-correction');
    await page.getByTestId('export-confirm-cancel').click();
    await expect.poll(() => modal().count()).toBe(0);
    expect(s.core.packages.list()).toHaveLength(1);
  });

  it('shows the directives of a locked period locked, edit and delete disabled', async () => {
    await s.core.packages.export('2023-Q3');
    await page.getByTestId('menu-directives').click();
    await page.getByTestId('directives').waitFor();
    const row = page.getByTestId('directive-table').locator('.ant-table-row').first();
    await row.getByTestId('row-locked').waitFor();
    expect(await row.getByTestId('row-edit').isDisabled()).toBe(true);
    expect(await row.getByTestId('row-delete').isDisabled()).toBe(true);
    await row.getByTestId('row-locked').hover();
    await expect
      .poll(() => page.locator('.ant-tooltip:not(.ant-tooltip-hidden)').innerText())
      .toBe('Thuộc quý III năm 2023 đã xuất gói: muốn sửa, hãy mở khóa ở màn hình Báo cáo');
    await shot(page, 'export-06-directives-locked');
  });
});
