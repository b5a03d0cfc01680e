/** Device cards and "which variant?" questions from a device resolution. */
import type { KnownDevice, SourceOutput } from '../knowledge/index.js';
import { deviceName } from '../search/device-docs.js';
import type { Resolution } from '../search/device-finder.js';
import type { Answer, DeviceAnswer, DeviceRef } from './types.js';
import { CLASS_WORDS, countOf, headphoneGroup, type DeviceClasses } from './classes.js';

export function deviceRef(d: KnownDevice): DeviceRef {
  return { id: d.id, name: deviceName(d), type: d.type };
}

/** Which of a device's figures are not sourced, and how a match with it would be answered. */
export function gapsOf(d: KnownDevice, classes?: DeviceClasses): DeviceAnswer['gaps'] {
  if (d.type === 'headphone') {
    const missing = [...(d.impedance.length ? [] : ['impedance']), ...(d.sensitivity.length ? [] : ['sensitivity'])];
    if (!missing.length) return null;
    const like = classes?.headphonesLike(d);
    return {
      missing,
      estimatedFrom: like?.members.length
        ? countOf(like.members.length, like.total, `${headphoneGroup(d)} headphones`)
        : null,
    };
  }
  if (d.headphonesVia) return null;
  const has = (pick: (o: SourceOutput) => unknown[] | undefined) => d.outputs.some((o) => (pick(o)?.length ?? 0) > 0);
  const missing = [
    ...(has((o) => [...o.level, ...o.power]) ? [] : ['maximum level or power']),
    ...(has((o) => o.outputImpedance) ? [] : ['output impedance']),
    ...(has((o) => o.noise) ? [] : ['noise']),
  ];
  if (!missing.includes('maximum level or power')) return missing.length ? { missing, estimatedFrom: null } : null;
  const use = classes?.use(d.class);
  return { missing, estimatedFrom: use ? countOf(use.members.length, use.total, CLASS_WORDS[use.from].many) : null };
}

export function deviceAnswer(resolution: Resolution, asked: string, classes?: DeviceClasses): Answer {
  switch (resolution.status) {
    case 'found':
      return {
        kind: 'device',
        device: resolution.device,
        name: deviceName(resolution.device),
        assumedVariant: resolution.assumedVariant,
        variants: resolution.variants.filter((v) => v !== resolution.device).map(deviceRef),
        gaps: gapsOf(resolution.device, classes),
        confidence: resolution.score,
      };
    case 'ambiguous':
      return {
        kind: 'clarify',
        question: `Which one do you mean by "${asked.slice(0, 80)}"?`,
        options: resolution.candidates.slice(0, 25).map((d) => ({ label: deviceName(d), value: d.id })),
        confidence: 0.5,
      };
    case 'near': {
      const names = resolution.suggestions.slice(0, 5).map(deviceName);
      const offer =
        resolution.why === 'variant' ? `I know ${names.join(', ')}` : `did you mean the ${names.join(' or the ')}`;
      return {
        kind: 'clarify',
        question:
          `I don't know the "${asked.slice(0, 80)}" — ${offer}? ` +
          "I won't answer one product with another's figures.",
        options: resolution.suggestions.slice(0, 25).map((d) => ({ label: deviceName(d), value: d.id })),
        confidence: 0.4,
      };
    }
    case 'none':
      return {
        kind: 'none',
        reason: `I don't know a device called "${asked.slice(0, 80)}" yet.`,
        suggestions: resolution.suggestions.map((d) => ({ id: d.id, title: deviceName(d), score: 0 })),
        confidence: 0,
      };
  }
}
