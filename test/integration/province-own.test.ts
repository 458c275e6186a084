// The province's culture department does outreach itself (seed 000: news on its websites, a
// leaflet permit) and records it in its own logbook, with no areas; its merged report gives
// that part first, then the communes' offices' from their signed packages, then the sum.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import type { Drill, MergedData } from '../../shared/inbox';
import { officeTable } from '../../shared/mergedText';
import type { ReportData } from '../../shared/report';
import { plainText, zipPart } from './docxRender';
import { tempDir } from './helpers';

async function ok<T>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

const DEPARTMENT = {
  code: 'LS-SVHTTDL',
  name: 'Sở Văn hóa, Thể thao và Du lịch',
  kind: 'province',
  parent: 'UBND tỉnh Lạng Sơn',
  place: 'Lạng Sơn',
  docSymbol: 'BC-SVHTTDL',
  recipients: ['Ban Chỉ đạo 138 tỉnh (Phòng PV01 - Công an tỉnh)'],
};

const COMMUNE = {
  code: 'LS-DONGDANG-VHXH',
  name: 'Phòng Văn hóa - Xã hội',
  kind: 'commune',
  parent: 'UBND xã Đồng Đăng',
};

describe("the department's own work in the merged report", () => {
  const root = tempDir('tt-own-');
  let office: Core;
  let desk: Core;
  let commune: ReportData;

  beforeAll(async () => {
    office = createCore({ dataDir: path.join(root, 'office'), mode: 'cli', passphrase: 'mk 123' });
    await ok(office, 'profile:save', {
      office: COMMUNE,
      communes: [
        { code: 'NL', name: 'Thôn Nà Lệnh', flags: ['border'] },
        { code: 'PM', name: 'Bản Pò Mã', flags: [] },
      ],
    });
    await ok(office, 'activities:create', {
      channel: 'van',
      date: '2025-07-30',
      communes: ['Thôn Nà Lệnh'],
      themes: ['trafficking'],
      title: 'Xe lưu động ngày 30/7',
      audience: 800,
      measures: { sessions: 2, km: 30, minutes: 120 },
    });
    await ok(office, 'activities:create', {
      channel: 'radio',
      date: '2025-08-05',
      communes: ['Bản Pò Mã'],
      themes: ['trafficking'],
      title: 'Phát thanh',
      audience: 500,
      // Listeners guessed, not counted: the merged report says "khoảng".
      audienceEstimated: true,
      measures: { items: 4, broadcasts: 8, minutes: 40 },
    });
    await ok(office, 'activities:create', {
      channel: 'press',
      date: '2025-09-10',
      communes: [],
      themes: ['trafficking'],
      title: 'Phóng sự về Ngày toàn dân phòng, chống mua bán người',
      measures: {
        items: 1,
        minutes: 15,
        outlet: 'Đài PT-TH tỉnh',
        programme: 'Vì an ninh Xứ Lạng',
      },
    });
    const pkg = await office.packages.export('2025-Q3', { outDir: path.join(root, 'out') });
    commune = await ok<ReportData>(office, 'report:data', { period: '2025-Q3' });

    desk = createCore({ dataDir: path.join(root, 'desk'), mode: 'cli' });
    await ok(desk, 'profile:save', { office: DEPARTMENT, communes: [] });
    await ok(desk, 'settings:saveDesks', { office: true, province: true, deadlineDays: 10 });
    // Seed 000's own work: 22 news items on the department's websites, a leaflet.
    await ok(desk, 'activities:create', {
      channel: 'online',
      date: '2025-07-28',
      communes: [],
      themes: ['trafficking'],
      title: 'Tin, bài trên tintuclangson.vn',
      audience: 15000,
      measures: { items: 22, url: 'https://tintuclangson.vn' },
    });
    await ok(desk, 'activities:create', {
      channel: 'leaflet',
      date: '2025-08-10',
      communes: [],
      themes: ['trafficking'],
      title: 'Tờ rơi "Vì một tương lai tốt đẹp"',
      audience: 0,
      costVnd: 5_000_000,
      measures: { copies: 3000, permitNo: '12/GP-STTTT' },
    });
    const pem = (await office.packages.certificate()).certificatePem;
    await ok(desk, 'trust:addCertificate', { base64: Buffer.from(pem).toString('base64') });
    await ok(desk, 'inbox:import', {
      fileName: path.basename(pkg.path),
      base64: fs.readFileSync(pkg.path).toString('base64'),
    });
  }, 60_000);

  afterAll(() => {
    office.close();
    desk.close();
  });

  it('shows both parts and their sum', async () => {
    const m = await ok<MergedData>(desk, 'inbox:figures', { period: '2025-Q3' });
    expect(m.parts).not.toBeNull();
    const own = m.parts!.own.data;
    expect(m.parts!.own.code).toBe(DEPARTMENT.code);
    expect(own.figures.activities).toBe(2);
    expect(m.parts!.offices.figures.activities).toBe(commune.figures.activities);
    expect(m.figures.activities).toBe(2 + commune.figures.activities);
    expect(m.figures.byChannel.online.measures.items).toBe(22);
    expect(m.figures.byChannel.van).toEqual(commune.figures.byChannel.van);
    expect(m.audience).toBe(15000 + commune.audience);
    expect(m.costVnd).toBe(5_000_000 + commune.costVnd);
    // The department's work names no area: it counts in the totals, not per area.
    expect(m.withoutArea).toEqual({ activities: 3, audience: 15000 });
    expect(m.figures.byCommune.map((c) => c.code)).toEqual([
      `${COMMUNE.code}/NL`,
      `${COMMUNE.code}/PM`,
    ]);
    // The offices' reporting count is the offices' alone.
    expect([m.reported, m.expected]).toEqual([1, 1]);

    const table = officeTable(m);
    expect(table.rows.map((r) => r.label)).toEqual([
      'Sở VHTT&DL (tự thực hiện)',
      'Phòng VH-XH xã Đồng Đăng',
    ]);
    expect(table.total.activities).toBe(m.figures.activities);
  });

  it('drills into the department’s own activities as into an office’s', async () => {
    const all = await ok<Drill>(desk, 'inbox:drill', { period: '2025-Q3' });
    expect(all.offices.map((o) => [o.code, o.activities])).toEqual([
      [DEPARTMENT.code, 2],
      [COMMUNE.code, 3],
    ]);
    expect(all.total.activities).toBe(5);
    expect(all.activities.map((a) => a.officeCode)).toEqual([
      DEPARTMENT.code,
      DEPARTMENT.code,
      COMMUNE.code,
      COMMUNE.code,
      COMMUNE.code,
    ]);
    const items = await ok<Drill>(desk, 'inbox:drill', {
      period: '2025-Q3',
      channel: 'online',
      measure: 'items',
    });
    expect(items.total).toEqual({ activities: 1, audience: 15000, value: 22 });
    const page = await ok<Drill>(desk, 'inbox:drill', { period: '2025-Q3', offset: 1, limit: 2 });
    expect(page.activities.map((a) => a.title)).toEqual([
      'Tờ rơi "Vì một tương lai tốt đẹp"',
      'Xe lưu động ngày 30/7',
    ]);
    const onlyOffice = await ok<Drill>(desk, 'inbox:drill', {
      period: '2025-Q3',
      office: COMMUNE.code,
    });
    expect(onlyOffice.offices.map((o) => o.code)).toEqual([COMMUNE.code]);
  });

  it('writes seed 000’s section 2: own work, the offices’, then the sum', async () => {
    const file = await ok<{ base64: string }>(desk, 'inbox:docx', { period: '2025-Q3' });
    const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
    const text = plainText(await zipPart(zip, 'word/document.xml'));
    const own = text.indexOf('2.1. Kết quả do Sở Văn hóa, Thể thao và Du lịch trực tiếp thực hiện');
    const offices = text.indexOf('2.2. Kết quả của các đơn vị');
    const sum = text.indexOf('2.3. Tổng hợp chung');
    expect(own).toBeGreaterThan(0);
    expect(offices).toBeGreaterThan(own);
    expect(sum).toBeGreaterThan(offices);
    expect(text.slice(own, offices)).toContain(
      'đã đăng tải 22 tin, bài, ảnh trên tintuclangson.vn',
    );
    // The offices' news named from their packages; an estimated audience said as one.
    expect(text.slice(offices, sum)).toContain(
      'đã đăng tải, phát sóng 1 tin, bài trên Đài PT-TH tỉnh (chuyên mục "Vì an ninh Xứ Lạng")',
    );
    expect(text.slice(offices, sum)).toContain('khoảng 500 lượt người nghe');
    // Of the offices' 3 activities, the press item names no village.
    expect(text.slice(offices, sum)).toContain(
      '3 hoạt động tuyên truyền (trong đó 2 hoạt động tại 2 thôn, bản)',
    );
    expect(text.slice(sum)).toContain(', với khoảng 16.300 lượt người được tiếp cận');
    expect(text).toContain(
      '- Tổng cộng, trong quý III năm 2025 đã thực hiện 5 hoạt động tuyên truyền ' +
        '(Sở Văn hóa, Thể thao và Du lịch: 2 hoạt động; các đơn vị: 3 hoạt động)',
    );
    expect(text).toContain(
      'Trên cơ sở báo cáo của Phòng Văn hóa - Xã hội các xã, phường, đặc khu, Sở Văn hóa',
    );
    expect(text).toContain('Sở VHTT&DL (tự thực hiện)');
  });

  it('leaves the department’s part out when this desk keeps no logbook', async () => {
    await ok(desk, 'settings:saveDesks', { office: false, province: true, deadlineDays: 10 });
    try {
      const m = await ok<MergedData>(desk, 'inbox:figures', { period: '2025-Q3' });
      expect(m.parts).toBeNull();
      expect(m.figures.activities).toBe(commune.figures.activities);
    } finally {
      await ok(desk, 'settings:saveDesks', { office: true, province: true, deadlineDays: 10 });
    }
  });
});
