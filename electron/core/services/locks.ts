// The period lock: once a period is exported its activities cannot change until someone
// unlocks it for correction, giving a reason that stays in the audit log. The next export
// of that period is then a correction superseding the previous package.
import type { PeriodLock } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { formatDate } from '../../../shared/format';
import { parsePeriod, type Period } from '../../../shared/period';
import type { Context } from '../context';
import { writeAudit } from '../queries/audit';
import {
  allLocks,
  getLock,
  lockCovering,
  setLocked,
  setUnlocked,
  type LockDbRow,
} from '../queries/locks';
import { getOffice } from '../queries/profile';
import { signedSubjectsOf } from '../queries/reports';

export class LockService {
  constructor(private readonly ctx: Context) {}

  private label(key: string): string {
    try {
      return parsePeriod(key, getOffice(this.ctx.db)?.cutoff ?? 'decree09').label;
    } catch {
      return key;
    }
  }

  private view(row: LockDbRow): PeriodLock {
    return {
      key: row.period_key,
      from: row.period_from,
      to: row.period_to,
      label: this.label(row.period_key),
      lockedAt: row.locked_at,
      packageSha256: row.package_sha256,
      unlockedAt: row.unlocked_at,
      unlockReason: row.unlock_reason,
      subjects: row.package_sha256 ? signedSubjectsOf(this.ctx.db, row.package_sha256) : [],
    };
  }

  list(): PeriodLock[] {
    return allLocks(this.ctx.db).map((r) => this.view(r));
  }

  /** Throws a clear error when any of `dates` falls in a locked period. */
  assertOpen(dates: readonly string[], prefix?: { vi: string; en: string }): void {
    for (const date of dates) {
      const lock = lockCovering(this.ctx.db, date);
      if (!lock) continue;
      const label = this.label(lock.period_key);
      const at = prefix ? `${prefix.vi}: ` : '';
      const atEn = prefix ? `${prefix.en}: ` : '';
      throw new AppError(
        'locked',
        {
          vi:
            `${at}Ngày ${formatDate(date)} thuộc ${label}, kỳ đã xuất gói báo cáo nên số liệu đã khóa. ` +
            'Muốn sửa, hãy chọn "Mở khóa để sửa" ở màn hình Báo cáo và ghi rõ lý do; lần xuất gói sau sẽ là bản đính chính.',
          en:
            `${atEn}${date} falls in ${lock.period_key}, a period already reported, so its figures are locked. ` +
            'Unlock it for correction (with a reason) first; the next export will be a correction.',
        },
        'date',
      );
    }
  }

  lock(period: Period, packageSha256: string | null): PeriodLock {
    const now = this.ctx.now();
    const before = getLock(this.ctx.db, period.key);
    setLocked(this.ctx.db, period, packageSha256, now);
    const after = getLock(this.ctx.db, period.key)!;
    writeAudit(this.ctx.db, {
      at: now,
      entity: 'period',
      entityId: period.key,
      action: 'lock',
      source: this.ctx.source,
      before: before ? this.view(before) : null,
      after: this.view(after),
    });
    return this.view(after);
  }

  /** Refuses a period that is not locked (before anything is done to unlock it). */
  assertLocked(key: string): void {
    const lock = getLock(this.ctx.db, key);
    if (!lock || lock.unlocked_at !== null) {
      throw new AppError(
        'invalid_input',
        {
          vi: `${this.label(key)} không bị khóa.`,
          en: `${key} is not locked.`,
        },
        'period',
      );
    }
  }

  unlock(key: string, reason: string): PeriodLock {
    const { db } = this.ctx;
    this.assertLocked(key);
    const before = getLock(db, key)!;
    const now = this.ctx.now();
    return db.transaction(() => {
      setUnlocked(db, key, reason, now);
      const after = getLock(db, key)!;
      writeAudit(db, {
        at: now,
        entity: 'period',
        entityId: key,
        action: 'unlock',
        source: this.ctx.source,
        before: this.view(before),
        after: this.view(after),
        reason,
      });
      return this.view(after);
    })();
  }
}
