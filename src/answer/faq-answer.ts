/** Builds FAQ answers and "nothing matched" answers from search hits. */
import type { Topic } from '../knowledge/index.js';
import type { RankedTopic } from '../search/topic-ranker.js';
import { THRESHOLDS, suggestionScore } from './confidence.js';
import type { FaqAnswer, NoneAnswer, TopicRef } from './types.js';

/** Knob: how many runner-up topics an answer keeps (what "Not what I asked" offers instead). */
export const ALTERNATIVES = 4;

export function faqAnswer(
  topic: Topic,
  score: number,
  topicsById: ReadonlyMap<string, Topic>,
  ranked: readonly RankedTopic[] = [],
  certain = true,
): FaqAnswer {
  const related = topic.related
    .map((id) => topicsById.get(id))
    .filter((t): t is Topic => t !== undefined)
    .map((t) => ({ id: t.id, title: t.title }));
  return {
    kind: 'faq',
    topic: { id: topic.id, title: topic.title, body: topic.body, sources: topic.sources ?? [], tags: topic.tags },
    related,
    alternatives: ranked
      .filter((r) => r.topic.id !== topic.id)
      .slice(0, ALTERNATIVES)
      .map((r) => ({ id: r.topic.id, title: r.topic.title })),
    certain,
    score,
    confidence: score,
  };
}

export function noneAnswer(ranked: readonly RankedTopic[], reason?: string, confidence?: number): NoneAnswer {
  const suggestions: (TopicRef & { score: number })[] = ranked
    .filter((t) => suggestionScore(t) >= THRESHOLDS.suggest)
    .slice(0, 3)
    .map((t) => ({ id: t.topic.id, title: t.topic.title, score: suggestionScore(t) }));
  return {
    kind: 'none',
    reason:
      reason ?? (suggestions.length ? "I'm not sure which topic you mean." : "I don't have an answer for that one."),
    suggestions,
    confidence: confidence ?? (ranked[0] ? suggestionScore(ranked[0]) : 0),
  };
}
