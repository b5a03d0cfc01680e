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

/** A name that looks like a known device's but names a variant the catalogue does not have ("2i2 5th gen"). */
export interface NearMention {
  text: string;
  position: number;
  suggestions: KnownDevice[];
}

/** Words that can follow a name to say its variant: "3rd gen", "gen 3", "mk2", "250 ohm", "80". */
const VARIANT_WORD = /^(?:gen|generation|\d(?:st|nd|rd|th)|g\d|mk\d?|mkii|mkiii|mark|ii|iii|iv|\d{1,4}|ohms?|ω|v\d)$/;

/** The variant words right after position `end` (at most three). */
function variantTail(words: string[], end: number): string[] {
  const tail: string[] = [];
  for (let k = end; k < words.length && tail.length < 3 && VARIANT_WORD.test(words[k]!); k++) tail.push(words[k]!);
  return tail;
}

const MAX_WINDOW = 6;
const ALL_DIGITS = /^\d+$/;
/** Names that are also ordinary words are only taken when they are long enough not to be an accident. */
const MIN_KEY_LENGTH = 3;
/** Device names that are everyday words ("zero latency", "noise gate", "sine wave"): only taken with the brand. */
const EVERYDAY_NAMES = new Set([
  'boom',
  'zero',
  'gate',
  'stealth',
  'elite',
  'sine',
  'element',
  'radiance',
  'expanse',
  'mojo',
  'poet',
  'timeless',
  'hola',
  'utopia',
  'clear',
  'dawn',
  'aria',
  'original',
  'wired',
  'pro',
]);

export function findDeviceMentions(text: string, finder: DeviceFinder): DeviceMention[] {
  return findMentions(text, finder).mentions;
}

/** Device mentions, plus names that point at a variant the catalogue does not have. */
export function findMentions(text: string, finder: DeviceFinder): { mentions: DeviceMention[]; near: NearMention[] } {
  const words = normalize(text).split(' ').filter(Boolean);
  const taken = new Array<boolean>(words.length).fill(false);
  const mentions: DeviceMention[] = [];
  const near: NearMention[] = [];
  // keys[i][size - 1]: the words from i, `size` of them, joined without spaces (built once, not per window size;
  // missing where no device name starts that way)
  const keys = words.map((_, i) => {
    const out: string[] = [];
    let key = '';
    // only as long as some device name still starts with the words so far ("my headphones" stops at "my…")
    for (let k = i; k < Math.min(words.length, i + MAX_WINDOW); k++) {
      key += words[k]!;
      if (!finder.hasKeyStartingWith(key)) break;
      out.push(key);
    }
    return out;
  });
  const free = (i: number, size: number) => {
    for (let k = i; k < i + size; k++) if (taken[k]) return false;
    return true;
  };
  for (let size = Math.min(MAX_WINDOW, words.length); size >= 1; size--) {
    for (let i = 0; i + size <= words.length; i++) {
      const key = keys[i]![size - 1];
      if (
        key === undefined ||
        key.length < MIN_KEY_LENGTH ||
        !free(i, size) ||
        (size === 1 && EVERYDAY_NAMES.has(key)) ||
        ALL_DIGITS.test(key)
      )
        continue;
      const hits = finder.devicesForKey(key);
      if (hits.length === 0) continue;
      const window = words.slice(i, i + size);
      // The window names a device; when it names only a family, two or three words after it may say the variant
      // ("dt770 250", "2i2 gen 3").
      const type = hits[0]!.type;
      let chosen = finder.resolve(window.join(' '), type);
      const tail = variantTail(words, i + size);
      if (chosen.status === 'found' && chosen.assumedVariant) {
        // the variant words right after the name ("my iphone 15 …"), else the next three words
        const after = tail.length ? [...window, ...tail] : words.slice(i, Math.min(words.length, i + size + 3));
        const context = finder.resolve(after.join(' '), type);
        if (context.status === 'found' && !context.assumedVariant && chosen.variants.includes(context.device))
          chosen = context;
      }
      if (tail.length > 0) {
        const named = finder.resolve([...window, ...tail].join(' '), type);
        if (named.status === 'near') {
          for (let k = i; k < i + size + tail.length; k++) taken[k] = true;
          near.push({ text: [...window, ...tail].join(' '), position: i, suggestions: named.suggestions });
          continue;
        }
      }
      if (chosen.status !== 'found') continue;
      // "dt 990 pro x": the word after the name says another model of the line, one the catalogue does not have
      const next = words[i + size];
      if (next !== undefined && finder.namesOtherModel(chosen.device, next)) {
        for (let k = i; k <= i + size; k++) taken[k] = true;
        near.push({ text: [...window, next].join(' '), position: i, suggestions: [chosen.device] });
        continue;
      }
      for (let k = i; k < i + size; k++) taken[k] = true;
      mentions.push({
        device: chosen.device,
        text: window.join(' '),
        position: i,
        assumedVariant: chosen.assumedVariant,
        variants: chosen.variants,
      });
    }
  }
  return { mentions: mentions.sort((a, b) => a.position - b.position), near };
}
