// The province's merged report as Word: seed 000's layout from the office report's blocks,
// section 2 naming who reported and ending with a table by office whose totals are the
// rows' sums; two builds of the same input are identical; LibreOffice renders it on A4. A
// half year made of quarters says which; another subject titles the report with it.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMergedDocx, type MergedDocumentInput } from '../../electron/core/report/mergedDocx';
import { TEXT_WIDTH } from '../../electron/core/report/docxStyle';
import { formatNumber } from '../../shared/format';
import { CORE_COLUMNS } from '../../shared/mergedText';
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

const tables = () => documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];

/** The table by office, each row as the text of its cells. */
function officeRows(): string[][] {
  const table = tables().find((t) => plainText(t).includes('Đơn vị'));
  if (!table) throw new Error('no table by office');
  return (table.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []).map((row) =>
    (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((c) =>
      plainText(c).trim().replace(/\n/g, ' '),
    ),
  );
}

/** An office's row as the table should print it: numbers the Vietnamese way, "-" for zero. */
function expectedRow(i: number): string[] {
  const o = OFFICES[i]!;
  const label = o.name.normalize('NFC').replace('Phòng Văn hóa và Thông tin', 'Phòng VH&TT');
  if (o.state === 'missing') return [String(i + 1), label, 'Chưa báo cáo'];
  const dash = (n: number) => (n > 0 ? formatNumber(n) : '-');
  return [
    String(i + 1),
    label,
    formatNumber(o.activities),
    ...CORE_COLUMNS.map((c) => dash(o.byChannel[c.channel].measures[c.measure] ?? 0)),
    dash(o.audience),
  ];
}

describe('merged report .docx', () => {
  it('heads the report as the province office, with seed 000 subject and recipient', () => {
    expect(text).toContain('UBND TỈNH LẠNG SƠN');
    // The department's long name is broken evenly, not with one word left alone.
    expect(text).toContain('SỞ THÔNG TIN VÀ\nTRUYỀN THÔNG');
    expect(text).toContain('Số: 245/BC-STTTT');
    expect(text).toContain('Lạng Sơn, ngày 10 tháng 10 năm 2023');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain(
      'Kết quả tuyên truyền công tác phòng, chống mua bán người\nquý III năm 2023',
    );
    expect(text).toContain('Kính gửi: Ban Chỉ đạo 138 tỉnh (Phòng PV01 - Công an tỉnh).');
    expect(text).toContain(
      'Trên cơ sở báo cáo của Phòng Văn hóa và Thông tin các huyện, thành phố, Sở Thông tin và Truyền thông tổng hợp',
    );
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
      '- Có 2/3 Phòng Văn hóa và Thông tin các huyện, thành phố gửi báo cáo kết quả tuyên truyền quý III năm 2023; chưa nhận được báo cáo của Phòng Văn hóa và Thông tin huyện Tràng Định.',
    );
    expect(text).toContain(
      '- Trong quý III năm 2023, các đơn vị đã tổ chức, phối hợp thực hiện 135 hoạt động tuyên truyền tại 9 xã với 39.080 lượt người được tiếp cận; tổng kinh phí 32.900.000 đồng.',
    );
    expect(text).toContain(
      '- Tuyên truyền bằng xe thông tin lưu động: 21 buổi, 600 km, 1.575 phút phát thanh, 9.070 lượt người nghe; kinh phí 10.500.000 đồng.',
    );
    expect(text).toContain('đã phát 82 tin, bài với 246 lượt phát');
    // Shares, not lists: a province's list of flagged communes would run for pages.
    expect(text).toContain('5/5 xã biên giới với');
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
    expect(rows.slice(1, -1)).toEqual(OFFICES.map((_, i) => expectedRow(i)));
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

  it('lays the table by office out to fit A4 portrait and hold together', () => {
    const table = tables().find((t) => plainText(t).includes('Đơn vị'))!;
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(8);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(table).toContain('<w:tblLayout w:type="fixed"/>');
    const rows = table.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;
    expect(rows[0]).toContain('<w:tblHeader/>');
    for (const r of rows) expect(r).toContain('<w:cantSplit/>');
    // "Chưa báo cáo" spans the six figure columns.
    expect(rows[2]).toMatch(/<w:gridSpan w:val="6"\/>/);
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
    for (const district of ['huyện Cao Lộc', 'huyện Tràng Định', 'huyện Văn Lãng']) {
      expect(pdfPlain).toContain(district);
    }
  });
});

describe('merged report .docx of a half year made of quarters, about drugs', () => {
  const H1_DOCX = path.join(OUT, 'bao-cao-tong-hop-2023-H1-ma-tuy.docx');
  const h1: MergedDocumentInput = {
    ...MERGED_INPUT,
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
      '- Số liệu 6 tháng đầu năm 2023 tổng hợp từ báo cáo quý I, quý II năm 2023 của Phòng Văn hóa và Thông tin huyện Cao Lộc; báo cáo quý I năm 2023 của Phòng Văn hóa và Thông tin huyện Văn Lãng; đơn vị này chưa gửi báo cáo quý II năm 2023.';
    expect(h1Text).toContain(sentence);
    const at = h1Text.indexOf(sentence);
    expect(h1Text.indexOf('- Có 1/3 Phòng Văn hóa và Thông tin')).toBeLessThan(at);
    expect(h1Text.indexOf('- Trong 6 tháng đầu năm 2023, các đơn vị')).toBeGreaterThan(at);
    expect(h1Text.indexOf('2. Kết quả thông tin, tuyên truyền')).toBeLessThan(at);
  });

  it('renders with LibreOffice, the sentence on the first pages', { timeout: 120_000 }, () => {
    const pdf = convertToPdf(H1_DOCX);
    const plain = pdfText(pdf).replace(/\s+/g, ' ');
    expect(plain).toContain('chưa gửi báo cáo quý II năm 2023');
  });
});
