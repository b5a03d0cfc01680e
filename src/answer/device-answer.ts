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
    case 'none':
      return {
        kind: 'none',
        reason: `I don't know a device called "${asked.slice(0, 80)}" yet.`,
        suggestions: resolution.suggestions.map((d) => ({ id: d.id, title: deviceName(d), score: 0 })),
        confidence: 0,
      };
  }
}
