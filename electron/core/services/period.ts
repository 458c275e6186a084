// A period key resolved with the office's cut-off rule, or a clear error on the `period` field.
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { parsePeriod, PeriodError, type Period } from '../../../shared/period';
import { getOffice } from '../queries/profile';

export function resolvePeriod(db: Database, key: string): Period {
  try {
    return parsePeriod(key, getOffice(db)?.cutoff ?? 'decree09');
  } catch (err) {
    if (err instanceof PeriodError) {
      throw new AppError(
        'invalid_input',
        { vi: err.message, en: `Invalid period "${key}".` },
        'period',
      );
    }
    throw err;
  }
}
