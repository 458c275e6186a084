// The province's inbox: taking in a selection or a folder of package files, one file at a
// time (each is a few MB of base64 over the contract, and the engine's answer for one may
// depend on the one before: a correction after its original), and the packages held.
import { create } from 'zustand';
import type { ImportResult, InboxPackageRow } from '../../../shared/inbox';
import { api, errorMessage } from '../api';
import { fileToBase64 } from '../lib/files';

export interface ImportRun {
  total: number;
  done: number;
  /** The file being sent now. */
  current: string | null;
  results: ImportResult[];
  /** Files of a chosen folder that are not packages, left out. */
  skipped: string[];
  running: boolean;
}

interface InboxState {
  run: ImportRun | null;
  packages: InboxPackageRow[];
  loaded: boolean;
  error: string | null;
  /** Sends each file with inbox:import, in order, then reloads the packages held. */
  importFiles: (files: File[], skipped: string[]) => Promise<void>;
  loadPackages: () => Promise<void>;
}

/** What the table shows for a file the engine could not even take (read error, transport). */
function failed(file: string, err: unknown): ImportResult {
  const text = errorMessage(err);
  return {
    file,
    outcome: 'refused',
    message: { vi: text, en: text },
    sha256: null,
    officeCode: null,
    officeName: null,
    period: null,
    sequence: null,
    fingerprint: null,
  };
}

export const useInboxStore = create<InboxState>((set, get) => ({
  run: null,
  packages: [],
  loaded: false,
  error: null,
  importFiles: async (files, skipped) => {
    if (get().run?.running) return;
    set({
      run: { total: files.length, done: 0, current: null, results: [], skipped, running: true },
    });
    const step = (patch: Partial<ImportRun>) =>
      set((s) => (s.run ? { run: { ...s.run, ...patch } } : {}));
    for (const file of files) {
      step({ current: file.name });
      let result: ImportResult;
      try {
        const base64 = await fileToBase64(file);
        result = await api['inbox:import']({ fileName: file.name, base64 });
      } catch (err) {
        result = failed(file.name, err);
      }
      const run = get().run;
      step({ done: (run?.done ?? 0) + 1, results: [...(run?.results ?? []), result] });
    }
    step({ current: null, running: false });
    await get().loadPackages();
  },
  loadPackages: async () => {
    try {
      const packages = await api['inbox:packages']({});
      set({ packages, loaded: true, error: null });
    } catch (err) {
      set({ loaded: true, error: errorMessage(err) });
    }
  },
}));
