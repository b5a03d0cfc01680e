/**
 * Confidence thresholds, tuned on the development set (../shared/eval/dev-questions.jsonl, `npm run eval`).
 * A topic is stated as the answer only at or above ANSWER; below it the user gets suggestions instead.
 */
export const THRESHOLDS = {
  /** Minimum search score to answer with a topic. */
  answer: 0.4,
  /** Minimum score for a topic to be offered as a "did you mean" suggestion. */
  suggest: 0.2,
} as const;
