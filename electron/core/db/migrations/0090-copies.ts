// 0090: what a report says beyond the figures.
// - office.copies (JSON array of the "Nơi nhận" lines after "Như trên"), office.filing
//   (after "Lưu:") and office.drafter (initials), a new report's defaults. Report drafts
//   keep their own in the texts JSON; older ones read as "Như trên; Lưu: VT.".
// - activities.outlet and programme: the press outlet and its programme ("Báo Lạng Sơn",
//   "Vì an ninh Xứ Lạng"), named in the report.
// - activities.audience_estimated (and inbox_activities'): the audience is an estimate the
//   user marked, so the report says "khoảng" before it; every other figure is exact.
// Never edit once landed.
import type { Database } from 'better-sqlite3';

export const version = 90;

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE office ADD COLUMN copies TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(copies));
    ALTER TABLE office ADD COLUMN filing TEXT NOT NULL DEFAULT 'VT';
    ALTER TABLE office ADD COLUMN drafter TEXT NOT NULL DEFAULT '';

    ALTER TABLE activities ADD COLUMN outlet TEXT;
    ALTER TABLE activities ADD COLUMN programme TEXT;
    ALTER TABLE activities ADD COLUMN audience_estimated INTEGER NOT NULL DEFAULT 0
      CHECK (audience_estimated IN (0, 1));
    ALTER TABLE inbox_activities ADD COLUMN audience_estimated INTEGER NOT NULL DEFAULT 0
      CHECK (audience_estimated IN (0, 1));
  `);
}
