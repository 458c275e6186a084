// The province desk with 120 communes' offices in real Chromium: all registered (28 from their
// certificate, the rest from enrolment sheets), 30 really exporting 2023-Q3 so that the
// states differ: 21 on time, 4 late, 3 corrected, 2 quarantined (registered with a sheet whose
// fingerprint is not their key's), 90 missing. The desk's clock is set, so "on time" and
// "late" are the engine's own judgement. The completeness screen, the register and the
// merged table by office are searched, filtered, sorted and paged; the counts per state are
// of all 120. Screenshots go to test-output/e2e/province-scale-*.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Core } from '../../electron/core/index';
import { formatNumber } from '../../shared/format';
import type { ImportResult, InboxState } from '../../shared/inbox';
import type { ReportData } from '../../shared/report';
import {
  COMMUNE_COUNT,
  COMMUNE_OFFICES,
  sheetFingerprint,
  type CommuneOffice,
} from '../fixtures/communeOffices';
import { openOffice, quarterActivities, type Office } from '../fixtures/offices';
import { PROVINCE_PROFILE } from '../fixtures/province';
import { openSession, pickQuarterIn, shot as takeShot, type Session } from './helpers';

async function ok<T>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** Every fourth office exports; by its place among those, what happens to its package. */
const REAL = COMMUNE_OFFICES.filter((_, i) => i % 4 === 0);
const ON_TIME = REAL.slice(0, 21);
const LATE = REAL.slice(21, 25);
const CORRECTED = REAL.slice(25, 28);
const QUARANTINED = REAL.slice(28, 30);
/** Two offices that never sent anything have their certificate withdrawn. */
const WITHDRAWN = COMMUNE_OFFICES.filter((o) => !REAL.includes(o)).slice(-2);
const EXPECTED: Record<InboxState, number> = {
  received: ON_TIME.length + LATE.length,
  corrected: CORRECTED.length,
  missing: COMMUNE_COUNT - REAL.length,
  quarantined: QUARANTINED.length,
};
/** Late: received after 24/09/2023, or still not counted when the clock reads October. */
const LATE_COUNT = LATE.length + EXPECTED.missing + EXPECTED.quarantined;

const HOA_AN = COMMUNE_OFFICES.find((o) => o.commune === 'Hoà An')!;
const HOA_BINH = COMMUNE_OFFICES.find((o) => o.commune === 'Hòa Bình')!;

let root: string;
let clock = '2023-09-20T03:00:00.000Z';
const offices = new Map<string, Office>();
const own = new Map<string, ReportData>();
let s: Session;
let page: Page;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'tuyentruyen-scale-'));
  const first = path.join(root, 'lan-1');
  const second = path.join(root, 'lan-2');
  fs.mkdirSync(first);
  fs.mkdirSync(second);
  const files = new Map<string, string[]>();
  await Promise.all(
    REAL.map(async (o, i) => {
      const office = await openOffice(o.spec, root);
      offices.set(o.code, office);
      office.add(quarterActivities('2023-Q3', 4 + (i % 5), 900 + i));
      const one = await office.export('2023-Q3', first);
      const mine = [one.path];
      if (CORRECTED.includes(o)) {
        await office.correct('2023-Q3', quarterActivities('2023-Q3', 2, 950 + i));
        mine.push((await office.export('2023-Q3', second)).path);
      }
      files.set(o.code, mine);
      own.set(o.code, await ok<ReportData>(office.core, 'report:data', { period: '2023-Q3' }));
    }),
  );

  s = await openSession({ now: () => clock });
  page = s.page;
  await page.setViewportSize({ width: 1366, height: 900 });
  await ok(s.core, 'settings:saveDesks', { office: false, province: true, deadlineDays: 10 });
  await ok(s.core, 'profile:save', PROVINCE_PROFILE);
  for (const o of COMMUNE_OFFICES) {
    const office = offices.get(o.code);
    if (office && !QUARANTINED.includes(o)) {
      const pem = await office.certificatePem();
      await ok(s.core, 'trust:addCertificate', {
        base64: Buffer.from(pem).toString('base64'),
        code: o.code,
        name: o.name,
      });
    } else {
      await ok(s.core, 'trust:addFingerprint', {
        code: o.code,
        name: o.name,
        fingerprint: sheetFingerprint(o.code),
      });
    }
  }
  const take = async (o: CommuneOffice, which: number) => {
    const file = files.get(o.code)![which]!;
    return ok<ImportResult>(s.core, 'inbox:import', {
      fileName: path.basename(file),
      base64: fs.readFileSync(file).toString('base64'),
    });
  };
  for (const o of [...ON_TIME, ...CORRECTED]) expect((await take(o, 0)).outcome).toBe('accepted');
  clock = '2023-09-22T03:00:00.000Z';
  for (const o of CORRECTED) expect((await take(o, 1)).outcome).toBe('corrected');
  clock = '2023-10-02T03:00:00.000Z';
  for (const o of LATE) expect((await take(o, 0)).outcome).toBe('accepted');
  for (const o of QUARANTINED) expect((await take(o, 0)).outcome).toBe('quarantined');
  for (const o of WITHDRAWN) {
    await ok(s.core, 'trust:revoke', { fingerprint: sheetFingerprint(o.code) });
  }
  await page.goto(s.server.url);
  await page.getByTestId('inbox').waitFor();
}, 240_000);

afterAll(async () => {
  await s?.close();
  for (const o of offices.values()) o.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

/** The count a filter choice shows, from its data-count. */
const count = async (id: string) => Number(await page.getByTestId(id).getAttribute('data-count'));
const rowsOf = (table: string) => page.getByTestId(table).locator('.ant-table-row');
const keys = (rows: Locator) =>
  rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-key') ?? ''));
/** The codes the table shows, once they settle at `n` rows. */
async function shownCodes(table: string, n: number): Promise<string[]> {
  await expect.poll(() => rowsOf(table).count()).toBe(n);
  return keys(rowsOf(table));
}
/** A screenshot with the pointer out of the way: a hovered filter choice looks chosen. */
async function shot(p: Page, name: string): Promise<void> {
  await p.mouse.move(1, 1);
  await takeShot(p, name);
}
const collator = new Intl.Collator('vi', { numeric: true });
const byCode = (a: CommuneOffice, b: CommuneOffice) => collator.compare(a.code, b.code);

async function pickSort(prefix: string, label: string): Promise<void> {
  await page.getByTestId(`${prefix}-sort`).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: label })
    .click();
}

describe('the province desk with 120 offices', () => {
  it('counts every office by its state for the chosen quarter', async () => {
    await page.getByTestId('menu-completeness').click();
    await page.getByTestId('completeness').waitFor();
    await pickQuarterIn(page, 'province-period', 2023, 3);
    await expect.poll(() => count('completeness-filter-all')).toBe(COMMUNE_COUNT);
    const counts = {
      received: await count('completeness-filter-received'),
      corrected: await count('completeness-filter-corrected'),
      missing: await count('completeness-filter-missing'),
      quarantined: await count('completeness-filter-quarantined'),
    };
    expect(counts).toEqual(EXPECTED);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(COMMUNE_COUNT);
    expect(await count('completeness-filter-late')).toBe(LATE_COUNT);
    expect(await page.getByTestId('completeness-filter-missing').innerText()).toBe(
      `Chưa nộp ${EXPECTED.missing}`,
    );
    // The engine agrees, office by office.
    const engine = await ok<{ offices: { code: string; cells: { state: InboxState }[] }[] }>(
      s.core,
      'inbox:completeness',
      { period: '2023-Q3', count: 4 },
    );
    expect(engine.offices).toHaveLength(COMMUNE_COUNT);
    // One page of 50, in the desk's order (by code); the column head counts all offices.
    const codes = await shownCodes('completeness-table', 50);
    expect(codes).toEqual(
      [...COMMUNE_OFFICES]
        .sort(byCode)
        .slice(0, 50)
        .map((o) => o.code),
    );
    expect(await page.getByTestId('completeness-shown').innerText()).toBe('120 đơn vị');
    expect(
      await page.locator('.ant-table-thead').getByTestId('completeness-count-2023-Q3').innerText(),
    ).toBe(
      `Đã nhận ${EXPECTED.received + EXPECTED.corrected}/${COMMUNE_COUNT} (${Math.round(
        (100 * (EXPECTED.received + EXPECTED.corrected)) / COMMUNE_COUNT,
      )} %)`,
    );
    await shot(page, 'province-scale-01-completeness');
  });

  it('finds "Hoà An" by "Hòa" (either tone placement, NFC or NFD), not "Hóa Thượng"', async () => {
    const search = page.getByTestId('completeness-search');
    // Without diacritics every name matches: each one says "Văn hóa".
    await search.fill('hoa');
    await expect.poll(() => page.getByTestId('completeness-shown').innerText()).toBe('120 đơn vị');
    for (const typed of ['Hòa', 'Hoà', 'hòa'.normalize('NFD'), 'HOÀ']) {
      await search.fill(typed);
      expect((await shownCodes('completeness-table', 2)).sort(), typed).toEqual(
        [HOA_AN.code, HOA_BINH.code].sort(),
      );
    }
    await expect
      .poll(() => page.getByTestId('completeness-shown').innerText())
      .toBe('Đang hiện 2/120 đơn vị');
    await shot(page, 'province-scale-02-search');
    await search.fill('hòa an');
    expect(await shownCodes('completeness-table', 1)).toEqual([HOA_AN.code]);
    expect(
      await page.getByTestId(`completeness-${HOA_AN.code}-2023-Q3`).getAttribute('data-state'),
    ).toBe('received');
    await search.fill('hoaan');
    expect(await shownCodes('completeness-table', 1)).toEqual([HOA_AN.code]);
    await search.fill('');
    await shownCodes('completeness-table', 50);
  });

  it('shows only the missing offices under "Chưa nộp", page by page', async () => {
    await page.getByTestId('completeness-filter-missing').click();
    await expect
      .poll(() => page.getByTestId('completeness-shown').innerText())
      .toBe(`Đang hiện ${EXPECTED.missing}/120 đơn vị`);
    const states = () =>
      page
        .getByTestId('completeness-table')
        .locator('[data-testid$="-2023-Q3"][data-state]')
        .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-state')));
    const firstPage = await shownCodes('completeness-table', 50);
    expect(new Set(await states())).toEqual(new Set(['missing']));
    // The counts stay those of all offices.
    expect(await count('completeness-filter-received')).toBe(EXPECTED.received);
    await shot(page, 'province-scale-03-missing');
    const pager = page.getByTestId('completeness').locator('.ant-pagination');
    await pager.scrollIntoViewIfNeeded();
    await shot(page, 'province-scale-03b-pages');
    await pager.locator('.ant-pagination-next').click();
    const secondPage = await shownCodes('completeness-table', EXPECTED.missing - 50);
    expect(new Set(await states())).toEqual(new Set(['missing']));
    const missing = COMMUNE_OFFICES.filter((o) => !REAL.includes(o));
    expect([...firstPage, ...secondPage]).toEqual([...missing].sort(byCode).map((o) => o.code));

    await page.getByTestId('completeness-filter-quarantined').click();
    expect((await shownCodes('completeness-table', 2)).sort()).toEqual(
      QUARANTINED.map((o) => o.code).sort(),
    );
    await page.getByTestId('completeness-filter-corrected').click();
    expect((await shownCodes('completeness-table', 3)).sort()).toEqual(
      CORRECTED.map((o) => o.code).sort(),
    );
    await page.getByTestId('completeness-filter-all').click();
    await shownCodes('completeness-table', 50);
  });

  it('sorts by name in Vietnamese order, by state (missing first), and by code', async () => {
    await pickSort('completeness', 'Tên đơn vị');
    const byName = [...COMMUNE_OFFICES]
      .sort((a, b) => collator.compare(a.name, b.name) || byCode(a, b))
      .map((o) => o.code);
    await expect.poll(() => keys(rowsOf('completeness-table'))).toEqual(byName.slice(0, 50));
    await shot(page, 'province-scale-04-by-name');

    await pickSort('completeness', 'Trạng thái');
    await expect
      .poll(async () =>
        page
          .getByTestId('completeness-table')
          .locator('.ant-table-row')
          .first()
          .getByTestId(/-2023-Q3$/)
          .getAttribute('data-state'),
      )
      .toBe('missing');
    // The last page holds only offices received on time: the ones to chase come first.
    await page.getByTestId('completeness').locator('.ant-pagination-item-3').click();
    const last = await shownCodes('completeness-table', COMMUNE_COUNT - 100);
    const onTime = ON_TIME.map((o) => o.code);
    expect(last.filter((code) => !onTime.includes(code))).toEqual([]);
    await shot(page, 'province-scale-05-by-state');

    await pickSort('completeness', 'Mã đơn vị');
    await expect
      .poll(() => keys(rowsOf('completeness-table')))
      .toEqual(
        [...COMMUNE_OFFICES]
          .sort(byCode)
          .slice(0, 50)
          .map((o) => o.code),
      );
  });

  it('lists the 120 registered offices, searchable, with the withdrawn ones apart', async () => {
    await page.getByTestId('menu-trust').click();
    await page.getByTestId('trust').waitFor();
    await expect.poll(() => count('trust-filter-all')).toBe(COMMUNE_COUNT);
    expect(await count('trust-filter-trusted')).toBe(COMMUNE_COUNT - WITHDRAWN.length);
    expect(await count('trust-filter-revoked')).toBe(WITHDRAWN.length);
    expect(await count('trust-filter-none')).toBe(0);
    await shownCodes('trust-table', 20);
    await shot(page, 'province-scale-06-trust');

    await page.getByTestId('trust-search').fill('Hòa');
    expect((await shownCodes('trust-table', 2)).sort()).toEqual(
      [HOA_AN.code, HOA_BINH.code].sort(),
    );
    expect(await page.getByTestId(`trust-row-${HOA_AN.code}`).innerText()).toContain(HOA_AN.name);
    await shot(page, 'province-scale-07-trust-search');
    await page.getByTestId('trust-search').fill('');
    await page.getByTestId('trust-filter-revoked').click();
    expect((await shownCodes('trust-table', 2)).sort()).toEqual(
      WITHDRAWN.map((o) => o.code).sort(),
    );
    for (const o of WITHDRAWN) {
      await page.getByTestId(`trust-row-${o.code}`).getByTestId('trust-revoked').waitFor();
    }
    await page.getByTestId('trust-filter-all').click();
    await shownCodes('trust-table', 20);
  });

  it('searches, filters and sorts the merged table by office', async () => {
    await page.getByTestId('menu-merged').click();
    await page.getByTestId('merged').waitFor();
    await expect
      .poll(() => page.getByTestId('merged-period-label').innerText())
      .toBe('Quý III năm 2023');
    await page.getByTestId('merged-tab-offices').click();
    await expect.poll(() => count('merged-offices-filter-all')).toBe(COMMUNE_COUNT);
    for (const [state, n] of Object.entries(EXPECTED)) {
      expect(await count(`merged-offices-filter-${state}`), state).toBe(n);
    }
    await shownCodes('merged-office-table', 50);
    await shot(page, 'province-scale-08-merged-offices');

    await page.getByTestId('merged-offices-search').fill('hòa an');
    expect(await shownCodes('merged-office-table', 1)).toEqual([HOA_AN.code]);
    expect(await page.getByTestId(`merged-office-activities-${HOA_AN.code}`).innerText()).toBe(
      formatNumber(own.get(HOA_AN.code)!.figures.activities),
    );
    await page.getByTestId('merged-offices-search').fill('');
    await page.getByTestId('merged-offices-filter-corrected').click();
    expect((await shownCodes('merged-office-table', 3)).sort()).toEqual(
      CORRECTED.map((o) => o.code).sort(),
    );
    await pickSort('merged-offices', 'Tên đơn vị');
    const names = await rowsOf('merged-office-table').evaluateAll((trs) =>
      trs.map((tr) => tr.querySelector('.completeness-office > span')?.textContent ?? ''),
    );
    expect(names).toEqual(CORRECTED.map((o) => o.name).sort((a, b) => collator.compare(a, b)));
    await page.getByTestId('merged-offices-filter-missing').click();
    await shownCodes('merged-office-table', 50);
    await shot(page, 'province-scale-09-merged-missing');
  });
});
