/** Counters the maintainers look at: questions asked per topic, "Not what I asked" clicks, unanswered questions. */
export class Stats {
  readonly asked = new Map<string, number>();
  readonly notWhatIAsked = new Map<string, number>();
  readonly unanswered: string[] = [];

  countAnswer(key: string): void {
    this.asked.set(key, (this.asked.get(key) ?? 0) + 1);
  }

  countNotWhatIAsked(key: string): number {
    const n = (this.notWhatIAsked.get(key) ?? 0) + 1;
    this.notWhatIAsked.set(key, n);
    return n;
  }

  countUnanswered(question: string): void {
    this.unanswered.push(question.slice(0, 200));
    if (this.unanswered.length > 100) this.unanswered.shift();
  }
}
