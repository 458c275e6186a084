// Migration 0110 (the inbox's rows keyed by an integer package id) keeps a desk's data: real
// packages are taken in, their rows are written back into a database at version 100 (keyed
// by the packages' SHA-256, as the desk held them before), and that database, migrated, gives
// the same packages, figures, drill-down and rows as the desk did.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, DB_FILE, type Core } from '../../electron/core';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { closeDatabase, openDatabase } from '../../electron/core/db/open';
import type { Drill, InboxPackageRow, MergedData } from '../../shared/inbox';
import { OFFICES, openOffice, periodActivities } from '../fixtures/offices';
import { PROVINCE_PROFILE } from '../fixtures/province';
import { tempDir } from './helpers';

async function ok<T>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** What the desk shows of its inbox, through the contract. */
async function view(core: Core) {
  return {
    packages: await ok<InboxPackageRow[]>(core, 'inbox:packages', {}),
    q2: await ok<MergedData>(core, 'inbox:figures', { period: '2023-Q2' }),
    q3: await ok<MergedData>(core, 'inbox:figures', { period: '2023-Q3' }),
    half: await ok<MergedData>(core, 'inbox:figures', { period: '2023-H2' }),
    drill: await ok<Drill>(core, 'inbox:drill', { period: '2023-Q3', limit: 50 }),
    status: await ok<unknown>(core, 'inbox:status', { period: '2023-Q3' }),
  };
}

/** Every inbox row, each named by its package's SHA-256 (how version 100 keys them). */
function inboxRows(file: string, key: 'sha' | 'id') {
  const db = new BetterSqlite3(file, { readonly: true });
  const pkg =
    key === 'sha'
      ? (t: string) => `${t}.package_sha256 AS package`
      : (t: string) =>
          `(SELECT sha256 FROM inbox_packages p WHERE p.id = ${t}.package_id) AS package`;
  try {
    const all = (q: string) => db.prepare(q).all();
    return {
      packages: all(
        `SELECT sha256, file_name, office_code, period_key, sequence, status, reason, replaced_by,
           activities, received_at, hex(bytes) AS bytes FROM inbox_packages ORDER BY sha256`,
      ),
      communes: all(
        `SELECT ${pkg('c')}, code, name, kind, border, remote, ethnic, key_area, active, position,
           counts_as FROM inbox_communes c ORDER BY package, code`,
      ),
      activities: all(
        `SELECT ${pkg('a')}, id, channel, date, end_date, title, village, themes, theme_mask,
           language, audience, audience_estimated, cost_vnd, notes, measures
         FROM inbox_activities a ORDER BY package, id`,
      ),
      links: all(
        `SELECT ${pkg('l')}, activity_id, commune_code FROM inbox_activity_communes l
         ORDER BY package, activity_id, commune_code`,
      ),
    };
  } finally {
    db.close();
  }
}

const INBOX_TABLES = [
  'inbox_packages',
  'inbox_communes',
  'inbox_activities',
  'inbox_activity_communes',
  'inbox_photos',
];

/**
 * A database at version 100 holding `from`'s data: every other table copied as it is, the
 * inbox tables with each row's package named by its SHA-256.
 */
function asVersion100(from: string, to: string): void {
  const old = openDatabase(
    to,
    MIGRATIONS.filter((m) => m.version <= 100),
  ).db;
  try {
    old.prepare('ATTACH DATABASE ? AS src').run(from);
    const tables = (
      old
        .prepare(
          "SELECT name FROM src.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
        .all() as { name: string }[]
    ).map((t) => t.name);
    old.pragma('foreign_keys = OFF');
    old.transaction(() => {
      // Tables a later migration added (the office's day totals) have no place in version 100.
      const older = new Set(
        (
          old.prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table'").all() as {
            name: string;
          }[]
        ).map((t) => t.name),
      );
      for (const t of tables.filter((name) => !INBOX_TABLES.includes(name) && older.has(name))) {
        // Names from the file's own schema, never from input; the columns version 100 had (a
        // later migration may have added some, the register's follow_from).
        const columns = (old.pragma(`main.table_info("${t}")`) as { name: string }[])
          .map((c) => `"${c.name}"`)
          .join(', ');
        old.exec(
          `INSERT OR REPLACE INTO main."${t}" (${columns}) SELECT ${columns} FROM src."${t}"`,
        );
      }
      old.exec(`
        INSERT INTO main.inbox_packages (sha256, file_name, office_code, office_name, fingerprint,
            subject, period_key, period_from, period_to, period_label, sequence, supersedes,
            created_at, signing_time, received_at, status, reason, replaced_by, activities, bytes)
          SELECT sha256, file_name, office_code, office_name, fingerprint, subject, period_key,
            period_from, period_to, period_label, sequence, supersedes, created_at, signing_time,
            received_at, status, reason, replaced_by, activities, bytes
          FROM src.inbox_packages ORDER BY id;
        INSERT INTO main.inbox_communes (package_sha256, code, name, kind, border, remote, ethnic,
            key_area, active, position, counts_as)
          SELECT p.sha256, c.code, c.name, c.kind, c.border, c.remote, c.ethnic, c.key_area,
            c.active, c.position, c.counts_as
          FROM src.inbox_communes c JOIN src.inbox_packages p ON p.id = c.package_id;
        INSERT INTO main.inbox_activities (package_sha256, id, channel, date, end_date, title,
            village, themes, theme_mask, language, audience, audience_estimated, cost_vnd, notes,
            measures)
          SELECT p.sha256, a.id, a.channel, a.date, a.end_date, a.title, a.village, a.themes,
            a.theme_mask, a.language, a.audience, a.audience_estimated, a.cost_vnd, a.notes,
            a.measures
          FROM src.inbox_activities a JOIN src.inbox_packages p ON p.id = a.package_id;
        INSERT INTO main.inbox_activity_communes (package_sha256, activity_id, commune_code)
          SELECT p.sha256, l.activity_id, l.commune_code
          FROM src.inbox_activity_communes l JOIN src.inbox_packages p ON p.id = l.package_id;
      `);
    })();
    old.pragma('foreign_keys = ON');
    old.exec('DETACH DATABASE src');
    expect(old.pragma('foreign_key_check')).toEqual([]);
  } finally {
    closeDatabase(old);
  }
}

describe('migration 0110 on a desk that took packages in before it', () => {
  const root = tempDir('tt-m110-');
  const packages = path.join(root, 'packages');
  const desk = path.join(root, 'desk');
  const migrated = path.join(root, 'migrated');
  let before: Awaited<ReturnType<typeof view>>;

  beforeAll(async () => {
    fs.mkdirSync(packages, { recursive: true });
    fs.mkdirSync(path.join(root, 'offices'));
    const province = createCore({ dataDir: desk, mode: 'cli' });
    await ok(province, 'profile:save', PROVINCE_PROFILE);
    await ok(province, 'settings:saveDesks', { office: false, province: true, deadlineDays: 10 });
    for (const [i, spec] of OFFICES.slice(0, 2).entries()) {
      const office = await openOffice(spec, path.join(root, 'offices'));
      try {
        office.add([
          ...periodActivities('2023-Q2', 30, 500 + i),
          ...periodActivities('2023-Q3', 40, 600 + i),
        ]);
        await office.export('2023-Q2', packages);
        await office.export('2023-Q3', packages);
        // A correction: the first Q3 package is replaced, its rows gone, its file kept.
        await office.correct('2023-Q3', periodActivities('2023-Q3', 5, 700 + i));
        await office.export('2023-Q3', packages);
        const pem = await office.certificatePem();
        await ok(province, 'trust:addCertificate', {
          base64: Buffer.from(pem).toString('base64'),
        });
      } finally {
        office.close();
      }
    }
    await province.inbox.importPaths([packages]);
    before = await view(province);
    province.close();
    fs.mkdirSync(migrated);
    asVersion100(path.join(desk, DB_FILE), path.join(migrated, DB_FILE));
  }, 120_000);

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('keeps every package, activity, commune and link, each with its own package', () => {
    const db = new BetterSqlite3(path.join(migrated, DB_FILE), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(100);
    db.close();
    const held = inboxRows(path.join(migrated, DB_FILE), 'sha');
    expect(
      held.packages.filter((p) => (p as { status: string }).status === 'replaced'),
    ).toHaveLength(2);
    const core = createCore({ dataDir: migrated, mode: 'cli' });
    core.close();
    const after = inboxRows(path.join(migrated, DB_FILE), 'id');
    expect(after).toEqual(held);
    expect(after).toEqual(inboxRows(path.join(desk, DB_FILE), 'id'));
  });

  it('gives the same packages, figures, drill-down and status as before', async () => {
    const core = createCore({ dataDir: migrated, mode: 'cli' });
    try {
      const after = await view(core);
      expect(after.packages.map((p) => [p.sha256, p.status, p.replacedBy])).toEqual(
        before.packages.map((p) => [p.sha256, p.status, p.replacedBy]),
      );
      expect(after).toEqual(before);
      expect(after.q3.figures.activities).toBe(2 * (40 + 5));
      expect(
        after.drill.activities.every((a) =>
          after.packages.some((p) => p.sha256 === a.packageSha256),
        ),
      ).toBe(true);
    } finally {
      core.close();
    }
  });
});
