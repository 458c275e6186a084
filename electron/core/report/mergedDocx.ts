// The province's merged report as a Word file (.docx): seed 000's layout, built from the
// same blocks as an office's report (docx.ts), about the same subject. What is its own: the
// opening and the first sentences of section 2 say which offices reported and, for a half
// year or year, which quarters make each office's figures (shared/mergedText.ts); section 2
// ends with a table by office. No appendix: each office's activities are in its own report.

import type { Paragraph } from 'docx';
import type { Channel } from '../../../shared/domain';
import type { MergedData } from '../../../shared/inbox';
import { formatNumber } from '../../../shared/format';
import type { OfficeRowFigures, OfficeTable } from '../../../shared/mergedText';
import { mergedResultBlocks } from '../../../shared/mergedResults';
import {
  OFFICE_TABLE_HEADERS,
  mergedOpeningParagraph,
  officeTable,
} from '../../../shared/mergedText';
import type { ReportTexts } from '../../../shared/report';
import { closingParagraph, reportSubject, summaryTable } from '../../../shared/reportText';
import type { Office } from '../../../shared/schemas';
import { FIGURES_CAPTION, mainSection, packReport, reportFrame, reportSections } from './docx';
import { bodyParagraphs, captionedTable, sectionHeading } from './docxBlocks';
import type { RawXmlBlock } from './docxRawXml';
import { PT, TEXT_WIDTH } from './docxStyle';
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
export const OFFICES_CAPTION = 'Số liệu tổng hợp theo đơn vị:';
/** Caption of its continuation, when the channels with figures need a second table. */
export const OFFICES_NEXT_CAPTION = 'Số liệu tổng hợp theo đơn vị (tiếp theo):';

/**
 * Least widths of the columns of the table by office, in twips. A channel's column is as
 * wide as its header in 10 pt bold on two lines ("Truyền thanh" / "(tin, bài)"), measured
 * with the metrics of Liberation Serif 2 (LibreOffice's Times New Roman, a little wider than
 * Word's for letters with stacked marks) plus the cells' 2 × 80 twips of padding and some
 * slack; the office's name takes the rest, at least two lines' worth ("Phòng VH&TT" /
 * "huyện Tràng Định").
 */
const OFFICE_COLUMN_WIDTHS = {
  number: 600,
  office: 2024,
  activities: 800,
  audience: 1050,
  channels: {
    van: 1250,
    banner: 1010,
    cinema: 1220,
    radio: 1400,
    leaflet: 760,
    meeting: 950,
    online: 1170,
    press: 950,
    sms: 1000,
    model: 1070,
  } satisfies Record<Channel, number>,
} as const;

/** Header row in 10 pt: at the body's 11 pt the figure headers would need three lines. */
const HEADER_SIZE = 10;

/**
 * Width of a figure in the body's 11 pt, bold or not: a digit of Times New Roman (and of
 * Liberation Serif) is half an em, 110 twips, the thousands' dot a quarter; plus padding and
 * slack as the headers have. A number has no place to break, so its column must hold it.
 */
function figureWidth(n: number): number {
  const digits = String(n).length;
  return digits * 110 + Math.floor((digits - 1) / 3) * 55 + 210;
}

/** A figure column of the table by office, and how it reads its value in a row's figures. */
interface FigureColumn {
  header: string;
  width: number;
  value: (f: OfficeRowFigures) => number;
  /** The body writes "-" for nothing, as hand-made tables do; activities keep their 0. */
  dash: boolean;
}

/** A column as wide as its header, or as its widest figure (the totals') when wider. */
function figureColumn(
  header: string,
  least: number,
  table: OfficeTable,
  value: (f: OfficeRowFigures) => number,
  dash = true,
): FigureColumn {
  const values = [table.total, ...table.rows.map((r) => r.figures)].map(value);
  return { header, width: Math.max(least, ...values.map(figureWidth)), value, dash };
}

/**
 * The figure columns of each table by office. Number, name, activities, the channels with
 * figures and audience, when they fit A4 portrait's text width with the name its least
 * width; otherwise the first table holds the channels that fit, in order (the four every
 * district office runs come first), and a second one, again by office, the rest. Ten
 * channels cannot share a portrait line readably, and turning one page of a report to
 * landscape puts a province's hundred offices on pages a reader turns sideways: two tables
 * of the same rows read as the report's other tables do.
 */
function officeTableParts(table: OfficeTable): FigureColumn[][] {
  const w = OFFICE_COLUMN_WIDTHS;
  const h = OFFICE_TABLE_HEADERS;
  const activities = figureColumn(h.activities, w.activities, table, (f) => f.activities, false);
  const audience = figureColumn(h.audience, w.audience, table, (f) => f.audience);
  // "Xe lưu động" over "(buổi)", so the unit never breaks apart.
  const channels = table.columns.map((c, i) =>
    figureColumn(
      `${c.label}\n(${c.unit})`,
      w.channels[c.channel],
      table,
      (f) => f.channels[i] ?? 0,
    ),
  );
  const groups: FigureColumn[][] = [[]];
  let room = TEXT_WIDTH - w.number - w.office - activities.width - audience.width;
  for (const c of channels) {
    if (c.width > room) {
      groups.push([]);
      room = TEXT_WIDTH - w.number - w.office;
    }
    groups.at(-1)!.push(c);
    room -= c.width;
  }
  return groups.map((g, i) => (i === 0 ? [activities, ...g, audience] : g));
}

/**
 * One table by office: one row per expected office in the desk's order, "Chưa báo cáo"
 * across the figures of an office that has not reported (so a blank is never read as
 * zero), and the totals of the counted rows.
 */
function officesTable(table: OfficeTable, figures: readonly FigureColumn[]): RawXmlBlock {
  const w = OFFICE_COLUMN_WIDTHS;
  const h = OFFICE_TABLE_HEADERS;
  const used = figures.reduce((n, c) => n + c.width, 0);
  const columns: DataColumn[] = [
    { header: h.number, width: w.number, align: 'center' },
    { header: h.office, width: TEXT_WIDTH - w.number - used, align: 'left' },
    ...figures.map((c): DataColumn => ({ header: c.header, width: c.width, align: 'right' })),
  ];
  const rows = table.rows.map((r, i): DataCell[] => {
    const lead = [String(i + 1), r.label];
    if (r.note !== null) return [...lead, { text: r.note, span: figures.length }];
    return [
      ...lead,
      ...figures.map((c) => (c.dash ? dashIfZero : formatNumber)(c.value(r.figures))),
    ];
  });
  return dataTable(columns, rows, {
    size: PT.small,
    headerSize: HEADER_SIZE,
    empty: 'Chưa có đơn vị nào được đăng ký gửi báo cáo',
    footer: ['', h.total, ...figures.map((c) => formatNumber(c.value(table.total)))],
  });
}

/** The table by office under its caption, and its continuation when there is one. */
export function officesTables(table: OfficeTable): Paragraph[] {
  return officeTableParts(table).flatMap((figures, i) =>
    captionedTable(i === 0 ? OFFICES_CAPTION : OFFICES_NEXT_CAPTION, officesTable(table, figures)),
  );
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
    ...officesTables(officeTable(data)),
  ];
}

export async function buildMergedDocx(input: MergedDocumentInput): Promise<Buffer> {
  const { office, texts, data } = input;
  const label = data.figures.period.label;
  const body = reportSections(
    mergedOpeningParagraph(office.name, label, data.offices, data.subject, texts.request),
    texts,
    mergedResults(data),
    closingParagraph(office.name, label, texts.recipients, data.subject),
  );
  return packReport(
    [mainSection(reportFrame(office, texts, label, data.subject, body))],
    reportSubject(label, data.subject),
    input.createdAt,
  );
}
