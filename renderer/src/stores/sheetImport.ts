// Importing a spreadsheet into the logbook, step by step: the file is read by the engine
// (with its progress), unknown columns are answered, every row is previewed with its
// problems, and only then written, all or nothing.
import { create } from 'zustand';
import type { SheetField } from '../../../shared/sheetColumns';
import type { ColumnMap, SheetPreview, SheetProgress } from '../../../shared/sheetImport';
import { api, errorMessage } from '../api';
import { fileToBase64 } from '../lib/files';

export const PREVIEW_PAGE = 50;

export type SheetStep = 'closed' | 'reading' | 'columns' | 'preview' | 'writing' | 'done';

interface SheetImportState {
  step: SheetStep;
  fileName: string;
  token: string;
  progress: SheetProgress | null;
  map: ColumnMap;
  preview: SheetPreview | null;
  page: number;
  problemsOnly: boolean;
  error: string | null;
  result: { created: number; updated: number; unchanged: number; activities: number } | null;
  start: (file: File) => Promise<void>;
  setColumn: (header: string, field: SheetField | null) => void;
  showPreview: () => Promise<void>;
  backToColumns: () => void;
  setPage: (page: number, problemsOnly?: boolean) => Promise<void>;
  commit: () => Promise<boolean>;
  close: () => void;
}

function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const CLOSED = {
  step: 'closed' as SheetStep,
  fileName: '',
  token: '',
  progress: null,
  map: {},
  preview: null,
  page: 0,
  problemsOnly: false,
  error: null,
  result: null,
};

export const useSheetImportStore = create<SheetImportState>((set, get) => {
  /** Asks the engine how far the reading (or writing) has come, until the step changes. */
  const poll = (token: string, step: SheetStep) => {
    const tick = async () => {
      if (get().token !== token || get().step !== step) return;
      try {
        const progress = await api['sheet:progress']({ token });
        if (get().token === token && get().step === step) set({ progress });
      } catch {
        // The answer to the main call reports any real error.
      }
      window.setTimeout(() => void tick(), 250);
    };
    window.setTimeout(() => void tick(), 250);
  };

  const load = async (page: number, problemsOnly: boolean): Promise<SheetPreview> => {
    const { token, map } = get();
    return api['sheet:preview']({
      token,
      map,
      offset: page * PREVIEW_PAGE,
      limit: PREVIEW_PAGE,
      problemsOnly,
    });
  };

  return {
    ...CLOSED,

    start: async (file) => {
      const token = newToken();
      set({ ...CLOSED, step: 'reading', fileName: file.name, token });
      poll(token, 'reading');
      try {
        const base64 = await fileToBase64(file);
        await api['sheet:open']({ token, fileName: file.name, base64 });
        if (get().token !== token) return;
        const preview = await load(0, false);
        if (get().token !== token) return;
        const needsMap = preview.columns.some((c) => c.needsMap);
        set({ preview, step: needsMap ? 'columns' : 'preview', error: null });
      } catch (err) {
        if (get().token === token) set({ error: errorMessage(err), step: 'reading' });
      }
    },

    setColumn: (header, field) => set((s) => ({ map: { ...s.map, [header]: field } })),

    showPreview: async () => {
      try {
        const preview = await load(0, false);
        set({ preview, page: 0, problemsOnly: false, step: 'preview', error: null });
      } catch (err) {
        set({ error: errorMessage(err) });
      }
    },

    backToColumns: () => set({ step: 'columns', error: null }),

    setPage: async (page, problemsOnly = get().problemsOnly) => {
      try {
        const preview = await load(page, problemsOnly);
        set({ preview, page, problemsOnly });
      } catch (err) {
        set({ error: errorMessage(err) });
      }
    },

    commit: async () => {
      const { token, map } = get();
      set({ step: 'writing', error: null });
      poll(token, 'writing');
      try {
        const result = await api['activities:importSheet']({ token, map });
        set({ step: 'done', result });
        return true;
      } catch (err) {
        set({ step: 'preview', error: errorMessage(err) });
        return false;
      }
    },

    close: () => {
      const { token } = get();
      if (token !== '') void api['sheet:close']({ token }).catch(() => undefined);
      set({ ...CLOSED });
    },
  };
});
