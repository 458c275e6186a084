// The report screen: the chosen period, its figures and chart series, the texts staff
// write (saved as a draft per period while they type) and the generated Word file.
//
// Typing never waits for the engine: each edit lands in the store at once, goes to
// localStorage as a safety net, and a save of the whole texts follows ~600 ms after the
// last keystroke. Saves run one after the other, each for the period it was typed in, and
// a period switch or "Tạo báo cáo Word" flushes the pending one first.
import { create } from 'zustand';
import type { ReportData, ReportFileView, ReportTexts, SeriesPoint } from '../../../shared/report';
import { api, errorMessage } from '../api';
import { clearDraft, loadDraft, saveDraft } from '../lib/drafts';

export const SAVE_DELAY_MS = 600;
export const SERIES_COUNT = 4;

const draftKey = (period: string) => `report:${period}`;

/** What the engine accepts: blank recipients and paragraphs dropped, text trimmed at the ends. */
export function cleanTexts(t: ReportTexts): ReportTexts {
  const lines = (list: string[]) => list.map((s) => s.trim()).filter((s) => s !== '');
  return { ...t, recipients: lines(t.recipients), directives: lines(t.directives) };
}

export interface SaveStatus {
  /** Local time of the last successful save, "HH:mm". */
  savedAt: string | null;
  saving: boolean;
  error: string | null;
}

interface ReportState {
  /** The period key on show; '' until the screen picks its default. */
  period: string;
  data: ReportData | null;
  series: SeriesPoint[] | null;
  texts: ReportTexts | null;
  /** The report date last accepted by the engine (used while the date field is empty). */
  lastDate: string | null;
  loading: boolean;
  error: string | null;
  save: SaveStatus;
  file: ReportFileView | null;
  generating: boolean;
  fileError: string | null;
  generation: number;
  setPeriod: (period: string) => Promise<void>;
  load: () => Promise<void>;
  editTexts: (patch: Partial<ReportTexts>) => void;
  /** Saves the pending edit now (before a period switch, generating, leaving the screen). */
  flush: () => Promise<void>;
  generate: () => Promise<void>;
}

let timer: number | null = null;
let pending: { period: string; texts: ReportTexts } | null = null;
let chain: Promise<void> = Promise.resolve();

function hhmm(d: Date): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export const useReportStore = create<ReportState>((set, get) => {
  /** Queues a save of `texts` for `period` behind any save still running. */
  const saveNow = (period: string, texts: ReportTexts): Promise<void> => {
    const date = texts.date !== '' ? texts.date : get().lastDate;
    // Without any valid date the engine would refuse the draft; localStorage keeps it.
    if (date === null) return chain;
    const job = async () => {
      if (get().period === period) set((s) => ({ save: { ...s.save, saving: true } }));
      try {
        await api['report:saveTexts']({ period, texts: cleanTexts({ ...texts, date }) });
        // Only forget the local copy if nothing newer was typed meanwhile.
        if (pending?.period !== period) clearDraft(draftKey(period));
        if (get().period === period) {
          set({
            lastDate: date,
            save: { savedAt: hhmm(new Date()), saving: false, error: null },
          });
        }
      } catch (err) {
        if (get().period === period) {
          set((s) => ({ save: { ...s.save, saving: false, error: errorMessage(err) } }));
        }
      }
    };
    chain = chain.then(job, job);
    return chain;
  };

  return {
    period: '',
    data: null,
    series: null,
    texts: null,
    lastDate: null,
    loading: false,
    error: null,
    save: { savedAt: null, saving: false, error: null },
    file: null,
    generating: false,
    fileError: null,
    generation: 0,

    setPeriod: async (period) => {
      if (period === get().period) return;
      const flushed = get().flush();
      set({ period, file: null, fileError: null });
      await flushed;
      await get().load();
    },

    load: async () => {
      const { period } = get();
      if (period === '') return;
      const generation = get().generation + 1;
      set({
        generation,
        loading: true,
        error: null,
        texts: null,
        save: { savedAt: null, saving: false, error: null },
      });
      const current = () => get().generation === generation;
      try {
        // A save still on its way must land before the draft is read back.
        await get().flush();
        // Figures, chart and texts arrive together, so the tabs never disagree on the period.
        const [data, series, texts] = await Promise.all([
          api['report:data']({ period }),
          api['report:series']({ period, count: SERIES_COUNT }),
          api['report:texts']({ period }),
        ]);
        if (!current()) return;
        // Text typed but not saved (a crash, a closed window) wins over the engine's copy.
        const unsaved = loadDraft<ReportTexts>(draftKey(period));
        set({
          data,
          series,
          texts: unsaved ?? texts,
          lastDate: texts.date,
          loading: false,
        });
        if (unsaved) {
          pending = { period, texts: unsaved };
          void get().flush();
        }
      } catch (err) {
        if (current()) set({ loading: false, error: errorMessage(err) });
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
        set({ file: null, fileError: 'Hãy chọn ngày báo cáo trước khi tạo báo cáo Word.' });
        return;
      }
      set({ generating: true, fileError: null, file: null });
      try {
        await get().flush();
        const file = await api['report:docx']({ period });
        if (get().period === period) set({ file, generating: false });
      } catch (err) {
        if (get().period === period) set({ generating: false, fileError: errorMessage(err) });
      }
    },
  };
});
