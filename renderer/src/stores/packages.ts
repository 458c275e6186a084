// The signed package of the period on the report screen: its lock, the last package
// exported for it, and the actions "Xuất gói dữ liệu", "Mở khóa để sửa" and sending.
import { create } from 'zustand';
import type { DeliveryRow, PeriodLock } from '../../../shared/contract';
import type { PackageRow } from '../../../shared/package';
import { api, errorMessage } from '../api';

/** What the screen shows of a package, from an export or from the package list. */
export interface PackageView {
  fileName: string;
  sha256: string;
  sequence: number;
  supersedes: string | null;
  createdAt: string;
  /** True when the export found the period already exported and made no new package. */
  reused: boolean;
}

export interface SendChoice {
  folder?: string;
  email?: boolean;
  upload?: boolean;
}

interface PackagesState {
  period: string;
  lock: PeriodLock | null;
  latest: PackageView | null;
  exporting: boolean;
  sending: boolean;
  error: string | null;
  /** Deliveries queued by the last "Gửi" on this screen. */
  queued: DeliveryRow[] | null;
  load: (period: string) => Promise<void>;
  exportPackage: () => Promise<void>;
  unlock: (reason: string) => Promise<void>;
  send: (choice: SendChoice) => Promise<boolean>;
  clearError: () => void;
}

const viewOfRow = (p: PackageRow): PackageView => ({
  fileName: p.fileName,
  sha256: p.sha256,
  sequence: p.sequence,
  supersedes: p.supersedes,
  createdAt: p.createdAt,
  reused: false,
});

export const usePackagesStore = create<PackagesState>((set, get) => ({
  period: '',
  lock: null,
  latest: null,
  exporting: false,
  sending: false,
  error: null,
  queued: null,
  load: async (period) => {
    if (period !== get().period)
      set({ period, lock: null, latest: null, queued: null, error: null });
    try {
      const [locks, packages] = await Promise.all([
        api['periods:locks']({}),
        api['package:list']({}),
      ]);
      if (get().period !== period) return;
      const mine = packages
        .filter((p) => p.period.key === period)
        .sort((a, b) => b.sequence - a.sequence);
      set({
        lock: locks.find((l) => l.key === period) ?? null,
        latest: mine[0] ? viewOfRow(mine[0]) : null,
      });
    } catch (err) {
      set({ error: errorMessage(err) });
    }
  },
  exportPackage: async () => {
    const period = get().period;
    set({ exporting: true, error: null, queued: null });
    try {
      const r = await api['package:export']({ period });
      if (get().period !== period) return;
      set({
        latest: {
          fileName: r.fileName,
          sha256: r.sha256,
          sequence: r.sequence,
          supersedes: r.supersedes,
          createdAt: r.createdAt,
          reused: r.reused,
        },
      });
      const locks = await api['periods:locks']({});
      if (get().period === period) set({ lock: locks.find((l) => l.key === period) ?? null });
    } catch (err) {
      set({ error: errorMessage(err) });
    } finally {
      set({ exporting: false });
    }
  },
  unlock: async (reason) => {
    const lock = await api['periods:unlock']({ period: get().period, reason });
    set({ lock });
  },
  send: async (choice) => {
    const latest = get().latest;
    if (!latest) return false;
    set({ sending: true, error: null });
    try {
      const queued = await api['outbox:enqueue']({ sha256: latest.sha256, ...choice });
      set({ queued });
      return true;
    } catch (err) {
      set({ error: errorMessage(err) });
      return false;
    } finally {
      set({ sending: false });
    }
  },
  clearError: () => set({ error: null }),
}));

/** Locked when a lock row exists and has not been lifted for correction. */
export const isLocked = (lock: PeriodLock | null): boolean =>
  lock !== null && lock.unlockedAt === null;
