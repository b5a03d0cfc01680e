/** Builds FAQ answers and "nothing matched" answers from search hits. */
import type { Topic } from '../knowledge/index.js';
import type { SearchHit } from '../search/types.js';
import { THRESHOLDS } from './confidence.js';
import type { FaqAnswer, NoneAnswer, TopicRef } from './types.js';

export function faqAnswer(topic: Topic, score: number, topicsById: ReadonlyMap<string, Topic>): FaqAnswer {
  const related = topic.related
    .map((id) => topicsById.get(id))
    .filter((t): t is Topic => t !== undefined)
    .map((t) => ({ id: t.id, title: t.title }));
  return {
    kind: 'faq',
    topic: { id: topic.id, title: topic.title, body: topic.body, sources: topic.sources ?? [], tags: topic.tags },
    related,
    score,
    confidence: score,
  };
}

export function noneAnswer(hits: SearchHit<Topic>[], reason?: string): NoneAnswer {
  const suggestions: (TopicRef & { score: number })[] = hits
    .filter((h) => h.score >= THRESHOLDS.suggest)
    .slice(0, 3)
    .map((h) => ({ id: h.doc.payload.id, title: h.doc.payload.title, score: h.score }));
  return {
    kind: 'none',
    reason: reason ?? (suggestions.length ? "I'm not sure which topic you mean." : "I don't have an answer for that one."),
    suggestions,
    confidence: hits[0]?.score ?? 0,
  };
}
