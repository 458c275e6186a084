// `tuyentruyen activities attach ID FILE…` through the real command: every file checked
// before any is attached, one line per photo with its camera date, refusals named.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import type { ActivityPhoto } from '../../shared/photos';
import { cameraJpeg } from '../fixtures/photos';
import { cli, PROFILE, tempDir, writeJson } from './helpers';

let dir: string;
let data: string[];

async function photosOf(id: string): Promise<ActivityPhoto[]> {
  const core = createCore({ dataDir: dir, mode: 'cli' });
  try {
    const r = await core.call('activities:photos', { id });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as ActivityPhoto[];
  } finally {
    core.close();
  }
}

beforeEach(() => {
  dir = tempDir('tt-attach-');
  data = ['--data-dir', dir];
  expect(cli(['setup', '--profile', PROFILE, ...data]).status).toBe(0);
  const file = writeJson(dir, 'a.json', [
    {
      id: 'v1',
      channel: 'van',
      date: '2023-07-28',
      communes: ['Xã Hợp Thành'],
      themes: ['trafficking'],
      title: 'Tuyên truyền lưu động',
      measures: { sessions: 1, km: 10, minutes: 60 },
    },
  ]);
  expect(cli(['activities', 'import', file, ...data]).status).toBe(0);
});

describe('activities attach', () => {
  it('attaches photos with their camera dates, pointing out one taken far from the activity', async () => {
    const near = path.join(dir, 'IMG_0728.jpg');
    const far = path.join(dir, 'IMG_0512.jpg');
    fs.writeFileSync(near, await cameraJpeg({ taken: '2023:07:28 08:00:00', colour: '#a33' }));
    fs.writeFileSync(
      far,
      await cameraJpeg({ taken: '2023:05:12 08:00:00', orientation: 6, colour: '#3a3' }),
    );
    const r = cli(['activities', 'attach', 'v1', near, far, '--report', ...data]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      'IMG_0728.jpg: 800×600, chụp ngày 28/07/2023',
      'IMG_0512.jpg: 600×800, chụp ngày 12/05/2023 (cách ngày hoạt động 77 ngày, hãy kiểm tra lại)',
      'Đã gắn 2 ảnh vào hoạt động v1 (nay có 2 ảnh).',
    ]);
    expect((await photosOf('v1')).map((p) => [p.fileName, p.send, p.inReport])).toEqual([
      ['IMG_0728.jpg', true, true],
      ['IMG_0512.jpg', true, true],
    ]);
    // The same file again is already there; nothing is attached twice.
    const again = cli(['activities', 'attach', 'v1', near, '--lang', 'en', ...data]);
    expect(again.stdout.trim().split('\n')).toEqual([
      'IMG_0728.jpg: 800×600, taken 2023-07-28, already attached',
      'Attached 0 photos to activity v1 (2 in all).',
    ]);
  });

  it('attaches none when one file is not a photo, and says how to call it', async () => {
    const good = path.join(dir, 'tot.jpg');
    const bad = path.join(dir, 'bao-cao.jpg');
    fs.writeFileSync(good, await cameraJpeg());
    fs.writeFileSync(bad, 'không phải ảnh');
    const r = cli(['activities', 'attach', 'v1', good, bad, ...data]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('Tệp bao-cao.jpg không phải ảnh (JPEG, PNG hoặc WebP).');
    expect(await photosOf('v1')).toEqual([]);

    const missing = cli(['activities', 'attach', 'v1', path.join(dir, 'khong-co.jpg'), ...data]);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe(`Không đọc được tệp ${path.join(dir, 'khong-co.jpg')}.`);
    const unknown = cli(['activities', 'attach', 'v9', good, ...data]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr.trim()).toBe('Không tìm thấy hoạt động có mã "v9".');
    const usage = cli(['activities', 'attach', 'v1', ...data]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('cần mã hoạt động và ít nhất một tệp ảnh');
    expect(await photosOf('v1')).toEqual([]);
  });
});
