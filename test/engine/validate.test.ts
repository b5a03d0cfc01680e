import { describe, expect, it } from 'vitest';
import {
  evaluateImpedanceOnly,
  evaluateMatch,
  rankHeadphonesFor,
  rankSourcesFor,
  validateHeadphone,
  validateSource,
  validateTarget,
  type HeadphoneSpec,
  type SourceSpec,
} from '../../src/engine/index.js';
import { errorsOf, texts } from './helpers.js';
import { hd650 } from './fixtures.js';

const okSource: SourceSpec = { voltages: [{ vrms: 2 }], outputImpedanceOhm: 1 };
const hp = (over: Partial<HeadphoneSpec> & Record<string, unknown>) => ({ ...hd650, ...over }) as HeadphoneSpec;

describe('headphone', () => {
  it.each([
    [0, /impedance must be a finite number greater than 0 Ω; got 0/],
    [-32, /impedance must be a finite number greater than 0 Ω; got -32/],
    [NaN, /got NaN/],
    [Infinity, /got Infinity/],
    [200_000, /200000 Ω is above 100 kΩ/],
    [0.5, /0\.5 Ω is below 1 Ω/],
  ])('impedance %s', (z, msg) => {
    const errors = errorsOf(evaluateMatch(hp({ impedanceOhm: z }), okSource));
    expect(errors.some((e) => msg.test(e))).toBe(true);
  });
  it('impedance given as a string', () => {
    expect(texts(validateHeadphone(hp({ impedanceOhm: '300' as unknown as number })))[0]).toMatch(/got "300"/);
  });
  it.each([
    [65, /Sensitivity 65 dB is outside the plausible 70–140 dB range/],
    [150, /Sensitivity 150 dB is outside/],
    [NaN, /Sensitivity must be a finite number of dB; got NaN/],
  ])('sensitivity %s', (v, msg) => {
    expect(errorsOf(evaluateMatch(hp({ sensitivity: { value: v, unit: 'dB/V' } }), okSource))).toEqual([
      expect.stringMatching(msg),
    ]);
  });
  it('unknown unit string', () => {
    const errors = texts(validateHeadphone(hp({ sensitivity: { value: 100, unit: 'dB/W' as 'dB/V' } })));
    expect(errors).toEqual(['Unknown sensitivity unit "dB/W"; use "dB/mW", "dB/V" or "unknown".']);
  });
  it('unknown driver', () => {
    expect(texts(validateHeadphone(hp({ driver: 'ribbon' as 'dynamic' })))[0]).toMatch(/Unknown driver type "ribbon"/);
  });
  it('min/max impedance contradictions', () => {
    expect(texts(validateHeadphone(hp({ impedanceMinOhm: 400, impedanceMaxOhm: 350 })))).toContain(
      'Minimum impedance 400 Ω is greater than maximum impedance 350 Ω.',
    );
    // A measured curve above or below a rounded nominal is real data (HD 820: 300 Ω nominal, 350–520 Ω measured).
    expect(texts(validateHeadphone(hp({ impedanceMinOhm: 350, impedanceMaxOhm: 520 })))).toEqual([]);
    expect(texts(validateHeadphone(hp({ impedanceMaxOhm: 100 })))).toEqual([]);
  });
  it('power handling must be positive', () => {
    expect(texts(validateHeadphone(hp({ maxPowerMw: 0 })))[0]).toMatch(/Maximum power handling must be .* got 0/);
  });
  it('a good headphone passes', () => {
    expect(texts(validateHeadphone(hd650))).toEqual([]);
  });
});

describe('target', () => {
  it.each([
    [59, /Target level 59 dB SPL is outside the accepted 60–130 dB SPL range/],
    [131, /131 dB SPL is outside/],
    [NaN, /finite number of dB SPL; got NaN/],
    [Infinity, /got Infinity/],
  ])('%s', (t, msg) => {
    expect(errorsOf(evaluateMatch(hd650, okSource, { targetSpl: t }))).toEqual([expect.stringMatching(msg)]);
  });
  it('accepts the ends of the range', () => {
    expect(texts(validateTarget(60))).toEqual([]);
    expect(texts(validateTarget(130))).toEqual([]);
  });
});

describe('source', () => {
  it('output impedance negative', () => {
    expect(texts(validateSource({ ...okSource, outputImpedanceOhm: -1 }))).toEqual([
      'Output impedance must be a finite number 0 Ω or more; got -1.',
    ]);
  });
  it('current limit of 0', () => {
    expect(texts(validateSource({ ...okSource, maxCurrentMa: 0 }))).toEqual([
      'Current limit must be a finite number greater than 0 mA; got 0.',
    ]);
  });
  it('Vrms and dBu in one rating disagreeing by more than 1 dB', () => {
    // +13 dBu = 3.46 V vs 2 V: 20·log10(3.46/2) = 4.76 dB
    const e = texts(validateSource({ voltages: [{ vrms: 2, dbu: 13 }] }));
    expect(e).toHaveLength(1);
    expect(e[0]).toMatch(/^Voltage given as 2 Vrms and \+13 dBu \(3\.46 Vrms\) disagrees by 4\.8 dB/);
  });
  it('max voltage given twice (Vrms, dBu) disagreeing by more than 1 dB', () => {
    const e = texts(validateSource({ voltages: [{ vrms: 2 }, { dbu: 13 }] }));
    expect(e[0]).toMatch(
      /^Maximum \(unloaded\) output voltage given as 2 Vrms and \+13 dBu \(3\.46 Vrms\): they disagree by 4\.8 dB/,
    );
  });
  it('agreeing forms pass (2 Vrms = +8.24 dBu)', () => {
    // 20·log10(2/0.774597) = 8.2391 dBu
    expect(texts(validateSource({ voltages: [{ vrms: 2, dbu: 8.24 }, { dbv: 6 }] }))).toEqual([]);
  });
  it('maximum ratings at two loads are ceilings: more current into the higher load is not a contradiction', () => {
    // 5 mW @ 32 Ω → 0.4 V, 12.5 mA; 200 mW @ 300 Ω → 7.746 V, 25.8 mA (e.g. ratings taken at different distortion)
    expect(
      texts(
        validateSource({
          powerRatings: [
            { mw: 5, loadOhm: 32 },
            { mw: 200, loadOhm: 300 },
          ],
        }),
      ),
    ).toEqual([]);
  });
  it('a loaded voltage above the unloaded maximum', () => {
    expect(texts(validateSource({ voltages: [{ vrms: 1 }, { vrms: 2, loadOhm: 32 }] }))[0]).toMatch(
      /^Loaded rating 2 Vrms into 32 Ω \(2 Vrms\) is more than 1 Vrms unloaded can deliver into 32 Ω \(1 Vrms\)\.$/,
    );
  });
  it('a loaded figure above what V_oc behind Z_out allows', () => {
    // 2 V behind 50 Ω into 32 Ω = 2·32/82 = 0.7805 V; 1.5 V claimed
    expect(
      texts(validateSource({ voltages: [{ vrms: 2 }, { vrms: 1.5, loadOhm: 32 }], outputImpedanceOhm: 50 }))[0],
    ).toMatch(
      new RegExp(
        String.raw`^Loaded rating 1\.5 Vrms into 32 Ω \(1\.5 Vrms\) is more than 2 Vrms unloaded behind 50 Ω ` +
          String.raw`can deliver into 32 Ω \(0\.7805 Vrms\)`,
      ),
    );
  });
  it('ratings at the same load disagreeing', () => {
    expect(
      texts(validateSource({ voltages: [{ vrms: 1, loadOhm: 32 }], powerRatings: [{ mw: 100, loadOhm: 32 }] }))[0],
    ).toMatch(/^Ratings at the same load disagree by 5\.1 dB: 1 Vrms into 32 Ω vs 100 mW @ 32 Ω \(1\.789 Vrms\)\.$/);
  });
  it('bad numbers inside ratings', () => {
    const e = texts(
      validateSource({
        voltages: [{ vrms: -1 }, {}, { dbu: NaN }, { vrms: 1, loadOhm: 0 }],
        powerRatings: [{ mw: 0, loadOhm: 32 }],
        noiseUv: -3,
      }),
    );
    expect(e).toEqual([
      'Voltage rating 1 (Vrms) must be a finite number greater than 0 Vrms; got -1.',
      'Voltage rating 2 has no value; give vrms, dbu or dbv.',
      'Voltage rating 3 (dBu) must be a finite number; got NaN.',
      'Voltage rating 4 load must be a finite number greater than 0 Ω; got 0.',
      'Power rating 1 power must be a finite number greater than 0 mW; got 0.',
      'Output noise must be a finite number greater than 0 µV; got -3.',
    ]);
  });
  it('gain modes', () => {
    const e = texts(
      validateSource({
        gainModes: [{ name: '' }, { name: 'hi', outputImpedanceOhm: -2, loadRangeOhm: { min: 300, max: 100 } }],
      }),
    );
    expect(e).toContain('Gain mode 1 needs a name; got "".');
    expect(e).toContain('Gain mode "hi": Output impedance must be a finite number 0 Ω or more; got -2.');
    expect(e).toContain('Gain mode "hi": load range minimum 300 Ω is not below its maximum 100 Ω.');
  });
  it('contradictions inside a gain mode are prefixed', () => {
    const e = texts(validateSource({ gainModes: [{ name: 'high', voltages: [{ vrms: 2, dbu: 13 }] }] }));
    expect(e[0]).toMatch(/^Gain mode "high": Voltage rating 1|^Gain mode "high": Voltage given as/);
  });
});

describe('every entry point refuses bad input', () => {
  it('impedance-only', () => {
    expect(errorsOf(evaluateImpedanceOnly(-1))[0]).toMatch(/got -1/);
    expect(errorsOf(evaluateImpedanceOnly(300, { targetSpl: 200 }))[0]).toMatch(/200 dB SPL/);
    expect(errorsOf(evaluateImpedanceOnly(300, { driver: 'ribbon' as 'dynamic' }))[0]).toMatch(
      /Unknown driver type "ribbon"/,
    );
  });
  it('reverse queries', () => {
    expect(errorsOf(rankSourcesFor(hp({ impedanceOhm: 0 }), []))[0]).toMatch(/got 0/);
    expect(errorsOf(rankHeadphonesFor({ maxCurrentMa: 0 }, []))[0]).toMatch(/Current limit/);
  });
});
