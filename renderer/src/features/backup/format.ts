// How the backup screens write sizes, counts, kinds and places, in Vietnamese.
import { BACKUP_KIND_LABELS, type BackupEntry, type BackupKind } from '../../../../shared/backup';
import { formatDate, formatNumber } from '../../../../shared/format';

export const activitiesText = (n: number) => `${formatNumber(n)} hoạt động`;

export const kindLabel = (kind: BackupKind) => BACKUP_KIND_LABELS[kind].vi;

export const LOCATION_LABELS: Record<BackupEntry['location'], string> = {
  local: 'Máy này',
  mirror: 'Nơi thứ hai',
};

/** "—" rather than an empty cell when a backup holds no activity yet. */
export { formatSize } from '../../../../shared/format';

export const dateOrDash = (iso: string | null) => (iso ? formatDate(iso) : '—');

/** A folder under the data folder, written with the data folder's own separator. */
export function underDataDir(dataDir: string, name: string): string {
  const sep = dataDir.includes('\\') && !dataDir.includes('/') ? '\\' : '/';
  return `${dataDir.replace(/[\\/]+$/, '')}${sep}${name}`;
}
