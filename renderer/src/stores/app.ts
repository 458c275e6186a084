// Application-wide state: what the engine says about itself, the office profile and the
// screen on show. Screens read the profile from here rather than fetching it each time.
import { create } from 'zustand';
import type { AppInfo, Commune, ProfileView } from '../../../shared/contract';
import { api } from '../api';

export type Screen = 'logbook' | 'report' | 'outbox' | 'keys' | 'directives' | 'profile';

interface AppState {
  info: AppInfo | null;
  profile: ProfileView | null;
  /** Set when the first call failed: nothing else can work. */
  startError: string | null;
  screen: Screen;
  setScreen: (screen: Screen) => void;
  /** Loads app:info and the profile (at start and after the profile is saved). */
  refresh: () => Promise<void>;
  setProfile: (profile: ProfileView) => void;
}

export const useAppStore = create<AppState>((set) => ({
  info: null,
  profile: null,
  startError: null,
  screen: 'logbook',
  setScreen: (screen) => set({ screen }),
  refresh: async () => {
    try {
      const info = await api['app:info']({});
      const profile = info.hasProfile ? await api['profile:get']({}) : null;
      set({ info, profile, startError: null });
    } catch (err) {
      set({ startError: err instanceof Error ? err.message : String(err) });
    }
  },
  setProfile: (profile) =>
    set((s) => ({ profile, info: s.info ? { ...s.info, hasProfile: true } : s.info })),
}));

/** Communes that new activities may name (those still in the profile). */
export function activeCommunes(profile: ProfileView | null): Commune[] {
  return (profile?.communes ?? []).filter((c) => c.active);
}

/** False when the data file is damaged and the engine refuses writes. */
export function useWritable(): boolean {
  return useAppStore((s) => s.info?.writable ?? true);
}
