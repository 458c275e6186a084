// Spreadsheets in and out through the real CLI: the export read back identical, an older
// office sheet (titles, shuffled Vietnamese headers, typed dates and numbers) taken in, and
// refusals that name the sheet, row and column while writing nothing.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeActivities } from '../fixtures/activities';
import { cli, PROFILE, tempDir, writeJson } from './helpers';

let dir: string;
let data: string[];

function listJson(dataArgs = data): Array<Record<string, unknown>> {
  const r = cli(['activities', 'list', '--json', ...dataArgs]);
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Array<Record<string, unknown>>;
}

function freshData(name: string): string[] {
  const args = ['--data-dir', path.join(dir, name)];
  expect(cli(['setup', '--profile', PROFILE, ...args]).status).toBe(0);
  return args;
}

beforeEach(() => {
  dir = tempDir('tt-sheet-');
  data = freshData('data');
});

/** An office's own sheet of 2023, as typed in Excel before the app. */
async function oldSheet(
  file: string,
  rows: (string | number | Date | null)[][],
  header: string[] = [
    'STT',
    'Nội dung tuyên truyền',
    'Ngày thực hiện',
    'Hình thức tuyên truyền',
    'Địa điểm',
    'Số lượng',
    'Số người tham dự',
    'Kinh phí (đồng)',
    'Ghi chú',
  ],
): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Năm 2023');
  sheet.addRow(['UBND HUYỆN CAO LỘC']);
  sheet.addRow(['BẢNG THEO DÕI HOẠT ĐỘNG TUYÊN TRUYỀN NĂM 2023']);
  sheet.addRow([]);
  sheet.addRow(header);
  rows.forEach((r) => sheet.addRow(r));
  await book.xlsx.writeFile(file);
}

describe('activities export and import of .xlsx', () => {
  it('comes back identical: ids, dates, figures, areas, themes', async () => {
    const file = writeJson(dir, 'a.json', makeActivities(300));
    expect(cli(['activities', 'import', file, ...data]).status).toBe(0);
    const before = listJson();

    const xlsx = path.join(dir, 'so.xlsx');
    const out = cli(['activities', 'export', '--out', xlsx, ...data]);
    expect(out.stderr).toBe('');
    expect(out.stdout.trim()).toBe(xlsx);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const names = book.worksheets.map((w) => w.name);
    expect(names[0]).toBe('Tất cả hoạt động');
    expect(names).toContain('Xe lưu động');
    const all = book.getWorksheet('Tất cả hoạt động')!;
    // Title, subtitle, blank, then the header: frozen and filtered.
    expect(all.getRow(4).getCell(1).value).toBe('Mã hoạt động');
    // The id is kept for reading back, hidden from view and print; the title shows beside it.
    expect(all.getColumn(1).hidden).toBe(true);
    expect(all.getRow(1).getCell(2).value).toBe('PHÒNG VĂN HÓA VÀ THÔNG TIN');
    expect(all.getRow(4).getCell(2).value).toBe('Ngày');
    expect(all.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(all.autoFilter).toBeTruthy();
    expect(all.pageSetup.orientation).toBe('landscape');
    expect(all.pageSetup.paperSize).toBe(9);
    expect(all.rowCount).toBe(4 + 300);
    const first = before[before.length - 1]!;
    const row = [...Array(300).keys()]
      .map((i) => all.getRow(5 + i))
      .find((r) => r.getCell(1).value === first.id)!;
    const dateCell = row.getCell(2);
    expect(dateCell.value).toBeInstanceOf(Date);
    expect((dateCell.value as Date).toISOString().slice(0, 10)).toBe(first.date);
    expect(dateCell.numFmt).toBe('dd/mm/yyyy');
    const audience = row.getCell(10);
    expect(audience.value).toBe(first.audience);
    expect(audience.numFmt).toBe('#,##0');
    // The van sheet holds only vans, with their measures as columns.
    const vans = book.getWorksheet('Xe lưu động')!;
    const vanHeaders = (vans.getRow(4).values as unknown[]).slice(1);
    expect(vanHeaders.slice(-3)).toEqual(['Số buổi', 'Số km', 'Số phút']);
    expect(vans.rowCount - 4).toBe(before.filter((a) => a.channel === 'van').length);

    // Into an empty logbook: the same activities, ids kept.
    const other = freshData('other');
    const back = cli(['activities', 'import', xlsx, ...other]);
    expect(back.stderr).toContain('Đã đọc 300 dòng');
    expect(back.status).toBe(0);
    expect(back.stdout).toContain('300 mới, 0 cập nhật, 0 không đổi');
    expect(listJson(other)).toEqual(before);
    // And over the logbook it came from: nothing changes.
    const again = cli(['activities', 'import', xlsx, ...data]);
    expect(again.stdout).toContain('0 mới, 0 cập nhật, 300 không đổi');
  });

  it('takes in an older sheet: titles above, variant headers, typed dates and numbers', async () => {
    const file = path.join(dir, 'cu.xlsx');
    await oldSheet(file, [
      [
        1,
        'Tuyên truyền lưu động phòng, chống mua bán người',
        '28/07/2023',
        'Xe lưu động',
        'xã hợp thành',
        3,
        '1.200',
        '1.500.000',
        '',
      ],
      [
        2,
        'Treo băng rôn hưởng ứng Ngày 30/7',
        '29/7/2023',
        'Băng rôn',
        'Hợp Thành; Thụy Hùng',
        45,
        null,
        '2.250.000 đ',
        'Thôn Nà Lệnh',
      ],
      [
        3,
        'Lồng ghép trước buổi chiếu phim',
        new Date(Date.UTC(2023, 7, 2)),
        'Chiếu phim lưu động',
        'Thị trấn Đồng Đăng',
        2,
        650,
        0,
        null,
      ],
      [
        4,
        'Phát tin trên đài xã',
        '03-05/08/2023',
        'Đài truyền thanh',
        'CL-BL',
        6,
        null,
        null,
        null,
      ],
      [null, 'Tổng cộng', null, null, null, 56, 1850, 3750000, null],
    ]);
    const r = cli(['activities', 'import', file, ...data]);
    expect(r.stderr).toContain(`"Năm 2023" (tiêu đề cột ở dòng 4)`);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Đã nhập 4 hoạt động');
    const listed = listJson().sort((a, b) => String(a.date).localeCompare(String(b.date)));
    expect(
      listed.map((a) => [
        a.date,
        a.endDate,
        a.channel,
        a.communes,
        a.audience,
        a.costVnd,
        a.measures,
      ]),
    ).toEqual([
      [
        '2023-07-28',
        undefined,
        'van',
        ['Xã Hợp Thành'],
        1200,
        1500000,
        { sessions: 3, km: 0, minutes: 0 },
      ],
      [
        '2023-07-29',
        undefined,
        'banner',
        ['Xã Hợp Thành', 'Xã Thụy Hùng'],
        0,
        2250000,
        { pieces: 45 },
      ],
      [
        '2023-08-02',
        undefined,
        'cinema',
        ['Thị trấn Đồng Đăng'],
        650,
        0,
        { screenings: 2, messageMinutes: 0 },
      ],
      [
        '2023-08-03',
        '2023-08-05',
        'radio',
        ['Xã Bảo Lâm'],
        0,
        0,
        { items: 6, broadcasts: 0, minutes: 0 },
      ],
    ]);
    expect(listed[1]!.notes).toBe('Thôn Nà Lệnh');
    expect(listed.every((a) => JSON.stringify(a.themes) === '["trafficking"]')).toBe(true);
  });

  it('refuses a sheet with a bad cell, naming sheet, row and column, and writes nothing', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => [
      i + 1,
      `Hội nghị ${i + 1}`,
      `${String(i + 1).padStart(2, '0')}/08/2023`,
      'Hội nghị',
      'Xã Bảo Lâm',
      1,
      50,
      0,
      null,
    ]);
    // Row 14 of the sheet: four rows above the data, this is its tenth.
    rows[9]![2] = '31/02/2023';
    rows[10]![4] = 'Xã Không Có';
    rows[11]![6] = '12,5';
    const file = path.join(dir, 'loi.xlsx');
    await oldSheet(file, rows);
    const r = cli(['activities', 'import', file, ...data]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Không nhập gì: 3 lỗi ở 3 dòng.');
    expect(r.stderr).toContain(
      `trang "Năm 2023", dòng 14, cột "Ngày thực hiện" (C): ngày 31/02/2023 không có trong lịch.`,
    );
    expect(r.stderr).toContain(`dòng 15, cột "Địa điểm" (E): không có xã`);
    expect(r.stderr).toContain(`dòng 16, cột "Số người tham dự" (G): số 12,5 không phải số nguyên`);
    expect(listJson()).toEqual([]);
  });

  it('asks for a column it does not know, and takes the answer from --map', async () => {
    const file = path.join(dir, 'la.xlsx');
    await oldSheet(
      file,
      [
        [
          1,
          'Nói chuyện chuyên đề',
          '05/08/2023',
          'Nói chuyện chuyên đề',
          'Xã Bảo Lâm',
          2,
          80,
          0,
          'Hội LHPN',
        ],
      ],
      [
        'STT',
        'Nội dung',
        'Ngày',
        'Hình thức',
        'Xã',
        'Số lượng',
        'Số người',
        'Kinh phí',
        'Đơn vị phối hợp',
      ],
    );
    const r = cli(['activities', 'import', file, ...data]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('chưa biết các cột "Đơn vị phối hợp" ứng với trường nào');
    expect(r.stderr).toContain('--map');
    expect(listJson()).toEqual([]);

    const map = writeJson(dir, 'map.json', { 'Đơn vị phối hợp': 'notes' });
    const ok = cli(['activities', 'import', file, '--map', map, ...data]);
    expect(ok.status).toBe(0);
    const [a] = listJson();
    expect(a).toMatchObject({ channel: 'meeting', notes: 'Hội LHPN', measures: { sessions: 2 } });

    const wrong = writeJson(dir, 'wrong.json', { 'Đơn vị phối hợp': 'ghichu' });
    const bad = cli(['activities', 'import', file, '--map', wrong, ...data]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('"ghichu" không phải trường nào');
  });

  it('reads a CSV saved by a Vietnamese Excel: semicolons, a byte-order mark', () => {
    const file = path.join(dir, 'so.csv');
    const text =
      '\ufeffNgày;Hình thức;Xã;Nội dung;Số người;Kinh phí (đồng);Số lượng\r\n' +
      '28/07/2023;Xe thông tin lưu động;Xã Hợp Thành;Tuyên truyền lưu động;1.200;1.500.000;3\r\n' +
      '02/08/2023;Tờ rơi;;Phát tờ rơi;0;0;2.000\r\n';
    fs.writeFileSync(file, text);
    const r = cli(['activities', 'import', file, ...data]);
    expect(r.stderr).not.toContain('Không nhập');
    expect(r.status).toBe(0);
    const listed = listJson().sort((a, b) => String(a.date).localeCompare(String(b.date)));
    expect(listed.map((a) => [a.channel, a.audience, a.costVnd, a.measures])).toEqual([
      ['van', 1200, 1500000, { sessions: 3, km: 0, minutes: 0 }],
      ['leaflet', 0, 0, { copies: 2000 }],
    ]);
  });

  it('says what an old .xls is and refuses a damaged workbook', () => {
    const xls = path.join(dir, 'cu.xls');
    fs.writeFileSync(xls, 'not really');
    const r = cli(['activities', 'import', xls, ...data]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('là tệp Excel cũ (.xls)');
    const broken = path.join(dir, 'hong.xlsx');
    fs.writeFileSync(broken, Buffer.from('PK\u0003\u0004garbage'));
    const b = cli(['activities', 'import', broken, ...data]);
    expect(b.status).toBe(1);
    expect(b.stderr).toContain('không phải tệp Excel đọc được');
  });
});
