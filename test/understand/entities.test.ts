import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/understand/entities.js';

describe('impedance spellings', () => {
  it.each([
    ['250 ohm', 250],
    ['250Ω', 250],
    ['250-ohm', 250],
    ['250ohms', 250],
    ['32 Ohm', 32],
    ['80 ohms', 80],
    ['600Ω headphones', 600],
    ['1k ohm', 1000],
    ['300 Ω cans', 300],
    ['do i need an amp for 250 ohm headphones', 250],
    ['my 32ohm iems', 32],
    ['470 OHMS', 470],
  ])('%s → %d Ω', (text, ohm) => {
    expect(extractEntities(text).impedancesOhm).toEqual([ohm]);
  });
});

describe('sensitivity spellings', () => {
  it.each([
    ['97 dB/mW', 97, 'dB/mW'],
    ['97db spl/mw', 97, 'dB/mW'],
    ['97 dB SPL/mW', 97, 'dB/mW'],
    ['102 dB/V', 102, 'dB/V'],
    ['102db/v', 102, 'dB/V'],
    ['96 dB per mW', 96, 'dB/mW'],
    ['105 dB SPL/Vrms', 105, 'dB/V'],
    ['92db/mW', 92, 'dB/mW'],
    ['112 dBV', 112, 'dB/V'],
    ['sensitivity of 97 dB', 97, 'unknown'],
    ['98 dB sensitivity', 98, 'unknown'],
    ['(50ohm, 92db/mW)', 92, 'dB/mW'],
  ])('%s → %d %s', (text, value, unit) => {
    expect(extractEntities(text).sensitivities).toEqual([{ value, unit }]);
  });
  it('does not take a target level for a sensitivity', () => {
    expect(extractEntities('I want 110 dB peaks').sensitivities).toEqual([]);
    expect(extractEntities('I want 110 dB peaks').targetSpl).toBe(110);
  });
});

describe('levels, power ratings, output impedance and current', () => {
  it.each([
    ['1.2 Vrms', 1.2],
    ['1.2V', 1.2],
    ['1200 mV', 1.2],
    ['2 V rms', 2],
    ['+13 dBu', 0.7746 * 10 ** (13 / 20)],
    ['0 dBV', 1],
    ['-2 dBV', 10 ** (-2 / 20)],
  ])('%s → %f Vrms', (text, vrms) => {
    const e = extractEntities(text);
    expect(e.levels).toHaveLength(1);
    expect(e.levels[0]!.vrms).toBeCloseTo(vrms, 3);
  });
  it('reads a level into a load', () => {
    expect(extractEntities('2.45 V into 300 ohm').levels).toEqual([{ vrms: 2.45, loadOhm: 300 }]);
    expect(extractEntities('2.45 V into 300 ohm').impedancesOhm).toEqual([]);
  });
  it.each([
    ['300 mW @ 32 Ω', 300, 32],
    ['300mW@32ohm', 300, 32],
    ['30mW into 32 ohms', 30, 32],
    ['1.5 W @ 32 Ω', 1500, 32],
    ['32 mW at 33 ohms', 32, 33],
    ['300mW or more (32ohms)', 300, 32],
    ['200mW/300 Ohms', 200, 300],
    ['1 W at 32 ohms', 1000, 32],
  ])('%s → %d mW @ %d Ω', (text, mw, load) => {
    const e = extractEntities(text);
    expect(e.powers).toEqual([{ mw, loadOhm: load }]);
    expect(e.impedancesOhm).toEqual([]);
  });
  it.each([
    ['1.2 Vrms with 10 ohm output impedance', 10],
    ['output impedance of 2 ohms', 2],
    ['output impedance is 0.5 Ω', 0.5],
    ['zout 50 ohm', 50],
  ])('%s → Z_out %f Ω', (text, z) => {
    const e = extractEntities(text);
    expect(e.outputImpedanceOhm).toBe(z);
    expect(e.impedancesOhm).toEqual([]);
  });
  it('keeps the headphone impedance apart from the output impedance', () => {
    const e = extractEntities('600 ohm 96 dB/mW cans, my output is 1.2 Vrms with 10 ohm output impedance. enough?');
    expect(e.impedancesOhm).toEqual([600]);
    expect(e.sensitivities).toEqual([{ value: 96, unit: 'dB/mW' }]);
    expect(e.levels).toEqual([{ vrms: 1.2 }]);
    expect(e.outputImpedanceOhm).toBe(10);
  });
  it('reads a current limit and driver words', () => {
    expect(extractEntities('100 mA max').currentMa).toBe(100);
    expect(extractEntities('a planar at 32 ohm').driver).toBe('planar');
  });
  it('finds nothing in a plain question', () => {
    expect(extractEntities('are headphones input or output?')).toEqual({
      impedancesOhm: [],
      sensitivities: [],
      levels: [],
      powers: [],
    });
  });
});

describe('hostile input costs about what a normal question costs', () => {
  // Before the number patterns were anchored, a run of N digits cost O(N²): 4,000 digits took ~0.45 s. The bound
  // below is 20× what a linear scan needs on a slow machine, and a tenth of what the quadratic one needed.
  const fastest = (text: string) => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      extractEntities(text);
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };
  it.each([
    ['4,000 digits', '9'.repeat(4000)],
    ['4,000 digits with a decimal point', `${'1'.repeat(2000)}.${'2'.repeat(1999)}`],
    ['4,000 mixed symbols', '1.2-3/4 ohm dB mW V 5k Ω '.repeat(160).slice(0, 4000)],
    ['digits then units', `${'3'.repeat(3990)} ohm 97dB`],
  ])('%s', (_name, text) => {
    expect(fastest(text)).toBeLessThan(45);
    expect(() => extractEntities(text)).not.toThrow();
  });
});
