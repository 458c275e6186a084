// Reports by subject: each subject's figures count only the activities tagged with it, the
// package carries every activity and one signed report per subject of the profile, and a
// locked period's figures, texts and Word file are the signed ones.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, DB_FILE, type Core } from '../../electron/core';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import type { PackageData } from '../../electron/core/package';
import type { Result } from '../../shared/errors';
import type { ExportPreview, ExportResult, Manifest, PackageRow } from '../../shared/package';
import type { ReportData, ReportTexts } from '../../shared/report';
import { ProfileSchema, type ActivityInput } from '../../shared/schemas';
import profile from '../fixtures/profile.json';
import quarter from '../fixtures/quarter-2023-q3.json';
import { tempDir } from './helpers';

const PASS = 'mật khẩu thử nghiệm';
let dir: string;
let core: Core;

async function ok<T>(method: string, input: unknown): Promise<T> {
  const r = (await core.call(method, input)) as Result<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

async function refused(method: string, input: unknown): Promise<{ code: string; message: string }> {
  const r = await core.call(method, input);
  if (r.ok) throw new Error(`${method} was accepted`);
  return r.error;
}

/** A meeting about drugs only, the case a trafficking report must not count. */
const DRUGS_MEETING: ActivityInput = {
  id: 'q3-drugs-meeting',
  channel: 'meeting',
  date: '2023-07-20',
  communes: ['CL-BL'],
  themes: ['drugs'],
  title: 'Hội nghị tuyên truyền phòng, chống ma túy',
  audience: 150,
  measures: { sessions: 1 },
};

beforeEach(async () => {
  dir = tempDir('tt-subjects-');
  core = createCore({ dataDir: dir, mode: 'cli', passphrase: PASS });
  const office = { ...profile.office, subjects: ['trafficking', 'drugs', 'all'] };
  await ok('profile:save', { ...profile, office });
  await ok('activities:import', { fileName: 'q3.json', records: [...quarter, DRUGS_MEETING] });
  await ok('activities:delete', { id: 'q3-deleted' });
});

afterEach(() => core.close());

const data = (subject: string, period = '2023-Q3') =>
  ok<ReportData>('report:data', { period, subject });

describe('a report about one subject', () => {
  it('counts only the activities tagged with it; all counts each activity once', async () => {
    const trafficking = await data('trafficking');
    const drugs = await data('drugs');
    const crime = await data('crime');
    const all = await data('all');
    // 8 trafficking activities in Q3 (deleted and neighbouring quarters aside), 3 about drugs.
    expect(trafficking.figures.activities).toBe(8);
    expect(trafficking.figures.byChannel.meeting.activities).toBe(0);
    expect(drugs.figures.activities).toBe(3);
    expect(drugs.figures.byChannel.meeting).toMatchObject({ activities: 1, audience: 150 });
    expect(crime.figures.activities).toBe(2);
    expect(all.figures.activities).toBe(9);
    expect(all.audience).toBe(trafficking.audience + 150);
    // Per commune and flag too: Bảo Lâm (ethnic) has the meeting only under drugs.
    const baoLam = (d: ReportData) => d.figures.byCommune.find((c) => c.code === 'CL-BL')!;
    expect(baoLam(drugs).activities).toBe(1);
    expect(baoLam(trafficking).activities).toBe(1); // the cinema show
    expect(drugs.figures.flagged.ethnic.activities).toBe(1);
    expect(drugs.subject).toBe('drugs');
    // The comparison follows the subject: Q2 had one trafficking radio item, no drugs.
    expect(trafficking.previous?.activities).toBe(1);
    expect(drugs.previous?.activities).toBe(0);
  });

  it('keeps a draft per period and subject', async () => {
    const texts = await ok<ReportTexts>('report:texts', { period: '2023-Q3', subject: 'drugs' });
    await ok('report:saveTexts', {
      period: '2023-Q3',
      subject: 'drugs',
      texts: { ...texts, strengths: 'Ma túy: tuyên truyền tại các trường học.' },
    });
    const mine = await ok<ReportTexts>('report:texts', { period: '2023-Q3', subject: 'drugs' });
    const other = await ok<ReportTexts>('report:texts', { period: '2023-Q3' });
    expect(mine.strengths).toBe('Ma túy: tuyên truyền tại các trường học.');
    expect(other.strengths).toBe('');
    // The next quarter's drugs report starts from this one's texts, trafficking's does not.
    const next = await ok<ReportTexts>('report:texts', { period: '2023-Q4', subject: 'drugs' });
    expect(next.strengths).toBe('Ma túy: tuyên truyền tại các trường học.');
    expect((await ok<ReportTexts>('report:texts', { period: '2023-Q4' })).strengths).toBe('');
  });

  it('titles the Word file with its subject', async () => {
    const file = await ok<{ base64: string; fileName: string }>('report:docx', {
      period: '2023-Q3',
      subject: 'drugs',
    });
    expect(file.fileName).toBe('BaoCao_LS-CAOLOC-VHTT_2023-Q3_MaTuy.docx');
    const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('công tác phòng, chống ma túy');
    expect(xml).not.toContain('phòng, chống mua bán người');
    expect(xml).toContain('Hội nghị tuyên truyền phòng, chống ma túy');
  });
});

describe('the package of a period with several subjects', () => {
  it('asks first: the preview says what each subject counts and what it replaces', async () => {
    const preview = await ok<ExportPreview>('package:preview', { period: '2023-Q3' });
    expect(preview).toMatchObject({
      activities: 9,
      ended: true,
      subjects: [
        { subject: 'trafficking', activities: 8 },
        { subject: 'drugs', activities: 3 },
        { subject: 'all', activities: 9 },
      ],
      replaces: null,
      reuses: null,
    });
    const empty = await refused('package:export', { period: '2022-Q3' });
    expect(empty.code).toBe('empty_period');
    expect(empty.message).toMatch(/chưa có hoạt động nào/);
    expect(await ok<PackageRow[]>('package:list', {})).toEqual([]);
    const nil = await ok<ExportResult>('package:export', { period: '2022-Q3', allowEmpty: true });
    expect(nil).toMatchObject({ sequence: 1, state: 'exported' });
  });

  it('carries every activity and one signed report per subject; a locked period prints them', async () => {
    const before = await data('trafficking');
    const exported = await ok<ExportResult>('package:export', { period: '2023-Q3' });
    const zip = await JSZip.loadAsync(fs.readFileSync(exported.path));
    expect(Object.keys(zip.files)).toEqual([
      'manifest.json',
      'manifest.json.p7s',
      'data.json',
      'report-trafficking.docx',
      'report-drugs.docx',
      'report-all.docx',
    ]);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
    const pkg = JSON.parse(await zip.file('data.json')!.async('string')) as PackageData;
    expect(manifest.schemaVersion).toBe(5);
    expect(manifest.reports?.map((r) => r.subject)).toEqual(['trafficking', 'drugs', 'all']);
    expect(pkg.activities).toHaveLength(9);
    expect(pkg.reports.map((r) => r.figures.activities)).toEqual([8, 3, 9]);

    // The signed Word files are what the screen and report:docx give, byte for byte.
    for (const subject of ['trafficking', 'drugs', 'all']) {
      const signed = await zip.file(`report-${subject}.docx`)!.async('nodebuffer');
      const file = await ok<{ base64: string }>('report:docx', { period: '2023-Q3', subject });
      expect(Buffer.from(file.base64, 'base64').equals(signed)).toBe(true);
    }

    // A later change of the profile does not rewrite what was signed: the flags of the
    // communes change the live figures, never the locked period's.
    await ok('profile:save', {
      ...ProfileSchema.parse(profile),
      communes: profile.communes.map((c) => ({ ...c, flags: [] })),
    });
    expect((await data('trafficking')).figures.flagged).toEqual(before.figures.flagged);
    const locks = await ok<{ key: string; subjects: string[] }[]>('periods:locks', {});
    expect(locks[0]).toMatchObject({ key: '2023-Q3', subjects: ['trafficking', 'drugs', 'all'] });

    // The texts are locked with it.
    const texts = await ok<ReportTexts>('report:texts', { period: '2023-Q3' });
    const err = await refused('report:saveTexts', {
      period: '2023-Q3',
      texts: { ...texts, number: '99' },
    });
    expect(err.code).toBe('locked');
    expect((await ok<ReportTexts>('report:texts', { period: '2023-Q3' })).number).toBe(
      texts.number,
    );
  });

  it('refuses to sign text a Word file cannot hold, naming the activity, and spends no number', async () => {
    core.close();
    const db = new BetterSqlite3(path.join(dir, DB_FILE));
    db.prepare('UPDATE activities SET title = ? WHERE id = ?').run(
      'Băng rôn \uFFFE hỏng',
      'q3-banner',
    );
    db.close();
    core = createCore({ dataDir: dir, mode: 'cli', passphrase: PASS });
    const err = await refused('package:export', { period: '2023-Q3' });
    expect(err.message).toMatch(/Băng rôn .* hỏng.*U\+FFFE/u);
    expect(await ok<PackageRow[]>('package:list', {})).toEqual([]);
    await ok('activities:update', {
      id: 'q3-banner',
      activity: { ...quarter.find((a) => a.id === 'q3-banner')!, id: undefined },
    });
    expect((await ok<ExportResult>('package:export', { period: '2023-Q3' })).sequence).toBe(1);
  });
});

describe('migration 0060', () => {
  it('keeps the drafts made before subjects as the trafficking report’s', () => {
    const file = path.join(tempDir('tt-m60-'), DB_FILE);
    const db = new BetterSqlite3(file);
    for (const m of MIGRATIONS.filter((m) => m.version < 60)) m.up(db);
    db.pragma('user_version = 50');
    db.prepare(
      `INSERT INTO report_drafts (period_key, period_from, texts, updated_at)
       VALUES ('2023-Q3', '2023-06-15', ?, '2023-10-01T00:00:00.000Z')`,
    ).run(JSON.stringify({ number: '45', strengths: 'Cũ' }));
    MIGRATIONS.find((m) => m.version === 60)!.up(db);
    expect(db.prepare('SELECT period_key, subject, texts FROM report_drafts').all()).toEqual([
      { period_key: '2023-Q3', subject: 'trafficking', texts: '{"number":"45","strengths":"Cũ"}' },
    ]);
    db.close();
  });
});

describe('a locked period', () => {
  it('refuses a subject its package did not sign instead of printing it as signed', async () => {
    await ok('profile:save', ProfileSchema.parse(profile)); // trafficking only
    await ok<ExportResult>('package:export', { period: '2023-Q3' });
    for (const method of ['report:data', 'report:texts', 'report:docx']) {
      const err = await refused(method, { period: '2023-Q3', subject: 'drugs' });
      expect(err.code).toBe('locked');
      expect(err.message).toMatch(/chỉ có báo cáo về phòng, chống mua bán người/);
    }
  });

  it('exported before reports were kept: counts every activity, and never makes a Word file anew', async () => {
    await ok('profile:save', ProfileSchema.parse(profile));
    const exported = await ok<ExportResult>('package:export', { period: '2023-Q3' });
    // What an office upgraded from the first version holds: a lock and a package row, no
    // signed reports; that version's one report counted every activity of the period.
    core.close();
    const db = new BetterSqlite3(path.join(dir, DB_FILE));
    db.prepare('DELETE FROM signed_reports').run();
    db.close();
    core = createCore({ dataDir: dir, mode: 'cli', passphrase: PASS });
    expect((await data('trafficking')).figures.activities).toBe(9);
    fs.renameSync(exported.path, `${exported.path}.moved`);
    const err = await refused('report:docx', { period: '2023-Q3' });
    expect(err.code).toBe('conflict');
    expect(err.message).toMatch(/không còn nguyên/);
    expect(fs.existsSync(path.join(dir, 'reports', 'BaoCao_LS-CAOLOC-VHTT_2023-Q3.docx'))).toBe(
      false,
    );
  });

  it('is never locked over a change saved while its package was being made', async () => {
    const build = core.report.build.bind(core.report);
    let edited = false;
    core.report.build = async (...args) => {
      const built = await build(...args);
      if (!edited) {
        edited = true; // a clerk in another window saves an activity of the period now
        await ok('activities:create', { ...DRUGS_MEETING, id: 'late', themes: ['trafficking'] });
      }
      return built;
    };
    const err = await refused('package:export', { period: '2023-Q3' });
    expect(err.code).toBe('conflict');
    expect(err.message).toMatch(/vừa thay đổi trong lúc xuất gói/);
    expect(await ok<PackageRow[]>('package:list', {})).toEqual([]);
    expect(await ok<unknown[]>('periods:locks', {})).toEqual([]);
    // Exported again, the package holds the change.
    const again = await ok<ExportResult>('package:export', { period: '2023-Q3' });
    const zip = await JSZip.loadAsync(fs.readFileSync(again.path));
    const pkg = JSON.parse(await zip.file('data.json')!.async('string')) as PackageData;
    expect(pkg.activities.map((a) => a.id)).toContain('late');
  });
});
