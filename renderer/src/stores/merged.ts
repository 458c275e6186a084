// The province's merged report of a period: the figures over the counted packages
// (inbox:figures), the texts the department writes (inbox:texts, saved as a draft while
// typing, as the office report's are: localStorage at once, the engine ~600 ms after the
// last keystroke, one save after the other) and the generated Word file.
import { create } from 'zustand';
import type { MergedData } from '../../../shared/inbox';
import type { ReportFileView, ReportTexts } from '../../../shared/report';
import { api, errorMessage } from '../api';
import { clearDraft, loadDraft, saveDraft } from '../lib/drafts';
import { cleanTexts, SAVE_DELAY_MS, type SaveStatus } from './report';

const draftKey = (period: string) => `merged:${period}`;
const IDLE: SaveStatus = { savedAt: null, saving: false, error: null };

interface MergedState {
  /** The period the data below belongs to. */
  period: string;
  data: MergedData | null;
  texts: ReportTexts | null;
  /** The report date last accepted by the engine (used while the date field is empty). */
  lastDate: string | null;
  loading: boolean;
  error: string | null;
  save: SaveStatus;
  file: ReportFileView | null;
  generating: boolean;
  fileError: string | null;
  load: (period: string) => Promise<void>;
  editTexts: (patch: Partial<ReportTexts>) => void;
  flush: () => Promise<void>;
  /** Builds the Word file; returns it (null when refused or failed, with fileError set). */
  generate: () => Promise<ReportFileView | null>;
}

let timer: number | null = null;
let pending: { period: string; texts: ReportTexts } | null = null;
let chain: Promise<void> = Promise.resolve();
let generation = 0;

const hhmm = (d: Date) =>
  `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

export const useMergedStore = create<MergedState>((set, get) => {
  const saveNow = (period: string, texts: ReportTexts): Promise<void> => {
    const date = texts.date !== '' ? texts.date : get().lastDate;
    if (date === null) return chain;
    const mine = () => get().period === period;
    const job = async () => {
      if (mine()) set((s) => ({ save: { ...s.save, saving: true } }));
      try {
        await api['inbox:saveTexts']({ period, texts: cleanTexts({ ...texts, date }) });
        if (pending?.period !== period) clearDraft(draftKey(period));
        if (mine())
          set({ lastDate: date, save: { savedAt: hhmm(new Date()), saving: false, error: null } });
      } catch (err) {
        if (mine()) set((s) => ({ save: { ...s.save, saving: false, error: errorMessage(err) } }));
      }
    };
    chain = chain.then(job, job);
    return chain;
  };

  return {
    period: '',
    data: null,
    texts: null,
    lastDate: null,
    loading: false,
    error: null,
    save: IDLE,
    file: null,
    generating: false,
    fileError: null,

    load: async (period) => {
      if (period === '') return;
      const switching = period !== get().period;
      await get().flush();
      generation += 1;
      const mine = generation;
      set({
        period,
        loading: true,
        error: null,
        save: IDLE,
        ...(switching ? { data: null, texts: null, file: null, fileError: null } : {}),
      });
      try {
        const [data, texts] = await Promise.all([
          api['inbox:figures']({ period }),
          api['inbox:texts']({ period }),
        ]);
        if (mine !== generation) return;
        const unsaved = loadDraft<ReportTexts>(draftKey(period));
        set({ data, texts: unsaved ?? texts, lastDate: texts.date, loading: false });
        if (unsaved) {
          pending = { period, texts: unsaved };
          void get().flush();
        }
      } catch (err) {
        if (mine === generation) set({ loading: false, error: errorMessage(err) });
      }
    },

    editTexts: (patch) => {
      const { texts, period } = get();
      if (!texts) return;
      const next = { ...texts, ...patch };
      set({ texts: next });
      saveDraft(draftKey(period), next);
      pending = { period, texts: next };
      if (timer !== null) window.clearTimeout(timer);
      timer = window.setTimeout(() => void get().flush(), SAVE_DELAY_MS);
    },

    flush: () => {
      if (timer !== null) window.clearTimeout(timer);
      timer = null;
      const job = pending;
      pending = null;
      return job ? saveNow(job.period, job.texts) : chain;
    },

    generate: async () => {
      const { period, texts } = get();
      if (texts?.date === '') {
        set({ file: null, fileError: 'Hãy chọn ngày báo cáo trước khi tải báo cáo tổng hợp.' });
        return null;
      }
      set({ generating: true, fileError: null, file: null });
      try {
        await get().flush();
        const file = await api['inbox:docx']({ period });
        if (get().period === period) set({ file, generating: false });
        return file;
      } catch (err) {
        if (get().period === period) set({ generating: false, fileError: errorMessage(err) });
        return null;
      }
    },
  };
});
