// The province desk (issue 5) on real files: three offices export with the real export code,
// the desk takes their packages in, and the status, the merged totals, the replay rules and
// the quarantine are checked against what each office's own report says.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { createCore, DB_FILE, type Core } from '../../electron/core';
import { CHANNEL_MEASURES, CHANNELS, COMMUNE_FLAGS } from '../../shared/domain';
import type { ImportResult, InboxStatus, MergedData, TrustResult } from '../../shared/inbox';
import type { ReportData, ReportFigures } from '../../shared/report';
import { OFFICES, openOffice, quarterActivities, type Office } from '../fixtures/offices';
import { PROVINCE_PROFILE } from '../fixtures/province';
import { cli, tempDir, writeJson } from './helpers';

async function ok<T>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** Sums offices' own report figures: what the merged figures must equal. */
function sumFigures(all: readonly ReportFigures[]) {
  const byChannel = Object.fromEntries(
    CHANNELS.map((c) => {
      const measures = Object.fromEntries(
        CHANNEL_MEASURES[c].counts.map((k) => [
          k,
          all.reduce((n, f) => n + (f.byChannel[c].measures[k] ?? 0), 0),
        ]),
      );
      return [
        c,
        {
          activities: all.reduce((n, f) => n + f.byChannel[c].activities, 0),
          audience: all.reduce((n, f) => n + f.byChannel[c].audience, 0),
          costVnd: all.reduce((n, f) => n + f.byChannel[c].costVnd, 0),
          measures,
        },
      ];
    }),
  );
  const flagged = Object.fromEntries(
    COMMUNE_FLAGS.map((flag) => [
      flag,
      {
        communes: all.reduce((n, f) => n + f.flagged[flag].communes, 0),
        reached: all.reduce((n, f) => n + f.flagged[flag].reached, 0),
        activities: all.reduce((n, f) => n + f.flagged[flag].activities, 0),
      },
    ]),
  );
  return { activities: all.reduce((n, f) => n + f.activities, 0), byChannel, flagged };
}

const pick = (m: MergedData) => ({
  activities: m.figures.activities,
  byChannel: m.figures.byChannel,
  flagged: m.figures.flagged,
});

/** Row counts of the desk's tables, read from the file by a second connection. */
function tableCounts(core: Core): Record<string, number> {
  const db = new BetterSqlite3(path.join(core.dataDir, DB_FILE), { readonly: true });
  try {
    const out: Record<string, number> = {};
    for (const t of ['inbox_packages', 'inbox_activities', 'inbox_communes', 'audit_log']) {
      out[t] = (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
    }
    return out;
  } finally {
    db.close();
  }
}

describe('the province desk takes in three offices over two periods', () => {
  const root = tempDir('tt-inbox-');
  const out = path.join(root, 'packages');
  const later = path.join(root, 'later');
  let offices: Office[];
  let stranger: Office;
  let province: Core;
  const own: Record<string, Record<string, ReportData>> = {};

  beforeAll(async () => {
    fs.mkdirSync(out);
    fs.mkdirSync(later);
    offices = await Promise.all(OFFICES.map((spec) => openOffice(spec, root)));
    for (const [i, office] of offices.entries()) {
      office.add(quarterActivities('2023-Q2', 20 + i * 5, 100 + i));
      office.add(quarterActivities('2023-Q3', 30 + i * 7, 200 + i));
      own[office.spec.code] = {};
      for (const period of ['2023-Q2', '2023-Q3']) {
        await office.export(period, out);
        own[office.spec.code]![period] = await ok<ReportData>(office.core, 'report:data', {
          period,
        });
      }
    }
    // A fourth office that is not in the register.
    stranger = await openOffice(
      {
        code: 'LS-LOCBINH-VHTT',
        name: 'Phòng Văn hóa và Thông tin',
        parent: 'UBND huyện Lộc Bình',
      },
      root,
    );
    stranger.add(quarterActivities('2023-Q3', 12, 300));
    await stranger.export('2023-Q3', out);

    province = createCore({ dataDir: path.join(root, 'province'), mode: 'cli' });
    await ok(province, 'profile:save', PROVINCE_PROFILE);
    await ok(province, 'settings:saveDesks', { office: false, province: true, deadlineDays: 10 });
    for (const office of offices) {
      const pem = await office.certificatePem();
      await ok(province, 'trust:addCertificate', {
        base64: Buffer.from(pem).toString('base64'),
      });
    }
  }, 120_000);

  afterAll(() => {
    for (const o of offices) o.close();
    stranger.close();
    province.close();
  });

  it('registers each office from its certificate with the name provinces use', async () => {
    const list = await ok<{ code: string; name: string; certificates: unknown[] }[]>(
      province,
      'trust:list',
      {},
    );
    expect(list.map((o) => [o.code, o.name, o.certificates.length])).toEqual([
      ['LS-CAOLOC-VHTT', 'Phòng Văn hóa và Thông tin huyện Cao Lộc', 1],
      ['LS-TRANGDINH-VHTT', 'Phòng Văn hóa và Thông tin huyện Tràng Định', 1],
      ['LS-VANLANG-VHTT', 'Phòng Văn hóa và Thông tin huyện Văn Lãng', 1],
    ]);
  });

  it('takes in the folder: six packages counted, the stranger quarantined', async () => {
    const results = await province.inbox.importPaths([out]);
    expect(results).toHaveLength(7);
    const byOutcome = (o: string) => results.filter((r) => r.outcome === o);
    expect(byOutcome('accepted')).toHaveLength(6);
    const [q] = byOutcome('quarantined');
    expect(q!.officeCode).toBe('LS-LOCBINH-VHTT');
    expect(q!.officeName).toBe('Phòng Văn hóa và Thông tin huyện Lộc Bình');
    expect(q!.message.vi).toContain('chưa có trong danh sách đơn vị tin cậy');
    expect(q!.message.vi).toContain(q!.fingerprint!);
  });

  it('knows who has reported, for each period', async () => {
    const q3 = await ok<InboxStatus>(province, 'inbox:status', { period: '2023-Q3' });
    expect(q3.period).toMatchObject({ key: '2023-Q3', from: '2023-06-15', to: '2023-09-14' });
    expect(q3.deadline).toBe('2023-09-24');
    expect(q3.offices.map((o) => [o.code, o.state, o.sequence])).toEqual([
      ['LS-CAOLOC-VHTT', 'received', 2],
      ['LS-TRANGDINH-VHTT', 'received', 2],
      ['LS-VANLANG-VHTT', 'received', 2],
      ['LS-LOCBINH-VHTT', 'quarantined', 1],
    ]);
    const q2 = await ok<InboxStatus>(province, 'inbox:status', { period: '2023-Q2' });
    expect(q2.offices.map((o) => [o.code, o.state, o.sequence])).toEqual([
      ['LS-CAOLOC-VHTT', 'received', 1],
      ['LS-TRANGDINH-VHTT', 'received', 1],
      ['LS-VANLANG-VHTT', 'received', 1],
    ]);
    // Received today, years after the 2023 deadline: late. A period nobody reported: missing.
    expect(q2.offices.every((o) => o.late)).toBe(true);
    // Registered today, their first packages of 2023-Q2: the desk follows them from then, so
    // nothing is expected of them for Q1; Q4, after it, nobody reported: missing.
    const q1 = await ok<InboxStatus>(province, 'inbox:status', { period: '2023-Q1' });
    expect(q1.offices).toEqual([]);
    const q4 = await ok<InboxStatus>(province, 'inbox:status', { period: '2023-Q4' });
    expect(q4.offices.map((o) => o.state)).toEqual(['missing', 'missing', 'missing']);
  });

  it('expects an office from the period the officer sets, through the contract, audited', async () => {
    const code = 'LS-CAOLOC-VHTT';
    const q1 = async () =>
      (await ok<InboxStatus>(province, 'inbox:status', { period: '2023-Q1' })).offices;
    const set = await ok<{ followFrom: string | null }>(province, 'trust:followFrom', {
      code,
      period: '2023-Q1',
    });
    expect(set.followFrom).toBe('2022-12-15'); // Decree 09's first quarter of 2023
    expect((await q1()).map((o) => [o.code, o.state])).toEqual([[code, 'missing']]);
    const audit = new BetterSqlite3(path.join(province.dataDir, DB_FILE), { readonly: true });
    const row = audit
      .prepare(
        "SELECT action, after FROM audit_log WHERE entity = 'office' ORDER BY id DESC LIMIT 1",
      )
      .get() as { action: string; after: string };
    audit.close();
    expect(row.action).toBe('update');
    expect(JSON.parse(row.after)).toMatchObject({ code, followFrom: '2022-12-15' });

    const bad = await province.call('trust:followFrom', { code, period: 'quý 9' });
    expect(bad.ok).toBe(false);
    const unknown = await province.call('trust:followFrom', {
      code: 'LS-KHONGCO-VHTT',
      period: '2023-Q1',
    });
    expect(unknown.ok).toBe(false);
    expect((await q1()).map((o) => o.code)).toEqual([code]);

    await ok(province, 'trust:followFrom', { code, period: null });
    expect(await q1()).toEqual([]);
  });

  it('merges exactly what each office reported; the stranger is not counted', async () => {
    for (const period of ['2023-Q2', '2023-Q3']) {
      const merged = await ok<MergedData>(province, 'inbox:figures', { period });
      const expected = sumFigures(offices.map((o) => own[o.spec.code]![period]!.figures));
      expect(pick(merged)).toEqual(expected);
      expect(merged.expected).toBe(3);
      expect(merged.reported).toBe(3);
      for (const o of offices) {
        const line = merged.offices.find((x) => x.code === o.spec.code)!;
        expect(line.activities).toBe(own[o.spec.code]![period]!.figures.activities);
        expect(line.byChannel).toEqual(own[o.spec.code]![period]!.figures.byChannel);
      }
    }
  });

  it('drills from a total down to the offices and activities behind it', async () => {
    const merged = await ok<MergedData>(province, 'inbox:figures', { period: '2023-Q3' });
    const drill = await ok<{
      total: { activities: number; value: number | null };
      offices: { code: string; activities: number; value: number | null }[];
      activities: { officeCode: string; channel: string }[];
    }>(province, 'inbox:drill', { period: '2023-Q3', channel: 'van', measure: 'sessions' });
    expect(drill.total.activities).toBe(merged.figures.byChannel.van.activities);
    expect(drill.total.value).toBe(merged.figures.byChannel.van.measures.sessions);
    expect(drill.offices.map((o) => o.activities)).toEqual(
      drill.offices.map((o) => own[o.code]!['2023-Q3']!.figures.byChannel.van.activities),
    );
    expect(drill.activities).toHaveLength(merged.figures.byChannel.van.activities);
    expect(new Set(drill.activities.map((a) => a.channel))).toEqual(new Set(['van']));
    const border = await ok<{ total: { activities: number } }>(province, 'inbox:drill', {
      period: '2023-Q3',
      flag: 'border',
    });
    expect(border.total.activities).toBe(merged.figures.flagged.border.activities);
  });

  it('takes the same files again without changing anything', async () => {
    const before = tableCounts(province);
    const again = await province.inbox.importPaths([out]);
    expect(again.map((r) => r.outcome)).toEqual(Array(7).fill('duplicate'));
    expect(again[0]!.message.vi).toContain('đã được tiếp nhận');
    expect(tableCounts(province)).toEqual(before);
  });

  it('a correction replaces the package it supersedes; totals move by exactly the difference', async () => {
    const office = offices[0]!;
    const code = office.spec.code;
    const before = await ok<MergedData>(province, 'inbox:figures', { period: '2023-Q3' });
    const old = own[code]!['2023-Q3']!.figures;
    await office.correct('2023-Q3', quarterActivities('2023-Q3', 9, 999));
    const first = await office.export('2023-Q3', later); // sequence 3, kept back
    await office.correct('2023-Q3', quarterActivities('2023-Q3', 4, 998));
    const second = await office.export('2023-Q3', later); // sequence 4
    expect([first.sequence, second.sequence]).toEqual([3, 4]);
    const fixed = (await ok<ReportData>(office.core, 'report:data', { period: '2023-Q3' })).figures;

    const [r] = await province.inbox.importPaths([second.path]);
    expect(r!.outcome).toBe('corrected');
    expect(r!.message.vi).toContain('thay cho lần gửi 2');
    const after = await ok<MergedData>(province, 'inbox:figures', { period: '2023-Q3' });
    expect(after.figures.activities - before.figures.activities).toBe(
      fixed.activities - old.activities,
    );
    for (const c of CHANNELS) {
      expect(after.figures.byChannel[c].audience - before.figures.byChannel[c].audience).toBe(
        fixed.byChannel[c].audience - old.byChannel[c].audience,
      );
    }
    const expected = sumFigures([
      fixed,
      ...offices.slice(1).map((o) => own[o.spec.code]!['2023-Q3']!.figures),
    ]);
    expect(pick(after)).toEqual(expected);
    const status = await ok<InboxStatus>(province, 'inbox:status', { period: '2023-Q3' });
    expect(status.offices.find((o) => o.code === code)).toMatchObject({
      state: 'corrected',
      sequence: 4,
    });

    // The kept-back sequence 3 arrives late: older than 4, refused, nothing changes.
    const counts = tableCounts(province);
    const [stale] = await province.inbox.importPaths([first.path]);
    expect(stale!.outcome).toBe('refused');
    expect(stale!.message.vi).toContain('cũ hơn gói lần gửi 4');
    expect(tableCounts(province)).toEqual(counts);
    const packages = await ok<
      { sequence: number; status: string; officeCode: string; period: { key: string } }[]
    >(province, 'inbox:packages', { period: '2023-Q3' });
    expect(
      packages
        .filter((p) => p.officeCode === code)
        .map((p) => [p.sequence, p.status])
        .sort(),
    ).toEqual([
      [2, 'replaced'],
      [4, 'current'],
    ]);
  });

  it('a package signed by another key than the office registered is quarantined', async () => {
    // Same office code as Cao Lộc, but a different installation and key.
    const impostor = await openOffice(OFFICES[0]!, root);
    impostor.add(quarterActivities('2023-Q3', 50, 777));
    const pkg = await impostor.export('2023-Q3', path.join(root, 'impostor'));
    impostor.close();
    const before = await ok<MergedData>(province, 'inbox:figures', { period: '2023-Q3' });
    const [r] = await province.inbox.importPaths([pkg.path]);
    expect(r!.outcome).toBe('quarantined');
    expect(r!.message.vi).toContain(
      'không khớp với chứng thư đã đăng ký của đơn vị LS-CAOLOC-VHTT',
    );
    const after = await ok<MergedData>(province, 'inbox:figures', { period: '2023-Q3' });
    expect(pick(after)).toEqual(pick(before));
  });

  it('registering the quarantined signer lets its package in and counts it', async () => {
    const held = (
      await ok<{ sha256: string; status: string; officeCode: string }[]>(
        province,
        'inbox:packages',
        {},
      )
    ).find((p) => p.status === 'quarantined' && p.officeCode === 'LS-LOCBINH-VHTT')!;
    const before = await ok<MergedData>(province, 'inbox:figures', { period: '2023-Q3' });
    const trusted = await ok<TrustResult>(province, 'trust:fromPackage', { sha256: held.sha256 });
    expect(trusted.office.name).toBe('Phòng Văn hóa và Thông tin huyện Lộc Bình');
    expect(trusted.released.map((r: ImportResult) => r.outcome)).toEqual(['accepted']);
    const after = await ok<MergedData>(province, 'inbox:figures', { period: '2023-Q3' });
    const theirs = (await ok<ReportData>(stranger.core, 'report:data', { period: '2023-Q3' }))
      .figures;
    expect(after.figures.activities).toBe(before.figures.activities + theirs.activities);
    const status = await ok<InboxStatus>(province, 'inbox:status', { period: '2023-Q3' });
    expect(status.offices.find((o) => o.code === 'LS-LOCBINH-VHTT')).toMatchObject({
      state: 'received',
    });
  });
});

describe('tuyentruyen inbox …', () => {
  it('trusts, imports, reports status as JSON and writes the merged report', async () => {
    const root = tempDir('tt-inbox-cli-');
    const out = path.join(root, 'packages');
    fs.mkdirSync(out);
    const a = await openOffice(OFFICES[1]!, root);
    a.add(quarterActivities('2023-Q3', 15, 5));
    await a.export('2023-Q3', out);
    const pem = path.join(root, 'vanlang.pem');
    fs.writeFileSync(pem, await a.certificatePem());
    a.close();
    const data = ['--data-dir', path.join(root, 'province')];
    const profile = writeJson(root, 'province.json', PROVINCE_PROFILE);
    expect(cli(['setup', '--profile', profile, ...data]).status).toBe(0);

    const before = cli(['inbox', 'import', out, '--json', ...data]);
    expect(before.status).toBe(1);
    const [held] = JSON.parse(before.stdout) as ImportResult[];
    expect(held).toMatchObject({ outcome: 'quarantined', officeCode: 'LS-VANLANG-VHTT' });
    // Not in the register yet, the office is named from its package with its district, not
    // as one more "Phòng Văn hóa và Thông tin".
    expect(held!.officeName).toBe('Phòng Văn hóa và Thông tin huyện Văn Lãng');
    expect(before.stderr).toMatch(/cách ly 1/);

    const trust = cli(['inbox', 'trust', pem, ...data]);
    expect(trust.status).toBe(0);
    expect(trust.stdout).toContain('Đã đăng ký Phòng Văn hóa và Thông tin huyện Văn Lãng');
    expect(trust.stdout).toContain('accepted'); // the quarantined package is let in

    const again = cli(['inbox', 'import', out, ...data]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('duplicate');

    const status = cli(['inbox', 'status', '--period', '2023-Q3', '--json', ...data]);
    expect(status.status).toBe(0);
    const json = JSON.parse(status.stdout) as InboxStatus;
    expect(Object.keys(json)).toEqual(['period', 'deadline', 'offices']);
    const [office, ...others] = json.offices;
    expect(others).toEqual([]);
    const { receivedAt, ...rest } = office!;
    expect(rest).toEqual({
      code: 'LS-VANLANG-VHTT',
      name: 'Phòng Văn hóa và Thông tin huyện Văn Lãng',
      state: 'received',
      sequence: 1,
      late: true,
      registered: true,
      partial: false,
      included: ['2023-Q3'],
      missing: [],
    });
    expect(Date.now() - Date.parse(receivedAt!)).toBeLessThan(10 * 60_000);

    const docx = path.join(root, 'tonghop.docx');
    const report = cli(['inbox', 'report', '--period', '2023-Q3', '--out', docx, ...data]);
    expect(report.status).toBe(0);
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');

    const bad = cli(['inbox', 'trust', profile, ...data, '--lang', 'en']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('not a certificate');
    expect(cli(['inbox', 'status', ...data]).status).toBe(2);
    expect(cli(['inbox', 'nope', ...data]).status).toBe(2);
  }, 60_000);
});
