// The logbook: the filter, its totals, and the rows matching it fetched a page at a time as
// the table scrolls to them. The engine gives the key of every page's first row (anchors),
// so any page is one indexed read however deep; only pages near what the user looks at stay
// in memory. The first page comes without the keys (reading them is most of what opening
// costs); they are asked once the rows show. Every load carries a generation number, and a
// page that arrives after the filter changed (or after a reload) is thrown away.
import { create } from 'zustand';
import type { ActivityRow, ActivitySummary, Totals } from '../../../shared/contract';
import { LOGBOOK_PAGE_SIZE } from '../../../shared/logbook';
import type { ActivityFilter, ActivityKey } from '../../../shared/schemas';
import { api, errorMessage, writeCount } from '../api';
import { whenIdle } from '../lib/idle';
import { openingFilter, pagesInput, toApiFilter, type LogbookFilter } from '../lib/logbookFilter';
import { rowOfPages } from '../lib/rowWindow';
import { rememberPeriod } from '../lib/remembered';

/** Rows per page: a few screens, read in a few milliseconds. */
export const PAGE_SIZE = LOGBOOK_PAGE_SIZE;
/** Pages kept in memory (8,000 rows); those farthest from the one last asked for go first. */
export const MAX_PAGES = 40;

/** The loaded row at a position of the list, or undefined while its page is on its way. */
export function rowAt(
  pages: ReadonlyMap<number, ActivityRow[]>,
  index: number,
): ActivityRow | undefined {
  return rowOfPages(pages, PAGE_SIZE, index);
}

const EMPTY_TOTALS: Totals = { activities: 0, audience: 0, costVnd: 0, byChannel: {} };

interface LogbookState {
  filter: LogbookFilter;
  /** The loaded pages of the list by number; a row not in them is drawn as on its way. */
  pages: ReadonlyMap<number, ActivityRow[]>;
  /** How many rows match the filter: the list's length, loaded or not. */
  total: number;
  totals: Totals;
  period: ActivitySummary['period'];
  /** True until the totals and first page of the current filter are in. */
  loading: boolean;
  /** Pages being fetched for rows scrolled into view. */
  pending: number;
  error: string | null;
  generation: number;
  /** The generation the pages belong to: rows on their way ask again when it moves. */
  shown: number;
  setFilter: (patch: Partial<LogbookFilter>) => void;
  /** Reloads from the first page (after a change or when the filter changed). */
  load: () => Promise<void>;
  /** Asks for a page whose rows came into view; does nothing if it is loaded or coming. */
  ensurePage: (page: number) => void;
}

/**
 * What belongs to one load and changes on every page, kept out of the store's state (no
 * render cares): the filter as sent, the page keys, the loaded pages and those on their way.
 */
interface Paging {
  generation: number;
  query: ActivityFilter;
  /** How many pages the list has, from the count of its rows. */
  count: number;
  /** The first key of every page, asked once (after the first page shows). */
  anchors: Promise<ActivityKey[]> | null;
  /** Whether this load was made because the keys did not match the count. */
  recount: boolean;
  pages: Map<number, ActivityRow[]>;
  inFlight: Set<number>;
}

let paging: Paging = {
  generation: 0,
  query: {},
  count: 0,
  anchors: null,
  recount: false,
  pages: new Map(),
  inFlight: new Set(),
};
/** The page the user looked at last: eviction keeps its neighbours, a reload refetches it. */
let focus = 0;
/** Set while the load that follows keys not matching the count is made. */
let recounting = false;

/** Drops the pages farthest from the one in view, past MAX_PAGES; never `keep`. */
function evict(pages: Map<number, ActivityRow[]>, keep: number): void {
  if (pages.size <= MAX_PAGES) return;
  const far = [...pages.keys()]
    .filter((n) => n !== keep)
    .sort((a, b) => Math.abs(b - focus) - Math.abs(a - focus));
  for (const n of far.slice(0, pages.size - MAX_PAGES)) pages.delete(n);
}

/** The page keys of a load, asked the first time they are needed; asked again after a failure. */
function anchorsOf(p: Paging): Promise<ActivityKey[]> {
  p.anchors ??= api['activities:anchors'](pagesInput(p.query)).then(
    (keys) => {
      // Another program wrote between the count and the keys (the CLI beside the app): the
      // pages moved. Counted once more; a second mismatch is shown as it is.
      if (keys.length !== p.count && paging === p && !p.recount) {
        recounting = true;
        void useLogbookStore.getState().load();
      }
      return keys;
    },
    (err: unknown) => {
      p.anchors = null;
      throw err;
    },
  );
  return p.anchors;
}

async function fetchPage(p: Paging, page: number): Promise<ActivityRow[]> {
  const from = (await anchorsOf(p))[page];
  return from ? api['activities:page']({ ...p.query, from, limit: PAGE_SIZE }) : [];
}

/** The first load, started as the app starts (main.tsx), and the writes sent by then. */
let primed: { load: Promise<void>; writes: number } | null = null;

export function primeLogbook(): Promise<void> {
  primed = { load: useLogbookStore.getState().load(), writes: writeCount() };
  return primed.load;
}

/**
 * The load `primeLogbook` started, for the screen's first mount; null once taken, or when
 * something was written since (another screen came first and changed the data).
 */
export function takePrimed(): Promise<void> | null {
  const p = primed;
  primed = null;
  return p && p.writes === writeCount() ? p.load : null;
}

export const useLogbookStore = create<LogbookState>((set, get) => ({
  filter: openingFilter(),
  pages: new Map(),
  total: 0,
  totals: EMPTY_TOTALS,
  period: null,
  loading: true,
  pending: 0,
  error: null,
  generation: 0,
  shown: 0,

  setFilter: (patch) => {
    if (patch.period !== undefined) rememberPeriod('logbook', patch.period);
    set((s) => ({ filter: { ...s.filter, ...patch } }));
    focus = 0;
    void get().load();
  },

  load: async () => {
    const recount = recounting;
    recounting = false;
    const generation = get().generation + 1;
    const query = toApiFilter(get().filter);
    const sameQuery = JSON.stringify(query) === JSON.stringify(paging.query);
    set({ generation, loading: true, pending: 0, error: null });
    const current = () => get().generation === generation;
    try {
      const opened = await api['activities:pages'](pagesInput(query));
      if (!current()) return;
      const next: Paging = {
        generation,
        query,
        count: Math.ceil(opened.totals.activities / PAGE_SIZE),
        anchors: null,
        recount,
        pages: new Map([[0, opened.first]]),
        inFlight: new Set(),
      };
      // After a save the table stays where it was: the pages in view come before it is
      // redrawn, so the rows there do not flash to "Đang tải…" and back.
      if (!sameQuery) focus = 0;
      const around = sameQuery
        ? [focus - 1, focus, focus + 1].filter((n) => n > 0 && n < next.count)
        : [];
      const refetched = await Promise.all(around.map((n) => fetchPage(next, n)));
      if (!current()) return;
      around.forEach((n, i) => next.pages.set(n, refetched[i]!));
      paging = next;
      set({
        pages: new Map(next.pages),
        total: opened.totals.activities,
        totals: opened.totals,
        period: opened.period,
        loading: false,
        shown: generation,
      });
      // Ready before the person drags the scroll bar far down.
      if (next.count > 1) whenIdle(() => anchorsOf(next));
    } catch (err) {
      if (current()) set({ loading: false, error: errorMessage(err) });
    }
  },

  ensurePage: (page) => {
    const p = paging;
    if (p.generation !== get().generation || page < 0 || page >= p.count) return;
    focus = page;
    if (p.pages.has(page) || p.inFlight.has(page)) return;
    p.inFlight.add(page);
    set({ pending: p.inFlight.size });
    const current = () => paging === p && get().generation === p.generation;
    fetchPage(p, page).then(
      (rows) => {
        if (!current()) return;
        p.inFlight.delete(page);
        p.pages.set(page, rows);
        evict(p.pages, page);
        set({ pages: new Map(p.pages), pending: p.inFlight.size });
      },
      (err: unknown) => {
        if (!current()) return;
        p.inFlight.delete(page);
        set({ pending: p.inFlight.size, error: errorMessage(err) });
      },
    );
  },
}));
