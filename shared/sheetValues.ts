// A spreadsheet cell read as an activity's field, the way offices type them: dates as
// 28/07/2023 (or real date cells, or a range 28-30/07/2023), numbers as 1.500.000 or
// "1.500.000 đ", themes and languages by their Vietnamese names. Each reader returns the
// value or a reason in words; nothing is guessed in silence.

import {
  BANNER_KINDS,
  BANNER_KIND_LABELS,
  LANGUAGES,
  LANGUAGE_LABELS,
  type BannerKind,
  type Language,
  type Theme,
} from './domain';
import type { Msg } from './errors';
import { formatNumber } from './format';
import { headerKey } from './sheetColumns';
import { parseTypedDate } from './typedDate';

export type Cell = string | number | boolean | Date | null;
export type Read<T> = { value: T } | { error: Msg };

const ok = <T>(value: T): Read<T> => ({ value });
const bad = (vi: string, en: string): { error: Msg } => ({ error: { vi, en } });

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A date cell is stored at UTC midnight of its day (exceljs), so its UTC parts are the day. */
function isoOfDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** Excel's day number (1900 system): 45135 is 2023-07-28. */
function isoOfSerial(serial: number): string {
  return isoOfDate(new Date(Math.round((serial - 25569) * 86400) * 1000));
}

export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date)
    return `${pad2(cell.getUTCDate())}/${pad2(cell.getUTCMonth() + 1)}/${cell.getUTCFullYear()}`;
  if (typeof cell === 'number') return formatNumber(cell, 6);
  if (typeof cell === 'boolean') return cell ? 'Có' : 'Không';
  return cell.normalize('NFC').trim();
}

/** One day: a date cell, a day number, or typed text. */
export function readDate(cell: Cell, today: Date = new Date()): Read<string> {
  if (cell instanceof Date) return ok(isoOfDate(cell));
  if (typeof cell === 'number') {
    // Serials of 1955–2119: a date cell without its date format.
    if (Number.isInteger(cell) && cell > 20000 && cell < 80000) return ok(isoOfSerial(cell));
    return bad(`không đọc được ngày "${cellText(cell)}"`, `cannot read the date "${cell}"`);
  }
  const read = parseTypedDate(cellText(cell), today);
  if ('iso' in read) return ok(read.iso);
  return {
    error: {
      vi: lowerFirst(read.error.replace(/[.]$/, '')),
      en: `cannot read the date "${cellText(cell)}"`,
    },
  };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

/**
 * A date or a span typed in one cell: "28/07/2023", "28-30/07/2023", "28/07 - 02/08/2023",
 * "28/07/2023 - 30/07/2023". The end is absent for a single day.
 */
export function readDateSpan(
  cell: Cell,
  today: Date = new Date(),
): Read<{ date: string; endDate?: string }> {
  if (typeof cell === 'string') {
    const text = cellText(cell);
    const sameMonth = /^(\d{1,2})\s*[-–]\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2,4})$/.exec(
      text,
    );
    if (sameMonth) {
      const [, d1, d2, m, y] = sameMonth;
      return span(`${d1}/${m}/${y}`, `${d2}/${m}/${y}`, text, today);
    }
    const two =
      /^(\d{1,2}\s*[/.]\s*\d{1,2}(?:\s*[/.]\s*\d{2,4})?)\s*(?:[–]|-\s|\s-|đến|den)\s*(\d{1,2}\s*[/.]\s*\d{1,2}\s*[/.]\s*\d{2,4})$/i.exec(
        text,
      );
    if (two) {
      const end = two[2]!.replace(/\s/g, '');
      const start = two[1]!.replace(/\s/g, '');
      const startFull =
        /[/.]\d{2,4}$/.test(start) && start.split(/[/.]/).length === 3
          ? start
          : `${start}/${end.split(/[/.]/)[2]}`;
      return span(startFull, end, text, today);
    }
  }
  const one = readDate(cell, today);
  return 'error' in one ? one : ok({ date: one.value });
}

function span(
  from: string,
  to: string,
  text: string,
  today: Date,
): Read<{ date: string; endDate?: string }> {
  const a = parseTypedDate(from, today);
  const b = parseTypedDate(to, today);
  if ('iso' in a && 'iso' in b) {
    if (b.iso < a.iso) {
      return bad(
        `khoảng ngày "${text}" kết thúc trước khi bắt đầu`,
        `the span "${text}" ends before it starts`,
      );
    }
    return ok(a.iso === b.iso ? { date: a.iso } : { date: a.iso, endDate: b.iso });
  }
  return bad(
    `không đọc được khoảng ngày "${text}"; hãy ghi dạng 28/07/2023 hoặc 28-30/07/2023`,
    `cannot read the span "${text}"`,
  );
}

/**
 * A whole number ≥ 0: a number cell, or text such as "1.500.000", "1500000", "1.500.000 đ",
 * "1200 người". `scale` multiplies (a column "Kinh phí (nghìn đồng)"). A fraction or a
 * comma that may be either a decimal or a thousands mark is refused with what to write.
 */
export function readCount(cell: Cell, scale = 1): Read<number> {
  let value: number;
  if (typeof cell === 'number') {
    value = cell * scale;
  } else if (typeof cell === 'string') {
    const text = cellText(cell);
    const m = /^(-?[\d][\d.,\s]*?)\s*([\p{L}][\p{L}\s.]*)?$/u.exec(text);
    if (!m) return bad(`"${text}" không phải là số`, `"${text}" is not a number`);
    const digits = m[1]!.replace(/\s/g, '');
    if (/^-?\d{1,3}(\.\d{3})+$/.test(digits) || /^-?\d+$/.test(digits)) {
      value = Number(digits.replace(/\./g, '')) * scale;
    } else if (/^-?\d{1,3}(,\d{3}){2,}$/.test(digits)) {
      value = Number(digits.replace(/,/g, '')) * scale;
    } else if (/^-?\d{1,3},\d{3}$/.test(digits)) {
      return bad(
        `không rõ "${text}" là ${digits.replace(',', '.')} hay ${digits}; hãy ghi ${digits.replace(',', '.')} (dấu chấm ngăn hàng nghìn) hoặc số thập phân rõ ràng`,
        `"${text}" is ambiguous (thousands or decimal)`,
      );
    } else if (/^-?\d+(,\d+)$/.test(digits) || /^-?\d+\.\d{1,2}$/.test(digits)) {
      value = Number(digits.replace(',', '.')) * scale;
    } else {
      return bad(`"${text}" không phải là số`, `"${text}" is not a number`);
    }
  } else {
    return bad(`"${cellText(cell)}" không phải là số`, `"${cellText(cell)}" is not a number`);
  }
  if (value < 0) return bad(`số ${formatNumber(value)} âm`, `${value} is negative`);
  if (!Number.isInteger(value)) {
    const shown = formatNumber(value, 3);
    return bad(
      `số ${shown} không phải số nguyên: hãy làm tròn thành ${formatNumber(Math.round(value))}`,
      `${value} is not a whole number: round it to ${Math.round(value)}`,
    );
  }
  if (!Number.isSafeInteger(value))
    return bad(`số "${cellText(cell)}" quá lớn`, `the number is too large`);
  return ok(value);
}

const THEME_WORDS: [Theme, string[]][] = [
  ['trafficking', ['mua ban nguoi', 'mbn', 'trafficking', 'buon ban nguoi']],
  ['drugs', ['ma tuy', 'drugs', 'tnxh', 'te nan']],
  ['crime', ['toi pham', 'crime', 'an ninh trat tu', 'antt']],
];

/** "Mua bán người; Ma túy", "PC MBN, ma túy": each theme named; at least one. */
export function readThemes(cell: Cell): Read<Theme[]> {
  const text = cellText(cell);
  const key = ` ${headerKey(text)} `;
  // In the order written, so that a sheet read back keeps each activity's order.
  const found = THEME_WORDS.map(([theme, words]) => {
    const at = words.map((w) => key.indexOf(` ${w} `)).filter((i) => i >= 0);
    return { theme, at: at.length > 0 ? Math.min(...at) : -1 };
  })
    .filter((t) => t.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((t) => t.theme);
  if (found.length === 0) {
    return bad(
      `không nhận ra chủ đề "${text}"; ghi "mua bán người", "ma túy" hoặc "tội phạm"`,
      `unknown theme "${text}"; write trafficking, drugs or crime`,
    );
  }
  return ok(found);
}

export function readLanguage(cell: Cell): Read<Language> {
  const key = headerKey(cellText(cell));
  for (const l of LANGUAGES) {
    const label = headerKey(LANGUAGE_LABELS[l]);
    if (key === l || key === label || key === label.replace(/^tieng /, '')) return ok(l);
  }
  if (key === 'kinh' || key === 'viet') return ok('vi');
  return bad(
    `không nhận ra ngôn ngữ "${cellText(cell)}"; dùng một trong: ${LANGUAGES.map((l) => LANGUAGE_LABELS[l]).join(', ')}`,
    `unknown language "${cellText(cell)}"`,
  );
}

export function readBannerKind(cell: Cell): Read<BannerKind> {
  const key = headerKey(cellText(cell));
  for (const k of BANNER_KINDS) {
    if (key === k || key === headerKey(BANNER_KIND_LABELS[k])) return ok(k);
  }
  if (key === 'bang ron' || key === 'khau hieu') return ok('banner');
  return bad(
    `không nhận ra loại "${cellText(cell)}"; ghi "Băng rôn", "Pano" hoặc "Áp phích"`,
    `unknown kind "${cellText(cell)}"`,
  );
}

export function readFlag(cell: Cell): Read<boolean> {
  if (typeof cell === 'boolean') return ok(cell);
  const key = headerKey(cellText(cell));
  if (['co', 'x', '1', 'true', 'yes', 'tiep am', 'dung'].includes(key)) return ok(true);
  if (['khong', '0', 'false', 'no', ''].includes(key)) return ok(false);
  return bad(
    `"${cellText(cell)}" không rõ là có hay không; ghi "Có" hoặc "Không"`,
    `"${cellText(cell)}" is not yes or no`,
  );
}

/** Areas listed in one cell: "Xã Hợp Thành; Xã Tân Liên", one per line, or with commas. */
export function splitList(cell: Cell): string[] {
  return cellText(cell)
    .split(/[;\n]|,(?!\d)|\s\+\s/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
