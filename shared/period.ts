// Reporting periods and their keys ("2023-Q3", "2023-H1", "2023-Y",
// "2023-07-01..2023-09-30"). Boundaries are local calendar days, inclusive.
// Cut-off rule decree09: Decree 09/2019/NĐ-CP, Art. 12 — a quarter runs from the 15th of
// the month before it to the 14th of its last month (DOMAIN.md, "Reporting periods").

import type { Cutoff } from './domain';
import { formatDate, isIsoDate } from './format';

export type PeriodKind = 'quarter' | 'half' | 'year' | 'adhoc';

export interface Period {
  key: string;
  kind: PeriodKind;
  from: string;
  to: string;
  label: string;
}

export class PeriodError extends Error {}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function day(year: number, month: number, d: number): string {
  return `${year}-${pad(month)}-${pad(d)}`;
}

/** First and last day of months [first..last] of `year` under the cut-off rule. */
function span(year: number, first: number, last: number, cutoff: Cutoff): [string, string] {
  if (cutoff === 'calendar') {
    const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
    return [day(year, first, 1), day(year, last, lastDay)];
  }
  const startYear = first === 1 ? year - 1 : year;
  const startMonth = first === 1 ? 12 : first - 1;
  return [day(startYear, startMonth, 15), day(year, last, 14)];
}

export function quarter(year: number, q: 1 | 2 | 3 | 4, cutoff: Cutoff): Period {
  const [from, to] = span(year, q * 3 - 2, q * 3, cutoff);
  return {
    key: `${year}-Q${q}`,
    kind: 'quarter',
    from,
    to,
    label: `quý ${ROMAN[q - 1]} năm ${year}`,
  };
}

export function half(year: number, h: 1 | 2, cutoff: Cutoff): Period {
  const [from, to] = span(year, h === 1 ? 1 : 7, h === 1 ? 6 : 12, cutoff);
  const label = h === 1 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`;
  return { key: `${year}-H${h}`, kind: 'half', from, to, label };
}

export function wholeYear(year: number, cutoff: Cutoff): Period {
  const [from, to] = span(year, 1, 12, cutoff);
  return { key: `${year}-Y`, kind: 'year', from, to, label: `năm ${year}` };
}

export function adhoc(from: string, to: string): Period {
  if (!isIsoDate(from) || !isIsoDate(to)) {
    throw new PeriodError(`Khoảng thời gian "${from}..${to}" có ngày không hợp lệ.`);
  }
  if (to < from) {
    throw new PeriodError(
      `Khoảng thời gian không hợp lệ: ngày kết thúc ${formatDate(to)} trước ngày bắt đầu ${formatDate(from)}.`,
    );
  }
  return {
    key: `${from}..${to}`,
    kind: 'adhoc',
    from,
    to,
    label: `từ ngày ${formatDate(from)} đến ngày ${formatDate(to)}`,
  };
}

/** Parses a CLI/contract period key; throws PeriodError with a Vietnamese message. */
export function parsePeriod(key: string, cutoff: Cutoff): Period {
  const text = key.trim();
  let m = /^(\d{4})-Q([1-4])$/.exec(text);
  if (m) return quarter(Number(m[1]), Number(m[2]) as 1 | 2 | 3 | 4, cutoff);
  m = /^(\d{4})-H([12])$/.exec(text);
  if (m) return half(Number(m[1]), Number(m[2]) as 1 | 2, cutoff);
  m = /^(\d{4})-Y$/.exec(text);
  if (m) return wholeYear(Number(m[1]), cutoff);
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (m) return adhoc(m[1]!, m[2]!);
  throw new PeriodError(
    `Kỳ báo cáo "${key}" không đúng dạng: dùng 2023-Q3, 2023-H1, 2023-Y hoặc 2023-07-01..2023-09-30.`,
  );
}

/** The period of `kind` that contains `date` (for adhoc: that single day). */
export function periodContaining(date: string, kind: PeriodKind, cutoff: Cutoff): Period {
  const year = Number(date.slice(0, 4));
  const candidates: Period[] = [];
  for (const y of [year, year + 1]) {
    if (kind === 'quarter')
      for (const q of [1, 2, 3, 4] as const) candidates.push(quarter(y, q, cutoff));
    if (kind === 'half') for (const h of [1, 2] as const) candidates.push(half(y, h, cutoff));
    if (kind === 'year') candidates.push(wholeYear(y, cutoff));
  }
  if (kind === 'adhoc') return adhoc(date, date);
  const found = candidates.find((p) => p.from <= date && date <= p.to);
  if (!found) throw new PeriodError(`Không tìm thấy kỳ chứa ngày ${formatDate(date)}.`);
  return found;
}

/** The period of the same kind just before `p` (the report compares against it); null for ad hoc. */
export function previousPeriod(p: Period, cutoff: Cutoff): Period | null {
  const year = Number(p.key.slice(0, 4));
  let m = /^\d{4}-Q([1-4])$/.exec(p.key);
  if (m) {
    const q = Number(m[1]);
    return q === 1 ? quarter(year - 1, 4, cutoff) : quarter(year, (q - 1) as 1 | 2 | 3, cutoff);
  }
  m = /^\d{4}-H([12])$/.exec(p.key);
  if (m) return m[1] === '1' ? half(year - 1, 2, cutoff) : half(year, 1, cutoff);
  if (/^\d{4}-Y$/.test(p.key)) return wholeYear(year - 1, cutoff);
  return null;
}

/** `count` periods of the same kind ending with `p`, oldest first (for charts). */
export function recentPeriods(p: Period, count: number, cutoff: Cutoff): Period[] {
  const out = [p];
  while (out.length < count) {
    const prev = previousPeriod(out[0]!, cutoff);
    if (!prev) break;
    out.unshift(prev);
  }
  return out;
}
