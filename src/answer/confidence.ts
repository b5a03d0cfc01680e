/**
 * When the brain states a topic as the answer, and how sure it says it is. The rankers' evidence for the fused top
 * topic decides (src/search/topic-ranker.ts); tuned on one half of the development set (`npm run eval`, fold A) and
 * reported on the other. Below the gate the user gets suggestions instead of a guess.
 *
 * The gate:
 * 1. the phrase matcher alone is enough when its top topic scores at least `answer` and covers `phraseCoverage`
 *    of its best title/alias (the question is, nearly, one of the topic's own phrasings), and at least
 *    `phraseDomainShare` of the question's content words are the domain's ("which rtx 4070 should i buy" shares
 *    only "which … should i buy" with an alias) — unless the question is word for word one of the topic's own
 *    phrasings (EXACT_PHRASE_SCORE: a server's own entry may use everyday words);
 * 2. otherwise the classifier's "elsewhere" class (knowledge/off-topic.yaml) must stay below `elsewhere`, at least
 *    `domainShare` of the question's content words must be words the knowledge uses, the question must have at
 *    least two content words, and at least one ranker must put the topic first.
 *
 * Confidence (0…1, what `ask --json` reports and chat answers compare with CHAT_CONFIDENCE) rises with the number of
 * rankers that agree on the topic and with the phrase score: 3 of 3 ≈ 0.85, 2 ≈ 0.7, 1 ≈ 0.5.
 *
 * Knobs (meaning, range, default):
 * - `answer` (0–1, 0.38), `phraseCoverage` (0–1, 0.4), `phraseDomainShare` (0–1, 0.5): rule 1.
 * - `elsewhere` (0–1, 0.25): the largest "elsewhere" posterior that still answers.
 * - `domainShare` (0–1, 0.6): off-topic questions share only a generic word or two with the knowledge.
 * - `suggest` (0–1, 0.2): the evidence from which a topic is offered as "did you mean".
 */
import { EXACT_PHRASE_SCORE, type RankedQuery, type RankedTopic } from '../search/topic-ranker.js';

export const THRESHOLDS = {
  answer: 0.38,
  phraseCoverage: 0.4,
  phraseDomainShare: 0.5,
  elsewhere: 0.25,
  domainShare: 0.6,
  suggest: 0.2,
} as const;

/** Confidence by the number of rankers that put the topic first (0, 1, 2, 3). */
const CONFIDENCE_BY_VOTES = [0.35, 0.5, 0.7, 0.85] as const;

export interface Decision {
  answer: boolean;
  /** 0…1, shown in JSON and used by chat answers (CHAT_CONFIDENCE). */
  confidence: number;
  /** Which rule decided (for tuning). */
  rule: 'phrase' | 'pooled' | 'none';
  /**
   * False when the topic is answered on one ranker's word alone (the others put another topic first): on the
   * development sets such answers are right about half the time, so the answer says it is the closest topic found,
   * not certainly the one asked about, and offers the runners-up.
   */
  certain: boolean;
}

/** How many rankers put this topic first. */
export function firstVotes(t: RankedTopic): number {
  const e = t.evidence;
  return Number(e.phraseRank === 1) + Number(e.classifierRank === 1) + Number(e.bm25Rank === 1);
}

export function decide(q: RankedQuery): Decision {
  const top = q.ranked[0];
  if (!top) return { answer: false, confidence: 0, rule: 'none', certain: false };
  const e = top.evidence;
  const votes = firstVotes(top);
  const pooled = CONFIDENCE_BY_VOTES[votes] ?? 0.35;
  const confidence = Math.min(1, Math.max(pooled, e.phraseRank === 1 ? e.phraseScore : 0));
  if (
    e.phraseRank === 1 &&
    e.phraseScore >= THRESHOLDS.answer &&
    e.phraseCoverage >= THRESHOLDS.phraseCoverage &&
    (q.domainShare >= THRESHOLDS.phraseDomainShare || e.phraseScore >= EXACT_PHRASE_SCORE)
  ) {
    return { answer: true, confidence, rule: 'phrase', certain: true };
  }
  const inScope = q.elsewhereProb < THRESHOLDS.elsewhere && q.domainShare >= THRESHOLDS.domainShare;
  // One word ("headphones") fits many topics: only rule 1 answers it.
  if (inScope && votes >= 1 && q.contentWords >= 2)
    return { answer: true, confidence, rule: 'pooled', certain: votes >= 2 };
  return { answer: false, confidence: Math.min(confidence, 0.3), rule: 'none', certain: false };
}

/** The suggestion strength of a ranked topic (0…1). */
export function suggestionScore(t: RankedTopic): number {
  return Math.max(t.evidence.phraseScore, t.evidence.classifierProb);
}
