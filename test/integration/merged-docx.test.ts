// The province's merged report as Word: seed 000's layout from the office report's blocks,
// section 2 naming who reported and ending with a table by office whose totals are the
// rows' sums, a column for each channel with figures (those past the portrait page's width
// in a second table by office); two builds of the same input are identical; LibreOffice
// renders it on A4. A half year made of quarters says which; another subject titles the
// report with it.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildMergedDocx,
  OFFICES_CAPTION,
  OFFICES_NEXT_CAPTION,
  type MergedDocumentInput,
} from '../../electron/core/report/mergedDocx';
import { TEXT_WIDTH } from '../../electron/core/report/docxStyle';
import { CHANNEL_MEASURES, CHANNELS, type Channel } from '../../shared/domain';
import { formatNumber } from '../../shared/format';
import type { MergedData, OfficeFigures } from '../../shared/inbox';
import type { ChannelFigures } from '../../shared/report';
import { MERGED_DATA, MERGED_INPUT, OFFICES } from '../fixtures/mergedData';
import { convertToPdf, pdfInfo, pdfText, plainText, zipPart, zipParts } from './docxRender';
import { ROOT } from './helpers';

const OUT = path.join(ROOT, 'test-output/merged');
const DOCX = path.join(OUT, 'bao-cao-tong-hop-2023-Q3.docx');

let buffer: Buffer;
let zip: JSZip;
let documentXml: string;
let text: string;

beforeAll(async () => {
  buffer = await buildMergedDocx(MERGED_INPUT);
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(DOCX, buffer);
  zip = await JSZip.loadAsync(buffer);
  documentXml = await zipPart(zip, 'word/document.xml');
  text = plainText(documentXml);
});

/** The first table after a caption, as its XML. */
function tableAfter(xml: string, caption: string): string | undefined {
  const at = xml.indexOf(`>${caption}<`);
  return at < 0 ? undefined : /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml.slice(at))?.[0];
}

/** A table's rows, each as the text of its cells. */
const rowsOf = (table: string): string[][] =>
  (table.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []).map((row) =>
    (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((c) =>
      plainText(c).trim().replace(/\n/g, ' '),
    ),
  );

/** The table by office and its continuation, each row as the text of its cells. */
function officeRows(caption = OFFICES_CAPTION, xml = documentXml): string[][] {
  const table = tableAfter(xml, caption);
  if (!table) throw new Error(`no table after "${caption}"`);
  return rowsOf(table);
}

const gridOf = (table: string) =>
  [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));

/** The first columns' channels, then the continuation's: the fixture has no press, SMS, model. */
const FIRST: readonly Channel[] = ['van', 'banner', 'cinema', 'radio'];
const NEXT: readonly Channel[] = ['leaflet', 'meeting', 'online'];

/** An office's row as the table should print it: numbers the Vietnamese way, "-" for zero. */
function expectedRow(i: number, channels: readonly Channel[], lead: boolean): string[] {
  const o = OFFICES[i]!;
  const label = o.name.normalize('NFC').replace('Phòng Văn hóa và Thông tin', 'Phòng VH&TT');
  if (o.state === 'missing') return [String(i + 1), label, 'Chưa báo cáo'];
  const dash = (n: number) => (n > 0 ? formatNumber(n) : '-');
  // A channel's main measure is its first count (shared/domain.ts).
  const main = channels.map((c) =>
    dash(o.byChannel[c].measures[CHANNEL_MEASURES[c].counts[0]!] ?? 0),
  );
  return [
    String(i + 1),
    label,
    ...(lead ? [formatNumber(o.activities), ...main, dash(o.audience)] : main),
  ];
}

describe('merged report .docx', () => {
  it('heads the report as the province office, with seed 000 subject and recipient', () => {
    const header = text.replace(/\u00A0/g, ' ');
    expect(header).toContain('UBND TỈNH LẠNG SƠN');
    // The department's long name is broken before "VÀ", each word of two syllables whole.
    expect(header).toContain('SỞ THÔNG TIN\nVÀ TRUYỀN THÔNG');
    expect(text).toContain('Số: 245/BC-STTTT');
    expect(text).toContain('Lạng Sơn, ngày 10 tháng 10 năm 2023');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain(
      'Kết quả tuyên truyền công tác phòng, chống mua bán người\nquý III năm 2023',
    );
    expect(text).toContain('Kính gửi: Ban Chỉ đạo 138 tỉnh (Phòng PV01 - Công an tỉnh).');
    expect(text).toContain(
      // Seed 000 opens with the letter that asked for the report.
      'Thực hiện Công văn số 4502/BCĐ-CAT ngày 08/9/2023 của Ban Chỉ đạo 138 tỉnh về việc báo cáo công tác phòng, chống tội phạm; phòng, chống mua bán người quý III năm 2023, Sở Thông tin và Truyền thông tổng hợp báo cáo của Phòng Văn hóa và Thông tin các huyện, thành phố và báo cáo kết quả tuyên truyền như sau:',
    );
    expect(text).toContain('- Như trên;\n- Lãnh đạo Sở;\n- Lưu: VT, TTBCXB (LMV).');
  });

  it('writes sections 1 to 4 in order', () => {
    const headings = [
      '1. Công tác chỉ đạo, triển khai thực hiện',
      '2. Kết quả thông tin, tuyên truyền',
      '3. Đánh giá chung',
      '3.1. Ưu điểm',
      '3.2. Tồn tại, hạn chế',
      '4. Phương hướng, nhiệm vụ trong thời gian tới',
    ];
    const at = headings.map((h) => text.indexOf(`\n${h}\n`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('- Trong quý III năm 2023, Sở Thông tin và Truyền thông đã ban hành');
  });

  it('says who reported, then the merged figures by channel and flagged commune', () => {
    expect(text).toContain(
      '- Đã nhận được báo cáo kết quả tuyên truyền quý III năm 2023 của 2/3 Phòng Văn hóa và Thông tin huyện, thành phố; chưa nhận được báo cáo của Phòng Văn hóa và Thông tin huyện Tràng Định.',
    );
    expect(text).toContain(
      '- Trong quý III năm 2023 (từ ngày 15/6/2023 đến ngày 14/9/2023), Phòng Văn hóa và Thông tin các huyện, thành phố đã tổ chức, phối hợp thực hiện 135 hoạt động tuyên truyền tại 9 xã, thị trấn với 39.080 lượt người được tiếp cận; tổng kinh phí 32.900.000 đồng, cụ thể như sau:',
    );
    expect(text).toContain(
      '+ Tuyên truyền bằng xe thông tin lưu động 21 buổi, quãng đường 600 km, thời lượng phát thanh 1.575 phút, 9.070 lượt người nghe; kinh phí 10.500.000 đồng.',
    );
    expect(text).toContain('đã phát 82 tin, bài (246 lượt phát)');
    // Shares, not lists: a province's list of flagged communes would run for pages.
    expect(text).toContain('5/5 xã, thị trấn biên giới với');
    expect(text).toContain('1/2 xã vùng sâu, vùng xa với 8 hoạt động');
    expect(text).not.toContain('biên giới (xã Hợp Thành');
    expect(text).toContain('Số liệu tổng hợp theo hình thức tuyên truyền:');
    // The summary by channel: the merged totals.
    expect(text).toMatch(/Tổng cộng\n135\n\n39\.080\n32\.900\.000/);
    expect(text.indexOf('Kết quả tuyên truyền của các đơn vị:')).toBeLessThan(
      text.indexOf('3. Đánh giá chung'),
    );
  });

  it('lists every office with its figures, the missing one marked, and the sums', () => {
    const rows = officeRows();
    expect(rows[0]).toEqual([
      'STT',
      'Đơn vị',
      'Số hoạt động',
      'Xe lưu động (buổi)',
      'Băng rôn (chiếc)',
      'Chiếu phim (buổi)',
      'Truyền thanh (tin, bài)',
      'Số lượt người',
    ]);
    expect(rows.slice(1, -1)).toEqual(OFFICES.map((_, i) => expectedRow(i, FIRST, true)));
    expect(rows[1]).toEqual([
      '1',
      'Phòng VH&TT huyện Cao Lộc',
      '85',
      '12',
      '45',
      '10',
      '46',
      '22.850',
    ]);
    expect(rows[2]).toEqual(['2', 'Phòng VH&TT huyện Tràng Định', 'Chưa báo cáo']);
    // Totals: the sums of the counted rows, column by column.
    const body = rows.slice(1, -1).filter((r) => r.length === 8);
    const sums = [2, 3, 4, 5, 6, 7].map((col) =>
      formatNumber(
        body.reduce((n, r) => n + (r[col] === '-' ? 0 : Number(r[col]!.replace(/\./g, ''))), 0),
      ),
    );
    expect(rows.at(-1)).toEqual(['', 'Tổng cộng', ...sums]);
    expect(rows.at(-1)).toEqual(['', 'Tổng cộng', '135', '21', '77', '17', '82', '39.080']);
  });

  it('gives the other channels with figures a second table by office, none the empty ones', () => {
    const rows = officeRows(OFFICES_NEXT_CAPTION);
    // Leaflets and online at Cao Lộc, meetings at Văn Lãng; no office has press, SMS or models.
    expect(rows[0]).toEqual([
      'STT',
      'Đơn vị',
      'Tờ rơi (bản)',
      'Hội nghị (buổi)',
      'Trực tuyến (tin, bài)',
    ]);
    expect(rows.slice(1, -1)).toEqual(OFFICES.map((_, i) => expectedRow(i, NEXT, false)));
    expect(rows[1]).toEqual(['1', 'Phòng VH&TT huyện Cao Lộc', '2.000', '-', '22']);
    expect(rows[3]).toEqual(['3', 'Phòng VH&TT huyện Văn Lãng', '-', '4', '-']);
    expect(rows.at(-1)).toEqual(['', 'Tổng cộng', '2.000', '4', '22']);
    for (const empty of ['Báo, đài', 'Tin nhắn', 'Mô hình']) {
      expect(officeRows()[0]!.join('|') + rows[0]!.join('|')).not.toContain(empty);
    }
    expect(text.indexOf(OFFICES_NEXT_CAPTION)).toBeGreaterThan(text.indexOf(OFFICES_CAPTION));
    expect(text.indexOf(OFFICES_NEXT_CAPTION)).toBeLessThan(text.indexOf('3. Đánh giá chung'));
  });

  it('lays the tables by office out to fit A4 portrait and hold together', () => {
    for (const [caption, columns, span] of [
      [OFFICES_CAPTION, 8, 6],
      [OFFICES_NEXT_CAPTION, 5, 3],
    ] as const) {
      const table = tableAfter(documentXml, caption)!;
      const grid = gridOf(table);
      expect(grid).toHaveLength(columns);
      expect(grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
      // The office's name has room for "Phòng VH&TT" over "huyện Tràng Định".
      expect(grid[1]).toBeGreaterThanOrEqual(2024);
      expect(table).toContain('<w:tblLayout w:type="fixed"/>');
      const rows = table.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;
      expect(rows[0]).toContain('<w:tblHeader/>');
      for (const r of rows) expect(r).toContain('<w:cantSplit/>');
      // "Chưa báo cáo" spans the figure columns.
      expect(rows[2]).toContain(`<w:gridSpan w:val="${span}"/>`);
    }
  });

  it('has one section, no appendix, and the signature of the province office', () => {
    expect(documentXml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)).toHaveLength(1);
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(documentXml).toContain('<w:titlePg/>');
    expect(text).not.toContain('DANH SÁCH HOẠT ĐỘNG');
    expect(text).not.toContain('Phụ lục kèm theo');
    expect(text).toMatch(
      /Trên đây là Báo cáo kết quả tuyên truyền .* quý III năm 2023 của Sở Thông tin và Truyền thông, kính gửi Ban Chỉ đạo 138 tỉnh \(Phòng PV01 - Công an tỉnh\) tổng hợp theo quy định\.\/\./,
    );
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC');
    expect(text).toContain('Nguyễn Trọng Hùng');
  });

  it('uses Times New Roman for every character set and holds NFC text only', async () => {
    expect(documentXml).toMatch(
      /<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/,
    );
    expect(documentXml).not.toMatch(/w:rFonts(?![^>]*eastAsia)/);
    expect(documentXml).not.toMatch(/w:ascii="(?!Times New Roman")/);
    const styles = await zipPart(zip, 'word/styles.xml');
    expect(/<w:docDefaults>[\s\S]*<\/w:docDefaults>/.exec(styles)![0]).toMatch(
      /w:eastAsia="Times New Roman"/,
    );
    // Văn Lãng's name came decomposed (NFD) in the fixture.
    expect(documentXml).toBe(documentXml.normalize('NFC'));
    expect(text).toContain('huyện Văn Lãng');
  });

  it('gives identical parts for the same input at the same creation time', async () => {
    const first = await zipParts(buffer);
    const again = await zipParts(await buildMergedDocx(MERGED_INPUT));
    expect([...again.keys()]).toEqual([...first.keys()]);
    for (const [name, bytes] of first) expect(again.get(name)!.equals(bytes), name).toBe(true);
    const core = await zipPart(zip, 'docProps/core.xml');
    expect(core).toContain('2023-10-10T03:00:00Z</dcterms:created>');
    expect(core).toContain(
      '<dc:title>Kết quả tuyên truyền công tác phòng, chống mua bán người quý III năm 2023</dc:title>',
    );
  });

  it('renders on A4 with LibreOffice, the table by office readable', { timeout: 120_000 }, () => {
    const pdf = convertToPdf(DOCX);
    const info = pdfInfo(pdf);
    // Seed 000 runs to 3 pages; the two tables add about one.
    expect(info.pages).toBeGreaterThanOrEqual(3);
    expect(info.pages).toBeLessThanOrEqual(5);
    expect([info.width, info.height]).toEqual([595, 842]);
    const pdfPlain = pdfText(pdf);
    expect(pdfPlain).toMatch(/Xe lưu động\s+Băng rôn\s+Chiếu phim\s+Truyền thanh\s+Số lượt/);
    expect(pdfPlain).toMatch(/1\s+85\s+12\s+45\s+10\s+46\s+22\.850/);
    expect(pdfPlain).toMatch(/2\s+Chưa báo cáo/);
    expect(pdfPlain).toMatch(/3\s+50\s+9\s+32\s+7\s+36\s+16\.230/);
    expect(pdfPlain).toMatch(/Tổng cộng\s+135\s+21\s+77\s+17\s+82\s+39\.080/);
    expect(pdfPlain).toMatch(/Tờ rơi\s+Hội nghị\s+Trực tuyến/);
    expect(pdfPlain).toMatch(/1\s+Phòng VH&TT huyện Cao Lộc\s+2\.000\s+-\s+22/);
    expect(pdfPlain).toMatch(/Tổng cộng\s+2\.000\s+4\s+22/);
    for (const district of ['huyện Cao Lộc', 'huyện Tràng Định', 'huyện Văn Lãng']) {
      expect(pdfPlain).toContain(district);
    }
  });
});

describe('merged report .docx of a half year made of quarters, about drugs', () => {
  const H1_DOCX = path.join(OUT, 'bao-cao-tong-hop-2023-H1-ma-tuy.docx');
  const h1: MergedDocumentInput = {
    ...MERGED_INPUT,
    // No letter asked for this one: the generic opening, naming the period.
    texts: { ...MERGED_INPUT.texts, request: '' },
    data: {
      ...MERGED_DATA,
      subject: 'drugs',
      figures: {
        ...MERGED_DATA.figures,
        period: {
          key: '2023-H1',
          from: '2022-12-15',
          to: '2023-06-14',
          label: '6 tháng đầu năm 2023',
        },
      },
      // Cao Lộc sent both quarters; Văn Lãng only the first; Tràng Định nothing.
      coverage: MERGED_DATA.coverage.map((c) =>
        c.officeCode === 'LS-CAOLOC-VHTT'
          ? { ...c, included: ['2023-Q1', '2023-Q2'], missing: [] }
          : c.officeCode === 'LS-VANLANG-VHTT'
            ? { ...c, included: ['2023-Q1'], missing: ['2023-Q2'] }
            : { ...c, included: [], missing: ['2023-Q1', '2023-Q2'] },
      ),
      reported: 1,
    },
  };
  let h1Text: string;

  beforeAll(async () => {
    const bytes = await buildMergedDocx(h1);
    fs.writeFileSync(H1_DOCX, bytes);
    h1Text = plainText(await zipPart(await JSZip.loadAsync(bytes), 'word/document.xml'));
  });

  it('titles, opens and closes the report with its subject', () => {
    expect(h1Text).toContain(
      'Kết quả tuyên truyền công tác phòng, chống ma túy\n6 tháng đầu năm 2023',
    );
    expect(h1Text).toContain(
      'tổng hợp, báo cáo kết quả tuyên truyền công tác phòng, chống ma túy 6 tháng đầu năm 2023 như sau:',
    );
    expect(h1Text).toContain(
      'Trên đây là Báo cáo kết quả tuyên truyền công tác phòng, chống ma túy 6 tháng đầu năm 2023 của Sở Thông tin và Truyền thông',
    );
  });

  it('says in section 2 which quarters of which offices it is made of, and which are missing', () => {
    const sentence =
      '- Số liệu 6 tháng đầu năm 2023 được tổng hợp từ báo cáo quý I, quý II năm 2023 của Phòng Văn hóa và Thông tin huyện Cao Lộc; báo cáo quý I năm 2023 của Phòng Văn hóa và Thông tin huyện Văn Lãng; đơn vị này chưa gửi báo cáo quý II năm 2023.';
    expect(h1Text).toContain(sentence);
    const at = h1Text.indexOf(sentence);
    expect(h1Text.indexOf('- Đã nhận được báo cáo kết quả tuyên truyền')).toBeLessThan(at);
    expect(h1Text.indexOf('- Trong 6 tháng đầu năm 2023 (từ ngày')).toBeGreaterThan(at);
    expect(h1Text.indexOf('2. Kết quả thông tin, tuyên truyền')).toBeLessThan(at);
  });

  it('renders with LibreOffice, the sentence on the first pages', { timeout: 120_000 }, () => {
    const pdf = convertToPdf(H1_DOCX);
    const plain = pdfText(pdf).replace(/\s+/g, ' ');
    expect(plain).toContain('chưa gửi báo cáo quý II năm 2023');
  });
});

describe('merged report .docx of offices that worked online and by SMS only', () => {
  const SMS_DOCX = path.join(OUT, 'bao-cao-tong-hop-truc-tuyen-tin-nhan.docx');

  /** An office with the channels given: activities and main figure of each. */
  function office(
    code: string,
    name: string,
    state: OfficeFigures['state'],
    given: Partial<Record<Channel, [activities: number, main: number]>>,
  ): OfficeFigures {
    const byChannel = Object.fromEntries(
      CHANNELS.map((c): [Channel, ChannelFigures] => {
        const [activities, main] = given[c] ?? [0, 0];
        const measures = main > 0 ? { [CHANNEL_MEASURES[c].counts[0]!]: main } : {};
        return [c, { activities, audience: 0, costVnd: 0, measures }];
      }),
    ) as Record<Channel, ChannelFigures>;
    const activities = CHANNELS.reduce((n, c) => n + byChannel[c].activities, 0);
    return {
      code,
      name,
      state,
      sequence: null,
      activities,
      audience: 0,
      costVnd: 0,
      byChannel,
    };
  }

  const offices = [
    office('LS-CAOLOC-VHTT', 'Phòng Văn hóa và Thông tin huyện Cao Lộc', 'received', {
      online: [4, 9],
    }),
    office('LS-TRANGDINH-VHTT', 'Phòng Văn hóa và Thông tin huyện Tràng Định', 'missing', {}),
    office('LS-VANLANG-VHTT', 'Phòng Văn hóa và Thông tin huyện Văn Lãng', 'received', {
      online: [2, 3],
      sms: [1, 12_000],
    }),
  ];
  const data: MergedData = { ...MERGED_DATA, offices };
  let xml: string;

  beforeAll(async () => {
    const bytes = await buildMergedDocx({ ...MERGED_INPUT, data });
    fs.writeFileSync(SMS_DOCX, bytes);
    xml = await zipPart(await JSZip.loadAsync(bytes), 'word/document.xml');
  });

  it('has a column for online and one for SMS, with each office’s figures and the sums', () => {
    const rows = officeRows(OFFICES_CAPTION, xml);
    expect(rows).toEqual([
      ['STT', 'Đơn vị', 'Số hoạt động', 'Trực tuyến (tin, bài)', 'Tin nhắn (tin)', 'Số lượt người'],
      ['1', 'Phòng VH&TT huyện Cao Lộc', '4', '9', '-', '-'],
      ['2', 'Phòng VH&TT huyện Tràng Định', 'Chưa báo cáo'],
      ['3', 'Phòng VH&TT huyện Văn Lãng', '3', '3', '12.000', '-'],
      ['', 'Tổng cộng', '7', '12', '12.000', '0'],
    ]);
    // Two channels fit beside the name, which takes the room the others leave.
    expect(xml).not.toContain(OFFICES_NEXT_CAPTION);
    const grid = gridOf(tableAfter(xml, OFFICES_CAPTION)!);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(grid[1]).toBeGreaterThan(4000);
  });

  it('renders the two columns whole with LibreOffice', { timeout: 120_000 }, () => {
    const plain = pdfText(convertToPdf(SMS_DOCX));
    expect(plain).toMatch(/Số hoạt\s+Trực tuyến\s+Tin nhắn\s+Số lượt/);
    expect(plain).toMatch(/1\s+Phòng VH&TT huyện Cao Lộc\s+4\s+9\s+-\s+-/);
    expect(plain).toMatch(/3\s+Phòng VH&TT huyện Văn Lãng\s+3\s+3\s+12\.000\s+-/);
    expect(plain).toMatch(/Tổng cộng\s+7\s+12\s+12\.000\s+0/);
  });
});
