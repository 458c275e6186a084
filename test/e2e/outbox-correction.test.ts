// A correction in the outbox, in real Chromium through browser mode. Package 1 of 2023-Q3 is
// queued for a USB stick that is not plugged in: the outbox says so in plain Vietnamese, with
// Node's own words only behind "Chi tiết". Package 1 is also being emailed to an SMTP server
// that holds the message: exporting the correction asks first. Once package 2 is exported,
// package 1 leaves the queue and reads "Đã được thay bằng gói số 2", and plugging the stick
// in does not put package 1 on it. Screenshots go to test-output/e2e/outbox-correction-*.png.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DeliveryRow } from '../../shared/contract';
import { openSession, pickQuarter, seedQuarter, shot, type Session } from './helpers';

let s: Session;
let page: Page;
let root: string;
let usb: string;
let smtp: SMTPServer;
/** The SMTP server's answer to the message it holds, called when the test lets it go. */
let release: ((err?: Error) => void) | null = null;

beforeAll(async () => {
  s = await openSession({
    passphrase: 'mật khẩu thử nghiệm',
    outbox: true,
    // Long timeouts: the held message must stay "being sent" while the test looks.
    outboxTuning: { pollMs: 200, timeoutMs: 120_000, backoff: { baseMs: 100, capMs: 500 } },
  });
  page = s.page;
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'tuyentruyen-usb-'));
  usb = path.join(root, 'USB');
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, cb) {
      stream.resume();
      stream.on('end', () => {
        release = (err) => cb(err ?? null);
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  seedQuarter(s.core);
  await page.goto(s.server.url);
}, 120_000);

afterAll(async () => {
  release?.(Object.assign(new Error('closing'), { responseCode: 421 }));
  await s?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

const text = (id: string) => page.getByTestId(id).innerText();

async function exportFromReport(): Promise<void> {
  await page.getByTestId('export-button').click();
  await page.getByTestId('export-confirm').waitFor();
  await page.getByTestId('export-confirm-ok').click();
}

describe('a correction in the outbox', () => {
  it('queues package 1 for a USB stick that is not plugged in', async () => {
    await page.getByTestId('menu-report').click();
    await page.getByTestId('report').waitFor();
    await pickQuarter(page, 2023, 3);
    await exportFromReport();
    await expect.poll(() => text('export-sequence'), { timeout: 30_000 }).toBe('Gói số 1');
    await page.getByTestId('send-folder').fill(usb);
    await page.getByTestId('send-submit').click();
    await expect.poll(() => text('send-queued')).toContain('Đã đưa 1 lượt gửi');
  });

  it('says in plain Vietnamese that the stick is missing, with the technical text behind "Chi tiết"', async () => {
    const [row] = s.core.outbox.list();
    expect(row!.packageSequence).toBe(1);
    await page.getByTestId('menu-outbox').click();
    await page.getByTestId('outbox').waitFor();
    const tr = page.getByTestId(`outbox-row-${row!.id}`);
    await expect.poll(() => tr.innerText(), { timeout: 15_000 }).toContain('Gửi lỗi, sẽ thử lại');
    const error = page.getByTestId(`outbox-error-${row!.id}`);
    expect(await tr.innerText()).toContain('Gói số 1');
    expect(await error.innerText()).toContain(`Không tìm thấy thư mục ${usb}`);
    expect(await error.innerText()).toContain('Hãy cắm ổ USB vào máy');
    expect(await error.innerText()).not.toMatch(/ENOENT|no such file|stat /);

    const detail = page.getByTestId(`outbox-detail-${row!.id}`);
    expect(await detail.count()).toBe(0);
    await page.getByTestId(`outbox-detail-toggle-${row!.id}`).click();
    await expect
      .poll(() => detail.innerText())
      .toMatch(/^ENOENT: no such file or directory, stat /);
    expect(await detail.innerText()).toContain(usb);
    await shot(page, 'outbox-correction-01-usb-missing');
    await page.getByTestId(`outbox-detail-toggle-${row!.id}`).click();
    expect(await detail.count()).toBe(0);
  });

  it('asks before exporting the correction while package 1 is being sent', async () => {
    const port = (smtp.server.address() as AddressInfo).port;
    const saved = await s.core.call('settings:saveDelivery', {
      smtpHost: '127.0.0.1',
      smtpPort: port,
      smtpSecurity: 'none',
      smtpUser: '',
      sender: 'vhtt.caoloc@example.vn',
      recipients: ['so.tttt@example.vn'],
      uploadUrl: '',
    });
    expect(saved.ok).toBe(true);
    const queued = await s.core.call('outbox:enqueue', {
      sha256: s.core.packages.list()[0]!.sha256,
      email: true,
    });
    expect(queued.ok).toBe(true);
    const mail = queued.ok ? (queued.value as DeliveryRow[])[0] : undefined;
    // The server holds the message: the delivery stays "being sent".
    await expect.poll(() => s.core.outbox.get(mail!.id).state, { timeout: 15_000 }).toBe('sending');

    await page.getByTestId('menu-report').click();
    await page.getByTestId('report').waitFor();
    await page.getByTestId('unlock-button').click();
    await page.getByTestId('unlock-reason').fill('Bổ sung buổi tuyên truyền tại xã Hợp Thành');
    await page.getByTestId('unlock-ok').click();
    await expect.poll(() => text('lock-state')).toContain('Đã mở khóa để sửa');

    await page.getByTestId('export-button').click();
    const warning = page.getByTestId('export-sending-warning');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('Gói số 1 đang được gửi tới so.tttt@example.vn');
    await shot(page, 'outbox-correction-02-asked');
    // Waiting: nothing is exported.
    await page.getByRole('button', { name: 'Đợi gửi xong' }).click();
    await expect.poll(() => warning.count()).toBe(0);
    expect(await page.getByTestId('export-confirm').count()).toBe(0);
    expect(s.core.packages.list()).toHaveLength(1);

    await page.getByTestId('export-button').click();
    await warning.waitFor();
    await page.getByRole('button', { name: 'Vẫn xuất gói đính chính' }).click();
    await page.getByTestId('export-confirm').waitFor();
    await page.getByTestId('export-confirm-ok').click();
    await expect.poll(() => text('export-sequence'), { timeout: 30_000 }).toBe('Gói số 2');
    await expect.poll(() => text('export-supersedes')).toBe('Gói số 1');
    expect(await page.getByTestId('export-result').innerText()).not.toMatch(/[0-9a-f]{64}/);
    await shot(page, 'outbox-correction-03-package-2');

    // The server gives up on the held message for now: package 1 would be retried, but a
    // correction replaced it.
    release?.(Object.assign(new Error('Try again later'), { responseCode: 451 }));
    release = null;
    await expect.poll(() => s.core.outbox.get(mail!.id).state, { timeout: 15_000 }).toBe('pending');
  });

  it('takes package 1 out of the queue, as replaced by package 2', async () => {
    await page.getByTestId('menu-outbox').click();
    await page.getByTestId('outbox').waitFor();
    const rows = s.core.outbox.list().filter((r) => r.packageSequence === 1);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const tr = page.getByTestId(`outbox-row-${row.id}`);
      await expect
        .poll(() => tr.innerText(), { timeout: 15_000 })
        .toMatch(/đã được thay bằng gói số 2/i);
      expect(await tr.innerText()).not.toContain('Gửi lỗi, sẽ thử lại');
      expect(await page.getByTestId(`outbox-send-${row.id}`).count()).toBe(0);
      expect(await page.getByTestId(`outbox-cancel-${row.id}`).count()).toBe(0);
    }
    await expect.poll(() => text('outbox-summary')).toBe('Không có gì đang chờ gửi');
    await shot(page, 'outbox-correction-04-replaced');

    // The stick is plugged in: package 1 is not written to it.
    fs.mkdirSync(usb);
    await s.core.outbox.runOnce(new Date(Date.now() + 3_600_000));
    expect(fs.readdirSync(usb)).toEqual([]);
    expect(await page.getByTestId('outbox-table').innerText()).not.toMatch(/[0-9a-f]{64}/);
  });
});
