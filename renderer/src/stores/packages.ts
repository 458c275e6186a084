// The signed packages: the one of the period on the report screen (its lock, the last
// package exported for it, and the actions "Xuất gói dữ liệu", "Mở khóa để sửa", sending
// and recording the province's confirmation), and every period's lock for the screens
// that show locked rows (the logbook, the directives register).
import { create } from 'zustand';
import type { DeliveryRow, PeriodLock } from '../../../shared/contract';
import type { ExportPreview, PackageRow, PackageState } from '../../../shared/package';
import { api, errorMessage } from '../api';
import { useReportStore } from './report';

/** What the screen shows of a package, from the package list (and the last export). */
export interface PackageView {
  fileName: string;
  sha256: string;
  sequence: number;
  supersedes: string | null;
  createdAt: string;
  state: PackageState;
  deliveredAt: string | null;
  confirmedAt: string | null;
  confirmedNote: string | null;
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
  /** The number of the package whose export locked the period (while the lock holds). */
  signedSequence: number | null;
  /** Every period's lock, for the rows of the logbook and the directives register. */
  locks: PeriodLock[];
  previewing: boolean;
  exporting: boolean;
  sending: boolean;
  error: string | null;
  /** Deliveries queued by the last "Gửi" on this screen. */
  queued: DeliveryRow[] | null;
  load: (period: string) => Promise<void>;
  loadLocks: () => Promise<void>;
  /** What an export would sign and replace; null (with `error` set) when it failed. */
  preview: () => Promise<ExportPreview | null>;
  exportPackage: (options?: { allowEmpty?: boolean }) => Promise<boolean>;
  unlock: (reason: string) => Promise<void>;
  send: (choice: SendChoice) => Promise<boolean>;
  /** Records that the province confirmed receipt of the latest package (or takes it back). */
  confirm: (confirmed: boolean, note?: string) => Promise<void>;
  clearError: () => void;
}

const viewOfRow = (p: PackageRow, reused = false): PackageView => ({
  fileName: p.fileName,
  sha256: p.sha256,
  sequence: p.sequence,
  supersedes: p.supersedes,
  createdAt: p.createdAt,
  state: p.state,
  deliveredAt: p.deliveredAt,
  confirmedAt: p.confirmedAt,
  confirmedNote: p.confirmedNote,
  reused,
});

/** After an export or an unlock: the report screen shows the signed or the editable texts. */
function reloadReport(): void {
  useReportStore.setState({ file: null, fileError: null });
  void useReportStore.getState().load();
}

export const usePackagesStore = create<PackagesState>((set, get) => ({
  period: '',
  lock: null,
  latest: null,
  signedSequence: null,
  locks: [],
  previewing: false,
  exporting: false,
  sending: false,
  error: null,
  queued: null,

  load: async (period) => {
    if (period !== get().period)
      set({ period, lock: null, latest: null, signedSequence: null, queued: null, error: null });
    try {
      const [locks, packages] = await Promise.all([
        api['periods:locks']({}),
        api['package:list']({}),
      ]);
      if (get().period !== period) return;
      const mine = packages
        .filter((p) => p.period.key === period)
        .sort((a, b) => b.sequence - a.sequence);
      const lock = locks.find((l) => l.key === period) ?? null;
      const signed =
        lock && lock.unlockedAt === null
          ? mine.find((p) => p.sha256 === lock.packageSha256)
          : undefined;
      const before = get().latest;
      set({
        locks,
        lock,
        // "Reused" belongs to the export that said so; a refresh keeps it for that package.
        latest: mine[0]
          ? viewOfRow(mine[0], before?.sha256 === mine[0].sha256 && before.reused)
          : null,
        signedSequence: signed?.sequence ?? null,
      });
    } catch (err) {
      set({ error: errorMessage(err) });
    }
  },

  loadLocks: async () => {
    try {
      set({ locks: await api['periods:locks']({}) });
    } catch {
      // The screens still work without it: the engine refuses a locked row on save.
    }
  },

  preview: async () => {
    const period = get().period;
    set({ previewing: true, error: null });
    try {
      // What was typed a moment ago belongs in the package: save it before anything is counted.
      await useReportStore.getState().flush();
      return await api['package:preview']({ period });
    } catch (err) {
      set({ error: errorMessage(err) });
      return null;
    } finally {
      set({ previewing: false });
    }
  },

  exportPackage: async (options = {}) => {
    const period = get().period;
    set({ exporting: true, error: null, queued: null });
    try {
      await useReportStore.getState().flush();
      const r = await api['package:export']({
        period,
        ...(options.allowEmpty ? { allowEmpty: true } : {}),
      });
      if (get().period !== period) return true;
      await get().load(period);
      const latest = get().latest;
      if (latest?.sha256 === r.sha256) set({ latest: { ...latest, reused: r.reused } });
      // The report on show is now the signed one, read-only; a file made before is not it.
      reloadReport();
      return true;
    } catch (err) {
      set({ error: errorMessage(err) });
      return false;
    } finally {
      set({ exporting: false });
    }
  },

  unlock: async (reason) => {
    const period = get().period;
    await api['periods:unlock']({ period, reason });
    await get().load(period);
    reloadReport();
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

  confirm: async (confirmed, note = '') => {
    const latest = get().latest;
    if (!latest) return;
    const row = await api['package:confirm']({ sha256: latest.sha256, confirmed, note });
    const now = get().latest;
    if (now?.sha256 === row.sha256) set({ latest: viewOfRow(row, now.reused) });
  },

  clearError: () => set({ error: null }),
}));
