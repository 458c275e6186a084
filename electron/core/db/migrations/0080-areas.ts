// 0080: areas of any kind, mergers, and the reporting line as data.
// - communes.kind: "xã", "thôn", "tổ dân phố", … as the profile gives it ('' : read from the
//   name); communes.absorbed: codes of the areas merged into this one (JSON array);
//   communes.counts_as: the area whose figures an absorbed one's activities count under
//   (NULL: its own), kept by the profile's save.
// - code_key and name_key are recomputed: names now match whatever the tone placement
//   ("Hoà" = "Hòa"). Two keys that now coincide keep the older row's; the newer gets its id
//   appended, so nothing is lost and the user sees both and can merge them.
// - office.kind, department, steering: who the office is and who it reports to.
// - inbox_communes.kind and counts_as (a code of the same package), as packages now say.
// Never edit once landed.
import type { Database } from 'better-sqlite3';
import { nameKey } from '../../../../shared/text';

export const version = 80;

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE communes ADD COLUMN kind TEXT NOT NULL DEFAULT '';
    ALTER TABLE communes ADD COLUMN absorbed TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(absorbed));
    ALTER TABLE communes ADD COLUMN counts_as INTEGER REFERENCES communes (id);
    CREATE INDEX communes_counts_as ON communes (counts_as) WHERE counts_as IS NOT NULL;

    ALTER TABLE office ADD COLUMN kind TEXT CHECK (kind IN ('commune', 'province', 'press', 'district'));
    ALTER TABLE office ADD COLUMN department TEXT NOT NULL DEFAULT 'Sở Văn hóa, Thể thao và Du lịch';
    ALTER TABLE office ADD COLUMN steering TEXT NOT NULL DEFAULT 'Ban Chỉ đạo 138 tỉnh';

    ALTER TABLE inbox_communes ADD COLUMN kind TEXT NOT NULL DEFAULT '';
    ALTER TABLE inbox_communes ADD COLUMN counts_as TEXT;
  `);
  const rows = db.prepare('SELECT id, code, name, active FROM communes ORDER BY id').all() as {
    id: number;
    code: string;
    name: string;
    active: number;
  }[];
  const codes = new Set<string>();
  const names = new Set<string>();
  const update = db.prepare('UPDATE communes SET code_key = ?, name_key = ? WHERE id = ?');
  // Move every key out of the way first: the unique indexes hold at each statement.
  db.prepare(`UPDATE communes SET code_key = char(0) || id, name_key = char(0) || id`).run();
  for (const r of rows) {
    let code = nameKey(r.code);
    if (codes.has(code)) code = `${code}\u0000${r.id}`;
    codes.add(code);
    let name = nameKey(r.name);
    if (r.active === 1) {
      if (names.has(name)) name = `${name}\u0000${r.id}`;
      names.add(name);
    }
    update.run(code, name, r.id);
  }
}
