/**
 * Confidence thresholds, tuned on the development set (../shared/eval/dev-questions.jsonl, `npm run eval`).
 * A topic is stated as the answer only at or above ANSWER; below it the user gets suggestions instead.
 */
export const THRESHOLDS = {
  /** Minimum search score to answer with a topic. */
  answer: 0.38,
  /**
   * Minimum share of the best-matching title/alias that the question must cover: a question that only shares a
   * generic word or two with a topic ("how do I copyright my music" vs "…in music production") is not answered.
   */
  phraseCoverage: 0.4,
  /** Minimum score for a topic to be offered as a "did you mean" suggestion. */
  suggest: 0.2,
} as const;
