// The texts staff write in a report (the office report, the province's merged report),
// saved as a draft per period while they type.
//
// Typing never waits for the engine: each edit lands in the store at once, goes to
// localStorage as a safety net, and a save of the whole texts follows ~600 ms after the
// last keystroke. Saves run one after the other, each for the period it was typed in, and
// a period switch or building the Word file flushes the pending one first.
import type { ReportTexts } from '../../../shared/report';
import { errorMessage } from '../api';
import { clearDraft, loadDraft, saveDraft } from '../lib/drafts';

export const SAVE_DELAY_MS = 600;

export interface SaveStatus {
  /** Local time of the last successful save, "HH:mm". */
  savedAt: string | null;
  saving: boolean;
  error: string | null;
}

export const IDLE_SAVE: SaveStatus = { savedAt: null, saving: false, error: null };

/** What the engine accepts: blank recipients and paragraphs dropped, text trimmed at the ends. */
export function cleanTexts(t: ReportTexts): ReportTexts {
  const lines = (list: string[]) => list.map((s) => s.trim()).filter((s) => s !== '');
  return { ...t, recipients: lines(t.recipients), directives: lines(t.directives) };
}

function hhmm(d: Date): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** The texts part of a report store: what the saver reads and writes, and its actions. */
export interface TextsState {
  /** The period on show; a save for another one leaves the status alone. */
  period: string;
  texts: ReportTexts | null;
  /** The report date last accepted by the engine (used while the date field is empty). */
  lastDate: string | null;
  save: SaveStatus;
  editTexts: (patch: Partial<ReportTexts>) => void;
  /** Saves the pending edit now (before a period switch, generating, leaving the screen). */
  flush: () => Promise<void>;
}

/** The texts part of a store before anything is loaded. */
export const NO_TEXTS = {
  texts: null,
  lastDate: null,
  save: IDLE_SAVE,
} satisfies Partial<TextsState>;

interface Options {
  /** The draft's localStorage key: "report" → "report:2023-Q3". */
  name: string;
  /** Sends cleaned texts to the engine. */
  send: (period: string, texts: ReportTexts) => Promise<unknown>;
  get: () => TextsState;
  set: (patch: Partial<TextsState>) => void;
}

export interface TextsSaver extends Pick<TextsState, 'editTexts' | 'flush'> {
  /** Shows the engine's texts of `period` through `show`, or the draft typed but not saved. */
  open: (period: string, fromEngine: ReportTexts, show: (texts: ReportTexts) => void) => void;
}

export function createTextsSaver({ name, send, get, set }: Options): TextsSaver {
  const draftKey = (period: string) => `${name}:${period}`;
  let timer: number | null = null;
  let pending: { period: string; texts: ReportTexts } | null = null;
  let chain: Promise<void> = Promise.resolve();

  /** Queues a save of `texts` for `period` behind any save still running. */
  const saveNow = (period: string, texts: ReportTexts): Promise<void> => {
    const date = texts.date !== '' ? texts.date : get().lastDate;
    // Without any valid date the engine would refuse the draft; localStorage keeps it.
    if (date === null) return chain;
    const mine = () => get().period === period;
    const job = async () => {
      if (mine()) set({ save: { ...get().save, saving: true } });
      try {
        await send(period, cleanTexts({ ...texts, date }));
        // Only forget the local copy if nothing newer was typed meanwhile.
        if (pending?.period !== period) clearDraft(draftKey(period));
        if (mine()) {
          set({ lastDate: date, save: { savedAt: hhmm(new Date()), saving: false, error: null } });
        }
      } catch (err) {
        if (mine()) set({ save: { ...get().save, saving: false, error: errorMessage(err) } });
      }
    };
    chain = chain.then(job, job);
    return chain;
  };

  const flush = (): Promise<void> => {
    if (timer !== null) window.clearTimeout(timer);
    timer = null;
    const job = pending;
    pending = null;
    return job ? saveNow(job.period, job.texts) : chain;
  };

  return {
    open: (period, fromEngine, show) => {
      // Text typed but not saved (a crash, a closed window) wins over the engine's copy.
      const unsaved = loadDraft<ReportTexts>(draftKey(period));
      show(unsaved ?? fromEngine);
      if (unsaved) {
        pending = { period, texts: unsaved };
        void flush();
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
      timer = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
    },

    flush,
  };
}
