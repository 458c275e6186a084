// The figures of a report as a spreadsheet, for offices that keep their own tables or are
// asked for them: by channel, by area, by theme and for the flagged areas. The numbers are
// the report's own (ReportData, the signed ones for a locked period), so the workbook and the
// Word file never disagree.
import type ExcelJS from 'exceljs';
import { areaHeading, LEGACY_KINDS } from '../../../shared/areas';
import {
  CHANNEL_LABELS,
  CHANNEL_MEASURES,
  CHANNELS,
  COMMUNE_FLAG_LABELS,
  COMMUNE_FLAGS,
  COUNT_MEASURES,
  MEASURE_LABELS,
  SUBJECT_PHRASES,
  THEME_LABELS,
  THEMES,
  type CountMeasure,
} from '../../../shared/domain';
import { formatDate } from '../../../shared/format';
import type { ReportData } from '../../../shared/report';
import {
  addRow,
  addTotalRow,
  bookBytes,
  newBook,
  startSheet,
  type CellValue,
  type SheetColumn,
} from './book';

export const REPORT_SHEETS = {
  channels: 'Theo hình thức',
  areas: 'Theo địa bàn',
  themes: 'Theo chủ đề',
  flagged: 'Địa bàn trọng điểm',
} as const;

export const TOTAL_LABEL = 'Tổng cộng';
export const ESTIMATED_NOTE = 'Lượt người có ước tính';

/** What the title lines above each table say. */
export interface BookHeading {
  /** "SỐ LIỆU TUYÊN TRUYỀN", "SỐ LIỆU TỔNG HỢP": the period's label follows it. */
  title: string;
  /** The office's name as its documents give it ("Phòng Văn hóa và Thông tin – UBND …"). */
  office: string | null;
  /** Any further lines ("Số liệu đã ký trong gói dữ liệu", "Hạn nộp …"). */
  notes?: string[];
}

/** The title lines of a sheet about `what` ("theo hình thức tuyên truyền"). */
export function titleLines(heading: BookHeading, data: ReportData, what: string): string[] {
  const p = data.figures.period;
  return [
    `${heading.title} ${p.label}`.toLocaleUpperCase('vi'),
    ...(heading.office ? [heading.office] : []),
    `Công tác ${SUBJECT_PHRASES[data.subject]}, ${what}; từ ngày ${formatDate(p.from)} đến ngày ${formatDate(p.to)}`,
    ...(heading.notes ?? []),
  ].map((s) => s.normalize('NFC'));
}

/** The channel table's columns: one per count measure, empty where a channel has none. */
export const CHANNEL_COLUMNS: readonly SheetColumn[] = [
  { header: 'Hình thức tuyên truyền', kind: 'text', width: 40 },
  { header: 'Số hoạt động', kind: 'int', width: 10 },
  { header: 'Lượt người được tiếp cận', kind: 'int', width: 12 },
  { header: 'Kinh phí (đồng)', kind: 'int', width: 13 },
  ...COUNT_MEASURES.map((m): SheetColumn => ({
    header: MEASURE_LABELS[m],
    kind: 'int',
    width: 12,
  })),
  { header: 'Ghi chú', kind: 'text', width: 22 },
];

/**
 * Gives the header row room for its wrapped headings ("Lượt người được tiếp cận" on two
 * lines, "Số phút tuyên truyền lồng ghép" on three): LibreOffice and older Excel do not grow
 * a row for wrapped text they did not lay out themselves. Headings of numbers stand right,
 * over their right-aligned numbers.
 */
export function fitHeader(
  sheet: ExcelJS.Worksheet,
  header: number,
  columns: readonly SheetColumn[],
  lines: number,
): void {
  const row = sheet.getRow(header);
  if (lines > 1) row.height = 15 * lines;
  columns.forEach((c, i) => {
    if (c.kind === 'text') return;
    row.getCell(i + 1).alignment = { horizontal: 'right', vertical: 'middle', wrapText: true };
  });
}

/** The measures a channel counts, as column positions follow COUNT_MEASURES. */
function measureCells(data: ReportData, channel: (typeof CHANNELS)[number]): CellValue[] {
  const counts: readonly CountMeasure[] = CHANNEL_MEASURES[channel].counts;
  const figures = data.figures.byChannel[channel];
  return COUNT_MEASURES.map((m) => (counts.includes(m) ? (figures.measures[m] ?? 0) : null));
}

/** Per channel: activities, audience, cost and each of its count measures; a total row. */
export function addChannelSheet(
  book: ExcelJS.Workbook,
  data: ReportData,
  heading: BookHeading,
  name: string = REPORT_SHEETS.channels,
): void {
  const sheet = book.addWorksheet(name);
  const header = startSheet(
    sheet,
    CHANNEL_COLUMNS,
    titleLines(heading, data, 'theo hình thức tuyên truyền'),
  );
  fitHeader(sheet, header, CHANNEL_COLUMNS, 3);
  const estimated = new Set(data.estimated ?? []);
  for (const c of CHANNELS) {
    const f = data.figures.byChannel[c];
    addRow(sheet, CHANNEL_COLUMNS, [
      CHANNEL_LABELS[c],
      f.activities,
      f.audience,
      f.costVnd,
      ...measureCells(data, c),
      estimated.has(c) ? ESTIMATED_NOTE : null,
    ]);
  }
  // Measures of different channels count different things (a van's sessions, a meeting's),
  // so only activities, audience and cost are totalled.
  addTotalRow(sheet, CHANNEL_COLUMNS, [
    TOTAL_LABEL,
    data.figures.activities,
    data.audience,
    data.costVnd,
    ...COUNT_MEASURES.map(() => null),
    estimated.size > 0 ? ESTIMATED_NOTE : null,
  ]);
}

export const AREA_FREE_LABEL = 'Hoạt động chung của đơn vị (không gắn địa bàn)';

/** Per area: code, name, activities, audience; the office-wide work under them. */
function addAreaSheet(book: ExcelJS.Workbook, data: ReportData, heading: BookHeading): void {
  const sheet = book.addWorksheet(REPORT_SHEETS.areas);
  const noun = areaHeading(data.areaKinds?.all ?? LEGACY_KINDS.all);
  const columns: SheetColumn[] = [
    { header: 'Mã', kind: 'text', width: 14 },
    { header: noun, kind: 'text', width: 40 },
    { header: 'Số hoạt động', kind: 'int', width: 14 },
    { header: 'Lượt người được tiếp cận', kind: 'int', width: 16 },
  ];
  const header = startSheet(
    sheet,
    columns,
    titleLines(heading, data, `theo ${noun.toLocaleLowerCase('vi')}`).concat(
      // One activity may cover several areas: the lines are not summed.
      'Một hoạt động ở nhiều địa bàn được tính ở mỗi địa bàn, nên không cộng các dòng.',
    ),
  );
  fitHeader(sheet, header, columns, 2);
  for (const a of data.figures.byCommune) {
    addRow(sheet, columns, [a.code, a.name, a.activities, a.audience]);
  }
  if (data.withoutArea && data.withoutArea.activities > 0) {
    addRow(sheet, columns, [
      null,
      AREA_FREE_LABEL,
      data.withoutArea.activities,
      data.withoutArea.audience,
    ]);
  }
  addTotalRow(sheet, columns, [
    null,
    `${TOTAL_LABEL} (mỗi hoạt động tính một lần)`,
    data.figures.activities,
    data.audience,
  ]);
}

/** Per theme: activities and audience (an activity may carry several themes). */
function addThemeSheet(book: ExcelJS.Workbook, data: ReportData, heading: BookHeading): void {
  const sheet = book.addWorksheet(REPORT_SHEETS.themes);
  const columns: SheetColumn[] = [
    { header: 'Chủ đề', kind: 'text', width: 36 },
    { header: 'Số hoạt động', kind: 'int', width: 14 },
    { header: 'Lượt người được tiếp cận', kind: 'int', width: 16 },
  ];
  const header = startSheet(
    sheet,
    columns,
    titleLines(heading, data, 'theo chủ đề').concat(
      'Một hoạt động có nhiều chủ đề được tính ở mỗi chủ đề.',
    ),
  );
  fitHeader(sheet, header, columns, 2);
  for (const t of THEMES) {
    addRow(sheet, columns, [THEME_LABELS[t], data.byTheme[t].activities, data.byTheme[t].audience]);
  }
}

/** Per flag: the areas carrying it, those reached, the share reached and the activities. */
function addFlaggedSheet(book: ExcelJS.Workbook, data: ReportData, heading: BookHeading): void {
  const sheet = book.addWorksheet(REPORT_SHEETS.flagged);
  const columns: SheetColumn[] = [
    { header: 'Loại địa bàn', kind: 'text', width: 34 },
    { header: 'Số địa bàn', kind: 'int', width: 12 },
    { header: 'Số địa bàn được tuyên truyền', kind: 'int', width: 16 },
    { header: 'Tỷ lệ được tuyên truyền', kind: 'share', width: 14 },
    { header: 'Số hoạt động', kind: 'int', width: 12 },
  ];
  const header = startSheet(sheet, columns, titleLines(heading, data, 'ở các địa bàn trọng điểm'));
  fitHeader(sheet, header, columns, 2);
  for (const flag of COMMUNE_FLAGS) {
    const f = data.figures.flagged[flag];
    addRow(sheet, columns, [
      COMMUNE_FLAG_LABELS[flag],
      f.communes,
      f.reached,
      f.communes > 0 ? f.reached / f.communes : null,
      f.activities,
    ]);
  }
}

/** The whole workbook of a report's figures. */
export async function buildReportBook(input: {
  data: ReportData;
  heading: BookHeading;
  createdAt: Date;
}): Promise<Buffer> {
  const book = newBook(input.createdAt);
  addChannelSheet(book, input.data, input.heading);
  addAreaSheet(book, input.data, input.heading);
  addThemeSheet(book, input.data, input.heading);
  addFlaggedSheet(book, input.data, input.heading);
  return bookBytes(book);
}
