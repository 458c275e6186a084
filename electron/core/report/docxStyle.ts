// Page, font and paragraph rules of the report, after Decree 30/2020/NĐ-CP on administrative
// documents (Appendix I: A4, Times New Roman, body 13–14 pt, margins 20–25/20–25/30–35/15–20
// mm), and the small run and paragraph factories every block is built from.
// Measures are in twips (1/20 pt; 1 mm ≈ 56.7 twips) and fonts in half-points, as docx wants.

import type { IParagraphOptions, IRunOptions, IStylesOptions } from 'docx';
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TabStopType, TextRun } from 'docx';

export const FONT = 'Times New Roman';

/**
 * The font for every character set. eastAsia matters: Word picks the East Asian slot for
 * some Vietnamese letters with stacked marks, and would otherwise fall back to another font.
 */
export const FONTS = { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT } as const;

/** A4 portrait. */
export const PAGE = { width: 11906, height: 16838 } as const;
/** 20 mm top and bottom, 30 mm left, 15 mm right. */
export const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 851, header: 567 } as const;
/** The text width: 11906 − 1701 − 851. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** Font sizes in points. */
export const PT = { body: 14, header: 13, nation: 12, motto: 13, table: 12, small: 11 } as const;

/** 1.27 cm first-line indent of body paragraphs. */
export const FIRST_LINE = 720;
/** Line spacing 1.2 (240 = single) and 6 pt after each paragraph. */
export const BODY_SPACING = { line: 288, lineRule: LineRuleType.AUTO, before: 0, after: 120 };
/** Single spacing, no gap: headers, tables, signature. */
export const TIGHT_SPACING = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 };

/** Options of a run: a subset of docx's, with the size in points. */
export interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
}

/** A text run in Times New Roman, NFC. */
export function run(text: string, style: RunStyle = {}): TextRun {
  const options: IRunOptions = {
    text: text.normalize('NFC'),
    font: FONTS,
    size: (style.size ?? PT.body) * 2,
    bold: style.bold,
    italics: style.italics,
    underline: style.underline ? {} : undefined,
  };
  return new TextRun(options);
}

export type ParagraphStyle = RunStyle & {
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  /** First-line indent in twips (body paragraphs get FIRST_LINE). */
  firstLine?: number;
  indentLeft?: number;
  indentRight?: number;
  hanging?: number;
  /** A left tab stop, in twips from the margin. */
  tabStop?: number;
  tight?: boolean;
  /** Space before, in twips. */
  before?: number;
  after?: number;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
};

/** A paragraph of one or more runs; the paragraph mark takes the same size and font. */
export function paragraph(content: string | TextRun[], style: ParagraphStyle = {}): Paragraph {
  const children = typeof content === 'string' ? [run(content, style)] : content;
  const spacing = { ...(style.tight ? TIGHT_SPACING : BODY_SPACING) };
  if (style.before !== undefined) spacing.before = style.before;
  if (style.after !== undefined) spacing.after = style.after;
  const options: IParagraphOptions = {
    children,
    alignment: style.align ?? AlignmentType.JUSTIFIED,
    spacing,
    indent: {
      firstLine: style.hanging ? undefined : style.firstLine,
      hanging: style.hanging,
      left: style.indentLeft,
      right: style.indentRight,
    },
    tabStops:
      style.tabStop === undefined
        ? undefined
        : [{ type: TabStopType.LEFT, position: style.tabStop }],
    keepNext: style.keepNext,
    keepLines: style.keepLines,
    pageBreakBefore: style.pageBreakBefore,
    run: { font: FONTS, size: (style.size ?? PT.body) * 2 },
  };
  return new Paragraph(options);
}

/** A body paragraph: 14 pt, justified, first-line indent 1.27 cm. */
export function bodyParagraph(text: string, style: ParagraphStyle = {}): Paragraph {
  return paragraph(text, { firstLine: FIRST_LINE, ...style });
}

/** A centred line, single-spaced (headers, titles, table cells). */
export function centred(content: string | TextRun[], style: ParagraphStyle = {}): Paragraph {
  return paragraph(content, { align: AlignmentType.CENTER, tight: true, ...style });
}

/**
 * Space above a short rule, in twips. The rule is the top border of its own paragraph,
 * drawn where the line above ends: at the bottom of the font's descent, which the dot of
 * "Ộ" or "Ị" and the tail of "q" or "y" reach. Decree 30's sample leaves a visible gap.
 */
export const RULE_BEFORE = 80;

/**
 * A short horizontal rule, centred in a box `width` twips wide and `length` long: the line
 * under the office name and under the subject (Decree 30, Appendix I: a solid line 1/3 to
 * 1/2 as long as the text above, centred on it). An empty paragraph with a top border,
 * indented from both sides, renders the same in Word and LibreOffice.
 */
export function shortRule(
  width: number,
  length: number,
  after = 0,
  before = RULE_BEFORE,
): Paragraph {
  const side = Math.max(0, Math.round((width - length) / 2));
  return new Paragraph({
    children: [],
    spacing: { line: 240, lineRule: LineRuleType.AUTO, before, after },
    indent: { left: side, right: side },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    run: { font: FONTS, size: 8 },
  });
}

/** Sizes in points of the text in data tables, each a paragraph style of its own. */
export const TABLE_TEXT_SIZES = [10, 11, 12] as const;
export type TableTextSize = (typeof TABLE_TEXT_SIZES)[number];

/** The paragraph style of table text in `size` points: single-spaced, no gap. */
export const tableTextStyle = (size: TableTextSize) => `TableText${size}`;

/**
 * Document-wide defaults, so text typed later in Word keeps the font and size, and the
 * table text styles: a cell names its style instead of repeating font, size and spacing,
 * which kept the appendix's XML four times larger than its text needs.
 */
export const DOCUMENT_STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONTS, size: PT.body * 2, language: { value: 'vi-VN', eastAsia: 'vi-VN' } },
      paragraph: { spacing: BODY_SPACING },
    },
  },
  paragraphStyles: TABLE_TEXT_SIZES.map((size) => ({
    id: tableTextStyle(size),
    name: `Table Text ${size}`,
    basedOn: 'Normal',
    run: { font: FONTS, size: size * 2 },
    paragraph: { spacing: TIGHT_SPACING },
  })),
};
