// Plain-text output of `activities list`: one line per activity, then the totals.
import type { ActivityRow, ActivitySummary } from '../../shared/contract';
import {
  CHANNEL_MEASURES,
  CHANNEL_SHORT_LABELS,
  CHANNELS,
  MEASURE_UNITS,
} from '../../shared/domain';
import { formatDate, formatNumber } from '../../shared/format';
import { measuresText } from '../../shared/measures';

export function formatActivityTable(rows: readonly ActivityRow[]): string {
  if (rows.length === 0) return 'Không có hoạt động nào khớp điều kiện lọc.';
  return rows
    .map((r) =>
      [
        formatDate(r.date),
        CHANNEL_SHORT_LABELS[r.channel].padEnd(12),
        r.communes.join(', '),
        r.title,
        measuresText(r),
        `${formatNumber(r.audience)} người`,
        r.id,
      ].join(' | '),
    )
    .join('\n');
}

export function formatTotals(summary: ActivitySummary): string {
  const t = summary.totals;
  const lines = [
    `Tổng${summary.period ? ` ${summary.period.label}` : ''}: ${formatNumber(t.activities)} hoạt động, ` +
      `${formatNumber(t.audience)} lượt người, kinh phí ${formatNumber(t.costVnd)} đồng.`,
  ];
  for (const channel of CHANNELS) {
    const c = t.byChannel[channel];
    if (!c) continue;
    const measures = CHANNEL_MEASURES[channel].counts
      .map((k) => `${formatNumber(c.measures[k] ?? 0)} ${MEASURE_UNITS[k]}`)
      .join(', ');
    lines.push(
      `  ${CHANNEL_SHORT_LABELS[channel]}: ${formatNumber(c.activities)} hoạt động; ${measures}`,
    );
  }
  return lines.join('\n');
}
