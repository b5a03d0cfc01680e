/**
 * Drive checks where one side is known by name only: every sourced member of its class is evaluated with the other
 * side, and the answer is the spread — labelled as an estimate in the headline, the JSON and the math, worded as
 * likely (never certain), and 'depends' with both ends when the range straddles a band.
 */
import { estimateChart } from './chart.js';
import {
  evaluateEstimate,
  type EstimateCase,
  type EstimateMember,
  type EstimateResult,
  type VerdictBand,
} from '../engine/index.js';
import type { Topic } from '../knowledge/index.js';
import { deviceName } from '../search/device-docs.js';
import { CLASS_WORDS, countOf } from './classes.js';
import { deviceRef } from './device-answer.js';
import { dB, signedDb, V } from '../format.js';
import type { HeadphoneSide, SourceSide } from './sides.js';
import type { EstimateMatchAnswer, NoneAnswer, TopicRef, Headline, MathStep } from './types.js';
import { safetyLine } from './safety.js';
import { problemsText } from './problem-text.js';

/** A member's name for the text. */
type Named = EstimateMember & { name: string };

const BAND_WORDS: Record<VerdictBand, string> = {
  fine: 'enough',
  marginal: 'marginal',
  moderate_only: 'moderate listening only',
  needs_amp: 'an amp needed',
  depends: 'depends',
  unknown: 'unknown',
};

function estimateHeadline(
  r: EstimateResult,
  low: Named,
  high: Named,
  hp: string,
  src: string,
  basis: string,
): Headline {
  const range =
    `${Math.round(low.maxSpl ?? 0)}–${Math.round(high.maxSpl ?? 0)} dB SPL peaks ` +
    `(${signedDb(low.headroomDb ?? 0)} … ${signedDb(high.headroomDb ?? 0)})`;
  const lead = `${basis}: the ${hp} would reach about ${range} on the ${src}`;
  switch (r.band) {
    case 'fine':
      return {
        lead: 'Very likely yes — estimated.',
        detail: `${lead}, above the ${r.targetSpl} dB target across the range.`,
      };
    case 'marginal':
      return {
        lead: 'Probably marginal — estimated.',
        detail: `${lead}: normal listening fine, the loudest peaks may clip.`,
      };
    case 'moderate_only':
      return {
        lead: 'Probably fine for moderate listening only — estimated.',
        detail: `${lead}; for loud peaks an amp would help.`,
      };
    case 'needs_amp':
      return { lead: 'Probably not: an amp is likely needed — estimated.', detail: `${lead}.` };
    default: {
      const ends =
        `from ${BAND_WORDS[bandOfMember(low)]} (${low.name}) to ${BAND_WORDS[bandOfMember(high)]} ` + `(${high.name})`;
      return {
        lead: 'It depends — estimated.',
        detail: `${lead}: ${ends}. The device's own published figures would settle it.`,
      };
    }
  }
}

function bandOfMember(m: EstimateMember): VerdictBand {
  if (m.headroomDb === null) return 'unknown';
  if (m.headroomDb >= 0) return 'fine';
  if (m.headroomDb >= -6) return 'marginal';
  return m.headroomDb >= -12 ? 'moderate_only' : 'needs_amp';
}

/** Evaluates a pairing where the source, the headphones or both are estimated from their class. */
export function estimateMatch(
  hp: HeadphoneSide,
  src: SourceSide,
  targetSpl: number,
  topics: ReadonlyMap<string, Topic>,
  confidence = 0.8,
): EstimateMatchAnswer | NoneAnswer {
  const hpCases = hp.estimate
    ? hp.estimate.members
    : [{ id: hp.device?.id ?? 'headphones', name: hp.label, spec: hp.spec }];
  const srcCases = src.estimate
    ? src.estimate.members.map((m) => ({ id: m.device.id, name: deviceName(m.device), outputs: m.outputs }))
    : [{ id: src.device?.id ?? 'source', name: src.label, outputs: src.source.outputs }];
  const cases: (EstimateCase & { name: string })[] = [];
  for (const h of hpCases) {
    for (const s of srcCases) {
      const id = hp.estimate && src.estimate ? `${h.id} × ${s.id}` : hp.estimate ? h.id : s.id;
      const name = hp.estimate && src.estimate ? `${h.name} on the ${s.name}` : hp.estimate ? h.name : s.name;
      cases.push({ id, name, headphone: h.spec, outputs: s.outputs });
    }
  }
  const evaluated = evaluateEstimate(cases, { targetSpl });
  if (!evaluated.ok)
    return {
      kind: 'none',
      reason: `I can't estimate that: ${problemsText(evaluated.problems)}`,
      suggestions: [],
      confidence: 0,
    };
  const r = evaluated.value;
  const names = new Map(cases.map((c) => [c.id, c.name]));
  const named = (m: EstimateMember | null): Named | null => (m ? { ...m, name: names.get(m.id) ?? m.id } : null);
  const low = named(r.low);
  const high = named(r.high);
  if (!low || !high)
    return {
      kind: 'none',
      reason: 'None of the devices it would be estimated from has a computable level.',
      suggestions: [],
      confidence: 0,
    };

  const parts: string[] = [];
  const missing: string[] = [];
  if (src.estimate) {
    const words = CLASS_WORDS[src.estimate.from];
    const counted = countOf(srcCases.length, src.estimate.total, words.many);
    parts.push(counted);
    const borrowed =
      src.estimate.from !== src.estimate.cls
        ? ` (too few sourced ${CLASS_WORDS[src.estimate.cls].many} have figures yet; ${words.many} have the same ` +
          `kind of output)`
        : '';
    missing.push(
      src.device
        ? `The ${src.label}'s headphone-output figures are not published in the sources I have, so this is estimated ` +
            `from ${counted}${borrowed}.`
        : `No exact source named, so this is the range of ${counted}${borrowed}. Name yours for a definite answer.`,
    );
  }
  if (hp.estimate) {
    const counted = countOf(hpCases.length, hp.estimate.total, `${hp.estimate.group} headphones`);
    parts.push(counted);
    missing.push(
      `The ${hp.label}'s ${hp.estimate.missing.join(' and ')} ${hp.estimate.missing.length > 1 ? 'are' : 'is'} not ` +
        `published in the sources I have, so this is estimated from ${counted}.`,
    );
  }
  const basis = `Estimated from ${parts.join(' and ')}`;
  const from = r.members.map((m) => ({
    id: m.id,
    name: names.get(m.id) ?? m.id,
    verdict: m.verdict,
    headroomDb: m.headroomDb,
  }));
  const trimNote = r.trimmed ? ' (the lowest and highest 10 % left out)' : '';
  const math: MathStep[] = [
    `${basis}: each one evaluated with the other side exactly as in a normal match (same source model and verdict ` +
      `bands).`,
    `Lowest of the range: ${low.name} — ` +
      `${low.vrms !== null ? `${V(low.vrms)} into the headphones, ` : ''}${dB(low.maxSpl ?? 0)} SPL peaks, headroom ` +
      `${signedDb(low.headroomDb ?? 0)}.`,
    `Highest of the range: ${high.name} — ` +
      `${high.vrms !== null ? `${V(high.vrms)} into the headphones, ` : ''}${dB(high.maxSpl ?? 0)} SPL peaks, ` +
      `headroom ${signedDb(high.headroomDb ?? 0)}.`,
    `Range used: ${r.counted} computable of ${r.members.length}${trimNote}. ` +
      'Verdict: the same at both ends, else depends.',
  ].map((text) => [text]);
  const readMore: TopicRef[] = ['do-i-need-an-amp', 'headphone-output-power']
    .map((id) => topics.get(id))
    .filter((t): t is Topic => Boolean(t))
    .map((t) => ({ id: t.id, title: t.title }));
  return {
    kind: 'match',
    mode: 'estimate',
    headphone: hp.device ? deviceRef(hp.device) : null,
    source: src.device ? deviceRef(src.device) : null,
    headphoneLabel: hp.label,
    sourceLabel: src.label,
    estimated: { headphone: Boolean(hp.estimate), source: Boolean(src.estimate) },
    sourceClass: src.estimate
      ? { id: src.estimate.cls, from: src.estimate.from, label: CLASS_WORDS[src.estimate.from].many }
      : null,
    headphoneGroup: hp.estimate?.group ?? null,
    result: r,
    from,
    headline: estimateHeadline(r, low, high, hp.label, src.label, basis),
    keyNumbers: [
      `Estimated range at full volume: ${Math.round(low.maxSpl ?? 0)}–${Math.round(high.maxSpl ?? 0)} dB SPL peaks, ` +
        `headroom ${signedDb(low.headroomDb ?? 0)} … ${signedDb(high.headroomDb ?? 0)} against ${targetSpl} dB`,
      `Lowest: ${low.name}; highest: ${high.name}`,
    ],
    math,
    warnings: [],
    safety: safetyLine(high.maxSpl ?? targetSpl, targetSpl, targetSpl - r.averageSpl),
    notes: [...missing, ...(hp.notes ?? []), ...(src.notes ?? [])],
    readMore,
    chart: estimateChart(hp.label, src.label, r, basis, targetSpl),
    confidence,
  };
}
