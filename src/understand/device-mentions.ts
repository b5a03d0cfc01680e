/**
 * Finds the devices a message mentions ("will my scarlett solo run dt770 250 or do i need an amp"): every window of
 * one to six words is compared with every known name and alias (spacing and punctuation ignored), longest first,
 * then resolved with the words around it so variant words ("250", "gen 3", "mk2") pick the right variant.
 */
import type { KnownDevice } from '../knowledge/index.js';
import type { DeviceFinder } from '../search/device-finder.js';
import { normalize } from '../text/normalize.js';

export interface DeviceMention {
  device: KnownDevice;
  /** The words that named it. */
  text: string;
  /** Word position in the normalised message (for roles: "X on Y"). */
  position: number;
  assumedVariant: boolean;
  variants: KnownDevice[];
}

const MAX_WINDOW = 6;
/** Names that are also ordinary words are only taken when they are long enough not to be an accident. */
const MIN_KEY_LENGTH = 3;
/** Device names that are everyday words ("zero latency", "noise gate", "sine wave"): only taken with the brand. */
const EVERYDAY_NAMES = new Set(['boom', 'zero', 'gate', 'stealth', 'elite', 'sine', 'element', 'radiance', 'expanse', 'mojo', 'poet', 'timeless', 'hola', 'utopia', 'clear', 'dawn', 'aria', 'original', 'wired', 'pro']);

export function findDeviceMentions(text: string, finder: DeviceFinder): DeviceMention[] {
  const words = normalize(text).split(' ').filter(Boolean);
  const taken = new Array<boolean>(words.length).fill(false);
  const mentions: DeviceMention[] = [];
  for (let size = Math.min(MAX_WINDOW, words.length); size >= 1; size--) {
    for (let i = 0; i + size <= words.length; i++) {
      if (taken.slice(i, i + size).some(Boolean)) continue;
      const window = words.slice(i, i + size);
      const key = window.join('');
      if (key.length < MIN_KEY_LENGTH || /^\d+$/.test(key) || (size === 1 && EVERYDAY_NAMES.has(key))) continue;
      const hits = finder.devicesForKey(key);
      if (hits.length === 0) continue;
      // The window names a device; when it names only a family, two or three words after it may say the variant
      // ("dt770 250", "2i2 gen 3").
      const type = hits[0]!.type;
      let chosen = finder.resolve(window.join(' '), type);
      if (chosen.status === 'found' && chosen.assumedVariant) {
        const context = finder.resolve(words.slice(i, Math.min(words.length, i + size + 3)).join(' '), type);
        if (context.status === 'found' && !context.assumedVariant && chosen.variants.includes(context.device)) chosen = context;
      }
      if (chosen.status !== 'found') continue;
      for (let k = i; k < i + size; k++) taken[k] = true;
      mentions.push({ device: chosen.device, text: window.join(' '), position: i, assumedVariant: chosen.assumedVariant, variants: chosen.variants });
    }
  }
  return mentions.sort((a, b) => a.position - b.position);
}
