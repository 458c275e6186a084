// The texts staff write in a report (the office report, the province's merged report),
// saved as a draft per period (and per subject, for the office report) while they type.
//
// Typing never waits for the engine: each edit lands in the store at once, goes to
// localStorage as a safety net, and a save of the whole texts follows ~600 ms after the
// last keystroke. Saves run one after the other, each for the period and subject it was
// typed in, and a period or subject switch or building the Word file flushes the pending
// one first. A locked report (exported and signed) is read-only: nothing is typed, saved
// or claimed saved.
import type { ReportSubject } from '../../../shared/domain';
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

/**
 * What the engine accepts: blank recipients, paragraphs and copies dropped, lines and the
 * one-line fields (the letter, the filing, the initials) trimmed.
 */
export function cleanTexts(t: ReportTexts): ReportTexts {
  const lines = (list: string[]) => list.map((s) => s.trim()).filter((s) => s !== '');
  return {
    ...t,
    recipients: lines(t.recipients),
    request: t.request.trim(),
    directives: lines(t.directives),
    copies: lines(t.copies),
    filing: t.filing.trim(),
    drafter: t.drafter.trim(),
  };
}

/**
 * A local draft over the engine's texts of the same report: a field the draft lacks (one
 * written before the field existed) or holds in another shape keeps the engine's value.
 */
export function restoreDraft(fromEngine: ReportTexts, draft: unknown): ReportTexts {
  if (typeof draft !== 'object' || draft === null) return fromEngine;
  const saved = draft as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...fromEngine };
  for (const [key, value] of Object.entries(fromEngine)) {
    const typed = saved[key];
    const fits = Array.isArray(value)
      ? Array.isArray(typed) && typed.every((v) => typeof v === 'string')
      : typeof typed === typeof value;
    if (fits) merged[key] = typed;
  }
  return merged as unknown as ReportTexts;
}

/**
 * The localStorage key of a draft: "report:2023-Q3:drugs". Keyed by subject too, so a text
 * typed for the drugs report can never come back in the trafficking one.
 */
export function textsDraftKey(name: string, period: string, subject?: ReportSubject): string {
  return subject ? `${name}:${period}:${subject}` : `${name}:${period}`;
}

function hhmm(d: Date): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** The texts part of a report store: what the saver reads and writes, and its actions. */
export interface TextsState {
  /** The period on show; a save for another one leaves the status alone. */
  period: string;
  /** The subject on show (the office report); undefined where a report has none. */
  subject?: ReportSubject;
  /** The texts on show are the signed ones of a locked report: no edit, no save. */
  readOnly?: boolean;
  texts: ReportTexts | null;
  /** The report date last accepted by the engine (used while the date field is empty). */
  lastDate: string | null;
  save: SaveStatus;
  editTexts: (patch: Partial<ReportTexts>) => void;
  /** Saves the pending edit now (before a switch, generating, exporting, leaving the screen). */
  flush: () => Promise<void>;
}

/** The texts part of a store before anything is loaded. */
export const NO_TEXTS = {
  texts: null,
  lastDate: null,
  save: IDLE_SAVE,
} satisfies Partial<TextsState>;

interface Options {
  /** The draft's localStorage key: "report" → "report:2023-Q3:trafficking". */
  name: string;
  /** Sends cleaned texts to the engine, for the period and subject they were typed in. */
  send: (
    period: string,
    texts: ReportTexts,
    subject: ReportSubject | undefined,
  ) => Promise<unknown>;
  get: () => TextsState;
  set: (patch: Partial<TextsState>) => void;
}

/** Which report `open` shows, beyond its period. */
export interface OpenOptions {
  subject?: ReportSubject | undefined;
  /** The engine's texts are the signed ones: shown as they are, a local draft left aside. */
  readOnly?: boolean | undefined;
}

export interface TextsSaver extends Pick<TextsState, 'editTexts' | 'flush'> {
  /** Shows the engine's texts of `period` through `show`, or the draft typed but not saved. */
  open: (
    period: string,
    fromEngine: ReportTexts,
    show: (texts: ReportTexts) => void,
    options?: OpenOptions,
  ) => void;
}

interface Pending {
  period: string;
  subject: ReportSubject | undefined;
  texts: ReportTexts;
}

export function createTextsSaver({ name, send, get, set }: Options): TextsSaver {
  const draftKey = (period: string, subject: ReportSubject | undefined) =>
    textsDraftKey(name, period, subject);
  let timer: number | null = null;
  let pending: Pending | null = null;
  let chain: Promise<void> = Promise.resolve();

  /** Queues a save of `job.texts` behind any save still running. */
  const saveNow = ({ period, subject, texts }: Pending): Promise<void> => {
    const date = texts.date !== '' ? texts.date : get().lastDate;
    // Without any valid date the engine would refuse the draft; localStorage keeps it.
    if (date === null) return chain;
    const mine = () => get().period === period && get().subject === subject;
    const job = async () => {
      if (mine()) set({ save: { ...get().save, saving: true } });
      try {
        await send(period, cleanTexts({ ...texts, date }), subject);
        // Only forget the local copy if nothing newer was typed meanwhile.
        if (pending?.period !== period || pending.subject !== subject) {
          clearDraft(draftKey(period, subject));
        }
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
    return job ? saveNow(job) : chain;
  };

  return {
    open: (period, fromEngine, show, options = {}) => {
      const { subject, readOnly = false } = options;
      // A signed report shows what was signed. A local draft of it (a save that failed
      // before the export) is left in place, neither shown nor sent: the engine would
      // refuse it now, and it comes back if the period is unlocked for correction.
      const draft = readOnly ? null : loadDraft<unknown>(draftKey(period, subject));
      // Text typed but not saved (a crash, a closed window) wins over the engine's copy;
      // what an older draft lacks comes from the engine's.
      const unsaved = draft === null ? null : restoreDraft(fromEngine, draft);
      show(unsaved ?? fromEngine);
      if (unsaved) {
        pending = { period, subject, texts: unsaved };
        void flush();
      }
    },

    editTexts: (patch) => {
      const { texts, period, subject, readOnly } = get();
      if (!texts || readOnly) return;
      const next = { ...texts, ...patch };
      set({ texts: next });
      saveDraft(draftKey(period, subject), next);
      pending = { period, subject, texts: next };
      if (timer !== null) window.clearTimeout(timer);
      timer = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
    },

    flush,
  };
}
