// The report's appendix "Hình ảnh hoạt động": the photos staff marked for the report, two to
// an A4 page, each scaled to fit its half of the page and centred, with its caption in
// italics under it. Only the reduced copies (JPEG) are printed, never an original.

import { AlignmentType, ImageRun, Paragraph } from 'docx';
import { MARGIN, PAGE, PT, TEXT_WIDTH, TIGHT_SPACING, centred } from './docxStyle';

/** One photo of the appendix, as reportPhotos.ts reads it from the store. */
export interface ReportPhoto {
  /** The reduced copy's bytes (JPEG). */
  jpeg: Buffer;
  /** Its pixels, upright. */
  width: number;
  height: number;
  /** The activity's title, dates and areas ("" for an activity of the whole office). */
  title: string;
  dates: string;
  areas: string;
}

/** "Ảnh 3. Title — 28/07/2023 — Xã Hợp Thành, Xã Thụy Hùng": the areas only when there are. */
export function photoCaption(n: number, photo: Pick<ReportPhoto, 'title' | 'dates' | 'areas'>) {
  return [`Ảnh ${n}. ${photo.title.trim()}`, photo.dates, photo.areas.trim()]
    .filter((part) => part !== '')
    .join(' — ');
}

/** Photos on one page. */
export const PHOTOS_PER_PAGE = 2;

/** Twips in one CSS pixel (96 to the inch), the unit of ImageRun's transformation. */
const TWIPS_PER_PX = 15;
/** The height of the page's text area, in twips. */
const TEXT_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom;
/**
 * Room for the appendix's title on its first page ("Phụ lục II", a heading of two lines,
 * "(Kèm theo Báo cáo số …)" of two lines and the short rule take 2,160 twips in
 * LibreOffice), with a line to spare.
 */
const TITLE_ROOM = 2500;
/** Caption: 13 pt italic, single-spaced, 4 pt above, 18 pt below (the gap to the next photo). */
const CAPTION = { size: PT.header, before: 80, after: 360 } as const;
/** A line of 13 pt Times New Roman, single-spaced, as Word and LibreOffice set it (~1.15 em). */
const CAPTION_LINE = Math.ceil(CAPTION.size * 1.15 * 20);
/**
 * Room under an inline picture on its line (the font's descent) and for rounding: a page
 * computed to the twip would spill its last caption over in one of the two programs.
 */
const PHOTO_LINE_EXTRA = 200;

/**
 * Lines a caption takes, over- rather than under-estimated: Times New Roman italic averages
 * some 0.41 em per character in Vietnamese text; 0.47 em leaves room for capitals.
 */
export function captionLines(text: string): number {
  const width = [...text.normalize('NFC')].length * CAPTION.size * 0.47;
  return Math.max(1, Math.ceil(width / ((TEXT_WIDTH / 20) * 0.95)));
}

const captionHeight = (text: string) =>
  captionLines(text) * CAPTION_LINE + CAPTION.before + CAPTION.after;

/** The least height a photo is given, in twips (an inch), however long its captions. */
const MIN_PHOTO_HEIGHT = 1440;

/** The size in pixels that fits `box` (width, height in twips), aspect ratio kept. */
export function fitted(
  photo: Pick<ReportPhoto, 'width' | 'height'>,
  box: { width: number; height: number },
): { width: number; height: number } {
  const scale = Math.min(
    box.width / TWIPS_PER_PX / photo.width,
    box.height / TWIPS_PER_PX / photo.height,
  );
  return {
    width: Math.max(1, Math.floor(photo.width * scale)),
    height: Math.max(1, Math.floor(photo.height * scale)),
  };
}

/**
 * The photos' paragraphs, two to a page: on each page the room the captions leave is shared
 * equally, so the two photos of a page get the same box, a portrait one narrower in it. The
 * first page also holds the title (`titleRoom`); every later pair starts a new page.
 */
export function photoParagraphs(photos: readonly ReportPhoto[], titleRoom = TITLE_ROOM) {
  const out: Paragraph[] = [];
  for (let first = 0; first < photos.length; first += PHOTOS_PER_PAGE) {
    const page = photos.slice(first, first + PHOTOS_PER_PAGE);
    const captions = page.map((p, i) => photoCaption(first + i + 1, p));
    const room =
      TEXT_HEIGHT -
      (first === 0 ? titleRoom : 0) -
      captions.reduce((sum, c) => sum + captionHeight(c) + PHOTO_LINE_EXTRA, 0);
    const height = Math.max(MIN_PHOTO_HEIGHT, Math.floor(room / PHOTOS_PER_PAGE));
    const box = { width: TEXT_WIDTH, height };
    page.forEach((photo, i) => {
      const n = first + i + 1;
      const size = fitted(photo, box);
      const caption = captions[i]!;
      out.push(
        new Paragraph({
          children: [
            new ImageRun({
              type: 'jpg',
              data: photo.jpeg,
              transformation: size,
              // A fixed id: docx would otherwise number pictures from a counter global to the
              // process, and a second build of the same report would differ.
              altText: { id: String(n), name: `Ảnh ${n}`, description: caption.normalize('NFC') },
            }),
          ],
          alignment: AlignmentType.CENTER,
          spacing: TIGHT_SPACING,
          // The picture stays with its caption; a pair after the first starts its own page.
          keepNext: true,
          pageBreakBefore: i === 0 && first > 0,
        }),
      );
      out.push(
        centred(caption, {
          size: CAPTION.size,
          italics: true,
          keepLines: true,
          before: CAPTION.before,
          after: CAPTION.after,
        }),
      );
    });
  }
  return out;
}
