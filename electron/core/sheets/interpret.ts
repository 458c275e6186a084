// From a spreadsheet's rows to activities: finds each sheet's header row below its titles,
// takes each column for a field (recognised or mapped by the user), reads every row into the
// import format and names each problem by sheet, row and column. Writes nothing.

import { type Channel } from '../../../shared/domain';
import type { Msg } from '../../../shared/errors';
import {
  FIELD_HEADERS,
  headerKey,
  headerScale,
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
import { cellText, readDateSpan, type Cell } from '../../../shared/sheetValues';
import type { RawRow, RawSheet } from './read';
import { readRow, type InterpretContext, type InterpretedRow, type SheetLayout } from './readRow';
export type { InterpretContext, InterpretedRow } from './readRow';

/** How far below the top a header row is looked for (title rows, a blank line, a date). */
const HEADER_SEARCH_ROWS = 30;

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
