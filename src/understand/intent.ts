/**
 * What a message asks for: a drive check ("will my scarlett run dt770 250", "hd600 on iphone dongle loud enough?"),
 * a device's facts, a comparison of two headphones, or an FAQ topic.
 */
import { normalize } from '../text/normalize.js';
import { wordsPattern } from '../text/patterns.js';
import type { SourceClassId } from '../knowledge/index.js';

export type Intent = 'drive-check' | 'device-facts' | 'compare' | 'faq';

/** Words that ask whether something is driven well enough. */
const DRIVE_WORDS = wordsPattern([
  ...['drive', 'drives', 'driving', 'driven', 'run', 'runs', 'running', 'power', 'powers', 'powering', 'powerful'],
  ...['loud', 'louder', 'enough', 'amp', 'amps', 'amplifier', 'handle', 'handles', 'push', 'ok', 'okay', 'fine'],
  ...['work', 'works', 'plugged', 'plug'],
]);
const DRIVE = new RegExp(`${DRIVE_WORDS.source}|\\bon (?:my|an?|the)\\b`);
const COMPARE_WORDS = wordsPattern([
  ...['easier', 'harder', 'easiest', 'hardest', 'louder', 'quieter', 'more sensitive', 'less sensitive'],
  ...['more power', 'less power', 'more demanding', 'less demanding'],
]);
const COMPARE_JOIN = /\b(?:or|vs|versus|than|and)\b/;
const FACTS = wordsPattern([
  ...['spec', 'specs', 'specification', 'specifications', 'impedance of', 'sensitivity of', 'how many ohms'],
  ...['what impedance', 'what sensitivity', 'datasheet', 'figures'],
]);

/**
 * The kinds of source people name in words, mapped to the catalogue's source classes (estimated from their sourced
 * members). Checked in this order: the first that matches wins ("usb c dongle for my phone" is a dongle).
 */
export const SOURCE_CLASS_WORDS: readonly { id: SourceClassId; pattern: RegExp; label: string }[] = [
  {
    id: 'phone-dongle',
    pattern: /\b(?:dongle|usb c dongle|phone|phones|smartphone|android|cell|cellphone|mobile)\b/,
    label: 'a phone',
  },
  {
    id: 'onboard-audio',
    pattern: wordsPattern([
      ...['pc', 'desktop pc', 'gaming pc', 'motherboard', 'mobo', 'onboard', 'on board', 'realtek'],
      ...['front panel', 'rear panel', 'sound card', 'soundcard'],
    ]),
    label: "a PC's motherboard output",
  },
  { id: 'laptop', pattern: /\b(?:laptop|notebook|computer|chromebook)\b/, label: 'a laptop jack' },
  { id: 'budget-interface', pattern: /\b(?:audio interface|interface|usb interface)\b/, label: 'an audio interface' },
  {
    id: 'desktop-amp',
    pattern: /\b(?:desktop amp|headphone amp|dac amp|dac\/amp|amp stack)\b/,
    label: 'a desktop headphone amp',
  },
  { id: 'console-controller', pattern: /\b(?:controller|gamepad|console)\b/, label: 'a game controller' },
];

export function sourceClassIn(text: string): (typeof SOURCE_CLASS_WORDS)[number] | undefined {
  const n = normalize(text);
  return SOURCE_CLASS_WORDS.find((c) => c.pattern.test(n));
}

export function asksDriveCheck(text: string): boolean {
  return DRIVE.test(normalize(text));
}

export function asksComparison(text: string): boolean {
  const n = normalize(text);
  return COMPARE_WORDS.test(n) && COMPARE_JOIN.test(n);
}

export function asksFacts(text: string): boolean {
  return FACTS.test(normalize(text));
}
