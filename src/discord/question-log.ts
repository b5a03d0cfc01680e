/**
 * Statistics are best-effort and off the answer path: questions are queued and written in batches a moment later,
 * in one transaction. A locked, read-only or full database costs a log line, never an answer or a stalled process.
 */
import type { Logger } from '../logger.js';

export interface QuestionRecord {
  guildId: string;
  question: string;
  answeredKey: string | null;
}

export interface QuestionSink {
  recordQuestions(items: readonly QuestionRecord[]): Promise<void>;
}

/** Knobs: how long records wait before a flush (ms), and the most kept while the database is failing. */
export const QUESTION_LOG = { flushAfterMs: 200, maxQueued: 5000 } as const;

export class QuestionLog {
  private queue: QuestionRecord[] = [];
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;

  constructor(
    private readonly sink: QuestionSink,
    private readonly logger: Logger,
    private readonly flushAfterMs: number = QUESTION_LOG.flushAfterMs,
  ) {}

  /** Queues one question; returns at once. */
  record(guildId: string, question: string, answeredKey: string | null): void {
    if (this.queue.length >= QUESTION_LOG.maxQueued) this.queue.shift();
    this.queue.push({ guildId, question, answeredKey });
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.flushAfterMs);
      this.timer.unref();
    }
  }

  /** Writes what is queued; a failure is logged and the batch dropped (statistics, not knowledge). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    try {
      await this.sink.recordQuestions(batch);
      this.failures = 0;
    } catch (err) {
      this.failures += 1;
      this.logger.warn({ err, dropped: batch.length, failures: this.failures }, 'question statistics not saved');
    }
  }

  get pending(): number {
    return this.queue.length;
  }
}
