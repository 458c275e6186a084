// Importing a spreadsheet in three steps a person can follow: open (the file is read once and
// held in memory under a token), preview (columns, then every row with its problems, again
// after each mapping answer), import (all or nothing, through the same path as a JSON
// import). Nothing is written before the last step.

import { AppError, type Msg } from '../../../shared/errors';
import type {
  ColumnMap,
  SheetImportResult,
  SheetPreview,
  SheetProgress,
} from '../../../shared/sheetImport';
import { FIELD_HEADERS } from '../../../shared/sheetColumns';
import type { Context } from '../context';
import { recordedAreas } from '../queries/activities';
import { interpret, problemText, type Interpretation } from '../sheets/interpret';
import type { RawSheet, SheetSource } from '../sheets/read';
import type { ActivityService } from './activities';
import { CommuneIndex } from './communes';
import { LockService } from './locks';

interface Staged {
  fileName: string;
  sheets: RawSheet[] | null;
  progress: SheetProgress;
  cached?: { mapKey: string; result: Interpretation };
}

/** Files held at once: a person imports one at a time; an abandoned one is let go. */
const MAX_STAGED = 4;
/** How many problems a refusal lists in words before "và N lỗi khác". */
const LISTED_PROBLEMS = 10;

export interface PreviewWindow {
  offset?: number;
  limit?: number;
  problemsOnly?: boolean;
}

export class SheetImportService {
  private readonly staged = new Map<string, Staged>();
  private readonly locks: LockService;

  constructor(
    private readonly ctx: Context,
    private readonly activities: ActivityService,
  ) {
    this.locks = new LockService(ctx);
  }

  /** Reads the file under the token the caller chose (so it can ask for progress meanwhile). */
  async open(token: string, source: SheetSource): Promise<{ token: string }> {
    const staged: Staged = {
      fileName: source.fileName,
      sheets: null,
      progress: { phase: 'reading', rows: 0, total: 0 },
    };
    this.staged.set(token, staged);
    while (this.staged.size > MAX_STAGED) this.staged.delete(this.staged.keys().next().value!);
    try {
      // The readers (exceljs, the CSV parser) load on first use, not with the app.
      const { readSheets } = await import('../sheets/read');
      staged.sheets = await readSheets(source, (rows) => {
        staged.progress = { phase: 'reading', rows, total: 0 };
      });
    } catch (err) {
      this.staged.delete(token);
      throw err;
    }
    const rows = staged.sheets.reduce((n, s) => n + s.rows.length, 0);
    staged.progress = { phase: 'checking', rows: 0, total: rows };
    return { token };
  }

  progress(token: string): SheetProgress {
    return this.staged.get(token)?.progress ?? { phase: 'done', rows: 0, total: 0 };
  }

  private held(token: string): Staged & { sheets: RawSheet[] } {
    const staged = this.staged.get(token);
    if (!staged || !staged.sheets) {
      throw new AppError('not_found', {
        vi: 'Tệp đang nhập không còn được giữ (ứng dụng đã khởi động lại hoặc đã mở tệp khác). Hãy chọn lại tệp.',
        en: 'The file being imported is no longer held. Choose the file again.',
      });
    }
    return staged as Staged & { sheets: RawSheet[] };
  }

  private async interpretation(
    staged: Staged & { sheets: RawSheet[] },
    map: ColumnMap,
  ): Promise<Interpretation> {
    const mapKey = JSON.stringify(Object.entries(map).sort());
    if (staged.cached?.mapKey === mapKey) return staged.cached.result;
    const { db } = this.ctx;
    const communes = CommuneIndex.of(db);
    const lockedOn = new Map<string, Msg | null>();
    // Each activity's areas as recorded, read at once: a per-row query costs seconds at 50,000.
    let recorded: Map<string, number[]> | null = null;
    const areasOf = (id: string): number[] => {
      recorded ??= recordedAreas(db);
      return recorded.get(id) ?? [];
    };
    const result = await interpret(
      staged.sheets,
      {
        map,
        resolveCommunes: (names, channel, id) => {
          try {
            const keep = id === undefined ? undefined : new Set(areasOf(id));
            const refs = communes.resolve(names, { channel, ...(keep ? { keep } : {}) });
            return { names: refs.map((r) => r.name) };
          } catch (err) {
            if (!(err instanceof AppError)) throw err;
            const strip = (t: string): string => t.replace(/^(Trường|Field) "[^"]*":? /, '');
            return {
              error: {
                vi: strip(err.msg.vi).replace(/[.]$/, ''),
                en: strip(err.msg.en).replace(/[.]$/, ''),
              },
            };
          }
        },
        locked: (date) => {
          if (!lockedOn.has(date)) lockedOn.set(date, this.lockedMessage(date));
          return lockedOn.get(date)!;
        },
      },
      (rows, total) => {
        staged.progress = { phase: 'checking', rows, total };
      },
    );
    staged.cached = { mapKey, result };
    return result;
  }

  private lockedMessage(date: string): Msg | null {
    try {
      this.locks.assertOpen([date]);
      return null;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return { vi: err.msg.vi.replace(/[.]$/, ''), en: err.msg.en.replace(/[.]$/, '') };
    }
  }

  async preview(token: string, map: ColumnMap, window: PreviewWindow = {}): Promise<SheetPreview> {
    const staged = this.held(token);
    const result = await this.interpretation(staged, map);
    const matching = window.problemsOnly
      ? result.rows.filter((r) => r.problems.length > 0)
      : result.rows;
    const offset = window.offset ?? 0;
    const limit = window.limit ?? 200;
    return {
      token,
      fileName: staged.fileName,
      sheets: result.sheets,
      columns: result.columns,
      activities: result.rows.length,
      rowsWithProblems: result.rows.filter((r) => r.problems.length > 0).length,
      problems: result.rows.reduce((n, r) => n + r.problems.length, 0),
      skipped: result.skipped,
      notes: result.notes,
      rows: matching.slice(offset, offset + limit).map((row) => result.show(row)),
      matching: matching.length,
    };
  }

  /** Refuses, in one message naming sheet, row and column, anything that is not ready. */
  private assertReady(fileName: string, result: Interpretation): void {
    const unmapped = result.columns.filter((c) => c.needsMap);
    if (unmapped.length > 0) {
      const names = unmapped.map((c) => `"${c.header}"`).join(', ');
      const example = unmapped[0]!.header;
      throw new AppError('invalid_input', {
        vi:
          `Tệp ${fileName}: chưa biết các cột ${names} ứng với trường nào. Hãy chọn cho từng cột ` +
          `(dòng lệnh: --map TỆP.json, ví dụ {"${example}": "notes"}, hoặc {"${example}": null} để bỏ qua).`,
        en:
          `File ${fileName}: the columns ${names} are not recognised. Map each one ` +
          `(command line: --map FILE.json, e.g. {"${example}": "notes"} or {"${example}": null} to leave it out).`,
      });
    }
    if (result.rows.length === 0 && result.sheets.every((s) => s.headerRow === null)) {
      throw new AppError('invalid_input', {
        vi: `Tệp ${fileName}: không tìm thấy dòng tiêu đề cột (ví dụ "${FIELD_HEADERS.date}", "${FIELD_HEADERS.channel}", "${FIELD_HEADERS.title}") trong 30 dòng đầu của trang nào.`,
        en: `File ${fileName}: no header row (such as "Ngày", "Hình thức", "Nội dung") in the first 30 rows of any sheet.`,
      });
    }
    const bad = result.rows.filter((r) => r.problems.length > 0);
    if (bad.length === 0) return;
    const all = bad.flatMap((row) => row.problems.map((p) => problemText(fileName, row, p)));
    const listed = all.slice(0, LISTED_PROBLEMS);
    const more = all.length - listed.length;
    const msg: Msg = {
      vi:
        `Không nhập gì: ${all.length} lỗi ở ${bad.length} dòng.\n` +
        listed.map((m) => m.vi).join('\n') +
        (more > 0 ? `\n… và ${more} lỗi khác.` : ''),
      en:
        `Nothing imported: ${all.length} problems in ${bad.length} rows.\n` +
        listed.map((m) => m.en).join('\n') +
        (more > 0 ? `\n… and ${more} more.` : ''),
    };
    throw new AppError('invalid_input', msg, bad[0]!.problems[0]!.field);
  }

  /** The rows become activities in one transaction, or nothing does. */
  async import(token: string, map: ColumnMap): Promise<SheetImportResult> {
    const staged = this.held(token);
    // The rows as previewed; the write checks each again (schema, areas, locks) in its
    // transaction, so a change made since the preview is caught there.
    const result = await this.interpretation(staged, map);
    this.assertReady(staged.fileName, result);
    staged.progress = { phase: 'writing', rows: 0, total: result.rows.length };
    const rows = result.rows;
    try {
      const counts = this.activities.importMany(
        rows.map((r) => r.record),
        (index) => ({
          vi: `Tệp ${staged.fileName}, trang "${rows[index]!.sheet}", dòng ${rows[index]!.n}`,
          en: `File ${staged.fileName}, sheet "${rows[index]!.sheet}", row ${rows[index]!.n}`,
        }),
      );
      staged.progress = { phase: 'done', rows: rows.length, total: rows.length };
      this.staged.delete(token);
      return { ...counts, activities: rows.length };
    } catch (err) {
      staged.progress = { phase: 'checking', rows: rows.length, total: rows.length };
      throw err;
    }
  }

  async rowsOf(token: string, map: ColumnMap): Promise<number> {
    return (await this.interpretation(this.held(token), map)).rows.length;
  }

  close(token: string): void {
    this.staged.delete(token);
  }
}
