import { describe, expect, it } from 'vitest';
import {
  evaluateMatch,
  noiseSpl,
  responseDeviationDb,
  NORMAL_LISTENING_SPL,
  TOO_MUCH_GAIN_THRESHOLD_DB,
  HISS_THRESHOLD_SPL,
  type HeadphoneSpec,
  type SourceSpec,
  type Warning,
} from '../../src/engine/index.js';
import { unwrap } from './helpers.js';

function find<C extends Warning['code']>(ws: Warning[], code: C): Extract<Warning, { code: C }> | undefined {
  return ws.find((w): w is Extract<Warning, { code: C }> => w.code === code);
}

describe('output impedance', () => {
  it('NwAvGuy: dynamic 300→500 Ω on 50 Ω ≈ 0.5 dB', () => {
    // (500/550)/(300/350) = 0.909091/0.857143 = 1.060606 → 20·log10 = 0.5111 dB
    expect(responseDeviationDb(300, 500, 50)).toBeCloseTo(0.5111, 3);
  });
  it('NwAvGuy: multi-BA IEM 5→40 Ω on 10 Ω ≈ 7.6 dB', () => {
    // (40/50)/(5/15) = 0.8/0.333333 = 2.4 → 20·log10(2.4) = 7.6042 dB
    expect(responseDeviationDb(5, 40, 10)).toBeCloseTo(7.6042, 3);
  });
  it(
    'reports ratio, damping factor and Δ when min/max impedance are known; a 0.5 dB shift is information, not a ' +
      'warning',
    () => {
      const hp: HeadphoneSpec = {
        impedanceOhm: 300,
        impedanceMinOhm: 300,
        impedanceMaxOhm: 500,
        sensitivity: { value: 103, unit: 'dB/V' },
      };
      const r = unwrap(evaluateMatch(hp, { voltages: [{ vrms: 2 }], outputImpedanceOhm: 50 }));
      const w = find(r.warnings, 'output_impedance_high');
      // 50 > 300/8 = 37.5; ratio 50/300 = 0.16667; DF 300/50 = 6; Δ 0.51 dB < 1 dB
      expect(w).toMatchObject({
        severity: 'info',
        zOutOhm: 50,
        impedanceOhm: 300,
        dampingFactor: 6,
        ruleLimitOhm: 37.5,
        planarBarelyCares: false,
      });
      expect(w?.ratio).toBeCloseTo(0.16667, 4);
      expect(w?.responseDeviationDb).toBeCloseTo(0.5111, 3);
    },
  );
  it('a shift of 1 dB or more is a warning: 300→500 Ω on 120 Ω (IEC 61938) shifts 1.19 dB', () => {
    // (500/620)/(300/420) = 0.806452/0.714286 = 1.129032 → 20·log10 = 1.0541 dB
    const hp: HeadphoneSpec = {
      impedanceOhm: 300,
      impedanceMinOhm: 300,
      impedanceMaxOhm: 500,
      sensitivity: { value: 103, unit: 'dB/V' },
    };
    const w = find(
      unwrap(evaluateMatch(hp, { voltages: [{ vrms: 8 }], outputImpedanceOhm: 120 })).warnings,
      'output_impedance_high',
    );
    expect(w?.responseDeviationDb).toBeCloseTo(1.0541, 3);
    expect(w?.severity).toBe('warning');
  });
  it('without an impedance curve: a warning for balanced-armature IEMs, information for a dynamic driver', () => {
    const ba: HeadphoneSpec = {
      impedanceOhm: 16,
      driver: 'balanced-armature',
      sensitivity: { value: 120, unit: 'dB/V' },
    };
    const dyn: HeadphoneSpec = { ...ba, driver: 'dynamic' };
    const src: SourceSpec = { voltages: [{ vrms: 1 }], outputImpedanceOhm: 4 };
    expect(find(unwrap(evaluateMatch(ba, src)).warnings, 'output_impedance_high')?.severity).toBe('warning');
    expect(find(unwrap(evaluateMatch(dyn, src)).warnings, 'output_impedance_high')?.severity).toBe('info');
  });
  it('multi-BA IEM on 10 Ω', () => {
    const iem: HeadphoneSpec = {
      impedanceOhm: 10,
      impedanceMinOhm: 5,
      impedanceMaxOhm: 40,
      driver: 'balanced-armature',
      sensitivity: { value: 110, unit: 'dB/mW' },
    };
    const w = find(
      unwrap(evaluateMatch(iem, { voltages: [{ vrms: 1 }], outputImpedanceOhm: 10 })).warnings,
      'output_impedance_high',
    );
    expect(w?.ratio).toBe(1);
    expect(w?.dampingFactor).toBe(1);
    expect(w?.responseDeviationDb).toBeCloseTo(7.6042, 3);
  });
  it('no warning at or under Z/8, none when Z_out is unknown', () => {
    const hp: HeadphoneSpec = { impedanceOhm: 32, sensitivity: { value: 110, unit: 'dB/V' } };
    // 32/8 = 4 Ω exactly → not above the rule
    expect(
      find(
        unwrap(evaluateMatch(hp, { voltages: [{ vrms: 1 }], outputImpedanceOhm: 4 })).warnings,
        'output_impedance_high',
      ),
    ).toBeUndefined();
    expect(
      find(
        unwrap(evaluateMatch(hp, { voltages: [{ vrms: 1 }], outputImpedanceOhm: 4.01 })).warnings,
        'output_impedance_high',
      ),
    ).toBeDefined();
    const unknownZ = unwrap(evaluateMatch(hp, { voltages: [{ vrms: 1 }] }));
    expect(find(unknownZ.warnings, 'output_impedance_high')).toBeUndefined();
    expect(find(unknownZ.warnings, 'output_impedance_unknown')).toMatchObject({ severity: 'info', assumedOhm: 0 });
  });
});

describe('hiss', () => {
  it('3 µV into a 120 dB/V IEM ≈ 9.5 dB SPL: below the 10 dB SPL threshold', () => {
    // 120 + 20·log10(3e-6) = 120 − 110.4576 = 9.5424
    expect(noiseSpl(120, 3)).toBeCloseTo(9.5424, 3);
    const hp: HeadphoneSpec = { impedanceOhm: 16, sensitivity: { value: 120, unit: 'dB/V' } };
    const r = unwrap(evaluateMatch(hp, { voltages: [{ vrms: 1 }], outputImpedanceOhm: 1, noiseUv: 3 }));
    expect(find(r.warnings, 'hiss_risk')).toBeUndefined();
    expect(r.derived.noiseSpl).toBeCloseTo(9.5424, 3);
  });
  it('10 µV into 130 dB/V ≈ 30 dB SPL: hiss risk', () => {
    // 130 + 20·log10(1e-5) = 130 − 100 = 30
    expect(noiseSpl(130, 10)).toBeCloseTo(30, 10);
    const hp: HeadphoneSpec = { impedanceOhm: 16, sensitivity: { value: 130, unit: 'dB/V' } };
    const w = find(
      unwrap(evaluateMatch(hp, { voltages: [{ vrms: 1 }], outputImpedanceOhm: 1, noiseUv: 10 })).warnings,
      'hiss_risk',
    );
    expect(w).toMatchObject({ noiseUv: 10, thresholdSpl: HISS_THRESHOLD_SPL });
    expect(w?.noiseSpl).toBeCloseTo(30, 6);
  });
});

describe('too much gain and power handling', () => {
  // IEM 125 dB/V, 16 Ω, power handling 50 mW; source 2 V behind 0.5 Ω
  const iem: HeadphoneSpec = { impedanceOhm: 16, sensitivity: { value: 125, unit: 'dB/V' }, maxPowerMw: 50 };
  const src: SourceSpec = { voltages: [{ vrms: 2 }], outputImpedanceOhm: 0.5 };
  const r = unwrap(evaluateMatch(iem, src));
  it('too_much_gain: normal listening sits more than 45 dB below full output', () => {
    // V_L = 2·16/16.5 = 1.939394 V → max SPL 125 + 5.7533 = 130.7533; 130.7533 − 80 = 50.7533 dB → excess 5.7533
    // voltage for 80 dB SPL: 10^((80 − 125)/20) = 10^−2.25 = 0.0056234 V
    const w = find(r.warnings, 'too_much_gain');
    expect(w?.normalListeningSpl).toBe(NORMAL_LISTENING_SPL);
    expect(w?.thresholdDb).toBe(TOO_MUCH_GAIN_THRESHOLD_DB);
    expect(w?.attenuationDb).toBeCloseTo(50.7533, 3);
    expect(w?.excessDb).toBeCloseTo(5.7533, 3);
    expect(w?.selectableGain).toBe(false);
    expect(w?.normalListeningVrms).toBeCloseTo(0.0056234, 6);
    expect(w?.availableVrms).toBeCloseTo(1.939394, 5);
  });
  it('power_handling_exceeded: full output beats the rated handling', () => {
    // 1000·1.939394²/16 = 235.078 mW > 50 mW; 10·log10(235.078/50) = 6.7224 dB
    const w = find(r.warnings, 'power_handling_exceeded');
    expect(w?.availableMw).toBeCloseTo(235.078, 2);
    expect(w?.maxPowerMw).toBe(50);
    expect(w?.excessDb).toBeCloseTo(6.7224, 3);
  });
  it('not flagged for HD 600 on a 7 V amp (max SPL 119.1 < 120)', () => {
    const hp: HeadphoneSpec = { impedanceOhm: 300, sensitivity: { value: 97, unit: 'dB/mW' }, maxPowerMw: 1000 };
    const rr = unwrap(evaluateMatch(hp, { voltages: [{ vrms: 7 }], outputImpedanceOhm: 0.5 }));
    // 102.2288 + 16.8875 = 119.1163 → 39.12 dB above 80
    expect(find(rr.warnings, 'too_much_gain')).toBeUndefined();
    // 1000·6.98835²/300 = 162.79 mW < 1000
    expect(find(rr.warnings, 'power_handling_exceeded')).toBeUndefined();
  });
});

describe('electrostatic', () => {
  it('flags that an energizer is needed', () => {
    const r = unwrap(
      evaluateMatch(
        { impedanceOhm: 100_000, driver: 'electrostatic', sensitivity: { value: 100, unit: 'dB/V' } },
        { voltages: [{ vrms: 2 }] },
      ),
    );
    expect(find(r.warnings, 'electrostatic_needs_energizer')).toBeDefined();
  });
});
