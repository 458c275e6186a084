// The report's appendix "Hình ảnh hoạt động": the photos marked "in the report" on the
// period's live activities about the report's subject, two to a page with their captions;
// no appendix (and the same file as before photos existed) while none is marked; and once
// the period is exported, the appendix printed is the one signed into the package.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import type { Input } from '../../shared/contract';
import type { ExportResult } from '../../shared/package';
import type { PhotoView } from '../../shared/photos';
import type { ReportFileView } from '../../shared/report';
import profile from '../fixtures/profile.json';
import { cameraJpeg } from '../fixtures/photos';
import { convertToPdf, pdfText, plainText, zipPart } from './docxRender';
import { tempDir } from './helpers';

const PNG_DIR = '/tmp/report-photos';
const KEY = { period: '2023-Q3' };
/** The clock stands still: a .docx stamps the time of packing on each of its ZIP entries. */
const NOW = new Date('2023-09-20T03:00:00Z');

const VAN: Input<'activities:create'> = {
  id: 'van',
  channel: 'van',
  date: '2023-07-28',
  endDate: '2023-07-30',
  communes: ['CL-HT', 'CL-TL'],
  themes: ['trafficking'],
  title: 'Tuyên truyền lưu động hưởng ứng Ngày toàn dân phòng, chống mua bán người - 30/7',
  audience: 1200,
  measures: { sessions: 3, km: 45, minutes: 240 },
};
/** Of the whole office: no area, so its caption names none. */
const ONLINE: Input<'activities:create'> = {
  id: 'online',
  channel: 'online',
  date: '2023-08-10',
  communes: [],
  themes: ['trafficking'],
  title: 'Tin, bài, ảnh trên trang thông tin điện tử huyện',
  measures: { items: 4 },
};
/** About drugs only: its marked photo belongs to the drugs report, not this one. */
const DRUGS: Input<'activities:create'> = {
  id: 'drugs',
  channel: 'meeting',
  date: '2023-08-20',
  communes: ['CL-HT'],
  themes: ['drugs'],
  title: 'Hội nghị tuyên truyền phòng, chống ma túy',
  audience: 80,
  measures: { sessions: 1 },
};

const CAPTIONS = [
  'Ảnh 1. Tuyên truyền lưu động hưởng ứng Ngày toàn dân phòng, chống mua bán người - 30/7 — 28/7/2023 - 30/7/2023 — Xã Hợp Thành, Xã Thụy Hùng',
  'Ảnh 2. Tuyên truyền lưu động hưởng ứng Ngày toàn dân phòng, chống mua bán người - 30/7 — 28/7/2023 - 30/7/2023 — Xã Hợp Thành, Xã Thụy Hùng',
  'Ảnh 3. Tin, bài, ảnh trên trang thông tin điện tử huyện — 10/8/2023',
];

let core: Core;
let dir: string;
/** The report before any photo was attached. */
let plain: Buffer;
let photos: PhotoView[];

async function ok<T>(method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

const add = async (fileName: string, bytes: Buffer) =>
  ok<PhotoView>('photos:add', { fileName, base64: bytes.toString('base64') });

const reportDocx = async () =>
  Buffer.from((await ok<ReportFileView>('report:docx', KEY)).base64, 'base64');

/** The activity's photos, each marked for the report or not. */
const attach = (id: string, list: [PhotoView, boolean][]) =>
  ok('activities:setPhotos', {
    id,
    photos: list.map(([p, inReport]) => ({ sha256: p.sha256, inReport })),
  });

async function parts(docx: Buffer) {
  const zip = await JSZip.loadAsync(docx);
  const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
  return { media, text: plainText(await zipPart(zip, 'word/document.xml')) };
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  dir = tempDir('tt-photos-');
  core = createCore({ dataDir: dir, mode: 'cli', passphrase: 'mật khẩu đúng 123' });
  await ok('profile:save', JSON.parse(JSON.stringify(profile)));
  for (const a of [VAN, ONLINE, DRUGS]) await ok('activities:create', a);
  plain = await reportDocx();
  photos = [
    await add('xe-1.jpg', await cameraJpeg({ width: 1600, height: 1200, colour: '#2a6' })),
    // Taken upright: shown 900 wide and 1200 high.
    await add('xe-2.jpg', await cameraJpeg({ width: 1200, height: 900, orientation: 6 })),
    await add('web.jpg', await cameraJpeg({ width: 1200, height: 800, colour: '#36c' })),
    await add('khong-in.jpg', await cameraJpeg({ colour: '#c63' })),
    await add('ma-tuy.jpg', await cameraJpeg({ colour: '#639' })),
  ];
  fs.mkdirSync(PNG_DIR, { recursive: true });
}, 60_000);

afterAll(() => {
  core.close();
  vi.useRealTimers();
});

describe('the photo appendix of the report', () => {
  it('is left out while no photo of the subject is marked: the same bytes as before photos', async () => {
    const [p1, p2, p3, notMarked, drugs] = photos as [PhotoView, ...PhotoView[]];
    await attach('van', [
      [p1, false],
      [p2!, false],
    ]);
    await attach('online', [
      [p3!, false],
      [notMarked!, false],
    ]);
    // Marked, but on an activity about drugs only.
    await attach('drugs', [[drugs!, true]]);
    const docx = await reportDocx();
    expect(docx.equals(plain)).toBe(true);
    const { media, text } = await parts(docx);
    expect(media).toEqual([]);
    expect(text).not.toContain('HÌNH ẢNH');
    expect(text).toContain('\nPhụ lục\n');
  });

  it('prints the marked photos two to a page with their captions, the same bytes twice', async () => {
    const [p1, p2, p3, notMarked] = photos as [PhotoView, ...PhotoView[]];
    await attach('van', [
      [p1, true],
      [p2!, true],
    ]);
    await attach('online', [
      [p3!, true],
      [notMarked!, false],
    ]);
    const docx = await reportDocx();
    expect((await reportDocx()).equals(docx)).toBe(true);
    const { media, text } = await parts(docx);
    expect(media).toHaveLength(3);
    // Two appendices: Decree 30 numbers them.
    expect(text).toContain('\nPhụ lục I\n');
    expect(text).toContain(
      '\nPhụ lục II\nHÌNH ẢNH HOẠT ĐỘNG TUYÊN TRUYỀN CÔNG TÁC PHÒNG, CHỐNG MUA BÁN NGƯỜI QUÝ III NĂM 2023\n',
    );
    const at = CAPTIONS.map((c) => text.indexOf(`\n${c}\n`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // The portrait photo is narrower than the landscape one above it, in the same height.
    const extents = [
      ...(await zipPart(await JSZip.loadAsync(docx), 'word/document.xml')).matchAll(
        /<wp:extent cx="(\d+)" cy="(\d+)"\/>/g,
      ),
    ].map((m) => [Number(m[1]), Number(m[2])]);
    expect(extents).toHaveLength(3);
    const [[w1, h1], [w2, h2]] = extents as [[number, number], [number, number]];
    expect(h2).toBe(h1);
    expect(w2).toBeLessThan(w1);
    expect(Math.abs(w1 / h1 - 4 / 3)).toBeLessThan(0.01);
    expect(Math.abs(w2 / h2 - 3 / 4)).toBeLessThan(0.01);

    const file = path.join(dir, 'with-photos.docx');
    fs.writeFileSync(file, docx);
    const pages = pdfText(convertToPdf(file))
      .split('\f')
      .filter((p) => p.trim() !== '');
    const start = pages.findIndex((p) => p.includes('HÌNH ẢNH HOẠT ĐỘNG'));
    expect(start).toBeGreaterThan(0);
    const appendix = pages.slice(start);
    expect(appendix).toHaveLength(2);
    const flat = appendix.map((p) => p.replace(/\s+/g, ' '));
    expect(flat[0]).toContain('Ảnh 1.');
    expect(flat[0]).toContain('Ảnh 2.');
    expect(flat[0]).toContain('Xã Hợp Thành, Xã Thụy Hùng');
    expect(flat[1]).toContain(
      'Ảnh 3. Tin, bài, ảnh trên trang thông tin điện tử huyện — 10/8/2023',
    );
    // A look at the first page of the appendix.
    const pdf = file.replace(/\.docx$/, '.pdf');
    for (const [i, name] of [
      [start + 1, 'appendix-1'],
      [start + 2, 'appendix-2'],
    ] as const) {
      const r = spawnSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        String(i),
        '-l',
        String(i),
        '-singlefile',
        pdf,
        path.join(PNG_DIR, name),
      ]);
      expect(r.status).toBe(0);
    }
  }, 150_000);

  it('is signed into the package with the report, and printed as signed once locked', async () => {
    const exported = await ok<ExportResult>('package:export', KEY);
    const zip = await JSZip.loadAsync(fs.readFileSync(exported.path));
    const signed = await zip.file('report-trafficking.docx')!.async('nodebuffer');
    expect((await parts(signed)).media).toHaveLength(3);
    // An hour later a file made anew would differ (the ZIP's times); the signed one is given.
    vi.setSystemTime(new Date(NOW.getTime() + 3_600_000));
    const afterLock = await reportDocx();
    expect(afterLock.equals(signed)).toBe(true);
  }, 60_000);
});
