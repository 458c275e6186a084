// Photos in the signed package: listed in data.json and the manifest, carried as reduced
// copies, refused when a byte changes (by `verify`, and by OpenSSL checking the manifest and
// the listed SHA-256), kept under the office's size limit, and shown at the province, where
// a "photo" that is not an image is refused.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { buildPackage, encodePackageData, type PackageData } from '../../electron/core/package';
import { fingerprintOf, generateOfficeKey } from '../../electron/core/signing';
import type { ImportResult } from '../../shared/inbox';
import type { Manifest } from '../../shared/package';
import type { InboxPhoto, PackagePhoto, PhotoImage, PhotoView } from '../../shared/photos';
import { cameraJpeg } from '../fixtures/photos';
import { OFFICES, openOffice, quarterActivities, type Office } from '../fixtures/offices';
import { PROVINCE_PROFILE } from '../fixtures/province';
import { cli, tempDir } from './helpers';

async function ok<T>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

function openssl(args: string[], cwd: string) {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

async function unzipTo(pkg: Buffer): Promise<string> {
  const dir = tempDir('tt-pkg-photos-x-');
  const zip = await JSZip.loadAsync(pkg);
  for (const name of Object.keys(zip.files)) {
    fs.writeFileSync(path.join(dir, name), await zip.file(name)!.async('nodebuffer'));
  }
  return dir;
}

/** OpenSSL's word on the manifest, then on each listed file's SHA-256: what a script does. */
function opensslChecks(dir: string): { manifest: number; mismatched: string[] } {
  const manifest = openssl(
    [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      'manifest.json.p7s',
      '-content',
      'manifest.json',
      '-noverify',
      '-out',
      'out.bin',
    ],
    dir,
  ).status;
  const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const mismatched = m.files
    .filter((f) => {
      const out = openssl(['dgst', '-sha256', '-r', f.name], dir).out;
      return out.split(' ')[0] !== f.sha256;
    })
    .map((f) => f.name);
  return { manifest, mismatched };
}

let root: string;
let office: Office;
let province: Core;
let pkgPath: string;
let pkg: Buffer;
let photos: PhotoView[];

beforeAll(async () => {
  root = tempDir('tt-pkg-photos-');
  office = await openOffice(OFFICES[0]!, root);
  office.add(quarterActivities('2023-Q3', 4, 7));
  const ids = office.core.activities.list({ period: '2023-Q3' }).map((a) => a.id);
  photos = [];
  for (const [i, colour] of ['#a33', '#3a3', '#33a'].entries()) {
    photos.push(
      await ok<PhotoView>(office.core, 'photos:add', {
        fileName: `IMG_00${i}.jpg`,
        base64: (await cameraJpeg({ colour, width: 2000, height: 1500 })).toString('base64'),
      }),
    );
  }
  // Two photos on the first activity, one kept at the office (not sent); the second
  // activity shares one of them: one file in the package, listed twice in data.json.
  await ok(office.core, 'activities:setPhotos', {
    id: ids[0],
    photos: [
      { sha256: photos[0]!.sha256, inReport: true },
      { sha256: photos[1]!.sha256 },
      { sha256: photos[2]!.sha256, send: false },
    ],
  });
  await ok(office.core, 'activities:setPhotos', {
    id: ids[1],
    photos: [{ sha256: photos[0]!.sha256 }],
  });
  pkgPath = (await office.export('2023-Q3', path.join(root, 'out'))).path;
  pkg = fs.readFileSync(pkgPath);

  province = createCore({ dataDir: path.join(root, 'province'), mode: 'cli' });
  await ok(province, 'profile:save', PROVINCE_PROFILE);
  await ok(province, 'settings:saveDesks', { office: false, province: true, deadlineDays: 10 });
  await ok(province, 'trust:addCertificate', {
    base64: Buffer.from(await office.certificatePem()).toString('base64'),
  });
}, 120_000);

afterAll(() => {
  office.close();
  province.close();
});

describe('photos in the package', () => {
  it('lists each sent photo in data.json and the manifest and carries its reduced copy', async () => {
    const dir = await unzipTo(pkg);
    const manifest = JSON.parse(
      fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'),
    ) as Manifest;
    const data = JSON.parse(fs.readFileSync(path.join(dir, 'data.json'), 'utf8')) as {
      photos: PackagePhoto[];
      activities: { id: string }[];
    };
    const ids = office.core.activities.list({ period: '2023-Q3' }).map((a) => a.id);
    expect(manifest.schemaVersion).toBe(5);
    expect(manifest.counts.photos).toBe(3);
    // data.json gives the activities oldest first, and each activity's photos in order.
    const expected = {
      [ids[0]!]: [
        [ids[0], photos[0]!.sha256, true],
        [ids[0], photos[1]!.sha256, false],
      ],
      [ids[1]!]: [[ids[1], photos[0]!.sha256, false]],
    };
    expect(data.photos.map((p) => [p.activity, p.original, p.inReport])).toEqual(
      data.activities.flatMap((a) => expected[a.id] ?? []),
    );
    // The photo kept at the office does not travel; the shared one travels once.
    const entries = manifest.files.filter((f) => f.name.startsWith('photo-'));
    expect(entries.map((f) => f.sha256).sort()).toEqual(
      [photos[0]!.reduced.sha256, photos[1]!.reduced.sha256].sort(),
    );
    for (const f of entries) {
      const bytes = fs.readFileSync(path.join(dir, f.name));
      expect([bytes.length, f.size]).toEqual([
        f.size,
        photos.find((p) => p.reduced.sha256 === f.sha256)!.reduced.size,
      ]);
    }
    expect(opensslChecks(dir)).toEqual({ manifest: 0, mismatched: [] });
    const verified = cli(['verify', pkgPath]);
    expect(verified.stdout.trim()).toBe(`OK ${pkgPath} LS-CAOLOC-VHTT 2023-Q3 1`);
  });

  it('fails verify and OpenSSL when one byte of a photo changes, and when the manifest is made to agree', async () => {
    const zip = await JSZip.loadAsync(pkg);
    const name = Object.keys(zip.files).find((n) => n.startsWith('photo-'))!;
    const out = new JSZip();
    for (const n of Object.keys(zip.files)) {
      const bytes = await zip.file(n)!.async('nodebuffer');
      if (n === name) bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
      out.file(n, bytes);
    }
    const flipped = await out.generateAsync({ type: 'nodebuffer' });
    const file = path.join(root, 'flipped.ttpkg');
    fs.writeFileSync(file, flipped);
    const v = cli(['verify', file]);
    expect(v.status).toBe(1);
    expect(v.stdout.trim()).toBe(
      `FAIL ${file}: Tệp ${name} trong gói đã bị thay đổi: kích thước hoặc mã SHA-256 không khớp với manifest.json.`,
    );
    const dir = await unzipTo(flipped);
    // The signature over the manifest holds, but the photo no longer has the SHA-256 it lists.
    expect(opensslChecks(dir)).toEqual({ manifest: 0, mismatched: [name] });
    // Writing the changed photo's SHA-256 into the manifest breaks the signature instead.
    const manifestText = fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8');
    const listed = (JSON.parse(manifestText) as Manifest).files.find((f) => f.name === name)!;
    const actual = openssl(['dgst', '-sha256', '-r', name], dir).out.split(' ')[0]!;
    fs.writeFileSync(
      path.join(dir, 'manifest.json'),
      manifestText.replace(`"sha256": "${listed.sha256}"`, `"sha256": "${actual}"`),
    );
    const agreed = opensslChecks(dir);
    expect(agreed.mismatched).toEqual([]);
    expect(agreed.manifest).not.toBe(0);
  });

  it('names the photos to leave out when they take the package over the limit, and exports once they are', async () => {
    const other = await openOffice(OFFICES[1]!, root);
    try {
      other.add(quarterActivities('2023-Q3', 2, 9));
      const id = other.core.activities.list({ period: '2023-Q3' })[0]!.id;
      const heavy: PhotoView[] = [];
      for (let i = 0; i < 6; i++) {
        heavy.push(
          await ok<PhotoView>(other.core, 'photos:add', {
            fileName: `NANG_${i}.jpg`,
            base64: (
              await cameraJpeg({ width: 1600 + i, height: 1200, noise: true, quality: 95 })
            ).toString('base64'),
          }),
        );
      }
      await ok(other.core, 'activities:setPhotos', {
        id,
        photos: heavy.map((p) => ({ sha256: p.sha256 })),
      });
      await ok(other.core, 'settings:saveDesks', {
        office: true,
        province: false,
        deadlineDays: 10,
        packageLimitMb: 1,
      });
      const total = heavy.reduce((n, p) => n + p.reduced.size, 0);
      expect(total).toBeGreaterThan(1024 * 1024); // the fixture is heavy enough to matter
      const preview = await ok<{ photos: { count: number; bytes: number; limitBytes: number } }>(
        other.core,
        'package:preview',
        { period: '2023-Q3' },
      );
      expect(preview.photos).toEqual({ count: 6, bytes: total, limitBytes: 1024 * 1024 });

      const outDir = path.join(root, 'out-heavy');
      const r = await other.core.call('package:export', { period: '2023-Q3', outDir });
      if (r.ok) throw new Error('the export should have been refused');
      expect(r.error.code).toBe('package_too_large');
      expect(r.error.message).toMatch(
        /^Gói sẽ nặng khoảng [\d,]+ MB, quá giới hạn 1 MB để gửi qua thư điện tử\. Hãy bỏ chọn “Gửi kèm gói” cho \d ảnh sau rồi xuất lại: /,
      );
      const named = heavy.filter((p) => r.error.message.includes(p.fileName));
      expect(named.length).toBeGreaterThan(0);
      expect(named.length).toBeLessThan(6);
      // Nothing written, no number spent.
      expect(fs.existsSync(outDir) ? fs.readdirSync(outDir) : []).toEqual([]);
      expect(await ok<unknown[]>(other.core, 'package:list', {})).toEqual([]);

      await ok(other.core, 'activities:setPhotos', {
        id,
        photos: heavy.map((p) => ({ sha256: p.sha256, send: !named.includes(p) })),
      });
      const done = await ok<{ path: string; sequence: number }>(other.core, 'package:export', {
        period: '2023-Q3',
        outDir,
      });
      expect(done.sequence).toBe(1);
      expect(fs.statSync(done.path).size).toBeLessThanOrEqual(1024 * 1024);
    } finally {
      other.close();
    }
  });
});

describe('photos at the province', () => {
  it('takes the package in with its photos and shows them', async () => {
    const r = await ok<ImportResult>(province, 'inbox:import', {
      fileName: path.basename(pkgPath),
      base64: pkg.toString('base64'),
    });
    expect(r.outcome).toBe('accepted');
    const ids = office.core.activities.list({ period: '2023-Q3' }).map((a) => a.id);
    const list = await ok<InboxPhoto[]>(province, 'inbox:photos', {
      package: r.sha256,
      activityId: ids[0],
    });
    expect(list.map((p) => p.sha256)).toEqual([
      photos[0]!.reduced.sha256,
      photos[1]!.reduced.sha256,
    ]);
    expect(list[0]).toMatchObject({ width: 1600, height: 1200 });
    const image = await ok<PhotoImage>(province, 'photos:image', {
      sha256: list[1]!.sha256,
      variant: 'reduced',
    });
    expect(Buffer.from(image.base64, 'base64').length).toBe(photos[1]!.reduced.size);
    const thumb = await ok<PhotoImage>(province, 'photos:image', {
      sha256: list[1]!.sha256,
      variant: 'thumb',
    });
    expect([thumb.width, thumb.height]).toEqual([320, 240]);
    // Nothing of the office's was written to the province's data folder outside the database.
    expect(fs.existsSync(path.join(root, 'province', 'photos'))).toBe(false);
  });

  it('refuses a genuinely signed package whose "photo" is not an image', async () => {
    const third = await openOffice(OFFICES[2]!, root);
    try {
      third.add(quarterActivities('2023-Q3', 2, 11));
      const key = generateOfficeKey({ code: OFFICES[2]!.code, name: OFFICES[2]!.name });
      const fingerprint = fingerprintOf(key.certificateDer);
      await ok(province, 'trust:addFingerprint', {
        code: OFFICES[2]!.code,
        name: 'Phòng Văn hóa và Thông tin huyện Tràng Định',
        fingerprint,
      });
      const report = await third.core.report.build('2023-Q3', 'trafficking', new Date());
      const signed = third.core.packages.data(third.core.report.period('2023-Q3'), [report]);
      const data = JSON.parse(signed.bytes.toString('utf8')) as PackageData;
      const forge = async (bytes: Buffer) => {
        const sha = (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex');
        const file = `photo-${sha}.jpg`;
        data.photos = [
          {
            activity: data.activities[0]!.id,
            file,
            sha256: sha,
            size: bytes.length,
            width: 10,
            height: 10,
            takenAt: null,
            original: sha,
            inReport: false,
          },
        ];
        const built = await buildPackage({
          data: encodePackageData(data),
          reportDocx: [report.docx],
          photoFiles: new Map([[file, bytes]]),
          sequence: 1,
          supersedes: null,
          createdAt: new Date().toISOString(),
          key: { ...key, fingerprint },
        });
        return { file, bytes: built.bytes };
      };
      // JPEG markers at both ends, garbage between: only decoding it finds out.
      const fake = await forge(
        Buffer.concat([
          Buffer.from([0xff, 0xd8, 0xff]),
          Buffer.from('không phải ảnh'),
          Buffer.from([0xff, 0xd9]),
        ]),
      );
      const r = await ok<ImportResult>(province, 'inbox:import', {
        fileName: 'LS-TRANGDINH-VHTT_2023-Q3_0001.ttpkg',
        base64: fake.bytes.toString('base64'),
      });
      expect(r.outcome).toBe('refused');
      expect(r.message.vi).toBe(
        `Tệp ${fake.file} trong gói không phải ảnh JPEG đọc được (hoặc lớn hơn ảnh thu nhỏ); gói bị từ chối.`,
      );
      // A text file named .jpg fails verify itself, before any decoding.
      const text = await forge(Buffer.from('<html>không phải ảnh</html>'));
      const file = path.join(root, 'text-photo.ttpkg');
      fs.writeFileSync(file, text.bytes);
      expect(cli(['verify', file]).stdout.trim()).toBe(
        `FAIL ${file}: Tệp ${text.file} trong gói không phải ảnh JPEG.`,
      );
      const held = await ok<{ officeCode: string }[]>(province, 'inbox:packages', {});
      expect(held.map((p) => p.officeCode)).toEqual(['LS-CAOLOC-VHTT']);
    } finally {
      third.close();
    }
  });
});
