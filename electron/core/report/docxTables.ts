// Tables of the report: the borderless layout table (header, signature), the summary of
// figures in section 2 and the appendix list of activities; dataTable also draws the
// merged report's table by office (mergedDocx.ts).
// Widths are fixed and in twips (DXA) everywhere: LibreOffice ignores percentage widths, and
// a fixed layout stops Word from resizing columns to their content.

import type { Paragraph } from 'docx';
import {
  AlignmentType,
  BorderStyle,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { CHANNEL_SHORT_LABELS } from '../../../shared/domain';
import { formatNumber } from '../../../shared/format';
import type { AppendixRow } from '../../../shared/report';
import type { SummaryTable } from '../../../shared/reportText';
import { SUMMARY_HEADERS, appendixDate } from '../../../shared/reportText';
import type { ParagraphStyle } from './docxStyle';
import { PT, TEXT_WIDTH, paragraph } from './docxStyle';

const dxa = (size: number) => ({ size, type: WidthType.DXA });

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_CELL_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const GRID = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
};

/** Checks at build time that a table's columns fill the text width exactly. */
function checkWidths(widths: readonly number[], total = TEXT_WIDTH): void {
  const sum = widths.reduce((a, b) => a + b, 0);
  if (sum !== total) throw new Error(`Table columns add up to ${sum}, not ${total} twips`);
}

/**
 * A borderless table of one row, one cell per column: the two-column header and the
 * "Nơi nhận" / signature block. The row cannot split across pages.
 */
export function layoutTable(widths: readonly number[], cells: Paragraph[][]): Table {
  checkWidths(widths);
  return new Table({
    width: dxa(TEXT_WIDTH),
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows: [
      new TableRow({
        cantSplit: true,
        children: cells.map(
          (children, i) =>
            new TableCell({ width: dxa(widths[i] ?? 0), borders: NO_CELL_BORDERS, children }),
        ),
      }),
    ],
  });
}

/** A cell of a data table: its text in one or more single-spaced paragraphs. */
function cell(text: string, width: number, style: ParagraphStyle, columnSpan?: number): TableCell {
  const lines = text.split('\n');
  return new TableCell({
    width: dxa(width),
    columnSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: lines.map((line) => paragraph(line, { tight: true, ...style })),
  });
}

export type ColumnAlign = 'left' | 'center' | 'right';
const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

export interface DataColumn {
  header: string;
  width: number;
  align: ColumnAlign;
}

/**
 * A cell spanning `span` columns from its own, centred and in italics: a note in place of
 * figures, e.g. "Chưa báo cáo" across an office's row in the merged report.
 */
export interface SpanCell {
  text: string;
  span: number;
}

/** A body cell: a string in its column's alignment, or a note across several columns. */
export type DataCell = string | SpanCell;

/**
 * A ruled table with a bold header row that repeats on every page (w:tblHeader) and rows
 * that do not split; `footer` is an optional bold last row (totals).
 */
export function dataTable(
  columns: readonly DataColumn[],
  rows: readonly (readonly DataCell[])[],
  options: {
    size: number;
    /** The header row's size when it must be smaller than the body's to fit narrow columns. */
    headerSize?: number;
    footer?: string[];
    empty?: string;
  },
): Table {
  const widths = columns.map((c) => c.width);
  checkWidths(widths);
  const size = options.size;
  const headerStyle = { size: options.headerSize ?? size, bold: true, align: ALIGN.center };
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c) => cell(c.header, c.width, headerStyle)),
  });
  // Columns are walked rather than values, so a short row still gets every cell (empty).
  const bodyCells = (values: readonly DataCell[], bold: boolean) => {
    const cells: TableCell[] = [];
    for (let col = 0, k = 0; col < columns.length; k++) {
      const value = values[k] ?? '';
      const c = columns[col]!;
      if (typeof value === 'string') {
        cells.push(cell(value, c.width, { size, bold, align: ALIGN[c.align] }));
        col += 1;
        continue;
      }
      const span = Math.max(1, Math.min(value.span, columns.length - col));
      const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      const style = { size, bold, italics: true, align: ALIGN.center };
      cells.push(cell(value.text, width, style, span > 1 ? span : undefined));
      col += span;
    }
    return cells;
  };
  const bodyRow = (values: readonly DataCell[], bold = false) =>
    new TableRow({ cantSplit: true, children: bodyCells(values, bold) });
  const body = rows.map((r) => bodyRow(r));
  if (rows.length === 0 && options.empty) {
    body.push(
      new TableRow({
        children: [
          cell(options.empty, TEXT_WIDTH, { size, italics: true, align: 'center' }, columns.length),
        ],
      }),
    );
  }
  if (options.footer) body.push(bodyRow(options.footer, true));
  return new Table({
    width: dxa(TEXT_WIDTH),
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID,
    rows: [header, ...body],
  });
}

const SUMMARY_COLUMNS: DataColumn[] = [
  // Wide enough for "STT" on one line in 11 pt bold with the cells' padding.
  { header: SUMMARY_HEADERS[0], width: 700, align: 'center' },
  { header: SUMMARY_HEADERS[1], width: 2567, align: 'left' },
  { header: SUMMARY_HEADERS[2], width: 1100, align: 'center' },
  { header: SUMMARY_HEADERS[3], width: 2287, align: 'left' },
  { header: SUMMARY_HEADERS[4], width: 1300, align: 'right' },
  { header: SUMMARY_HEADERS[5], width: 1400, align: 'right' },
];

/** "-" for nothing counted, as hand-made report tables write it. */
export const dashIfZero = (n: number) => (n > 0 ? formatNumber(n) : '-');

/** The summary of section 2: one row per channel with activity, and the totals. */
export function figuresTable(summary: SummaryTable): Table {
  const rows = summary.rows.map((r, i) => [
    String(i + 1),
    r.label,
    formatNumber(r.activities),
    r.measures,
    dashIfZero(r.audience),
    dashIfZero(r.costVnd),
  ]);
  const t = summary.total;
  return dataTable(SUMMARY_COLUMNS, rows, {
    size: PT.table,
    empty: 'Không có hoạt động trong kỳ báo cáo',
    footer: [
      '',
      'Tổng cộng',
      formatNumber(t.activities),
      '',
      formatNumber(t.audience),
      formatNumber(t.costVnd),
    ],
  });
}

/** The appendix's columns; the areas' heading names the office's kinds ("Thôn, bản"). */
const appendixColumns = (areas: string): DataColumn[] => [
  { header: 'STT', width: 620, align: 'center' },
  { header: 'Ngày', width: 1400, align: 'center' },
  { header: 'Hình thức', width: 1200, align: 'left' },
  { header: areas, width: 1400, align: 'left' },
  { header: 'Nội dung', width: 2534, align: 'left' },
  { header: 'Số liệu', width: 1400, align: 'left' },
  { header: 'Số lượt người', width: 800, align: 'right' },
];

/**
 * The appendix: every activity of the period, 11 pt, header row repeated on each page. An
 * activity of the whole office (no area) shows a dash where its places would be.
 */
export function appendixTable(rows: readonly AppendixRow[], areasHeading: string): Table {
  const values = rows.map((r, i) => [
    String(i + 1),
    // A range on two lines ("26/06/2023 -", "28/06/2023"): the column stays narrow.
    appendixDate(r).replace(' - ', ' -\n'),
    CHANNEL_SHORT_LABELS[r.channel],
    r.communes || '—',
    r.title,
    r.measures,
    r.audience > 0 ? formatNumber(r.audience) : '-',
  ]);
  return dataTable(appendixColumns(areasHeading), values, {
    size: PT.small,
    empty: 'Không có hoạt động trong kỳ báo cáo',
  });
}
