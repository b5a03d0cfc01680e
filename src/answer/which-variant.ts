/**
 * "Which one?" — when a name was resolved to its family's usual variant (no generation or impedance said) and the
 * variants would get different verdicts, the answer asks instead of guessing, and says what each would get.
 */
import type { Verdict } from '../engine/index.js';
import type { KnownDevice } from '../knowledge/index.js';
import { deviceName } from '../search/device-docs.js';
import type { Answer, ClarifyAnswer } from './types.js';
import { VERDICT_WORDS } from './verdict-words.js';

const WORDS: Record<Verdict, string> = { ...VERDICT_WORDS, unknown: 'figures not published' };

/** The verdict of a variant's answer; estimates and non-matches count as unknown (they cannot disagree). */
function verdictOf(a: Answer): keyof typeof WORDS | null {
  if (a.kind !== 'match') return null;
  if (a.mode === 'pair') return a.result.verdict;
  if (a.mode === 'estimate') return 'unknown';
  return null;
}

/**
 * Asks which variant when it matters. `evaluate` answers the same question for one variant; `value` is what to ask
 * next for it (a device id or a rewritten question). Null when the verdicts agree (the assumed variant stands).
 */
export function whichVariant(
  family: string,
  variants: KnownDevice[],
  evaluate: (d: KnownDevice) => Answer,
  value: (d: KnownDevice) => string,
): ClarifyAnswer | null {
  if (variants.length < 2) return null;
  const outcomes = variants.map((d) => ({ d, verdict: verdictOf(evaluate(d)) }));
  // Only variants with figures of their own can disagree; a name-only variant's estimate is no evidence either way.
  const known = outcomes.filter((o) => o.verdict !== null && o.verdict !== 'unknown' && o.verdict !== 'depends');
  if (new Set(known.map((o) => o.verdict)).size < 2) return null;
  const lines = outcomes.map((o) => `${deviceName(o.d)} — ${o.verdict ? WORDS[o.verdict] : 'no answer'}`);
  return {
    kind: 'clarify',
    question: `Which ${family} do you have? It matters here: ${lines.join('; ')}.`,
    options: outcomes
      .slice(0, 25)
      .map((o) => ({ label: `${deviceName(o.d)} (${o.verdict ? WORDS[o.verdict] : '?'})`, value: value(o.d) })),
    confidence: 0.6,
  };
}
