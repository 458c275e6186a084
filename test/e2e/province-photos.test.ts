// Photos as evidence at both ends, in real Chromium through browser mode. An office (made in
// Node with the real export code) attaches photos to an activity and exports; the province
// takes the package in on screen, opens the office's activities from the merged report, sees
// the activity's thumbnails and opens the viewer on the reduced copy. At an office desk, the
// export confirmation says how many photos travel and against which limit, the settings
// save a limit of 5 MB, and an export over the limit keeps the confirmation open with the
// engine's sentence naming the photos. Screenshots go to /tmp/province-photos/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Core } from '../../electron/core/index';
import type { DeskSettings } from '../../shared/inbox';
import type { PhotoView } from '../../shared/photos';
import { cameraJpeg } from '../fixtures/photos';
import { PROVINCE_PROFILE } from '../fixtures/province';
import { OFFICES, openOffice, quarterActivities, type Office } from '../fixtures/offices';
import { openSession, pickQuarter, pickQuarterIn, seedQuarter, type Session } from './helpers';

const SHOTS = '/tmp/province-photos';

async function ok<T>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

async function addPhotos(core: Core, photos: Parameters<typeof cameraJpeg>[0][]) {
  const out: PhotoView[] = [];
  for (const [i, o] of photos.entries()) {
    out.push(
      await ok<PhotoView>(core, 'photos:add', {
        fileName: `IMG_10${String(i).padStart(2, '0')}.jpg`,
        base64: (await cameraJpeg(o)).toString('base64'),
      }),
    );
  }
  return out;
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400); // antd's open animations
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** Whether the image has decoded pixels: a data URL that fails to decode has naturalWidth 0. */
const decoded = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .first()
    .evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)
    .catch(() => 0);

beforeAll(() => {
  fs.mkdirSync(SHOTS, { recursive: true });
});

describe('photos at the province', () => {
  let root: string;
  let office: Office;
  let pkgFile: string;
  let withPhotos: string;
  let s: Session;
  let page: Page;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'tuyentruyen-province-photos-'));
    office = await openOffice(OFFICES[0]!, root);
    office.add(quarterActivities('2023-Q3', 6, 910));
    const ids = office.core.activities.list({ period: '2023-Q3' }).map((a) => a.id);
    withPhotos = ids[1]!;
    const photos = await addPhotos(office.core, [
      { colour: '#2a6', width: 1200, height: 900, taken: '2023:08:02 09:00:00' },
      { colour: '#36c', width: 900, height: 1200 },
      { colour: '#c63', width: 1600, height: 900, taken: '2023:08:02 10:30:00' },
    ]);
    await ok(office.core, 'activities:setPhotos', {
      id: withPhotos,
      photos: photos.map((p) => ({ sha256: p.sha256 })),
    });
    pkgFile = (await office.export('2023-Q3', path.join(root, 'out'))).path;

    s = await openSession();
    page = s.page;
    await ok(s.core, 'settings:saveDesks', { office: false, province: true, deadlineDays: 10 });
    await ok(s.core, 'profile:save', PROVINCE_PROFILE);
    await ok(s.core, 'trust:addCertificate', {
      base64: Buffer.from(await office.certificatePem()).toString('base64'),
    });
    await page.goto(s.server.url);
  }, 120_000);

  afterAll(async () => {
    await s?.close();
    office?.close();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('takes the package in', async () => {
    await page.getByTestId('inbox').waitFor();
    await page.getByTestId('inbox-drop').locator('input[type=file]').first().setInputFiles(pkgFile);
    await expect
      .poll(() => page.getByTestId('inbox-progress-text').innerText())
      .toContain('1 đã tiếp nhận');
  });

  it('shows the activity’s photos in the office’s drill-down, and the viewer', async () => {
    await page.getByTestId('menu-merged').click();
    await page.getByTestId('merged').waitFor();
    await pickQuarterIn(page, 'province-period', 2023, 3);
    await page.getByTestId('merged-tab-offices').click();
    await page.getByTestId(`merged-office-activities-${OFFICES[0]!.code}`).click();
    await page.getByTestId('drill-title').waitFor();

    // Only the activity with photos has the camera, with its count; nothing is loaded yet.
    const camera = page.getByTestId(`drill-photos-${withPhotos}`);
    await expect.poll(() => camera.innerText()).toBe('3');
    expect(await page.locator('[data-testid^="drill-photos-"]').count()).toBe(1);
    expect(await page.getByTestId('drill-photo').count()).toBe(0);

    await camera.click();
    const strip = page.getByTestId(`drill-photo-strip-${withPhotos}`);
    await strip.waitFor();
    await expect.poll(() => strip.getByTestId('photo-thumb-img').count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      await expect
        .poll(() =>
          strip
            .getByTestId('photo-thumb-img')
            .nth(i)
            .evaluate((img) => (img as HTMLImageElement).naturalWidth),
        )
        .toBeGreaterThan(0);
    }
    await screenshot(page, '01-drill-photos');

    await strip.getByTestId('drill-photo').nth(2).click();
    // The modal's root has no box of its own: its title shows that it opened.
    await page.getByTestId('photo-viewer-title').waitFor();
    await expect.poll(() => decoded(page, 'photo-viewer-img')).toBeGreaterThan(0);
    expect(await page.getByTestId('photo-viewer-title').innerText()).toBe(
      'Ảnh minh chứng — Ảnh 3/3',
    );
    const meta = await page.getByTestId('photo-viewer-meta').innerText();
    expect(meta).toContain('Chụp ngày 02/08/2023');
    expect(meta).toContain('1600 × 900 điểm ảnh');
    expect(meta).toContain(OFFICES[0]!.name);
    await screenshot(page, '02-viewer');

    await page.keyboard.press('ArrowLeft');
    await expect
      .poll(() => page.getByTestId('photo-viewer-title').innerText())
      .toBe('Ảnh minh chứng — Ảnh 2/3');
    await expect.poll(() => decoded(page, 'photo-viewer-img')).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await page.getByTestId('photo-viewer-title').waitFor({ state: 'detached' });
    // The drawer stays, with the row still open.
    expect(await strip.isVisible()).toBe(true);
    await camera.click();
    await strip.waitFor({ state: 'detached' });
  });
});

describe('photos at the office: the export confirmation and the package limit', () => {
  let s: Session;
  let page: Page;
  let activity: { id: string; title: string };

  beforeAll(async () => {
    s = await openSession({ passphrase: 'mật khẩu thử nghiệm' });
    page = s.page;
    seedQuarter(s.core);
    const list = s.core.activities.list({ period: '2023-Q3' });
    activity = list[0]!;
    const photos = await addPhotos(s.core, [
      { colour: '#2a6', width: 1200, height: 900 },
      { colour: '#36c', width: 1200, height: 900 },
    ]);
    await ok(s.core, 'activities:setPhotos', {
      id: activity.id,
      photos: photos.map((p) => ({ sha256: p.sha256 })),
    });
    await page.goto(s.server.url);
    await page.getByTestId('logbook').waitFor();
  }, 120_000);

  afterAll(async () => {
    await s?.close();
  });

  it('says how many photos the package carries and the limit', async () => {
    await page.getByTestId('menu-report').click();
    await page.getByTestId('report').waitFor();
    await pickQuarter(page, 2023, 3);
    await page.getByTestId('export-button').click();
    const line = page.getByTestId('export-confirm-photos');
    await line.waitFor();
    expect(await line.innerText()).toMatch(/^Kèm 2 ảnh \(\d+(,\d)? KB\); giới hạn gói 20 MB$/);
    expect(await line.getAttribute('data-level')).toBe('ok');
    await screenshot(page, '03-export-confirm');
    await page.getByTestId('export-confirm-cancel').click();
    await page.getByTestId('export-confirm').waitFor({ state: 'detached' });
  });

  it('saves the package limit in the settings', async () => {
    await page.getByTestId('menu-settings').click();
    const field = page.getByTestId('package-limit');
    await expect.poll(() => field.inputValue()).toBe('20');
    await field.fill('5');
    await page.getByTestId('package-limit-save').click();
    await expect
      .poll(async () => (await ok<DeskSettings>(s.core, 'settings:getDesks', {})).packageLimitMb)
      .toBe(5);
    // The desks themselves are kept as they were.
    expect(await ok<DeskSettings>(s.core, 'settings:getDesks', {})).toMatchObject({
      office: true,
      province: false,
    });
    await screenshot(page, '04-settings');
  });

  it('keeps the confirmation open with the photos to untick when the package is too large', async () => {
    const heavy = await addPhotos(
      s.core,
      // Sizes differ so that each is its own photo (the same pixels would be one).
      [0, 1, 2, 3].map((i) => ({ width: 2000 + i * 8, height: 1500, noise: true })),
    );
    const other = s.core.activities.list({ period: '2023-Q3' })[1]!;
    await ok(s.core, 'activities:setPhotos', {
      id: other.id,
      photos: heavy.map((p) => ({ sha256: p.sha256 })),
    });
    await ok(s.core, 'settings:saveDesks', {
      office: true,
      province: false,
      deadlineDays: 10,
      packageLimitMb: 1,
    });
    await page.getByTestId('menu-report').click();
    await page.getByTestId('report').waitFor();
    await page.getByTestId('export-button').click();
    const line = page.getByTestId('export-confirm-photos');
    await line.waitFor();
    expect(await line.getAttribute('data-level')).toBe('over');
    expect(await line.innerText()).toContain('Kèm 6 ảnh');
    await page.getByTestId('export-confirm-ok').click();
    const error = page.getByTestId('export-confirm-error');
    await error.waitFor();
    const said = await error.innerText();
    expect(said).toContain('Chưa xuất được gói dữ liệu');
    expect(said).toContain('quá giới hạn');
    expect(said).toContain(other.title.slice(0, 40));
    // The confirmation stays; the card under it does not repeat the sentence.
    expect(await page.getByTestId('export-confirm').isVisible()).toBe(true);
    expect(await page.getByTestId('export-error').count()).toBe(0);
    await screenshot(page, '05-export-too-large');
    await page.getByTestId('export-confirm-cancel').click();
    await page.getByTestId('export-error').waitFor();
  });
});
