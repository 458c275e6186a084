// `tuyentruyen activities import|list|export|attach`: the logbook from and to files. A spreadsheet
// import goes through the same steps as the screen (open, preview, import), so a column the
// app does not recognise is answered with --map instead of a click.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CHANNELS, THEMES, type Channel, type Theme } from '../../shared/domain';
import type { Lang } from '../../shared/errors';
import type { Output } from '../../shared/contract';
import type { ActivityFilter } from '../../shared/schemas';
import { isSheetField, SHEET_FIELDS } from '../../shared/sheetColumns';
import type { ColumnMap } from '../../shared/sheetImport';
import { toInterchange } from '../core/queries/activities';
import { sheetKind } from '../core/sheets/kind';
import { EXIT_OK, openCore, parse, refused, unwrap, UsageError, type Io } from './args';
import { activitiesAttach } from './attach';
import { parseJson, readText } from './files';
import { formatActivityTable, formatTotals } from './print';

function readActivities(file: string): { records: unknown[]; lines: number[] | null } {
  const text = readText(file);
  if (file.toLowerCase().endsWith('.jsonl')) {
    const records: unknown[] = [];
    const lines: number[] = [];
    text.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() === '') return;
      records.push(parseJson(file, line, i + 1));
      lines.push(i + 1);
    });
    return { records, lines };
  }
  const value = parseJson(file, text);
  if (!Array.isArray(value)) {
    throw refused({
      vi: `Tệp ${file}: phải là một danh sách (mảng JSON) các hoạt động.`,
      en: `File ${file}: must be a JSON array of activities.`,
    });
  }
  return { records: value, lines: null };
}

/** What an import did, the same words for a JSON file and a spreadsheet. */
function importedLine(
  lang: Lang,
  file: string,
  count: number,
  r: { created: number; updated: number; unchanged: number },
): string {
  return lang === 'en'
    ? `Imported ${count} activities from ${file}: ${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged.`
    : `Đã nhập ${count} hoạt động từ ${file}: ${r.created} mới, ${r.updated} cập nhật, ${r.unchanged} không đổi.`;
}

/** `--map FILE.json`: `{ "Header": "field" | null }`, each field one of the import's. */
function readMap(file: string | undefined): ColumnMap {
  if (file === undefined) return {};
  const value = parseJson(file, readText(file));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw refused({
      vi: `Tệp ${file}: phải là một đối tượng JSON {"Tên cột": "trường"}.`,
      en: `File ${file}: must be a JSON object {"Column": "field"}.`,
    });
  }
  for (const [header, field] of Object.entries(value)) {
    if (field !== null && (typeof field !== 'string' || !isSheetField(field))) {
      throw refused({
        vi: `Tệp ${file}, cột "${header}": "${String(field)}" không phải trường nào; dùng null (bỏ qua) hoặc một trong: ${SHEET_FIELDS.join(', ')}.`,
        en: `File ${file}, column "${header}": "${String(field)}" is not a field; use null or one of: ${SHEET_FIELDS.join(', ')}.`,
      });
    }
  }
  return value as ColumnMap;
}

async function sheetImport(
  file: string,
  map: ColumnMap,
  values: { 'data-dir'?: string },
  io: Io,
  lang: Lang,
): Promise<number> {
  const core = await openCore(values);
  const token = randomBytes(12).toString('hex');
  try {
    unwrap(
      await core.call('sheet:open', { token, fileName: file, path: path.resolve(file) }, lang),
    );
    const preview = unwrap<Output<'sheet:preview'>>(
      await core.call('sheet:preview', { token, map, limit: 1 }, lang),
    );
    const read = preview.sheets.filter((s) => s.headerRow !== null);
    io.err(
      lang === 'en'
        ? `Read ${preview.activities} rows from ${read.length} sheet(s): ${read.map((s) => `"${s.name}" (header at row ${s.headerRow})`).join(', ')}.`
        : `Đã đọc ${preview.activities} dòng từ ${read.length} trang: ${read.map((s) => `"${s.name}" (tiêu đề cột ở dòng ${s.headerRow})`).join(', ')}.`,
    );
    for (const note of preview.notes) io.err(note[lang]);
    // Through core.call, like the app: all or nothing, and a damaged data file refuses it.
    const result = unwrap<Output<'activities:importSheet'>>(
      await core.call('activities:importSheet', { token, map }, lang),
    );
    io.out(importedLine(lang, file, result.activities, result));
    return EXIT_OK;
  } finally {
    core.close();
  }
}

async function activitiesImport(args: string[], io: Io, lang: Lang): Promise<number> {
  const { values, positionals } = parse(args, { map: { type: 'string' } }, 1);
  const file = positionals[0]!;
  if (sheetKind(file) !== null || /\.xls$/i.test(file)) {
    return sheetImport(file, readMap(values.map), values, io, lang);
  }
  if (values.map !== undefined) throw new UsageError('--map chỉ dùng khi nhập tệp .xlsx hoặc .csv');
  const { records, lines } = readActivities(file);
  const core = await openCore(values);
  try {
    // Through core.call, like the app: a damaged data file refuses the write. The handler
    // names the file, record and line in an error.
    const result = unwrap<Output<'activities:import'>>(
      await core.call(
        'activities:import',
        { fileName: file, records, ...(lines ? { lines } : {}) },
        lang,
      ),
    );
    io.out(importedLine(lang, file, records.length, result));
    return EXIT_OK;
  } finally {
    core.close();
  }
}

const FILTER_OPTIONS = {
  period: { type: 'string' },
  channel: { type: 'string', multiple: true },
  commune: { type: 'string', multiple: true },
  theme: { type: 'string', multiple: true },
  search: { type: 'string' },
  deleted: { type: 'boolean' },
} as const;

interface FilterValues {
  period?: string;
  channel?: string[];
  commune?: string[];
  theme?: string[];
  search?: string;
  deleted?: boolean;
}

function filterOf(values: FilterValues): ActivityFilter {
  for (const c of values.channel ?? []) {
    if (!(CHANNELS as readonly string[]).includes(c)) {
      throw new UsageError(`kênh "${c}" không có; dùng một trong: ${CHANNELS.join(', ')}`);
    }
  }
  for (const t of values.theme ?? []) {
    if (!(THEMES as readonly string[]).includes(t)) {
      throw new UsageError(`chủ đề "${t}" không có; dùng một trong: ${THEMES.join(', ')}`);
    }
  }
  const filter: ActivityFilter = {
    ...(values.period !== undefined ? { period: values.period } : {}),
    ...(values.channel ? { channels: values.channel as Channel[] } : {}),
    ...(values.commune ? { communes: values.commune } : {}),
    ...(values.theme ? { themes: values.theme as Theme[] } : {}),
    ...(values.search !== undefined ? { search: values.search } : {}),
    ...(values.deleted ? { deleted: true } : {}),
  };
  return filter;
}

async function activitiesList(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { ...FILTER_OPTIONS, json: { type: 'boolean' } }, 0);
  const filter = filterOf(values);
  const core = await openCore(values);
  try {
    const rows = core.activities.list(filter);
    if (values.json) {
      io.out(JSON.stringify(rows.map(toInterchange), null, 2));
    } else {
      io.out(formatActivityTable(rows));
      io.out(formatTotals(core.activities.summary(filter)));
    }
    return EXIT_OK;
  } finally {
    core.close();
  }
}

async function activitiesExport(args: string[], io: Io, lang: Lang): Promise<number> {
  const { values } = parse(args, { ...FILTER_OPTIONS, out: { type: 'string' } }, 0);
  if (!values.out) throw new UsageError('thiếu --out TỆP.xlsx');
  if (!values.out.toLowerCase().endsWith('.xlsx')) {
    throw new UsageError('--out phải là tệp .xlsx');
  }
  const filter = filterOf(values);
  const core = await openCore(values);
  try {
    const file = unwrap<Output<'activities:sheet'>>(
      await core.call('activities:sheet', filter, lang),
    );
    const out = path.resolve(values.out);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.copyFileSync(file.path, out);
    io.out(out);
    return EXIT_OK;
  } finally {
    core.close();
  }
}

export async function activities(
  sub: string | undefined,
  args: string[],
  io: Io,
  lang: Lang,
): Promise<number> {
  if (sub === 'import') return activitiesImport(args, io, lang);
  if (sub === 'list') return activitiesList(args, io);
  if (sub === 'export') return activitiesExport(args, io, lang);
  if (sub === 'attach') return activitiesAttach(args, io, lang);
  throw new UsageError(
    sub === undefined
      ? 'thiếu "import", "list", "export" hoặc "attach" sau "activities"'
      : `không có lệnh "activities ${sub}"`,
  );
}
