// How every spreadsheet the app writes looks: a title above a bold header that stays in view
// (frozen) with filters, real types (dates shown dd/mm/yyyy, whole numbers with thousands
// grouping, which Excel shows with the separators of Windows' region: "1.500.000" on a
// Vietnamese computer), widths that fit Vietnamese headers, and printing on A4 landscape with
// the header repeated on every page. Works on both the in-memory and the streaming workbook.
import ExcelJS from 'exceljs';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CREATOR = 'Sổ tuyên truyền';

export type CellKind = 'text' | 'date' | 'int' | 'share';

export interface SheetColumn {
  header: string;
  kind: CellKind;
  /** Width in characters; the header's length (capped) when not given. */
  width?: number;
  /** Kept in the file but not shown or printed (an id the app reads back). */
  hidden?: boolean;
}

/** A cell's value: an ISO date for date columns, a number for numbers, else text. */
export type CellValue = string | number | boolean | null;

const NUM_FMT: Record<CellKind, string | undefined> = {
  text: '@',
  date: 'dd/mm/yyyy',
  int: '#,##0',
  share: '0%',
};

type AnySheet = ExcelJS.Worksheet;

export function newBook(createdAt: Date = new Date()): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = CREATOR;
  book.created = createdAt;
  book.modified = createdAt;
  return book;
}

/** "2023-07-28" as the UTC midnight Excel stores for that day (exceljs converts in UTC). */
export function excelDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d));
}

function widthOf(column: SheetColumn): number {
  return column.width ?? Math.min(Math.max(column.header.length + 2, 10), 40);
}

const headerRowOf = (titles: readonly string[]): number =>
  titles.length > 0 ? titles.length + 2 : 1;

/**
 * Frozen header, filters and A4 landscape printing with the header repeated: the options of
 * `addWorksheet`, which the streaming writer needs up front.
 */
export function sheetOptions(
  columns: readonly SheetColumn[],
  titles: readonly string[] = [],
): Pick<ExcelJS.Worksheet, 'views' | 'autoFilter'> & { pageSetup: Partial<ExcelJS.PageSetup> } {
  const headerRow = headerRowOf(titles);
  return {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0, activeCell: `A${headerRow + 1}` }],
    autoFilter: {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow, column: Math.max(columns.length, 1) },
    },
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  };
}

/**
 * Lays out the top of a sheet: the title lines (bold, the first larger), then the header
 * row; freezes everything down to the header, sets filters, widths, number formats and the
 * print setup. Returns the header's row number; data rows follow it.
 */
export function startSheet(
  sheet: AnySheet,
  columns: readonly SheetColumn[],
  titles: readonly string[] = [],
): number {
  sheet.columns = columns.map((c) => ({
    width: widthOf(c),
    ...(c.hidden ? { hidden: true } : {}),
    // Long text wraps within its column instead of running under the next one.
    style: {
      ...(NUM_FMT[c.kind] && c.kind !== 'text' ? { numFmt: NUM_FMT[c.kind] } : {}),
      alignment: { vertical: 'top', ...(c.kind === 'text' ? { wrapText: true } : {}) },
    },
  }));
  // Titles go in the first column shown (a hidden first column would hide them).
  const titleColumn = Math.max(1, columns.findIndex((c) => !c.hidden) + 1);
  titles.forEach((title, i) => {
    const row = sheet.getRow(i + 1);
    const cell = row.getCell(titleColumn);
    cell.value = title;
    cell.alignment = { vertical: 'top', wrapText: false };
    row.font = { bold: true, size: i === 0 ? 14 : 12 };
    row.commit?.();
  });
  const headerRow = headerRowOf(titles);
  if (titles.length > 0) sheet.getRow(titles.length + 1).commit?.();
  const header = sheet.getRow(headerRow);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  // Room for wrapped headings: LibreOffice and older Excel do not grow a row for wrapped text
  // they did not lay out themselves, and the heading would run into the first data row.
  const lines = Math.max(1, ...columns.map((c) => Math.ceil(c.header.length / (widthOf(c) - 1))));
  if (lines > 1) header.height = 15 * Math.min(lines, 4);
  header.commit?.();
  // The streaming writer takes these when the sheet is added (sheetOptions); the in-memory
  // workbook takes them now.
  if (typeof (sheet as { commit?: unknown }).commit !== 'function') {
    const options = sheetOptions(columns, titles);
    sheet.views = options.views;
    sheet.autoFilter = options.autoFilter;
    sheet.pageSetup = { ...sheet.pageSetup, ...options.pageSetup };
  }
  return headerRow;
}

/** One data row, each value typed by its column. */
export function addRow(
  sheet: AnySheet,
  columns: readonly SheetColumn[],
  values: readonly CellValue[],
): void {
  const row = sheet.addRow(
    values.map((v, i) => {
      if (v === null || v === '') return null;
      if (columns[i]?.kind === 'date' && typeof v === 'string') return excelDate(v);
      return v;
    }),
  );
  // Wrapped text needs its row's height set: neither LibreOffice nor Excel grows a row for
  // text a program wrote, and the lines would run into the next row.
  const lines = Math.max(
    1,
    ...values.map((v, i) => {
      const c = columns[i];
      if (!c || c.hidden || c.kind !== 'text' || typeof v !== 'string') return 1;
      return Math.ceil((v.length * 1.1) / Math.max(widthOf(c) - 1, 1));
    }),
  );
  if (lines > 1) row.height = 15 * Math.min(lines, 8);
  row.commit?.();
}

/** A bold total row under a table. */
export function addTotalRow(
  sheet: AnySheet,
  columns: readonly SheetColumn[],
  values: readonly CellValue[],
): void {
  const row = sheet.addRow(values.map((v) => (v === '' ? null : v)));
  row.font = { bold: true };
  void columns;
  row.commit?.();
}

export async function bookBytes(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}
