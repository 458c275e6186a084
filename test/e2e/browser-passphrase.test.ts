// Browser mode started without TUYENTRUYEN_PASSPHRASE, in real Chromium: an export that
// needs the signing key asks for its passphrase in the page, refuses a wrong one in words,
// and exports with the right one; with no key yet, the new key's passphrase is set twice.
// Screenshots go to test-output/e2e/passphrase-*.png.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { KEYS_DIR, PACKAGES_DIR } from '../../electron/core/services/packages';
import { createKeyStore, createPassphraseSealer, KEY_FILE } from '../../electron/core/signing';
import { openSession, pickQuarter, seedQuarter, shot, type Session } from './helpers';

const PASSPHRASE = 'Khóa của phòng 2023';

const packagesIn = (dataDir: string): string[] => {
  const dir = path.join(dataDir, PACKAGES_DIR);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.ttpkg')) : [];
};

async function startExport(page: Page): Promise<void> {
  await page.getByTestId('menu-report').click();
  await page.getByTestId('report').waitFor();
  await pickQuarter(page, 2023, 3);
  await page.getByTestId('export-button').click();
  await page.getByTestId('export-confirm').waitFor();
  await page.getByTestId('export-confirm-ok').click();
}

async function submit(page: Page, passphrase: string, again?: string): Promise<void> {
  await page.getByTestId('passphrase-input').fill(passphrase);
  if (again !== undefined) await page.getByTestId('passphrase-again').fill(again);
  await page.getByTestId('passphrase-ok').click();
}

describe('the key passphrase asked in the page', () => {
  let s: Session;
  let page: Page;

  beforeAll(async () => {
    s = await openSession();
    page = s.page;
    seedQuarter(s.core);
    // The office's key, sealed with a passphrase the engine was not given.
    createKeyStore(path.join(s.dataDir, KEYS_DIR), createPassphraseSealer(PASSPHRASE)).create(
      s.core.profile.get()!.office,
    );
    await page.goto(s.server.url);
  }, 120_000);

  afterAll(async () => {
    await s?.close();
  });

  it('asks for it when the export needs the key', async () => {
    // The address bar keeps no token: it was traded for the session cookie.
    expect(new URL(page.url()).search).toBe('');
    await startExport(page);
    const prompt = page.getByTestId('passphrase-prompt');
    await prompt.waitFor();
    expect(await page.locator('.ant-modal-title').last().innerText()).toContain(
      'Nhập mật khẩu khóa ký',
    );
    expect(await prompt.innerText()).toContain('khóa dùng để ký các gói báo cáo');
    expect(await page.getByTestId('passphrase-again').count()).toBe(0);
    await page.getByTestId('passphrase-input').fill('mật khẩu');
    await shot(page, 'passphrase-01-prompt');
    expect(packagesIn(s.dataDir)).toEqual([]);
  });

  it('refuses a wrong passphrase in words, and exports nothing', async () => {
    await submit(page, 'không phải mật khẩu');
    await expect
      .poll(() => page.getByTestId('passphrase-error').innerText())
      .toContain('Mật khẩu không đúng');
    expect(await page.getByTestId('passphrase-prompt').isVisible()).toBe(true);
    expect(await page.getByTestId('passphrase-input').inputValue()).toBe('');
    expect(packagesIn(s.dataDir)).toEqual([]);
    expect(s.core.locks.list()).toEqual([]);
    await shot(page, 'passphrase-02-wrong');
  });

  it('exports with the right one, and asks no more', async () => {
    await submit(page, PASSPHRASE);
    await expect.poll(() => page.getByTestId('passphrase-prompt').count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('export-sequence').innerText(), { timeout: 30_000 })
      .toBe('Gói số 1');
    expect(packagesIn(s.dataDir)).toHaveLength(1);
    expect(s.core.packages.list()[0]?.period.key).toBe('2023-Q3');
    // Held for the rest of the run: a second signature asks nothing.
    const again = await s.core.call('package:export', { period: '2023-Q2', allowEmpty: true });
    expect(again.ok).toBe(true);
    await shot(page, 'passphrase-03-exported');
  });
});

describe('the first key made in the page', () => {
  let s: Session;
  let page: Page;

  beforeAll(async () => {
    s = await openSession();
    page = s.page;
    seedQuarter(s.core);
    await page.goto(s.server.url);
  }, 120_000);

  afterAll(async () => {
    await s?.close();
  });

  it('sets the new key’s passphrase, typed twice, then exports', async () => {
    await startExport(page);
    await page.getByTestId('passphrase-prompt').waitFor();
    expect(await page.locator('.ant-modal-title').last().innerText()).toContain(
      'Đặt mật khẩu cho khóa ký mới',
    );
    await submit(page, 'mật khẩu mới 2023', 'mật khẩu khác 2023');
    await page.getByText('Hai lần nhập mật khẩu không giống nhau.').waitFor();
    expect(fs.existsSync(path.join(s.dataDir, KEYS_DIR, KEY_FILE))).toBe(false);
    await shot(page, 'passphrase-04-new-key');

    await submit(page, 'mật khẩu mới 2023', 'mật khẩu mới 2023');
    await expect
      .poll(() => page.getByTestId('export-sequence').innerText(), { timeout: 30_000 })
      .toBe('Gói số 1');
    expect(packagesIn(s.dataDir)).toHaveLength(1);
    expect(s.core.packages.keyInfo()).toMatchObject({ exists: true, sealedWith: 'passphrase' });
    // The key is sealed with what was typed: it opens with it, and with nothing else.
    const store = createKeyStore(
      path.join(s.dataDir, KEYS_DIR),
      createPassphraseSealer('mật khẩu mới 2023'),
    );
    expect(() => store.load()).not.toThrow();
  });
});
