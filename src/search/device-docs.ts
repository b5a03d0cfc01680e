/** Turns devices into search documents: the name people see is brand + model; aliases and family words help. */
import type { KnownDevice } from '../knowledge/index.js';
import type { SearchDoc } from './types.js';

export function deviceName(d: KnownDevice): string {
  return `${d.brand} ${d.model}`;
}

export function deviceDoc(d: KnownDevice): SearchDoc<KnownDevice> {
  const kindWords = d.type === 'headphone' ? [d.type, d.form, d.driver] : [d.type, d.category];
  return {
    id: d.id,
    kind: 'device',
    title: deviceName(d),
    aliases: [d.model, ...d.aliases],
    tags: kindWords,
    body: d.notes ?? '',
    payload: d,
  };
}
