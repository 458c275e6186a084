import { describe, expect, it } from 'vitest';
import { MAX_DRAWN, OVERSCAN, rowOfPages, windowOf } from '../../renderer/src/lib/rowWindow';

// A logbook's numbers: rows 35 px tall under a 40 px header, in an area 422 px tall.
const ROW = 35;
const HEAD = 40;
const VIEW = 422;

describe('the rows a virtual list draws', () => {
  it('at the top: the rows on screen and a few below, none above', () => {
    // (422 − 40) / 35 = 10.9: eleven rows show.
    expect(windowOf(0, VIEW, HEAD, ROW, 100_000)).toEqual([0, 11 + OVERSCAN]);
  });

  it('deep down: the rows at that place, with a few beyond each edge', () => {
    const top = 50_000 * ROW + 10; // row 50,000 partly scrolled past
    const [start, end] = windowOf(top, VIEW, HEAD, ROW, 100_000);
    expect(start).toBe(50_000 - OVERSCAN);
    // Scrolled 10 px into a row, a twelfth row peeks in at the bottom.
    expect(end).toBe(50_000 + 12 + OVERSCAN);
  });

  it('at the very bottom: the last row is drawn, nothing past the end', () => {
    const count = 20_000;
    const top = count * ROW - (VIEW - HEAD);
    const [start, end] = windowOf(top, VIEW, HEAD, ROW, count);
    expect(end).toBe(count);
    expect(start).toBeLessThan(count - 10);
  });

  it('a list shorter than the screen: all of it', () => {
    expect(windowOf(0, VIEW, HEAD, ROW, 4)).toEqual([0, 4]);
    expect(windowOf(0, VIEW, HEAD, ROW, 0)).toEqual([0, 0]);
  });

  it('an area that lost its height (as tall as its content) still draws a bounded window', () => {
    const [start, end] = windowOf(0, 100_000 * ROW, HEAD, ROW, 100_000);
    expect(end - start).toBe(MAX_DRAWN);
  });

  it('a scroll position past the end (the list just got shorter) draws its last rows', () => {
    const [start, end] = windowOf(1_000_000, VIEW, HEAD, ROW, 30);
    expect(end).toBe(30);
    expect(start).toBeLessThan(30);
  });
});

describe('a row among pages fetched by number', () => {
  const pages = new Map([
    [0, ['a0', 'a1', 'a2']],
    [2, ['c0', 'c1']],
  ]);

  it('is found in its page at its place', () => {
    expect(rowOfPages(pages, 3, 0)).toBe('a0');
    expect(rowOfPages(pages, 3, 2)).toBe('a2');
    expect(rowOfPages(pages, 3, 7)).toBe('c1');
  });

  it('is missing while its page is not loaded, or past a short last page', () => {
    expect(rowOfPages(pages, 3, 4)).toBeUndefined();
    expect(rowOfPages(pages, 3, 8)).toBeUndefined();
  });
});
