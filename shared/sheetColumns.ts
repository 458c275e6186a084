// What a spreadsheet's columns mean: the fields an activity sheet can carry, the Vietnamese
// headers offices write for them (the app's own export and the usual variants of older
// sheets), and the channel names they type. Pure; the import and the export share it so that
// the export's headers are always read back.

import {
  CHANNELS,
  CHANNEL_LABELS,
  CHANNEL_MEASURES,
  CHANNEL_SHORT_LABELS,
  COUNT_MEASURES,
  EXTRA_MEASURES,
  MEASURE_LABELS,
  type Channel,
  type CountMeasure,
  type ExtraMeasure,
} from './domain';
import { fold } from './text';

export type MeasureKey = CountMeasure | ExtraMeasure;

/** Where a column's values go. `quantity` is "Số lượng": the first measure of the row's channel. */
export type SheetField =
  | 'id'
  | 'date'
  | 'endDate'
  | 'channel'
  | 'communes'
  | 'village'
  | 'themes'
  | 'language'
  | 'title'
  | 'audience'
  | 'audienceEstimated'
  | 'costVnd'
  | 'notes'
  | 'quantity'
  | `measures.${MeasureKey}`;

export const MEASURE_FIELDS = [...COUNT_MEASURES, ...EXTRA_MEASURES].map(
  (m) => `measures.${m}` as const,
);

export const SHEET_FIELDS: readonly SheetField[] = [
  'id',
  'date',
  'endDate',
  'channel',
  'communes',
  'village',
  'themes',
  'language',
  'title',
  'audience',
  'audienceEstimated',
  'costVnd',
  'notes',
  'quantity',
  ...MEASURE_FIELDS,
];

/** The header the export writes for each field; the import reads it back. */
export const FIELD_HEADERS: Record<SheetField, string> = {
  id: 'Mã hoạt động',
  date: 'Ngày',
  endDate: 'Đến ngày',
  channel: 'Hình thức',
  communes: 'Địa bàn',
  village: 'Thôn, bản',
  themes: 'Chủ đề',
  language: 'Ngôn ngữ',
  title: 'Nội dung',
  audience: 'Số người được tuyên truyền',
  audienceEstimated: 'Số người là ước tính',
  costVnd: 'Kinh phí (đồng)',
  notes: 'Ghi chú',
  quantity: 'Số lượng',
  ...(Object.fromEntries(MEASURE_FIELDS.map((f) => [f, MEASURE_LABELS[measureOf(f)]])) as Record<
    `measures.${MeasureKey}`,
    string
  >),
};

export function measureOf(field: `measures.${MeasureKey}`): MeasureKey {
  return field.slice('measures.'.length) as MeasureKey;
}

export function isMeasureField(field: SheetField): field is `measures.${MeasureKey}` {
  return field.startsWith('measures.');
}

export function isSheetField(value: string): value is SheetField {
  return (SHEET_FIELDS as readonly string[]).includes(value);
}

/** A header as compared: folded (case, marks, đ), punctuation to spaces, spaces squeezed. */
export function headerKey(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Usual headers of older sheets, besides the export's own (all compared by headerKey). */
const VARIANTS: Partial<Record<SheetField, readonly string[]>> = {
  id: ['Mã', 'ID', 'Mã số hoạt động'],
  date: [
    'Ngày thực hiện',
    'Ngày tổ chức',
    'Ngày tuyên truyền',
    'Thời gian',
    'Thời gian thực hiện',
    'Thời gian tổ chức',
    'Ngày bắt đầu',
    'Từ ngày',
    'Ngày tháng',
    'Ngày, tháng',
  ],
  endDate: ['Ngày kết thúc', 'Đến ngày'],
  channel: [
    'Hình thức tuyên truyền',
    'Hình thức thực hiện',
    'Kênh',
    'Kênh tuyên truyền',
    'Loại hình',
    'Loại hình tuyên truyền',
  ],
  communes: [
    'Xã',
    'Xã, phường',
    'Xã/phường',
    'Xã, phường, thị trấn',
    'Địa bàn',
    'Địa bàn tuyên truyền',
    'Địa bàn thực hiện',
    'Địa điểm',
    'Địa điểm tổ chức',
    'Nơi tổ chức',
  ],
  village: ['Thôn', 'Bản', 'Thôn/bản', 'Thôn, bản, tổ dân phố', 'Thôn, tổ dân phố'],
  themes: ['Lĩnh vực', 'Chủ đề tuyên truyền'],
  language: ['Ngôn ngữ tuyên truyền', 'Tiếng'],
  title: [
    'Nội dung tuyên truyền',
    'Nội dung hoạt động',
    'Tên hoạt động',
    'Nội dung công việc',
    'Chủ đề, nội dung',
  ],
  audience: [
    'Số người',
    'Số người tham dự',
    'Số người tham gia',
    'Số người được tuyên truyền',
    'Số lượt người',
    'Số lượt người tham dự',
    'Số lượt người nghe',
    'Lượt người',
    'Số người nghe',
    'Số người xem',
  ],
  costVnd: ['Kinh phí', 'Kinh phí (đồng)', 'Kinh phí (VNĐ)', 'Kinh phí (nghìn đồng)', 'Chi phí'],
  notes: ['Ghi chú', 'Ghi chú khác'],
  quantity: ['Số lượng', 'Số lượng thực hiện', 'Khối lượng'],
};

/** Headers that carry nothing to import: a row counter. */
const IGNORED = new Set(['stt', 'tt', 'so tt', 'so thu tu']);

const HEADER_INDEX: Map<string, SheetField> = (() => {
  const index = new Map<string, SheetField>();
  // The export's own headers first: they win over a variant that folds the same.
  for (const field of SHEET_FIELDS) index.set(headerKey(FIELD_HEADERS[field]), field);
  for (const [field, names] of Object.entries(VARIANTS) as [SheetField, string[]][]) {
    for (const name of names) {
      const key = headerKey(name);
      if (!index.has(key)) index.set(key, field);
    }
  }
  return index;
})();

/** "Kinh phí (nghìn đồng)": values in thousands. */
export function headerScale(header: string): number {
  return /\bnghin dong\b|\b1000 dong\b|\bngan dong\b/.test(headerKey(header)) ? 1000 : 1;
}

/** What a header means: a field, `'ignore'` for a row counter, or null when not known. */
export function recogniseHeader(header: string): SheetField | 'ignore' | null {
  const key = headerKey(header);
  if (key === '') return null;
  if (IGNORED.has(key)) return 'ignore';
  const exact = HEADER_INDEX.get(key);
  if (exact) return exact;
  // "Kinh phí thực hiện (đồng)", "Số người tham dự (lượt)": the field named at the start.
  const withoutUnit = headerKey(header.replace(/\(.*?\)/g, ''));
  return HEADER_INDEX.get(withoutUnit) ?? null;
}

/** Channel names as officers write them, most specific first. */
const CHANNEL_WORDS: [Channel, readonly string[]][] = [
  ['cinema', ['chieu phim', 'phim luu dong', 'doi chieu bong', 'chieu bong']],
  [
    'van',
    [
      'xe thong tin',
      'xe luu dong',
      'xe tuyen truyen',
      'tuyen truyen luu dong',
      'xe loa',
      'co dong luu dong',
    ],
  ],
  [
    'banner',
    [
      'bang ron',
      'khau hieu',
      'pano',
      'panô',
      'ap phich',
      'bang zon',
      'bang ron khau hieu',
      'cum co',
    ],
  ],
  ['sms', ['tin nhan', 'sms']],
  [
    'radio',
    ['truyen thanh', 'dai xa', 'loa phat thanh', 'he thong loa', 'dai co so', 'loa truyen thanh'],
  ],
  [
    'online',
    [
      'trang thong tin dien tu',
      'fanpage',
      'cong thong tin',
      'mang xa hoi',
      'zalo',
      'facebook',
      'truc tuyen',
      'website',
    ],
  ],
  ['press', ['bao chi', 'bao', 'phat thanh truyen hinh', 'truyen hinh', 'dai phat thanh']],
  ['leaflet', ['to roi', 'to gap', 'tai lieu', 'so tay', 'an pham', 'cap phat']],
  [
    'meeting',
    [
      'hoi nghi',
      'noi chuyen',
      'tap huan',
      'hop',
      'toa dam',
      'sinh hoat',
      'tuyen truyen mieng',
      'hoi thi',
      'doi thoai',
      'lop',
    ],
  ],
  ['model', ['mo hinh', 'cau lac bo', 'clb', 'to tu quan', 'nhom']],
];

/** Each channel's key and labels as written by the app ("van", "Xe lưu động", …). */
const CHANNEL_EXACT: Map<string, Channel> = new Map(
  CHANNELS.flatMap((c) => [
    [headerKey(c), c] as [string, Channel],
    [headerKey(CHANNEL_LABELS[c]), c] as [string, Channel],
    [headerKey(CHANNEL_SHORT_LABELS[c]), c] as [string, Channel],
  ]),
);

/** The channel a name typed in a sheet means, or null. */
export function recogniseChannel(text: string): Channel | null {
  const key = headerKey(text);
  if (key === '') return null;
  const exact = CHANNEL_EXACT.get(key);
  if (exact) return exact;
  const padded = ` ${key} `;
  for (const [channel, words] of CHANNEL_WORDS) {
    if (words.some((w) => padded.includes(` ${headerKey(w)} `))) {
      return channel;
    }
  }
  return null;
}

/** The measure "Số lượng" stands for on a channel: its first. */
export function quantityMeasure(channel: Channel): CountMeasure {
  return CHANNEL_MEASURES[channel].counts[0]!;
}

/** The fields a user may point an unknown column at, with their labels, for the mapping step. */
export function fieldChoices(): { field: SheetField; label: string }[] {
  return SHEET_FIELDS.map((field) => ({ field, label: FIELD_HEADERS[field] }));
}
