/**
 * What a message asks for: a drive check ("will my scarlett run dt770 250", "hd600 on iphone dongle loud enough?"),
 * a device's facts, a comparison of two headphones, or an FAQ topic.
 */
import { normalize } from '../text/normalize.js';

export type Intent = 'drive-check' | 'device-facts' | 'compare' | 'faq';

/** Words that ask whether something is driven well enough. */
const DRIVE = /\b(?:drive|drives|driving|driven|run|runs|running|power|powers|powering|powerful|loud|louder|enough|amp|amps|amplifier|handle|handles|push|ok|okay|fine|work|works|plugged|plug)\b|\bon (?:my|an?|the)\b/;
const COMPARE_WORDS = /\b(?:easier|harder|easiest|hardest|louder|quieter|more sensitive|less sensitive|more power|less power|more demanding|less demanding)\b/;
const COMPARE_JOIN = /\b(?:or|vs|versus|than|and)\b/;
const FACTS = /\b(?:specs?|specifications?|impedance of|sensitivity of|how many ohms|what impedance|what sensitivity|datasheet|figures)\b/;

/** The kinds of source people name in words, mapped to the engine's typical source classes. */
export const SOURCE_CLASS_WORDS: readonly { id: 'phone_dongle' | 'laptop' | 'budget_interface'; pattern: RegExp; label: string }[] = [
  { id: 'phone_dongle', pattern: /\b(?:phone|phones|smartphone|android|pixel|galaxy|dongle|usb c dongle)\b/, label: 'a typical phone / dongle output' },
  { id: 'laptop', pattern: /\b(?:laptop|pc|computer|motherboard|mobo|onboard|on board|realtek|notebook|front panel)\b/, label: 'a typical laptop / PC jack' },
  { id: 'budget_interface', pattern: /\b(?:audio interface|interface)\b/, label: 'a typical budget audio interface' },
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
