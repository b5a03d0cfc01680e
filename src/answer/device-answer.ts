/** Device cards and "which variant?" questions from a device resolution. */
import type { KnownDevice } from '../knowledge/index.js';
import { deviceName } from '../search/device-docs.js';
import type { Resolution } from '../search/device-finder.js';
import type { Answer, DeviceRef } from './types.js';

export function deviceRef(d: KnownDevice): DeviceRef {
  return { id: d.id, name: deviceName(d), type: d.type };
}

export function deviceAnswer(resolution: Resolution, asked: string): Answer {
  switch (resolution.status) {
    case 'found':
      return {
        kind: 'device',
        device: resolution.device,
        name: deviceName(resolution.device),
        assumedVariant: resolution.assumedVariant,
        variants: resolution.variants.filter((v) => v !== resolution.device).map(deviceRef),
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
      const offer = resolution.why === 'variant' ? `I know ${names.join(', ')}` : `did you mean the ${names.join(' or the ')}`;
      return {
        kind: 'clarify',
        question: `I don't know the "${asked.slice(0, 80)}" — ${offer}? I won't answer one product with another's figures.`,
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
