// The province desk merges by subject and over half years and years: three offices export
// with the real export code, their activities mixing themes. Cao Lộc sends Q1 and Q2, Văn
// Lãng only Q1, Tràng Định its own half-year package (and Q1 as well). The half year is the
// sum of the quarters, the coverage says which quarters are missing, and `inbox report
// --json` prints an office report's shape.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { CHANNELS, COMMUNE_FLAGS, type ReportSubject } from '../../shared/domain';
import type { Drill, InboxStatus, MergedData } from '../../shared/inbox';
import type { ReportData, ReportFigures, ReportTexts } from '../../shared/report';
import type { ActivityInput } from '../../shared/schemas';
import { OFFICES, openOffice, periodActivities, type Office } from '../fixtures/offices';
import { PROVINCE_PROFILE } from '../fixtures/province';
import { plainText } from './docxRender';
import { cli, tempDir, writeJson } from './helpers';

async function ok<T>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/**
 * Activities of the period with every mix of themes: some about drugs or crime only, so
 * a merge by subject has something to leave out. The first is always about drugs alone.
 */
function mixed(period: string, count: number, seed: number): ActivityInput[] {
  const themes: ActivityInput['themes'][] = [
    ['drugs'],
    ['trafficking'],
    ['crime'],
    ['trafficking', 'drugs'],
    ['drugs', 'crime'],
  ];
  return periodActivities(period, count, seed).map((a, i) => ({
    ...a,
    themes: [...themes[i % themes.length]!],
  }));
}

/** Offices' own report figures added up: what a merge over their packages must equal. */
function sumFigures(all: readonly ReportFigures[]) {
  const byChannel = Object.fromEntries(
    CHANNELS.map((c) => {
      const add = (f: (x: ReportFigures) => number) => all.reduce((n, x) => n + f(x), 0);
      const measures = Object.fromEntries(
        Object.keys(all[0]!.byChannel[c].measures).map((k) => [
          k,
          add((x) => x.byChannel[c].measures[k as 'sessions'] ?? 0),
        ]),
      );
      return [
        c,
        {
          activities: add((x) => x.byChannel[c].activities),
          audience: add((x) => x.byChannel[c].audience),
          costVnd: add((x) => x.byChannel[c].costVnd),
          measures,
        },
      ];
    }),
  );
  // Each office's communes are its own: counts of flagged communes add up across offices.
  const flagged = Object.fromEntries(
    COMMUNE_FLAGS.map((flag) => [
      flag,
      {
        communes: all.reduce((n, x) => n + x.flagged[flag].communes, 0),
        reached: all.reduce((n, x) => n + x.flagged[flag].reached, 0),
        activities: all.reduce((n, x) => n + x.flagged[flag].activities, 0),
      },
    ]),
  );
  return { activities: all.reduce((n, x) => n + x.activities, 0), byChannel, flagged };
}

const pick = (f: ReportFigures) => ({
  activities: f.activities,
  byChannel: f.byChannel,
  flagged: f.flagged,
});

/** The keys of a JSON value, all the way down (arrays by their first element). */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 0 ? [shape(value[0])] : [];
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, shape((value as Record<string, unknown>)[k])]),
    );
  }
  return typeof value;
}

describe('the province merges by subject, and half years from quarters', () => {
  const root = tempDir('tt-inbox-periods-');
  const out = path.join(root, 'packages');
  const dataDir = path.join(root, 'province');
  let offices: Office[];
  let province: Core;
  /** Each office's own report figures by period and subject. */
  const own = new Map<string, ReportData>();
  const ownOf = (code: string, period: string, subject: ReportSubject = 'trafficking') =>
    own.get(`${code} ${period} ${subject}`)!.figures;

  beforeAll(async () => {
    fs.mkdirSync(out);
    offices = await Promise.all(OFFICES.map((spec) => openOffice(spec, root)));
    const [caoLoc, vanLang, trangDinh] = offices as [Office, Office, Office];
    caoLoc.add([...mixed('2023-Q1', 20, 11), ...mixed('2023-Q2', 25, 12)]);
    vanLang.add([...mixed('2023-Q1', 15, 21), ...mixed('2023-Q2', 10, 22)]);
    trangDinh.add(mixed('2023-H1', 30, 31));
    await caoLoc.export('2023-Q1', out);
    await caoLoc.export('2023-Q2', out);
    await vanLang.export('2023-Q1', out);
    await trangDinh.export('2023-H1', out);
    await trangDinh.export('2023-Q1', out);
    for (const office of offices) {
      for (const period of ['2023-Q1', '2023-Q2', '2023-H1']) {
        for (const subject of ['trafficking', 'drugs', 'crime', 'all'] as const) {
          // The office's own count of every subject (its packages signed trafficking only).
          const data = office.core.report.liveData(period, subject);
          own.set(`${office.spec.code} ${period} ${subject}`, data);
        }
      }
    }
    expect(
      cli([
        'setup',
        '--profile',
        writeJson(root, 'p.json', PROVINCE_PROFILE),
        '--data-dir',
        dataDir,
      ]).status,
    ).toBe(0);
    province = createCore({ dataDir, mode: 'cli' });
    for (const office of offices) {
      const pem = await office.certificatePem();
      await ok(province, 'trust:addCertificate', { base64: Buffer.from(pem).toString('base64') });
    }
    const results = await province.inbox.importPaths([out]);
    expect(results.map((r) => r.outcome)).toEqual(Array(5).fill('accepted'));
  }, 180_000);

  afterAll(() => {
    for (const o of offices) o.close();
    province.close();
  });

  it('counts in each subject only the activities tagged with it', async () => {
    const [caoLoc, vanLang, trangDinh] = OFFICES.map((o) => o.code) as [string, string, string];
    for (const subject of ['trafficking', 'drugs', 'crime', 'all'] as const) {
      const merged = await ok<MergedData>(province, 'inbox:figures', {
        period: '2023-Q1',
        subject,
      });
      expect(merged.subject).toBe(subject);
      expect(pick(merged.figures), subject).toEqual(
        sumFigures([caoLoc, vanLang, trangDinh].map((c) => ownOf(c, '2023-Q1', subject))),
      );
    }
    // The first activity of Cao Lộc's Q1 is about drugs alone.
    const drugsOnly = '2023-Q1-11-0';
    const ids = async (subject: ReportSubject) =>
      (
        await ok<Drill>(province, 'inbox:drill', {
          period: '2023-Q1',
          subject,
          office: caoLoc,
          limit: 5000,
        })
      ).activities.map((a) => a.id);
    expect(await ids('trafficking')).not.toContain(drugsOnly);
    expect(await ids('drugs')).toContain(drugsOnly);
    expect(await ids('all')).toContain(drugsOnly);
    // Without a subject, the trafficking report, as before subjects existed.
    const plain = await ok<MergedData>(province, 'inbox:figures', { period: '2023-Q1' });
    expect(plain.subject).toBe('trafficking');
    const all = await ok<MergedData>(province, 'inbox:figures', {
      period: '2023-Q1',
      subject: 'all',
    });
    expect(plain.figures.activities).toBeLessThan(all.figures.activities);
    // Every activity has a theme: all of them count in the combined report.
    expect(all.figures.activities).toBe(20 + 15 + ownOf(trangDinh, '2023-Q1', 'all').activities);
  });

  it('makes the half year of an office from its two quarters, channel by channel and commune by commune', async () => {
    const code = OFFICES[0]!.code;
    for (const subject of ['trafficking', 'drugs'] as const) {
      const at = (period: string) => ok<MergedData>(province, 'inbox:figures', { period, subject });
      const [q1, q2, h1] = await Promise.all([at('2023-Q1'), at('2023-Q2'), at('2023-H1')]);
      const line = (m: MergedData) => m.offices.find((o) => o.code === code)!;
      for (const c of CHANNELS) {
        const sum = sumFigures([
          { ...q1.figures, byChannel: line(q1).byChannel, activities: 0 },
          { ...q2.figures, byChannel: line(q2).byChannel, activities: 0 },
        ]).byChannel[c];
        expect(line(h1).byChannel[c], `${subject} ${c}`).toEqual(sum);
      }
      const communes = (m: MergedData) =>
        m.figures.byCommune.filter((x) => x.code.startsWith(`${code}/`));
      expect(communes(h1).length).toBeGreaterThan(0);
      for (const x of communes(h1)) {
        const of = (m: MergedData) => communes(m).find((y) => y.code === x.code);
        expect([x.activities, x.audience], x.code).toEqual([
          (of(q1)?.activities ?? 0) + (of(q2)?.activities ?? 0),
          (of(q1)?.audience ?? 0) + (of(q2)?.audience ?? 0),
        ]);
      }
      // And it is what the office's own half-year report says.
      expect(line(h1).byChannel).toEqual(ownOf(code, '2023-H1', subject).byChannel);
      const ownCommunes = ownOf(code, '2023-H1', subject).byCommune;
      expect(communes(h1).map((x) => [x.name, x.activities, x.audience])).toEqual(
        ownCommunes.map((x) => [x.name, x.activities, x.audience]),
      );
    }
  });

  it('takes an office’s own half-year package over its quarters, and sums the rest', async () => {
    const [caoLoc, vanLang, trangDinh] = OFFICES.map((o) => o.code) as [string, string, string];
    const h1 = await ok<MergedData>(province, 'inbox:figures', { period: '2023-H1' });
    // Cao Lộc: Q1 + Q2 (its own H1 report); Văn Lãng: Q1 only; Tràng Định: its H1 package,
    // not H1 and Q1 again.
    const expected = sumFigures([
      ownOf(caoLoc, '2023-H1'),
      ownOf(vanLang, '2023-Q1'),
      ownOf(trangDinh, '2023-H1'),
    ]);
    expect(pick(h1.figures)).toEqual(expected);
    expect(h1.coverage).toEqual([
      {
        officeCode: caoLoc,
        name: 'Phòng Văn hóa và Thông tin huyện Cao Lộc',
        included: ['2023-Q1', '2023-Q2'],
        missing: [],
      },
      {
        officeCode: trangDinh,
        name: 'Phòng Văn hóa và Thông tin huyện Tràng Định',
        included: ['2023-H1'],
        missing: [],
      },
      {
        officeCode: vanLang,
        name: 'Phòng Văn hóa và Thông tin huyện Văn Lãng',
        included: ['2023-Q1'],
        missing: ['2023-Q2'],
      },
    ]);
    expect([h1.expected, h1.reported]).toEqual([3, 2]);
    const year = await ok<MergedData>(province, 'inbox:figures', { period: '2023-Y' });
    expect(year.coverage.map((c) => [c.officeCode, c.included, c.missing])).toEqual([
      [caoLoc, ['2023-Q1', '2023-Q2'], ['2023-Q3', '2023-Q4']],
      // Its half-year package stands for its first two quarters.
      [trangDinh, ['2023-H1'], ['2023-Q3', '2023-Q4']],
      [vanLang, ['2023-Q1'], ['2023-Q2', '2023-Q3', '2023-Q4']],
    ]);
    expect(year.reported).toBe(0);
  });

  it('reports an office with some quarters as partial, keeping INTERCHANGE’s states', async () => {
    const status = await ok<InboxStatus>(province, 'inbox:status', { period: '2023-H1' });
    expect(status.offices.map((o) => [o.code, o.state, o.partial, o.included, o.missing])).toEqual([
      ['LS-CAOLOC-VHTT', 'received', false, ['2023-Q1', '2023-Q2'], []],
      ['LS-TRANGDINH-VHTT', 'received', false, ['2023-H1'], []],
      ['LS-VANLANG-VHTT', 'received', true, ['2023-Q1'], ['2023-Q2']],
    ]);
    const q2 = await ok<InboxStatus>(province, 'inbox:status', { period: '2023-Q2' });
    expect(q2.offices.map((o) => [o.state, o.partial, o.missing])).toEqual([
      ['received', false, []],
      ['missing', false, ['2023-Q2']],
      ['missing', false, ['2023-Q2']],
    ]);
    const text = cli(['inbox', 'status', '--period', '2023-H1', '--data-dir', dataDir]);
    expect(text.stdout).toMatch(/LS-VANLANG-VHTT\t.*\tđã nhận #\d+\t.*\tthiếu 2023-Q2/);
  });

  it('writes the half year’s Word file saying which quarters each office sent', async () => {
    const file = path.join(root, 'h1.docx');
    const r = cli(['inbox', 'report', '--period', '2023-H1', '--out', file, '--data-dir', dataDir]);
    expect(r.status).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const text = plainText(await zip.file('word/document.xml')!.async('string'));
    expect(text).toContain(
      '- Đã nhận được báo cáo kết quả tuyên truyền 6 tháng đầu năm 2023 của 2/3 Phòng Văn hóa và Thông tin huyện, thành phố.',
    );
    expect(text).toContain(
      '- Số liệu 6 tháng đầu năm 2023 được tổng hợp từ báo cáo quý I, quý II năm 2023 của Phòng Văn hóa và Thông tin huyện Cao Lộc; báo cáo 6 tháng đầu năm 2023 của Phòng Văn hóa và Thông tin huyện Tràng Định; báo cáo quý I năm 2023 của Phòng Văn hóa và Thông tin huyện Văn Lãng; đơn vị này chưa gửi báo cáo quý II năm 2023.',
    );
    fs.mkdirSync(path.resolve('test-output/merged'), { recursive: true });
    fs.copyFileSync(file, path.resolve('test-output/merged/bao-cao-tong-hop-2023-H1.docx'));
  });

  it('titles the report by its subject, and keeps texts per subject', async () => {
    await ok(province, 'inbox:saveTexts', {
      period: '2023-Q1',
      subject: 'drugs',
      texts: {
        ...(await ok<ReportTexts>(province, 'inbox:texts', { period: '2023-Q1' })),
        strengths: 'Ma túy: tốt',
      },
    });
    expect(
      (
        await ok<{ strengths: string }>(province, 'inbox:texts', {
          period: '2023-Q1',
          subject: 'drugs',
        })
      ).strengths,
    ).toBe('Ma túy: tốt');
    expect(
      (await ok<{ strengths: string }>(province, 'inbox:texts', { period: '2023-Q1' })).strengths,
    ).toBe('');
    const file = path.join(root, 'drugs.docx');
    const r = cli([
      'inbox',
      'report',
      '--period',
      '2023-Q1',
      '--theme',
      'drugs',
      '--out',
      file,
      '--data-dir',
      dataDir,
    ]);
    expect(r.status).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const text = plainText(await zip.file('word/document.xml')!.async('string'));
    expect(text).toContain('Kết quả tuyên truyền công tác phòng, chống ma túy\nquý I năm 2023');
    expect(text).toContain(
      'báo cáo kết quả tuyên truyền công tác phòng, chống ma túy quý I năm 2023 như sau:',
    );
    expect(text).toContain('Ma túy: tốt');
  });

  it('prints the merged figures with --json in exactly the shape of an office’s report --json', () => {
    const officeDir = offices[0]!.dir;
    const office = cli(['report', '--period', '2023-Q1', '--json', '--data-dir', officeDir]);
    expect(office.status).toBe(0);
    const merged = cli(['inbox', 'report', '--period', '2023-Q1', '--json', '--data-dir', dataDir]);
    expect(merged.status).toBe(0);
    const a = JSON.parse(office.stdout) as ReportFigures;
    const b = JSON.parse(merged.stdout) as ReportFigures;
    expect(Object.keys(b)).toEqual(['period', 'activities', 'byChannel', 'byCommune', 'flagged']);
    expect(shape(b)).toEqual(shape(a));
    expect(b.activities).toBe(OFFICES.reduce((n, o) => n + ownOf(o.code, '2023-Q1').activities, 0));
    const drugs = cli([
      'inbox',
      'report',
      '--period',
      '2023-Q1',
      '--theme',
      'drugs',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(drugs.status).toBe(0);
    expect((JSON.parse(drugs.stdout) as ReportFigures).activities).toBe(
      OFFICES.reduce((n, o) => n + ownOf(o.code, '2023-Q1', 'drugs').activities, 0),
    );
    const bad = cli([
      'inbox',
      'report',
      '--period',
      '2023-Q1',
      '--theme',
      'ma-tuy',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('ma-tuy');
    expect(cli(['inbox', 'report', '--period', '2023-Q1', '--data-dir', dataDir]).status).toBe(2);
  });

  it('warns on stderr of empty sections and of a period nobody reported, and still writes the file', () => {
    const file = path.join(root, 'q4.docx');
    const r = cli(['inbox', 'report', '--period', '2023-Q4', '--out', file, '--data-dir', dataDir]);
    expect(r.status).toBe(0);
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'Cảnh báo: mục 1 "Công tác chỉ đạo, triển khai thực hiện" đang trống.',
      'Cảnh báo: mục 3.1 "Ưu điểm" đang trống.',
      'Cảnh báo: mục 3.2 "Tồn tại, hạn chế" đang trống.',
      'Cảnh báo: mục 4 "Phương hướng, nhiệm vụ trong thời gian tới" đang trống.',
      'Cảnh báo: chưa có đơn vị nào gửi báo cáo quý IV năm 2023.',
    ]);
    const en = cli([
      'inbox',
      'report',
      '--period',
      '2023-Q4',
      '--out',
      file,
      '--data-dir',
      dataDir,
      '--lang',
      'en',
    ]);
    expect(en.stderr).toContain('Warning: section 3.1 "Strengths" is empty.');
    expect(en.stderr).toContain('Warning: no office has reported for 2023-Q4.');
  });
});
