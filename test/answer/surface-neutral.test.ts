/**
 * The Answer is structure, not Markdown and not any surface's syntax: its verdict, figures, warnings, notes and math
 * are plain words, with emphasis carried as structure (Headline.lead, MathStep results). Each surface renders it.
 * (A FAQ topic's body is knowledge text and passes through as written.)
 */
import { describe, expect, it } from 'vitest';
import { Brain } from '../../src/answer/brain.js';
import type { Answer } from '../../src/answer/types.js';
import { loadKnowledge } from '../../src/knowledge/index.js';

const brain = new Brain(loadKnowledge());

/** Every string in the answer outside FAQ bodies and cited URLs. */
function words(a: Answer): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') {
      if (key !== 'body' && key !== 'url' && !/^https?:/.test(v)) out.push(v);
    } else if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(a, '');
  return out;
}

const MARKUP = /\*\*|__|`|<@|^#+ |\]\(/m;

describe('answers carry no markup', () => {
  it.each([
    ['match pair', () => brain.match({ headphone: 'sennheiser-hd600', source: 'apple-usb-c-dongle-us' })],
    ['match pair', () => brain.match({ headphone: 'hifiman-sundara', source: 'schiit-magni-plus' })],
    ['match impedance-only', () => brain.ask('do I need an amp for 250 ohm headphones?')],
    ['match estimate', () => brain.ask('can a scarlett solo 3rd gen drive the hd 600?')],
    ['match compare', () => brain.ask('which is easier to drive, hd 600 or dt 770 pro 250?')],
    ['match sources-table', () => brain.ask('do I need an amp for the hd 600?')],
    ['device', () => brain.device('hd 600')],
    ['match pair', () => brain.ask('300 ohm 97 db/mw headphones on a 1 Vrms output with 10 ohm output impedance')],
  ])('%s', (kind, make) => {
    const a = make();
    expect(`${a.kind}${'mode' in a ? ` ${a.mode}` : ''}`).toBe(kind);
    const found = words(a).filter((w) => MARKUP.test(w));
    expect(found).toEqual([]);
  });
});
