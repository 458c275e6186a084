// The province's merged report of a period: the figures over the counted packages
// (inbox:figures), the texts the department writes (inbox:texts, saved as a draft while
// typing as the office report's are, see textsDraft.ts) and the generated Word file.
import { create } from 'zustand';
import type { MergedData } from '../../../shared/inbox';
import { api, errorMessage } from '../api';
import { generateDocx, NO_FILE, type DocxState } from './docxFile';
import { createTextsSaver, IDLE_SAVE, NO_TEXTS, type TextsState } from './textsDraft';

interface MergedState extends TextsState, DocxState {
  /** The period the data below belongs to. */
  period: string;
  data: MergedData | null;
  loading: boolean;
  error: string | null;
  load: (period: string) => Promise<void>;
}

let generation = 0;

export const useMergedStore = create<MergedState>((set, get) => {
  const saver = createTextsSaver({
    name: 'merged',
    send: (period, texts) => api['inbox:saveTexts']({ period, texts }),
    get,
    set,
  });

  return {
    ...NO_TEXTS,
    ...NO_FILE,
    period: '',
    data: null,
    loading: false,
    error: null,

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
        save: IDLE_SAVE,
        ...(switching ? { data: null, texts: null, file: null, fileError: null } : {}),
      });
      try {
        const [data, texts] = await Promise.all([
          api['inbox:figures']({ period }),
          api['inbox:texts']({ period }),
        ]);
        if (mine !== generation) return;
        saver.open(period, texts, (shown) =>
          set({ data, texts: shown, lastDate: texts.date, loading: false }),
        );
      } catch (err) {
        if (mine === generation) set({ loading: false, error: errorMessage(err) });
      }
    },

    editTexts: saver.editTexts,
    flush: saver.flush,

    generate: () =>
      generateDocx({
        get,
        set,
        noDate: 'Hãy chọn ngày báo cáo trước khi tải báo cáo tổng hợp.',
        build: (period) => api['inbox:docx']({ period }),
      }),
  };
});
