// The logbook: the filter, the rows matching it and their totals.
// The first page (500 rows) comes at once so the screen is usable immediately; the rest
// follows in pages of 5,000 in the background. Every load carries a generation number,
// and a page that arrives after the filter changed is thrown away.
import { create } from 'zustand';
import type { ActivityRow, ActivitySummary, Totals } from '../../../shared/contract';
import type { Channel, Theme } from '../../../shared/domain';
import type { ActivityFilter } from '../../../shared/schemas';
import { api, errorMessage } from '../api';
import { rememberedPeriod, rememberPeriod } from '../lib/remembered';

export const FIRST_PAGE = 500;
export const NEXT_PAGE = 5000;

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

const EMPTY_TOTALS: Totals = { activities: 0, audience: 0, costVnd: 0, byChannel: {} };

interface LogbookState {
  filter: LogbookFilter;
  rows: ActivityRow[];
  total: number;
  totals: Totals;
  period: ActivitySummary['period'];
  /** True until the first page of the current filter is in. */
  loading: boolean;
  /** True while later pages are still coming. */
  loadingMore: boolean;
  error: string | null;
  generation: number;
  setFilter: (patch: Partial<LogbookFilter>) => void;
  /** Reloads from the first page (after a change or when the filter changed). */
  load: () => Promise<void>;
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

export const useLogbookStore = create<LogbookState>((set, get) => ({
  // The period survives a reload; the other filters start afresh.
  filter: { ...EMPTY_FILTER, period: rememberedPeriod('logbook') ?? '' },
  rows: [],
  total: 0,
  totals: EMPTY_TOTALS,
  period: null,
  loading: true,
  loadingMore: false,
  error: null,
  generation: 0,

  setFilter: (patch) => {
    if (patch.period !== undefined) rememberPeriod('logbook', patch.period);
    set((s) => ({ filter: { ...s.filter, ...patch } }));
    void get().load();
  },

  load: async () => {
    const generation = get().generation + 1;
    const filter = toApiFilter(get().filter);
    set({ generation, loading: true, loadingMore: false, error: null });
    const current = () => get().generation === generation;
    try {
      // Totals of the whole filter, then the rows page by page (the totals are never recomputed).
      const [summary, first] = await Promise.all([
        api['activities:summary'](filter),
        api['activities:list']({ ...filter, offset: 0, limit: FIRST_PAGE }),
      ]);
      if (!current()) return;
      const total = summary.totals.activities;
      set({
        rows: first,
        total,
        totals: summary.totals,
        period: summary.period,
        loading: false,
        loadingMore: first.length < total,
      });
      let loaded = first.length;
      while (loaded < total) {
        const page = await api['activities:list']({ ...filter, offset: loaded, limit: NEXT_PAGE });
        if (!current()) return;
        if (page.length === 0) break;
        loaded += page.length;
        set((s) => ({ rows: s.rows.concat(page) }));
      }
      if (current()) set({ loadingMore: false });
    } catch (err) {
      if (current()) set({ loading: false, loadingMore: false, error: errorMessage(err) });
    }
  },
}));
