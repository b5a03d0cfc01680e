/**
 * The model numbers in device names ("MDR-7506" → "7506", "HD 600" → "600", "hd600", "Scarlett 2i2" → "2i2"): words
 * that only gear has, so a question using them is about the domain even when its other words are everyday ones
 * ("is mixing only on 7506s a bad idea"). Brand and product words ("zoom", "apple", "switch") are left out — they
 * are everyday words too, and would let off-topic questions in.
 */
import type { KnownDevice } from '../knowledge/index.js';
import { normalize } from '../text/normalize.js';

export function gearWords(devices: readonly KnownDevice[]): Set<string> {
  const out = new Set<string>();
  for (const d of devices) {
    for (const name of [d.model, ...d.aliases]) {
      const words = normalize(name).split(' ');
      for (const w of words) if (isModelNumber(w)) out.add(w);
      const compact = words.join('');
      if (isModelNumber(compact) && words.length <= 3) out.add(compact);
    }
  }
  return out;
}

/** A token with a digit and a letter or three digits, not a year, a unit or a generation ("600", "m50x", "2i2"). */
function isModelNumber(w: string): boolean {
  if (w.length < 3 || !/\d/.test(w) || /\./.test(w)) return false;
  if (/^(?:19|20)\d\d$/.test(w)) return false;
  if (/^\d+(?:ohms?|mm|mw|v|db|hz|khz|st|nd|rd|th)$/.test(w)) return false;
  return /[a-z]/.test(w) || /^\d{3,}$/.test(w);
}
