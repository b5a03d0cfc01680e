/**
 * Verdict bands (fixed): fine ≥ 0 dB headroom; marginal −6 ≤ headroom < 0; needs_amp < −6 (worded as
 * "moderate listening only" down to −12 dB).
 * 'depends' and 'unknown' come from missing figures, never from a headroom number.
 */
import type { Verdict, VerdictBand } from './types.js';

export const FINE_MIN_HEADROOM_DB = 0;
export const MARGINAL_MIN_HEADROOM_DB = -6;
/** Between −12 and −6 dB the wording says "fine for moderate listening, an amp for loud peaks" (still needs_amp). */
export const MODERATE_MIN_HEADROOM_DB = -12;
/** Slack on the band edges so that an exact 0 or −6 dB is not lost to floating-point noise (1e-9 dB). */
export const BAND_EPSILON_DB = 1e-9;

export function verdictForHeadroom(headroomDb: number): Verdict {
  if (headroomDb >= FINE_MIN_HEADROOM_DB - BAND_EPSILON_DB) return 'fine';
  if (headroomDb >= MARGINAL_MIN_HEADROOM_DB - BAND_EPSILON_DB) return 'marginal';
  return 'needs_amp';
}

/** The wording band for a headroom (see VerdictBand). */
export function bandForHeadroom(headroomDb: number): VerdictBand {
  const verdict = verdictForHeadroom(headroomDb);
  if (verdict !== 'needs_amp') return verdict;
  return headroomDb >= MODERATE_MIN_HEADROOM_DB - BAND_EPSILON_DB ? 'moderate_only' : 'needs_amp';
}

/** The band of a verdict that carries no headroom of its own (depends, unknown). */
export function bandOf(verdict: Verdict, headroomDb: number | null): VerdictBand {
  if (verdict === 'depends' || verdict === 'unknown' || headroomDb === null) return verdict;
  return bandForHeadroom(headroomDb);
}

/** The verdict of several outcomes: their shared verdict when all agree, else 'depends'. */
export function combineVerdicts(verdicts: Verdict[]): Verdict {
  const first = verdicts[0];
  if (first === undefined) return 'unknown';
  return verdicts.every((v) => v === first) ? first : 'depends';
}

/** Order for "best first": fine, marginal, depends, needs_amp, unknown. */
export const VERDICT_RANK: Record<Verdict, number> = { fine: 0, marginal: 1, depends: 2, needs_amp: 3, unknown: 4 };
