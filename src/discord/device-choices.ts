/** Autocomplete choices for device names: ranked completions, value = device id. */
import type { Brain } from '../answer/brain.js';
import { deviceName } from '../search/device-docs.js';
import { choice } from './limits.js';

export function deviceChoices(brain: Brain, typed: string, type?: 'headphone' | 'source') {
  const docs = brain.devices.index.complete(typed, { limit: 60 }).filter((d) => !type || d.payload.type === type);
  const list = typed.trim() ? docs : docs.sort((a, b) => a.title.localeCompare(b.title));
  return list.slice(0, 25).map((d) => choice(deviceName(d.payload), d.payload.id));
}
