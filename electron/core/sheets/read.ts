// Reads a spreadsheet (.xlsx, or .csv as Excel saves it) into plain rows of cell values,
// streaming: the workbook is never held as exceljs' object model, only the values. A file
// that is not a readable sheet is refused in words naming it.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { parse as parseCsv } from '@fast-csv/parse';
import type ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import { WorkbookReader } from './workbookReader';
import { sheetKind } from './kind';

export type RawCell = string | number | boolean | Date | null;

export interface RawRow {
  /** The row's number as the spreadsheet shows it (1 is the first). */
  n: number;
  cells: RawCell[];
}

export interface RawSheet {
  name: string;
  rows: RawRow[];
}

export type SheetSource = { fileName: string } & ({ bytes: Buffer } | { path: string });

/** Rows read across all sheets of one file; far above any office's logbook. */
export const MAX_ROWS = 1_000_000;

export type ReadProgress = (rowsRead: number) => void;

function unreadable(fileName: string, why: string, whyEn: string): AppError {
  return new AppError('invalid_input', {
    vi: `Tệp ${fileName}: ${why}`,
    en: `File ${fileName}: ${whyEn}`,
  });
}

/** A cell's value as shown: the result of a formula, the text of rich text or a link. */
function plain(value: ExcelJS.CellValue | undefined): RawCell {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return plain(value.result);
    if ('formula' in value || 'sharedFormula' in value) return null;
    if ('text' in value && typeof value.text === 'string') return value.text;
  }
  return null;
}

function countRow(total: { rows: number }, fileName: string, onProgress?: ReadProgress): void {
  total.rows += 1;
  if (total.rows > MAX_ROWS) {
    throw unreadable(
      fileName,
      `có hơn ${MAX_ROWS.toLocaleString('vi-VN')} dòng; hãy tách thành nhiều tệp.`,
      `has more than ${MAX_ROWS} rows; split it into several files.`,
    );
  }
  if (onProgress && total.rows % 1000 === 0) onProgress(total.rows);
}

async function readXlsx(source: SheetSource, onProgress?: ReadProgress): Promise<RawSheet[]> {
  const input = 'bytes' in source ? Readable.from([source.bytes]) : source.path;
  // Styles are kept so that a date cell comes back as a date, not its serial number.
  const reader = new WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  const sheets: RawSheet[] = [];
  const total = { rows: 0 };
  for await (const worksheet of reader) {
    const named = worksheet as unknown as { name: string; state?: string };
    const sheet: RawSheet = { name: named.name, rows: [] };
    for await (const row of worksheet) {
      const values = row.values as ExcelJS.CellValue[];
      const cells: RawCell[] = [];
      for (let i = 1; i < values.length; i += 1) cells.push(plain(values[i]));
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      if (cells.length === 0) continue;
      countRow(total, source.fileName, onProgress);
      sheet.rows.push({ n: row.number, cells });
    }
    // A hidden sheet is the workbook's machinery, not data the office typed.
    if (named.state !== 'hidden' && named.state !== 'veryHidden') sheets.push(sheet);
  }
  return sheets;
}

/**
 * CSV text as Excel writes it on a Vietnamese Windows: UTF-8 (with or without its mark), or
 * the old Windows-1258 code page when the bytes are not UTF-8.
 */
function csvText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1258').decode(bytes);
  }
}

/** Excel in a Vietnamese locale separates with ";" (the comma is the decimal mark). */
function csvDelimiter(text: string): string {
  const head = text.split(/\r?\n/, 5).join('\n');
  const count = (ch: string): number => head.split(ch).length - 1;
  if (count('\t') > count(',') && count('\t') > count(';')) return '\t';
  return count(';') > count(',') ? ';' : ',';
}

async function readCsv(source: SheetSource, onProgress?: ReadProgress): Promise<RawSheet[]> {
  const bytes = 'bytes' in source ? source.bytes : fs.readFileSync(source.path);
  const text = csvText(bytes).normalize('NFC');
  const rows: RawRow[] = [];
  const total = { rows: 0 };
  let n = 0;
  await new Promise<void>((resolve, reject) => {
    Readable.from([text])
      .pipe(parseCsv({ delimiter: csvDelimiter(text), ignoreEmpty: false, trim: false }))
      .on('error', (err: Error) =>
        reject(unreadable(source.fileName, `không đọc được CSV (${err.message}).`, err.message)),
      )
      .on('data', (record: string[]) => {
        n += 1;
        const cells: RawCell[] = record.map((v) => (v.trim() === '' ? null : v));
        while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
        if (cells.length === 0) return;
        try {
          countRow(total, source.fileName, onProgress);
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
          return;
        }
        rows.push({ n, cells });
      })
      .on('end', () => resolve());
  });
  return [{ name: source.fileName.replace(/^.*[\\/]/, '').replace(/\.csv$/i, ''), rows }];
}

export async function readSheets(
  source: SheetSource,
  onProgress?: ReadProgress,
): Promise<RawSheet[]> {
  const kind = sheetKind(source.fileName);
  if (kind === null) {
    throw unreadable(
      source.fileName,
      /\.xls$/i.test(source.fileName)
        ? 'là tệp Excel cũ (.xls). Hãy mở trong Excel và lưu lại dạng .xlsx rồi nhập.'
        : 'chỉ nhập được tệp .xlsx hoặc .csv.',
      /\.xls$/i.test(source.fileName)
        ? 'is an old Excel file (.xls). Open it in Excel, save it as .xlsx and import that.'
        : 'only .xlsx and .csv files can be imported.',
    );
  }
  if ('path' in source && !fs.existsSync(source.path)) {
    throw unreadable(source.fileName, 'không tìm thấy tệp.', 'the file does not exist.');
  }
  if (kind === 'csv') return readCsv(source, onProgress);
  try {
    return await readXlsx(source, onProgress);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable(
      source.fileName,
      'không phải tệp Excel đọc được (có thể tệp bị hỏng hoặc không phải .xlsx).',
      'is not a readable Excel file (damaged, or not .xlsx).',
    );
  }
}
