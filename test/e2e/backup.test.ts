// Backups and restore in real Chromium through browser mode: "Sao lưu ngay" puts a verified
// backup in the table; "Khôi phục…" previews what a restore loses and brings back, backs up
// what it replaces and brings the backup's data back; and a data file emptied between two
// starts opens on the recovery screen, which restores the latest backup and lands on the
// logbook with the activities back. Screenshots go to test-output/e2e/backup-*.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createCore, DB_FILE, type Core } from '../../electron/core/index';
import { startServer } from '../../electron/server/index';
import type { Output } from '../../shared/contract';
import type { ActivityInput } from '../../shared/schemas';
import profile from '../fixtures/profile.json';
import { openSession, shot, tableTexts, type Session } from './helpers';

async function ok<T>(core: Core, method: string, input: unknown = {}): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

const TITLES = [
  'Treo băng rôn tại chợ phiên Đồng Đăng',
  'Treo khẩu hiệu tại trường THCS Hợp Thành',
  'Dán áp phích tại nhà văn hóa thôn Nà Làng',
  'Treo băng rôn tại cửa khẩu Tân Thanh',
  'Treo pano tại ngã ba Thụy Hùng',
];

function banner(i: number, title = TITLES[i]!): ActivityInput {
  return {
    id: `bk-${i}`,
    channel: 'banner',
    date: `2025-03-${String(10 + i).padStart(2, '0')}`,
    communes: ['CL-HT'],
    themes: ['trafficking'],
    title,
    audience: 0,
    costVnd: 0,
    measures: { pieces: 2 + i },
  };
}

async function seed(core: Core, indexes: number[]): Promise<void> {
  for (const i of indexes) await ok(core, 'activities:create', banner(i));
}

/** True when the logbook's rows show every title. */
async function logbookHolds(page: Page, titles: string[]): Promise<boolean> {
  const shown = (await tableTexts(page)).join('\n');
  return titles.every((t) => shown.includes(t));
}

const text = (page: Page, id: string) => page.getByTestId(id).innerText();

/** Waits for antd's toasts to leave, so a screenshot shows the screen alone. */
async function quiet(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.ant-message-notice').count()).toBe(0);
}

const liveTitles = async (core: Core) =>
  (await ok<Output<'activities:list'>>(core, 'activities:list', {})).map((a) => a.title).sort();

/** The transfer file made by the first session, carried to the "new computer" of the last. */
const carried = fs.mkdtempSync(path.join(os.tmpdir(), 'tuyentruyen-carried-'));
const movedFile = path.join(carried, 'LS-CAOLOC-VHTT_chuyen-may.ttmove');
let movedFingerprint: string | null = null;
afterAll(() => fs.rmSync(carried, { recursive: true, force: true }));

describe('backup and restore in the browser', () => {
  let s: Session;
  let page: Page;
  let mirror: string;
  let packageFile = '';

  beforeAll(async () => {
    s = await openSession({ passphrase: 'mật khẩu thử nghiệm' });
    page = s.page;
    mirror = fs.mkdtempSync(path.join(os.tmpdir(), 'tuyentruyen-usb-'));
    await ok(s.core, 'profile:save', profile);
    await seed(s.core, [0, 1, 2]);
    await page.goto(s.server.url);
    await page.getByTestId('menu-backup').click();
    await page.getByTestId('backup').waitFor();
  }, 120_000);

  afterAll(async () => {
    await s?.close();
    if (mirror) fs.rmSync(mirror, { recursive: true, force: true });
  });

  const text = (id: string) => page.getByTestId(id).innerText();
  const rows = () => page.getByTestId('backups-table').locator('.ant-table-row');

  it('sets the second place, refusing a relative path in Vietnamese', async () => {
    // The status comes with the screen's first request, after the screen itself.
    await expect.poll(() => text('backup-status')).toContain('Chưa có bản sao lưu nào');
    await page.getByTestId('mirror-dir').fill('usb/saoluu');
    await page.getByTestId('mirror-save').click();
    await expect
      .poll(() => text('mirror-form'))
      .toContain('Nơi lưu bản sao thứ hai phải là một đường dẫn đầy đủ');
    await page.getByTestId('mirror-dir').fill(mirror);
    await page.getByTestId('mirror-save').click();
    await expect.poll(() => text('mirror-state')).toContain('Đang truy cập được');
    expect(await text('mirror-state')).toContain(mirror);
  });

  it('makes a backup now and lists it', async () => {
    await page.getByTestId('backup-now').click();
    await expect.poll(() => text('backup-made')).toContain('Đã sao lưu và kiểm tra xong');
    const made = await ok<Output<'backup:list'>>(s.core, 'backup:list');
    expect(made).toHaveLength(1);
    expect(await text('backup-made')).toContain(made[0]!.id);
    expect(await text('backup-made')).toContain('3 hoạt động');
    await expect.poll(() => rows().count()).toBe(1);
    const row = await rows().first().innerText();
    expect(row).toContain('Sao lưu ngay');
    expect(row).toContain('12/03/2025');
    expect(row).toContain('Máy này');
    expect(await text('backup-last-activities')).toBe('3 hoạt động, gần nhất ngày 12/03/2025');
    // The copy in the second place is made at once, the stick being there.
    await expect.poll(() => text('mirror-state')).toContain('Chép lần cuối lúc');
    expect(fs.readdirSync(path.join(mirror, 'SoTuyenTruyen-SaoLuu'))).toContain(
      path.basename(made[0]!.path),
    );
    await quiet(page);
    await shot(page, 'backup-01-made');
  });

  it('previews a restore, restores, and the data is the backup again', async () => {
    // After the backup: two new activities, one changed, one deleted.
    await seed(s.core, [3, 4]);
    await ok(s.core, 'activities:update', {
      id: 'bk-0',
      activity: banner(0, 'Treo băng rôn tại chợ phiên Đồng Đăng (đã sửa)'),
    });
    await ok(s.core, 'activities:delete', { id: 'bk-1' });
    // The quarter's package carries what the backup lacks, for taking it back afterwards.
    const exported = await ok<Output<'package:export'>>(s.core, 'package:export', {
      period: '2025-Q1',
    });
    packageFile = exported.path;
    const before = await liveTitles(s.core);
    expect(before).toHaveLength(4);

    await rows().first().getByTestId('backup-restore').click();
    await page.getByTestId('restore-preview').waitFor();
    expect(await text('restore-source-activities')).toBe('3 hoạt động');
    expect(await text('restore-current-activities')).toBe('4 hoạt động');
    expect(await text('restore-summary')).toContain(
      '3 hoạt động đã ghi hoặc sửa sau thời điểm của tệp sẽ mất hoặc về bản cũ',
    );
    expect(await text('restore-summary')).toContain('1 hoạt động hiện không có trong sổ sẽ có lại');
    const listed = await page
      .getByTestId('restore-activities')
      .locator('.ant-table-row')
      .allInnerTexts();
    const line = (title: string) => listed.find((l) => l.includes(title)) ?? '';
    expect(line(TITLES[3]!)).toMatch(/13\/03\/2025.*Băng rôn.*mất/s);
    expect(line(TITLES[4]!)).toMatch(/mất/);
    expect(line('(đã sửa)')).toMatch(/về bản cũ/);
    expect(line(TITLES[1]!)).toMatch(/trở lại/);
    expect(listed).toHaveLength(4);
    expect(await text('restore-confirm')).toBe('Khôi phục (dữ liệu hiện tại được sao lưu trước)');
    expect(await page.getByTestId('restore-other-office').count()).toBe(0);
    expect(await page.getByTestId('restore-passphrase').count()).toBe(0);
    await shot(page, 'backup-02-preview');

    await page.getByTestId('restore-confirm').click();
    await page.getByTestId('restore-result').waitFor();
    const safety = await text('restore-safety-path');
    expect(fs.existsSync(safety.trim())).toBe(true);
    expect(await text('restore-result')).toContain('Dữ liệu đã được khôi phục: 3 hoạt động.');
    await shot(page, 'backup-03-restored');

    // The engine already holds the backup's data; the page loads again to show it.
    expect(await liveTitles(s.core)).toEqual([...TITLES.slice(0, 3)].sort());
    await page.getByTestId('restore-done').click();
    await page.getByTestId('logbook').waitFor();
    await expect.poll(() => logbookHolds(page, TITLES.slice(0, 3))).toBe(true);
    expect((await tableTexts(page)).join('\n')).not.toContain('(đã sửa)');
    expect((await tableTexts(page)).join('\n')).not.toContain(TITLES[3]);

    // What was replaced is a backup of its own, kept whatever the rotation says.
    await page.getByTestId('menu-backup').click();
    await expect.poll(() => rows().count()).toBe(2);
    const newest = await rows().first().innerText();
    expect(newest).toContain('Trước khi khôi phục');
    expect(newest).toMatch(/\b4\b/);
    await shot(page, 'backup-04-after-restore');
  });

  it('takes back from the exported package what the backup lacked', async () => {
    await page.getByTestId('package-path').fill(packageFile);
    await page.getByTestId('package-preview').click();
    const preview = page.getByTestId('package-preview-result');
    await preview.waitFor();
    expect(await preview.innerText()).toContain('Gói số 1');
    expect(await text('package-missing')).toBe('2 hoạt động');
    expect(await preview.innerText()).toContain('gói sẽ được ghi nhận lại');
    expect(await text('package-recover')).toBe('Lấy lại 2 hoạt động');
    await page.getByTestId('package-recovery').scrollIntoViewIfNeeded();
    await shot(page, 'backup-05-package-preview');
    await page.getByTestId('package-recover').click();
    await expect.poll(() => text('package-recovered')).toContain('Đã lấy lại 2 hoạt động từ gói.');
    expect(await liveTitles(s.core)).toEqual([...TITLES.slice(0, 5)].sort());
    // The package is known again: the quarter is locked as it was when exported.
    expect((await ok<Output<'package:list'>>(s.core, 'package:list')).length).toBe(1);
  });

  it('makes a transfer file, previews it as a restore and retires the key', async () => {
    await s.core.packages.certificate(); // the key an export would have made
    const card = page.getByTestId('transfer');
    await card.scrollIntoViewIfNeeded();
    await page.getByTestId('transfer-passphrase').fill('ngắn');
    await page.getByTestId('transfer-confirm').fill('khác hẳn');
    await page.getByTestId('transfer-make').click();
    await expect.poll(() => card.innerText()).toContain('Mật khẩu cần ít nhất 8 ký tự.');
    expect(await card.innerText()).toContain('Hai mật khẩu không giống nhau.');
    await page.getByTestId('transfer-passphrase').fill('chuyển máy 2026');
    await page.getByTestId('transfer-confirm').fill('chuyển máy 2026');
    await page.getByTestId('transfer-make').click();
    await page.getByTestId('transfer-done').waitFor();
    const file = (await text('transfer-path')).trim();
    expect(path.dirname(file)).toBe(path.join(s.dataDir, 'transfers'));
    expect(file.endsWith('.ttmove')).toBe(true);
    expect(fs.existsSync(file)).toBe(true);
    fs.copyFileSync(file, movedFile);
    const key = await ok<Output<'key:info'>>(s.core, 'key:info');
    movedFingerprint = key.fingerprint;
    expect(await text('transfer-done')).toContain('5 hoạt động, 1 gói đã xuất');
    expect(await page.getByTestId('transfer-fingerprint').getAttribute('data-fingerprint')).toBe(
      key.fingerprint,
    );
    await page.getByTestId('key-retire').scrollIntoViewIfNeeded();
    await quiet(page);
    await shot(page, 'backup-06-transfer');

    await page.getByTestId('key-retire').click();
    await page.getByTestId('key-retire-ok').waitFor();
    await shot(page, 'backup-07-retire-confirm');
    await page.getByTestId('key-retire-ok').click();
    await expect.poll(() => text('key-retired')).toContain('đã ngưng dùng từ');
    expect((await ok<Output<'key:info'>>(s.core, 'key:info')).retiredAt).not.toBeNull();
    await page.getByTestId('key-unretire').click();
    await page.getByTestId('key-retire').waitFor();
    expect((await ok<Output<'key:info'>>(s.core, 'key:info')).retiredAt).toBeNull();

    // The same file, chosen by its path, asks for its passphrase before a restore.
    await page.getByTestId('restore-file-path').fill(path.join(s.dataDir, 'không-có.sqlite'));
    await page.getByTestId('restore-file-preview').click();
    await expect.poll(() => text('restore-file-form')).toContain('Không mở được tệp');
    await page.getByTestId('restore-file-path').fill(file);
    await page.getByTestId('restore-file-preview').click();
    await page.getByTestId('restore-preview').waitFor();
    expect(await text('restore-compare')).toContain('Tệp chuyển máy');
    await page.getByTestId('restore-passphrase').waitFor();
    await page.getByTestId('restore-confirm').click();
    await expect
      .poll(() => text('restore-preview'))
      .toContain('Hãy nhập mật khẩu của tệp chuyển máy.');
    await shot(page, 'backup-08-transfer-preview');
    await page.getByRole('button', { name: 'Hủy' }).click();
    await expect.poll(() => page.getByTestId('restore-preview').count()).toBe(0);
  });
});

describe('the recovery screen at start', () => {
  let s: Session;
  let page: Page;
  let dataDir = '';
  let core: Core | null = null;
  let server: Awaited<ReturnType<typeof startServer>> | null = null;

  beforeAll(async () => {
    s = await openSession();
    page = s.page;
    dataDir = s.dataDir;
    await ok(s.core, 'profile:save', profile);
    await seed(s.core, [0, 1, 2]);
    await ok(s.core, 'backup:make');
    // Recorded after the last backup: not in what the recovery can bring back.
    await seed(s.core, [3]);
    await s.server.close();
    s.core.close();
    fs.writeFileSync(path.join(dataDir, DB_FILE), '');
    core = createCore({ dataDir, mode: 'browser' });
    server = await startServer({ core, rendererDir: path.resolve('dist/renderer') });
  }, 120_000);

  afterAll(async () => {
    await s?.browser.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    core?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const text = (id: string) => page.getByTestId(id).innerText();

  it('offers the latest backup, restores it and opens the app with the activities back', async () => {
    const info = await ok<Output<'app:info'>>(core!, 'app:info');
    expect(info.recovery?.reason).toBe('empty');
    await page.goto(server!.url);
    await page.getByTestId('recovery').waitFor();
    expect(await page.getByTestId('menu-logbook').count()).toBe(0);
    expect(await text('recovery-reason')).toContain('Tệp dữ liệu của ứng dụng trống rỗng');
    expect(await text('recovery')).toContain(info.problem!);
    expect(await text('recovery-latest-activities')).toBe('3 hoạt động');
    expect(await text('recovery-latest')).toContain('Sao lưu ngay');
    expect(await text('recovery-after')).toContain('các hoạt động ghi sau thời điểm đó');
    expect(await text('recovery-packages-hint')).toContain('Lấy lại hoạt động từ gói đã xuất');
    expect(await text('recovery-restore')).toBe('Khôi phục bản sao lưu này');
    await shot(page, 'backup-10-recovery');

    await page.getByTestId('recovery-show-all').click();
    await expect
      .poll(() => page.getByTestId('recovery-all').locator('.ant-table-row').count())
      .toBe(1);
    await shot(page, 'backup-11-recovery-all');
    await page.getByTestId('recovery-show-all').click();

    await page.getByTestId('recovery-restore').click();
    await page.getByTestId('restore-preview').waitFor();
    expect(await text('restore-source-activities')).toBe('3 hoạt động');
    expect(await text('restore-summary')).toContain('3 hoạt động hiện không có trong sổ sẽ có lại');
    expect(await text('restore-compare')).toContain(
      'Không đọc được (tệp dữ liệu bị mất, trống hoặc hỏng)',
    );
    await shot(page, 'backup-12-recovery-preview');
    await page.getByTestId('restore-confirm').click();
    await page.getByTestId('restore-result').waitFor();
    await shot(page, 'backup-13-recovery-restored');
    await page.getByTestId('restore-done').click();

    await page.getByTestId('logbook').waitFor();
    expect(await page.getByTestId('recovery').count()).toBe(0);
    await expect.poll(() => logbookHolds(page, TITLES.slice(0, 3))).toBe(true);
    expect(await liveTitles(core!)).toEqual([...TITLES.slice(0, 3)].sort());
    expect((await ok<Output<'app:info'>>(core!, 'app:info')).recovery).toBeNull();
    await shot(page, 'backup-14-recovered-logbook');
  });
});

describe('moving in on a new computer', () => {
  let s: Session;
  let page: Page;

  beforeAll(async () => {
    s = await openSession({ passphrase: 'mật khẩu máy mới' });
    page = s.page;
  }, 120_000);

  afterAll(async () => {
    await s?.close();
  });

  it('restores the transfer file from the first-run screen, key included', async () => {
    const fingerprint = (await ok<Output<'key:info'>>(s.core, 'key:info')).fingerprint;
    expect(fingerprint).toBeNull();
    await page.goto(s.server.url);
    await page.getByTestId('profile-form').waitFor();
    await page.getByTestId('move-in-open').click();
    await page.getByTestId('restore-file-path').fill(movedFile);
    await shot(page, 'backup-20-move-in');
    await page.getByTestId('restore-file-preview').click();
    await page.getByTestId('restore-preview').waitFor();
    expect(await text(page, 'restore-compare')).toContain('Tệp chuyển máy');
    expect(await text(page, 'restore-source-activities')).toBe('5 hoạt động');
    await page.getByTestId('restore-passphrase').fill('sai mật khẩu');
    await page.getByTestId('restore-confirm').click();
    await expect.poll(() => text(page, 'restore-preview')).toMatch(/mật khẩu/i);
    expect(await liveTitles(s.core)).toEqual([]);
    await page.getByTestId('restore-passphrase').fill('chuyển máy 2026');
    await shot(page, 'backup-21-move-in-preview');
    await page.getByTestId('restore-confirm').click();
    await page.getByTestId('restore-result').waitFor();
    expect(await text(page, 'restore-result')).toContain('Khóa ký trong tệp chuyển máy');
    await page.getByTestId('restore-done').click();
    await page.getByTestId('logbook').waitFor();
    await expect.poll(() => logbookHolds(page, TITLES)).toBe(true);
    const key = await ok<Output<'key:info'>>(s.core, 'key:info');
    expect(key.exists).toBe(true);
    expect(key.fingerprint).toBe(movedFingerprint);
    expect(key.retiredAt).toBeNull();
    expect((await ok<Output<'package:list'>>(s.core, 'package:list')).length).toBe(1);
  });
});
