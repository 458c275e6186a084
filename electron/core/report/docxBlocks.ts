// The blocks of a report in Decree 30/2020/NĐ-CP layout (Appendix I, "Sơ đồ bố trí các thành
// phần thể thức"): the two-column header, the title and subject, "Kính gửi", section
// headings, the closing, "Nơi nhận" with the signature, the page-number headers and the
// appendix title. The office report and the province's merged report share them.

import type { Paragraph } from 'docx';
import { AlignmentType, Header, PageNumber, TextRun } from 'docx';
import type { Office } from '../../../shared/schemas';
import { placeDateLine } from '../../../shared/reportText';
import { documentDate } from '../../../shared/format';
import type { LineStyle } from './headerLines';
import { headerLines, textWidth } from './headerLines';
import { layoutTable } from './docxTables';
import {
  FONTS,
  PT,
  TEXT_WIDTH,
  bodyParagraph,
  centred,
  paragraph,
  run,
  shortRule,
} from './docxStyle';

const upper = (text: string) => text.normalize('NFC').toLocaleUpperCase('vi');

/**
 * Left and right columns of the header: 7 cm for the office, 9.5 cm for the state's name.
 * "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in 12 pt bold takes 250 pt of the right column's
 * 269. The left column's 198 pt hold "UBND THÀNH PHỐ LẠNG SƠN" (183 pt in 13 pt) on one
 * line; "PHÒNG VĂN HÓA VÀ THÔNG TIN" (212 pt in 13 pt bold) would leave the state's name
 * no margin, so it takes two lines.
 */
export const HEADER_COLUMNS = [3969, TEXT_WIDTH - 3969] as const;

/** "12/BC-VHTT"; a blank number is left for the clerk to write in by hand. */
export function documentNumber(number: string, docSymbol: string): string {
  const n = number.trim() || '\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0';
  return docSymbol.trim() ? `${n}/${docSymbol.trim()}` : n;
}

/**
 * The width in points a line of the left column may take: the column less 4 pt, so that
 * rounding in Word or LibreOffice never wraps a line measured to fit.
 */
const HEADER_LINE_WIDTH = HEADER_COLUMNS[0] / 20 - 4;

/**
 * A name of the header's left column in lines, broken between word groups only and only
 * when it does not fit (headerLines): "PHÒNG VĂN HÓA" / "VÀ THÔNG TIN", never "PHÒNG VĂN
 * HÓA VÀ" / "THÔNG TIN" nor "UBND HUYỆN VĂN" / "LÃNG".
 */
export function balancedLines(text: string, style: LineStyle = { size: PT.header }): string[] {
  return headerLines(text, HEADER_LINE_WIDTH, style);
}

/**
 * Decree 30, Appendix I: the rule under the office's name is 1/3 to 1/2 as long as the
 * name's line; two fifths of its longest line, in twips.
 */
function ruleLength(lines: readonly string[]): number {
  const widest = Math.max(...lines.map((l) => textWidth(l, PT.header, true)));
  return Math.round((widest * 0.4 * 20) / 10) * 10;
}

/**
 * The header: parent authority, office name in bold with a short rule under it and
 * "Số: …" on the left; the state's name, the motto underlined and "Place, ngày … tháng …
 * năm …" in italics on the right.
 */
export function headerBlock(
  office: Pick<Office, 'parent' | 'name' | 'place' | 'docSymbol'>,
  number: string,
  isoDate: string,
) {
  const [leftWidth, rightWidth] = HEADER_COLUMNS;
  const left: Paragraph[] = [];
  for (const line of office.parent.trim() ? balancedLines(upper(office.parent)) : []) {
    left.push(centred(line, { size: PT.header }));
  }
  const name = balancedLines(upper(office.name), { size: PT.header, bold: true });
  for (const line of name) left.push(centred(line, { size: PT.header, bold: true }));
  left.push(shortRule(leftWidth, ruleLength(name), 120));
  left.push(centred(`Số: ${documentNumber(number, office.docSymbol)}`, { size: PT.header }));
  const right: Paragraph[] = [
    centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: PT.nation, bold: true }),
    centred('Độc lập - Tự do - Hạnh phúc', { size: PT.motto, bold: true, underline: true }),
    centred(placeDateLine(office.place, isoDate), {
      size: PT.body,
      italics: true,
      before: 300,
    }),
  ];
  return layoutTable([leftWidth, rightWidth], [left, right]);
}

/**
 * "BÁO CÁO" and the subject, bold and centred, with a short rule under the subject. The
 * subject comes in lines (reportSubjectLines) so it breaks before the period, not mid-phrase.
 */
export function titleBlock(subjectLines: readonly string[], kind = 'BÁO CÁO'): Paragraph[] {
  return [
    centred(kind, { bold: true, before: 480, after: 0 }),
    ...subjectLines.map((line) => centred(line, { bold: true })),
    shortRule(TEXT_WIDTH, 2400, 240),
  ];
}

/** Where "Kính gửi:" starts, and where the recipients of a list start. */
const TO_LEFT = 1134;
const TO_HANG = 1250;

/** "Kính gửi: X." on one centred line, or a list "- A;" "- B." aligned after the label. */
export function recipientsBlock(recipients: readonly string[]): Paragraph[] {
  const names = recipients.map((r) => r.trim().replace(/[.;,]+$/, '')).filter(Boolean);
  if (names.length <= 1) {
    const to = names[0] ? `${names[0]}.` : '…………………';
    return [centred(`Kính gửi: ${to}`, { after: 240 })];
  }
  return names.map((name, i) => {
    const end = i === names.length - 1 ? '.' : ';';
    const style = { tight: true, align: AlignmentType.LEFT, after: end === '.' ? 240 : 0 };
    if (i > 0) return paragraph(`- ${name}${end}`, { ...style, indentLeft: TO_LEFT + TO_HANG });
    return paragraphWithTab('Kính gửi:', `- ${name}${end}`, style.after);
  });
}

/** First line of the recipients list: label, tab, first recipient, with a hanging indent. */
function paragraphWithTab(label: string, text: string, after: number): Paragraph {
  return paragraph([run(label), new TextRun({ children: ['\t'], font: FONTS }), run(text)], {
    tight: true,
    align: AlignmentType.LEFT,
    indentLeft: TO_LEFT + TO_HANG,
    hanging: TO_HANG,
    tabStop: TO_LEFT + TO_HANG,
    after,
  });
}

/** "1. Công tác chỉ đạo, triển khai thực hiện": bold, kept with what follows. */
export function sectionHeading(text: string): Paragraph {
  return bodyParagraph(text, { bold: true, keepNext: true });
}

/** Body paragraphs, one per string. */
export function bodyParagraphs(texts: readonly string[]): Paragraph[] {
  return texts.map((t) => bodyParagraph(t));
}

/**
 * A table of section 2 with its caption in italics kept on the table's page, and an empty
 * line after it: a heading or a second table straight under a table's last rule looks
 * glued to it (and two adjacent tables would merge into one in Word).
 */
export function captionedTable(caption: string, table: Paragraph): Paragraph[] {
  return [
    bodyParagraph(caption, { italics: true, keepNext: true }),
    table,
    bodyParagraph('', { after: 0 }),
  ];
}

/**
 * The closing sentence, kept on the page of the signature: keepNext ties it to the
 * signature table's (unsplittable) row, keepLines keeps its own lines together.
 */
export function closingBlock(text: string): Paragraph[] {
  return [bodyParagraph(text, { keepNext: true, keepLines: true, after: 240 })];
}

/** Widths of "Nơi nhận" (left) and the signature (right). */
export const SIGNATURE_COLUMNS = [4354, TEXT_WIDTH - 4354] as const;

/**
 * "Nơi nhận:" bottom left (12 pt bold italic, list 11 pt: its lines as copiesLines makes
 * them) and the signature bottom right: the signer's title in capitals, bold (each line of
 * `title` on its own), room for the signature and seal, then the name in bold. One table
 * row that cannot split, so the two stay together on one page.
 */
export function signatureBlock(signer: Office['signer'], copies: readonly string[]) {
  const left: Paragraph[] = [
    paragraph('Nơi nhận:', { size: 12, bold: true, italics: true, tight: true, align: 'left' }),
    ...copies.map((c) => paragraph(c, { size: PT.small, tight: true, align: AlignmentType.LEFT })),
  ];
  const titleLines = signer.title
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const right: Paragraph[] = [
    ...titleLines.map((l) => centred(upper(l), { bold: true })),
    ...Array.from({ length: 5 }, () => centred('')),
    centred(signer.name.trim(), { bold: true }),
  ];
  return layoutTable(SIGNATURE_COLUMNS, [left, right]);
}

/**
 * Page numbers from page 2 (Decree 30, Appendix I: Arabic numerals, centred in the top
 * margin, 13–14 pt, none on the first page): use with `titlePage: true`.
 */
export function pageNumberHeaders(): { first: Header; default: Header } {
  return {
    first: new Header({ children: [centred('')] }),
    default: new Header({ children: [pageNumberParagraph()] }),
  };
}

/** A centred PAGE field in 14 pt Times New Roman. */
export function pageNumberParagraph(): Paragraph {
  return centred([new TextRun({ children: [PageNumber.CURRENT], font: FONTS, size: PT.body * 2 })]);
}

/**
 * As Decree 30's Appendix I lays out an appendix: "Phụ lục" ("Phụ lục I", "Phụ lục II" when
 * there are several), then what it lists in capitals, then "(Kèm theo Báo cáo số … ngày …
 * của …)".
 */
export function appendixTitleBlock(
  heading: string,
  report: { number: string; docSymbol: string; isoDate: string; officeName: string },
  label = 'Phụ lục',
): Paragraph[] {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(report.isoDate)
    ? ` ngày ${documentDate(report.isoDate)}`
    : '';
  // The office's name is kept on one line (no-break spaces): a wrap inside it leaves
  // "hội)" of "Phòng Văn hóa - Xã hội" alone on the second line.
  const name = report.officeName.trim().replace(/ /g, '\u00A0');
  const ref =
    `(Kèm theo Báo cáo số ${documentNumber(report.number, report.docSymbol)}${date}` +
    ` của ${name})`;
  return [
    centred(label, { bold: true }),
    centred(heading.toLocaleUpperCase('vi'), { bold: true, before: 60 }),
    centred(ref, { italics: true, before: 60 }),
    shortRule(TEXT_WIDTH, 2400, 240),
  ];
}
