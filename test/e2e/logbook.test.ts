// The logbook in real Chromium through browser mode: first-run setup, one activity of each
// core channel typed through the form, totals, diacritic-free search, reload, a refused
// form that keeps what was typed, and the rows of an exported quarter shown locked.
// Screenshots go to test-output/e2e/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ProfileSchema } from '../../shared/schemas';
import {
  openActivityForm,
  openSession,
  pickOptions,
  shot,
  tableTexts,
  typeDate,
  type Session,
} from './helpers';

let s: Session;
let page: Page;

beforeAll(async () => {
  // A passphrase for the office key: the last step exports the quarter.
  s = await openSession({ passphrase: 'mật khẩu thử nghiệm' });
  page = s.page;
  await page.goto(s.server.url);
}, 120_000);

afterAll(async () => {
  await s?.close();
});

interface NewActivity {
  channel: 'van' | 'banner' | 'cinema' | 'radio';
  date: string;
  endDate?: string;
  communes: string[];
  title: string;
  measures: Record<string, string>;
  audience?: string;
  cost?: string;
  extra?: (page: Page) => Promise<void>;
  /** Save with Enter in the title instead of the button. */
  enter?: boolean;
}

const ACTIVITIES: NewActivity[] = [
  {
    channel: 'van',
    date: '28/07/2023',
    communes: ['hop thanh'],
    title: 'Tuyên truyền lưu động hưởng ứng Ngày toàn dân phòng, chống mua bán người',
    measures: { sessions: '3', km: '45', minutes: '240' },
    audience: '1200',
    cost: '1500000',
  },
  {
    channel: 'banner',
    date: '25/07/2023',
    communes: ['cao loc'],
    title: 'Treo băng rôn tuyên truyền phòng, chống mua bán người trên trục đường chính',
    measures: { pieces: '12' },
    cost: '2400000',
    extra: async (p) => {
      await p.getByTestId('measure-slogan').fill('Hãy cảnh giác với thủ đoạn mua bán người');
    },
    enter: true,
  },
  {
    channel: 'cinema',
    date: '5/8/2023',
    communes: ['thuy hung'],
    title: 'Chiếu phim lưu động, lồng ghép tuyên truyền trước buổi chiếu',
    measures: { screenings: '2', messageMinutes: '30' },
    audience: '850',
    extra: async (p) => {
      await p.getByTestId('measure-film').fill('Người mẹ thứ hai');
    },
  },
  {
    channel: 'radio',
    date: '01/08/2023',
    endDate: '31/08/2023',
    communes: ['hop thanh', 'thuy hung'],
    title: 'Phát tin, bài trên đài truyền thanh xã',
    measures: { items: '8', broadcasts: '24', minutes: '120' },
    audience: '1200',
    extra: async (p) => {
      await p.getByTestId('measure-relayed').click();
    },
  },
];

async function addActivity(a: NewActivity, screenshot?: string): Promise<void> {
  await openActivityForm(page, a.channel);
  const form = page.getByTestId('activity-form');
  await typeDate(page, page.getByTestId('activity-date'), a.date);
  if (a.endDate) await typeDate(page, page.getByTestId('activity-end-date'), a.endDate);
  await pickOptions(page, page.getByTestId('activity-communes'), a.communes);
  for (const [key, value] of Object.entries(a.measures)) {
    await page.getByTestId(`measure-${key}`).fill(value);
  }
  if (a.audience) await page.getByTestId('activity-audience').fill(a.audience);
  if (a.cost) await page.getByTestId('activity-cost').fill(a.cost);
  await a.extra?.(page);
  await page.getByTestId('activity-title').fill(a.title);
  if (screenshot) await shot(page, screenshot);
  if (a.enter) await page.getByTestId('activity-title').press('Enter');
  else await page.getByTestId('activity-save').click();
  await expect.poll(() => form.isVisible(), { timeout: 10_000 }).toBe(false);
  await expect
    .poll(async () => (await tableTexts(page)).some((t) => t.includes(a.title)))
    .toBe(true);
}

describe('logbook in the browser', () => {
  it('sets up the office on first run', async () => {
    await page.getByTestId('profile-form').waitFor();
    await shot(page, '01-first-run');
    // The quarter logged here is from 2023: a district office, as before the 2025 reform.
    // Choosing it fills the usual values, which the user then corrects.
    await page.getByTestId('first-run-role-district').click();
    await expect
      .poll(() => page.getByTestId('office-name-input').inputValue())
      .toBe('Phòng Văn hóa và Thông tin');
    expect(await page.getByTestId('office-parent-input').inputValue()).toBe('UBND huyện …');
    expect(await page.getByTestId('office-docsymbol-input').inputValue()).toBe('BC-VHTT');
    await page.getByTestId('office-name-input').fill('Phòng Văn hóa và Thông tin');
    await page.getByTestId('office-code-input').fill('LS-CAOLOC-VHTT');
    await page.getByTestId('office-parent-input').fill('UBND huyện Cao Lộc');
    await page.getByTestId('office-province-input').fill('Lạng Sơn');
    await page.getByTestId('office-place-input').fill('Cao Lộc');
    await page.getByTestId('office-docsymbol-input').fill('BC-VHTT');
    await page
      .getByTestId('office-recipients-input')
      .fill('Sở Văn hóa, Thể thao và Du lịch\nBan Chỉ đạo 138 huyện');
    await page.getByTestId('office-signer-title-input').fill('KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG');
    await page.getByTestId('office-signer-name-input').fill('Nguyễn Văn A');
    // The subjects reported on: at least one, said in words when none is left.
    const subjects = page.getByTestId('office-subjects');
    await subjects.getByLabel('Phòng, chống mua bán người').uncheck();
    await expect
      .poll(() => page.getByTestId('profile-form').innerText())
      .toContain('Hãy chọn ít nhất một chủ đề để lập báo cáo.');
    await subjects.getByLabel('Phòng, chống mua bán người').check();
    await subjects.getByLabel('Phòng, chống ma túy').check();
    await expect
      .poll(() => page.getByTestId('profile-form').innerText())
      .not.toContain('Hãy chọn ít nhất một chủ đề để lập báo cáo.');
    await subjects.scrollIntoViewIfNeeded();
    await shot(page, '01-first-run-subjects');

    // One commune typed row by row (code generated from the name), two pasted as a list.
    await page.getByTestId('commune-name-0').fill('Xã Hợp Thành');
    await page.getByTestId('commune-name-0').blur();
    await expect.poll(() => page.getByTestId('commune-code-0').inputValue()).toBe('HOP-THANH');
    await page.getByTestId('commune-code-0').fill('CL-HT');
    for (const flag of ['border', 'ethnic', 'key']) {
      await page.getByTestId(`commune-flag-${flag}-0`).check();
    }
    await page.getByTestId('commune-paste').click();
    await page
      .getByTestId('paste-communes-text')
      .fill('Xã Thụy Hùng; biên giới, vùng sâu vùng xa\nTT-CL; Thị trấn Cao Lộc; trọng điểm');
    await page.getByTestId('paste-communes-ok').click();
    await expect
      .poll(() => page.getByTestId('commune-name-2').inputValue())
      .toBe('Thị trấn Cao Lộc');
    expect(await page.getByTestId('commune-code-1').inputValue()).toBe('THUY-HUNG');
    expect(await page.getByTestId('commune-flag-border-1').isChecked()).toBe(true);
    expect(await page.getByTestId('commune-flag-remote-1').isChecked()).toBe(true);
    expect(await page.getByTestId('commune-flag-key-2').isChecked()).toBe(true);
    await page.getByTestId('commune-table').scrollIntoViewIfNeeded();
    await shot(page, '02-first-run-filled');

    await page.getByTestId('profile-save').click();
    await page.getByTestId('logbook').waitFor();
    await expect
      .poll(() => page.getByTestId('office-name').innerText())
      .toContain('Phòng Văn hóa và Thông tin');

    const profile = s.core.profile.get();
    expect(profile?.office.code).toBe('LS-CAOLOC-VHTT');
    expect(profile?.office.kind).toBe('district');
    expect(profile?.office.subjects).toEqual(['trafficking', 'drugs']);
    expect(profile?.office.recipients).toEqual([
      'Sở Văn hóa, Thể thao và Du lịch',
      'Ban Chỉ đạo 138 huyện',
    ]);
    expect(profile?.communes.map((c) => [c.code, c.name, c.flags])).toEqual([
      ['CL-HT', 'Xã Hợp Thành', ['border', 'ethnic', 'key']],
      ['THUY-HUNG', 'Xã Thụy Hùng', ['border', 'remote']],
      ['TT-CL', 'Thị trấn Cao Lộc', ['key']],
    ]);
    await shot(page, '03-logbook-empty');
  });

  it('adds one activity of each core channel through the form', async () => {
    for (const [i, a] of ACTIVITIES.entries()) {
      await addActivity(a, i === 0 ? '04-form-van' : i === 3 ? '05-form-radio' : undefined);
    }
    const rows = await tableTexts(page);
    expect(rows).toHaveLength(4);
    const van = rows.find((r) => r.includes('lưu động hưởng ứng'))!;
    expect(van).toContain('28/07/2023');
    expect(van).toContain('Xã Hợp Thành');
    expect(van).toContain('1.200');
    expect(van).toContain('1.500.000');
    expect(van).toContain('3 buổi, 45 km, 240 phút');
    const radio = rows.find((r) => r.includes('truyền thanh xã'))!;
    expect(radio).toContain('đến 31/08/2023');
    expect(radio).toContain('Xã Hợp Thành, Xã Thụy Hùng');

    // What reached the engine is the import format, with codes resolved to communes.
    const stored = s.core.activities.list({});
    const radioRow = stored.find((r) => r.channel === 'radio')!;
    expect(radioRow).toMatchObject({
      date: '2023-08-01',
      endDate: '2023-08-31',
      communeCodes: ['CL-HT', 'THUY-HUNG'],
      themes: ['trafficking'],
      language: 'vi',
      measures: { items: 8, broadcasts: 24, minutes: 120, relayed: true },
    });
    expect(stored.find((r) => r.channel === 'cinema')?.date).toBe('2023-08-05');
  });

  it('shows the totals of the filtered rows, written the Vietnamese way', async () => {
    await expect.poll(() => page.getByTestId('totals-activities').innerText()).toBe('4');
    expect(await page.getByTestId('totals-audience').innerText()).toBe('3.250');
    expect(await page.getByTestId('totals-cost').innerText()).toBe('3.900.000');
    const van = await page.getByTestId('totals-channel-van').innerText();
    expect(van).toContain('Số buổi: 3');
    expect(van).toContain('Số km: 45');
    expect(van).toContain('Số phút: 240');
    expect(await page.getByTestId('totals-channel-banner').innerText()).toContain('Số chiếc: 12');
    expect(await page.getByTestId('totals-channel-radio').innerText()).toContain(
      'Số lượt phát: 24',
    );
    await shot(page, '06-logbook-four-channels');
  });

  it('finds "băng rôn" when typed without diacritics', async () => {
    await page.getByTestId('filter-search').fill('bang ron');
    await expect.poll(async () => (await tableTexts(page)).length).toBe(1);
    const [row] = await tableTexts(page);
    expect(row).toContain('Treo băng rôn');
    await expect.poll(() => page.getByTestId('totals-activities').innerText()).toBe('1');
    expect(await page.getByTestId('totals-cost').innerText()).toBe('2.400.000');
    await shot(page, '07-search-bang-ron');
    await page.getByTestId('filter-search').fill('');
    await expect.poll(async () => (await tableTexts(page)).length).toBe(4);
  });

  it('filters by reporting year and back to all time', async () => {
    await page.getByTestId('period-kind').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Theo năm' }).click();
    const year = page.getByTestId('period-year');
    await year.click();
    await year.press('Control+A');
    await year.pressSequentially('2022');
    await year.press('Enter');
    await expect.poll(() => page.getByTestId('totals-activities').innerText()).toBe('0');
    await year.click();
    await year.press('Control+A');
    await year.pressSequentially('2023');
    await year.press('Enter');
    // Decree 09 year 2023: 15/12/2022 – 14/12/2023, holding all four activities.
    await expect.poll(() => page.getByTestId('totals-activities').innerText()).toBe('4');
    expect(await page.getByTestId('totals').innerText()).toContain('15/12/2022 – 14/12/2023');
    await page.getByTestId('period-kind').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Tất cả' }).click();
    await expect.poll(async () => (await tableTexts(page)).length).toBe(4);
  });

  it('keeps the data across a reload', async () => {
    await page.reload();
    await page.getByTestId('logbook').waitFor();
    await expect.poll(async () => (await tableTexts(page)).length).toBe(4);
    expect(await page.getByTestId('totals-audience').innerText()).toBe('3.250');
  });

  it('refuses an invalid form next to the fields and keeps what was typed', async () => {
    const title = 'Tuyên truyền thử với số liệu sai';
    await openActivityForm(page, 'van');
    await typeDate(page, page.getByTestId('activity-date'), '10/08/2023');
    await typeDate(page, page.getByTestId('activity-end-date'), '01/08/2023');
    await pickOptions(page, page.getByTestId('activity-communes'), ['hop thanh']);
    await page.getByTestId('activity-title').fill(title);
    await page.getByTestId('measure-km').fill('-5');
    await page.getByTestId('measure-minutes').fill('60');
    await page.getByTestId('activity-save').click();

    const form = page.getByTestId('activity-form');
    /** The message shown under the field holding `testId` (polled: antd animates it in). */
    const messageOf = (testId: string) => () =>
      form
        .locator('.ant-form-item')
        .filter({ has: page.getByTestId(testId) })
        .locator('.ant-form-item-explain')
        .innerText();
    await expect
      .poll(messageOf('activity-end-date'))
      .toBe('Ngày kết thúc không được trước ngày thực hiện.');
    await expect.poll(messageOf('measure-km')).toBe('Số km không được là số âm.');
    await expect.poll(messageOf('measure-sessions')).toBe('Hãy nhập số buổi (0 nếu không có).');
    expect(await page.getByTestId('activity-title').inputValue()).toBe(title);
    expect(await page.getByTestId('measure-km').inputValue()).toBe('-5');
    await shot(page, '08-invalid-form');

    // Closing the dialog loses nothing: the draft comes back when the form opens again.
    await page.getByTestId('activity-cancel').click();
    await expect.poll(() => form.isVisible()).toBe(false);
    await openActivityForm(page, 'van');
    await expect.poll(() => page.getByTestId('activity-title').inputValue()).toBe(title);
    await page.getByTestId('activity-discard-draft').click();
    expect(await page.getByTestId('activity-title').inputValue()).toBe('');
    await page.getByTestId('activity-cancel').click();
    expect(s.core.activities.list({})).toHaveLength(4);
  });

  it('edits a row (Ctrl+Enter in the notes saves) and copies the last activity', async () => {
    const van = page
      .getByTestId('logbook-table')
      .locator('.ant-table-row')
      .filter({ hasText: 'lưu động hưởng ứng' });
    await van.getByTestId('row-edit').click();
    const form = page.getByTestId('activity-form');
    await expect.poll(() => page.getByTestId('activity-audience').inputValue()).toBe('1.200');
    await page.getByTestId('activity-audience').fill('1300');
    await page.getByTestId('activity-notes').fill('Đi qua 5 thôn');
    await page.getByTestId('activity-notes').press('Control+Enter');
    await expect.poll(() => form.isVisible()).toBe(false);
    await expect.poll(() => page.getByTestId('totals-audience').innerText()).toBe('3.350');
    expect(s.core.activities.list({ channels: ['van'] })[0]?.notes).toBe('Đi qua 5 thôn');

    // "Sao chép lần trước" fills everything but the date.
    await openActivityForm(page, 'van');
    await page.getByTestId('activity-copy-latest').click();
    await expect
      .poll(() => page.getByTestId('activity-title').inputValue())
      .toBe(ACTIVITIES[0]!.title);
    expect(await page.getByTestId('measure-km').inputValue()).toBe('45');
    expect(await page.getByTestId('activity-date').inputValue()).toBe('');
    await page.getByTestId('activity-cancel').click();
    await expect.poll(() => form.isVisible()).toBe(false);
    // The copy was kept as a draft; throw it away.
    await openActivityForm(page, 'van');
    await page.getByTestId('activity-discard-draft').click();
    expect(await page.getByTestId('activity-title').inputValue()).toBe('');
    await page.getByTestId('activity-cancel').click();
    await expect.poll(() => form.isVisible()).toBe(false);
  });

  it('deletes with undo and shows the history of a row', async () => {
    const cinema = page
      .getByTestId('logbook-table')
      .locator('.ant-table-row')
      .filter({ hasText: 'Chiếu phim lưu động' });
    await cinema.getByTestId('row-delete').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Xóa' }).click();
    await expect.poll(async () => (await tableTexts(page)).length).toBe(3);
    await page.getByTestId('undo-delete').click();
    await expect.poll(async () => (await tableTexts(page)).length).toBe(4);

    await cinema.getByTestId('row-history').click();
    const drawer = page.getByTestId('audit-drawer');
    await expect.poll(() => drawer.getByTestId('audit-entry').count()).toBe(3);
    // The toast of the undo is still up: it shows below the drawer's title, not over it.
    const toast = await page.locator('.ant-message-notice').first().boundingBox();
    const title = await page.locator('.ant-drawer-header:visible').boundingBox();
    expect(toast).not.toBeNull();
    expect(toast!.y).toBeGreaterThanOrEqual(title!.y + title!.height);
    const text = await drawer.innerText();
    expect(text).toContain('Tạo mới');
    expect(text).toContain('Xóa');
    expect(text).toContain('Khôi phục');
    expect(text).toContain('Số buổi chiếu');
    await shot(page, '09-history');
  });

  it('keeps a commune dropped from the profile when an old activity is edited', async () => {
    // The radio activity names Xã Thụy Hùng; the office then drops it from its list.
    const view = s.core.profile.get()!;
    s.core.profile.save(
      ProfileSchema.parse({
        office: view.office,
        communes: view.communes
          .filter((c) => c.active && c.name !== 'Xã Thụy Hùng')
          .map(({ code, name, flags }) => ({ code, name, flags })),
      }),
    );
    await page.reload();
    const radio = page
      .getByTestId('logbook-table')
      .locator('.ant-table-row')
      .filter({ hasText: 'truyền thanh xã' });
    await radio.getByTestId('row-edit').click();
    const form = page.getByTestId('activity-form');
    await expect.poll(() => form.isVisible()).toBe(true);
    await page.getByTestId('activity-audience').fill('1250');
    await page.getByTestId('activity-save').click();
    await expect.poll(() => form.isVisible(), { timeout: 10_000 }).toBe(false);
    const stored = s.core.activities.list({ channels: ['radio'] })[0]!;
    expect(stored.audience).toBe(1250);
    expect(stored.communes).toEqual(['Xã Hợp Thành', 'Xã Thụy Hùng']);
  });

  it('shows the rows of an exported quarter locked, their edit and delete disabled', async () => {
    // One activity after the quarter, which stays open.
    s.core.activities.importMany(
      [
        {
          id: 'q4-banner',
          channel: 'banner',
          date: '2023-10-02',
          communes: ['Xã Hợp Thành'],
          themes: ['trafficking'],
          title: 'Treo băng rôn quý IV',
          audience: 0,
          costVnd: 0,
          measures: { pieces: 4 },
        },
      ],
      (i) => ({ vi: `#${i}`, en: `#${i}` }),
    );
    // The office also reports on drugs (first run), with no such activity: a nil report.
    await s.core.packages.export('2023-Q3', { allowEmpty: true });
    await page.reload();
    const rows = page.getByTestId('logbook-table').locator('.ant-table-row');
    await expect.poll(() => rows.count()).toBe(5);

    const van = rows.filter({ hasText: 'lưu động hưởng ứng' });
    await van.getByTestId('row-locked').waitFor();
    expect(await van.getByTestId('row-edit').isDisabled()).toBe(true);
    expect(await van.getByTestId('row-delete').isDisabled()).toBe(true);
    expect(await page.getByTestId('row-locked').count()).toBe(4);
    await van.getByTestId('row-locked').hover();
    const tooltip = page.locator('.ant-tooltip:not(.ant-tooltip-hidden)');
    await expect
      .poll(() => tooltip.innerText())
      .toBe('Thuộc quý III năm 2023 đã xuất gói: muốn sửa, hãy mở khóa ở màn hình Báo cáo');
    await shot(page, '10-locked-rows');
    // A double click opens no form on a locked row.
    await van.dblclick();
    await page.waitForTimeout(300);
    expect(await page.getByTestId('activity-form').count()).toBe(0);

    const open = rows.filter({ hasText: 'Treo băng rôn quý IV' });
    expect(await open.getByTestId('row-locked').count()).toBe(0);
    expect(await open.getByTestId('row-edit').isEnabled()).toBe(true);
  });
});
