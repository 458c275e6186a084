// The logbook: the filter, its totals, and the rows matching it fetched a page at a time as
// the table scrolls to them. The engine gives the key of every page's first row (anchors),
// so any page is one indexed read however deep; only pages near what the user looks at stay
// in memory. Every load carries a generation number, and a page that arrives after the
// filter changed (or after a reload) is thrown away.
import { create } from 'zustand';
import type { ActivityPages, ActivityRow, ActivitySummary, Totals } from '../../../shared/contract';
import type { Channel, Theme } from '../../../shared/domain';
import { LOGBOOK_PAGE_SIZE } from '../../../shared/logbook';
import type { ActivityFilter, ActivityKey } from '../../../shared/schemas';
import { api, errorMessage, writeCount } from '../api';
import { EarlyRead } from '../lib/early';
import { rowOfPages } from '../lib/rowWindow';
import { rememberedPeriod, rememberPeriod } from '../lib/remembered';

/** Rows per page: a few screens, read in a few milliseconds. */
export const PAGE_SIZE = LOGBOOK_PAGE_SIZE;
/** Pages kept in memory (8,000 rows); those farthest from the one last asked for go first. */
export const MAX_PAGES = 40;

export interface LogbookFilter {
  /** A period key ("2023-Q3", "2023-01-01..2023-03-31"); '' for all time. */
  period: string;
  channels: Channel[];
  /** Commune codes. */
  communes: string[];
  themes: Theme[];
  search: string;
  deleted: boolean;
}

export const EMPTY_FILTER: LogbookFilter = {
  period: '',
  channels: [],
  communes: [],
  themes: [],
  search: '',
  deleted: false,
};

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

export function toApiFilter(f: LogbookFilter): ActivityFilter {
  const out: ActivityFilter = { deleted: f.deleted };
  if (f.period !== '') out.period = f.period;
  if (f.channels.length > 0) out.channels = f.channels;
  if (f.communes.length > 0) out.communes = f.communes;
  if (f.themes.length > 0) out.themes = f.themes;
  if (f.search.trim() !== '') out.search = f.search;
  return out;
}

/**
 * What belongs to one load and changes on every page, kept out of the store's state (no
 * render cares): the filter as sent, the anchors, the loaded pages and those on their way.
 */
interface Paging {
  generation: number;
  query: ActivityFilter;
  anchors: ActivityKey[];
  pages: Map<number, ActivityRow[]>;
  inFlight: Set<number>;
}

let paging: Paging = {
  generation: 0,
  query: {},
  anchors: [],
  pages: new Map(),
  inFlight: new Set(),
};
/** The page the user looked at last: eviction keeps its neighbours, a reload refetches it. */
let focus = 0;

/** Drops the pages farthest from the one in view, past MAX_PAGES; never `keep`. */
function evict(pages: Map<number, ActivityRow[]>, keep: number): void {
  if (pages.size <= MAX_PAGES) return;
  const far = [...pages.keys()]
    .filter((n) => n !== keep)
    .sort((a, b) => Math.abs(b - focus) - Math.abs(a - focus));
  for (const n of far.slice(0, pages.size - MAX_PAGES)) pages.delete(n);
}

/**
 * The logbook is the first screen: its first request can go out as the app starts, beside
 * app:info, rather than once the layout is drawn (main.tsx).
 */
const early = new EarlyRead<ActivityPages>();

export function sendEarly(): void {
  const query = toApiFilter(useLogbookStore.getState().filter);
  early.send(query, writeCount(), () => api['activities:pages']({ ...query, pageSize: PAGE_SIZE }));
}

function fetchPage(p: Paging, page: number): Promise<ActivityRow[]> {
  return api['activities:page']({ ...p.query, from: p.anchors[page]!, limit: PAGE_SIZE });
}

export const useLogbookStore = create<LogbookState>((set, get) => ({
  // The period survives a reload; the other filters start afresh.
  filter: { ...EMPTY_FILTER, period: rememberedPeriod('logbook') ?? '' },
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
    const generation = get().generation + 1;
    const query = toApiFilter(get().filter);
    const sameQuery = JSON.stringify(query) === JSON.stringify(paging.query);
    set({ generation, loading: true, pending: 0, error: null });
    const current = () => get().generation === generation;
    try {
      const opened = await (early.take(query, writeCount()) ??
        api['activities:pages']({ ...query, pageSize: PAGE_SIZE }));
      if (!current()) return;
      const next: Paging = {
        generation,
        query,
        anchors: opened.anchors,
        pages: new Map([[0, opened.first]]),
        inFlight: new Set(),
      };
      // After a save the table stays where it was: the pages in view come before it is
      // redrawn, so the rows there do not flash to "Đang tải…" and back.
      if (!sameQuery) focus = 0;
      const around = sameQuery
        ? [focus - 1, focus, focus + 1].filter((n) => n > 0 && n < opened.anchors.length)
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
    } catch (err) {
      if (current()) set({ loading: false, error: errorMessage(err) });
    }
  },

  ensurePage: (page) => {
    const p = paging;
    if (p.generation !== get().generation || page < 0 || page >= p.anchors.length) return;
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
