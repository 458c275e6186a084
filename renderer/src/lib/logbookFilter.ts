// The logbook's filter as the screen holds it, and the request it makes of the engine. Kept
// apart from the store so boot.ts can ask for the opening page exactly as the store will.
import type { Channel, Theme } from '../../../shared/domain';
import { LOGBOOK_PAGE_SIZE } from '../../../shared/logbook';
import type { ActivityFilter } from '../../../shared/schemas';
import { rememberedPeriod } from './remembered';

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

/** What the logbook shows at start: the period survives a reload, the other filters not. */
export function openingFilter(): LogbookFilter {
  return { ...EMPTY_FILTER, period: rememberedPeriod('logbook') ?? '' };
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

/** The input of 'activities:pages' and 'activities:anchors' for a filter sent as `query`. */
export function pagesInput(query: ActivityFilter): ActivityFilter & { pageSize: number } {
  return { ...query, pageSize: LOGBOOK_PAGE_SIZE };
}
