/**
 * `ask`: turns a message as people type it into the right answer — a drive check from the engine, a device card,
 * a clarifying question, or an FAQ topic — and never states an unrelated topic with confidence.
 */
import type { HeadphoneDevice, KnownDevice, SourceDevice } from '../knowledge/index.js';
import { deviceName } from '../search/device-docs.js';
import type { DeviceMention, NearMention } from '../understand/device-mentions.js';
import { sourceSpecFrom } from '../understand/entities.js';
import { sourceClassIn } from '../understand/intent.js';
import { unnamedSource } from '../understand/unnamed-source.js';
import { understand, type Understanding } from '../understand/message.js';
import { normalize } from '../text/normalize.js';
import { deviceAnswer } from './device-answer.js';
import { failure, impedanceOnlyMatch, pairMatch } from './match-answer.js';
import { headphoneSide, sourceSide, type HeadphoneSide, type SourceSide } from './sides.js';
import type { AnswerContext } from './context.js';
import { sourcesTable } from './sources-table.js';
import { familyName, rawHeadphoneLabel, rawSourceLabel, requestFor, variantNote } from './match-request.js';
import { whichVariant } from './which-variant.js';
import type { Answer } from './types.js';
import { compareHeadphones } from './compare-answer.js';
import { DEFAULT_TARGET_SPL } from '../engine/index.js';

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
  const {
    understanding: understood,
    headphone: headphoneMention,
    source: sourceMention,
    headphones: headphoneMentions,
    near,
  } = understand(text, finder);
  const entities = understood.entities;
  const missing = near[0];
  if (missing) return { answer: nearMiss(text, missing), understanding: understood };
  const target = entities.targetSpl ?? DEFAULT_TARGET_SPL;
  if (understood.intent === 'device-facts') {
    const m = headphoneMention ?? sourceMention!;
    return {
      answer: deviceAnswer(
        { status: 'found', device: m.device, score: 0.9, assumedVariant: m.assumedVariant, variants: m.variants },
        m.text,
        ctx.classes,
      ),
      understanding: understood,
    };
  }
  if (understood.intent === 'impedance-only')
    return {
      answer: impedanceOnlyMatch(entities.impedancesOhm[0]!, entities.driver, target, topics, 0.8),
      understanding: understood,
    };
  if (understood.intent === 'compare')
    return {
      answer: compareHeadphones(
        headphoneMentions.map((m) => m.device as KnownDevice & HeadphoneDevice),
        target,
        topics,
      ),
      understanding: understood,
    };
  if (understood.intent !== 'drive-check') return { answer: null, understanding: understood };

  let headphoneFacts: HeadphoneSide | null = null;
  if (headphoneMention) {
    const side = headphoneSide(headphoneMention.device as KnownDevice & HeadphoneDevice, ctx);
    if ('error' in side) return { answer: failure([side.error]), understanding: understood };
    headphoneFacts = { ...side, notes: variantNotes(headphoneMention, 'headphone') };
  } else {
    const z = entities.impedancesOhm[0]!;
    headphoneFacts = {
      spec: {
        impedanceOhm: z,
        sensitivity: entities.sensitivities[0]!,
        ...(entities.driver ? { driver: entities.driver } : {}),
      },
      label: rawHeadphoneLabel(z, entities.sensitivities[0], entities.driver),
      cited: [],
    };
  }

  let sourceFacts: SourceSide | null = null;
  const figures = sourceSpecFrom(entities);
  if (sourceMention) {
    const side = sourceSide(sourceMention.device as KnownDevice & SourceDevice, ctx);
    sourceFacts = { ...side, notes: [...variantNotes(sourceMention, 'source'), ...(side.notes ?? [])] };
  } else if (figures)
    sourceFacts = { source: { outputs: [{ id: 'output', spec: figures }] }, label: rawSourceLabel(figures), cited: [] };
  else {
    const cls = sourceClassIn(text);
    const use = cls ? ctx.classes.use(cls.id) : null;
    if (cls && use)
      sourceFacts = { source: { outputs: [] }, label: cls.label.replace(/^an? /, ''), cited: [], estimate: use };
  }
  if (!sourceFacts) {
    // No source the catalogue knows: the headphones against the usual source classes and the most common named
    // sources — saying so first when the message named a source it does not know.
    const unknown = unnamedSource(text, headphoneMention?.text ?? null);
    const facts = unknown
      ? {
          ...headphoneFacts,
          notes: [
            `I don't know the "${unknown}" yet, so this is the ${headphoneFacts.label} on the usual sources — tell ` +
              'me its headphone output (e.g. "2 Vrms, 1 ohm" or "80 mW into 32 ohm") for a definite answer.',
            ...(headphoneFacts.notes ?? []),
          ],
        }
      : headphoneFacts;
    return { answer: sourcesTable(facts, ctx, target, unknown ? 0.5 : 0.7), understanding: understood };
  }
  const lower = normalize(text);
  const hpFixed = headphoneFacts;
  const sourceFixed = sourceFacts;
  if (headphoneMention?.assumedVariant) {
    const which = whichVariant(
      familyName(headphoneMention.device),
      headphoneMention.variants,
      (d) => {
        const side = headphoneSide(d as KnownDevice & HeadphoneDevice, ctx);
        return 'error' in side ? failure([side.error]) : pairMatch(side, sourceFixed, target, topics);
      },
      (d) => lower.replace(headphoneMention.text, deviceName(d).toLowerCase()),
    );
    if (which) return { answer: which, understanding: understood };
  }
  if (sourceMention?.assumedVariant) {
    const which = whichVariant(
      familyName(sourceMention.device),
      sourceMention.variants,
      (d) => pairMatch(hpFixed, sourceSide(d as KnownDevice & SourceDevice, ctx), target, topics),
      (d) => lower.replace(sourceMention.text, deviceName(d).toLowerCase()),
    );
    if (which) return { answer: which, understanding: understood };
  }
  const answer = pairMatch(headphoneFacts, sourceFacts, target, topics, 0.9);
  if (answer.kind === 'match' && answer.mode === 'pair')
    answer.request = requestFor(headphoneFacts, sourceFacts, target);
  return { answer, understanding: understood };
}
