// WordprocessingML written as text for the blocks that are most of a report's bytes: the
// tables of figures and, above all, the appendix's list of activities (2,000 rows of 7
// cells). The docx library builds an object per XML element and walks them all when it
// packs, which made the Word file of 500 activities take close to a second; the same table
// written as a string takes a few milliseconds. Everything else stays docx objects.
//
// A raw block enters the document as a placeholder paragraph holding a token; once docx has
// packed the file, packRaw swaps each placeholder for its XML and zips the parts again, with
// one fixed time on every entry so that the same input always gives the same bytes.

import { Paragraph, TextRun } from 'docx';
import { unzipSync, zipSync, type Zippable } from 'fflate';

/** Escapes text for an element's content or an attribute's value (in double quotes). */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

let serial = 0;

/**
 * A block of body XML (a `<w:tbl>`) standing where a paragraph may. Its token uses
 * private-use characters and sits in a run with no properties, a shape no text of the
 * report has (its runs always carry their font).
 */
export class RawXmlBlock extends Paragraph {
  readonly token: string;
  constructor(readonly xml: string) {
    const token = `\uE000raw${++serial}\uE001`;
    super({ children: [new TextRun(token)] });
    this.token = token;
  }
}

/**
 * Where a block's placeholder paragraph is in the document's XML and the paragraph
 * properties docx gave it: the section's properties when the block ends a section that is
 * not the last (docx puts a section break in the section's last paragraph).
 */
function findPlaceholder(xml: string, token: string): { start: number; end: number; pPr: string } {
  const at = xml.indexOf(token);
  if (at < 0 || xml.indexOf(token, at + 1) >= 0) {
    throw new Error(`Raw XML block ${token} not found exactly once in the document`);
  }
  const start = xml.lastIndexOf('<w:p>', at);
  const end = xml.indexOf('</w:p>', at) + '</w:p>'.length;
  const shape =
    /^<w:p>(<w:pPr>.*<\/w:pPr>)?<w:r><w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r><\/w:p>$/s;
  const m = shape.exec(xml.slice(start, end));
  if (start < 0 || !m || m[2] !== token) {
    throw new Error(`Raw XML block ${token} is not in a placeholder paragraph`);
  }
  return { start, end, pPr: m[1] ?? '' };
}

/**
 * Every entry of the file gets this time: a Word file's parts have no meaningful date (the
 * document's own is in docProps/core.xml), and a fixed one keeps the bytes the same.
 */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** Parts already compressed (photos): stored, not deflated again. */
const STORED = /^word\/media\//;

/**
 * The .docx docx packed, with each block's placeholder in word/document.xml replaced by
 * its XML. A placeholder that is missing, or found twice, is a programming error (a block
 * nested where docx writes it differently) and throws rather than leave a token in print.
 */
export function packRaw(packed: Uint8Array, blocks: readonly RawXmlBlock[]): Buffer {
  const parts = unzipSync(packed);
  if (blocks.length > 0) {
    let xml = new TextDecoder().decode(parts['word/document.xml']);
    for (const block of blocks) {
      const { start, end, pPr } = findPlaceholder(xml, block.token);
      // A section break the placeholder carried stays, in an empty paragraph after the block.
      const rest = pPr === '' ? '' : `<w:p>${pPr}</w:p>`;
      xml = xml.slice(0, start) + block.xml + rest + xml.slice(end);
    }
    if (xml.includes('\uE000raw')) throw new Error('A raw XML block was left unreplaced');
    parts['word/document.xml'] = new TextEncoder().encode(xml);
  }
  const zippable: Zippable = {};
  for (const [name, bytes] of Object.entries(parts)) {
    zippable[name] = [bytes, { mtime: ZIP_TIME, level: STORED.test(name) ? 0 : 6 }];
  }
  return Buffer.from(zipSync(zippable));
}

/** The raw blocks among a document's top-level children. */
export function rawBlocks(children: Iterable<unknown>): RawXmlBlock[] {
  return [...children].filter((c): c is RawXmlBlock => c instanceof RawXmlBlock);
}
