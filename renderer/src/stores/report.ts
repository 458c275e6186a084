// The report screen: the chosen period and subject, their figures and chart series, the
// texts staff write (saved as a draft per period and subject while they type, see
// textsDraft.ts), the period's lock and the generated Word file.
import { create } from 'zustand';
import type { PeriodLock } from '../../../shared/contract';
import { DEFAULT_SUBJECT, type ReportSubject } from '../../../shared/domain';
import type { ReportData, SeriesPoint } from '../../../shared/report';
import { api, errorMessage } from '../api';
import { isActiveLock, offeredSubjects } from '../features/report/locks';
import { useAppStore } from './app';
import { generateDocx, NO_FILE, type DocxState } from './docxFile';
import { createTextsSaver, IDLE_SAVE, NO_TEXTS, type TextsState } from './textsDraft';

export const SERIES_COUNT = 4;

interface ReportState extends TextsState, DocxState {
  /** The period key on show; '' until the screen picks its default. */
  period: string;
  /** The subject on show; one of `subjects` once loaded. */
  subject: ReportSubject;
  /** The subjects offered for the period: the lock's when locked, else the profile's. */
  subjects: ReportSubject[];
  /** The lock in force over the period (null when open or unlocked for correction). */
  lock: PeriodLock | null;
  readOnly: boolean;
  data: ReportData | null;
  series: SeriesPoint[] | null;
  loading: boolean;
  error: string | null;
  generation: number;
  setPeriod: (period: string) => Promise<void>;
  setSubject: (subject: ReportSubject) => Promise<void>;
  load: () => Promise<void>;
}

const profileSubjects = (): ReportSubject[] | undefined =>
  useAppStore.getState().profile?.office.subjects;

export const useReportStore = create<ReportState>((set, get) => {
  const saver = createTextsSaver({
    name: 'report',
    send: (period, texts, subject) => api['report:saveTexts']({ period, subject, texts }),
    get,
    set,
  });

  return {
    ...NO_TEXTS,
    ...NO_FILE,
    period: '',
    subject: DEFAULT_SUBJECT,
    subjects: [DEFAULT_SUBJECT],
    lock: null,
    readOnly: false,
    data: null,
    series: null,
    loading: false,
    error: null,
    generation: 0,

    setPeriod: async (period) => {
      if (period === get().period) return;
      const flushed = get().flush();
      // The texts on show belong to the period left: none are editable until the next load.
      set({ period, texts: null, file: null, fileError: null });
      await flushed;
      await get().load();
    },

    setSubject: async (subject) => {
      if (subject === get().subject) return;
      // What was typed for the subject on show is saved under it before the switch.
      const flushed = get().flush();
      // The texts on show belong to the subject left: none are editable until the next load.
      set({ subject, texts: null, file: null, fileError: null });
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
        // The lock first: it decides the subjects on offer and whether the texts are signed.
        const locks = await api['periods:locks']({});
        if (!current()) return;
        const found = locks.find((l) => l.key === period) ?? null;
        const lock = isActiveLock(found) ? found : null;
        const subjects = offeredSubjects(lock, profileSubjects());
        const subject = subjects.includes(get().subject) ? get().subject : subjects[0]!;
        // Only a package's signature makes the texts read-only (the engine's rule too).
        const readOnly = lock !== null && lock.packageSha256 !== null;
        set({ lock, subjects, subject, readOnly });
        // Figures, chart and texts arrive together, so the tabs never disagree.
        const [data, series, texts] = await Promise.all([
          api['report:data']({ period, subject }),
          api['report:series']({ period, subject, count: SERIES_COUNT }),
          api['report:texts']({ period, subject }),
        ]);
        if (!current()) return;
        saver.open(
          period,
          texts,
          (shown) => set({ data, series, texts: shown, lastDate: texts.date, loading: false }),
          { subject, readOnly },
        );
      } catch (err) {
        if (current()) set({ loading: false, error: errorMessage(err) });
      }
    },

    editTexts: saver.editTexts,
    flush: saver.flush,

    generate: async () => {
      const { subject } = get();
      const file = await generateDocx({
        get,
        set,
        noDate: 'Hãy chọn ngày báo cáo trước khi tạo báo cáo Word.',
        build: (period) => api['report:docx']({ period, subject }),
      });
      // Switched to another subject meanwhile: that file is not the one on show.
      if (get().subject === subject) return file;
      set({ file: null, fileError: null, generating: false });
      return null;
    },
  };
});
