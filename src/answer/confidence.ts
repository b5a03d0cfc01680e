/**
 * When the brain states a topic as the answer, and how sure it says it is. The rankers' evidence for the fused top
 * topic decides (src/search/topic-ranker.ts); tuned on one half of the development set (`npm run eval`, fold A) and
 * reported on the other. Below the gate the user gets suggestions instead of a guess.
 *
 * Knobs (meaning, range, default):
 * - `answer` (0–1, 0.38) and `phraseCoverage` (0–1, 0.4): the phrase matcher alone is enough when its top topic
 *   scores this high and covers this much of its best title/alias.
 * - `agreeProb` (0–1, 0.3): with at least two rankers putting the topic first, the classifier's posterior must reach
 *   this.
 * - `aloneProb` (0–1, 0.6): the classifier alone (first for it, not first for the others) must reach this.
 * - `domainShare` (0–1, 0.5): the share of the question's content words that the knowledge uses at all; below it the
 *   question is about something else (an off-topic question shares only a generic word or two).
 * - `suggest` (0–1, 0.2): the fused-evidence score from which a topic is offered as "did you mean".
 */
import type { RankedQuery, RankedTopic } from '../search/topic-ranker.js';

export const THRESHOLDS = {
  answer: 0.38,
  phraseCoverage: 0.4,
  agreeProb: 0.3,
  aloneProb: 0.6,
  domainShare: 0.5,
  suggest: 0.2,
} as const;

export interface Decision {
  answer: boolean;
  /** 0…1, shown in JSON and used by chat answers (CHAT_CONFIDENCE). */
  confidence: number;
  /** Which rule decided (for `ask --json` and tuning). */
  rule: 'phrase' | 'agreement' | 'classifier' | 'none';
}

/** How many rankers put this topic first. */
export function firstVotes(t: RankedTopic): number {
  const e = t.evidence;
  return Number(e.phraseRank === 1) + Number(e.classifierRank === 1) + Number(e.bm25Rank === 1);
}

export function decide(q: RankedQuery): Decision {
  const top = q.ranked[0];
  if (!top) return { answer: false, confidence: 0, rule: 'none' };
  const e = top.evidence;
  const votes = firstVotes(top);
  const confidence = Math.min(1, Math.max(e.phraseScore, e.classifierProb * (0.5 + votes / 6)));
  if (e.phraseRank === 1 && e.phraseScore >= THRESHOLDS.answer && e.phraseCoverage >= THRESHOLDS.phraseCoverage) {
    return { answer: true, confidence: Math.max(confidence, e.phraseScore), rule: 'phrase' };
  }
  if (q.domainShare < THRESHOLDS.domainShare) return { answer: false, confidence: Math.min(confidence, 0.3), rule: 'none' };
  if (votes >= 2 && e.classifierProb >= THRESHOLDS.agreeProb) return { answer: true, confidence, rule: 'agreement' };
  if (e.classifierRank === 1 && e.classifierProb >= THRESHOLDS.aloneProb) return { answer: true, confidence, rule: 'classifier' };
  return { answer: false, confidence: Math.min(confidence, 0.35), rule: 'none' };
}

/** The suggestion strength of a ranked topic (0…1). */
export function suggestionScore(t: RankedTopic): number {
  return Math.max(t.evidence.phraseScore, t.evidence.classifierProb);
}
