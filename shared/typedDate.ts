// Dates as people type them in a form or a spreadsheet (28/7/2023, 28/07/23, 2023-07-28),
// read to YYYY-MM-DD or refused in words. Pure: the form and the sheet import share it.

/** What a typed date reads as: the day in ISO form, or why it was refused (in words). */
export type TypedDate = { iso: string } | { error: string };

const EXAMPLE = '28/07/2023';

/** Each accepted shape, and which of its groups holds the day, the month and the year. */
const TYPED_PATTERNS: [RegExp, [number, number, number]][] = [
  [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, [3, 2, 1]],
  [/^(\d{1,2})\s*[-/. ]\s*(\d{1,2})\s*[-/. ]\s*(\d{4}|\d{2})$/, [1, 2, 3]],
  [/^(\d{2})(\d{2})(\d{4}|\d{2})$/, [1, 2, 3]],
];

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Two-digit years are this century's ("23" is 2023), unless that lands more than ten years
 * ahead, when the writer meant the last one (an old directive, "15/3/98").
 */
function fullYear(digits: string, today: Date): number {
  const y = Number(digits);
  if (digits.length !== 2) return y;
  const thisYear = today.getFullYear();
  return 2000 + y > thisYear + 10 ? 1900 + y : 2000 + y;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads a date the way people type it: 28/7/2023, 28/07/23, 28-7-2023, 28.7.2023, 28072023,
 * 280723 and 2023-07-28. A day the calendar does not have (31/02/2024) is refused in words,
 * as is text that is not a date; neither is ever dropped in silence.
 */
export function parseTypedDate(text: string, today: Date = new Date()): TypedDate {
  const typed = text.trim();
  let parts: [string, string, string] | null = null;
  for (const [pattern, order] of TYPED_PATTERNS) {
    const m = pattern.exec(typed);
    if (m) {
      parts = [m[order[0]]!, m[order[1]]!, m[order[2]]!];
      break;
    }
  }
  const unread = { error: `Không đọc được ngày “${typed}”; hãy gõ dạng ${EXAMPLE}.` };
  if (!parts) return unread;
  const day = Number(parts[0]);
  const month = Number(parts[1]);
  const year = fullYear(parts[2], today);
  // A year like 0023 or 9999 is a slip of the keyboard, not a day of the logbook.
  if (year < 1900 || year > 2100) return unread;
  const shown = `${pad2(day)}/${pad2(month)}/${year}`;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { error: `Ngày ${shown} không có trong lịch.` };
  }
  return { iso: `${year}-${pad2(month)}-${pad2(day)}` };
}
