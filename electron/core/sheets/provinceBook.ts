// The province desk's tables of a period as a spreadsheet: who has sent their package, the
// merged figures by channel, and the table by office. The numbers are those of the merged
// report (MergedData) and of the completeness screen (the period's status), nothing of its own.
import type ExcelJS from 'exceljs';
import { CHANNEL_SHORT_LABELS, SUBJECT_PHRASES, type ReportSubject } from '../../../shared/domain';
import { formatDate, vietnamDay } from '../../../shared/format';
import {
  INBOX_STATES,
  type InboxState,
  type InboxStatus,
  type MergedData,
  type OfficeStatus,
} from '../../../shared/inbox';
import {
  isCounted,
  officeTableChannels,
  OWN_ROW_SUFFIX,
  UNCOUNTED_NOTES,
} from '../../../shared/mergedText';
import type { ChannelFigures } from '../../../shared/report';
import {
  addRow,
  addTotalRow,
  bookBytes,
  newBook,
  startSheet,
  type CellValue,
  type SheetColumn,
} from './book';
import { addChannelSheet, fitHeader, TOTAL_LABEL, type BookHeading } from './reportBook';

export const PROVINCE_SHEETS = {
  completeness: 'Tình hình nộp',
  figures: 'Số liệu tổng hợp',
  offices: 'Theo đơn vị',
} as const;

/** The states as the completeness screen names them. */
export const STATE_LABELS: Record<InboxState, string> = {
  received: 'Đã nhận',
  corrected: 'Đã nhận bản sửa',
  missing: 'Chưa nộp',
  quarantined: 'Cách ly (chưa xác thực chữ ký)',
};

export const LATE_LABEL = 'Trễ hạn';

/** Offices by code, as the completeness screen lists them. */
export const byCode = (offices: readonly OfficeStatus[]): OfficeStatus[] =>
  [...offices].sort((a, b) => a.code.localeCompare(b.code));

function titles(desk: string | null, status: InboxStatus, what: string, more: string[] = []) {
  const p = status.period;
  return [
    `${what} ${p.label}`.toLocaleUpperCase('vi'),
    ...(desk ? [desk] : []),
    `Từ ngày ${formatDate(p.from)} đến ngày ${formatDate(p.to)}; hạn nộp ${formatDate(status.deadline)}`,
    ...more,
  ].map((s) => s.normalize('NFC'));
}

/** One row per office, then how many are in each state and their share. */
function addCompletenessSheet(book: ExcelJS.Workbook, desk: string | null, status: InboxStatus) {
  const sheet = book.addWorksheet(PROVINCE_SHEETS.completeness);
  const columns: SheetColumn[] = [
    { header: 'Mã đơn vị', kind: 'text', width: 22 },
    { header: 'Tên đơn vị', kind: 'text', width: 42 },
    { header: 'Tình trạng', kind: 'text', width: 30 },
    { header: 'Gói số', kind: 'int', width: 9 },
    { header: 'Ngày nhận', kind: 'date', width: 12 },
    { header: 'Thời hạn', kind: 'text', width: 10 },
    { header: 'Ghi chú', kind: 'text', width: 36 },
  ];
  fitHeader(
    sheet,
    startSheet(sheet, columns, titles(desk, status, 'TÌNH HÌNH NỘP BÁO CÁO')),
    columns,
    1,
  );
  const offices = byCode(status.offices);
  for (const o of offices) {
    const notes = [
      ...(o.registered ? [] : ['Đơn vị chưa đăng ký']),
      ...(o.partial ? [`Còn thiếu ${o.missing.join(', ')}`] : []),
    ];
    addRow(sheet, columns, [
      o.code,
      o.name,
      STATE_LABELS[o.state],
      o.sequence,
      o.receivedAt === null ? null : vietnamDay(o.receivedAt),
      o.late ? LATE_LABEL : o.receivedAt !== null && isCounted(o.state) ? 'Đúng hạn' : null,
      notes.length > 0 ? notes.join('; ') : null,
    ]);
  }
  // The summary under the table: a small header of its own, then a line per state.
  sheet.addRow([]);
  addTotalRow(sheet, columns, [null, 'Tình trạng', null, 'Số đơn vị', 'Tỷ lệ']);
  const line = (label: string, count: number) => {
    addTotalRow(sheet, columns, [
      null,
      label,
      null,
      count,
      offices.length > 0 ? count / offices.length : null,
    ]);
    const row = sheet.lastRow!;
    row.font = { bold: false };
    // The share sits in the date column: it takes the share's format.
    row.getCell(5).numFmt = '0%';
  };
  for (const s of INBOX_STATES) line(STATE_LABELS[s], offices.filter((o) => o.state === s).length);
  line(LATE_LABEL, offices.filter((o) => o.late).length);
  addTotalRow(sheet, columns, [null, TOTAL_LABEL, null, offices.length, null]);
}

/** One office's numbers: activities, audience, then each column channel's activities. */
function figureCells(
  f: { activities: number; audience: number; byChannel: Record<string, ChannelFigures> },
  channels: readonly string[],
): number[] {
  return [f.activities, f.audience, ...channels.map((c) => f.byChannel[c]?.activities ?? 0)];
}

/** The table by office: the department's own work first when it has some, then each office. */
function addOfficesSheet(
  book: ExcelJS.Workbook,
  desk: string | null,
  status: InboxStatus,
  data: MergedData,
) {
  const sheet = book.addWorksheet(PROVINCE_SHEETS.offices);
  const channels = officeTableChannels(data).map((c) => c.channel);
  const columns: SheetColumn[] = [
    { header: 'Mã đơn vị', kind: 'text', width: 22 },
    { header: 'Tên đơn vị', kind: 'text', width: 42 },
    { header: 'Số hoạt động', kind: 'int', width: 12 },
    { header: 'Lượt người được tiếp cận', kind: 'int', width: 14 },
    ...channels.map((c): SheetColumn => ({ header: CHANNEL_SHORT_LABELS[c], kind: 'int' })),
    { header: 'Ghi chú', kind: 'text', width: 44 },
  ];
  const header = startSheet(
    sheet,
    columns,
    titles(desk, status, 'SỐ LIỆU THEO ĐƠN VỊ', [
      `Công tác ${SUBJECT_PHRASES[data.subject]}; các cột theo hình thức ghi số hoạt động`,
    ]),
  );
  fitHeader(sheet, header, columns, 2);
  const total = figureCells({ activities: 0, audience: 0, byChannel: {} }, channels);
  const add = (values: number[]) => values.forEach((v, i) => (total[i] = (total[i] ?? 0) + v));
  const own = data.parts?.own;
  if (own) {
    const cells = figureCells(
      {
        activities: own.data.figures.activities,
        audience: own.data.audience,
        byChannel: own.data.figures.byChannel,
      },
      channels,
    );
    add(cells);
    addRow(sheet, columns, [own.code, `${own.name}${OWN_ROW_SUFFIX}`, ...cells, null]);
  }
  for (const o of data.offices) {
    if (!isCounted(o.state)) {
      const blanks: CellValue[] = [null, null, ...channels.map(() => null)];
      addRow(sheet, columns, [o.code, o.name, ...blanks, UNCOUNTED_NOTES[o.state]]);
      continue;
    }
    const cells = figureCells(o, channels);
    add(cells);
    addRow(sheet, columns, [o.code, o.name, ...cells, null]);
  }
  addTotalRow(sheet, columns, [null, TOTAL_LABEL, ...total, null]);
}

const SUBJECT_SUFFIX: Record<ReportSubject, string> = {
  trafficking: '',
  drugs: '_MaTuy',
  crime: '_ToiPham',
  all: '_TongHop',
};

/** Named as the merged Word file is ("BaoCaoTongHop_LS-SVHTTDL_2023-Q3.xlsx"). */
export function provinceSheetName(
  officeCode: string | null,
  periodKey: string,
  subject: ReportSubject,
): string {
  const key = periodKey.replace('..', '_');
  return `BaoCaoTongHop_${officeCode ?? 'Tinh'}_${key}${SUBJECT_SUFFIX[subject]}.xlsx`;
}

/** The whole workbook of the province's tables of a period. */
export async function buildProvinceBook(input: {
  /** The department's name ("Sở Văn hóa, Thể thao và Du lịch – UBND tỉnh …"); null without a profile. */
  desk: string | null;
  status: InboxStatus;
  data: MergedData;
  createdAt: Date;
}): Promise<Buffer> {
  const { desk, status, data } = input;
  const book = newBook(input.createdAt);
  addCompletenessSheet(book, desk, status);
  const heading: BookHeading = {
    title: 'SỐ LIỆU TỔNG HỢP',
    office: desk,
    notes: [`Số đơn vị đã báo cáo đủ kỳ: ${data.reported}/${data.expected}`],
  };
  addChannelSheet(book, data, heading, PROVINCE_SHEETS.figures);
  addOfficesSheet(book, desk, status, data);
  return bookBytes(book);
}
