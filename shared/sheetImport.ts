// What the import of a spreadsheet shows before anything is written: the sheets read, each
// column and what it was taken for, and every row with its problems per cell.
import { z } from 'zod';
import type { Msg } from './errors';
import type { ReportFileView } from './report';
import { ActivityFilterSchema } from './schemas';
import { isSheetField, type SheetField } from './sheetColumns';

/** A user's answer for a column, by its header: the field it holds, or null to leave it out. */
export type ColumnMap = Record<string, SheetField | null>;

export interface SheetPlan {
  name: string;
  /** Row of the header found (below any title rows); null when the sheet has none. */
  headerRow: number | null;
  /** Activity rows under the header. */
  rows: number;
  /** The channel the sheet's name gives its rows when they have no "Hình thức" column. */
  channel: string | null;
}

export interface ColumnInfo {
  header: string;
  /** "B" in the first sheet it appears in. */
  letter: string;
  sheets: string[];
  /** What the app recognised from the header alone. */
  recognised: SheetField | 'ignore' | null;
  /** What the column is taken for now (recognised or mapped); null: left out. */
  field: SheetField | null;
  /** Unknown, holds data and not answered yet: the import waits for the user's choice. */
  needsMap: boolean;
  samples: string[];
}

export interface CellProblem {
  /** The field the problem is about, or 'row' for the row as a whole. */
  field: SheetField | 'row';
  header: string;
  letter: string;
  msg: Msg;
}

export interface PreviewRow {
  sheet: string;
  n: number;
  /** The row as it will be saved, in words (date dd/mm/yyyy, channel's name, figures). */
  shown: Partial<
    Record<
      'id' | 'date' | 'channel' | 'communes' | 'title' | 'audience' | 'costVnd' | 'measures',
      string
    >
  >;
  problems: CellProblem[];
  /** Read once already: the same id with the same content earlier in the file. */
  repeatOf?: string;
}

export interface SheetPreview {
  token: string;
  fileName: string;
  sheets: SheetPlan[];
  columns: ColumnInfo[];
  /** Activity rows found (repeats and total rows excluded). */
  activities: number;
  rowsWithProblems: number;
  problems: number;
  /** Rows left out on purpose: totals ("Tổng cộng"), repeats of the same activity. */
  skipped: number;
  notes: Msg[];
  /** The rows asked for (`offset`, `limit`, `problemsOnly`), and how many match. */
  rows: PreviewRow[];
  matching: number;
}

export interface SheetImportResult {
  created: number;
  updated: number;
  unchanged: number;
  activities: number;
}

export interface SheetProgress {
  phase: 'reading' | 'checking' | 'writing' | 'done';
  /** Rows read, or checked, so far. */
  rows: number;
  /** Rows to check (0 while reading: the file's row count is not known before its end). */
  total: number;
}

const token = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const ColumnMapSchema = z.record(
  z.string().max(500),
  z
    .string()
    .refine(isSheetField, { message: 'unknownField' })
    .transform((f) => f)
    .nullable(),
);
const filter = ActivityFilterSchema;

/** The contract's methods for spreadsheets of activities (merged into shared/contract.ts). */
export const sheetMethods = {
  /** Reads a .xlsx or .csv (the bytes, or a path on this computer) and holds it under `token`. */
  'sheet:open': {
    input: z
      .strictObject({
        token,
        fileName: z.string().min(1).max(4096),
        base64: z.string().max(60_000_000).optional(),
        path: z.string().min(1).max(4096).optional(),
      })
      .refine((v) => (v.base64 === undefined) !== (v.path === undefined), {
        message: 'base64OrPath',
      }),
    writes: false,
  },
  'sheet:progress': { input: z.strictObject({ token }), writes: false },
  'sheet:preview': {
    input: z.strictObject({
      token,
      map: ColumnMapSchema,
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
      problemsOnly: z.boolean().optional(),
    }),
    writes: false,
  },
  'sheet:close': { input: z.strictObject({ token }), writes: false },
  'activities:importSheet': {
    input: z.strictObject({ token, map: ColumnMapSchema }),
    writes: true,
  },
  /** The filtered logbook as a workbook: all activities, then one sheet per channel. */
  'activities:sheet': { input: filter, writes: false },
} as const;

export interface SheetOutputs {
  'sheet:open': { token: string };
  'sheet:progress': SheetProgress;
  'sheet:preview': SheetPreview;
  'sheet:close': null;
  'activities:importSheet': SheetImportResult;
  'activities:sheet': ReportFileView;
}
