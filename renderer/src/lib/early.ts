// Reads sent before the code that needs them has loaded: the first screen's questions go out
// from boot.ts while the app's scripts are still arriving. Each answer is taken once, by a
// call asking the same method with the same input, and only while nothing has been written
// since it went out (otherwise it may be stale and the call asks again).

/** The question a call asks: its method and input, as sent. */
function question(method: string, input: unknown): string {
  return `${method} ${JSON.stringify(input ?? {})}`;
}

export class EarlyReads<A> {
  private readonly sent = new Map<string, { writes: number; answer: Promise<A> }>();

  /** `writes`: how many writes had been sent when this read went out. */
  send(method: string, input: unknown, writes: number, ask: () => Promise<A>): void {
    const answer = ask();
    answer.catch(() => undefined); // whoever takes it sees the failure; nobody else must
    this.sent.set(question(method, input), { writes, answer });
  }

  /** The answer to this call if it is still good now, else null; never the same one twice. */
  take(method: string, input: unknown, writes: number): Promise<A> | null {
    if (this.sent.size === 0) return null;
    const key = question(method, input);
    const sent = this.sent.get(key);
    this.sent.delete(key);
    if (writes > 0) this.sent.clear(); // none of them can be trusted any more
    return sent && sent.writes === writes ? sent.answer : null;
  }
}
