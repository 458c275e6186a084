// The report's header as a reader sees it: office reports for the fixtures' longest names and
// for the names of Lạng Sơn's offices and districts, rendered by LibreOffice (all in one
// call) and measured in the PDF. Each line of the left column is a grouping an officer
// would write, never a break inside "VĂN HÓA" or a place's name; the state's name keeps to
// one line; the short rules under the office's name, the subject and the appendix's title
// stand clear of the text above and below them, measured on the page's pixels.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportDocumentInput } from '../../electron/core/report/docx';
import { buildReportDocx } from '../../electron/core/report/docx';
import { HEADER_COLUMNS } from '../../electron/core/report/docxBlocks';
import { MARGIN, TEXT_WIDTH } from '../../electron/core/report/docxStyle';
import { REPORT_INPUT } from '../fixtures/reportInput';
import { ROOT } from './helpers';

const OUT = path.join(ROOT, 'test-output/report-header');

/** A header to render, with every way its lines may be written. */
interface Case {
  id: string;
  parent: string;
  name: string;
  parentLines: string[][];
  nameLines: string[][];
}

const VHTT = [['PHÒNG VĂN HÓA', 'VÀ THÔNG TIN'], ['PHÒNG VĂN HÓA VÀ THÔNG TIN']];
const district = (place: string) => [[`UBND HUYỆN ${place}`]];

const CASES: Case[] = [
  // The fixture office as typed, decomposed accents and all.
  {
    id: 'cao-loc',
    parent: REPORT_INPUT.office.parent,
    name: REPORT_INPUT.office.name,
    parentLines: district('CAO LỘC'),
    nameLines: VHTT,
  },
  {
    id: 'van-lang',
    parent: 'UBND huyện Văn Lãng',
    name: 'Phòng Văn hóa và Thông tin',
    parentLines: district('VĂN LÃNG'),
    nameLines: VHTT,
  },
  // The register's name of an office, with its district: the fixtures' longest.
  {
    id: 'trang-dinh',
    parent: 'UBND huyện Tràng Định',
    name: 'Phòng Văn hóa và Thông tin huyện Tràng Định',
    parentLines: district('TRÀNG ĐỊNH'),
    nameLines: [
      ['PHÒNG VĂN HÓA', 'VÀ THÔNG TIN', 'HUYỆN TRÀNG ĐỊNH'],
      ['PHÒNG VĂN HÓA VÀ THÔNG TIN', 'HUYỆN TRÀNG ĐỊNH'],
    ],
  },
  {
    id: 'so-vhttdl',
    parent: 'UBND tỉnh Lạng Sơn',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    parentLines: [['UBND TỈNH LẠNG SƠN']],
    nameLines: [
      ['SỞ VĂN HÓA, THỂ THAO', 'VÀ DU LỊCH'],
      ['SỞ VĂN HÓA,', 'THỂ THAO VÀ DU LỊCH'],
    ],
  },
  {
    id: 'so-tttt',
    parent: 'UBND tỉnh Lạng Sơn',
    name: 'Sở Thông tin và Truyền thông',
    parentLines: [['UBND TỈNH LẠNG SƠN']],
    nameLines: [['SỞ THÔNG TIN', 'VÀ TRUYỀN THÔNG'], ['SỞ THÔNG TIN VÀ TRUYỀN THÔNG']],
  },
  {
    id: 'dong-dang',
    parent: 'Ủy ban nhân dân xã Đồng Đăng',
    name: 'Phòng Văn hóa - Xã hội',
    parentLines: [['ỦY BAN NHÂN DÂN', 'XÃ ĐỒNG ĐĂNG'], ['ỦY BAN NHÂN DÂN XÃ ĐỒNG ĐĂNG']],
    nameLines: [['PHÒNG VĂN HÓA - XÃ HỘI']],
  },
  // A commune's office as the register names it (communeOffices.ts).
  {
    id: 'hoa-thuong',
    parent: 'UBND xã Hóa Thượng',
    name: 'Phòng Văn hóa - Xã hội xã Hóa Thượng',
    parentLines: [['UBND XÃ HÓA THƯỢNG']],
    nameLines: [['PHÒNG VĂN HÓA - XÃ HỘI', 'XÃ HÓA THƯỢNG']],
  },
  {
    id: 'huu-lung',
    parent: 'Ủy ban nhân dân huyện Hữu Lũng',
    name: 'Phòng Văn hóa và Thông tin',
    parentLines: [['ỦY BAN NHÂN DÂN', 'HUYỆN HỮU LŨNG']],
    nameLines: VHTT,
  },
  ...(
    [
      ['loc-binh', 'Lộc Bình'],
      ['bac-son', 'Bắc Sơn'],
      ['dinh-lap', 'Đình Lập'],
    ] as const
  ).map(([id, place]) => ({
    id,
    parent: `UBND huyện ${place}`,
    name: 'Phòng Văn hóa và Thông tin',
    parentLines: district(place.toLocaleUpperCase('vi')),
    nameLines: VHTT,
  })),
];

/** Words that a line must never end inside: the first syllable, then the second. */
const COMPOUNDS = [
  'VĂN HÓA',
  'THÔNG TIN',
  'THỂ THAO',
  'DU LỊCH',
  'TRUYỀN THÔNG',
  'XÃ HỘI',
  'ỦY BAN',
  'NHÂN DÂN',
  'CAO LỘC',
  'VĂN LÃNG',
  'TRÀNG ĐỊNH',
  'LỘC BÌNH',
  'BẮC SƠN',
  'ĐÌNH LẬP',
  'HỮU LŨNG',
  'LẠNG SƠN',
  'ĐỒNG ĐĂNG',
  'HÓA THƯỢNG',
].map((c) => c.split(' ') as [string, string]);

/** Converts all the files in one LibreOffice run: its start-up is most of the cost. */
function convertAll(docxFiles: string[]): void {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-'));
  try {
    const r = spawnSync(
      'libreoffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        OUT,
        ...docxFiles,
      ],
      { encoding: 'utf8', timeout: 170_000 },
    );
    if (r.status !== 0) throw new Error(`libreoffice exited with ${r.status}: ${r.stderr}`);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

interface Line {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .normalize('NFC');

/** The lines of each page with their boxes in points, as `pdftotext -bbox-layout` finds them. */
function pdfLines(pdf: string): Line[][] {
  const r = spawnSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', pdf, '-'], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`pdftotext exited with ${r.status}: ${r.stderr}`);
  const num = (attrs: string, name: string) =>
    Number(new RegExp(`${name}="([\\d.]+)"`).exec(attrs)?.[1]);
  return [...r.stdout.matchAll(/<page[\s\S]*?<\/page>/g)].map(([page]) =>
    [...page.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map(([, attrs, body]) => ({
      text: [...body!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1]!)).join(' '),
      xMin: num(attrs!, 'xMin'),
      yMin: num(attrs!, 'yMin'),
      xMax: num(attrs!, 'xMax'),
      yMax: num(attrs!, 'yMax'),
    })),
  );
}

/** Pixels per point of the scans: 144 dpi. */
const SCALE = 2;

/** A page in grey levels (0 black, 255 white), from `pdftoppm -gray` at 144 dpi. */
interface Scan {
  width: number;
  height: number;
  at(x: number, y: number): number;
}

function scanPage(pdf: string, page: number): Scan {
  const prefix = path.join(OUT, `${path.basename(pdf, '.pdf')}-scan-${page}`);
  const args = ['-gray', '-r', String(72 * SCALE), '-f', String(page), '-l', String(page)];
  const r = spawnSync('pdftoppm', [...args, '-singlefile', pdf, prefix], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftoppm exited with ${r.status}: ${r.stderr}`);
  const pgm = fs.readFileSync(`${prefix}.pgm`);
  // "P5 <width> <height> 255" and one byte a pixel.
  const head = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!head) throw new Error('not a PGM file');
  const [width, height] = [Number(head[1]), Number(head[2])];
  const offset = head[0].length;
  return { width, height, at: (x, y) => pgm[offset + y * width + x]! };
}

/** Ink: anything darker than the page, anti-aliased edges included. */
const INK = 220;
/** The core of a rule: the serifs of neighbouring letters never join this dark. */
const DARK = 128;

/** The longest run of pixels darker than `level` in row `y` between x0 and x1 (pixels). */
function longestRun(scan: Scan, y: number, x0: number, x1: number, level = DARK): number {
  let best = 0;
  let run = 0;
  for (let x = x0; x < x1; x++) {
    run = scan.at(x, y) < level ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

const rowHasInk = (scan: Scan, y: number, x0: number, x1: number) => {
  for (let x = x0; x < x1; x++) if (scan.at(x, y) < INK) return true;
  return false;
};

/**
 * The first horizontal rule between x0 and x1 (points) below `fromY`: rows holding a run of
 * ink at least `minLength` points long, which no letter has. Returns the space in points
 * between it and the nearest ink above and below, in the same columns.
 */
function ruleGaps(
  scan: Scan,
  x0pt: number,
  x1pt: number,
  fromY: number,
  minLength = 30,
): { y: number; above: number; below: number } {
  const [x0, x1] = [Math.floor(x0pt * SCALE), Math.ceil(x1pt * SCALE)];
  let top = Math.ceil(fromY * SCALE);
  while (top < scan.height && longestRun(scan, top, x0, x1) < minLength * SCALE) top++;
  if (top >= scan.height) throw new Error(`no rule below y=${fromY}`);
  // The rule's anti-aliased edges belong to it, not to the gap.
  while (longestRun(scan, top - 1, x0, x1, INK) >= minLength * SCALE) top--;
  let bottom = top;
  while (longestRun(scan, bottom + 1, x0, x1, INK) >= minLength * SCALE) bottom++;
  let up = top - 1;
  while (up > 0 && !rowHasInk(scan, up, x0, x1)) up--;
  let down = bottom + 1;
  while (down < scan.height - 1 && !rowHasInk(scan, down, x0, x1)) down++;
  return { y: top / SCALE, above: (top - up - 1) / SCALE, below: (down - bottom - 1) / SCALE };
}

/**
 * The least space, in points, between a short rule and the ink above or below it. Drawn
 * straight under the line box, the rule came 0 to 2.5 pt from the text: touching the dot
 * of "Ị" or the tail of "y", and no further from capitals than their own strokes are
 * thick.
 */
const GAP = 3;

/** Where the text area and the header's left column start and end, in points. */
const TEXT_LEFT = MARGIN.left / 20;
const TEXT_RIGHT = TEXT_LEFT + TEXT_WIDTH / 20;
const LEFT_COLUMN_END = TEXT_LEFT + HEADER_COLUMNS[0] / 20;

const pdfOf = (c: Case) => path.join(OUT, `${c.id}.pdf`);
const pages = new Map<string, Line[][]>();

beforeAll(async () => {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const files = await Promise.all(
    CASES.map(async (c, i) => {
      const input: ReportDocumentInput = {
        ...REPORT_INPUT,
        office: { ...REPORT_INPUT.office, parent: c.parent, name: c.name },
        // The first keeps its appendix of several pages; the others need only page 1.
        appendix: i === 0 ? REPORT_INPUT.appendix : REPORT_INPUT.appendix.slice(0, 2),
      };
      const file = path.join(OUT, `${c.id}.docx`);
      fs.writeFileSync(file, await buildReportDocx(input));
      return file;
    }),
  );
  convertAll(files);
  for (const c of CASES) pages.set(c.id, pdfLines(pdfOf(c)));
}, 180_000);

/** The lines of page 1's left column above "Số:", top to bottom. */
function leftColumn(c: Case): Line[] {
  const lines = pages.get(c.id)![0]!.filter((l) => l.xMax <= LEFT_COLUMN_END);
  lines.sort((a, b) => a.yMin - b.yMin);
  const number = lines.findIndex((l) => l.text.startsWith('Số:'));
  expect(number, `${c.id}: no "Số:" line`).toBeGreaterThan(0);
  return lines.slice(0, number);
}

describe('the header, rendered', () => {
  it.each(CASES.map((c) => [c.id, c] as const))(
    '%s: its names break between word groups only',
    (_id, c) => {
      const lines = leftColumn(c).map((l) => l.text);
      const allowed = c.parentLines.flatMap((p) => c.nameLines.map((n) => [...p, ...n]));
      expect(allowed).toContainEqual(lines);
      for (let i = 1; i < lines.length; i++) {
        const last = lines[i - 1]!.split(' ').at(-1);
        const next = lines[i]!.split(' ')[0];
        for (const [a, b] of COMPOUNDS) {
          expect(last === a && next === b, `${c.id}: "${a}" / "${b}"`).toBe(false);
        }
      }
    },
  );

  it('keeps "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" on one line in the right column', () => {
    for (const c of CASES) {
      const nation = pages.get(c.id)![0]!.find((l) => l.text.startsWith('CỘNG HÒA'));
      expect(nation?.text, c.id).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(nation!.xMin, c.id).toBeGreaterThanOrEqual(LEFT_COLUMN_END);
      expect(nation!.xMax, c.id).toBeLessThanOrEqual(TEXT_RIGHT);
    }
  });

  it('leaves space between the short rule and the office name, and before "Số:"', () => {
    for (const c of CASES) {
      const left = leftColumn(c);
      const number = pages.get(c.id)![0]!.find((l) => l.text.startsWith('Số:'))!;
      const rule = ruleGaps(scanPage(pdfOf(c), 1), TEXT_LEFT, LEFT_COLUMN_END, left[0]!.yMin);
      // Below the box of the name's last line, above "Số:".
      expect(rule.y, c.id).toBeGreaterThan(left.at(-1)!.yMax - 1);
      expect(rule.y, c.id).toBeLessThan(number.yMin);
      // Ink to rule, as the eye sees it: the dot under "Ị" of "DU LỊCH" is the lowest ink.
      expect(rule.above, `${c.id}: name to rule`).toBeGreaterThanOrEqual(GAP);
      expect(rule.below, `${c.id}: rule to "Số:"`).toBeGreaterThanOrEqual(GAP);
    }
  });

  it('leaves space around the rule under the subject', () => {
    const c = CASES[0]!;
    const lines = pages.get(c.id)![0]!;
    const title = lines.find((l) => l.text === 'BÁO CÁO')!;
    const rule = ruleGaps(scanPage(pdfOf(c), 1), TEXT_LEFT, TEXT_RIGHT, title.yMax);
    expect(rule.above, 'subject to rule').toBeGreaterThanOrEqual(GAP);
    expect(rule.below, 'rule to "Kính gửi"').toBeGreaterThanOrEqual(GAP);
  });

  it('leaves space between the appendix title and its rule', () => {
    const c = CASES[0]!;
    const all = pages.get(c.id)!;
    const page = all.findIndex((p) => p.some((l) => l.text === 'Phụ lục'));
    expect(page).toBeGreaterThan(0);
    const heading = all[page]!.find((l) => l.text === 'Phụ lục')!;
    const rule = ruleGaps(scanPage(pdfOf(c), page + 1), TEXT_LEFT, TEXT_RIGHT, heading.yMax);
    expect(rule.above, 'reference to rule').toBeGreaterThanOrEqual(GAP);
    expect(rule.below, 'rule to the table').toBeGreaterThanOrEqual(GAP);
  });
});
