// One row of a sheet read into the import format: each cell by the field its column was
// taken for, each problem named by its column; and the row in words for the preview.

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
  isMeasureField,
  measureOf,
  quantityMeasure,
  recogniseChannel,
  type SheetField,
} from '../../../shared/sheetColumns';
import type { CellProblem, ColumnMap, PreviewRow, SheetPlan } from '../../../shared/sheetImport';
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

export interface SheetLayout {
  sheet: RawSheet;
  plan: SheetPlan;
  headerIndex: number;
  /** Per column index: its header and field (null: left out). */
  columns: { header: string; letter: string; field: SheetField | null; scale: number }[];
}

type Builder = Record<string, unknown> & { measures: Record<string, unknown> };

/** Reads one row; cell problems first, then the record's own checks. */
export function readRow(
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
