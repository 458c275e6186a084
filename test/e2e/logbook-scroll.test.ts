// A logbook of 20,000 activities in real Chromium: the table has a line for every one of
// them but fetches rows only as they scroll into view. Scrolled to the very bottom it shows
// the oldest activity; scrolled to the middle, the row at a position is the file's row at
// that position. Screenshots go to test-output/e2e/ and /tmp/logbook-window.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ActivityRow } from '../../shared/contract';
import { formatDate } from '../../shared/format';
import { ProfileSchema } from '../../shared/schemas';
import { makeActivities } from '../fixtures/activities';
import profile from '../fixtures/profile.json';
import { openSession, shot, type Session } from './helpers';

const COUNT = 20_000;

let s: Session;
let page: Page;
/** The logbook as the file orders it, newest first. */
let rows: ActivityRow[];
/** The engine's methods the page called, in order. */
const called: string[] = [];

beforeAll(async () => {
  s = await openSession();
  page = s.page;
  s.core.profile.save(ProfileSchema.parse(profile));
  // Through the contract, as `tuyentruyen activities import` does: one all-or-nothing call.
  const imported = await s.core.call('activities:import', {
    fileName: 'nam-2023.json',
    records: makeActivities(COUNT, 11),
  });
  if (!imported.ok) throw new Error(imported.error.message);
  rows = s.core.activities.list({});
  page.on('request', (r) => {
    const { pathname } = new URL(r.url());
    if (pathname.startsWith('/api/')) called.push(decodeURIComponent(pathname.slice(5)));
  });
  await page.goto(s.server.url);
  await page.getByTestId('logbook').waitFor();
}, 120_000);

afterAll(async () => {
  await s?.close();
});

const table = () => page.getByTestId('logbook-table');
const shownRows = () => table().locator('.ant-table-row');

const scroller = () => table().locator('.ant-table-tbody-virtual-holder');

/**
 * Wheels the table body by `dy` pixels, as a mouse over the rows does, and waits until the
 * list stops moving (Chromium scrolls a wheel's step smoothly, over several frames).
 */
async function wheel(dy: number): Promise<void> {
  const box = (await scroller().boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, dy);
  const top = () => scroller().evaluate((el) => el.scrollTop);
  let last = -1;
  await expect
    .poll(async () => {
      const now = await top();
      const still = now === last;
      last = now;
      return still;
    })
    .toBe(true);
}

/** The rows on screen once their pages are in: [position in the list, text]. */
async function settledRows(): Promise<[number, string][]> {
  await expect.poll(() => table().getByTestId('row-pending').count()).toBe(0);
  const found: [number, string][] = [];
  for (const row of await shownRows().all()) {
    found.push([Number(await row.getAttribute('data-row-index')), await row.innerText()]);
  }
  return found;
}

function expectRowShows(text: string, activity: ActivityRow): void {
  expect(text).toContain(formatDate(activity.date));
  expect(text).toContain(activity.title);
}

describe('a logbook of 20,000 activities', () => {
  it("asks each of the first screen's questions once, the page keys after the rows", async () => {
    await shownRows().first().waitFor();
    await expect.poll(() => called.includes('activities:anchors')).toBe(true);
    const once = ['app:info', 'settings:getDesks', 'profile:get', 'activities:pages'];
    for (const method of [...once, 'activities:anchors']) {
      expect(
        called.filter((m) => m === method),
        method,
      ).toHaveLength(1);
    }
    expect(called.indexOf('activities:anchors')).toBeGreaterThan(
      called.indexOf('activities:pages'),
    );
  });

  it('shows the newest rows and the whole count at once', async () => {
    await expect.poll(() => page.getByTestId('totals-activities').innerText()).toBe('20.000');
    const first = await settledRows();
    expect(first[0]![0]).toBe(0);
    expectRowShows(first[0]![1], rows[0]!);
    // Only what is on screen is drawn, not 20,000 lines.
    expect(first.length).toBeLessThan(60);
  });

  it('scrolled to the very bottom, shows the oldest activity last', async () => {
    await wheel(5_000_000);
    await expect
      .poll(async () => Number(await shownRows().last().getAttribute('data-row-index')))
      .toBe(COUNT - 1);
    const shown = await settledRows();
    const [index, text] = shown[shown.length - 1]!;
    expect(index).toBe(COUNT - 1);
    const oldest = rows[COUNT - 1]!;
    expect(oldest.date).toBe('2023-01-01');
    expectRowShows(text, oldest);
    // The rows above it are the file's rows above it, none missing or repeated.
    for (const [i, t] of shown) expectRowShows(t, rows[i]!);
    expect(new Set(shown.map(([i]) => i)).size).toBe(shown.length);
    expect(await page.getByTestId('totals-activities').innerText()).toBe('20.000');
  });

  it('scrolled to the middle, shows the rows of the file at their positions', async () => {
    await wheel(-5_000_000);
    await expect.poll(async () => (await settledRows())[0]?.[0]).toBe(0);
    // The virtual list's full height: every row, loaded or not, has its line.
    const height = await scroller().evaluate((el) => el.scrollHeight);
    await wheel(Math.round(height / 2));
    const shown = await settledRows();
    const middle = shown[Math.floor(shown.length / 2)]!;
    expect(middle[0]).toBeGreaterThan(COUNT * 0.4);
    expect(middle[0]).toBeLessThan(COUNT * 0.6);
    for (const [i, t] of shown) expectRowShows(t, rows[i]!);
    // Consecutive positions: the page boundaries join without a gap.
    const indexes = shown.map(([i]) => i);
    expect(indexes).toEqual(indexes.map((_, k) => indexes[0]! + k));
    await shot(page, 'logbook-scroll-middle');
    await page.screenshot({ path: '/tmp/logbook-window.png' });
  });
});
