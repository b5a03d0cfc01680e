/**
 * Class estimates: when a device's own figures are not published, evaluate the pairing with each sourced member of
 * its class instead, and answer with the spread. The result is a range, never a point, and its verdict is the shared
 * verdict of both ends of the range, else 'depends'.
 *
 * Range: with five or more members the lowest and highest 10 % (rounded down) are left out (an outlier in a class,
 * such as one
 * unusually loud interface, should not decide what a typical member does); with fewer, the full range is used.
 */
import type { EngineResult, HeadphoneSpec, MatchOptions, SourceOutput, Verdict, VerdictBand } from './types.js';
import { DEFAULT_TARGET_SPL, AVERAGE_BELOW_PEAK_DB } from './headphone.js';
import { outputsValidated } from './match.js';
import { validateHeadphone, validateSource, validateTarget } from './validate.js';
import { bandOf } from './verdict.js';
import { guardFinite } from './finite.js';
import { type Problem, within } from './problems.js';

/** Members below this count use the full range; from it on, the outer 10 % at each end are trimmed. */
export const TRIM_FROM_MEMBERS = 5;
export const TRIM_FRACTION = 0.1;

/** One pairing to evaluate: a headphone on a source's outputs (one side is the class member). */
export interface EstimateCase {
  /** The class member this case stands for (a device id). */
  id: string;
  headphone: HeadphoneSpec;
  outputs: SourceOutput[];
}

export interface EstimateMember {
  id: string;
  verdict: Verdict;
  headroomDb: number | null;
  maxSpl: number | null;
  /** Voltage into the headphones at full volume. */
  vrms: number | null;
}

export interface EstimateResult {
  verdict: Verdict;
  band: VerdictBand;
  targetSpl: number;
  averageSpl: number;
  /** The ends of the range used (after trimming), by headroom. */
  low: EstimateMember | null;
  high: EstimateMember | null;
  /** Every member evaluated, lowest headroom first (members with no level last). */
  members: EstimateMember[];
  /** Members with a computable level. */
  counted: number;
  trimmed: boolean;
}

function member(c: EstimateCase, targetSpl: number): EstimateMember {
  const { best } = outputsValidated(c.headphone, c.outputs, targetSpl);
  const r = best.result;
  return { id: c.id, verdict: r.verdict, headroomDb: r.headroomDb, maxSpl: r.maxSpl, vrms: r.available?.vrms ?? null };
}

/** Evaluate every case and summarise the spread. Cases that fail validation are reported as errors. */
export function evaluateEstimate(cases: EstimateCase[], opts: MatchOptions = {}): EngineResult<EstimateResult> {
  const targetSpl = opts.targetSpl ?? DEFAULT_TARGET_SPL;
  const problems: Problem[] = [...validateTarget(targetSpl)];
  if (cases.length === 0) problems.push({ code: 'no_members' });
  for (const c of cases) {
    problems.push(...within({ kind: 'member', id: c.id }, validateHeadphone(c.headphone)));
    for (const o of c.outputs)
      problems.push(...within({ kind: 'member', id: c.id, output: o.id }, validateSource(o.spec)));
    if (c.outputs.length === 0) problems.push(...within({ kind: 'member', id: c.id }, [{ code: 'no_outputs' }]));
  }
  if (problems.length > 0) return { ok: false, problems };
  const members = cases.map((c) => member(c, targetSpl));
  const known = members
    .filter((m) => m.headroomDb !== null)
    .sort((a, b) => (a.headroomDb as number) - (b.headroomDb as number));
  const unknown = members.filter((m) => m.headroomDb === null);
  const cut = known.length >= TRIM_FROM_MEMBERS ? Math.floor(known.length * TRIM_FRACTION) : 0;
  const trimmed = cut > 0;
  const used = known.slice(cut, known.length - cut);
  const low = used[0] ?? null;
  const high = used[used.length - 1] ?? null;
  let verdict: Verdict = 'unknown';
  let band: VerdictBand = 'unknown';
  if (low && high) {
    const lowBand = bandOf(low.verdict, low.headroomDb);
    const highBand = bandOf(high.verdict, high.headroomDb);
    verdict = low.verdict === high.verdict ? low.verdict : 'depends';
    band = lowBand === highBand ? lowBand : 'depends';
  }
  return guardFinite({
    verdict,
    band,
    targetSpl,
    averageSpl: targetSpl - AVERAGE_BELOW_PEAK_DB,
    low,
    high,
    members: [...known, ...unknown],
    counted: known.length,
    trimmed,
  });
}
