// Reading the files a command is given: each refusal one sentence naming the file.
import fs from 'node:fs';
import { refused } from './args';

/** Reads a text file, refusing a missing one with a sentence that names it. */
export function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    throw refused({ vi: `Không đọc được tệp ${file}.`, en: `Cannot read the file ${file}.` });
  }
}

export function parseJson(file: string, text: string, line?: number): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const where = line === undefined ? '' : `, dòng ${line}`;
    const whereEn = line === undefined ? '' : `, line ${line}`;
    throw refused({
      vi: `Tệp ${file}${where}: không phải JSON hợp lệ (${detail}).`,
      en: `File ${file}${whereEn}: not valid JSON (${detail}).`,
    });
  }
}
