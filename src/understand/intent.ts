/**
 * What a message asks for: a drive check ("will my scarlett run dt770 250", "hd600 on iphone dongle loud enough?"),
 * a device's facts, a comparison of two headphones, or an FAQ topic.
 */
import { normalize } from '../text/normalize.js';
import { wordsPattern } from '../text/patterns.js';
import type { SourceClassId } from '../knowledge/index.js';

export type Intent = 'drive-check' | 'impedance-only' | 'device-facts' | 'compare' | 'faq';

/** What the message says, as far as the intent depends on it. */
export interface IntentFacts {
  text: string;
  headphones: number;
  sources: number;
  /** Names found in the message, with the words that named them. */
  mentionTexts: string[];
  impedances: number;
  sensitivities: number;
  /** Source figures typed in ("2 Vrms", "+10 dBu"). */
  sourceFigures: boolean;
  /** A kind of source named in words ("my phone", "a laptop"). */
  sourceClass: boolean;
  /** Not English: drive words are not recognised, so headphones named are enough for a drive check. */
  foreign: boolean;
}

/** Words that make an impedance alone a question about driving it ("do 250 ohm headphones need an amp"). */
const IMPEDANCE_QUESTION = /\b(?:amp\w*|drive|drives|driving|driven|run|runs|running|power\w*|loud\w*|enough)\b/;

/**
 * The intent of a message, first match wins:
 * - compare: two headphones and a comparison word ("is the hd600 easier to drive than the k701");
 * - drive-check: headphones (by name, or impedance with sensitivity) with a drive word or a source;
 * - impedance-only: just an impedance, no device or source, and a drive word ("do i need an amp for 250 ohm");
 * - device-facts: one device and little else, or a facts word ("hd600 specs") — unless the message asks how to work
 *   something out ("how do you calculate…", "what's the formula"): the device is then an example, the method the
 *   question;
 * - faq: everything else.
 */
export function classifyIntent(f: IntentFacts): Intent {
  const drive = asksDriveCheck(f.text) || (f.foreign && f.headphones > 0);
  const hasSource = f.sources > 0 || f.sourceFigures || f.sourceClass;
  const rawHeadphone = f.impedances > 0 && f.sensitivities > 0;
  if (f.headphones >= 2 && asksComparison(f.text)) return 'compare';
  if ((f.headphones > 0 || rawHeadphone) && (drive || hasSource)) return 'drive-check';
  const onlyAnImpedance =
    f.headphones === 0 && f.sources === 0 && !f.sourceFigures && f.impedances === 1 && f.sensitivities === 0;
  if (onlyAnImpedance && drive && IMPEDANCE_QUESTION.test(normalize(f.text))) return 'impedance-only';
  // "how do you calculate the current from the element's power spec": the method is asked, the device an example
  if (f.mentionTexts.length === 1 && !asksMethod(f.text)) {
    const rest = normalize(f.text).replace(normalize(f.mentionTexts[0]!), '').trim().split(' ').filter(Boolean);
    if (asksFacts(f.text) || rest.length <= 2) return 'device-facts';
  }
  return 'faq';
}

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

/** Words that ask how to work something out rather than for a device's figures. */
const METHOD = wordsPattern([
  ...['calculate', 'calculates', 'calculating', 'calculation', 'calculations', 'calculator', 'formula', 'formulas'],
  ...['equation', 'work out', 'working out', 'figure out', 'convert', 'converting', 'conversion', 'derive'],
]);

export function asksMethod(text: string): boolean {
  return METHOD.test(normalize(text));
}

export function asksFacts(text: string): boolean {
  return FACTS.test(normalize(text));
}
