// The streaming reader over a workbook large enough that the UTF-8 bytes of some Vietnamese
// letters straddle the chunks it is read in: every name must come back whole (exceljs' own
// streaming reader turns such a letter into "��"), whether the sheet is read from a file or
// from bytes, with shared strings or inline ones.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheets } from '../../electron/core/sheets/read';
import { tempDir } from './helpers';

const NAMES = [
  'Thị trấn Cao Lộc',
  'Xã Thụy Hùng',
  'Tuyên truyền phòng, chống mua bán người ở bản Nà Lệnh',
];
const ROWS = 6000;

async function bigBook(file: string, sharedStrings: boolean): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: sharedStrings,
  });
  const sheet = book.addWorksheet('Sổ');
  sheet.addRow(['Ngày', 'Địa bàn', 'Nội dung']).commit();
  for (let i = 0; i < ROWS; i++) {
    sheet.addRow([`${(i % 28) + 1}/07/2023`, NAMES[i % 2], `${NAMES[2]} ${i}`]).commit();
  }
  sheet.commit();
  await book.commit();
}

describe('reading a large sheet', () => {
  for (const shared of [false, true]) {
    it(`keeps every Vietnamese letter whole (${shared ? 'shared strings' : 'inline strings'})`, async () => {
      const file = path.join(tempDir('tt-read-'), 'big.xlsx');
      await bigBook(file, shared);
      for (const source of [
        { fileName: 'big.xlsx', path: file },
        { fileName: 'big.xlsx', bytes: fs.readFileSync(file) },
      ]) {
        const [sheet] = await readSheets(source);
        expect(sheet!.rows).toHaveLength(ROWS + 1);
        const broken = sheet!.rows.filter((r) =>
          r.cells.some((c) => typeof c === 'string' && c.includes('\ufffd')),
        );
        expect(broken).toEqual([]);
        sheet!.rows.slice(1).forEach((r, i) => {
          expect(r.cells[1]).toBe(NAMES[i % 2]);
          expect(r.cells[2]).toBe(`${NAMES[2]} ${i}`);
        });
      }
    });
  }
});
