// An activity's figures as one short phrase for the logbook ("3 buổi, 45 km, 240 phút").
import {
  BANNER_KIND_LABELS,
  CHANNEL_MEASURES,
  MEASURE_UNITS,
  type BannerKind,
} from '../../../shared/domain';
import { formatNumber } from '../../../shared/format';
import type { ActivityRow } from '../../../shared/contract';

export function measuresText(row: ActivityRow): string {
  const m = row.measures as Record<string, unknown>;
  const parts = CHANNEL_MEASURES[row.channel].counts.map((key) => {
    const v = typeof m[key] === 'number' ? m[key] : 0;
    return `${formatNumber(v)} ${MEASURE_UNITS[key]}`;
  });
  const kind = m.kind;
  if (typeof kind === 'string' && kind in BANNER_KIND_LABELS) {
    parts.push(BANNER_KIND_LABELS[kind as BannerKind].toLocaleLowerCase('vi'));
  }
  if (m.relayed === true) parts.push('tiếp âm');
  return parts.join(', ');
}
