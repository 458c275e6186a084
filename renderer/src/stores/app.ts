// Application-wide state: what the engine says about itself, the office profile, which
// desks this installation has (office, province) and the screen on show. Screens read the
// profile and desks from here rather than fetching them each time.
import { useMemo } from 'react';
import { create } from 'zustand';
import type { AppInfo, Commune, IntegrityStatus, ProfileView } from '../../../shared/contract';
import type { DeskSettings } from '../../../shared/inbox';
import { api } from '../api';
import { areaWords, byCodeOf, currentKinds, type AreaWords } from '../lib/areas';

/** Screens of the office desk (keeping the logbook and reporting upwards). */
export const OFFICE_SCREENS = ['logbook', 'report', 'outbox', 'keys'] as const;
/** Screens of the province desk (taking packages in and merging them). */
export const PROVINCE_SCREENS = ['inbox', 'completeness', 'merged', 'trust'] as const;
/** Screens every installation has. */
export const COMMON_SCREENS = ['directives', 'profile', 'settings', 'backup'] as const;

export type Screen =
  | (typeof OFFICE_SCREENS)[number]
  | (typeof PROVINCE_SCREENS)[number]
  | (typeof COMMON_SCREENS)[number];

/** True when the screen belongs to a desk that is on. */
export function screenAvailable(screen: Screen, desks: DeskSettings | null): boolean {
  if ((OFFICE_SCREENS as readonly Screen[]).includes(screen)) return desks?.office ?? true;
  if ((PROVINCE_SCREENS as readonly Screen[]).includes(screen)) return desks?.province ?? false;
  return true;
}

/** Where the app opens: the logbook for an office, the inbox for a province-only desk. */
export function homeScreen(desks: DeskSettings | null): Screen {
  return desks && !desks.office && desks.province ? 'inbox' : 'logbook';
}

interface AppState {
  info: AppInfo | null;
  profile: ProfileView | null;
  desks: DeskSettings | null;
  /** Set when the first call failed: nothing else can work. */
  startError: string | null;
  screen: Screen;
  setScreen: (screen: Screen) => void;
  /** Loads app:info, the desks and the profile (at start and after the profile is saved). */
  refresh: () => Promise<void>;
  /**
   * The first refresh, sent as the app's code starts (main.tsx), before the logbook's first
   * page: the engine answers these in a millisecond, and the frame is drawn while it reads
   * the page. Called again (App), it gives the same promise.
   */
  start: () => Promise<void>;
  setProfile: (profile: ProfileView) => void;
  /**
   * Set when the user chose to look at a damaged file read-only instead of restoring it
   * (the recovery screen then gives way to the app with its read-only banner).
   */
  recoveryDeclined: boolean;
  declineRecovery: () => void;
  /** After settings:saveDesks: a screen of a desk just turned off is left for the home screen. */
  setDesks: (desks: DeskSettings) => void;
  /**
   * Follows the integrity check the engine runs after start (app:integrity) until it ends;
   * when it finds damage, app:info is read again and the read-only banner shows.
   */
  watchIntegrity: () => Promise<void>;
}

/** How often app:integrity is asked while the check runs, and while it waits to start. */
const INTEGRITY_POLL_MS = { running: 1000, waiting: 5000 } as const;

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A promise that never rejects: its failure is looked at only when its answer is needed. */
function settled<T>(p: Promise<T>): Promise<Settled<T>> {
  return p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

let started: Promise<void> | null = null;

export const useAppStore = create<AppState>((set, get) => ({
  info: null,
  profile: null,
  desks: null,
  startError: null,
  screen: 'logbook',
  recoveryDeclined: false,
  declineRecovery: () => set({ recoveryDeclined: true }),
  setScreen: (screen) => set({ screen }),
  refresh: async () => {
    try {
      // The three go out together, not one after another: each is a round trip to an engine
      // that may be busy reading the logbook's first page.
      const asked = {
        info: api['app:info']({}),
        desks: settled(api['settings:getDesks']({})),
        profile: settled(api['profile:get']({})),
      };
      const info = await asked.info;
      // With a recovery offer the data may be missing: only app:info and the backup methods
      // answer then, and the recovery screen needs no more. A damaged file that still reads
      // gives its desks and profile, for looking at it read-only.
      const take = async <T>(p: Promise<Settled<T>>): Promise<T | null> => {
        const got = await p;
        if (got.ok) return got.value;
        if (info.recovery) return null;
        throw got.error;
      };
      const desks = await take(asked.desks);
      const profile = info.hasProfile ? await take(asked.profile) : null;
      const first = get().info === null;
      const screen =
        first || !screenAvailable(get().screen, desks) ? homeScreen(desks) : get().screen;
      set({ info, profile, desks, screen, startError: null });
    } catch (err) {
      set({ startError: err instanceof Error ? err.message : String(err) });
    }
  },
  start: () => (started ??= get().refresh()),
  setProfile: (profile) =>
    set((s) => ({ profile, info: s.info ? { ...s.info, hasProfile: true } : s.info })),
  setDesks: (desks) =>
    set((s) => ({
      desks,
      screen: screenAvailable(s.screen, desks) ? s.screen : homeScreen(desks),
    })),
  watchIntegrity: async () => {
    for (;;) {
      if (!get().info?.writable) return; // already read-only: nothing more to learn
      let state: IntegrityStatus['state'];
      try {
        ({ state } = await api['app:integrity']({}));
      } catch {
        return; // an engine without an answer: the next start checks again
      }
      if (state === 'damaged') {
        // Found mid-session: the officer stays on the screen in use, under the red banner,
        // whose button leads to the restore (rather than the recovery screen replacing it).
        set({ recoveryDeclined: true });
        await get().refresh();
        return;
      }
      if (state !== 'running' && state !== 'waiting') return;
      await new Promise((resolve) => setTimeout(resolve, INTEGRITY_POLL_MS[state]));
    }
  },
}));

/** Communes that new activities may name (those still in the profile). */
export function activeCommunes(profile: ProfileView | null): Commune[] {
  return (profile?.communes ?? []).filter((c) => c.active);
}

/** How the screens name the office's current areas ("thôn, bản"; "địa bàn" with none). */
export function useAreaWords(): AreaWords {
  const communes = useAppStore((s) => s.profile?.communes);
  return useMemo(() => areaWords(currentKinds(communes ?? [])), [communes]);
}

/** Every area of the profile, dropped and merged ones too, by code. */
export function useAreasByCode(): Map<string, Commune> {
  const communes = useAppStore((s) => s.profile?.communes);
  return useMemo(() => byCodeOf(communes), [communes]);
}

/** False when the data file is damaged and the engine refuses writes. */
export function useWritable(): boolean {
  return useAppStore((s) => s.info?.writable ?? true);
}
