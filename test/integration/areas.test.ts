// Two-tier government on real files: a commune's office whose areas are villages, a merger
// of communes across a period that spans it, activities of the whole office without an area,
// and names typed with the other tone placement. Everything goes through core.call.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DB_FILE, type Core } from '../../electron/core';
import { closeDatabase, openDatabase } from '../../electron/core/db/open';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import type { ActivityRow } from '../../shared/contract';
import type { ReportData } from '../../shared/report';
import { resultSentences } from '../../shared/reportText';
import JSZip from 'jszip';
import { plainText, zipPart } from './docxRender';
import { tempDir } from './helpers';

async function ok<T>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

async function refused(core: Core, method: string, input: unknown) {
  const r = await core.call(method, input);
  if (r.ok) throw new Error(`${method} was accepted`);
  return r.error;
}

const COMMUNE_OFFICE = {
  code: 'LS-DONGDANG-VHXH',
  name: 'Phòng Văn hóa - Xã hội',
  kind: 'commune',
  parent: 'UBND xã Đồng Đăng',
  province: 'Lạng Sơn',
  place: 'Đồng Đăng',
  docSymbol: 'BC-VHXH',
  signer: { title: 'KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG', name: 'Hoàng Thị B' },
};

const VILLAGES = [
  { code: 'NL', name: 'Thôn Nà Lệnh', flags: ['border', 'ethnic'] },
  { code: 'KP', name: 'Khuổi Phầy', kind: 'bản', flags: ['border'] },
  { code: 'TDP1', name: 'Tổ dân phố 1', flags: [] },
];

const act = (over: Record<string, unknown>) => ({
  channel: 'van',
  date: '2025-08-01',
  communes: ['Thôn Nà Lệnh'],
  themes: ['trafficking'],
  title: 'Tuyên truyền lưu động',
  audience: 100,
  measures: { sessions: 1, km: 10, minutes: 60 },
  ...over,
});

let cores: Core[] = [];
function open(): Core {
  const core = createCore({ dataDir: tempDir('tt-areas-'), mode: 'cli' });
  cores.push(core);
  return core;
}
afterEach(() => {
  for (const c of cores) c.close();
  cores = [];
});

describe("a commune's office whose areas are villages", () => {
  it('records in villages and for the whole office, and its report names villages only', async () => {
    const core = open();
    await ok(core, 'profile:save', { office: COMMUNE_OFFICE, communes: VILLAGES });
    await ok(core, 'activities:create', act({ id: 'a1' }));
    await ok(
      core,
      'activities:create',
      act({ id: 'a2', communes: ['bản khuổi phầy'.normalize('NFD')] }),
    );
    // "Khuổi Phầy" is a bản by its profile kind, found by its name too.
    await ok(core, 'activities:create', act({ id: 'a3', communes: ['Khuổi Phầy'] }));
    await ok(
      core,
      'activities:create',
      act({
        id: 'web',
        channel: 'online',
        communes: [],
        title: 'Tin bài trên trang thông tin điện tử của xã',
        audience: 900,
        measures: { items: 12 },
      }),
    );
    const error = await refused(core, 'activities:create', act({ id: 'bad', communes: [] }));
    expect(error.field).toBe('communes');
    expect(error.message).toContain('ít nhất một thôn, bản, tổ dân phố');

    const data = await ok<ReportData>(core, 'report:data', { period: '2025-Q3' });
    expect(data.figures.activities).toBe(4);
    expect(data.figures.byChannel.online.measures.items).toBe(12);
    // Per area: the online item is in none of them.
    expect(data.figures.byCommune.map((c) => [c.code, c.activities])).toEqual([
      ['NL', 1],
      ['KP', 2],
      ['TDP1', 0],
    ]);
    expect(data.figures.flagged.border).toEqual({ communes: 2, reached: 2, activities: 3 });
    expect(data.withoutArea).toEqual({ activities: 1, audience: 900 });

    const sentences = resultSentences(data, COMMUNE_OFFICE.name).join('\n');
    // The lead says how many of the activities were in the villages: one was online.
    expect(sentences).toContain('4 hoạt động tuyên truyền (trong đó 3 hoạt động tại 2 thôn, bản)');
    expect(sentences).toContain('2/2 thôn, bản biên giới (thôn Nà Lệnh, Khuổi Phầy)');
    expect(sentences).toContain('1/1 thôn vùng đồng bào dân tộc thiểu số');

    expect(sentences).not.toMatch(/\bxã\b|huyện/iu);

    // The Word file: section 2 and the appendix speak of villages, never of communes.
    const file = await ok<{ base64: string }>(core, 'report:docx', { period: '2025-Q3' });
    const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
    const text = plainText(await zipPart(zip, 'word/document.xml'));
    const section2 = text.slice(text.indexOf('2. Kết quả'), text.indexOf('3. Đánh giá'));
    expect(section2).toContain('tại 2 thôn, bản');
    expect(section2).not.toMatch(/\bxã\b|huyện/iu);
    expect(text).toContain('Thôn, bản, tổ dân phố');
  });

  it('lets a department or press agency with no areas record every channel without one', async () => {
    const core = open();
    await ok(core, 'profile:save', {
      office: { code: 'LS-BAO', name: 'Báo Lạng Sơn', kind: 'press' },
      communes: [],
    });
    await ok(core, 'activities:create', act({ id: 'v', communes: [] }));
    const data = await ok<ReportData>(core, 'report:data', { period: '2025-Q3' });
    expect(data.figures.activities).toBe(1);
    expect(data.figures.byCommune).toEqual([]);
    const sentences = resultSentences(data, 'Báo Lạng Sơn').join('\n');
    expect(sentences).not.toMatch(/\btại \d/u);
    expect(sentences).not.toContain('phạm vi toàn đơn vị');
  });

  it('matches names whatever the tone placement, in imports, filters and search', async () => {
    const core = open();
    await ok(core, 'profile:save', {
      office: COMMUNE_OFFICE,
      communes: [{ code: 'HC', name: 'Thôn Hòa Cư' }, ...VILLAGES],
    });
    const imported = await ok<{ created: number }>(core, 'activities:import', {
      fileName: 'cu.json',
      records: [act({ id: 'old-style', communes: ['Thôn Hoà Cư'] })],
    });
    expect(imported.created).toBe(1);
    const rows = await ok<ActivityRow[]>(core, 'activities:list', { communes: ['THÔN HOÀ CƯ'] });
    expect(rows.map((r) => [r.id, r.communes])).toEqual([['old-style', ['Thôn Hòa Cư']]]);
    const found = await ok<ActivityRow[]>(core, 'activities:list', { search: 'hoa cu' });
    expect(found.map((r) => r.id)).toEqual(['old-style']);
    // Another tone is another name.
    const wrong = await refused(core, 'activities:create', act({ communes: ['Thôn Hoá Cư'] }));
    expect(wrong.message).toContain('không có thôn, bản, tổ dân phố "Thôn Hoá Cư"');
  });
});

describe('communes merged in 2025', () => {
  const OFFICE = {
    code: 'LS-CAOLOC-VHTT',
    name: 'Phòng Văn hóa và Thông tin',
    parent: 'UBND huyện Cao Lộc',
  };
  const BEFORE = [
    { code: 'TL', name: 'Xã Tân Liên', flags: [] },
    { code: 'GC', name: 'Xã Gia Cát', flags: ['ethnic'] },
    { code: 'HT', name: 'Xã Hợp Thành', flags: ['border'] },
  ];
  const AFTER = [
    { code: 'TT', name: 'Xã Tân Thành', flags: ['border', 'ethnic'], absorbed: ['TL', 'GC'] },
    { code: 'HT', name: 'Xã Hợp Thành', flags: ['border'] },
  ];

  it('rolls the absorbed communes into the new one, keeping what was recorded', async () => {
    const core = open();
    await ok(core, 'profile:save', { office: OFFICE, communes: BEFORE });
    // Before the merger (2025-Q2): under the old communes; one names two of them.
    await ok(
      core,
      'activities:create',
      act({ id: 'q2-tl', date: '2025-05-01', communes: ['Xã Tân Liên'] }),
    );
    await ok(
      core,
      'activities:create',
      act({ id: 'q2-both', date: '2025-05-02', communes: ['Xã Tân Liên', 'Xã Gia Cát'] }),
    );
    await ok(core, 'activities:create', act({ id: 'q2-ht', date: '2025-05-03', communes: ['HT'] }));
    await ok(core, 'profile:save', { office: OFFICE, communes: AFTER });
    // After: under the new one; an import naming an old one by name or code is taken as it.
    await ok(
      core,
      'activities:create',
      act({ id: 'q3-tt', date: '2025-08-01', communes: ['Xã Tân Thành'] }),
    );
    await ok(core, 'activities:import', {
      fileName: 'old-names.json',
      records: [
        act({ id: 'q3-old-name', date: '2025-08-02', communes: ['Xã Gia Cát'] }),
        act({ id: 'q3-old-code', date: '2025-08-03', communes: ['tl'] }),
      ],
    });

    const year = await ok<ReportData>(core, 'report:data', { period: '2025-Y' });
    expect(year.figures.activities).toBe(6);
    // Each activity once under Xã Tân Thành (q2-both names two absorbed communes); the old
    // communes have no line of their own.
    expect(year.figures.byCommune.map((c) => [c.code, c.activities])).toEqual([
      ['TT', 5],
      ['HT', 1],
    ]);
    // Flags are the new commune's: border reaches every activity, ethnic the Tân Thành ones.
    expect(year.figures.flagged.border).toEqual({ communes: 2, reached: 2, activities: 6 });
    expect(year.figures.flagged.ethnic).toEqual({ communes: 1, reached: 1, activities: 5 });

    // Compared across the merger, both quarters are counted by the new units.
    const q3 = await ok<ReportData>(core, 'report:data', { period: '2025-Q3' });
    expect(q3.figures.byCommune.find((c) => c.code === 'TT')!.activities).toBe(3);
    expect(q3.previous!.byCommune.find((c) => c.code === 'TT')!.activities).toBe(2);

    // What was recorded is kept; either name finds the activities.
    const rows = await ok<ActivityRow[]>(core, 'activities:list', {});
    const communesOf = (id: string) => rows.find((r) => r.id === id)!.communes;
    expect(communesOf('q2-both')).toEqual(['Xã Tân Liên', 'Xã Gia Cát']);
    expect(communesOf('q3-old-name')).toEqual(['Xã Tân Thành']);
    expect(communesOf('q3-old-code')).toEqual(['Xã Tân Thành']);
    const byOld = await ok<ActivityRow[]>(core, 'activities:list', { communes: ['Xã Gia Cát'] });
    const byNew = await ok<ActivityRow[]>(core, 'activities:list', { communes: ['Xã Tân Thành'] });
    expect(byOld.map((r) => r.id).sort()).toEqual(byNew.map((r) => r.id).sort());
    expect(byNew).toHaveLength(5);
    const searched = await ok<ActivityRow[]>(core, 'activities:list', { search: 'tan thanh' });
    expect(searched.map((r) => r.id)).toContain('q2-tl');

    // Editing an old activity keeps the commune it names.
    const before = rows.find((r) => r.id === 'q2-tl')!;
    const {
      createdAt: _c,
      updatedAt: _u,
      deletedAt: _d,
      communeCodes: _k,
      photoCount: _p,
      ...rest
    } = before;
    const edited = await ok<ActivityRow>(core, 'activities:update', {
      id: 'q2-tl',
      activity: { ...rest, title: 'Sửa tiêu đề' },
    });
    expect(edited.communes).toEqual(['Xã Tân Liên']);
  });

  it('carries the merger in the package, and the province counts it the same way', async () => {
    const office = createCore({
      dataDir: tempDir('tt-merge-office-'),
      mode: 'cli',
      passphrase: 'mật khẩu 123',
    });
    cores.push(office);
    await ok(office, 'profile:save', { office: OFFICE, communes: BEFORE });
    await ok(office, 'activities:create', act({ id: 'old', date: '2025-06-20', communes: ['GC'] }));
    await ok(office, 'profile:save', { office: OFFICE, communes: AFTER });
    await ok(office, 'activities:create', act({ id: 'new', date: '2025-08-01', communes: ['TT'] }));
    const out = tempDir('tt-merge-out-');
    const pkg = await office.packages.export('2025-Q3', { outDir: out });
    const own = await ok<ReportData>(office, 'report:data', { period: '2025-Q3' });

    const province = open();
    await ok(province, 'profile:save', {
      office: { code: 'LS-SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', kind: 'province' },
      communes: [],
    });
    await ok(province, 'settings:saveDesks', { office: false, province: true, deadlineDays: 10 });
    const pem = (await office.packages.certificate()).certificatePem;
    await ok(province, 'trust:addCertificate', { base64: Buffer.from(pem).toString('base64') });
    const taken = await ok<{ outcome: string }>(province, 'inbox:import', {
      fileName: path.basename(pkg.path),
      base64: fs.readFileSync(pkg.path).toString('base64'),
    });
    expect(taken.outcome).toBe('accepted');
    const merged = await ok<ReportData>(province, 'inbox:figures', { period: '2025-Q3' });
    expect(merged.figures.byCommune.map((c) => [c.code, c.activities])).toEqual(
      own.figures.byCommune.map((c) => [`${OFFICE.code}/${c.code}`, c.activities]),
    );
    expect(merged.figures.byCommune.find((c) => c.code.endsWith('/TT'))!.activities).toBe(2);
    expect(merged.figures.flagged).toEqual(own.figures.flagged);
  });
});

describe('a data file from before areas had kinds (version 70)', () => {
  it('is upgraded: old-style names still match and every activity keeps its commune', async () => {
    const dir = tempDir('tt-areas-v70-');
    const file = path.join(dir, DB_FILE);
    // The file as the previous version left it: migrations up to 70, one profile, one activity.
    const { db } = openDatabase(
      file,
      MIGRATIONS.filter((m) => m.version <= 70),
    );
    db.exec(`INSERT INTO office (id, code, name, updated_at) VALUES (1, 'X', 'Phòng', 'now');
      INSERT INTO communes (id, code, name, code_key, name_key, border, active, position)
        VALUES (1, 'HC', 'Xã Hoà Cư', 'hc', 'xã hoà cư', 1, 1, 0),
               (2, 'hc2', 'Xã Cũ', 'hc2', 'xã cũ', 0, 0, 1);`);
    closeDatabase(db);
    const core = createCore({ dataDir: dir, mode: 'cli' });
    cores.push(core);
    await ok(core, 'activities:create', act({ id: 'new', communes: ['Xã Hòa Cư'] }));
    const rows = await ok<ActivityRow[]>(core, 'activities:list', { communes: ['XÃ HOÀ CƯ'] });
    expect(rows.map((r) => [r.id, r.communes])).toEqual([['new', ['Xã Hoà Cư']]]);
    const profile = await ok<{ office: { department: string }; communes: unknown[] }>(
      core,
      'profile:get',
      {},
    );
    expect(profile.office.department).toBe('Sở Văn hóa, Thể thao và Du lịch');
    expect(profile.communes).toEqual([
      {
        code: 'HC',
        name: 'Xã Hoà Cư',
        flags: ['border'],
        absorbed: [],
        active: true,
        countsAs: null,
      },
      { code: 'hc2', name: 'Xã Cũ', flags: [], absorbed: [], active: false, countsAs: null },
    ]);
  });
});
