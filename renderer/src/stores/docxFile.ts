// Building a report's Word file (the office report, the province's merged report) from
// the store that holds its texts: refused without a report date, the pending draft saved
// first, the answer dropped if the user has moved to another period meanwhile.
import type { ReportFileView, ReportTexts } from '../../../shared/report';
import { errorMessage } from '../api';

/** The Word file part of a report store, and what the builder reads of the rest. */
export interface DocxState {
  period: string;
  texts: ReportTexts | null;
  file: ReportFileView | null;
  generating: boolean;
  fileError: string | null;
  flush: () => Promise<void>;
  /** Builds the Word file; returns it (null when refused or failed, with fileError set). */
  generate: () => Promise<ReportFileView | null>;
}

/** The Word file part of a store before any is built. */
export const NO_FILE = {
  file: null,
  generating: false,
  fileError: null,
} satisfies Partial<DocxState>;

interface Options {
  get: () => DocxState;
  set: (patch: Partial<DocxState>) => void;
  /** What to say when the report date is empty. */
  noDate: string;
  build: (period: string) => Promise<ReportFileView>;
}

/** Returns the file, or null when refused or failed (with `fileError` set). */
export async function generateDocx({
  get,
  set,
  noDate,
  build,
}: Options): Promise<ReportFileView | null> {
  const { period, texts } = get();
  if (texts?.date === '') {
    set({ file: null, fileError: noDate });
    return null;
  }
  set({ generating: true, fileError: null, file: null });
  try {
    await get().flush();
    const file = await build(period);
    if (get().period === period) set({ file, generating: false });
    return file;
  } catch (err) {
    if (get().period === period) set({ generating: false, fileError: errorMessage(err) });
    return null;
  }
}
