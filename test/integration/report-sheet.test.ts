// The report's figures as a spreadsheet, from real files: the workbook `report:sheet` and
// `report --out FILE.xlsx` write holds, cell by cell, the figures `report --json` and
// `report:data` give (numbers as numbers), laid out for A4 landscape with the header frozen
// and filtered; for a locked period, the figures signed into the package, even when the
// logbook underneath no longer gives them.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore, DB_FILE, type Core } from '../../electron/core';
import {
  AREA_FREE_LABEL,
  ESTIMATED_NOTE,
  REPORT_SHEETS,
  TOTAL_LABEL,
} from '../../electron/core/sheets/reportBook';
import {
  CHANNEL_LABELS,
  CHANNEL_MEASURES,
  CHANNELS,
  COMMUNE_FLAG_LABELS,
  COMMUNE_FLAGS,
  COUNT_MEASURES,
  MEASURE_LABELS,
  THEME_LABELS,
  THEMES,
} from '../../shared/domain';
import type { Result } from '../../shared/errors';
import type { ReportData, ReportFigures, ReportFileView } from '../../shared/report';
import { cli, PROFILE, ROOT, tempDir } from './helpers';

const PASS = { TUYENTRUYEN_PASSPHRASE: 'mật khẩu đúng 123' };
const QUARTER = path.join(ROOT, 'test/fixtures/quarter-2023-q3.json');
const KEY = { period: '2023-Q3', subject: 'trafficking' } as const;
const OUT = path.join(ROOT, 'test-output/sheets');

async function value<T>(result: Promise<Result<unknown>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function withCore<T>(dataDir: string, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = createCore({ dataDir, mode: 'cli', passphrase: PASS.TUYENTRUYEN_PASSPHRASE });
  try {
    return await fn(core);
  } finally {
    core.close();
  }
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** A data folder with the profile and the quarter's activities, set up by the CLI. */
function dataDir(): { dir: string; data: string; d: string[] } {
  const dir = tempDir('tt-sheet-');
  const data = path.join(dir, 'data');
  const d = ['--data-dir', data];
  expect(cli(['setup', '--profile', PROFILE, ...d]).status).toBe(0);
  expect(cli(['activities', 'import', QUARTER, ...d]).status).toBe(0);
  return { dir, data, d };
}

const sheetOf = (book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet "${name}"`);
  return sheet;
};

/** The header's row number: the first whose first cell is `header`. */
function headerRow(sheet: ExcelJS.Worksheet, header: string): number {
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    if (sheet.getRow(r).getCell(1).value === header) return r;
  }
  throw new Error(`no header "${header}" in ${sheet.name}`);
}

/** A row's values from column 1, as exceljs reads them back (null for an empty cell). */
function rowValues(sheet: ExcelJS.Worksheet, r: number, count: number): unknown[] {
  const row = sheet.getRow(r);
  return Array.from({ length: count }, (_, i) => row.getCell(i + 1).value ?? null);
}

/** Frozen header, filters on it, A4 landscape with the header repeated. */
function expectLayout(sheet: ExcelJS.Worksheet, header: number): void {
  const view = sheet.views[0] as ExcelJS.WorksheetViewFrozen;
  expect(view.state).toBe('frozen');
  expect(view.ySplit).toBe(header);
  expect(sheet.autoFilter).toBeTruthy();
  expect(JSON.stringify(sheet.autoFilter)).toContain(String(header));
  expect(sheet.pageSetup.paperSize).toBe(9);
  expect(sheet.pageSetup.orientation).toBe('landscape');
}

/** Every sheet checked against the report's data, cell by cell. */
function expectFigures(book: ExcelJS.Workbook, data: ReportData): void {
  expect(book.worksheets.map((s) => s.name)).toEqual(Object.values(REPORT_SHEETS));
  const f = data.figures;

  const channels = sheetOf(book, REPORT_SHEETS.channels);
  expect(channels.getRow(1).getCell(1).value).toBe('SỐ LIỆU TUYÊN TRUYỀN QUÝ III NĂM 2023');
  const h = headerRow(channels, 'Hình thức tuyên truyền');
  expectLayout(channels, h);
  const width = 4 + COUNT_MEASURES.length + 1;
  expect(rowValues(channels, h, width)).toEqual([
    'Hình thức tuyên truyền',
    'Số hoạt động',
    'Lượt người được tiếp cận',
    'Kinh phí (đồng)',
    ...COUNT_MEASURES.map((m) => MEASURE_LABELS[m]),
    'Ghi chú',
  ]);
  const estimated = new Set(data.estimated ?? []);
  CHANNELS.forEach((c, i) => {
    const cf = f.byChannel[c];
    const counts: readonly string[] = CHANNEL_MEASURES[c].counts;
    expect(rowValues(channels, h + 1 + i, width), c).toEqual([
      CHANNEL_LABELS[c],
      cf.activities,
      cf.audience,
      cf.costVnd,
      ...COUNT_MEASURES.map((m) => (counts.includes(m) ? (cf.measures[m] ?? 0) : null)),
      estimated.has(c) ? ESTIMATED_NOTE : null,
    ]);
  });
  const total = rowValues(channels, h + 1 + CHANNELS.length, 4);
  expect(total).toEqual([TOTAL_LABEL, f.activities, data.audience, data.costVnd]);
  // The rows' sums are the totals: each activity has one channel.
  const sum = (col: number) =>
    CHANNELS.reduce((s, _, i) => s + (channels.getRow(h + 1 + i).getCell(col).value as number), 0);
  expect([sum(2), sum(3), sum(4)]).toEqual([f.activities, data.audience, data.costVnd]);
  expect(channels.getRow(h + 1).getCell(2).numFmt).toBe('#,##0');

  const areas = sheetOf(book, REPORT_SHEETS.areas);
  const ha = headerRow(areas, 'Mã');
  expectLayout(areas, ha);
  f.byCommune.forEach((a, i) => {
    expect(rowValues(areas, ha + 1 + i, 4)).toEqual([a.code, a.name, a.activities, a.audience]);
  });
  let next = ha + 1 + f.byCommune.length;
  if (data.withoutArea && data.withoutArea.activities > 0) {
    expect(rowValues(areas, next, 4)).toEqual([
      null,
      AREA_FREE_LABEL,
      data.withoutArea.activities,
      data.withoutArea.audience,
    ]);
    next += 1;
  }
  expect(rowValues(areas, next, 4).slice(2)).toEqual([f.activities, data.audience]);

  const themes = sheetOf(book, REPORT_SHEETS.themes);
  const ht = headerRow(themes, 'Chủ đề');
  expectLayout(themes, ht);
  THEMES.forEach((t, i) => {
    expect(rowValues(themes, ht + 1 + i, 3)).toEqual([
      THEME_LABELS[t],
      data.byTheme[t].activities,
      data.byTheme[t].audience,
    ]);
  });

  const flagged = sheetOf(book, REPORT_SHEETS.flagged);
  const hf = headerRow(flagged, 'Loại địa bàn');
  expectLayout(flagged, hf);
  COMMUNE_FLAGS.forEach((flag, i) => {
    const ff = f.flagged[flag];
    expect(rowValues(flagged, hf + 1 + i, 5)).toEqual([
      COMMUNE_FLAG_LABELS[flag],
      ff.communes,
      ff.reached,
      ff.communes > 0 ? ff.reached / ff.communes : null,
      ff.activities,
    ]);
  });
  expect(flagged.getRow(hf + 1).getCell(4).numFmt).toBe('0%');
}

describe('report:sheet', () => {
  let setup: ReturnType<typeof dataDir>;
  let data: ReportData;
  let file: ReportFileView;

  beforeAll(async () => {
    setup = dataDir();
    await withCore(setup.data, async (core) => {
      data = await value<ReportData>(core.call('report:data', KEY));
      file = await value<ReportFileView>(core.call('report:sheet', KEY));
    });
    fs.mkdirSync(OUT, { recursive: true });
    fs.copyFileSync(file.path, path.join(OUT, file.fileName));
  }, 60_000);

  it('is named like the Word file and kept under reports/', () => {
    expect(file.fileName).toBe('BaoCao_LS-CAOLOC-VHTT_2023-Q3.xlsx');
    expect(file.path).toBe(path.join(setup.data, 'reports', file.fileName));
    expect(fs.readFileSync(file.path).equals(Buffer.from(file.base64, 'base64'))).toBe(true);
  });

  it("holds the report's figures, cell by cell", async () => {
    expect(data.figures.activities).toBeGreaterThan(0);
    expectFigures(await load(Buffer.from(file.base64, 'base64')), data);
  });

  it('`report --out FILE.xlsx` writes the same figures as `report --json`', async () => {
    const out = path.join(setup.dir, 'out', 'so-lieu.xlsx');
    const r = cli(['report', '--period', '2023-Q3', '--out', out, ...setup.d]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Đã ghi bảng số liệu vào ${out}`);
    const json = cli(['report', '--period', '2023-Q3', '--json', ...setup.d]);
    const figures = JSON.parse(json.stdout) as ReportFigures;
    expect(figures).toEqual(data.figures);
    expectFigures(await load(fs.readFileSync(out)), data);
  });
});

describe('report:sheet of a locked period', () => {
  it('gives the signed figures, not what the logbook says now', async () => {
    const { dir, data: dataDirPath, d } = dataDir();
    const before = await withCore(dataDirPath, (core) =>
      value<ReportData>(core.call('report:data', KEY)),
    );
    const r = cli(['export', '--period', '2023-Q3', '--out', path.join(dir, 'out'), ...d], PASS);
    expect(r.status, r.stderr).toBe(0);
    // Changed underneath the lock, as a damaged or tampered file could be: the live figures
    // move, the signed ones do not.
    const raw = new BetterSqlite3(path.join(dataDirPath, DB_FILE));
    raw.prepare("UPDATE activities SET audience = audience + 1000 WHERE id = 'q3-van-1'").run();
    raw.close();
    await withCore(dataDirPath, async (core) => {
      expect(core.report.liveData('2023-Q3', 'trafficking').audience).toBe(before.audience + 1000);
      const signed = await value<ReportData>(core.call('report:data', KEY));
      expect(signed.audience).toBe(before.audience);
      const file = await value<ReportFileView>(core.call('report:sheet', KEY));
      const book = await load(Buffer.from(file.base64, 'base64'));
      expectFigures(book, signed);
      const titles = rowValues(sheetOf(book, REPORT_SHEETS.channels), 4, 1);
      expect(titles[0]).toContain('đã ký');
    });
  }, 60_000);
});
