// Periods as people type them ("Quý 3/2023", "Q3 2023", "quý III năm 2023",
// "6 tháng đầu năm 2023", "2023", "15/06/2023 - 14/09/2023") read into the periods of
// period.ts; the keys themselves ("2023-Q3") are read too.
import type { Cutoff } from './domain';
import { isIsoDate } from './format';
import { adhoc, half, parsePeriod, PeriodError, quarter, wholeYear, type Period } from './period';

const QUARTER_NUMBERS: Record<string, 1 | 2 | 3 | 4> = {
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
};

/** Lower case, no diacritics ("Quý" → "quy", "đầu" → "dau"), single spaces. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const YEAR = String.raw`(?:nam\s*)?(\d{4})`;
const SEP = String.raw`\s*[/.,-]?\s*`;
const DATE = String.raw`(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2}))`;

/** "15/6/2023", "15-06-23", "2023-06-15" → "2023-06-15"; null when not a real day. */
function isoOf(text: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(text);
  let parts: [string, string, string];
  if (iso) parts = [iso[1]!, iso[2]!, iso[3]!];
  else if (dmy) parts = [dmy[3]!.length === 2 ? `20${dmy[3]!}` : dmy[3]!, dmy[2]!, dmy[1]!];
  else return null;
  const out = `${parts[0]}-${parts[1].padStart(2, '0')}-${parts[2].padStart(2, '0')}`;
  return isIsoDate(out) ? out : null;
}

/** Reads a typed period; throws PeriodError with a Vietnamese message when it cannot. */
export function parsePeriodText(text: string, cutoff: Cutoff): Period {
  const t = fold(text);
  try {
    return parsePeriod(text.trim().toUpperCase(), cutoff);
  } catch {
    // not a key: read it as typed below
  }
  let m = new RegExp(String.raw`^(?:q|quy)\s*(iv|i{1,3}|[1-4])${SEP}${YEAR}$`).exec(t);
  if (m) return quarter(Number(m[2]), QUARTER_NUMBERS[m[1]!]!, cutoff);
  m = /^(\d{4})\s*[/ -]?\s*q([1-4])$/.exec(t);
  if (m) return quarter(Number(m[1]), QUARTER_NUMBERS[m[2]!]!, cutoff);
  m = new RegExp(String.raw`^(?:6 ?thang|nua) (dau|cuoi|sau)(?: nam)?${SEP}(\d{4})$`).exec(t);
  if (m) return half(Number(m[2]), m[1] === 'dau' ? 1 : 2, cutoff);
  m = new RegExp(String.raw`^h([12])${SEP}${YEAR}$`).exec(t);
  if (m) return half(Number(m[2]), Number(m[1]) as 1 | 2, cutoff);
  m = /^(?:ca )?(?:nam )?(\d{4})$/.exec(t);
  if (m) return wholeYear(Number(m[1]), cutoff);
  m = new RegExp(
    String.raw`^(?:tu (?:ngay )?)?${DATE}\s*(?:-|–|—|\.\.|den(?: ngay)?|toi)\s*${DATE}$`,
  ).exec(t);
  if (m) {
    const from = isoOf(m[1]!);
    const to = isoOf(m[2]!);
    if (from === null) throw new PeriodError(`Ngày ${m[1]!} không có thật trên lịch.`);
    if (to === null) throw new PeriodError(`Ngày ${m[2]!} không có thật trên lịch.`);
    return adhoc(from, to);
  }
  throw new PeriodError(
    `Không đọc được kỳ "${text.trim()}": gõ ví dụ Quý 3/2023, 6 tháng đầu năm 2023, 2023 hoặc 15/06/2023 - 14/09/2023.`,
  );
}
