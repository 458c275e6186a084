// What one attempt at a delivery ends in: sent, worth retrying later, or failed for good.
// A problem is two texts: what happened and what to do, in plain Vietnamese for the office,
// and the technical detail (Node's or a server's own words) for whoever supports it; the
// outbox screen shows the first and keeps the second behind "Chi tiết".
export interface Problem {
  message: string;
  detail: string | null;
}

/** `error` is the plain sentence; `detail` the technical words behind it, if any. */
export type Outcome =
  | { kind: 'sent' }
  | { kind: 'retry'; error: string; detail: string | null }
  | { kind: 'failed'; error: string; detail: string | null };

const clean = (detail: string | null): string | null =>
  detail === null || detail.trim() === '' ? null : detail.trim();

export const sent = (): Outcome => ({ kind: 'sent' });
export const retry = (error: string, detail: string | null = null): Outcome => ({
  kind: 'retry',
  error,
  detail: clean(detail),
});
export const failed = (error: string, detail: string | null = null): Outcome => ({
  kind: 'failed',
  error,
  detail: clean(detail),
});

/** An error's own words, as Node or a library gave them (the "Chi tiết" of a problem). */
export function technicalText(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: unknown }).cause;
    const more =
      cause instanceof Error && cause.message !== err.message ? ` (${cause.message})` : '';
    return `${err.message}${more}`;
  }
  return String(err);
}

/**
 * The deliveries table has one text column for the last error (migration 0040): a problem
 * with a detail is kept there as JSON, one without as its plain sentence, which is also how
 * rows written before the detail existed read back.
 */
export function encodeProblem(p: Problem): string {
  return p.detail === null ? p.message : JSON.stringify({ message: p.message, detail: p.detail });
}

export function decodeProblem(text: string | null): Problem | null {
  if (text === null) return null;
  if (text.startsWith('{')) {
    try {
      const v = JSON.parse(text) as { message?: unknown; detail?: unknown };
      if (typeof v.message === 'string' && typeof v.detail === 'string') {
        return { message: v.message, detail: v.detail };
      }
    } catch {
      /* a plain sentence that happens to start with a brace */
    }
  }
  return { message: text, detail: null };
}
