// Tables of the report: the borderless layout table (header, signature), the summary of
// figures in section 2 and the appendix list of activities; dataTable also draws the
// merged report's table by office (mergedDocx.ts).
// Widths are fixed and in twips (DXA) everywhere: LibreOffice ignores percentage widths, and
// a fixed layout stops Word from resizing columns to their content.

import type { Paragraph } from 'docx';
import {
  BorderStyle,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
} from 'docx';
import { CHANNEL_SHORT_LABELS } from '../../../shared/domain';
import { formatNumber } from '../../../shared/format';
import type { AppendixRow } from '../../../shared/report';
import type { SummaryTable } from '../../../shared/reportText';
import { SUMMARY_HEADERS, appendixDate } from '../../../shared/reportText';
import { escapeXml, RawXmlBlock } from './docxRawXml';
import type { TableTextSize } from './docxStyle';
import { PT, TEXT_WIDTH, tableTextStyle } from './docxStyle';

const dxa = (size: number) => ({ size, type: WidthType.DXA });

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_CELL_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };

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

export type ColumnAlign = 'left' | 'center' | 'right';

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

/** Cell padding, set once on the table: 4 pt left and right, 2 pt above and below. */
const CELL_MARGINS =
  '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/>' +
  '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>';

const RULE = 'w:val="single" w:sz="4" w:color="000000"';
const GRID_BORDERS =
  `<w:tblBorders><w:top ${RULE}/><w:left ${RULE}/><w:bottom ${RULE}/><w:right ${RULE}/>` +
  `<w:insideH ${RULE}/><w:insideV ${RULE}/></w:tblBorders>`;

interface TextLook {
  style: string;
  align: ColumnAlign;
  bold?: boolean;
  italics?: boolean;
}

/** The paragraphs of a cell, one per line of its text. */
function cellParagraphs(text: string, look: TextLook): string {
  const pPr = `<w:pPr><w:pStyle w:val="${look.style}"/><w:jc w:val="${look.align}"/></w:pPr>`;
  const rPr =
    look.bold || look.italics
      ? `<w:rPr>${look.bold ? '<w:b/><w:bCs/>' : ''}${look.italics ? '<w:i/><w:iCs/>' : ''}</w:rPr>`
      : '';
  let xml = '';
  for (const line of text.normalize('NFC').split('\n')) {
    xml +=
      line === ''
        ? `<w:p>${pPr}</w:p>`
        : `<w:p>${pPr}<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`;
  }
  return xml;
}

/** A cell `width` twips wide, its text centred vertically. */
function cellXml(text: string, width: number, look: TextLook, span = 1): string {
  const gridSpan = span > 1 ? `<w:gridSpan w:val="${span}"/>` : '';
  return (
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${gridSpan}<w:vAlign w:val="center"/>` +
    `</w:tcPr>${cellParagraphs(text, look)}</w:tc>`
  );
}

/**
 * A ruled table with a bold header row that repeats on every page (w:tblHeader) and rows
 * that do not split; `footer` is an optional bold last row (totals). Written as XML
 * (docxRawXml.ts): the appendix's thousands of cells are most of the report.
 */
export function dataTable(
  columns: readonly DataColumn[],
  rows: readonly (readonly DataCell[])[],
  options: {
    size: TableTextSize;
    /** The header row's size when it must be smaller than the body's to fit narrow columns. */
    headerSize?: TableTextSize;
    footer?: string[];
    empty?: string;
  },
): RawXmlBlock {
  const widths = columns.map((c) => c.width);
  checkWidths(widths);
  const style = tableTextStyle(options.size);
  const headerLook = { style: tableTextStyle(options.headerSize ?? options.size), bold: true };
  const parts: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/>${GRID_BORDERS}` +
      `<w:tblLayout w:type="fixed"/>${CELL_MARGINS}</w:tblPr><w:tblGrid>` +
      widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('') +
      '</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' +
      columns.map((c) => cellXml(c.header, c.width, { ...headerLook, align: 'center' })).join('') +
      '</w:tr>',
  ];
  // Columns are walked rather than values, so a short row still gets every cell (empty).
  const bodyRow = (values: readonly DataCell[], bold: boolean) => {
    let xml = '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
    for (let col = 0, k = 0; col < columns.length; k++) {
      const value = values[k] ?? '';
      const c = columns[col]!;
      if (typeof value === 'string') {
        xml += cellXml(value, c.width, { style, bold, align: c.align });
        col += 1;
        continue;
      }
      const span = Math.max(1, Math.min(value.span, columns.length - col));
      const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      xml += cellXml(value.text, width, { style, bold, italics: true, align: 'center' }, span);
      col += span;
    }
    return `${xml}</w:tr>`;
  };
  for (const r of rows) parts.push(bodyRow(r, false));
  if (rows.length === 0 && options.empty) {
    const look = { style, italics: true, align: 'center' as const };
    parts.push(`<w:tr>${cellXml(options.empty, TEXT_WIDTH, look, columns.length)}</w:tr>`);
  }
  if (options.footer) parts.push(bodyRow(options.footer, true));
  parts.push('</w:tbl>');
  return new RawXmlBlock(parts.join(''));
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
export function figuresTable(summary: SummaryTable): RawXmlBlock {
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
export function appendixTable(rows: readonly AppendixRow[], areasHeading: string): RawXmlBlock {
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
