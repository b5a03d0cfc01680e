/** Builds match answers (verdict first, key numbers, the math, warnings, sources) from the engine's results. */
import {
  evaluateImpedanceOnly,
  evaluateOutputs,
  implausibleWarning,
  type OutputOutcome,
  type DriverType,
  type ImpedanceOnlyResult,
  type MatchResult,
  type Verdict,
} from '../engine/index.js';
import type { Topic } from '../knowledge/index.js';
import { deviceRef } from './device-answer.js';
import type { HeadphoneSide, SourceSide } from './sides.js';
import { estimateMatch } from './estimate-answer.js';
import { safetyLine } from './safety.js';
import { dB, dbPerV, mA, mW, signedDb, spl, V } from '../format.js';
import { mathSteps } from './math-steps.js';
import type {
  EstimateMatchAnswer,
  ImpedanceOnlyAnswer,
  NoneAnswer,
  PairMatchAnswer,
  TopicRef,
  Headline,
} from './types.js';
import { warningText } from './warning-text.js';
import { VERDICT_WORDS } from './verdict-words.js';
import { TYPICAL_SOURCE_WORDS } from './classes.js';
import { problemText } from './problem-text.js';
import { impedanceOnlyChart, pairChart } from './chart.js';
import type { Problem } from '../engine/index.js';

function topicRefs(ids: string[], topics: ReadonlyMap<string, Topic>): TopicRef[] {
  return [...new Set(ids)]
    .map((id) => topics.get(id))
    .filter((t): t is Topic => Boolean(t))
    .map((t) => ({ id: t.id, title: t.title }));
}

function headline(r: MatchResult, hp: string, src: string): Headline {
  const verdict = verdictLine(r, hp, src);
  // A figure no headphone output has (a typo, a speaker amp's watts): say so before anything else.
  return r.warnings.some((w) => w.code === 'implausible_figures')
    ? {
        lead: 'Those figures look wrong for headphones — check them.',
        detail: `Taken as given: ${verdict.lead} ${verdict.detail}`,
      }
    : verdict;
}

function verdictLine(r: MatchResult, hp: string, src: string): Headline {
  const peak = r.maxSpl !== null ? `about ${spl(r.maxSpl, 0)}` : 'an unknown level';
  const short = dB(Math.abs(r.headroomDb ?? 0));
  const needs = r.required
    ? `; for ${r.targetSpl} dB peaks they need about ${V(r.required.vrms)} (${mW(r.required.mw)})`
    : '';
  switch (r.band) {
    case 'fine':
      return {
        lead: `Yes — the ${src} drives the ${hp}.`,
        detail:
          `Full volume reaches ${peak} peaks, ${dB(r.headroomDb ?? 0)} of headroom over the ${r.targetSpl} dB ` +
          'target.',
      };
    case 'marginal':
      return {
        lead: 'Mostly — marginal.',
        detail:
          `The ${src} gets the ${hp} to ${peak}, ${short} short of ${r.targetSpl} dB peaks: normal listening is ` +
          'fine, the loudest peaks will clip at full volume.',
      };
    case 'moderate_only':
      return {
        lead: 'Fine for moderate listening; for loud peaks, add an amp.',
        detail:
          `The ${src} gets the ${hp} to ${peak} at full volume, ${short} short of ${r.targetSpl} dB ` +
          `peaks${needs}.`,
      };
    case 'needs_amp':
      return {
        lead: 'No — you need a headphone amp.',
        detail: `The ${src} gets the ${hp} to only ${peak}, ${short} short of ${r.targetSpl} dB peaks${needs}.`,
      };
    case 'depends':
      return {
        lead: 'It depends.',
        detail: `The answer for the ${hp} on the ${src} changes with a figure that is not certain — see below.`,
      };
    case 'unknown': {
      const missing = r.missing.map((m) =>
        m === 'headphone_sensitivity' ? "the headphones' sensitivity" : "the source's output level or power",
      );
      return { lead: "I can't tell yet.", detail: `Missing: ${missing.join(' and ') || 'key figures'}.` };
    }
  }
}

function keyNumbers(r: MatchResult): string[] {
  const out: string[] = [];
  if (r.required)
    out.push(
      `Needed for ${r.targetSpl} dB SPL peaks (average listening ≈ ${r.averageSpl} dB): ${V(r.required.vrms)}, ` +
        `${mW(r.required.mw)}, ${mA(r.required.ma)}`,
    );
  if (r.available)
    out.push(
      `Available into these headphones: ${V(r.available.vrms)}, ` +
        `${mW(r.available.mw)}${r.limitedBy ? ` (limited by ${r.limitedBy})` : ''}`,
    );
  if (r.maxSpl !== null && r.headroomDb !== null) out.push(`Max level ${spl(r.maxSpl)}, headroom ${dB(r.headroomDb)}`);
  return out;
}

function readMoreFor(verdict: Verdict, codes: string[]): string[] {
  const ids = [verdict === 'fine' ? 'headphone-output-power' : 'do-i-need-an-amp'];
  if (codes.includes('output_impedance_high')) ids.push('impedance-matching');
  if (codes.includes('hiss_risk') || codes.includes('too_much_gain')) ids.push('iem-hiss-and-gain');
  if (codes.includes('ambiguous_sensitivity') || codes.includes('sensitivity_unit_unknown'))
    ids.push('sensitivity-explained');
  return ids;
}

/** "4.4 mm balanced: fine, +16.1 dB (needs a balanced cable)" for the outputs that were not picked. */
function otherOutputLines(outputs: OutputOutcome[], best: OutputOutcome): string[] {
  const others = outputs.filter((o) => o.id !== best.id && o.result.headroomDb !== null);
  if (others.length === 0) return [];
  const line = (o: OutputOutcome) =>
    `${o.id}: ${VERDICT_WORDS[o.result.verdict]}, ` +
    `${signedDb(o.result.headroomDb ?? 0)}${o.balanced ? ' (needs a balanced cable)' : ''}`;
  return [`Other outputs: ${others.map(line).join('; ')}.`];
}

/** What the evidence policy decided about the sensitivity, in words (with the verdict the other figure gives). */
function sensitivityNotes(hp: HeadphoneSide, src: SourceSide, targetSpl: number): string[] {
  const c = hp.sensitivityChoice;
  const maker = hp.device ? hp.device.brand : 'the maker';
  if (!c) return [];
  if (c.kind === 'unit-settled') {
    const unit = c.unit === 'dB/mW' ? 'per mW' : 'per volt';
    return [
      `${maker} prints the sensitivity without saying per mW or per volt; a measurement (${dB(c.measuredDbV)} SPL/V) ` +
        `shows it is ${unit}.`,
    ];
  }
  if (c.kind !== 'measurement-over-maker') return [];
  const makerDbV = c.makerDbV.map(dbPerV).join(' or ');
  const alt =
    c.makerDbV[0] !== undefined
      ? evaluateOutputs({ ...hp.spec, sensitivity: { value: c.makerDbV[0], unit: 'dB/V' } }, src.source.outputs, {
          targetSpl,
        })
      : null;
  const altText =
    alt?.ok && alt.value.best.result.headroomDb !== null
      ? ` (with ${maker}'s figure it would read ${VERDICT_WORDS[alt.value.best.result.verdict]}, ` +
        `${signedDb(alt.value.best.result.headroomDb)})`
      : '';
  return [
    `${maker}'s sensitivity (${makerDbV}) and a measurement (${dB(c.measuredDbV)} SPL/V) are ${dB(c.gapDb)} apart; ` +
      `the verdict follows the measurement${altText}.`,
  ];
}

/** Evaluates one headphone on one source (every output; the best is reported). */
/** Typed-in source figures that no headphone output has get the implausible-figures warning, first. */
function withPlausibility(r: MatchResult, src: SourceSide): MatchResult {
  if (src.device || !r.available) return r;
  const w = implausibleWarning(r.maxSpl, r.available.mw);
  return w ? { ...r, warnings: [w, ...r.warnings] } : r;
}

export function pairMatch(
  hp: HeadphoneSide,
  src: SourceSide,
  targetSpl: number,
  topics: ReadonlyMap<string, Topic>,
  confidence = 1,
): PairMatchAnswer | EstimateMatchAnswer | NoneAnswer {
  if (hp.estimate || src.estimate) return estimateMatch(hp, src, targetSpl, topics, Math.min(confidence, 0.8));
  if (src.source.outputs.length === 0) return failure([`The ${src.label} has no output I can evaluate.`]);
  const evaluated = evaluateOutputs(hp.spec, src.source.outputs, { targetSpl });
  if (!evaluated.ok) return failure(evaluated.problems);
  const best = evaluated.value.best;
  const r = withPlausibility(best.result, src);
  const codes = r.warnings.map((w) => w.code);
  const shown = new Set<string>([
    'sensitivity_unit_unknown',
    'output_impedance_unknown',
    'hiss_unknown_noise',
    'balanced_cable_needed',
  ]);
  return {
    kind: 'match',
    mode: 'pair',
    headphone: hp.device ? deviceRef(hp.device) : null,
    source: src.device ? deviceRef(src.device) : null,
    headphoneLabel: hp.label,
    sourceLabel: src.label,
    outputName: src.source.outputs.length > 1 || r.gainMode ? (r.gainMode ?? best.id) : null,
    result: r,
    headline: headline(r, hp.label, src.label),
    keyNumbers: keyNumbers(r),
    math: mathSteps(r),
    warnings: r.warnings.filter((w) => w.severity === 'warning' || shown.has(w.code)).map(warningText),
    safety: r.maxSpl !== null ? safetyLine(r.maxSpl, r.targetSpl, r.targetSpl - r.averageSpl) : null,
    cited: [...hp.cited, ...src.cited],
    notes: [
      ...sensitivityNotes(hp, src, targetSpl),
      ...otherOutputLines(evaluated.value.outputs, best),
      ...(hp.notes ?? []),
      ...(src.notes ?? []),
    ],
    readMore: topicRefs(readMoreFor(r.verdict, codes), topics),
    chart: pairChart(
      hp.label,
      src.label,
      evaluated.value.outputs.map((o) => (o.id === best.id ? { ...o, result: r } : o)),
      best.id,
      [...hp.cited, ...src.cited],
      targetSpl,
    ),
    confidence,
  };
}

function outcomeText(s: ImpedanceOnlyResult['sources'][number]): string {
  const range =
    s.headroomMinDb !== null && s.headroomMaxDb !== null
      ? ` (headroom ${dB(s.headroomMinDb)} … ${dB(s.headroomMaxDb)})`
      : '';
  return `${VERDICT_WORDS[s.verdict]}${range}`;
}

/** "Do I need an amp for 250 Ω headphones?" — typical sensitivities for that impedance against typical sources. */
export function impedanceOnlyMatch(
  impedanceOhm: number,
  driver: DriverType | undefined,
  targetSpl: number,
  topics: ReadonlyMap<string, Topic>,
  confidence = 1,
): ImpedanceOnlyAnswer | NoneAnswer {
  const evaluated = evaluateImpedanceOnly(impedanceOhm, { ...(driver ? { driver } : {}), targetSpl });
  if (!evaluated.ok) return failure(evaluated.problems);
  const r = evaluated.value;
  const range = r.sensitivityRange;
  const rows = r.sources.map((s) => ({
    source: TYPICAL_SOURCE_WORDS[s.id] ?? s.label,
    figures: s.basis,
    outcome: outcomeText(s),
  }));
  const fine = r.sources
    .filter((s) => s.verdict === 'fine')
    .map((s) => (TYPICAL_SOURCE_WORDS[s.id] ?? s.label).toLowerCase());
  const typical = range ? ` (typically ${range.low}–${range.high} dB/mW)` : '';
  const needed = r.required
    ? `${r.targetSpl} dB peaks need about ${V(r.required.atHigh.vrms)}–${V(r.required.atLow.vrms)}`
    : '';
  const enough = fine.length
    ? `A ${fine.join(' or ')} is enough across that range.`
    : 'No typical source covers the whole range.';
  const needAmpWord: Record<string, string> = { fine: 'Probably not', needs_amp: 'Yes, most likely' };
  const head: Headline =
    r.verdict === 'depends'
      ? {
          lead: 'It depends on their sensitivity and your source.',
          detail: `For ${impedanceOhm} Ω ${r.driver} headphones${typical}, ${needed}. ${enough}`,
        }
      : {
          lead: needAmpWord[r.verdict] ?? VERDICT_WORDS[r.verdict],
          detail:
            `— for ${impedanceOhm} Ω ${r.driver} headphones the typical sources all come out ` +
            `${VERDICT_WORDS[r.verdict]}.`,
        };
  return {
    kind: 'match',
    mode: 'impedance-only',
    result: r,
    headline: head,
    rows,
    assumptions: [
      range
        ? `Sensitivity assumed ${range.low} / ${range.typical} / ${range.high} dB SPL/mW (low / typical / high for ` +
          `${range.basis}).`
        : 'No typical sensitivity range applies.',
      `Target ${r.targetSpl} dB SPL peaks (average listening ≈ ${r.averageSpl} dB).`,
    ],
    nameDevices: { headphone: 'DT 770 Pro 250', source: 'Scarlett 2i2 4th Gen' },
    readMore: topicRefs(['do-i-need-an-amp', 'impedance-explained', 'sensitivity-explained'], topics),
    chart: impedanceOnlyChart(r, rows),
    confidence,
  };
}

/** "I can't compute that": the engine's problems in words, and the answer layer's own reasons as they are. */
export function failure(reasons: readonly (string | Problem)[]): NoneAnswer {
  const text = reasons.map((r) => (typeof r === 'string' ? r : problemText(r))).join(' ');
  return { kind: 'none', reason: `I can't compute that: ${text}`, suggestions: [], confidence: 0 };
}
