// From a spreadsheet's rows to activities: finds each sheet's header row below its titles,
// takes each column for a field (recognised or mapped by the user), reads every row into the
// import format and names each problem by sheet, row and column. Writes nothing.

import {
  CHANNEL_LABELS,
  CHANNEL_MEASURES,
  type Channel,
  type ExtraMeasure,
} from '../../../shared/domain';
import type { Msg } from '../../../shared/errors';
import { describeIssue } from '../../../shared/issues';
import { measuresText } from '../../../shared/measures';
import { formatDate, formatNumber } from '../../../shared/format';
import { ActivityInputSchema, type ActivityInput } from '../../../shared/schemas';
import {
  FIELD_HEADERS,
  headerKey,
  headerScale,
  isMeasureField,
  measureOf,
  quantityMeasure,
  recogniseChannel,
  recogniseHeader,
  type SheetField,
} from '../../../shared/sheetColumns';
import type {
  CellProblem,
  ColumnInfo,
  ColumnMap,
  PreviewRow,
  SheetPlan,
} from '../../../shared/sheetImport';
import {
  cellText,
  readBannerKind,
  readCount,
  readDateSpan,
  readFlag,
  readLanguage,
  readThemes,
  splitList,
  type Cell,
  type Read,
} from '../../../shared/sheetValues';
import type { RawRow, RawSheet } from './read';

/** How far below the top a header row is looked for (title rows, a blank line, a date). */
const HEADER_SEARCH_ROWS = 30;

export interface InterpretContext {
  map: ColumnMap;
  /** The areas' names as the profile writes them, or why they cannot be used for the channel. */
  resolveCommunes(
    names: string[],
    channel: Channel,
    id: string | undefined,
  ): { names: string[] } | { error: Msg };
  /** The channel a typed name means (memoised over a file: a sheet repeats a few names). */
  recogniseChannel?: (text: string) => Channel | null;
  /** Why a day cannot be written (its period is locked), or null. */
  locked(date: string): Msg | null;
  today?: Date;
}

export interface InterpretedRow extends Omit<PreviewRow, 'shown'> {
  record: ActivityInput | null;
  /** Where it came from, to show it again in words for the page of the preview asked for. */
  raw: RawRow;
  layout: number;
  /** The record as parsed, in a fixed field order: a repeated id is compared by it. */
  key?: string;
}

export interface Interpretation {
  /** The row in words as it will be saved (only the rows of a page are shown). */
  show(row: InterpretedRow): PreviewRow;
  sheets: SheetPlan[];
  columns: ColumnInfo[];
  rows: InterpretedRow[];
  skipped: number;
  notes: Msg[];
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function findHeader(rows: readonly RawRow[]): number | null {
  let best: { index: number; score: number } | null = null;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, index) => {
    const fields = row.cells.map((c) => (typeof c === 'string' ? recogniseHeader(c) : null));
    const score = fields.filter((f) => f !== null && f !== 'ignore').length;
    const anchored = fields.some((f) => f === 'date' || f === 'title' || f === 'channel');
    if (anchored && score >= 2 && (!best || score > best.score)) best = { index, score };
  });
  return best === null ? null : (best as { index: number }).index;
}

interface SheetLayout {
  sheet: RawSheet;
  plan: SheetPlan;
  headerIndex: number;
  /** Per column index: its header and field (null: left out). */
  columns: { header: string; letter: string; field: SheetField | null; scale: number }[];
}

/** A total line under the table: its first text "Tổng cộng" (or "Cộng"), and no date. */
function isTotalRow(cells: readonly Cell[]): boolean {
  const first = cells.find((c) => c !== null);
  return (
    typeof first === 'string' &&
    first.length <= 40 &&
    /^(tong cong|tong so|tong|cong)\b/.test(headerKey(first))
  );
}

function layoutSheets(
  sheets: readonly RawSheet[],
  map: ColumnMap,
): {
  layouts: SheetLayout[];
  plans: SheetPlan[];
  columns: ColumnInfo[];
} {
  const layouts: SheetLayout[] = [];
  const plans: SheetPlan[] = [];
  const byHeader = new Map<string, ColumnInfo>();
  for (const sheet of sheets) {
    const headerIndex = findHeader(sheet.rows);
    const sheetChannel = recogniseChannel(sheet.name);
    const plan: SheetPlan = {
      name: sheet.name,
      headerRow: headerIndex === null ? null : sheet.rows[headerIndex]!.n,
      rows: 0,
      channel: null,
    };
    plans.push(plan);
    if (headerIndex === null) continue;
    const headerCells = sheet.rows[headerIndex]!.cells;
    const body = sheet.rows.slice(headerIndex + 1);
    const columns = headerCells.map((cell, i) => {
      const header = cellText(cell);
      const letter = columnLetter(i);
      const recognised = header === '' ? null : recogniseHeader(header);
      const hasData = body.some((r) => r.cells[i] !== null && r.cells[i] !== undefined);
      const mapped = Object.prototype.hasOwnProperty.call(map, header) ? map[header]! : undefined;
      const field: SheetField | null =
        mapped !== undefined ? mapped : recognised === 'ignore' ? null : recognised;
      const key = header === '' ? `(${letter})` : header;
      let info = byHeader.get(key);
      if (!info) {
        info = {
          header: key,
          letter,
          sheets: [],
          recognised,
          field,
          needsMap: recognised === null && mapped === undefined && hasData,
          samples: [],
        };
        byHeader.set(key, info);
      } else if (recognised === null && mapped === undefined && hasData) {
        info.needsMap = true;
      }
      if (!info.sheets.includes(sheet.name)) info.sheets.push(sheet.name);
      for (const r of body) {
        if (info.samples.length >= 3) break;
        const v = r.cells[i];
        if (v !== null && v !== undefined) {
          const t = cellText(v);
          if (!info.samples.includes(t)) info.samples.push(t);
        }
      }
      return { header: key, letter, field, scale: headerScale(header) };
    });
    const hasChannel = columns.some((c) => c.field === 'channel');
    plan.channel = hasChannel ? null : sheetChannel;
    layouts.push({ sheet, plan, headerIndex, columns });
  }
  return { layouts, plans, columns: [...byHeader.values()] };
}

type Builder = Record<string, unknown> & { measures: Record<string, unknown> };

/** Reads one row; cell problems first, then the record's own checks. */
function readRow(
  layout: SheetLayout,
  row: RawRow,
  ctx: InterpretContext,
  index: number,
): InterpretedRow & { shown: () => PreviewRow['shown'] } {
  const problems: CellProblem[] = [];
  const at: Partial<Record<SheetField, { header: string; letter: string }>> = {};
  const cells: Partial<Record<SheetField, { cell: Cell; scale: number }>> = {};
  layout.columns.forEach((col, i) => {
    if (col.field === null) return;
    at[col.field] = { header: col.header, letter: col.letter };
    const cell = row.cells[i] ?? null;
    if (cell !== null) cells[col.field] = { cell, scale: col.scale };
  });
  const problem = (field: SheetField | 'row', msg: Msg): void => {
    const where = field === 'row' ? undefined : at[field];
    problems.push({
      field,
      header: where?.header ?? (field === 'row' ? '' : FIELD_HEADERS[field]),
      letter: where?.letter ?? '',
      msg,
    });
  };
  function take<T>(field: SheetField, read: (c: Cell, scale: number) => Read<T>): T | undefined {
    const c = cells[field];
    if (!c) return undefined;
    const r = read(c.cell, c.scale);
    if ('error' in r) {
      problem(field, r.error);
      return undefined;
    }
    return r.value;
  }
  const text = (field: SheetField): string | undefined =>
    cells[field] ? cellText(cells[field].cell) : undefined;

  const record: Builder = { measures: {} };
  const id = text('id');
  if (id !== undefined) record.id = id;
  const span = take('date', (c) => readDateSpan(c, ctx.today));
  if (span) {
    record.date = span.date;
    if (span.endDate) record.endDate = span.endDate;
  } else if (!cells.date) {
    problem('date', { vi: 'thiếu ngày', en: 'the date is missing' });
  }
  const end = take('endDate', (c) => readDateSpan(c, ctx.today));
  if (end) record.endDate = end.date;

  let channel: Channel | null = layout.plan.channel as Channel | null;
  const channelText = text('channel');
  if (channelText !== undefined) {
    channel = (ctx.recogniseChannel ?? recogniseChannel)(channelText);
    if (!channel) {
      problem('channel', {
        vi: `không nhận ra hình thức "${channelText}"; ghi một trong: ${Object.values(CHANNEL_LABELS).join('; ')}`,
        en: `unknown channel "${channelText}"`,
      });
    }
  } else if (!channel) {
    problem('channel', { vi: 'thiếu hình thức tuyên truyền', en: 'the channel is missing' });
  }
  if (channel) record.channel = channel;
  record.communes = cells.communes ? splitList(cells.communes.cell) : [];
  if (cells.village) record.village = text('village');
  record.themes = take('themes', readThemes) ?? ['trafficking'];
  if (cells.language) record.language = take('language', readLanguage);
  const title = text('title');
  if (title !== undefined) record.title = title;
  else problem('title', { vi: 'thiếu nội dung', en: 'the title is missing' });
  record.audience = take('audience', readCount) ?? 0;
  if (cells.audienceEstimated && take('audienceEstimated', readFlag) === true) {
    record.audienceEstimated = true;
  }
  record.costVnd = take('costVnd', readCount) ?? 0;
  if (cells.notes) record.notes = text('notes');

  if (channel) readMeasures(channel, record, cells, take, text, problem);

  let parsed: ActivityInput | null = null;
  let key: string | undefined;
  if (problems.length === 0) {
    const check = ActivityInputSchema.safeParse(record);
    if (!check.success) {
      for (const issue of check.error.issues) {
        const described = describeIssue(issue);
        const path = issue.path.map(String);
        let field = (path[0] === 'measures' ? `measures.${path[1]}` : path[0]) as SheetField;
        if (isMeasureField(field) && !at[field] && at.quantity) field = 'quantity';
        problem(field, {
          vi: described.msg.vi.replace(/^Trường "[^"]*" /, ''),
          en: described.msg.en.replace(/^Field "[^"]*" /, ''),
        });
      }
    } else {
      parsed = record as ActivityInput;
      key = JSON.stringify(check.data);
      const areas = ctx.resolveCommunes(check.data.communes, check.data.channel, check.data.id);
      if ('error' in areas) problem('communes', areas.error);
      else record.communes = areas.names;
      const lockedStart = ctx.locked(check.data.date);
      if (lockedStart) problem('date', lockedStart);
    }
  }
  return {
    sheet: layout.sheet.name,
    n: row.n,
    record: problems.length === 0 ? parsed : null,
    ...(key !== undefined ? { key } : {}),
    problems,
    raw: row,
    layout: index,
    shown: () => shownOf(record, channel, cells),
  };
}

function readMeasures(
  channel: Channel,
  record: Builder,
  cells: Partial<Record<SheetField, { cell: Cell; scale: number }>>,
  take: <T>(field: SheetField, read: (c: Cell, scale: number) => Read<T>) => T | undefined,
  text: (field: SheetField) => string | undefined,
  problem: (field: SheetField | 'row', msg: Msg) => void,
): void {
  const own = CHANNEL_MEASURES[channel];
  const first = quantityMeasure(channel);
  for (const m of own.counts) {
    const field = `measures.${m}` as SheetField;
    const value = cells[field]
      ? take(field, readCount)
      : m === first
        ? take('quantity', readCount)
        : undefined;
    record.measures[m] = value ?? 0;
  }
  for (const m of own.extras) {
    const field = `measures.${m}` as SheetField;
    if (!cells[field]) continue;
    if (m === 'kind') record.measures.kind = take(field, readBannerKind);
    else if (m === 'relayed') record.measures.relayed = take(field, readFlag);
    else record.measures[m] = text(field);
  }
  // A figure under another channel's measure would be lost: say so rather than drop it.
  for (const field of Object.keys(cells) as SheetField[]) {
    if (!isMeasureField(field)) continue;
    const m = measureOf(field);
    const used =
      (own.counts as readonly string[]).includes(m) || own.extras.includes(m as ExtraMeasure);
    if (!used) {
      problem(field, {
        vi: `hình thức "${CHANNEL_LABELS[channel]}" không có số đo "${FIELD_HEADERS[field]}"; hãy để trống ô này hoặc sửa hình thức`,
        en: `the channel ${channel} has no measure ${m}`,
      });
    }
  }
}

function shownOf(
  record: Builder,
  channel: Channel | null,
  cells: Partial<Record<SheetField, { cell: Cell; scale: number }>>,
): PreviewRow['shown'] {
  const raw = (f: SheetField): string | undefined =>
    cells[f] ? cellText(cells[f].cell) : undefined;
  const num = (v: unknown, f: SheetField): string | undefined =>
    typeof v === 'number' && cells[f] ? formatNumber(v) : raw(f);
  return {
    ...(typeof record.id === 'string' ? { id: record.id } : {}),
    date:
      typeof record.date === 'string'
        ? formatDate(record.date) +
          (typeof record.endDate === 'string' ? ` – ${formatDate(record.endDate)}` : '')
        : (raw('date') ?? ''),
    channel: channel ? CHANNEL_LABELS[channel] : (raw('channel') ?? ''),
    communes: Array.isArray(record.communes) ? (record.communes as string[]).join('; ') : '',
    title: typeof record.title === 'string' ? record.title : '',
    audience: num(record.audience, 'audience') ?? '',
    costVnd: num(record.costVnd, 'costVnd') ?? '',
    measures: channel ? measuresText({ channel, measures: record.measures as never }) : '',
  };
}

/** Rows read between two yields to the event loop (a progress poll is answered meanwhile). */
const YIELD_EVERY = 2000;

export async function interpret(
  sheets: readonly RawSheet[],
  ctx: InterpretContext,
  onProgress?: (rows: number, total: number) => void,
): Promise<Interpretation> {
  const total = sheets.reduce((n, sheet) => n + sheet.rows.length, 0);
  let done = 0;
  const { layouts, plans, columns } = layoutSheets(sheets, ctx.map);
  const channelOf = new Map<string, Channel | null>();
  const memoCtx: InterpretContext = {
    ...ctx,
    recogniseChannel: (text) => {
      if (!channelOf.has(text)) channelOf.set(text, recogniseChannel(text));
      return channelOf.get(text)!;
    },
  };
  const rows: InterpretedRow[] = [];
  const firstOfId = new Map<string, InterpretedRow>();
  let skipped = 0;
  for (const [index, layout] of layouts.entries()) {
    for (const row of layout.sheet.rows.slice(layout.headerIndex + 1)) {
      done += 1;
      if (done % YIELD_EVERY === 0) {
        onProgress?.(done, total);
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (
        isTotalRow(row.cells) &&
        !layout.columns.some(
          (c, i) => c.field === 'date' && 'value' in readDateSpan(row.cells[i] ?? null, ctx.today),
        )
      ) {
        skipped += 1;
        continue;
      }
      const { shown: _shown, ...read } = readRow(layout, row, memoCtx, index);
      const id = read.record?.id;
      if (id !== undefined) {
        const first = firstOfId.get(id);
        if (first?.record) {
          const where = `trang "${first.sheet}", dòng ${first.n}`;
          if (first.key === read.key) {
            // The export's sheet per channel repeats its overview: read once.
            skipped += 1;
            continue;
          }
          read.problems.push({
            field: 'id',
            header: FIELD_HEADERS.id,
            letter: '',
            msg: {
              vi: `hoạt động mã "${id}" đã có ở ${where} với nội dung khác; hãy sửa cho giống nhau ở cả hai nơi hoặc xóa một dòng`,
              en: `the activity "${id}" is also at sheet "${first.sheet}", row ${first.n}, with different content`,
            },
          });
          read.record = null;
        } else {
          firstOfId.set(id, read);
        }
      }
      layout.plan.rows += 1;
      rows.push(read);
    }
  }
  const notes: Msg[] = [];
  const fields = new Set(columns.map((c) => c.field));
  if (!fields.has('themes')) {
    notes.push({
      vi: 'Bảng không có cột "Chủ đề": các hoạt động được ghi là phòng, chống mua bán người.',
      en: 'No "Chủ đề" column: the activities are recorded as against trafficking.',
    });
  }
  const show = (r: InterpretedRow): PreviewRow => {
    const again = readRow(layouts[r.layout]!, r.raw, memoCtx, r.layout);
    const shown = again.shown();
    return {
      sheet: r.sheet,
      n: r.n,
      problems: r.problems,
      shown,
      ...(r.repeatOf !== undefined ? { repeatOf: r.repeatOf } : {}),
    };
  };
  return { show, sheets: plans, columns, rows, skipped, notes };
}

/** "Trang "2023", dòng 14, cột "Ngày" (B): …" */
export function problemText(
  fileName: string,
  row: Pick<PreviewRow, 'sheet' | 'n'>,
  p: CellProblem,
): Msg {
  const col = p.field === 'row' ? '' : `, cột "${p.header}"${p.letter ? ` (${p.letter})` : ''}`;
  const colEn =
    p.field === 'row' ? '' : `, column "${p.header}"${p.letter ? ` (${p.letter})` : ''}`;
  return {
    vi: `Tệp ${fileName}, trang "${row.sheet}", dòng ${row.n}${col}: ${p.msg.vi}.`,
    en: `File ${fileName}, sheet "${row.sheet}", row ${row.n}${colEn}: ${p.msg.en}.`,
  };
}
