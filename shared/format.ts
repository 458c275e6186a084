// Vietnamese number and date writing (DOMAIN.md: "3.250", "12,5", dd/mm/yyyy).
// Written out rather than Intl so that Node, Chromium and Electron print the same bytes.

export function formatNumber(value: number, fractionDigits = 0): string {
  const negative = value < 0;
  const fixed = Math.abs(value).toFixed(fractionDigits);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const body =
    fraction && /[1-9]/.test(fraction) ? `${grouped},${fraction.replace(/0+$/, '')}` : grouped;
  return negative ? `-${body}` : body;
}

/** Parses "3.250", "3250", "12,5"; returns null for anything else. */
export function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/\s/g, '');
  if (!/^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$/.test(cleaned)) return null;
  return Number(cleaned.replace(/\./g, '').replace(',', '.'));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "2023-07-28" → "28/07/2023". */
export function formatDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * A date as an administrative document writes it (Decree 30/2020/NĐ-CP, Appendix I, II.5.b,
 * and seed 000): a day below 10 and the months 1 and 2 with a leading zero, other months
 * without ("08/9/2023", "05/02/2024", "18/12/2023").
 */
export function documentDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const month = Number(m[2]);
  return `${m[3]}/${month <= 2 ? m[2] : String(month)}/${m[1]}`;
}

/** "28/07/2023" or "28/7/2023" → "2023-07-28"; null when not a real day. */
export function parseDate(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** Today's date in local time as YYYY-MM-DD (a period boundary is a local day). */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/**
 * A date as cited in administrative text, "08/9/2023": the day always with two digits, the
 * month with two only for January and February (Decree 30/2020/NĐ-CP, Appendix I, the date
 * line; seed 000 cites "ngày 08/9/2023").
 */
export function formatCitationDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const month = Number(m[2]);
  return `${m[3]}/${month <= 2 ? m[2] : String(month)}/${m[1]}`;
}

/**
 * The calendar day in Vietnam (UTC+7, no daylight saving) of an instant: deadlines are days
 * where the offices are, whatever the time zone of the computer that takes packages in.
 */
export function vietnamDay(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** 1536 → "1,5 KB"; sizes in the decimal-comma style of the rest of the app. */
export function formatSize(bytes: number): string {
  const units = ['byte', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatNumber(value, unit === 0 ? 0 : 1)} ${units[unit]!}`;
}
