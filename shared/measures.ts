// An activity's figures as one short phrase ("3 buổi, 45 km, 240 phút"): the logbook, the
// CLI listing and the report's appendix all write it this way.
import { BANNER_KIND_LABELS, CHANNEL_MEASURES, MEASURE_UNITS, type BannerKind } from './domain';
import { formatNumber } from './format';
import type { Activity } from './schemas';

export function measuresText(activity: Pick<Activity, 'channel' | 'measures'>): string {
  const m = activity.measures as Record<string, unknown>;
  const parts = CHANNEL_MEASURES[activity.channel].counts.map((key) => {
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
