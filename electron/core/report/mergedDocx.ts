// The province's merged report as a Word file (.docx): seed 000's layout, built from the
// same blocks as an office's report (docx.ts), about the same subject. What is its own: the
// opening and the first sentences of section 2 say which offices reported and, for a half
// year or year, which quarters make each office's figures (shared/mergedText.ts); section 2
// ends with a table by office. No appendix: each office's activities are in its own report.

import type { Table } from 'docx';
import type { MergedData } from '../../../shared/inbox';
import { formatNumber } from '../../../shared/format';
import type { OfficeTable } from '../../../shared/mergedText';
import { mergedResultBlocks } from '../../../shared/mergedResults';
import {
  CORE_COLUMNS,
  OFFICE_TABLE_HEADERS,
  mergedOpeningParagraph,
  officeTable,
} from '../../../shared/mergedText';
import type { ReportTexts } from '../../../shared/report';
import { closingParagraph, reportSubject, summaryTable } from '../../../shared/reportText';
import type { Office } from '../../../shared/schemas';
import { FIGURES_CAPTION, mainSection, packReport, reportFrame, reportSections } from './docx';
import { bodyParagraphs, captionedTable, sectionHeading } from './docxBlocks';
import { PT } from './docxStyle';
import type { DataCell, DataColumn } from './docxTables';
import { dashIfZero, dataTable, figuresTable } from './docxTables';

export interface MergedDocumentInput {
  /** The province office's profile: it heads and signs the report. */
  office: Office;
  texts: ReportTexts;
  data: MergedData;
  createdAt: Date;
}

/** Caption of the table by office. */
export const OFFICES_CAPTION = 'Kết quả tuyên truyền của các đơn vị:';

/**
 * Columns of the table by office, in twips, adding up to TEXT_WIDTH (9354). Each figure
 * column is as wide as its header in 10 pt bold on two lines ("Truyền thanh" / "(tin, bài)"),
 * measured with the metrics of Liberation Serif 2 (LibreOffice's Times New Roman, a little
 * wider than Word's for letters with stacked marks) plus the cells' 2 × 80 twips of padding
 * and some slack; the office's name takes the rest, two lines ("Phòng VH&TT" / "huyện
 * Tràng Định").
 */
const OFFICE_COLUMN_WIDTHS = {
  number: 600,
  office: 2024,
  activities: 800,
  core: [1250, 1010, 1220, 1400],
  audience: 1050,
} as const;

/** Header row in 10 pt: at the body's 11 pt the figure headers would need three lines. */
const HEADER_SIZE = 10;

/** "Xe lưu động (buổi)" as "Xe lưu động" over "(buổi)", so the unit never breaks apart. */
function officeColumns(): DataColumn[] {
  const w = OFFICE_COLUMN_WIDTHS;
  const h = OFFICE_TABLE_HEADERS;
  return [
    { header: h.number, width: w.number, align: 'center' },
    { header: h.office, width: w.office, align: 'left' },
    { header: h.activities, width: w.activities, align: 'right' },
    ...CORE_COLUMNS.map((c, i): DataColumn => ({
      header: `${c.label}\n(${c.unit})`,
      width: w.core[i] ?? 0,
      align: 'right',
    })),
    { header: h.audience, width: w.audience, align: 'right' },
  ];
}

/**
 * The table by office: one row per expected office in the desk's order, "Chưa báo cáo"
 * across the figures of an office that has not reported (so a blank is never read as
 * zero), and the totals of the counted rows.
 */
export function officesTable(table: OfficeTable): Table {
  const columns = officeColumns();
  const rows = table.rows.map((r, i): DataCell[] => {
    const lead = [String(i + 1), r.label];
    if (r.note !== null) return [...lead, { text: r.note, span: columns.length - 2 }];
    const f = r.figures;
    return [
      ...lead,
      formatNumber(f.activities),
      ...f.core.map((v) => dashIfZero(v)),
      dashIfZero(f.audience),
    ];
  });
  const t = table.total;
  return dataTable(columns, rows, {
    size: PT.small,
    headerSize: HEADER_SIZE,
    empty: 'Chưa có đơn vị nào được đăng ký gửi báo cáo',
    footer: [
      '',
      OFFICE_TABLE_HEADERS.total,
      formatNumber(t.activities),
      ...t.core.map((v) => formatNumber(v)),
      formatNumber(t.audience),
    ],
  });
}

/**
 * Section 2 of the merged report: who reported, the merged sentences (the department's own
 * work, the offices' and their sum when it records its own) and both tables.
 */
function mergedResults(data: MergedData) {
  const blocks = mergedResultBlocks(data).flatMap((b) => [
    ...(b.heading ? [sectionHeading(b.heading)] : []),
    ...bodyParagraphs(b.sentences),
  ]);
  return [
    ...blocks,
    ...captionedTable(FIGURES_CAPTION, figuresTable(summaryTable(data))),
    ...captionedTable(OFFICES_CAPTION, officesTable(officeTable(data))),
  ];
}

export async function buildMergedDocx(input: MergedDocumentInput): Promise<Buffer> {
  const { office, texts, data } = input;
  const label = data.figures.period.label;
  const body = reportSections(
    mergedOpeningParagraph(office.name, label, data.offices, data.subject),
    texts,
    mergedResults(data),
    closingParagraph(office.name, label, texts.recipients, data.subject),
  );
  return packReport(
    // A province department's name ("Sở Thông tin và Truyền thông") is longer than a
    // district office's and would leave its last word alone on the header's second line.
    [mainSection(reportFrame(office, texts, label, data.subject, body, { balanceName: true }))],
    reportSubject(label, data.subject),
    input.createdAt,
  );
}
