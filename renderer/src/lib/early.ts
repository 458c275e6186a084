// A read sent before the screen that needs it is drawn (the logbook's first page, asked for
// as the app starts). The screen takes the answer once, and only when it asks the same
// question and nothing was written since the read went out: otherwise the answer may be stale
// and the screen asks again.

export class EarlyRead<A> {
  private sent: { question: string; writes: number; answer: Promise<A> } | null = null;

  /** `writes`: how many writes had been sent when this read went out. */
  send(question: unknown, writes: number, ask: () => Promise<A>): void {
    const answer = ask();
    answer.catch(() => undefined); // whoever takes it sees the failure; nobody else must
    this.sent = { question: JSON.stringify(question), writes, answer };
  }

  /** The answer to `question` if it is still good now, else null; never the same one twice. */
  take(question: unknown, writes: number): Promise<A> | null {
    const sent = this.sent;
    this.sent = null;
    return sent && sent.question === JSON.stringify(question) && sent.writes === writes
      ? sent.answer
      : null;
  }
}
