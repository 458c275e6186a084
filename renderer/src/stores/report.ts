// The report screen: the chosen period, its figures and chart series, the texts staff
// write (saved as a draft per period while they type, see textsDraft.ts) and the
// generated Word file.
import { create } from 'zustand';
import type { ReportData, SeriesPoint } from '../../../shared/report';
import { api, errorMessage } from '../api';
import { generateDocx, NO_FILE, type DocxState } from './docxFile';
import { createTextsSaver, IDLE_SAVE, NO_TEXTS, type TextsState } from './textsDraft';

export const SERIES_COUNT = 4;

interface ReportState extends TextsState, DocxState {
  /** The period key on show; '' until the screen picks its default. */
  period: string;
  data: ReportData | null;
  series: SeriesPoint[] | null;
  loading: boolean;
  error: string | null;
  generation: number;
  setPeriod: (period: string) => Promise<void>;
  load: () => Promise<void>;
}

export const useReportStore = create<ReportState>((set, get) => {
  const saver = createTextsSaver({
    name: 'report',
    send: (period, texts) => api['report:saveTexts']({ period, texts }),
    get,
    set,
  });

  return {
    ...NO_TEXTS,
    ...NO_FILE,
    period: '',
    data: null,
    series: null,
    loading: false,
    error: null,
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
      set({ generation, loading: true, error: null, texts: null, save: IDLE_SAVE });
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
        saver.open(period, texts, (shown) =>
          set({ data, series, texts: shown, lastDate: texts.date, loading: false }),
        );
      } catch (err) {
        if (current()) set({ loading: false, error: errorMessage(err) });
      }
    },

    editTexts: saver.editTexts,
    flush: saver.flush,

    generate: () =>
      generateDocx({
        get,
        set,
        noDate: 'Hãy chọn ngày báo cáo trước khi tạo báo cáo Word.',
        build: (period) => api['report:docx']({ period }),
      }),
  };
});
