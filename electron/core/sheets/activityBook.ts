// The logbook as a workbook: "Tất cả hoạt động" with every listed activity, then a sheet per
// channel with that channel's measures as columns. Headers are the import's own
// (shared/sheetColumns.ts), so the file comes back identical through `activities import`.
// Written with the streaming writer: one sheet at a time, rows flushed as they go.
import ExcelJS from 'exceljs';
import {
  BANNER_KIND_LABELS,
  CHANNELS,
  CHANNEL_LABELS,
  CHANNEL_MEASURES,
  CHANNEL_SHORT_LABELS,
  COUNT_MEASURES,
  EXTRA_MEASURES,
  LANGUAGE_LABELS,
  THEME_LABELS,
  type BannerKind,
  type Channel,
} from '../../../shared/domain';
import type { Activity } from '../../../shared/schemas';
import { FIELD_HEADERS, type MeasureKey, type SheetField } from '../../../shared/sheetColumns';
import {
  CREATOR,
  addRow,
  sheetOptions,
  startSheet,
  type CellValue,
  type SheetColumn,
} from './book';

export const OVERVIEW_SHEET = 'Tất cả hoạt động';

const COMMON: { field: SheetField; kind: SheetColumn['kind']; width: number }[] = [
  { field: 'id', kind: 'text', width: 14 },
  { field: 'date', kind: 'date', width: 11 },
  { field: 'endDate', kind: 'date', width: 11 },
  { field: 'channel', kind: 'text', width: 22 },
  { field: 'communes', kind: 'text', width: 20 },
  { field: 'village', kind: 'text', width: 14 },
  { field: 'themes', kind: 'text', width: 18 },
  { field: 'language', kind: 'text', width: 11 },
  { field: 'title', kind: 'text', width: 40 },
  { field: 'audience', kind: 'int', width: 12 },
  { field: 'audienceEstimated', kind: 'text', width: 9 },
  { field: 'costVnd', kind: 'int', width: 13 },
  { field: 'notes', kind: 'text', width: 24 },
];

/** Widths (characters) that still print legibly on one A4 landscape page across. */
const FITS_ONE_PAGE = 260;

const COUNT_SET = new Set<string>(COUNT_MEASURES);

function commonValue(a: Activity, field: SheetField): CellValue {
  switch (field) {
    case 'id':
      return a.id;
    case 'date':
      return a.date;
    case 'endDate':
      return a.endDate ?? null;
    case 'channel':
      return CHANNEL_LABELS[a.channel];
    case 'communes':
      return a.communes.join('; ');
    case 'village':
      return a.village;
    case 'themes':
      return a.themes.map((t) => THEME_LABELS[t]).join('; ');
    case 'language':
      return LANGUAGE_LABELS[a.language];
    case 'title':
      return a.title;
    case 'audience':
      return a.audience;
    case 'audienceEstimated':
      return a.audienceEstimated ? 'Có' : null;
    case 'costVnd':
      return a.costVnd;
    case 'notes':
      return a.notes;
    default:
      return null;
  }
}

function measureValue(a: Activity, m: MeasureKey): CellValue {
  const value = (a.measures as Record<string, unknown>)[m];
  if (value === undefined) return null;
  if (m === 'kind') return BANNER_KIND_LABELS[value as BannerKind];
  if (m === 'relayed') return value === true ? 'Có' : 'Không';
  return value as CellValue;
}

/** The measures of these channels, counts first, in the domain's order. */
function measuresOf(channels: readonly Channel[]): MeasureKey[] {
  const used = new Set<string>(
    channels.flatMap((c) => [...CHANNEL_MEASURES[c].counts, ...CHANNEL_MEASURES[c].extras]),
  );
  return [...COUNT_MEASURES, ...EXTRA_MEASURES].filter((m) => used.has(m));
}

function writeSheet(
  book: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  titles: string[],
  activities: readonly Activity[],
  measures: readonly MeasureKey[],
): void {
  const columns: SheetColumn[] = [
    // The id is the app's, kept for reading the file back: hidden, so it neither prints nor
    // takes room (Excel's "Unhide" shows it).
    ...COMMON.map((c) => ({
      header: FIELD_HEADERS[c.field],
      kind: c.kind,
      width: c.width,
      ...(c.field === 'id' ? { hidden: true } : {}),
    })),
    ...measures.map((m) => ({
      header: FIELD_HEADERS[`measures.${m}`],
      kind: COUNT_SET.has(m) ? ('int' as const) : ('text' as const),
      width: 14,
    })),
  ];
  const options = sheetOptions(columns, titles);
  const widths = columns.reduce((n, c) => n + (c.hidden ? 0 : (c.width ?? 12)), 0);
  if (widths > FITS_ONE_PAGE) {
    // Too wide to read on one page: printed across pages at a size that stays legible, the
    // header repeated on each.
    options.pageSetup = { ...options.pageSetup, fitToPage: false, scale: 70 };
  }
  const sheet = book.addWorksheet(name, options);
  startSheet(sheet, columns, titles);
  for (const a of activities) {
    addRow(sheet, columns, [
      ...COMMON.map((c) => commonValue(a, c.field)),
      ...measures.map((m) => measureValue(a, m)),
    ]);
  }
  (sheet as unknown as { commit(): void }).commit();
}

/**
 * Writes the workbook to `file`. `title` heads each sheet (the office and what was listed).
 */
export async function writeActivityBook(
  file: string,
  activities: readonly Activity[],
  title: string[],
): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  });
  book.creator = CREATOR;
  const channels = CHANNELS.filter((c) => activities.some((a) => a.channel === c));
  writeSheet(book, OVERVIEW_SHEET, title, activities, measuresOf(channels));
  for (const channel of channels) {
    writeSheet(
      book,
      CHANNEL_SHORT_LABELS[channel].replace(/[[\]:*?/\\]/g, ' ').slice(0, 31),
      [...title.slice(0, 1), CHANNEL_LABELS[channel]],
      activities.filter((a) => a.channel === channel),
      measuresOf([channel]),
    );
  }
  await book.commit();
}
