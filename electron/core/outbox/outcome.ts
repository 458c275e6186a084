// What one attempt at a delivery ends in: sent, worth retrying later, or failed for good.
export type Outcome =
  { kind: 'sent' } | { kind: 'retry'; error: string } | { kind: 'failed'; error: string };

export const sent = (): Outcome => ({ kind: 'sent' });
export const retry = (error: string): Outcome => ({ kind: 'retry', error });
export const failed = (error: string): Outcome => ({ kind: 'failed', error });
