import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import type { Input } from '../../shared/contract';
import type { PhotoView } from '../../shared/photos';
import profile from '../fixtures/profile.json';
import { cameraJpeg, plainPng } from '../fixtures/photos';
import { tempDir } from './helpers';

let core: Core;
let dir: string;

const van: Input<'activities:create'> = {
  id: 'v1',
  channel: 'van',
  date: '2023-07-28',
  communes: ['CL-HT'],
  themes: ['trafficking'],
  title: 'Tuyên truyền lưu động',
  audience: 100,
  measures: { sessions: 1, km: 10, minutes: 60 },
};

async function ok<T>(method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

async function refused(method: string, input: unknown) {
  const r = await core.call(method, input);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error;
}

const add = (fileName: string, bytes: Buffer) =>
  ok<PhotoView>('photos:add', { fileName, base64: bytes.toString('base64') });

beforeEach(async () => {
  dir = tempDir();
  core = createCore({ dataDir: dir, mode: 'browser' });
  await ok('profile:save', JSON.parse(JSON.stringify(profile)));
  await ok('activities:create', van);
});
afterEach(() => core.close());

describe('adding a photo', () => {
  it('turns a phone photo upright, reads its camera date and keeps the original and a reduced copy by SHA-256', async () => {
    // Stored 2400 × 1800 with orientation 6: the photo is shown 1800 wide and 2400 high.
    const bytes = await cameraJpeg({
      width: 2400,
      height: 1800,
      orientation: 6,
      taken: '2023:07:26 08:30:00',
    });
    const photo = await add('IMG_2041.JPG', bytes);
    expect(photo).toMatchObject({
      fileName: 'IMG_2041.JPG',
      mime: 'image/jpeg',
      size: bytes.length,
      width: 1800,
      height: 2400,
      takenAt: '2023-07-26T08:30:00',
    });
    expect(photo.reduced).toMatchObject({ width: 1200, height: 1600 });
    const original = path.join(dir, 'photos', photo.sha256.slice(0, 2), `${photo.sha256}.jpg`);
    expect(fs.readFileSync(original).equals(bytes)).toBe(true);
    const reducedFile = path.join(
      dir,
      'photos',
      photo.reduced.sha256.slice(0, 2),
      `${photo.reduced.sha256}.jpg`,
    );
    const reduced = fs.readFileSync(reducedFile);
    expect(reduced.length).toBe(photo.reduced.size);
    // Upright pixels, no orientation tag left to apply twice, and no metadata (no GPS) kept.
    const meta = await sharp(reduced).metadata();
    expect([meta.width, meta.height, meta.orientation, meta.exif]).toEqual([
      1200,
      1600,
      undefined,
      undefined,
    ]);
    // The red band along the stored top is now on the right side of the upright photo.
    const { data, info } = await sharp(reduced).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => {
      const i = (y * info.width + x) * info.channels;
      return [data[i]!, data[i + 1]!, data[i + 2]!];
    };
    expect(at(info.width - 5, 800)[0]).toBeGreaterThan(200);
    expect(at(info.width - 5, 800)[1]).toBeLessThan(60);
    expect(at(5, 800)[0]).toBeLessThan(120);

    // The same bytes again are the same photo, stored once.
    const again = await add('copy.jpg', bytes);
    expect(again.sha256).toBe(photo.sha256);
    expect(again.fileName).toBe('IMG_2041.JPG');
  });

  it('accepts a PNG and refuses what is not a JPEG, PNG or WebP image, writing nothing', async () => {
    const png = await add('so-do.png', await plainPng());
    expect(png.mime).toBe('image/png');
    expect(png.takenAt).toBeNull();
    const before = fs.readdirSync(path.join(dir, 'photos')).length;
    const text = await refused('photos:add', {
      fileName: 'bao-cao.jpg',
      base64: Buffer.from('không phải ảnh').toString('base64'),
    });
    expect(text.message).toBe('Tệp bao-cao.jpg không phải ảnh (JPEG, PNG hoặc WebP).');
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    expect(
      (await refused('photos:add', { fileName: 'a.gif', base64: gif.toString('base64') })).message,
    ).toContain('chỉ nhận ảnh JPEG, PNG hoặc WebP');
    const whole = await cameraJpeg();
    const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
    expect(
      (await refused('photos:add', { fileName: 'cut.jpg', base64: cut.toString('base64') }))
        .message,
    ).toBe('Tệp cut.jpg là ảnh bị hỏng hoặc chưa chép xong (không đọc được hết).');
    expect(fs.readdirSync(path.join(dir, 'photos')).length).toBe(before);
  });
});

describe("an activity's photos", () => {
  it('attaches, orders and flags photos in one audited change, counted in the logbook', async () => {
    const a = await add('a.jpg', await cameraJpeg({ colour: '#123' }));
    const b = await add('b.jpg', await cameraJpeg({ colour: '#456' }));
    const set = await ok<{ sha256: string; send: boolean; inReport: boolean }[]>(
      'activities:setPhotos',
      {
        id: 'v1',
        photos: [
          { sha256: b.sha256, inReport: true },
          { sha256: a.sha256, send: false },
        ],
      },
    );
    expect(set.map((p) => [p.sha256, p.send, p.inReport])).toEqual([
      [b.sha256, true, true],
      [a.sha256, false, false],
    ]);
    const rows = await ok<{ id: string; photoCount: number }[]>('activities:list', {});
    expect(rows[0]).toMatchObject({ id: 'v1', photoCount: 2 });
    const audit = await ok<{ action: string; after: { photos?: unknown[] } }[]>(
      'activities:audit',
      { id: 'v1' },
    );
    expect(audit.at(-1)!.after.photos).toHaveLength(2);
    // An unknown photo is refused and changes nothing.
    const e = await refused('activities:setPhotos', {
      id: 'v1',
      photos: [{ sha256: 'f'.repeat(64) }],
    });
    expect(e.message).toContain('chưa có trong kho ảnh');
    expect(await ok<unknown[]>('activities:photos', { id: 'v1' })).toHaveLength(2);
  });

  it('keeps a deleted activity’s photos, and refuses photo changes in a locked period', async () => {
    const a = await add('a.jpg', await cameraJpeg());
    await ok('activities:setPhotos', { id: 'v1', photos: [{ sha256: a.sha256 }] });
    await ok('activities:delete', { id: 'v1' });
    expect(await ok<unknown[]>('activities:photos', { id: 'v1' })).toHaveLength(1);
    await ok('activities:restore', { id: 'v1' });
    core.locks.lock(core.report.period('2023-Q3'), 'ab'.repeat(32));
    expect((await refused('activities:setPhotos', { id: 'v1', photos: [] })).code).toBe('locked');
    expect(await ok<unknown[]>('activities:photos', { id: 'v1' })).toHaveLength(1);
  });

  it('gives thumbnails and reduced copies for the screens', async () => {
    const a = await add('a.jpg', await cameraJpeg({ width: 2000, height: 1000 }));
    const thumb = await ok<{ mime: string; base64: string; width: number }>('photos:image', {
      sha256: a.sha256,
      variant: 'thumb',
    });
    expect([thumb.mime, thumb.width]).toEqual(['image/jpeg', 320]);
    const meta = await sharp(Buffer.from(thumb.base64, 'base64')).metadata();
    expect([meta.width, meta.height]).toEqual([320, 160]);
  });
});

describe('photos in backups and transfers', () => {
  const storeFiles = (root: string) =>
    fs.existsSync(root)
      ? fs
          .readdirSync(root, { recursive: true, encoding: 'utf8' })
          .filter((n) => /\.(jpg|png|webp)$/.test(n))
          .sort()
      : [];

  it('keeps the photo files beside every backup and brings them back with a restore', async () => {
    const a = await add('IMG_1.jpg', await cameraJpeg({ colour: '#345' }));
    await ok('activities:setPhotos', { id: 'v1', photos: [{ sha256: a.sha256 }] });
    const backup = await ok<{ path: string }>('backup:make', {});
    const store = path.join(dir, 'photos');
    expect(storeFiles(path.join(dir, 'backups', 'photos'))).toEqual(storeFiles(store));
    expect(storeFiles(store)).toHaveLength(2); // the original and its reduced copy

    // The laptop's photo folder is lost; the backup brings the photos back with the data.
    fs.rmSync(store, { recursive: true });
    const e = await refused('photos:image', { sha256: a.sha256, variant: 'original' });
    expect(e.message).toContain('Hãy khôi phục thư mục ảnh từ bản sao lưu');
    await ok('backup:restore', { path: backup.path });
    expect(storeFiles(store)).toHaveLength(2);
    const original = await ok<{ base64: string }>('photos:image', {
      sha256: a.sha256,
      variant: 'original',
    });
    expect(Buffer.from(original.base64, 'base64').length).toBe(a.size);
  });

  it('moves the photos to another computer in the transfer file', async () => {
    const a = await add('IMG_1.jpg', await cameraJpeg({ colour: '#543' }));
    await ok('activities:setPhotos', { id: 'v1', photos: [{ sha256: a.sha256, inReport: true }] });
    const out = path.join(tempDir('tt-move-'), 'chuyen.ttmove');
    await ok('backup:transfer', { outFile: out, passphrase: 'mật khẩu chuyển máy 1' });
    const newDir = tempDir('tt-new-');
    const fresh = createCore({ dataDir: newDir, mode: 'cli' });
    try {
      const r = await fresh.call('backup:restore', {
        path: out,
        passphrase: 'mật khẩu chuyển máy 1',
      });
      if (!r.ok) throw new Error(r.error.message);
      expect(storeFiles(path.join(newDir, 'photos'))).toEqual(storeFiles(path.join(dir, 'photos')));
      const listed = await fresh.call('activities:photos', { id: 'v1' });
      expect(listed.ok && listed.value).toMatchObject([{ sha256: a.sha256, inReport: true }]);
      const image = await fresh.call('photos:image', { sha256: a.sha256, variant: 'original' });
      expect(image.ok).toBe(true);
    } finally {
      fresh.close();
    }
  });

  it('refuses a transfer file whose photo changed, leaving the data in use as it was', async () => {
    const a = await add('IMG_1.jpg', await cameraJpeg({ colour: '#654' }));
    await ok('activities:setPhotos', { id: 'v1', photos: [{ sha256: a.sha256 }] });
    const out = path.join(tempDir('tt-move-'), 'chuyen.ttmove');
    await ok('backup:transfer', { outFile: out, passphrase: 'mật khẩu chuyển máy 1' });
    const bytes = fs.readFileSync(out);
    // The photos are stored uncompressed: flip a byte inside the original's JPEG data.
    const at = bytes.indexOf(
      fs
        .readFileSync(path.join(dir, 'photos', a.sha256.slice(0, 2), `${a.sha256}.jpg`))
        .subarray(400, 432),
    );
    expect(at).toBeGreaterThan(0);
    bytes[at]! ^= 0x01;
    fs.writeFileSync(out, bytes);
    const newDir = tempDir('tt-new-');
    const fresh = createCore({ dataDir: newDir, mode: 'cli' });
    try {
      const r = await fresh.call('backup:restore', {
        path: out,
        passphrase: 'mật khẩu chuyển máy 1',
      });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toContain('bị hỏng hoặc không đúng định dạng');
      expect(fresh.info().hasProfile).toBe(false);
      // The changed photo never reached the store (a file that matches its name may have:
      // named by its content, it changes nothing until a database names it).
      expect(storeFiles(path.join(newDir, 'photos'))).not.toContain(
        path.join(a.sha256.slice(0, 2), `${a.sha256}.jpg`),
      );
    } finally {
      fresh.close();
    }
  });
});
