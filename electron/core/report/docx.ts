// The office's report as a Word file (.docx): the period's figures and the texts staff
// wrote, laid out as Decree 30/2020/NĐ-CP asks (see docxBlocks.ts and docxStyle.ts), with
// the list of activities as an appendix in a section of its own, and the photos marked for
// the report as a second one (docxPhotos.ts) when there are any.

import type { FileChild, ISectionOptions } from 'docx';
import { Document, Header, Packer, PageOrientation, SectionType } from 'docx';
import type { AppendixRow, ReportData, ReportTexts } from '../../../shared/report';
import {
  closingParagraph,
  copiesLines,
  directiveParagraph,
  openingParagraph,
  reportSubject,
  reportSubjectLines,
  resultSentences,
  summaryTable,
  textParagraphs,
} from '../../../shared/reportText';
import { areaHeading, LEGACY_KINDS } from '../../../shared/areas';
import { SUBJECT_PHRASES, type ReportSubject } from '../../../shared/domain';
import { formatNumber } from '../../../shared/format';
import { officeDisplayName } from '../../../shared/offices';
import type { Office } from '../../../shared/schemas';
import {
  appendixTitleBlock,
  bodyParagraphs,
  captionedTable,
  closingBlock,
  headerBlock,
  pageNumberHeaders,
  pageNumberParagraph,
  recipientsBlock,
  sectionHeading,
  signatureBlock,
  titleBlock,
} from './docxBlocks';
import { DOCUMENT_STYLES, MARGIN, PAGE, bodyParagraph } from './docxStyle';
import { photoParagraphs, type ReportPhoto } from './docxPhotos';
import { escapeXml, packRaw, rawBlocks } from './docxRawXml';
import { appendixTable, figuresTable } from './docxTables';

export interface ReportDocumentInput {
  office: Office;
  texts: ReportTexts;
  data: ReportData;
  /** The period's activities, oldest first; at most APPENDIX_LIMIT of them. */
  appendix: AppendixRow[];
  /**
   * The photos marked for the report, in order; none (or absent): no photo appendix, and
   * the file is the one made before photos existed.
   */
  photos?: readonly ReportPhoto[];
  createdAt: Date;
}

export { APPENDIX_LIMIT } from './appendixLimit';

/** Creator and last editor in the document's properties. */
export const APP_NAME = 'Sổ tuyên truyền';

/** Page size and margins of every section. */
export const PAGE_PROPERTIES = {
  size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
  margin: { ...MARGIN, footer: MARGIN.header, gutter: 0 },
} as const;

/** The first section: page 1 without a number, the next pages numbered. */
export function mainSection(children: FileChild[]): ISectionOptions {
  return {
    properties: { page: PAGE_PROPERTIES, titlePage: true },
    headers: pageNumberHeaders(),
    children,
  };
}

/** A section starting on a new page (appendix), its pages numbered on from the report's. */
export function appendixSection(children: FileChild[]): ISectionOptions {
  return {
    properties: { page: PAGE_PROPERTIES, type: SectionType.NEXT_PAGE },
    headers: { default: new Header({ children: [pageNumberParagraph()] }) },
    children,
  };
}

/** Section 1: the directives staff listed, blank ones dropped, each starting with "- ". */
export function directivesSection(texts: ReportTexts): FileChild[] {
  return [
    sectionHeading('1. Công tác chỉ đạo, triển khai thực hiện'),
    ...bodyParagraphs(texts.directives.filter((d) => d.trim()).map(directiveParagraph)),
  ];
}

/** Sections 3 and 4, as staff wrote them. */
export function assessmentSections(texts: ReportTexts): FileChild[] {
  return [
    sectionHeading('3. Đánh giá chung'),
    sectionHeading('3.1. Ưu điểm'),
    ...bodyParagraphs(textParagraphs(texts.strengths)),
    sectionHeading('3.2. Tồn tại, hạn chế'),
    ...bodyParagraphs(textParagraphs(texts.limitations)),
    sectionHeading('4. Phương hướng, nhiệm vụ trong thời gian tới'),
    ...bodyParagraphs(textParagraphs(texts.nextSteps)),
  ];
}

/**
 * The body of seed 000's layout: the opening, sections 1 to 4 and the closing sentence.
 * Only section 2's generated content (`results`) differs between an office's report and
 * the province's merged one; staff's own paragraphs come before and after it.
 */
export function reportSections(
  opening: string,
  texts: ReportTexts,
  results: FileChild[],
  closing: string,
): FileChild[] {
  return [
    bodyParagraph(opening),
    ...directivesSection(texts),
    sectionHeading('2. Kết quả thông tin, tuyên truyền'),
    ...bodyParagraphs(textParagraphs(texts.resultsBefore)),
    ...results,
    ...bodyParagraphs(textParagraphs(texts.resultsAfter)),
    ...assessmentSections(texts),
    ...closingBlock(closing),
  ];
}

/** Caption of the summary by channel in section 2. */
export const FIGURES_CAPTION = 'Số liệu tổng hợp theo hình thức tuyên truyền:';

/** Sections 1 to 4 and the closing of an office's report. */
export function reportBody(input: ReportDocumentInput): FileChild[] {
  const { office, texts, data } = input;
  const label = data.figures.period.label;
  const full = input.appendix.length >= data.figures.activities;
  const results = resultSentences(data, office.name, full ? 'full' : 'partial');
  return reportSections(
    openingParagraph(office.name, label, data.subject, texts.request),
    texts,
    [
      ...bodyParagraphs(results),
      ...captionedTable(FIGURES_CAPTION, figuresTable(summaryTable(data))),
    ],
    closingParagraph(office.name, label, texts.recipients, data.subject),
  );
}

/**
 * A report's first section around its body: header, title and subject, recipients, then
 * after the body "Nơi nhận" and the signature.
 */
export function reportFrame(
  office: Office,
  texts: ReportTexts,
  periodLabel: string,
  subject: ReportSubject,
  body: FileChild[],
): FileChild[] {
  return [
    headerBlock(office, texts.number, texts.date),
    ...titleBlock(reportSubjectLines(periodLabel, subject)),
    ...recipientsBlock(texts.recipients),
    ...body,
    signatureBlock(office.signer, copiesLines(texts)),
  ];
}

/** The whole first section: header, title, recipients, body, "Nơi nhận" and signature. */
export function reportMain(input: ReportDocumentInput): FileChild[] {
  const { data } = input;
  return reportFrame(
    input.office,
    input.texts,
    data.figures.period.label,
    data.subject,
    reportBody(input),
  );
}

/** What an appendix's title says of its report: number, date and office. */
const reportRef = ({ office, texts }: ReportDocumentInput) => ({
  number: texts.number,
  docSymbol: office.docSymbol,
  isoDate: texts.date,
  officeName: officeDisplayName(office.name, office.parent),
});

/** Whether the report has its second appendix, the photos. */
const hasPhotos = (input: ReportDocumentInput) => (input.photos?.length ?? 0) > 0;

/** The appendix: title and the table of activities. */
export function reportAppendix(input: ReportDocumentInput): FileChild[] {
  const { data } = input;
  return [
    // The subject and the office's place are named: an appendix may travel on its own, and
    // the drugs and trafficking appendices of one quarter must not look alike.
    ...appendixTitleBlock(
      `Danh sách hoạt động tuyên truyền công tác ${SUBJECT_PHRASES[data.subject]} ` +
        data.figures.period.label,
      reportRef(input),
      // Decree 30 numbers appendices in Roman numerals when there are several.
      hasPhotos(input) ? 'Phụ lục I' : 'Phụ lục',
    ),
    appendixTable(input.appendix, areaHeading((data.areaKinds ?? LEGACY_KINDS).all)),
    ...(data.figures.activities > input.appendix.length
      ? [
          bodyParagraph(
            `Danh sách trên gồm ${formatNumber(input.appendix.length)}/` +
              `${formatNumber(data.figures.activities)} hoạt động trong kỳ báo cáo; danh sách đầy ` +
              'đủ tại tệp dữ liệu điện tử gửi kèm Báo cáo.',
            { italics: true },
          ),
        ]
      : []),
  ];
}

/** The second appendix: the photos marked for the report, two to a page. */
export function photoAppendix(input: ReportDocumentInput): FileChild[] {
  const { data } = input;
  return [
    ...appendixTitleBlock(
      `Hình ảnh hoạt động tuyên truyền công tác ${SUBJECT_PHRASES[data.subject]} ` +
        data.figures.period.label,
      reportRef(input),
      'Phụ lục II',
    ),
    ...photoParagraphs(input.photos ?? []),
  ];
}

/**
 * docProps/core.xml with the given creation time. docx stamps `new Date()` and has no option
 * for it, so the part is replaced: two builds of the same input are equal.
 */
export function corePropertiesXml(title: string, createdAt: Date): string {
  const when = `${createdAt.toISOString().slice(0, 19)}Z`;
  const name = escapeXml(APP_NAME);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title.normalize('NFC'))}</dc:title>` +
    `<dc:creator>${name}</dc:creator><cp:lastModifiedBy>${name}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** Packs sections into a .docx with the report's styles and core properties. */
export async function packReport(
  sections: ISectionOptions[],
  title: string,
  createdAt: Date,
): Promise<Buffer> {
  const doc = new Document({
    creator: APP_NAME,
    title: title.normalize('NFC'),
    styles: DOCUMENT_STYLES,
    sections,
  });
  const packed = await Packer.toBuffer(doc, false, [
    { path: 'docProps/core.xml', data: corePropertiesXml(title, createdAt) },
  ]);
  return packRaw(packed, rawBlocks(sections.flatMap((s) => s.children)));
}

export async function buildReportDocx(input: ReportDocumentInput): Promise<Buffer> {
  const subject = reportSubject(input.data.figures.period.label, input.data.subject);
  return packReport(
    [
      mainSection(reportMain(input)),
      appendixSection(reportAppendix(input)),
      ...(hasPhotos(input) ? [appendixSection(photoAppendix(input))] : []),
    ],
    subject,
    input.createdAt,
  );
}
