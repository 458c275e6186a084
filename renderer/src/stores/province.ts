// The period the province desk's screens (completeness, merged figures) look at, shared so
// that moving from one to the other keeps it. By default the last quarter that has ended:
// its packages are the ones now due.
import { create } from 'zustand';
import type { Cutoff } from '../../../shared/domain';
import { localToday } from '../../../shared/format';
import { periodContaining, previousPeriod } from '../../../shared/period';
import { rememberedPeriod, rememberPeriod } from '../lib/remembered';

interface ProvinceState {
  /** A period key; '' until a screen picks the default. */
  period: string;
  setPeriod: (period: string) => void;
  /** Picks the default once the cut-off rule is known. */
  ensurePeriod: (cutoff: Cutoff) => string;
}

export function defaultProvincePeriod(cutoff: Cutoff, today = localToday()): string {
  const current = periodContaining(today, 'quarter', cutoff);
  return (previousPeriod(current, cutoff) ?? current).key;
}

export const useProvinceStore = create<ProvinceState>((set, get) => ({
  period: '',
  setPeriod: (period) => {
    rememberPeriod('province', period);
    set({ period });
  },
  ensurePeriod: (cutoff) => {
    const { period } = get();
    if (period !== '') return period;
    // The period chosen before a reload, else the default.
    const key = rememberedPeriod('province') || defaultProvincePeriod(cutoff);
    set({ period: key });
    return key;
  },
}));
