// The province desk's tables as a spreadsheet, from real signed packages taken in: who has
// sent theirs (one row per office, as `inbox:completeness` has it, with the counts per state
// under them), the merged figures by channel, and the table by office whose cells are
// `inbox:figures`' and whose total row is their sum. `inbox report --out FILE.xlsx` writes it.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { PROVINCE_SHEETS, STATE_LABELS } from '../../electron/core/sheets/provinceBook';
import { TOTAL_LABEL } from '../../electron/core/sheets/reportBook';
import { CHANNEL_LABELS, CHANNEL_SHORT_LABELS, CHANNELS, type Channel } from '../../shared/domain';
import { vietnamDay } from '../../shared/format';
import { INBOX_STATES, type Completeness, type MergedData } from '../../shared/inbox';
import { isCounted, OWN_ROW_SUFFIX, UNCOUNTED_NOTES } from '../../shared/mergedText';
import type { ReportFileView } from '../../shared/report';
import { cli, ROOT, tempDir } from './helpers';

const PERIOD = '2025-Q3';
const OUT = path.join(ROOT, 'test-output/sheets');

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
};

interface OfficeSpec {
  code: string;
  name: string;
  activities: Record<string, unknown>[];
}

const VAN = {
  channel: 'van',
  date: '2025-07-30',
  communes: ['Thôn Nà Lệnh'],
  themes: ['trafficking'],
  title: 'Xe lưu động ngày 30/7',
  audience: 800,
  costVnd: 1_200_000,
  measures: { sessions: 2, km: 30, minutes: 120 },
};
const RADIO = {
  channel: 'radio',
  date: '2025-08-05',
  communes: ['Bản Pò Mã'],
  themes: ['trafficking'],
  title: 'Phát thanh',
  audience: 500,
  measures: { items: 4, broadcasts: 8, minutes: 40 },
};
const MEETING = {
  channel: 'meeting',
  date: '2025-08-20',
  communes: ['Thôn Nà Lệnh'],
  themes: ['trafficking'],
  title: 'Họp dân',
  audience: 60,
  measures: { sessions: 1 },
};

const OFFICES: OfficeSpec[] = [
  { code: 'LS-A-VHXH', name: 'Phòng Văn hóa - Xã hội xã Đồng Đăng', activities: [VAN, RADIO] },
  { code: 'LS-B-VHXH', name: 'Phòng Văn hóa - Xã hội xã Cao Lộc', activities: [MEETING, VAN] },
  { code: 'LS-C-VHXH', name: 'Phòng Văn hóa - Xã hội xã Hợp Thành', activities: [] },
  { code: 'LS-D-VHXH', name: 'Phòng Văn hóa - Xã hội xã Thụy Hùng', activities: [RADIO] },
];

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

function sheetOf(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet "${name}"`);
  return sheet;
}

function headerRow(sheet: ExcelJS.Worksheet, header: string): number {
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    if (sheet.getRow(r).getCell(1).value === header) return r;
  }
  throw new Error(`no header "${header}" in ${sheet.name}`);
}

function rowValues(sheet: ExcelJS.Worksheet, r: number, count: number): unknown[] {
  const row = sheet.getRow(r);
  return Array.from({ length: count }, (_, i) => row.getCell(i + 1).value ?? null);
}

describe('inbox:sheet', () => {
  const root = tempDir('tt-psheet-');
  const opened: Core[] = [];
  let desk: Core;
  let file: ReportFileView;
  let book: ExcelJS.Workbook;
  let completeness: Completeness;
  let merged: MergedData;

  beforeAll(async () => {
    // The offices are registered at the start of the period: the desk follows them from
    // then, so C, which sends nothing, is missing (not merely not followed yet).
    let registering = false;
    desk = createCore({
      dataDir: path.join(root, 'desk'),
      mode: 'cli',
      now: () => (registering ? '2025-06-20T03:00:00.000Z' : new Date().toISOString()),
    });
    opened.push(desk);
    await ok(desk, 'profile:save', { office: DEPARTMENT, communes: [] });
    await ok(desk, 'settings:saveDesks', { office: true, province: true, deadlineDays: 10 });
    await ok(desk, 'activities:create', {
      channel: 'online',
      date: '2025-07-28',
      communes: [],
      themes: ['trafficking'],
      title: 'Tin, bài trên tintuclangson.vn',
      audience: 15000,
      measures: { items: 22, url: 'https://tintuclangson.vn' },
    });
    for (const spec of OFFICES) {
      const dataDir = path.join(root, spec.code);
      const office = createCore({ dataDir, mode: 'cli', passphrase: 'mk 123' });
      opened.push(office);
      await ok(office, 'profile:save', {
        office: { code: spec.code, name: spec.name, kind: 'commune' },
        communes: [
          { code: 'NL', name: 'Thôn Nà Lệnh', flags: ['border'] },
          { code: 'PM', name: 'Bản Pò Mã', flags: [] },
        ],
      });
      for (const a of spec.activities) await ok(office, 'activities:create', a);
      const pem = (await office.packages.certificate()).certificatePem;
      // D is not registered: its package waits in quarantine. C registers but sends nothing.
      if (spec.code !== 'LS-D-VHXH') {
        registering = true;
        await ok(desk, 'trust:addCertificate', { base64: Buffer.from(pem).toString('base64') });
        registering = false;
      }
      if (spec.activities.length === 0) continue;
      const pkg = await office.packages.export(PERIOD, { outDir: path.join(root, 'out') });
      await ok(desk, 'inbox:import', {
        fileName: path.basename(pkg.path),
        base64: fs.readFileSync(pkg.path).toString('base64'),
      });
    }
    completeness = await ok<Completeness>(desk, 'inbox:completeness', {
      period: PERIOD,
      count: 1,
    });
    merged = await ok<MergedData>(desk, 'inbox:figures', { period: PERIOD });
    file = await ok<ReportFileView>(desk, 'inbox:sheet', { period: PERIOD });
    book = await load(Buffer.from(file.base64, 'base64'));
    fs.mkdirSync(OUT, { recursive: true });
    fs.copyFileSync(file.path, path.join(OUT, file.fileName));
  }, 120_000);

  afterAll(() => {
    for (const core of opened) core.close();
  });

  it('is named like the merged Word file and has the three sheets', () => {
    expect(file.fileName).toBe(`BaoCaoTongHop_${DEPARTMENT.code}_${PERIOD}.xlsx`);
    expect(fs.existsSync(file.path)).toBe(true);
    expect(book.worksheets.map((s) => s.name)).toEqual(Object.values(PROVINCE_SHEETS));
    for (const sheet of book.worksheets) {
      expect((sheet.views[0] as ExcelJS.WorksheetViewFrozen).state).toBe('frozen');
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.pageSetup.orientation).toBe('landscape');
      expect(sheet.pageSetup.paperSize).toBe(9);
    }
  });

  it("lists each office's state as inbox:completeness has it, then the counts", () => {
    const sheet = sheetOf(book, PROVINCE_SHEETS.completeness);
    expect(sheet.getRow(1).getCell(1).value).toBe('TÌNH HÌNH NỘP BÁO CÁO QUÝ III NĂM 2025');
    const h = headerRow(sheet, 'Mã đơn vị');
    expect((sheet.views[0] as ExcelJS.WorksheetViewFrozen).ySplit).toBe(h);
    expect(completeness.offices.map((o) => o.code)).toEqual(OFFICES.map((o) => o.code));
    expect(completeness.offices.map((o) => o.cells[0]!.state)).toEqual([
      'received',
      'received',
      'missing',
      'quarantined',
    ]);
    completeness.offices.forEach((o, i) => {
      const cell = o.cells[0]!;
      const values = rowValues(sheet, h + 1 + i, 5);
      if (cell.state === 'notFollowed') throw new Error(`${o.code} is followed in this period`);
      expect(values.slice(0, 4)).toEqual([o.code, o.name, STATE_LABELS[cell.state], cell.sequence]);
      if (cell.receivedAt === null) {
        expect(values[4]).toBeNull();
      } else {
        // A real date, of the day it came in Vietnam.
        expect(values[4]).toBeInstanceOf(Date);
        expect((values[4] as Date).toISOString().slice(0, 10)).toBe(vietnamDay(cell.receivedAt));
        expect(sheet.getRow(h + 1 + i).getCell(5).numFmt).toBe('dd/mm/yyyy');
      }
    });
    const summary = headerRow(sheet, 'Mã đơn vị') + completeness.offices.length + 2;
    expect(rowValues(sheet, summary, 5)).toEqual([null, 'Tình trạng', null, 'Số đơn vị', 'Tỷ lệ']);
    const n = completeness.offices.length;
    INBOX_STATES.forEach((s, i) => {
      const count = completeness.offices.filter((o) => o.cells[0]!.state === s).length;
      expect(rowValues(sheet, summary + 1 + i, 5)).toEqual([
        null,
        STATE_LABELS[s],
        null,
        count,
        count / n,
      ]);
    });
    expect(sheet.getRow(summary + 1).getCell(5).numFmt).toBe('0%');
    expect(rowValues(sheet, summary + 2 + INBOX_STATES.length, 4)).toEqual([
      null,
      TOTAL_LABEL,
      null,
      n,
    ]);
  });

  it('gives the merged figures by channel', () => {
    const sheet = sheetOf(book, PROVINCE_SHEETS.figures);
    const h = headerRow(sheet, 'Hình thức tuyên truyền');
    CHANNELS.forEach((c, i) => {
      const f = merged.figures.byChannel[c];
      expect(rowValues(sheet, h + 1 + i, 4)).toEqual([
        CHANNEL_LABELS[c],
        f.activities,
        f.audience,
        f.costVnd,
      ]);
    });
    expect(rowValues(sheet, h + 1 + CHANNELS.length, 4)).toEqual([
      TOTAL_LABEL,
      merged.figures.activities,
      merged.audience,
      merged.costVnd,
    ]);
  });

  it('tables by office, cell by cell, totals the sums', () => {
    const sheet = sheetOf(book, PROVINCE_SHEETS.offices);
    const h = headerRow(sheet, 'Mã đơn vị');
    // The channels with figures: the department's news, the offices' van, radio, meeting.
    const channels: Channel[] = ['van', 'radio', 'meeting', 'online'];
    const width = 4 + channels.length + 1;
    expect(rowValues(sheet, h, width)).toEqual([
      'Mã đơn vị',
      'Tên đơn vị',
      'Số hoạt động',
      'Lượt người được tiếp cận',
      ...channels.map((c) => CHANNEL_SHORT_LABELS[c]),
      'Ghi chú',
    ]);
    const own = merged.parts!.own;
    expect(rowValues(sheet, h + 1, width)).toEqual([
      own.code,
      `${own.name}${OWN_ROW_SUFFIX}`,
      own.data.figures.activities,
      own.data.audience,
      ...channels.map((c) => own.data.figures.byChannel[c].activities),
      null,
    ]);
    merged.offices.forEach((o, i) => {
      const values = rowValues(sheet, h + 2 + i, width);
      if (isCounted(o.state)) {
        expect(values).toEqual([
          o.code,
          o.name,
          o.activities,
          o.audience,
          ...channels.map((c) => o.byChannel[c].activities),
          null,
        ]);
      } else {
        expect(values).toEqual([
          o.code,
          o.name,
          ...Array.from({ length: 2 + channels.length }, () => null),
          UNCOUNTED_NOTES[o.state],
        ]);
      }
    });
    const total = rowValues(sheet, h + 2 + merged.offices.length, width - 1);
    expect(total.slice(1, 4)).toEqual([TOTAL_LABEL, merged.figures.activities, merged.audience]);
    channels.forEach((c, i) => expect(total[4 + i]).toBe(merged.figures.byChannel[c].activities));
  });

  it('`inbox report --out FILE.xlsx` writes the workbook', async () => {
    // The desk's core is closed first: the CLI opens the same data folder.
    for (const core of opened) core.close();
    opened.length = 0;
    const out = path.join(root, 'cli', 'bang-tong-hop.xlsx');
    const r = cli([
      'inbox',
      'report',
      '--period',
      PERIOD,
      '--out',
      out,
      '--data-dir',
      path.join(root, 'desk'),
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Đã ghi bảng tổng hợp vào ${out}`);
    const written = await load(fs.readFileSync(out));
    expect(written.worksheets.map((s) => s.name)).toEqual(Object.values(PROVINCE_SHEETS));
    const sheet = sheetOf(written, PROVINCE_SHEETS.offices);
    const h = headerRow(sheet, 'Mã đơn vị');
    expect(sheet.getRow(h + 1 + 1 + merged.offices.length).getCell(3).value).toBe(
      merged.figures.activities,
    );
  });
});
