// Photos as evidence in real Chromium: a camera photo dropped on the activity form shows
// its thumbnail and a warning that it was taken far from the activity's date; more come
// through the file picker, where a file that is not an image is refused in Vietnamese while
// the others are added; after saving, the logbook row counts them and the viewer shows them
// one by one with the arrow keys; the history says which photos were added. Screenshots go
// to /tmp/photo-ui/ (the form's is the user guide's picture).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ActivityPhoto } from '../../shared/photos';
import { cameraJpeg, plainPng } from '../fixtures/photos';
import {
  openActivityForm,
  openSession,
  pickOptions,
  seedQuarter,
  tableTexts,
  typeDate,
  type Session,
} from './helpers';

const SHOTS = '/tmp/photo-ui';
const TITLE = 'Tuyên truyền lưu động có ảnh minh chứng tại chợ phiên';

let s: Session;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  s = await openSession();
  seedQuarter(s.core);
  page = s.page;
  await page.goto(s.server.url);
  await page.getByTestId('logbook').waitFor();
}, 120_000);

afterAll(async () => {
  await s?.close();
});

const cards = () => page.getByTestId('photo-card');

/** Drops one file on the photo section, as a person drags it from the file manager. */
async function dropFile(bytes: Buffer, fileName: string, type: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ base64, name, mime }) => {
      const raw = atob(base64);
      const data = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
      const t = new DataTransfer();
      t.items.add(new File([data], name, { type: mime }));
      return t;
    },
    { base64: bytes.toString('base64'), name: fileName, mime: type },
  );
  const target = page.getByTestId('photo-section');
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await expect.poll(() => page.getByTestId('photo-drop-over').isVisible()).toBe(true);
  if (fileName === 'IMG_2041.JPG') await page.screenshot({ path: `${SHOTS}/form-drop-over.png` });
  // The logbook under the dialog does not take the photo for a spreadsheet.
  expect(await page.getByTestId('sheet-drop-over').count()).toBe(0);
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}

describe('photos of an activity', () => {
  it('takes a dropped camera photo and points out its far date', async () => {
    await openActivityForm(page, 'van');
    await typeDate(page, page.getByTestId('activity-date'), '28/07/2023');
    await pickOptions(page, page.getByTestId('activity-communes'), ['hop thanh']);
    await page.getByTestId('measure-sessions').fill('2');
    await page.getByTestId('measure-km').fill('12');
    await page.getByTestId('measure-minutes').fill('90');
    await page.getByTestId('activity-audience').fill('350');
    await page.getByTestId('activity-title').fill(TITLE);

    const jpeg = await cameraJpeg({ orientation: 6, taken: '2023:05:12 08:00:00' });
    await dropFile(jpeg, 'IMG_2041.JPG', 'image/jpeg');
    await expect.poll(() => cards().count()).toBe(1);
    await expect.poll(() => cards().first().getByTestId('photo-thumb-img').isVisible()).toBe(true);
    expect(await cards().first().getByTestId('photo-name').innerText()).toBe('IMG_2041.JPG');
    expect(await cards().first().getByTestId('photo-date-warning').innerText()).toContain(
      'Ảnh chụp ngày 12/05/2023, cách ngày hoạt động 77 ngày',
    );
    // Sent with the package by default, not printed in the report.
    expect(await cards().first().getByTestId('photo-send').isChecked()).toBe(true);
    expect(await cards().first().getByTestId('photo-in-report').isChecked()).toBe(false);
  });

  it('adds through the file picker and refuses a file that is not an image', async () => {
    const onDay = await cameraJpeg({ taken: '2023:07:28 09:30:00', colour: '#36c' });
    // Slowed down, so that the progress of several files can be seen.
    const add = (url: URL) => url.pathname.endsWith('/photos:add');
    await page.route(add, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await page.getByTestId('photo-input').setInputFiles([
      { name: 'cho-phien.jpg', mimeType: 'image/jpeg', buffer: onDay },
      { name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải ảnh') },
      { name: 'so-do.png', mimeType: 'image/png', buffer: await plainPng() },
    ]);
    await expect
      .poll(() => page.getByTestId('photo-progress').innerText())
      .toMatch(/^Đang xử lý ảnh [23]\/3…/);
    // Saving waits for the files still being read.
    expect(await page.getByTestId('activity-save').isDisabled()).toBe(true);
    await page.getByTestId('photo-progress').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/form-progress.png` });
    await expect.poll(() => cards().count()).toBe(3);
    await expect.poll(() => page.getByTestId('photo-progress').count()).toBe(0);
    await page.unroute(add);
    const notices = page.getByTestId('photo-notice');
    await expect.poll(() => notices.count()).toBe(1);
    expect(await notices.innerText()).toContain('Tệp ghi-chu.txt không phải ảnh');
    expect(await page.getByTestId('photo-name').allInnerTexts()).toEqual([
      'IMG_2041.JPG',
      'cho-phien.jpg',
      'so-do.png',
    ]);
    // The photo taken on the day has its date and no warning.
    expect(await cards().nth(1).getByTestId('photo-taken').innerText()).toBe(
      'Chụp ngày 28/07/2023',
    );
    expect(await page.getByTestId('photo-date-warning').count()).toBe(1);
    await cards().nth(1).getByTestId('photo-in-report').click();
    await expect
      .poll(async () => {
        await page.waitForTimeout(150);
        return cards().first().getByTestId('photo-thumb-img').isVisible();
      })
      .toBe(true);
    await page.getByTestId('photo-section').scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${SHOTS}/form-photos-refused.png` });
    await page.getByTestId('photo-notice').locator('.ant-alert-close-icon').click();
    await expect.poll(() => page.getByTestId('photo-notice').count()).toBe(0);
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${SHOTS}/form-photos.png` });
    // A thumbnail opens the viewer over the form; Esc closes the viewer only.
    await cards().nth(2).getByTestId('photo-card-open').click();
    await expect.poll(() => page.getByTestId('photo-viewer-title').innerText()).toBe('Ảnh 3/3');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('photo-viewer-title').count()).toBe(0);
    expect(await page.getByTestId('activity-form').isVisible()).toBe(true);
  });

  it('attaches the photos on save; the logbook counts them', async () => {
    await page.getByTestId('activity-save').click();
    await expect
      .poll(() => page.getByTestId('activity-form').isVisible(), { timeout: 10_000 })
      .toBe(false);
    await expect
      .poll(async () => (await tableTexts(page)).some((t) => t.includes(TITLE)))
      .toBe(true);
    const row = page
      .getByTestId('logbook-table')
      .locator('.ant-table-row')
      .filter({ hasText: TITLE });
    await expect.poll(() => row.getByTestId('row-photos').innerText()).toBe('3');
    const id = s.core.activities.list({ search: 'cho phien' })[0]!.id;
    const answer = await s.core.call('activities:photos', { id });
    if (!answer.ok) throw new Error(answer.error.message);
    const stored = answer.value as ActivityPhoto[];
    expect(stored.map((p) => [p.fileName, p.send, p.inReport])).toEqual([
      ['IMG_2041.JPG', true, false],
      ['cho-phien.jpg', true, true],
      ['so-do.png', true, false],
    ]);
    // Turned upright: the camera stored 800 × 600 with orientation 6.
    expect([stored[0]!.width, stored[0]!.height]).toEqual([600, 800]);
  });

  it('shows them one by one in the viewer, moved with the arrow keys', async () => {
    const row = page
      .getByTestId('logbook-table')
      .locator('.ant-table-row')
      .filter({ hasText: TITLE });
    await row.getByTestId('row-photos').click();
    const viewer = page.getByTestId('photo-viewer-title');
    await expect.poll(() => viewer.innerText()).toBe('Ảnh 1/3');
    await expect.poll(() => page.getByTestId('photo-viewer-img').isVisible()).toBe(true);
    expect(await page.getByTestId('photo-viewer-meta').innerText()).toContain('IMG_2041.JPG');
    expect(await page.getByTestId('photo-viewer-meta').innerText()).toContain(
      'Chụp ngày 12/05/2023',
    );
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => viewer.innerText()).toBe('Ảnh 2/3');
    await expect
      .poll(() => page.getByTestId('photo-viewer-meta').innerText())
      .toContain('cho-phien.jpg');
    await expect.poll(() => page.getByTestId('photo-viewer-img').isVisible()).toBe(true);
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${SHOTS}/viewer.png` });
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => viewer.innerText()).toBe('Ảnh 1/3');
    await page.screenshot({ path: `${SHOTS}/viewer-first.png` });
    await page.getByTestId('photo-viewer-next').click();
    await page.getByTestId('photo-viewer-next').click();
    await expect.poll(() => viewer.innerText()).toBe('Ảnh 3/3');
    await page.keyboard.press('Escape');
    await expect.poll(() => viewer.isVisible()).toBe(false);
  });

  it('says in the history which photos were added and removed', async () => {
    const row = page
      .getByTestId('logbook-table')
      .locator('.ant-table-row')
      .filter({ hasText: TITLE });
    await row.getByTestId('row-edit').click();
    await expect.poll(() => cards().count()).toBe(3);
    // A screenshot pasted with Ctrl+V (the clipboard names it "image.png").
    const pasted = (await plainPng(120, 80)).toString('base64');
    await page.evaluate((base64) => {
      const raw = atob(base64);
      const data = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
      const t = new DataTransfer();
      t.items.add(new File([data], 'image.png', { type: 'image/png' }));
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: t, bubbles: true }));
    }, pasted);
    await expect.poll(() => cards().count()).toBe(4);
    const pastedName = await cards().nth(3).getByTestId('photo-name').innerText();
    expect(pastedName).toMatch(/^anh-dan-\d\d-\d\d-\d\d\.png$/);
    await cards().nth(2).getByTestId('photo-remove').click();
    await expect.poll(() => cards().count()).toBe(3);
    await page.getByTestId('activity-save').click();
    await expect
      .poll(() => page.getByTestId('activity-form').isVisible(), { timeout: 10_000 })
      .toBe(false);
    await expect.poll(() => row.getByTestId('row-photos').innerText()).toBe('3');
    await row.getByTestId('row-history').click();
    const changes = page.getByTestId('audit-photos');
    await expect.poll(() => changes.count()).toBe(2);
    // Only the photos changed: no empty "Sửa" entry for the activity's own fields.
    expect(await page.getByTestId('audit-entry').count()).toBe(3);
    expect(await changes.allInnerTexts()).toEqual([
      `thêm ${pastedName}; bỏ so-do.png`,
      'thêm IMG_2041.JPG, cho-phien.jpg, so-do.png',
    ]);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/history.png` });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-drawer-content-wrapper:visible').count()).toBe(0);
  });

  it('keeps the form and its photos when they could not be attached, and saves once', async () => {
    const title = 'Xe tuyên truyền có ảnh, lần gắn ảnh đầu bị lỗi';
    await openActivityForm(page, 'van');
    await typeDate(page, page.getByTestId('activity-date'), '29/07/2023');
    await pickOptions(page, page.getByTestId('activity-communes'), ['hop thanh']);
    for (const [key, value] of [
      ['sessions', '1'],
      ['km', '5'],
      ['minutes', '30'],
    ]) {
      await page.getByTestId(`measure-${key}`).fill(value!);
    }
    await page.getByTestId('activity-title').fill(title);
    await dropFile(await cameraJpeg({ colour: '#c63' }), 'xe.jpg', 'image/jpeg');
    await expect.poll(() => cards().count()).toBe(1);
    // The engine refuses the photos once (a full disk, a period locked meanwhile).
    const setPhotos = (url: URL) => url.pathname.endsWith('/activities:setPhotos');
    await page.route(setPhotos, (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          ok: false,
          error: { code: 'internal', message: 'Ổ đĩa đầy, không ghi được tệp.' },
        }),
      }),
    );
    await page.getByTestId('activity-save').click();
    await expect
      .poll(() => page.getByTestId('activity-error').innerText())
      .toContain('Đã lưu hoạt động nhưng chưa gắn được ảnh: Ổ đĩa đầy, không ghi được tệp.');
    expect(await page.getByTestId('activity-form').isVisible()).toBe(true);
    expect(await cards().count()).toBe(1);
    expect(s.core.activities.list({ search: 'lan gan anh dau' })).toHaveLength(1);
    await page.unroute(setPhotos);
    await page.getByTestId('activity-save').click();
    await expect
      .poll(() => page.getByTestId('activity-form').isVisible(), { timeout: 10_000 })
      .toBe(false);
    const saved = s.core.activities.list({ search: 'lan gan anh dau' });
    expect(saved).toHaveLength(1);
    const answer = await s.core.call('activities:photos', { id: saved[0]!.id });
    expect(answer.ok && (answer.value as ActivityPhoto[]).map((p) => p.fileName)).toEqual([
      'xe.jpg',
    ]);
  });
});
