/**
 * `ask`: turns a message as people type it into the right answer — a drive check from the engine, a device card,
 * a clarifying question, or an FAQ topic — and never states an unrelated topic with confidence.
 */
import type { HeadphoneDevice, KnownDevice, SourceDevice } from '../knowledge/index.js';
import { deviceName } from '../search/device-docs.js';
import type { DeviceMention, NearMention } from '../understand/device-mentions.js';
import { sourceSpecFrom } from '../understand/entities.js';
import { sourceClassIn } from '../understand/intent.js';
import { understand, type Understanding } from '../understand/message.js';
import { normalize } from '../text/normalize.js';
import { deviceAnswer } from './device-answer.js';
import { failure, impedanceOnlyMatch, pairMatch } from './match-answer.js';
import { headphoneSide, sourceSide, type HeadphoneSide, type SourceSide } from './sides.js';
import type { AnswerContext } from './context.js';
import { sourcesTable } from './sources-table.js';
import {
  DEFAULT_TARGET,
  familyName,
  rawHeadphoneLabel,
  rawSourceLabel,
  requestFor,
  variantNote,
} from './match-request.js';
import { whichVariant } from './which-variant.js';
import type { Answer } from './types.js';
import { compareHeadphones } from './compare-answer.js';

function variantNotes(m: DeviceMention | undefined, kind: string): string[] {
  return m?.assumedVariant ? variantNote(kind, m.device, m.variants) : [];
}

/** "I don't know the Scarlett 2i2 5th Gen": offers the variants that exist, never another variant's numbers. */
function nearMiss(text: string, m: NearMention): Answer {
  const names = m.suggestions.slice(0, 6).map(deviceName);
  const lower = normalize(text);
  return {
    kind: 'clarify',
    question:
      `I don't know the "${m.text}". I know the ${names.join(', ')} — which one is yours? (I won't answer ` +
      `with another model's figures.)`,
    options: m.suggestions
      .slice(0, 5)
      .map((d) => ({ label: deviceName(d), value: lower.replace(m.text, deviceName(d).toLowerCase()) })),
    confidence: 0.5,
  };
}

/** Answers a drive check or device question when the message is one; otherwise returns null (the FAQ decides). */
export function answerFromUnderstanding(
  text: string,
  ctx: AnswerContext,
): { answer: Answer | null; understanding: Understanding } {
  const { finder, topics } = ctx;
  const { understanding: u, headphone: hp, source: src, headphones: hps, near } = understand(text, finder);
  const e = u.entities;
  const missing = near[0];
  if (missing) return { answer: nearMiss(text, missing), understanding: u };
  const target = e.targetSpl ?? DEFAULT_TARGET;
  if (u.intent === 'device-facts') {
    const m = hp ?? src!;
    return {
      answer: deviceAnswer(
        { status: 'found', device: m.device, score: 0.9, assumedVariant: m.assumedVariant, variants: m.variants },
        m.text,
        ctx.classes,
      ),
      understanding: u,
    };
  }
  if (u.intent === 'impedance-only')
    return { answer: impedanceOnlyMatch(e.impedancesOhm[0]!, e.driver, target, topics, 0.8), understanding: u };
  if (u.intent === 'compare')
    return {
      answer: compareHeadphones(
        hps.map((m) => m.device as KnownDevice & HeadphoneDevice),
        target,
        topics,
      ),
      understanding: u,
    };
  if (u.intent !== 'drive-check') return { answer: null, understanding: u };

  let hpSide: HeadphoneSide | null = null;
  if (hp) {
    const side = headphoneSide(hp.device as KnownDevice & HeadphoneDevice, ctx);
    if ('error' in side) return { answer: failure([side.error]), understanding: u };
    hpSide = { ...side, notes: variantNotes(hp, 'headphone') };
  } else {
    const z = e.impedancesOhm[0]!;
    hpSide = {
      spec: { impedanceOhm: z, sensitivity: e.sensitivities[0]!, ...(e.driver ? { driver: e.driver } : {}) },
      label: rawHeadphoneLabel(z, e.sensitivities[0], e.driver),
      cited: [],
    };
  }

  let srcSide: SourceSide | null = null;
  const figures = sourceSpecFrom(e);
  if (src) {
    const side = sourceSide(src.device as KnownDevice & SourceDevice, ctx);
    srcSide = { ...side, notes: [...variantNotes(src, 'source'), ...(side.notes ?? [])] };
  } else if (figures)
    srcSide = { source: { outputs: [{ id: 'output', spec: figures }] }, label: rawSourceLabel(figures), cited: [] };
  else {
    const cls = sourceClassIn(text);
    const use = cls ? ctx.classes.use(cls.id) : null;
    if (cls && use)
      srcSide = { source: { outputs: [] }, label: cls.label.replace(/^an? /, ''), cited: [], estimate: use };
  }
  if (!srcSide) {
    // No source named: the headphones against the usual source classes and the most common named sources.
    return { answer: sourcesTable(hpSide, ctx, target, 0.7), understanding: u };
  }
  const lower = normalize(text);
  const hpFixed = hpSide;
  const srcFixed = srcSide;
  if (hp?.assumedVariant) {
    const which = whichVariant(
      familyName(hp.device),
      hp.variants,
      (d) => {
        const side = headphoneSide(d as KnownDevice & HeadphoneDevice, ctx);
        return 'error' in side ? failure([side.error]) : pairMatch(side, srcFixed, target, topics);
      },
      (d) => lower.replace(hp.text, deviceName(d).toLowerCase()),
    );
    if (which) return { answer: which, understanding: u };
  }
  if (src?.assumedVariant) {
    const which = whichVariant(
      familyName(src.device),
      src.variants,
      (d) => pairMatch(hpFixed, sourceSide(d as KnownDevice & SourceDevice, ctx), target, topics),
      (d) => lower.replace(src.text, deviceName(d).toLowerCase()),
    );
    if (which) return { answer: which, understanding: u };
  }
  const answer = pairMatch(hpSide, srcSide, target, topics, 0.9);
  if (answer.kind === 'match' && answer.mode === 'pair') answer.request = requestFor(hpSide, srcSide, target);
  return { answer, understanding: u };
}
