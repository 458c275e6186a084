// The merged report of a province of 120 communes' offices: the table by office holds one
// row per office (90 counted, 30 that did not report), runs over several A4 pages, and
// repeats its header row on each of them (w:tblHeader, as LibreOffice renders it). With the
// four channels district offices run it is one table; with all ten, the channels that do not
// fit the portrait page go to a second table by office, and LibreOffice's rendering shows
// every office and every figure whole, inside the page's text width. Pages are also drawn to
// PNG under test-output/merged/ for a person to look at.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildMergedDocx,
  OFFICES_CAPTION,
  OFFICES_NEXT_CAPTION,
} from '../../electron/core/report/mergedDocx';
import { MARGIN, PAGE, TEXT_WIDTH } from '../../electron/core/report/docxStyle';
import { CHANNEL_MEASURES, CHANNELS, CORE_CHANNELS, type Channel } from '../../shared/domain';
import { formatNumber } from '../../shared/format';
import type { MergedData, OfficeFigures } from '../../shared/inbox';
import type { ChannelFigures } from '../../shared/report';
import { COMMUNE_COUNT, COMMUNE_OFFICES } from '../fixtures/communeOffices';
import { MERGED_DATA, MERGED_INPUT } from '../fixtures/mergedData';
import { convertToPdf, pdfInfo, plainText, zipPart } from './docxRender';
import { ROOT } from './helpers';

const OUT = path.join(ROOT, 'test-output/merged');

/** Every fourth office has not reported; the others have figures growing with their place. */
const missing = (i: number) => i % 4 === 3;

/**
 * The main figure of a channel at office i: small counts mostly, thousands of leaflets and
 * messages, so the sums reach six and seven digits as a province's do.
 */
function mainFigure(c: Channel, i: number): number {
  if (c === 'leaflet') return 1000 + 25 * i;
  if (c === 'sms') return 5000 + 123 * i;
  return 1 + ((i + CHANNELS.indexOf(c)) % 9);
}

function figures(i: number, channels: readonly Channel[]): Record<Channel, ChannelFigures> {
  const zero = (): ChannelFigures => ({ activities: 0, audience: 0, costVnd: 0, measures: {} });
  const all = Object.fromEntries(CHANNELS.map((c) => [c, zero()])) as Record<
    Channel,
    ChannelFigures
  >;
  if (missing(i)) return all;
  for (const c of channels) {
    all[c] = {
      activities: 1 + (i % 3),
      audience: 100 + i,
      costVnd: 500_000,
      measures: { [CHANNEL_MEASURES[c].counts[0]!]: mainFigure(c, i) },
    };
  }
  return all;
}

function merged(channels: readonly Channel[]): MergedData {
  const offices: OfficeFigures[] = COMMUNE_OFFICES.map((o, i) => {
    const byChannel = figures(i, channels);
    const sum = (k: 'activities' | 'audience' | 'costVnd') =>
      CHANNELS.reduce((n, c) => n + byChannel[c][k], 0);
    return {
      code: o.code,
      name: o.name,
      state: missing(i) ? 'missing' : 'received',
      sequence: missing(i) ? null : 1,
      activities: sum('activities'),
      audience: sum('audience'),
      costVnd: sum('costVnd'),
      byChannel,
    };
  });
  return {
    ...MERGED_DATA,
    offices,
    expected: COMMUNE_COUNT,
    reported: offices.filter((o) => o.state !== 'missing').length,
    coverage: offices.map((o) => ({
      officeCode: o.code,
      name: o.name,
      included: o.state === 'missing' ? [] : ['2023-Q3'],
      missing: o.state === 'missing' ? ['2023-Q3'] : [],
    })),
  };
}

const cells = (row: string) =>
  (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((c) => plainText(c).trim().replace(/\n/g, ' '));

/** The first table after a caption, as its rows' XML. */
function tableAfter(xml: string, caption: string): string[] {
  const at = xml.indexOf(`>${caption}<`);
  if (at < 0) return [];
  const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml.slice(at))![0];
  return table.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
}

const gridOf = (xml: string, caption: string) => {
  const at = xml.indexOf(`>${caption}<`);
  const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml.slice(at))![0];
  return [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
};

/** Builds the report, writes it under test-output/merged/ and reads its document part. */
async function build(name: string, data: MergedData): Promise<{ docx: string; xml: string }> {
  const buffer = await buildMergedDocx({ ...MERGED_INPUT, data });
  fs.mkdirSync(OUT, { recursive: true });
  const docx = path.join(OUT, `${name}.docx`);
  fs.writeFileSync(docx, buffer);
  return { docx, xml: await zipPart(await JSZip.loadAsync(buffer), 'word/document.xml') };
}

const pageText = (pdf: string, n: number) =>
  spawnSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], {
    encoding: 'utf8',
  }).stdout.normalize('NFC');

/** Draws page n to `<stem>.png` at 80 dpi, for a person to look at. */
function drawPage(pdf: string, n: number, stem: string): string {
  const file = path.join(OUT, stem);
  spawnSync('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    String(n),
    '-l',
    String(n),
    '-singlefile',
    pdf,
    file,
  ]);
  return `${file}.png`;
}

/** Words of the PDF with their boxes, in points. */
function pdfWords(pdf: string): { word: string; xMin: number; xMax: number }[] {
  const html = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' }).stdout;
  return [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)</g),
  ].map((m) => ({ word: m[3]!, xMin: Number(m[1]), xMax: Number(m[2]) }));
}

/** A table row's line as pdftotext -layout writes it: number, name, then each cell. */
const rowLine = (n: number, name: string, rest: readonly string[]) =>
  new RegExp(
    `^\\s*${n}\\s+${name}\\s+${rest.map((v) => v.replace(/[.()]/g, '\\$&')).join('\\s+')}\\s*$`,
    'm',
  );

const dash = (n: number) => (n > 0 ? formatNumber(n) : '-');

describe('merged report .docx of 120 offices, the four core channels', () => {
  const DATA = merged(CORE_CHANNELS);
  let docx: string;
  let rows: string[];
  let xml: string;

  beforeAll(async () => {
    ({ docx, xml } = await build('bao-cao-tong-hop-120-xa', DATA));
    rows = tableAfter(xml, OFFICES_CAPTION);
  });

  it('marks the header row to repeat on each page, and only that row', () => {
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(cells(rows[0]!)).toEqual([
      'STT',
      'Đơn vị',
      'Số hoạt động',
      'Xe lưu động (buổi)',
      'Băng rôn (chiếc)',
      'Chiếu phim (buổi)',
      'Truyền thanh (tin, bài)',
      'Số lượt người',
    ]);
    expect(rows.slice(1).filter((r) => r.includes('<w:tblHeader'))).toEqual([]);
    // Four channels fit beside the office's name: one table, no continuation.
    expect(xml).not.toContain(OFFICES_NEXT_CAPTION);
  });

  it('has one row per office, numbered 1 to 120, then the totals', () => {
    expect(rows).toHaveLength(1 + COMMUNE_COUNT + 1);
    const body = rows.slice(1, -1).map(cells);
    expect(body.map((r) => r[0])).toEqual(DATA.offices.map((_, i) => String(i + 1)));
    expect(body[0]![1]).toContain('Hoà An');
    expect(body.filter((r) => r[2] === 'Chưa báo cáo')).toHaveLength(30);
    expect(cells(rows.at(-1)!)[1]).toBe('Tổng cộng');
    // No row breaks across a page: a figure is never split from its office.
    for (const r of rows) expect(r).toContain('<w:cantSplit/>');
  });

  it('repeats the header on every page the table runs over', { timeout: 120_000 }, () => {
    const pdf = convertToPdf(docx);
    const { pages } = pdfInfo(pdf);
    const texts = Array.from({ length: pages }, (_, i) => pageText(pdf, i + 1));
    // Pages holding office rows ("Xã …" in the table's second column: the shared "Phòng VH-XH"
    // is dropped when every office is a commune's).
    const withRows = texts
      .map((t, i) => ({ t, page: i + 1 }))
      .filter(({ t }) => /^\s*\d+\s+Xã /m.test(t) || /^\s*\d+\s+.*Chưa báo cáo/m.test(t));
    expect(withRows.length).toBeGreaterThanOrEqual(3);
    for (const { t, page } of withRows) {
      expect(t, `page ${page}`).toMatch(/Xe lưu động\s+Băng rôn\s+Chiếu phim\s+Truyền thanh/);
    }
    const png = drawPage(pdf, withRows[1]!.page, 'bao-cao-tong-hop-120-xa-trang-giua');
    expect(fs.existsSync(png)).toBe(true);
  });
});

describe('merged report .docx of 120 offices, all ten channels', () => {
  const DATA = merged(CHANNELS);
  const FIRST = ['van', 'banner', 'cinema', 'radio'] as const;
  const NEXT = ['leaflet', 'meeting', 'online', 'press', 'sms', 'model'] as const;
  let docx: string;
  let xml: string;

  beforeAll(async () => {
    ({ docx, xml } = await build('bao-cao-tong-hop-120-xa-10-hinh-thuc', DATA));
  });

  /** The figures of office i's row in each table, as the table prints them. */
  function expected(o: OfficeFigures, channels: readonly Channel[], lead: boolean): string[] {
    const main = channels.map((c) =>
      dash(o.byChannel[c].measures[CHANNEL_MEASURES[c].counts[0]!] ?? 0),
    );
    return lead ? [formatNumber(o.activities), ...main, dash(o.audience)] : main;
  }

  const sum = (c: Channel) =>
    DATA.offices.reduce(
      (n, o) => n + (o.byChannel[c].measures[CHANNEL_MEASURES[c].counts[0]!] ?? 0),
      0,
    );

  it('puts the four core channels in the first table and the six others in a second', () => {
    const first = tableAfter(xml, OFFICES_CAPTION);
    const next = tableAfter(xml, OFFICES_NEXT_CAPTION);
    expect(cells(first[0]!)).toEqual([
      'STT',
      'Đơn vị',
      'Số hoạt động',
      'Xe lưu động (buổi)',
      'Băng rôn (chiếc)',
      'Chiếu phim (buổi)',
      'Truyền thanh (tin, bài)',
      'Số lượt người',
    ]);
    expect(cells(next[0]!)).toEqual([
      'STT',
      'Đơn vị',
      'Tờ rơi (bản)',
      'Hội nghị (buổi)',
      'Trực tuyến (tin, bài)',
      'Báo, đài (tin, bài)',
      'Tin nhắn (tin)',
      'Mô hình (số lượng)',
    ]);
    for (const rows of [first, next]) {
      expect(rows).toHaveLength(1 + COMMUNE_COUNT + 1);
      expect(rows[0]).toContain('<w:tblHeader/>');
      for (const r of rows) expect(r).toContain('<w:cantSplit/>');
    }
    // The same offices in the same order, each row of the second table its own figures.
    expect(next.slice(1, -1).map((r) => cells(r).slice(0, 2))).toEqual(
      first.slice(1, -1).map((r) => cells(r).slice(0, 2)),
    );
    const i = DATA.offices.findIndex((o) => o.state === 'received');
    expect(cells(next[i + 1]!).slice(2)).toEqual(expected(DATA.offices[i]!, NEXT, false));
    expect(cells(next.at(-1)!)).toEqual([
      '',
      'Tổng cộng',
      ...NEXT.map((c) => formatNumber(sum(c))),
    ]);
  });

  it('fills the text width, the office’s name never narrower than two lines of a district’s', () => {
    for (const caption of [OFFICES_CAPTION, OFFICES_NEXT_CAPTION]) {
      const grid = gridOf(xml, caption);
      expect(
        grid.reduce((a, b) => a + b, 0),
        caption,
      ).toBe(TEXT_WIDTH);
      expect(grid[1], caption).toBeGreaterThanOrEqual(2024);
    }
  });

  it(
    'renders every office and every figure whole, inside the page’s text width',
    { timeout: 120_000 },
    () => {
      const pdf = convertToPdf(docx);
      const { pages, width } = pdfInfo(pdf);
      expect(width).toBe(595);
      const texts = Array.from({ length: pages }, (_, i) => pageText(pdf, i + 1));
      const all = texts.join('\n');
      const at = all.indexOf(OFFICES_NEXT_CAPTION);
      expect(at).toBeGreaterThan(all.indexOf(OFFICES_CAPTION));
      const parts = [all.slice(all.indexOf(OFFICES_CAPTION), at), all.slice(at)];
      const names = DATA.offices.map((_, i) => `Xã ${COMMUNE_OFFICES[i]!.commune}`);
      for (const [p, channels] of [
        [0, FIRST],
        [1, NEXT],
      ] as const) {
        DATA.offices.forEach((o, i) => {
          const figures = o.state === 'missing' ? ['Chưa báo cáo'] : expected(o, channels, p === 0);
          expect(parts[p], `table ${p + 1}, ${names[i]}`).toMatch(
            rowLine(i + 1, names[i]!, figures),
          );
          // Each office once in each table.
          const rows = parts[p]!.match(new RegExp(`^\\s*\\d+\\s+${names[i]}\\s`, 'gm'));
          expect(rows, names[i]).toHaveLength(1);
        });
      }
      const total = (c: Channel) => formatNumber(sum(c));
      const activities = DATA.offices.reduce((n, o) => n + o.activities, 0);
      const audience = DATA.offices.reduce((n, o) => n + o.audience, 0);
      expect(parts[0]).toMatch(
        new RegExp(
          `Tổng cộng\\s+${[activities, ...FIRST.map(sum), audience].map(formatNumber).join('\\s+')}`,
        ),
      );
      expect(parts[1]).toMatch(new RegExp(`Tổng cộng\\s+${NEXT.map(total).join('\\s+')}`));

      // No word runs past the right margin (the page is A4 portrait, 595 pt wide).
      const right = (PAGE.width - MARGIN.right) / 20;
      const words = pdfWords(pdf);
      const widest = Math.max(...words.map((w) => w.xMax));
      expect(widest).toBeLessThanOrEqual(right + 0.5);
      // Headers stay whole: "Truyền thanh" is not broken into "Truyền" / "thanh" lines.
      const header = [
        /Xe lưu động\s+Băng rôn\s+Chiếu phim\s+Truyền thanh\s+Số lượt/,
        /Tờ rơi\s+Hội nghị\s+Trực tuyến\s+Báo, đài\s+Tin nhắn\s+Mô hình/,
      ];
      // Every page holding rows of a table repeats that table's header above them.
      let part = 0;
      const drawn: number[] = [];
      texts.forEach((t, n) => {
        const segments = t.includes(OFFICES_NEXT_CAPTION) ? t.split(OFFICES_NEXT_CAPTION) : [t];
        segments.forEach((s, k) => {
          if (k > 0) part = 1;
          if (!/^\s*\d+\s+(Xã |.*Chưa báo cáo)/m.test(s)) return;
          expect(s, `page ${n + 1}`).toMatch(header[part]!);
          if (!drawn.includes(n + 1)) drawn.push(n + 1);
        });
      });
      // The first page of the table, one in the middle of each table, and where the second
      // begins, drawn for a person to look at.
      const second = texts.findIndex((t) => t.includes(OFFICES_NEXT_CAPTION)) + 1;
      const middle = (from: number, to: number) => drawn.filter((p) => p > from && p < to);
      const shots = [
        drawn[0]!,
        middle(drawn[0]!, second)[1] ?? drawn[1]!,
        second,
        middle(second, Infinity)[1] ?? drawn.at(-1)!,
      ];
      for (const [k, page] of shots.entries()) {
        expect(
          fs.existsSync(drawPage(pdf, page, `bao-cao-tong-hop-120-xa-10-hinh-thuc-${k + 1}`)),
        ).toBe(true);
      }
    },
  );
});
