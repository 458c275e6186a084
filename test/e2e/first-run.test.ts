// The first run as a new office fills it: the form offers two empty area rows and says the
// code is made when left empty. Neither an untouched row nor an empty code is an error:
// the untouched row is left out and the code is made from the name when saving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSession, shot, type Session } from './helpers';

let s: Session;
let page: Page;

beforeAll(async () => {
  s = await openSession();
  page = s.page;
  await page.goto(s.server.url);
}, 120_000);

afterAll(async () => {
  await s?.close();
});

describe('the first run', () => {
  it('saves one area typed by name, the second empty row untouched, without false errors', async () => {
    await page.getByTestId('profile-form').waitFor();
    await page.getByTestId('first-run-role-district').click();
    await page.getByTestId('office-code-input').fill('LS-VANLANG-VHTT');
    await page.getByTestId('office-parent-input').fill('UBND huyện Văn Lãng');
    await page.getByTestId('office-province-input').fill('Lạng Sơn');
    await page.getByTestId('office-place-input').fill('Văn Lãng');
    await page.getByTestId('office-recipients-input').fill('Sở Văn hóa, Thể thao và Du lịch');
    await page.getByTestId('office-signer-title-input').fill('TRƯỞNG PHÒNG');
    await page.getByTestId('office-signer-name-input').fill('Hoàng Thị C');
    // A second row, left untouched.
    await page.getByTestId('commune-add').click();
    expect(await page.getByTestId('commune-code-1').getAttribute('placeholder')).toBe(
      'Tự tạo nếu bỏ trống',
    );
    // Typed, then saved with Enter: the name never loses the focus, so its code is still empty.
    await page.getByTestId('commune-name-0').fill('Xã Hoàng Việt');
    expect(await page.getByTestId('commune-code-0').inputValue()).toBe('');
    await shot(page, 'first-run-01-one-area');
    await page.getByTestId('commune-name-0').press('Enter');
    await page.getByTestId('logbook').waitFor();
    expect(s.core.profile.get()?.communes.map((c) => [c.code, c.name])).toEqual([
      ['HOANG-VIET', 'Xã Hoàng Việt'],
    ]);
  });

  it('shows an empty quarter\'s figures as 0, with no "0" change beside them', async () => {
    await page.getByTestId('menu-report').click();
    await page.getByTestId('report-summary').waitFor();
    await expect.poll(() => page.getByTestId('report-activities').innerText()).toMatch(/0$/);
    expect(await page.getByTestId('report-change-activities').count()).toBe(0);
    expect((await page.getByTestId('report-audience').innerText()).trim().endsWith('0')).toBe(true);
    await shot(page, 'first-run-03-empty-report');
  });
});

describe('the first run with a half-typed row', () => {
  let t: Session;
  beforeAll(async () => {
    t = await openSession();
    await t.page.goto(t.server.url);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('asks for the name of a row that has a code, and only there', async () => {
    const p = t.page;
    await p.getByTestId('profile-form').waitFor();
    await p.getByTestId('first-run-role-district').click();
    await p.getByTestId('office-code-input').fill('LS-VANLANG-VHTT');
    await p.getByTestId('office-parent-input').fill('UBND huyện Văn Lãng');
    await p.getByTestId('office-province-input').fill('Lạng Sơn');
    await p.getByTestId('office-place-input').fill('Văn Lãng');
    await p.getByTestId('office-recipients-input').fill('Sở Văn hóa, Thể thao và Du lịch');
    await p.getByTestId('office-signer-title-input').fill('TRƯỞNG PHÒNG');
    await p.getByTestId('office-signer-name-input').fill('Hoàng Thị C');
    await p.getByTestId('commune-name-0').fill('Xã Hoàng Việt');
    await p.getByTestId('commune-add').click();
    await p.getByTestId('commune-code-1').fill('VL-TK');
    await p.getByTestId('profile-save').click();
    const form = p.getByTestId('profile-form');
    await expect.poll(() => form.innerText()).toContain('Hãy nhập tên.');
    // One message, for the row with a code; none for the code left empty in the first row.
    expect((await form.innerText()).match(/Hãy nhập tên\./g)).toHaveLength(1);
    expect(await form.innerText()).not.toContain('Hãy nhập mã');
    expect(t.core.profile.get()).toBeNull();
    await shot(p, 'first-run-02-row-without-name');
  });
});
