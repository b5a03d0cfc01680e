/** Button custom ids: what the bot writes decodes to the same request; anything forged is refused, never thrown. */
import { describe, expect, it } from 'vitest';
import { Brain } from '../../src/answer/brain.js';
import { decodeButton, encodeButton } from '../../src/discord/custom-ids.js';
import { loadKnowledge } from '../../src/knowledge/index.js';

const brain = new Brain(loadKnowledge());

describe('math buttons', () => {
  it.each([
    [{ headphone: 'sennheiser-hd600', source: 'apple-usb-c-dongle-us', targetSpl: 110 }],
    [
      {
        impedanceOhm: 300,
        sensitivity: { value: 97, unit: 'dB/mW' as const },
        sourceSpec: { voltages: [{ vrms: 1 }], outputImpedanceOhm: 1 },
      },
    ],
    [
      {
        impedanceOhm: 32,
        driver: 'planar' as const,
        sensitivity: { value: 97, unit: 'unknown' as const },
        sourceSpec: { powerRatings: [{ mw: 32, loadOhm: 33 }] },
      },
    ],
  ])('round-trips %j', (request) => {
    const id = encodeButton({ kind: 'math', request });
    expect(id).not.toBeNull();
    expect(decodeButton(id!)).toEqual({ kind: 'math', request });
  });

  it.each([
    ['a number where a name goes', 'math:{"h":5,"s":"x"}'],
    ['a string where a figure goes', 'math:{"z":"300","n":[97,"dB/mW"],"x":{"voltages":[{"vrms":1}]}}'],
    ['an unknown unit', 'math:{"z":300,"n":[97,"dB/furlong"]}'],
    ['a misspelt field', 'math:{"z":32,"n":[97,"dB/mW"],"x":{"powerRatings":[{"mw":50,"loadOhms":32}]}}'],
    ['an extra field', 'math:{"z":32,"evil":true}'],
    ['a prototype key', 'math:{"__proto__":{"polluted":1},"z":32}'],
    ['an array for the source', 'math:{"z":32,"x":[1,2,3]}'],
    ['too many ratings', `math:{"z":32,"x":{"voltages":[${Array(9).fill('{"vrms":1}').join(',')}]}}`],
    ['null figures', 'math:{"z":null}'],
    ['not JSON', 'math:{"z":32'],
    ['JSON that is not an object', 'math:[1,2]'],
    ['a driver nobody makes', 'math:{"z":32,"d":"plasma"}'],
  ])('refuses %s', (_what, id) => {
    expect(decodeButton(id)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a well-typed but absurd payload reaches the engine and gets words, not an exception', () => {
    for (const id of [
      'math:{"z":-5,"n":[97,"dB/mW"],"x":{"voltages":[{"vrms":1}]}}',
      'math:{"z":32,"n":[1e300,"dB/V"],"x":{"voltages":[{"vrms":1e300}]}}',
      'math:{"t":1e9,"h":"hd600","s":"x"}',
    ]) {
      const action = decodeButton(id);
      expect(action?.kind).toBe('math');
      if (action?.kind !== 'math') continue;
      const answer = brain.match(action.request);
      expect(['none', 'clarify', 'match']).toContain(answer.kind);
    }
  });
});

describe('other buttons', () => {
  it('accept topic ids and refuse anything else', () => {
    expect(decodeButton('faq:dac-vs-amp')).toEqual({ kind: 'faq', id: 'dac-vs-amp' });
    expect(decodeButton('faq:../../etc/passwd')).toBeNull();
    expect(decodeButton('nope:1')).toBeNull();
    expect(decodeButton('')).toBeNull();
  });

  it('"Not what I asked" carries the runner-up topics, as many as fit in 100 characters', () => {
    const alternatives = [
      'headphone-output-power',
      'do-i-need-a-dac',
      'interface-as-headphone-amp',
      'impedance-matching',
    ];
    const id = encodeButton({ kind: 'nwia', answered: 'dac-vs-amp', alternatives })!;
    expect(id.length).toBeLessThanOrEqual(100);
    const decoded = decodeButton(id);
    expect(decoded?.kind).toBe('nwia');
    const kept = decoded?.kind === 'nwia' ? decoded.alternatives : [];
    expect(kept.length).toBeGreaterThanOrEqual(2);
    expect(kept).toEqual(alternatives.slice(0, kept.length)); // in order, best first, none cut in half
    expect(decodeButton('nwia:dac-vs-amp')).toEqual({ kind: 'nwia', answered: 'dac-vs-amp', alternatives: [] });
    expect(decodeButton('nwia:dac-vs-amp:ok-topic,Bad Topic')).toBeNull();
    expect(decodeButton('nwia:dac-vs-amp:a:b')).toBeNull();
  });

  it('an answer from the ranking puts its runner-ups in its "Not what I asked" button', () => {
    const answer = brain.ask('is a dac or an amp more important for my headphones?');
    expect(answer.kind).toBe('faq');
    if (answer.kind !== 'faq') return;
    expect(answer.alternatives.length).toBeGreaterThan(0);
    expect(answer.alternatives.map((a) => a.id)).not.toContain(answer.topic.id);
  });
});
