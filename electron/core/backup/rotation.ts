// Which backups to keep: every one of the last 24 hours, the newest of each of the last 7
// days, the last 4 weeks and the last 12 months that have one (grandfather-father-son), and
// every pinned one (made before a data upgrade or a restore). Days, weeks and months are the computer's
// local calendar: the clerk's "yesterday" is what they will look for.
import { PINNED_KINDS, type BackupKind } from '../../../shared/backup';

export interface RotationRule {
  daily: number;
  weekly: number;
  monthly: number;
}

const RECENT_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_ROTATION: RotationRule = { daily: 7, weekly: 4, monthly: 12 };

interface Dated {
  id: string;
  kind: BackupKind;
  createdAt: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The Monday that starts the week of `iso` (ISO 8601 weeks start on Monday). */
function localWeek(iso: string): string {
  const d = new Date(iso);
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
  return `${monday.getFullYear()}-${pad(monday.getMonth() + 1)}-${pad(monday.getDate())}`;
}

const localMonth = (iso: string): string => localDay(iso).slice(0, 7);

/** The ids to keep; every other backup may be deleted. */
export function backupsToKeep(
  entries: readonly Dated[],
  rule: RotationRule = DEFAULT_ROTATION,
): Set<string> {
  const newestFirst = [...entries].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const keep = new Set<string>();
  if (newestFirst[0]) {
    // The last day's backups all stay: one made before an import this morning is still
    // the way back from it this afternoon.
    const since = Date.parse(newestFirst[0].createdAt) - RECENT_MS;
    for (const e of newestFirst) if (Date.parse(e.createdAt) > since) keep.add(e.id);
  }
  for (const e of newestFirst) if (PINNED_KINDS.includes(e.kind)) keep.add(e.id);

  const rotating = newestFirst.filter((e) => !PINNED_KINDS.includes(e.kind));
  for (const [bucket, limit] of [
    [localDay, rule.daily],
    [localWeek, rule.weekly],
    [localMonth, rule.monthly],
  ] as const) {
    const seen = new Set<string>();
    for (const e of rotating) {
      const key = bucket(e.createdAt);
      if (seen.has(key)) continue;
      if (seen.size >= limit) break;
      seen.add(key);
      keep.add(e.id);
    }
  }
  return keep;
}
