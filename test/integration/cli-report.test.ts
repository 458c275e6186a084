// `tuyentruyen report` by subject and with written texts, through the built CLI: --theme
// counts only the activities of its subject, `report texts` prints what `--texts` takes
// back, empty sections are named on stderr, and a locked period refuses new texts.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { SUBJECT_PHRASES, type ReportSubject } from '../../shared/domain';
import type { ReportFigures, ReportTexts } from '../../shared/report';
import { cli, PROFILE, ROOT, tempDir, writeJson } from './helpers';

const PASS = { TUYENTRUYEN_PASSPHRASE: 'mật khẩu đúng 123' };
const QUARTER = path.join(ROOT, 'test/fixtures/quarter-2023-q3.json');
/** 2023-Q3 under the profile's decree09 cut-off. */
const Q3 = { from: '2023-06-15', to: '2023-09-14' };

/** A meeting about drugs only: the trafficking report must not count it. */
const DRUGS_MEETING = {
  id: 'q3-meeting-drugs',
  channel: 'meeting',
  date: '2023-08-22',
  communes: ['CL-BL'],
  themes: ['drugs'],
  title: 'Họp dân tuyên truyền phòng, chống ma túy',
  audience: 60,
  measures: { sessions: 1 },
};

const WARNINGS_VI = [
  'Cảnh báo: mục 1 "Công tác chỉ đạo, triển khai thực hiện" đang trống.',
  'Cảnh báo: mục 3.1 "Ưu điểm" đang trống.',
  'Cảnh báo: mục 3.2 "Tồn tại, hạn chế" đang trống.',
  'Cảnh báo: mục 4 "Phương hướng, nhiệm vụ trong thời gian tới" đang trống.',
];

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

/** A data folder with the profile, the quarter fixture and the drugs-only meeting. */
function mixedDataDir(): { dir: string; d: string[] } {
  const dir = tempDir('tt-rep-');
  const d = ['--data-dir', path.join(dir, 'data')];
  expect(cli(['setup', '--profile', PROFILE, ...d]).status).toBe(0);
  expect(cli(['activities', 'import', QUARTER, ...d]).status).toBe(0);
  const extra = writeJson(dir, 'drugs.json', [DRUGS_MEETING]);
  expect(cli(['activities', 'import', extra, ...d]).status).toBe(0);
  return { dir, d };
}

function figures(d: string[], ...theme: string[]): ReportFigures {
  const r = cli(['report', '--period', '2023-Q3', '--json', ...theme, ...d]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as ReportFigures;
}

function texts(d: string[], ...more: string[]): ReportTexts {
  const r = cli(['report', 'texts', '--period', '2023-Q3', ...more, ...d]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as ReportTexts;
}

/** The visible words of a Word file (runs joined, tags dropped). */
async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
}

describe('report --theme', () => {
  let dir: string;
  let d: string[];
  beforeAll(() => {
    ({ dir, d } = mixedDataDir());
  });

  it('counts only the activities tagged with the subject; all counts every one', () => {
    const records = [
      ...(JSON.parse(fs.readFileSync(QUARTER, 'utf8')) as { date: string; themes: string[] }[]),
      DRUGS_MEETING,
    ].filter((a) => a.date >= Q3.from && a.date <= Q3.to);
    const tagged = (theme: string) => records.filter((a) => a.themes.includes(theme)).length;

    const byDefault = figures(d);
    const trafficking = figures(d, '--theme', 'trafficking');
    const drugs = figures(d, '--theme', 'drugs');
    const crime = figures(d, '--theme', 'crime');
    const all = figures(d, '--theme', 'all');
    expect(byDefault).toEqual(trafficking);
    expect([trafficking, drugs, crime, all].map((f) => f.activities)).toEqual([
      tagged('trafficking'),
      tagged('drugs'),
      tagged('crime'),
      records.length,
    ]);
    // The numbers themselves, so a fixture change that hid the difference is noticed.
    expect([trafficking, drugs, crime, all].map((f) => f.activities)).toEqual([9, 3, 2, 10]);
    // The drugs-only meeting: out of the trafficking report, in the drugs and overall ones.
    expect(trafficking.byChannel.meeting.activities).toBe(1);
    expect(drugs.byChannel.meeting).toMatchObject({ activities: 1, audience: 60 });
    expect(all.byChannel.meeting.activities).toBe(2);
    expect(trafficking.byCommune.find((c) => c.code === 'CL-BL')!.activities).toBe(
      all.byCommune.find((c) => c.code === 'CL-BL')!.activities - 1,
    );
  });

  it('writes the Word file of the subject named', async () => {
    const made: Record<string, string> = {};
    for (const subject of ['trafficking', 'drugs'] as ReportSubject[]) {
      const out = path.join(dir, `${subject}.docx`);
      const r = cli(['report', '--period', '2023-Q3', '--theme', subject, '--out', out, ...d]);
      expect(r.status).toBe(0);
      expect(r.stdout.trim()).toBe(`Đã ghi báo cáo vào ${out}`);
      made[subject] = await docxText(out);
    }
    expect(made.trafficking).toContain(SUBJECT_PHRASES.trafficking);
    expect(made.drugs).toContain(SUBJECT_PHRASES.drugs);
    expect(made.drugs).not.toEqual(made.trafficking);
  });

  it('refuses an unknown subject as wrong usage, naming the allowed ones', () => {
    for (const args of [
      ['report', '--period', '2023-Q3', '--theme', 'smuggling', '--json'],
      ['report', 'texts', '--period', '2023-Q3', '--theme', 'smuggling'],
    ]) {
      const r = cli([...args, ...d]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim()).toBe(
        'Sai cách dùng: chủ đề báo cáo "smuggling" không có; dùng một trong: trafficking, drugs, crime, all. Xem "tuyentruyen --help".',
      );
    }
  });
});

describe('report texts and --texts', () => {
  let dir: string;
  let d: string[];
  beforeAll(() => {
    ({ dir, d } = mixedDataDir());
  });

  it('prints the texts in the shape --texts takes, and takes them back unchanged', async () => {
    const start = texts(d);
    expect(Object.keys(start)).toEqual([
      'number',
      'date',
      'recipients',
      'request',
      'directives',
      'resultsBefore',
      'resultsAfter',
      'strengths',
      'limitations',
      'nextSteps',
      'copies',
      'filing',
      'drafter',
    ]);
    // A fresh period starts from the profile's recipients, as the screen does.
    expect(start.recipients).toEqual(['Sở Thông tin và Truyền thông']);

    const written: ReportTexts = {
      number: '27',
      date: '2023-09-20',
      recipients: [...start.recipients, 'UBND huyện Cao Lộc'],
      request: '',
      directives: ['Thực hiện Kế hoạch số 125/KH-UBND ngày 10/7/2023 của UBND huyện.'],
      resultsBefore: '',
      resultsAfter: 'Đài truyền thanh huyện duy trì chuyên mục Vì an ninh Tổ quốc.',
      strengths: 'Tuyên truyền đến tận thôn bản vùng biên giới.',
      limitations: 'Kinh phí còn hạn chế.',
      nextSteps: 'Tăng tuyên truyền bằng tiếng Tày, Nùng.',
      copies: ['Như trên', 'Lãnh đạo Phòng'],
      filing: 'VT',
      drafter: 'NVA',
    };
    const file = writeJson(dir, 'texts.json', written);
    const out = path.join(dir, 'with-texts.docx');
    const r = cli(['report', '--period', '2023-Q3', '--texts', file, '--out', out, ...d]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(lines(r.stdout)).toEqual([
      `Đã lưu nội dung báo cáo từ ${file}`,
      `Đã ghi báo cáo vào ${out}`,
    ]);
    expect(texts(d)).toEqual(written);
    const words = await docxText(out);
    for (const part of [
      written.strengths,
      written.limitations,
      written.nextSteps,
      written.resultsAfter,
      '- Lãnh đạo Phòng;',
      '- Lưu: VT (NVA).',
    ])
      expect(words).toContain(part);
    expect(words).toContain('Số: 27/BC-VHTT');

    // Texts are kept per subject: the drugs report has its own.
    expect(texts(d, '--theme', 'drugs').strengths).toBe('');
    // And the next period starts from these, like the screen's new draft.
    const next = cli(['report', 'texts', '--period', '2023-Q4', ...d]);
    expect(next.status).toBe(0);
    expect(JSON.parse(next.stdout)).toMatchObject({
      number: '',
      recipients: written.recipients,
      strengths: written.strengths,
      limitations: written.limitations,
      nextSteps: written.nextSteps,
    });

    // With --json the notes go to stderr and stdout stays JSON.
    const both = cli(['report', '--period', '2023-Q3', '--texts', file, '--json', ...d]);
    expect(both.status).toBe(0);
    expect(JSON.parse(both.stdout)).toMatchObject({ activities: 9 });
    expect(both.stderr.trim()).toBe(`Đã lưu nội dung báo cáo từ ${file}`);
  });

  it('refuses a bad texts file with one sentence naming the file and the field, saving nothing', () => {
    const before = texts(d);
    const out = path.join(dir, 'never.docx');
    const cases: [string, string, string][] = [
      ['date.json', JSON.stringify({ ...before, date: '2023-02-30' }), '"date"'],
      ['recipients.json', JSON.stringify({ ...before, recipients: 'Sở' }), '"recipients"'],
      ['missing.json', JSON.stringify({ ...before, nextSteps: undefined }), '"nextSteps"'],
      ['extra.json', JSON.stringify({ ...before, signer: 'Nguyễn Văn A' }), '"signer"'],
      ['broken.json', '{ "number": ', 'không phải JSON hợp lệ'],
    ];
    for (const [name, content, field] of cases) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      const r = cli(['report', '--period', '2023-Q3', '--texts', file, '--out', out, ...d]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(lines(r.stderr)).toHaveLength(1);
      expect(r.stderr).toMatch(new RegExp(`^Tệp ${file.replace(/[.]/g, '\\.')}: `));
      expect(r.stderr).toContain(field);
    }
    const en = cli([
      'report',
      '--period',
      '2023-Q3',
      '--texts',
      path.join(dir, 'date.json'),
      '--json',
      '--lang',
      'en',
      ...d,
    ]);
    expect(en.status).toBe(1);
    expect(en.stdout).toBe('');
    expect(en.stderr.trim()).toMatch(/^File .*date\.json: Field "date" /);
    const absent = cli([
      'report',
      '--period',
      '2023-Q3',
      '--texts',
      path.join(dir, 'no.json'),
      ...d,
    ]);
    expect(absent.status).toBe(1);
    expect(absent.stderr.trim()).toBe(`Không đọc được tệp ${path.join(dir, 'no.json')}.`);
    expect(fs.existsSync(out)).toBe(false);
    expect(texts(d)).toEqual(before);
  });
});

describe('empty sections', () => {
  it('are named on stderr, one line each, when the Word file is made; the exit stays 0', async () => {
    const { dir, d } = mixedDataDir();
    const out = path.join(dir, 'r.docx');
    const r = cli(['report', '--period', '2023-Q3', '--out', out, ...d]);
    expect(r.status).toBe(0);
    expect(lines(r.stderr)).toEqual(WARNINGS_VI);
    expect(fs.existsSync(out)).toBe(true);

    const en = cli(['report', '--period', '2023-Q3', '--out', out, '--lang', 'en', ...d]);
    expect(en.status).toBe(0);
    expect(lines(en.stderr)).toEqual([
      'Warning: section 1 "Direction and implementation" is empty.',
      'Warning: section 3.1 "Strengths" is empty.',
      'Warning: section 3.2 "Shortcomings and limitations" is empty.',
      'Warning: section 4 "Tasks for the time ahead" is empty.',
    ]);
    // Figures alone make no Word file: nothing to warn about.
    expect(cli(['report', '--period', '2023-Q3', '--json', ...d]).stderr).toBe('');

    // A directive of the period in the register fills section 1 of the new draft, as on
    // the screen: only the three written sections are left to name.
    const core = createCore({ dataDir: d[1]!, mode: 'cli' });
    try {
      const saved = await core.call('directives:save', {
        number: '125/KH-UBND',
        date: '2023-07-10',
        issuer: 'UBND huyện Cao Lộc',
        subject: 'tuyên truyền phòng, chống mua bán người năm 2023',
        direction: 'incoming',
      });
      expect(saved.ok).toBe(true);
    } finally {
      core.close();
    }
    const after = cli(['report', '--period', '2023-Q3', '--out', out, ...d]);
    expect(after.status).toBe(0);
    expect(lines(after.stderr)).toEqual(WARNINGS_VI.slice(1));
    expect((await docxText(out)).includes('125/KH-UBND')).toBe(true);
  });
});

describe('--texts in a locked period', () => {
  it('is refused with exit 1, no file written and the signed texts unchanged', () => {
    const { dir, d } = mixedDataDir();
    const exported = cli(
      ['export', '--period', '2023-Q3', '--out', path.join(dir, 'out'), ...d],
      PASS,
    );
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    const signed = texts(d);

    const file = writeJson(dir, 'texts.json', {
      ...signed,
      number: '99',
      strengths: 'Sửa sau khi ký.',
    });
    const out = path.join(dir, 'locked.docx');
    const r = cli(['report', '--period', '2023-Q3', '--texts', file, '--out', out, ...d]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain('Báo cáo quý III năm 2023 đã xuất gói và ký nên đã khóa');
    expect(r.stderr).toContain('Mở khóa để sửa');
    expect(fs.existsSync(out)).toBe(false);
    expect(texts(d)).toEqual(signed);

    const en = cli(['report', '--period', '2023-Q3', '--texts', file, '--lang', 'en', ...d]);
    expect(en.status).toBe(1);
    expect(en.stderr).toContain('is locked');
    expect(texts(d)).toEqual(signed);
  });
});
