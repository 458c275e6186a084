// The signed package in real Chromium through browser mode: export 2023-Q3 from the report
// screen, queue it for a folder, watch the outbox deliver it, check the copied file with
// `tuyentruyen verify`, then the period lock and "Mở khóa để sửa", and the key screen's
// fingerprint. Screenshots go to test-output/e2e/outbox-*.png.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSession, pickQuarter, seedQuarter, shot, type Session } from './helpers';

const ROOT = path.resolve('.');

let s: Session;
let page: Page;
let outDir: string;

beforeAll(async () => {
  // A passphrase for the office key, and the outbox loop with short waits.
  s = await openSession({
    passphrase: 'mật khẩu thử nghiệm',
    outbox: true,
    outboxTuning: { pollMs: 200, backoff: { baseMs: 100, capMs: 500 } },
  });
  page = s.page;
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuyentruyen-usb-'));
  seedQuarter(s.core);
  await page.goto(s.server.url);
}, 120_000);

afterAll(async () => {
  await s?.close();
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

const text = (id: string) => page.getByTestId(id).innerText();

describe('package export and outbox in the browser', () => {
  it('exports 2023-Q3 from the report screen and queues it for a folder', async () => {
    await page.getByTestId('menu-report').click();
    await page.getByTestId('report').waitFor();
    await pickQuarter(page, 2023, 3);
    await page.getByTestId('export-panel').waitFor();
    await page.getByTestId('export-button').click();
    await page.getByTestId('export-confirm').waitFor();
    await page.getByTestId('export-confirm-ok').click();
    await expect.poll(() => text('export-sequence'), { timeout: 30_000 }).toBe('Gói số 1');
    expect(await text('export-file')).toMatch(/_2023-Q3_0001\.ttpkg$/);
    expect(await page.getByTestId('export-correction').count()).toBe(0);
    await expect
      .poll(() => text('lock-state'))
      .toContain('Kỳ này đã xuất gói báo cáo nên số liệu đã khóa');

    await page.getByTestId('send-folder').fill(outDir);
    await shot(page, 'outbox-01-export');
    await page.getByTestId('send-submit').click();
    await expect.poll(() => text('send-queued')).toContain('Đã đưa 1 lượt gửi');
  });

  it('delivers it to the folder, and the file verifies', async () => {
    await page.getByTestId('menu-outbox').click();
    await page.getByTestId('outbox').waitFor();
    const table = page.getByTestId('outbox-table');
    await expect
      .poll(
        async () => {
          const t = await table.innerText();
          if (!t.includes('Đã gửi')) await s.core.outbox.runOnce();
          return t;
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toContain('Đã gửi');
    expect(await table.innerText()).toContain(outDir);
    await shot(page, 'outbox-02-sent');

    const files = fs.readdirSync(outDir).filter((f) => f.endsWith('.ttpkg'));
    expect(files).toHaveLength(1);
    const out = execFileSync(
      process.execPath,
      ['bin/tuyentruyen.cjs', 'verify', path.join(outDir, files[0]!)],
      { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' },
    );
    expect(out.split('\n').some((l) => l.startsWith('OK '))).toBe(true);
  });

  it('shows a failing delivery with its error, and cancels it', async () => {
    const blocker = path.join(outDir, 'not-a-folder.txt');
    fs.writeFileSync(blocker, 'x');
    const sha256 = s.core.packages.list()[0]!.sha256;
    const [row] = s.core.outbox.enqueue(sha256, { folder: path.join(blocker, 'usb') });
    const tableRow = page.getByTestId(`outbox-row-${row!.id}`);
    // The engine's words for the failure reach the table (it refreshes every 3 s).
    await expect.poll(() => s.core.outbox.get(row!.id).lastError).not.toBeNull();
    const lastError = s.core.outbox.get(row!.id).lastError!;
    await expect
      .poll(() => tableRow.innerText(), { timeout: 10_000 })
      .toContain(lastError.slice(0, 20));
    await expect.poll(() => tableRow.innerText(), { timeout: 15_000 }).toMatch(/\w{3,}.*\n?/);
    await shot(page, 'outbox-03-failing');
    await page.getByTestId(`outbox-cancel-${row!.id}`).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Hủy lượt gửi' }).click();
    await expect.poll(() => tableRow.innerText()).toContain('Đã hủy');
    expect(s.core.outbox.get(row!.id).state).toBe('cancelled');
  });

  it('shows the lock, refuses a short reason and unlocks with a proper one', async () => {
    await page.getByTestId('menu-report').click();
    await page.getByTestId('report').waitFor();
    await expect
      .poll(() => text('lock-state'))
      .toContain('Kỳ này đã xuất gói báo cáo nên số liệu đã khóa');
    await page.getByTestId('unlock-button').click();
    await page.getByTestId('unlock-reason').fill('sửa');
    await page.getByTestId('unlock-ok').click();
    const modal = page.locator('.ant-modal');
    await expect
      .poll(() => modal.innerText())
      .toContain('Lý do quá ngắn: hãy ghi ít nhất 5 ký tự.');
    await shot(page, 'outbox-04-unlock');
    expect(s.core.locks.list().find((l) => l.key === '2023-Q3')?.unlockedAt).toBeNull();

    await page.getByTestId('unlock-reason').fill('Bổ sung buổi tuyên truyền tại xã Hợp Thành');
    await page.getByTestId('unlock-ok').click();
    await expect.poll(() => text('lock-state')).toContain('Đã mở khóa để sửa');
    expect(await text('lock-state')).toContain('Bổ sung buổi tuyên truyền tại xã Hợp Thành');
    expect(s.core.locks.list().find((l) => l.key === '2023-Q3')?.unlockedAt).not.toBeNull();
    await shot(page, 'outbox-05-unlocked');
  });

  it('shows the key fingerprint and the enrolment sheet', async () => {
    await page.getByTestId('menu-keys').click();
    await page.getByTestId('keys').waitFor();
    const fingerprint = s.core.packages.keyInfo().fingerprint;
    expect(fingerprint).toMatch(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/);
    await expect.poll(() => text('key-fingerprint')).toBe(fingerprint);
    expect(await text('enrol-fingerprint')).toBe(fingerprint);
    expect(await text('enrol-code')).toBe(s.core.profile.get()?.office.code);
    await page.getByTestId('delivery-settings').waitFor();
    await shot(page, 'outbox-06-keys');
  });

  it('backs the key up to a file protected by a passphrase, refusing mismatched passphrases', async () => {
    await page.getByRole('button', { name: 'Sao lưu khóa ký' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Mật khẩu cho tệp sao lưu (ít nhất 8 ký tự)').fill('sao lưu 2023');
    await dialog.getByLabel('Nhập lại mật khẩu').fill('sao luu 2023');
    await dialog.getByRole('button', { name: 'Tạo tệp sao lưu' }).click();
    await dialog.getByText('Hai mật khẩu không giống nhau.').waitFor();
    await dialog.getByLabel('Nhập lại mật khẩu').fill('sao lưu 2023');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Tạo tệp sao lưu' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('KhoaKy_LS-CAOLOC-VHTT.ttkey');
    const file = path.join(outDir, download.suggestedFilename());
    await download.saveAs(file);
    const backup = JSON.parse(fs.readFileSync(file, 'utf8')) as { fingerprint: string };
    expect(backup.fingerprint).toBe(s.core.packages.keyInfo().fingerprint);
    await shot(page, 'outbox-07-key-backup');
  });
});
