/** One home for how a verdict and its wording band read in a sentence ("marginal", "needs an amp"). */
import type { Verdict, VerdictBand } from '../engine/index.js';

export const VERDICT_WORDS: Record<Verdict, string> = {
  fine: 'fine',
  marginal: 'marginal',
  needs_amp: 'needs an amp',
  depends: 'depends',
  unknown: 'unknown',
};

export const BAND_WORDS: Record<VerdictBand, string> = {
  ...VERDICT_WORDS,
  moderate_only: 'moderate listening only',
};
