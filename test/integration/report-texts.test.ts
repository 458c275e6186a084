// What a new report's texts start from and how they are kept: the letter asking for the
// report opens it (and leaves section 1), the office's own sentences for the rest of the
// register, "Nơi nhận" from the profile, staff's paragraphs in section 2; a save that
// leaves a field out keeps it; texts saved before these fields existed read as printed.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, DB_FILE, type Core } from '../../electron/core';
import type { Result } from '../../shared/errors';
import type { ReportFileView, ReportTexts } from '../../shared/report';
import { plainText, zipPart } from './docxRender';
import { PROFILE, tempDir } from './helpers';

const KEY = { period: '2023-Q3', subject: 'trafficking' as const };

async function value<T>(result: Promise<Result<unknown>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

const REGISTER = [
  {
    number: '1614/STTTT-TTBCXB',
    date: '2023-07-13',
    issuer: 'Sở Thông tin và Truyền thông',
    subject: 'tuyên truyền Ngày toàn dân phòng, chống mua bán người - 30/7',
    direction: 'incoming',
  },
  {
    number: '215/VHTT',
    date: '2023-07-17',
    issuer: 'Phòng Văn hóa và Thông tin',
    subject: 'V/v hướng dẫn tuyên truyền Ngày toàn dân phòng, chống mua bán người',
    direction: 'outgoing',
  },
  // Asks for a report, dated in the quarter (which starts on 15 June), but names another
  // one: the letter naming the quarter is the opening's.
  {
    number: '1502/UBND-NC',
    date: '2023-06-20',
    issuer: 'Ủy ban nhân dân huyện Cao Lộc',
    subject: 'báo cáo công tác quý II năm 2023',
    direction: 'incoming',
  },
  {
    number: '1820/UBND-NC',
    date: '2023-09-11',
    issuer: 'Ủy ban nhân dân huyện Cao Lộc',
    subject: 'báo cáo kết quả công tác phòng, chống mua bán người quý III năm 2023',
    direction: 'incoming',
  },
  // Two months after the quarter: about the next report.
  {
    number: '2101/UBND-NC',
    date: '2023-11-20',
    issuer: 'Ủy ban nhân dân huyện Cao Lộc',
    subject: 'báo cáo tình hình thực hiện kế hoạch năm 2023',
    direction: 'incoming',
  },
];

describe('report texts: the request letter, section 2 paragraphs and "Nơi nhận"', () => {
  let dir: string;
  let core: Core;

  beforeAll(async () => {
    dir = tempDir('tt-texts-');
    core = createCore({ dataDir: dir, mode: 'cli' });
    const profile = JSON.parse(fs.readFileSync(PROFILE, 'utf8')) as {
      office: Record<string, unknown>;
    };
    profile.office.copies = ['Lãnh đạo Phòng', 'UBND huyện Cao Lộc'];
    profile.office.filing = 'VT, VHTT';
    profile.office.drafter = 'NVA';
    await value(core.call('profile:save', profile));
    for (const d of REGISTER) await value(core.call('directives:save', d));
  });

  afterAll(() => core?.close());

  it('opens a new report with the letter asking for it, and cites the rest as sentences', async () => {
    const t = await value<ReportTexts>(core.call('report:texts', KEY));
    expect(t.request).toBe(
      'Công văn số 1820/UBND-NC ngày 11/9/2023 của Ủy ban nhân dân huyện Cao Lộc về việc báo cáo kết quả công tác phòng, chống mua bán người quý III năm 2023',
    );
    // The request is the opening's; section 1 has the period's other directives, as
    // sentences with a subject and a verb.
    expect(t.directives).toEqual([
      'Tiếp nhận và triển khai thực hiện Công văn số 1502/UBND-NC ngày 20/6/2023 của Ủy ban nhân dân huyện Cao Lộc về việc báo cáo công tác quý II năm 2023.',
      'Tiếp nhận và triển khai thực hiện Công văn số 1614/STTTT-TTBCXB ngày 13/7/2023 của Sở Thông tin và Truyền thông về việc tuyên truyền Ngày toàn dân phòng, chống mua bán người - 30/7.',
      'Phòng Văn hóa và Thông tin đã ban hành Công văn số 215/VHTT ngày 17/7/2023 về việc hướng dẫn tuyên truyền Ngày toàn dân phòng, chống mua bán người.',
    ]);
    expect(t.copies).toEqual(['Như trên', 'Lãnh đạo Phòng', 'UBND huyện Cao Lộc']);
    expect(t.filing).toBe('VT, VHTT');
    expect(t.drafter).toBe('NVA');
    expect(t.resultsBefore).toBe('');
    expect(t.resultsAfter).toBe('');
  });

  it('prints the opening, the paragraphs and "Nơi nhận" as saved', async () => {
    const start = await value<ReportTexts>(core.call('report:texts', KEY));
    await value(
      core.call('report:saveTexts', {
        ...KEY,
        texts: {
          ...start,
          number: '27',
          date: '2023-10-05',
          resultsBefore: 'Quý III có Ngày toàn dân phòng, chống mua bán người.',
          resultsAfter:
            'Đài Truyền thanh - Truyền hình huyện duy trì chuyên mục "Vì an ninh Tổ quốc".\n\nPhát 2 kỳ mỗi tháng.',
          copies: ['Như trên;', '- Lãnh đạo Phòng'],
          drafter: '(LTH)',
        },
      }),
    );
    const file = await value<ReportFileView>(core.call('report:docx', KEY));
    const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
    const lines = plainText(await zipPart(zip, 'word/document.xml')).split('\n');
    expect(lines).toContain(
      'Thực hiện Công văn số 1820/UBND-NC ngày 11/9/2023 của Ủy ban nhân dân huyện Cao Lộc về việc báo cáo kết quả công tác phòng, chống mua bán người quý III năm 2023, Phòng Văn hóa và Thông tin báo cáo kết quả tuyên truyền như sau:',
    );
    // Staff's paragraphs frame the generated ones: before the first, after the table.
    const heading = lines.indexOf('2. Kết quả thông tin, tuyên truyền');
    expect(lines[heading + 1]).toBe('Quý III có Ngày toàn dân phòng, chống mua bán người.');
    expect(lines[heading + 2]).toMatch(/^- Trong quý III năm 2023 \(từ ngày 15\/6\/2023 /);
    const after = lines.indexOf(
      'Đài Truyền thanh - Truyền hình huyện duy trì chuyên mục "Vì an ninh Tổ quốc".',
    );
    expect(after).toBeGreaterThan(lines.indexOf('Tổng cộng'));
    expect(lines[after + 1]).toBe('Phát 2 kỳ mỗi tháng.');
    expect(lines[after + 2]).toBe('3. Đánh giá chung');
    // "Nơi nhận" as officers write it, however the lines were typed.
    const to = lines.indexOf('Nơi nhận:');
    expect(lines.slice(to + 1, to + 4)).toEqual([
      '- Như trên;',
      '- Lãnh đạo Phòng;',
      '- Lưu: VT, VHTT (LTH).',
    ]);
  });

  it('keeps a field a save leaves out, as a texts file from before it existed', async () => {
    const before = await value<ReportTexts>(core.call('report:texts', KEY));
    const { number, date, recipients, directives, strengths, limitations } = before;
    const saved = await value<ReportTexts>(
      core.call('report:saveTexts', {
        ...KEY,
        texts: { number, date, recipients, directives, strengths, limitations, nextSteps: 'Mới.' },
      }),
    );
    expect(saved).toEqual({ ...before, nextSteps: 'Mới.' });
    expect(await value<ReportTexts>(core.call('report:texts', KEY))).toEqual(saved);
  });

  it('refuses a bad field with its name and keeps the draft', async () => {
    const before = await value<ReportTexts>(core.call('report:texts', KEY));
    const r = await core.call('report:saveTexts', {
      ...KEY,
      texts: { ...before, copies: ['Như trên', ''] },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/copies/);
    expect(await value<ReportTexts>(core.call('report:texts', KEY))).toEqual(before);
  });

  it('reads a draft saved before these fields as those reports printed it', async () => {
    // A draft row as an older version wrote it: seven fields.
    const old = {
      number: '3',
      date: '2023-04-05',
      recipients: ['Sở Thông tin và Truyền thông'],
      directives: [],
      strengths: '',
      limitations: '',
      nextSteps: '',
    };
    const raw = new BetterSqlite3(path.join(dir, DB_FILE));
    raw
      .prepare(
        `INSERT INTO report_drafts (period_key, subject, period_from, texts, updated_at)
         VALUES ('2023-Q2', 'trafficking', '2023-03-15', ?, '2023-04-05T00:00:00Z')`,
      )
      .run(JSON.stringify(old));
    raw.close();
    const t = await value<ReportTexts>(
      core.call('report:texts', { period: '2023-Q2', subject: 'trafficking' }),
    );
    expect(t).toEqual({
      ...old,
      request: '',
      resultsBefore: '',
      resultsAfter: '',
      copies: ['Như trên'],
      filing: 'VT',
      drafter: '',
    });
  });
});

describe('report wording from the logbook: where news appeared, estimates', () => {
  let core: Core;
  const Q = { period: '2023-Q4', subject: 'trafficking' as const };
  const base = { communes: [], themes: ['trafficking'], date: '2023-10-02' };

  beforeAll(async () => {
    core = createCore({ dataDir: tempDir('tt-sources-'), mode: 'cli' });
    await value(core.call('profile:save', JSON.parse(fs.readFileSync(PROFILE, 'utf8'))));
    const items = [
      {
        channel: 'online',
        title: 'Tin 1',
        measures: { items: 3, url: 'https://www.tintuclangson.vn/a' },
      },
      { channel: 'online', title: 'Tin 2', measures: { items: 2, url: 'www.TinTucLangSon.vn/b' } },
      {
        channel: 'online',
        title: 'Tin 3',
        measures: { items: 1, url: 'https://facebook.com/LangsonNews/posts/1' },
      },
      { channel: 'online', title: 'Tin 4', measures: { items: 1 } },
      {
        channel: 'press',
        title: 'Phóng sự',
        measures: {
          items: 2,
          minutes: 30,
          outlet: 'Báo Lạng Sơn',
          programme: '“Vì an ninh Xứ Lạng”',
        },
      },
      {
        channel: 'press',
        title: 'Tọa đàm',
        measures: { items: 1, minutes: 0, outlet: 'báo lạng sơn', programme: 'Pháp luật' },
      },
      {
        channel: 'meeting',
        title: 'Họp dân ở chợ phiên',
        communes: ['CL-HT'],
        audience: 300,
        audienceEstimated: true,
        measures: { sessions: 1 },
      },
      {
        channel: 'meeting',
        title: 'Họp chi bộ',
        communes: ['CL-HT'],
        audience: 40,
        measures: { sessions: 1 },
      },
    ];
    for (const a of items) await value(core.call('activities:create', { ...base, ...a }));
  });

  afterAll(() => core?.close());

  it('names the sites and outlets, and says "khoảng" only before an estimated audience', async () => {
    const file = await value<ReportFileView>(core.call('report:docx', Q));
    const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
    const text = plainText(await zipPart(zip, 'word/document.xml'));
    // Sites by use (the same host however typed), a Facebook page as a fanpage.
    expect(text).toContain(
      '+ Trên trang thông tin điện tử, fanpage: đã đăng tải 7 tin, bài, ảnh trên www.tintuclangson.vn và fanpage LangsonNews.',
    );
    // One outlet however spelt, with both programmes, quoted once.
    expect(text).toContain(
      '+ Trên báo, đài phát thanh - truyền hình: đã đăng tải, phát sóng 3 tin, bài trên Báo Lạng Sơn (chuyên mục "Vì an ninh Xứ Lạng", "Pháp luật"), tổng thời lượng 30 phút.',
    );
    expect(text).toContain(
      '+ Tổ chức 2 buổi hội nghị, nói chuyện chuyên đề, tập huấn với khoảng 340 lượt người tham dự.',
    );
    expect(text).toContain('với khoảng 340 lượt người được tiếp cận');
    // The appendix tells where each item is.
    expect(text).toContain('Tin 1 (https://www.tintuclangson.vn/a)');
    expect(text).toContain('Phóng sự (Báo Lạng Sơn (chuyên mục "Vì an ninh Xứ Lạng"))');
  });

  it('drops "khoảng" when the estimate is corrected to a count', async () => {
    const rows = await value<{ id: string; title: string }[]>(
      core.call('activities:list', { period: '2023-Q4' }),
    );
    const market = rows.find((r) => r.title === 'Họp dân ở chợ phiên')!;
    await value(
      core.call('activities:update', {
        id: market.id,
        activity: {
          ...base,
          channel: 'meeting',
          title: 'Họp dân ở chợ phiên',
          communes: ['CL-HT'],
          audience: 280,
          measures: { sessions: 1 },
        },
      }),
    );
    const data = await value<{ estimated?: string[] }>(core.call('report:data', Q));
    expect(data.estimated).toEqual([]);
    const file = await value<ReportFileView>(core.call('report:docx', Q));
    const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
    const text = plainText(await zipPart(zip, 'word/document.xml'));
    expect(text).toContain('tập huấn với 320 lượt người tham dự.');
    expect(text).not.toContain('khoảng');
  });
});
