// Exponential backoff with jitter for temporary failures (offline, SMTP 4xx, HTTP 408/429/5xx):
// base · 2^(attempt−1), capped, then a random part of it ("equal jitter", AWS Architecture
// Blog, "Exponential Backoff And Jitter"), so that many offices coming back online at once
// do not knock on the server together.

export interface Backoff {
  /** Delay before the first retry, in ms (about 30 s in the app; a few ms in tests). */
  baseMs: number;
  /** The longest wait, in ms (about an hour). */
  capMs: number;
  /** [0, 1); Math.random by default. */
  random: () => number;
}

export const DEFAULT_BACKOFF: Backoff = {
  baseMs: 30_000,
  capMs: 60 * 60_000,
  random: Math.random,
};

/** The wait after the `attempts`-th failed attempt (1 for the first). */
export function retryDelay(b: Backoff, attempts: number): number {
  const exp = Math.min(b.capMs, b.baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
  return Math.round(exp / 2 + (exp / 2) * b.random());
}
