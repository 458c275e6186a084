// The Word report: its XML holds the Decree 30 layout and the figures as written, two builds
// of the same input are identical, and LibreOffice turns it into an A4 PDF of several pages.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildReportDocx } from '../../electron/core/report/docx';
import { REPORT_INPUT } from '../fixtures/reportInput';
import { convertToPdf, pdfInfo, plainText, zipPart } from './docxRender';
import { ROOT } from './helpers';

const OUT = path.join(ROOT, 'test-output/report');
const DOCX = path.join(OUT, 'bao-cao-2023-Q3.docx');

let zip: JSZip;
let documentXml: string;
let text: string;
let buffer: Buffer;

const part = (name: string) => zipPart(zip, name);

beforeAll(async () => {
  buffer = await buildReportDocx(REPORT_INPUT);
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(DOCX, buffer);
  zip = await JSZip.loadAsync(buffer);
  documentXml = await part('word/document.xml');
  text = plainText(documentXml);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('report .docx', () => {
  it('writes the Decree 30 header', () => {
    // Word groups are joined by no-break spaces (headerLines.ts).
    const header = text.replace(/\u00A0/g, ' ');
    expect(header).toContain('UBND HUYỆN CAO LỘC');
    expect(header).toContain('PHÒNG VĂN HÓA\nVÀ THÔNG TIN');
    expect(text).toContain('Số: 12/BC-VHTT');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    // Decree 30: a leading zero for days below 10 and for January and February only.
    expect(text).toContain('Cao Lộc, ngày 05 tháng 10 năm 2023');
    expect(text).toContain('BÁO CÁO');
    // The subject, broken before the period.
    expect(text).toContain(
      'Kết quả tuyên truyền công tác phòng, chống mua bán người\nquý III năm 2023',
    );
    expect(text).toContain('Kính gửi:');
    expect(text).toContain('- Ban Chỉ đạo 138 huyện Cao Lộc.');
  });

  it('writes the four sections and the figures the Vietnamese way', () => {
    for (const heading of [
      '1. Công tác chỉ đạo, triển khai thực hiện',
      '2. Kết quả thông tin, tuyên truyền',
      '3. Đánh giá chung',
      '3.1. Ưu điểm',
      '3.2. Tồn tại, hạn chế',
      '4. Phương hướng, nhiệm vụ trong thời gian tới',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain(
      '+ Tuyên truyền bằng xe thông tin lưu động 12 buổi, quãng đường 340 km, thời lượng phát thanh 900 phút, 5.200 lượt người nghe; kinh phí 6.000.000 đồng.',
    );
    expect(text).toContain('3.250 lượt người');
    expect(text).toContain('đã đăng tải 22 tin, bài, ảnh');
    expect(text).toContain('đã đăng tải, phát sóng 25 tin, bài');
    expect(text).toContain('3/3 xã biên giới (thị trấn Đồng Đăng, các xã: Hợp Thành, Thụy Hùng)');
    expect(text).toContain(
      'So với quý II năm 2023, số hoạt động tuyên truyền tăng 14 hoạt động (14,6%), từ 96 lên 110 hoạt động;',
    );
    expect(text).toContain('- Trong quý III năm 2023, Phòng Văn hóa và Thông tin đã ban hành');
    expect(text).toContain('Tổng cộng');
    expect(text).toContain('19.300.000');
    expect(text).toMatch(/Trên đây là Báo cáo kết quả tuyên truyền .* quý III năm 2023 .*\.\/\./);
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('- Lãnh đạo Phòng;');
    expect(text).toContain('- Lưu: VT (NVA).');
    expect(text).toContain('PHÓ TRƯỞNG PHÒNG');
    expect(text).toContain('Nguyễn Văn A');
  });

  it('holds NFC text only, even from decomposed input', () => {
    expect(documentXml).toBe(documentXml.normalize('NFC'));
    expect(documentXml).not.toContain('Phòng Văn hóa'.normalize('NFD'));
  });

  it('lays out A4 portrait with the margins of Decree 30', () => {
    const sectPrs = documentXml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sectPrs).toHaveLength(2);
    for (const s of sectPrs) {
      expect(s).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(s).toMatch(/w:top="1134"/);
      expect(s).toMatch(/w:bottom="1134"/);
      expect(s).toMatch(/w:left="1701"/);
      expect(s).toMatch(/w:right="851"/);
    }
    expect(sectPrs[0]).toContain('<w:titlePg/>');
  });

  it('numbers pages from page 2: no PAGE field in the first-page header', async () => {
    const rels = await part('word/_rels/document.xml.rels');
    const first = /<w:headerReference w:type="first" r:id="(rId\d+)"/.exec(documentXml);
    const dflt = /<w:headerReference w:type="default" r:id="(rId\d+)"/.exec(documentXml);
    const target = (id: string) =>
      new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
      new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
    const firstXml = await part(`word/${target(first![1]!)}`);
    const defaultXml = await part(`word/${target(dflt![1]!)}`);
    expect(firstXml).not.toMatch(/PAGE/);
    expect(defaultXml).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
  });

  it('uses Times New Roman for every character set, eastAsia included', async () => {
    const font =
      /<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/;
    const styles = await part('word/styles.xml');
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*Times New Roman[\s\S]*<\/w:docDefaults>/);
    const defaults = /<w:docDefaults>[\s\S]*<\/w:docDefaults>/.exec(styles)![0];
    expect(defaults).toMatch(/w:eastAsia="Times New Roman"/);
    expect(documentXml).toMatch(font);
    expect(documentXml).not.toMatch(/w:rFonts(?![^>]*eastAsia)/);
  });

  it('keeps the header and signature tables borderless and fixed in twips', () => {
    const tables = documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables.length).toBe(4);
    for (const t of tables) {
      expect(t).toContain('<w:tblLayout w:type="fixed"/>');
      expect(t).not.toMatch(/w:type="pct"/);
    }
    const [header, , signature] = tables;
    expect(header).toMatch(/<w:gridCol w:w="3969"\/><w:gridCol w:w="5385"\/>/);
    expect(header).toMatch(/<w:top w:val="none"/);
    expect(signature).toContain('Nơi nhận:');
    expect(signature).toContain('<w:cantSplit/>');
  });

  it('lays the appendix out as Decree 30 does, its header row repeated on every page', () => {
    // "Phụ lục", then what it lists in capitals; the body says where the list is.
    const appendix = documentXml.slice(
      documentXml.lastIndexOf('<w:p>', documentXml.indexOf('>Phụ lục<')),
    );
    expect(plainText(appendix).replace(/\u00A0/g, ' ')).toMatch(
      /^Phụ lục\nDANH SÁCH HOẠT ĐỘNG TUYÊN TRUYỀN CÔNG TÁC PHÒNG, CHỐNG MUA BÁN NGƯỜI QUÝ III NĂM 2023\n\(Kèm theo Báo cáo số 12\/BC-VHTT ngày 05\/10\/2023 của Phòng Văn hóa và Thông tin huyện Cao Lộc\)/,
    );
    expect(plainText(documentXml)).toContain(
      ', cụ thể như sau (danh sách tại Phụ lục và tệp dữ liệu gửi kèm Báo cáo):',
    );
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(appendix)![0];
    const firstRow = /<w:tr>[\s\S]*?<\/w:tr>/.exec(table)![0];
    expect(firstRow).toContain('<w:tblHeader/>');
    expect(plainText(firstRow)).toMatch(
      /STT\s*Ngày\s*Hình thức\s*Xã\s*Nội dung\s*Số liệu\s*Số lượt người/,
    );
    // Dates as the document writes them: "26/6/2023", a leading zero only below 10 and for
    // January and February.
    expect(plainText(table)).toContain('26/6/2023 -\n28/6/2023');
    expect(plainText(table)).toContain('02/7/2023');
    expect(plainText(table)).toContain('Chiếu phim');
  });

  it('writes the creation time and title into the core properties', async () => {
    const core = await part('docProps/core.xml');
    expect(core).toContain('<dc:creator>Sổ tuyên truyền</dc:creator>');
    expect(core).toContain(
      '<dc:title>Kết quả tuyên truyền công tác phòng, chống mua bán người quý III năm 2023</dc:title>',
    );
    expect(core).toContain('2023-10-05T02:30:00Z</dcterms:created>');
  });

  it('gives identical XML for the same input at the same creation time', async () => {
    const again = await JSZip.loadAsync(await buildReportDocx(REPORT_INPUT));
    for (const name of ['word/document.xml', 'docProps/core.xml', 'word/styles.xml']) {
      expect(await again.file(name)!.async('string')).toBe(await part(name));
    }
  });

  it('gives the same bytes for the same input at another time of day', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T08:00:00Z'));
    const morning = await buildReportDocx(REPORT_INPUT);
    vi.setSystemTime(new Date('2026-03-02T17:45:31Z'));
    const nextDay = await buildReportDocx(REPORT_INPUT);
    expect(nextDay.equals(morning)).toBe(true);
  });

  it('sets table text in 11 and 12 pt single-spaced through styles, the padding on the table', async () => {
    const styles = await part('word/styles.xml');
    for (const size of [11, 12]) {
      const style = new RegExp(
        `<w:style [^>]*w:styleId="TableText${size}"[\\s\\S]*?</w:style>`,
      ).exec(styles)![0];
      expect(style).toContain(
        '<w:spacing w:after="0" w:before="0" w:line="240" w:lineRule="auto"/>',
      );
      expect(style).toContain(`<w:sz w:val="${size * 2}"/>`);
      expect(style).toContain('w:ascii="Times New Roman"');
    }
    const tables = documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!;
    const appendix = tables.at(-1)!;
    const figures = tables.find((t) => t.includes('Tổng cộng'))!;
    // Every paragraph of a cell names its style; no run repeats a font or a size.
    expect(appendix.match(/<w:p>/g)!.length).toBe(
      appendix.match(/<w:pStyle w:val="TableText11"\/>/g)!.length,
    );
    expect(figures).toContain('<w:pStyle w:val="TableText12"/>');
    for (const table of [appendix, figures]) {
      expect(table).not.toMatch(/<w:rFonts|<w:sz |<w:tcMar>/);
      expect(table).toContain('<w:tblCellMar><w:top w:w="40" w:type="dxa"/>');
    }
  });

  it('builds a report left blank: no activity, recipient, number or previous period', async () => {
    const blank = await buildReportDocx({
      ...REPORT_INPUT,
      texts: {
        number: '',
        date: '2024-01-08',
        recipients: ['Sở Văn hóa, Thể thao và Du lịch'],
        request: '',
        directives: [],
        resultsBefore: '',
        resultsAfter: '',
        strengths: '',
        limitations: '',
        nextSteps: '',
        copies: [],
        filing: '',
        drafter: '',
      },
      data: {
        ...REPORT_INPUT.data,
        figures: { ...REPORT_INPUT.data.figures, activities: 0, byCommune: [] },
        previous: null,
      },
      appendix: [],
    });
    const xml = plainText(
      await (await JSZip.loadAsync(blank)).file('word/document.xml')!.async('string'),
    );
    expect(xml).toContain('ngày 08 tháng 01 năm 2024');
    expect(xml).toContain('Kính gửi: Sở Văn hóa, Thể thao và Du lịch.');
    expect(xml).toMatch(/Số: \u00a0+\/BC-VHTT/);
    expect(xml).toContain('chưa ghi nhận hoạt động tuyên truyền nào');
    expect(xml).not.toContain('So với');
  });

  it('converts to an A4 PDF of several pages with LibreOffice', { timeout: 120_000 }, () => {
    const info = pdfInfo(convertToPdf(DOCX));
    expect(info.pages).toBeGreaterThanOrEqual(2);
    expect([info.width, info.height]).toEqual([595, 842]);
  });
});
