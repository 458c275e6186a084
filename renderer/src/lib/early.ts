// Reads sent before the code that needs them has loaded: the first screen's questions go out
// from boot.ts, before the app can have written anything. Each answer is taken once, by a
// call asking the same method with the same input, and only while nothing has been written
// (after a write it may be stale: every one left is dropped and calls ask again).

/** The question a call asks: its method and input, as sent. */
function question(method: string, input: unknown): string {
  return `${method} ${JSON.stringify(input ?? {})}`;
}

export class EarlyReads<A> {
  private readonly sent = new Map<string, Promise<A>>();

  send(method: string, input: unknown, ask: () => Promise<A>): void {
    const answer = ask();
    answer.catch(() => undefined); // whoever takes it sees the failure; nobody else must
    this.sent.set(question(method, input), answer);
  }

  /**
   * The answer to this call, once; null when there is none, or when `writes` (the writes
   * sent so far) says the data may have changed since.
   */
  take(method: string, input: unknown, writes: number): Promise<A> | null {
    if (this.sent.size === 0) return null;
    if (writes > 0) {
      this.sent.clear();
      return null;
    }
    const key = question(method, input);
    const answer = this.sent.get(key) ?? null;
    this.sent.delete(key);
    return answer;
  }
}
