// What was made before subjects still works at the province desk: a version 1 package (one
// report.docx, the trafficking report's figures and texts at the top of data.json) is taken
// in and merged like the version 2 package of the same period, and a desk's data taken in
// before migration 0070 gets its activities' themes as a mask and its texts as trafficking.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { closeDatabase, openDatabase } from '../../electron/core/db/open';
import { readZip, writeZip } from '../../electron/core/package';
import { fingerprintOf, generateOfficeKey, signDetached } from '../../electron/core/signing';
import type { ImportResult, MergedData } from '../../shared/inbox';
import { OFFICES, openOffice, periodActivities, type Office } from '../fixtures/offices';
import { PROVINCE_PROFILE } from '../fixtures/province';
import { cli, tempDir } from './helpers';

async function ok<T>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/**
 * The same package as schemaVersion 1 made it (one report.docx, the trafficking report's
 * figures and texts at the top of data.json), signed again with `key`.
 */
async function asVersion1(bytes: Buffer, key: ReturnType<typeof generateOfficeKey>) {
  const entries = new Map((await readZip(bytes)).map((e) => [e.name, e.bytes]));
  const data = JSON.parse(entries.get('data.json')!.toString('utf8')) as Record<string, unknown>;
  const [report] = data.reports as { figures: unknown; texts: unknown }[];
  // A version 1 package knew nothing of photos either.
  const { reports: _reports, photos: _photos, ...rest } = data;
  const v1Data = Buffer.from(
    `${JSON.stringify({ ...rest, schemaVersion: 1, figures: report!.figures, texts: report!.texts })}\n`,
  );
  const docx = entries.get('report-trafficking.docx')!;
  const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Record<
    string,
    unknown
  >;
  const { reports: _refs, counts, ...head } = manifest;
  const { photos: _count, ...v1Counts } = counts as Record<string, number>;
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const v1Manifest = Buffer.from(
    `${JSON.stringify(
      {
        ...head,
        counts: v1Counts,
        schemaVersion: 1,
        certificate: { sha256: fingerprintOf(key.certificateDer) },
        files: [
          { name: 'data.json', sha256: sha(v1Data), size: v1Data.length },
          { name: 'report.docx', sha256: sha(docx), size: docx.length },
        ],
      },
      null,
      2,
    )}\n`,
  );
  return writeZip([
    { name: 'manifest.json', bytes: v1Manifest, compress: false },
    { name: 'manifest.json.p7s', bytes: signDetached(v1Manifest, key), compress: false },
    { name: 'data.json', bytes: v1Data, compress: true },
    { name: 'report.docx', bytes: docx, compress: false },
  ]);
}

/** A desk with the office registered by its fingerprint, the package taken in. */
async function deskWith(dir: string, fingerprint: string, bytes: Buffer): Promise<Core> {
  const desk = createCore({ dataDir: dir, mode: 'cli' });
  await ok(desk, 'profile:save', PROVINCE_PROFILE);
  await ok(desk, 'trust:addFingerprint', {
    code: OFFICES[0]!.code,
    name: 'Phòng Văn hóa và Thông tin huyện Cao Lộc',
    fingerprint,
  });
  const r = await ok<ImportResult>(desk, 'inbox:import', {
    fileName: 'goi.ttpkg',
    base64: bytes.toString('base64'),
  });
  expect([r.outcome, r.officeCode, r.period?.key]).toEqual([
    'accepted',
    OFFICES[0]!.code,
    '2023-Q1',
  ]);
  return desk;
}

describe('a version 1 package at the province desk', () => {
  const root = tempDir('tt-inbox-v1-');
  let office: Office;
  let v2: Buffer;
  const desks: Core[] = [];

  beforeAll(async () => {
    office = await openOffice(OFFICES[0]!, root);
    // Every mix of themes, drugs alone among them.
    const themes = [['drugs'], ['trafficking'], ['trafficking', 'drugs'], ['crime']] as const;
    office.add(
      periodActivities('2023-Q1', 24, 41).map((a, i) => ({ ...a, themes: [...themes[i % 4]!] })),
    );
    v2 = fs.readFileSync((await office.export('2023-Q1', path.join(root, 'out'))).path);
  }, 60_000);

  afterAll(() => {
    office.close();
    for (const d of desks) d.close();
  });

  it('verifies, is taken in, and merges as it was signed: every activity in its trafficking report', async () => {
    const key = generateOfficeKey({ code: OFFICES[0]!.code, name: 'Phòng Văn hóa và Thông tin' });
    const v1 = await asVersion1(v2, key);
    const file = path.join(root, 'v1.ttpkg');
    fs.writeFileSync(file, v1);
    expect(cli(['verify', file]).stdout).toMatch(/^OK .* LS-CAOLOC-VHTT 2023-Q1 1\n$/);
    const old = await deskWith(path.join(root, 'desk-v1'), fingerprintOf(key.certificateDer), v1);
    desks.push(old);
    const fingerprint = office.core.packages.keyInfo().fingerprint!;
    const now = await deskWith(path.join(root, 'desk-v2'), fingerprint, v2);
    desks.push(now);
    for (const subject of ['drugs', 'all'] as const) {
      const a = await ok<MergedData>(old, 'inbox:figures', { period: '2023-Q1', subject });
      const b = await ok<MergedData>(now, 'inbox:figures', { period: '2023-Q1', subject });
      expect(a.figures, subject).toEqual(b.figures);
      // The office's own count of the subject (its package signed trafficking only).
      const own = office.core.report.liveData('2023-Q1', subject);
      expect(a.figures.byChannel, subject).toEqual(own.figures.byChannel);
    }
    // A version 1 package's one report counted every activity of the period, whatever its
    // themes: the desk counts them all under trafficking, as the office signed them.
    const v1Trafficking = await ok<MergedData>(old, 'inbox:figures', {
      period: '2023-Q1',
      subject: 'trafficking',
    });
    const signed = office.core.report.liveData('2023-Q1', 'all');
    expect(v1Trafficking.figures.byChannel).toEqual(signed.figures.byChannel);
    const v2Trafficking = await ok<MergedData>(now, 'inbox:figures', {
      period: '2023-Q1',
      subject: 'trafficking',
    });
    expect(v2Trafficking.figures.activities).toBeLessThan(v1Trafficking.figures.activities);
  });
});

describe('migration 0070 on a desk made before subjects', () => {
  it('gives the activities taken in before their themes as a mask, and keeps the texts as trafficking', () => {
    const file = path.join(tempDir('tt-m70-'), 'desk.sqlite');
    const before = MIGRATIONS.filter((m) => m.version <= 60);
    const old = openDatabase(file, before).db;
    old
      .prepare(
        `INSERT INTO inbox_packages (sha256, file_name, office_code, office_name, fingerprint,
           subject, period_key, period_from, period_to, period_label, sequence, supersedes,
           created_at, signing_time, received_at, status, reason, replaced_by, activities, bytes)
         VALUES ('p1', 'a.ttpkg', 'X', 'X', 'F', 'S', '2023-Q1', '2022-12-15', '2023-03-14',
           'quý I năm 2023', 1, NULL, 't', 't', 't', 'current', NULL, NULL, 3, x'00')`,
      )
      .run();
    const activity = old.prepare(
      `INSERT INTO inbox_activities (package_sha256, id, channel, date, end_date, title, village,
         themes, language, audience, cost_vnd, notes, measures)
       VALUES ('p1', ?, 'van', '2023-01-05', NULL, 't', '', ?, 'vi', 0, 0, '', '{}')`,
    );
    activity.run('a', '["trafficking"]');
    activity.run('b', '["drugs","crime"]');
    activity.run('c', '["trafficking","drugs","crime"]');
    old
      .prepare(
        `INSERT INTO merged_drafts (period_key, period_from, texts, updated_at)
         VALUES ('2023-Q1', '2022-12-15', '{"strengths":"x"}', 't')`,
      )
      .run();
    closeDatabase(old);
    const db = openDatabase(file, MIGRATIONS).db;
    try {
      expect(db.prepare('SELECT id, theme_mask FROM inbox_activities ORDER BY id').all()).toEqual([
        { id: 'a', theme_mask: 1 },
        // Held before subjects: from a version 1 package, so counted under trafficking too.
        { id: 'b', theme_mask: 7 },
        { id: 'c', theme_mask: 7 },
      ]);
      expect(db.prepare('SELECT period_key, subject FROM merged_drafts').all()).toEqual([
        { period_key: '2023-Q1', subject: 'trafficking' },
      ]);
    } finally {
      closeDatabase(db);
    }
  });
});
