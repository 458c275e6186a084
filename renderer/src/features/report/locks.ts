// Pure helpers about locked periods and exported packages, shared by the report screen,
// the logbook and the directives register: which lock covers a date, how a locked row
// explains itself, which subjects a report offers, and the words for a package's state.
import type { PeriodLock } from '../../../../shared/contract';
import { REPORT_SUBJECTS, type ReportSubject } from '../../../../shared/domain';
import type { PackageState } from '../../../../shared/package';
import { formatInstant } from '../../lib/dates';

/** A lock still in force (not lifted for correction). */
export const isActiveLock = (lock: PeriodLock | null | undefined): lock is PeriodLock =>
  lock !== null && lock !== undefined && lock.unlockedAt === null;

/**
 * The lock in force over `date` (YYYY-MM-DD), as the engine judges it: a row dated in a
 * locked period cannot be edited, deleted or restored.
 */
export function lockOn(locks: readonly PeriodLock[], date: string): PeriodLock | null {
  return locks.find((l) => isActiveLock(l) && l.from <= date && date <= l.to) ?? null;
}

/** The tooltip of a locked row and of its disabled actions. */
export function lockedReason(lock: Pick<PeriodLock, 'label'>): string {
  return `Thuộc ${lock.label} đã xuất gói: muốn sửa, hãy mở khóa ở màn hình Báo cáo`;
}

/**
 * The subjects the report screen offers: exactly those signed into the package of a locked
 * period (its reports cannot change), otherwise the profile's. Always at least one.
 */
export function offeredSubjects(
  lock: PeriodLock | null,
  profileSubjects: readonly ReportSubject[] | undefined,
): ReportSubject[] {
  const from =
    isActiveLock(lock) && lock.subjects.length > 0 ? lock.subjects : (profileSubjects ?? []);
  const offered = REPORT_SUBJECTS.filter((s) => from.includes(s));
  return offered.length > 0 ? offered : ['trafficking'];
}

/** What the screen knows of a package's journey to the province. */
export interface PackageStateInfo {
  state: PackageState;
  deliveredAt: string | null;
  confirmedAt: string | null;
}

/**
 * The package's state in words. "Sent" is said only once a delivery succeeded; the
 * province's confirmation is what the office recorded, never assumed.
 */
export function packageStateText(p: PackageStateInfo): string {
  if (p.state === 'confirmed') {
    return p.confirmedAt
      ? `Cấp trên đã xác nhận nhận (ghi lúc ${formatInstant(p.confirmedAt)})`
      : 'Cấp trên đã xác nhận nhận';
  }
  if (p.state === 'delivered') {
    return p.deliveredAt ? `Đã gửi lúc ${formatInstant(p.deliveredAt)}` : 'Đã gửi';
  }
  return 'Đã xuất, chờ gửi';
}
