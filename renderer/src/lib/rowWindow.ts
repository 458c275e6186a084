// The arithmetic of a list drawn a window at a time (components/VirtualRows): every row has
// one height, so which rows a scroll position shows, and where a row lives among pages
// fetched by number, are plain division.

/** Rows drawn beyond each edge of the screen, so a short scroll shows no blank. */
export const OVERSCAN = 6;

/**
 * The most rows ever drawn at once: a screen's worth many times over. Should the scroll area
 * lose its height (a parent that grows with its content), the list stays a list of this many
 * rows rather than drawing 100,000 and freezing the window.
 */
export const MAX_DRAWN = 200;

/**
 * The rows [start, end) to draw for a scroll area `viewHeight` tall, scrolled `scrollTop`
 * down, whose top `headHeight` pixels are the header that stays in place.
 */
export function windowOf(
  scrollTop: number,
  viewHeight: number,
  headHeight: number,
  rowHeight: number,
  count: number,
): [number, number] {
  const first = Math.floor(scrollTop / rowHeight);
  const last = Math.ceil((scrollTop + Math.max(0, viewHeight - headHeight)) / rowHeight);
  const start = Math.min(Math.max(0, first - OVERSCAN), Math.max(0, count - 1));
  return [start, Math.min(count, last + OVERSCAN, start + MAX_DRAWN)];
}

/** The row at a position of a list held as pages of `pageSize`; undefined while not loaded. */
export function rowOfPages<T>(
  pages: ReadonlyMap<number, readonly T[]>,
  pageSize: number,
  index: number,
): T | undefined {
  return pages.get(Math.floor(index / pageSize))?.[index % pageSize];
}
