// 0140: the period from which the province desk expects an office to report, when the
// officer sets it (trusted_offices.follow_from, the first day of that period). Unset, the
// desk follows an office from its earliest package's period or the first one due after its
// registration.
// Never edit once landed.
import type { Database } from 'better-sqlite3';

export const version = 140;

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE trusted_offices ADD COLUMN follow_from TEXT
      CHECK (follow_from IS NULL OR follow_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
  `);
}
