/**
 * The brain: one object that every surface (console, CLI, Discord) asks. It owns the search index built from the
 * knowledge, and turns a question into an Answer.
 */
import type { Knowledge, Topic } from '../knowledge/index.js';
import { topicDoc } from '../search/knowledge-docs.js';
import { TextIndex } from '../search/text-index.js';
import { THRESHOLDS } from './confidence.js';
import { faqAnswer, noneAnswer } from './faq-answer.js';
import type { Answer } from './types.js';

export const MAX_QUESTION_LENGTH = 4000;

export class Brain {
  readonly topics: ReadonlyMap<string, Topic>;
  private readonly faqIndex: TextIndex<Topic>;

  constructor(readonly knowledge: Knowledge) {
    this.topics = new Map(knowledge.topics.map((t) => [t.id, t]));
    const hoisted = [...knowledge.topics].sort((a, b) => Number(b.hoisted ?? false) - Number(a.hoisted ?? false));
    this.faqIndex = new TextIndex(hoisted.map(topicDoc));
  }

  /** Answers a free-text question. */
  ask(question: string): Answer {
    const text = question.slice(0, MAX_QUESTION_LENGTH);
    if (!text.trim()) return noneAnswer([], 'Ask me a question about headphones, audio interfaces, amps or connections.');
    return this.faq(text);
  }

  /** Looks a question up among the FAQ topics only. */
  faq(query: string): Answer {
    const exact = this.topics.get(query.trim());
    if (exact) return faqAnswer(exact, 1, this.topics);
    const hits = this.faqIndex.search(query.slice(0, MAX_QUESTION_LENGTH), { limit: 5 });
    const top = hits[0];
    if (top && top.score >= THRESHOLDS.answer) return faqAnswer(top.doc.payload, top.score, this.topics);
    return noneAnswer(hits);
  }

  /** Ranked topics for autocomplete. */
  completeTopics(prefix: string, limit = 25): Topic[] {
    return this.faqIndex.complete(prefix, { limit }).map((d) => d.payload);
  }

  searchTopics(query: string, limit = 5) {
    return this.faqIndex.search(query, { limit });
  }
}
