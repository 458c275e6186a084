// 0120: the indexes the figures read, made covering for live activities. At 500,000
// activities every total walked an index and then fetched each row from the table in random
// order (a 480 MB file through a 16 MB cache): all-time totals took a second.
// - activities_live_figures: channel and date first (the GROUP BY and a period's range),
//   then every column a total sums and deleted_at, so that SQLite reads the index alone; the
//   partial index only holds live rows.
// - activities_live_order gains theme_mask and audience (and deleted_at, which a partial
//   index must hold to cover its own WHERE): the report's counts by area and by flag join
//   the period's activities to their areas through it without reading the table.
// Never edit once landed.
import type { Database } from 'better-sqlite3';

export const version = 120;

export function up(db: Database): void {
  db.exec(`
    CREATE INDEX activities_live_figures ON activities (
      channel, date, theme_mask, audience, cost_vnd, sessions, km, minutes, pieces, screenings,
      message_minutes, items, broadcasts, copies, messages, models, audience_estimated, deleted_at
    ) WHERE deleted_at IS NULL;
    DROP INDEX activities_live_order;
    CREATE INDEX activities_live_order ON activities (
      date, created_at, id, theme_mask, audience, deleted_at
    ) WHERE deleted_at IS NULL;
  `);
}
