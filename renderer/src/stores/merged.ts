// The province's merged report of a period and subject: the figures over the counted
// packages (inbox:figures), the texts the department writes (inbox:texts, saved as a draft
// per period and subject while typing, as the office report's are, see textsDraft.ts) and
// the generated Word file.
import { create } from 'zustand';
import { DEFAULT_SUBJECT, type ReportSubject } from '../../../shared/domain';
import type { MergedData } from '../../../shared/inbox';
import { api, errorMessage } from '../api';
import { generateDocx, NO_FILE, type DocxState } from './docxFile';
import { createTextsSaver, IDLE_SAVE, NO_TEXTS, type TextsState } from './textsDraft';

interface MergedState extends TextsState, DocxState {
  /** The period the data below belongs to. */
  period: string;
  /** The subject on show: every subject can be merged, whatever offices sent. */
  subject: ReportSubject;
  data: MergedData | null;
  loading: boolean;
  error: string | null;
  load: (period: string) => Promise<void>;
  setSubject: (subject: ReportSubject) => Promise<void>;
}

let generation = 0;

export const useMergedStore = create<MergedState>((set, get) => {
  const saver = createTextsSaver({
    name: 'merged',
    send: (period, texts, subject) =>
      api['inbox:saveTexts']({ period, subject: subject ?? DEFAULT_SUBJECT, texts }),
    get,
    set,
  });

  /** Figures and texts of the period and subject on show, arriving together. */
  const fetch = async (period: string, subject: ReportSubject, switching: boolean) => {
    // What was typed is saved under the period and subject it was typed for, first.
    await get().flush();
    generation += 1;
    const mine = generation;
    set({
      period,
      subject,
      loading: true,
      error: null,
      save: IDLE_SAVE,
      ...(switching ? { data: null, texts: null, file: null, fileError: null } : {}),
    });
    try {
      const [data, texts] = await Promise.all([
        api['inbox:figures']({ period, subject }),
        api['inbox:texts']({ period, subject }),
      ]);
      if (mine !== generation) return;
      saver.open(
        period,
        texts,
        (shown) => set({ data, texts: shown, lastDate: texts.date, loading: false }),
        { subject },
      );
    } catch (err) {
      if (mine === generation) set({ loading: false, error: errorMessage(err) });
    }
  };

  return {
    ...NO_TEXTS,
    ...NO_FILE,
    period: '',
    subject: DEFAULT_SUBJECT,
    data: null,
    loading: false,
    error: null,

    load: async (period) => {
      if (period === '') return;
      await fetch(period, get().subject, period !== get().period);
    },

    setSubject: async (subject) => {
      const { period } = get();
      if (subject === get().subject || period === '') return;
      await fetch(period, subject, true);
    },

    editTexts: saver.editTexts,
    flush: saver.flush,

    generate: async () => {
      const { subject } = get();
      const file = await generateDocx({
        get,
        set,
        noDate: 'Hãy chọn ngày báo cáo trước khi tải báo cáo tổng hợp.',
        build: (period) => api['inbox:docx']({ period, subject }),
      });
      // Switched to another subject meanwhile: that file is not the one on show.
      if (get().subject === subject) return file;
      set({ file: null, fileError: null, generating: false });
      return null;
    },
  };
});
