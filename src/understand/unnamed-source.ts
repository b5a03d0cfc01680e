/**
 * A source named in words the catalogue does not know ("can my sound blaster g6 drive hd600", "hd 600 on my fiio
 * k3"): the words after "my" / "on" / "with" / "from" / "through" that carry a model number (letters and digits, such
 * as g6, k3, x6) and are not the headphones. The answer then says it does not know that source, rather than
 * answering as if no source had been named.
 */
import { normalize } from '../text/normalize.js';

/** Knob: the most words taken as a source's name. */
const NAME_WORDS = 4;
const LEAD =
  /\b(?:my|on|with|from|through|using|off)\s+(?:my\s+|a\s+|an\s+|the\s+)?((?:[a-z0-9][a-z0-9.+-]*\s*){1,4})/g;
/** A model number: letters and digits together (g6, k3, x6, 2i2), or digits with a letter suffix (5k, 4s). */
const MODEL = /^(?=.*\d)(?=.*[a-z])[a-z0-9.+-]{2,12}$/;
/** Words that end a source's name: the verb or the link to the headphones. */
const STOP = new Set([
  'drive',
  'drives',
  'power',
  'run',
  'handle',
  'push',
  'for',
  'to',
  'with',
  'and',
  'on',
  'enough',
  'be',
  'is',
  'loud',
  'can',
  'could',
  'will',
  'do',
  'does',
]);

export function unnamedSource(text: string, headphoneText: string | null): string | null {
  const lower = normalize(text);
  const hp = headphoneText ? normalize(headphoneText) : null;
  for (const m of lower.matchAll(LEAD)) {
    const words: string[] = [];
    for (const w of (m[1] ?? '').trim().split(/\s+/)) {
      if (STOP.has(w) || words.length >= NAME_WORDS) break;
      words.push(w);
    }
    const name = words.join(' ');
    if (!name || (hp && (hp.includes(name) || name.includes(hp)))) continue;
    if (words.some((w) => MODEL.test(w))) return name;
  }
  return null;
}
