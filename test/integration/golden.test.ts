// The whole text of the fixture quarter's office report and of the province's merged report,
// kept in test/golden/: every change of wording shows as a diff of those files, reviewed on
// purpose. After such a change, `UPDATE_GOLDEN=1 npx vitest run test/integration/golden.test.ts`
// rewrites them; read the diff before committing it.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildReportDocx } from '../../electron/core/report/docx';
import { buildMergedDocx } from '../../electron/core/report/mergedDocx';
import { MERGED_INPUT } from '../fixtures/mergedData';
import { REPORT_INPUT } from '../fixtures/reportInput';
import { plainText, zipPart } from './docxRender';

const GOLDEN = path.resolve(__dirname, '../golden');

async function textOf(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const text = plainText(await zipPart(zip, 'word/document.xml'));
  // One paragraph a line, blank runs squeezed: what a reader reads, in order.
  return `${text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

function compare(name: string, text: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, text);
  expect(fs.existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(text).toBe(fs.readFileSync(file, 'utf8'));
}

describe('the reports, word for word', () => {
  it('the office report of the fixture quarter', async () => {
    const input = {
      ...REPORT_INPUT,
      data: {
        ...REPORT_INPUT.data,
        areaKinds: {
          all: ['xã', 'thị trấn'],
          reached: ['xã', 'thị trấn'],
          flagged: {
            border: ['xã', 'thị trấn'],
            remote: ['xã'],
            ethnic: ['xã'],
            key: ['xã', 'thị trấn'],
          },
        },
        withoutArea: { activities: 47, audience: 0 },
        sources: {
          sites: ['www.tintuclangson.vn', 'caoloc.langson.gov.vn', 'fanpage CaoLocNews'],
          outlets: [
            'Báo Lạng Sơn (chuyên mục "Vì an ninh Xứ Lạng")',
            'Đài Phát thanh và Truyền hình tỉnh',
          ],
        },
        // The cinema audience was estimated at the shows: "khoảng" before it, and the total.
        estimated: ['cinema' as const],
      },
    };
    compare('office-report.txt', await textOf(await buildReportDocx(input)));
  });

  it('the merged report of the fixture quarter', async () => {
    compare('merged-report.txt', await textOf(await buildMergedDocx(MERGED_INPUT)));
  });
});
