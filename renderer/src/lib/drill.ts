// What a click on a merged figure asks for (inbox:drill without the period and window),
// and how the drawer names it: "Xe thông tin lưu động · Số buổi · Xã biên giới".
import { areaHeading, LEGACY_KINDS, type AreaKinds } from '../../../shared/areas';
import { CHANNEL_LABELS, COMMUNE_FLAG_LABELS, MEASURE_LABELS } from '../../../shared/domain';
import type { DrillInput } from '../../../shared/inbox';

export type DrillQuery = Pick<DrillInput, 'channel' | 'measure' | 'flag' | 'office'> & {
  /** The office's name, for the title (the query itself carries its code). */
  officeName?: string;
  /** A single commune of the office (flagged communes reached): filtered on screen. */
  commune?: string;
  /** "Số lượt người" etc.: which figure of the total was clicked, for the title. */
  figure?: string;
};

export type OnDrill = (query: DrillQuery) => void;

/** `kinds`: those of the merged figures' areas, which name a flag's areas ("Thôn biên giới"). */
export function drillTitle(q: DrillQuery, kinds: AreaKinds = LEGACY_KINDS): string {
  const parts: string[] = [];
  if (q.officeName ?? q.office) parts.push(q.officeName ?? q.office ?? '');
  if (q.commune) parts.push(q.commune);
  if (q.channel) parts.push(CHANNEL_LABELS[q.channel]);
  if (q.measure) parts.push(MEASURE_LABELS[q.measure]);
  if (q.flag) {
    const areas = areaHeading(kinds.flagged[q.flag]);
    parts.push(`${areas} ${COMMUNE_FLAG_LABELS[q.flag].toLocaleLowerCase('vi')}`);
  }
  if (q.figure) parts.push(q.figure);
  return parts.length > 0 ? parts.join(' · ') : 'Tất cả hoạt động';
}

/** The query as inbox:drill takes it (the on-screen parts left out). */
export function drillInput(
  period: string,
  q: DrillQuery,
): Pick<DrillInput, 'period' | 'channel' | 'measure' | 'flag' | 'office'> {
  return {
    period,
    ...(q.channel ? { channel: q.channel } : {}),
    ...(q.measure ? { measure: q.measure } : {}),
    ...(q.flag ? { flag: q.flag } : {}),
    ...(q.office ? { office: q.office } : {}),
  };
}
