// Small pure helpers of the report screen: which channels to list, signed changes and
// short period names for the chart.
import { CHANNELS, type Channel } from '../../../../shared/domain';
import { formatNumber } from '../../../../shared/format';
import type { ReportData, SeriesPoint } from '../../../../shared/report';

/** Channels with activity in the period or in the previous one, in the order of CHANNELS. */
export function channelsShown(data: ReportData): Channel[] {
  return CHANNELS.filter(
    (c) =>
      data.figures.byChannel[c].activities > 0 || (data.previous?.byChannel[c].activities ?? 0) > 0,
  );
}

/** Channels with activity in any period of the series. */
export function channelsInSeries(series: readonly SeriesPoint[]): Channel[] {
  return CHANNELS.filter((c) => series.some((p) => p.byChannel[c].activities > 0));
}

/** "+2", "−1" (a real minus sign) or "0". */
export function signed(delta: number): string {
  if (delta > 0) return `+${formatNumber(delta)}`;
  if (delta < 0) return `−${formatNumber(-delta)}`;
  return '0';
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "Quý III/2023", "6 tháng đầu 2023", "Năm 2023"; the full label for a range of days. */
export function shortPeriodLabel(key: string, label: string): string {
  let m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return `Quý ${ROMAN[Number(m[2]) - 1] ?? ''}/${m[1] ?? ''}`;
  m = /^(\d{4})-H([12])$/.exec(key);
  if (m) return `6 tháng ${m[2] === '1' ? 'đầu' : 'cuối'} ${m[1] ?? ''}`;
  m = /^(\d{4})-Y$/.exec(key);
  if (m) return `Năm ${m[1] ?? ''}`;
  return label;
}

/** Total audience of a set of figures (the previous period carries no total of its own). */
export function audienceOf(figures: ReportData['figures']): number {
  return CHANNELS.reduce((sum, c) => sum + figures.byChannel[c].audience, 0);
}
