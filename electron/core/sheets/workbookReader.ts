// exceljs' streaming reader with one bug fixed. Its parser turns each chunk of a sheet's XML
// into text on its own, so a letter whose UTF-8 bytes straddle two chunks comes out as "��":
// about one Vietnamese name in a few thousand ("Th�� trấn Cao Lộc"). exceljs issues #2084 and
// #2316 report it; 4.4.0, the current release, still has it. Here every part of the workbook is
// read as text through Node's streaming decoder (setEncoding), which keeps a split letter
// whole, and the parser gets text it has nothing left to decode.
//
// `parse` below follows exceljs 4.4.0's WorkbookReader.parse step for step (the version is
// pinned in package.json); only the two decoding lines differ.
import fs from 'node:fs';
import Module from 'node:module';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

// exceljs' own helpers, from its own dependencies (the versions its reader was written with).
const fromExcelJs = Module.createRequire(require.resolve('exceljs'));
const unzip = fromExcelJs('unzipper') as { Parse(options: { forceStream: boolean }): Readable };
const tmp = fromExcelJs('tmp') as {
  file(done: (err: Error | null, path: string, fd: number, cleanup: () => void) => void): void;
};
const iterateStream = fromExcelJs('./lib/utils/iterate-stream') as (
  stream: Readable,
) => AsyncIterable<unknown>;

/** The reader's own steps that `parse` calls, as exceljs 4.4.0 names them. */
interface ReaderInternals {
  input: unknown;
  options: unknown;
  stream: Readable;
  sharedStrings?: unknown;
  workbookRels?: unknown;
  _getStream(input: unknown): Readable;
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>;
  _parseHyperlinks(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>;
}

interface ZipEntry extends Readable {
  path: string;
  autodrain(): void;
}

const SHEET = /^xl\/worksheets\/sheet(\d+)[.]xml$/;
const SHEET_RELS = /^xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels$/;

export class WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  override async *parse(input?: unknown, options?: unknown): AsyncGenerator<unknown> {
    const self = this as unknown as ReaderInternals;
    if (options) self.options = options;
    const stream = (self.stream = self._getStream(input ?? self.input));
    const zip = unzip.Parse({ forceStream: true });
    stream.pipe(zip as unknown as NodeJS.WritableStream);
    const waiting: { sheetNo: string; path: string; cleanup: () => void }[] = [];
    for await (const item of iterateStream(zip)) {
      const entry = item as ZipEntry;
      // The fix: text decoded across chunk boundaries.
      entry.setEncoding('utf8');
      const sheet = SHEET.exec(entry.path);
      const rels = SHEET_RELS.exec(entry.path);
      if (entry.path === 'xl/_rels/workbook.xml.rels') {
        await self._parseRels(entry);
      } else if (entry.path === 'xl/workbook.xml') {
        await self._parseWorkbook(entry);
      } else if (entry.path === 'xl/sharedStrings.xml') {
        yield* self._parseSharedStrings(entry);
      } else if (entry.path === 'xl/styles.xml') {
        await self._parseStyles(entry);
      } else if (sheet) {
        if (self.sharedStrings && self.workbookRels) {
          yield* self._parseWorksheet(iterateStream(entry), sheet[1]!);
        } else {
          // Parsed once the shared strings are in: kept in a temporary file meanwhile.
          const file = await new Promise<{ path: string; cleanup: () => void }>(
            (resolve, reject) => {
              tmp.file((err, path, _fd, cleanup) => {
                if (err) {
                  reject(err);
                  return;
                }
                const out = fs.createWriteStream(path, { encoding: 'utf8' });
                out.on('error', reject);
                entry.pipe(out);
                out.on('finish', () => resolve({ path, cleanup }));
              });
            },
          );
          waiting.push({ sheetNo: sheet[1]!, ...file });
        }
      } else if (rels) {
        yield* self._parseHyperlinks(iterateStream(entry), rels[1]!);
      }
      entry.autodrain();
    }
    for (const { sheetNo, path, cleanup } of waiting) {
      // The fix again, for a sheet read back from its temporary file.
      const file = fs.createReadStream(path, { encoding: 'utf8' });
      yield* self._parseWorksheet(iterateStream(file), sheetNo);
      cleanup();
    }
  }
}
