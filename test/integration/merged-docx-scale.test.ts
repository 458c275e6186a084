// The merged report of a province of 120 communes' offices: the table by office holds one
// row per office (90 counted, 30 that did not report), runs over several A4 pages, and
// repeats its header row on each of them (w:tblHeader, as LibreOffice renders it). A page
// is also drawn to PNG under test-output/merged/ for a person to look at.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMergedDocx, OFFICES_CAPTION } from '../../electron/core/report/mergedDocx';
import { CHANNELS, type Channel } from '../../shared/domain';
import type { MergedData, OfficeFigures } from '../../shared/inbox';
import type { ChannelFigures } from '../../shared/report';
import { COMMUNE_COUNT, COMMUNE_OFFICES } from '../fixtures/communeOffices';
import { MERGED_DATA, MERGED_INPUT } from '../fixtures/mergedData';
import { convertToPdf, pdfInfo, plainText, zipPart } from './docxRender';
import { ROOT } from './helpers';

const OUT = path.join(ROOT, 'test-output/merged');
const DOCX = path.join(OUT, 'bao-cao-tong-hop-120-xa.docx');

/** Every fourth office has not reported; the others have figures growing with their place. */
const missing = (i: number) => i % 4 === 3;

function figures(i: number): Record<Channel, ChannelFigures> {
  const zero = (): ChannelFigures => ({ activities: 0, audience: 0, costVnd: 0, measures: {} });
  const all = Object.fromEntries(CHANNELS.map((c) => [c, zero()])) as Record<
    Channel,
    ChannelFigures
  >;
  if (missing(i)) return all;
  all.van = { activities: 2, audience: 300 + i, costVnd: 1_000_000, measures: { sessions: 2 } };
  all.banner = { activities: 1, audience: 0, costVnd: 500_000, measures: { pieces: 3 + (i % 5) } };
  all.radio = { activities: 3, audience: 900, costVnd: 0, measures: { items: 4 + (i % 7) } };
  return all;
}

const OFFICES: OfficeFigures[] = COMMUNE_OFFICES.map((o, i) => {
  const byChannel = figures(i);
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

const DATA: MergedData = {
  ...MERGED_DATA,
  offices: OFFICES,
  expected: COMMUNE_COUNT,
  reported: OFFICES.filter((o) => o.state !== 'missing').length,
  coverage: OFFICES.map((o) => ({
    officeCode: o.code,
    name: o.name,
    included: o.state === 'missing' ? [] : ['2023-Q3'],
    missing: o.state === 'missing' ? ['2023-Q3'] : [],
  })),
};

let table: string;
let rows: string[];

beforeAll(async () => {
  const buffer = await buildMergedDocx({ ...MERGED_INPUT, data: DATA });
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(DOCX, buffer);
  const xml = await zipPart(await JSZip.loadAsync(buffer), 'word/document.xml');
  // The table by office is the first table after its caption.
  const after = xml.slice(xml.indexOf(OFFICES_CAPTION));
  table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(after)![0];
  rows = table.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
});

const cells = (row: string) =>
  (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((c) => plainText(c).trim().replace(/\n/g, ' '));

describe('merged report .docx of 120 offices', () => {
  it('marks the header row to repeat on each page, and only that row', () => {
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(cells(rows[0]!).slice(0, 3)).toEqual(['STT', 'Đơn vị', 'Số hoạt động']);
    expect(rows.slice(1).filter((r) => r.includes('<w:tblHeader'))).toEqual([]);
  });

  it('has one row per office, numbered 1 to 120, then the totals', () => {
    expect(rows).toHaveLength(1 + COMMUNE_COUNT + 1);
    const body = rows.slice(1, -1).map(cells);
    expect(body.map((r) => r[0])).toEqual(OFFICES.map((_, i) => String(i + 1)));
    expect(body[0]![1]).toContain('Hoà An');
    expect(body.filter((r) => r[2] === 'Chưa báo cáo')).toHaveLength(30);
    expect(cells(rows.at(-1)!)[1]).toBe('Tổng cộng');
    // No row breaks across a page: a figure is never split from its office.
    for (const r of rows) expect(r).toContain('<w:cantSplit/>');
  });

  it('repeats the header on every page the table runs over', { timeout: 120_000 }, () => {
    const pdf = convertToPdf(DOCX);
    const { pages } = pdfInfo(pdf);
    const pageText = (n: number) =>
      spawnSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], {
        encoding: 'utf8',
      }).stdout.normalize('NFC');
    const texts = Array.from({ length: pages }, (_, i) => pageText(i + 1));
    // Pages holding office rows ("Xã …" in the table's second column: the shared "Phòng VH-XH"
    // is dropped when every office is a commune's).
    const withRows = texts
      .map((t, i) => ({ t, page: i + 1 }))
      .filter(({ t }) => /^\s*\d+\s+Xã /m.test(t) || /^\s*\d+\s+.*Chưa báo cáo/m.test(t));
    expect(withRows.length).toBeGreaterThanOrEqual(3);
    for (const { t, page } of withRows) {
      expect(t, `page ${page}`).toMatch(/Xe lưu động\s+Băng rôn\s+Chiếu phim\s+Truyền thanh/);
    }
    // A page in the middle of the table, drawn for a person to look at.
    const middle = withRows[1]!.page;
    spawnSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      String(middle),
      '-l',
      String(middle),
      '-singlefile',
      pdf,
      path.join(OUT, 'bao-cao-tong-hop-120-xa-trang-giua'),
    ]);
    expect(fs.existsSync(path.join(OUT, 'bao-cao-tong-hop-120-xa-trang-giua.png'))).toBe(true);
  });
});
