import { describe, expect, it } from 'vitest';
import {
  evaluateMatch,
  evaluateOutputs,
  type HeadphoneSpec,
  type SourceSpec,
  type Warning,
} from '../../src/engine/index.js';
import { texts, unwrap } from './helpers.js';
import { desktop, hd600Ambiguous, hd600PerMw, hd650, m50x, macbook, phone, scarlett, sundara } from './fixtures.js';

const codes = (ws: Warning[]) => ws.map((w) => w.code);

describe('one pairing', () => {
  it('HD 600 (97 dB/mW) on a MacBook: 3 V mode, fine', () => {
    const r = unwrap(evaluateMatch(hd600PerMw, macbook));
    // 300 Ω → high-impedance mode, 3 Vrms (Z_out unknown → 0 assumed): 102.2288 + 20·log10(3) = 102.2288 + 9.5424 =
    // 111.7712
    expect(r.gainMode).toBe('high-impedance');
    expect(r.maxSpl).toBeCloseTo(111.7712, 3);
    expect(r.headroomDb).toBeCloseTo(1.7712, 3);
    expect(r.verdict).toBe('fine');
    expect(r.limitedBy).toBe('voltage');
    // 1000·3²/300 = 30 mW; 3000/300 = 10 mA
    expect(r.available).toEqual({ vrms: 3, mw: 30, ma: 10 });
    expect(r.required?.vrms).toBeCloseTo(2.4466, 3);
    expect(r.targetSpl).toBe(110);
    expect(r.averageSpl).toBe(95);
    expect(codes(r.warnings)).toContain('output_impedance_unknown');
    expect(r.derived).toMatchObject({
      vocVrms: 3,
      zOutOhm: 0,
      zOutBasis: 'assumed_zero',
      sensitivityUnitUsed: 'dB/mW',
      gainMode: 'high-impedance',
    });
    expect(r.derived.sensitivityDbV).toBeCloseTo(102.2288, 3);
    expect(r.derived.vLoadVrms).toBe(3);
    expect(r.missing).toEqual([]);
  });

  it('HD 600 with "97 dB" on a MacBook: readings disagree → depends', () => {
    const r = unwrap(evaluateMatch(hd600Ambiguous, macbook));
    // per mW: +1.7712 dB (fine); per V: 97 + 9.5424 − 110 = −3.4576 dB (marginal)
    expect(r.verdict).toBe('depends');
    expect(r.sensitivityAmbiguous).toBe(true);
    expect(r.readings).toHaveLength(2);
    expect(r.readings?.[0]?.unit).toBe('dB/mW');
    expect(r.readings?.[0]?.verdict).toBe('fine');
    expect(r.readings?.[1]?.verdict).toBe('marginal');
    // reported numbers are the conservative (per-volt) reading's
    expect(r.headroomDb).toBeCloseTo(-3.4576, 3);
    expect(r.required?.vrms).toBeCloseTo(4.4668, 3);
    const w = r.warnings[0];
    expect(w?.code).toBe('ambiguous_sensitivity');
    if (w?.code === 'ambiguous_sensitivity') {
      expect(w.verdictDbMw).toBe('fine');
      expect(w.verdictDbV).toBe('marginal');
      expect(w.headroomDbMw).toBeCloseTo(1.7712, 3);
      expect(w.headroomDbV).toBeCloseTo(-3.4576, 3);
    }
  });

  it('HD 600 with "97 dB" on a 7 V desktop amp: both readings fine → fine plus an info warning', () => {
    // V_L = 7·300/300.5 = 6.98835 V → +16.8875 dB; per V: 97 + 16.8875 − 110 = +3.8875; per mW: +9.1163
    const r = unwrap(evaluateMatch(hd600Ambiguous, desktop));
    expect(r.verdict).toBe('fine');
    expect(r.headroomDb).toBeCloseTo(3.8875, 3);
    const w = r.warnings[0];
    expect(w?.code).toBe('sensitivity_unit_unknown');
    expect(w?.severity).toBe('info');
    if (w?.code === 'sensitivity_unit_unknown') {
      expect(w.reportedUnit).toBe('dB/V');
      expect(w.headroomDbMw).toBeCloseTo(9.1163, 3);
    }
  });

  it('HD 650 on a phone dongle (1 V, 1 Ω): needs an amp', () => {
    // V_L = 300/301 = 0.996678 V → −0.0289 dB; 103 − 0.0289 − 110 = −7.0289
    const r = unwrap(evaluateMatch(hd650, phone));
    expect(r.headroomDb).toBeCloseTo(-7.0289, 3);
    expect(r.verdict).toBe('needs_amp');
    expect(r.limitedBy).toBe('voltage');
  });

  it("Sundara on the Scarlett: the ratings' ceiling binds, marginal, Z_out warning flagged as planar", () => {
    // Ceilings: 33 Ω min(1.032941, √(32·0.033) = 1.027619) = 1.027619 V; 300 Ω min(2.449490, √6.6) = 2.449490 V
    // V_oc = 2.449490·350/300 = 2.857738 V (stated 50 Ω); divider into 38 Ω: 2.857738·38/88 = 1.234023 V
    // ceiling into 38 Ω: k = ln(2.449490/1.027619)/ln(300/33) = 0.393533; 1.027619·(38/33)^0.393533 = 1.086285 V
    // max SPL = 105.7 + 20·log10(1.086285) = 106.4189 → headroom −3.5811
    const r = unwrap(evaluateMatch(sundara, scarlett));
    expect(r.limitedBy).toBe('voltage');
    expect(r.derived.vLoadBasis).toBe('interpolated');
    expect(r.available?.vrms).toBeCloseTo(1.086285, 5);
    expect(r.headroomDb).toBeCloseTo(-3.5811, 3);
    expect(r.verdict).toBe('marginal');
    expect(r.derived.theveninVrms).toBeCloseTo(1.234023, 5);
    const z = r.warnings.find((w) => w.code === 'output_impedance_high');
    expect(z).toBeDefined();
    if (z?.code === 'output_impedance_high') {
      expect(z.planarBarelyCares).toBe(true);
      // 50/38 = 1.3158; 38/50 = 0.76; 38/8 = 4.75 Ω
      expect(z.ratio).toBeCloseTo(1.3158, 3);
      expect(z.dampingFactor).toBeCloseTo(0.76, 6);
      expect(z.ruleLimitOhm).toBeCloseTo(4.75, 6);
      expect(z.responseDeviationDb).toBeUndefined();
    }
  });

  it('ATH-M50x on a MacBook: 1.25 V mode, fine', () => {
    // 113.2022 + 20·log10(1.25) = 113.2022 + 1.9382 = 115.1404 → +5.1404
    const r = unwrap(evaluateMatch(m50x, macbook));
    expect(r.gainMode).toBe('low-impedance');
    expect(r.headroomDb).toBeCloseTo(5.1404, 3);
    expect(r.verdict).toBe('fine');
  });

  it("a single power rating binds as 'power' above its load", () => {
    // 32 mW @ 32 Ω → 1.011929 V into 300 Ω: 102.2288 + 20·log10(1.011929) = 102.2288 + 0.1030 → −7.6682
    const r = unwrap(evaluateMatch(hd600PerMw, { powerRatings: [{ mw: 32, loadOhm: 32 }] }));
    expect(r.limitedBy).toBe('power');
    expect(r.headroomDb).toBeCloseTo(-7.6682, 3);
    expect(r.verdict).toBe('needs_amp');
  });

  it('honours the target: 105 and 115 and any 60–130', () => {
    // HD 650 on MacBook 3 V: max SPL 103 + 9.5424 = 112.5424
    expect(unwrap(evaluateMatch(hd650, macbook, { targetSpl: 105 })).headroomDb).toBeCloseTo(7.5424, 3);
    expect(unwrap(evaluateMatch(hd650, macbook, { targetSpl: 115 })).headroomDb).toBeCloseTo(-2.4576, 3);
    const r = unwrap(evaluateMatch(hd650, macbook, { targetSpl: 60 }));
    expect(r.averageSpl).toBe(45);
    expect(r.headroomDb).toBeCloseTo(52.5424, 3);
  });
});

describe('below the lowest rated load (no current limit published)', () => {
  // One rating, 410 mW into 300 Ω: V1 = √(0.41·300) = 11.0905 V, I1 = 11.0905/300 = 36.968 mA.
  const ratedAt300: SourceSpec = { powerRatings: [{ mw: 410, loadOhm: 300 }] };
  const planar32: HeadphoneSpec = { impedanceOhm: 32, sensitivity: { value: 92, unit: 'dB/mW' }, driver: 'planar' };

  it('a range that straddles the bands is "depends", with both readings', () => {
    const r = unwrap(evaluateMatch(planar32, ratedAt300));
    // S_V = 92 + 10·log10(1000/32) = 106.9485. Floor: 36.968 mA × 32 Ω = 1.18298 V → 106.9485 + 1.4597 = 108.408
    // (−1.592 dB, marginal). Held voltage: 11.0905 V → 106.9485 + 20.8987 = 127.847 (+17.847 dB, fine).
    expect(r.verdict).toBe('depends');
    expect(r.headroomDb).toBeCloseTo(-1.592, 2);
    const w = r.warnings.find((x) => x.code === 'below_rated_load');
    expect(w).toMatchObject({ severity: 'warning', loadOhm: 32, ratedLoadOhm: 300, verdictLow: 'marginal' });
    expect(w?.code === 'below_rated_load' && w.verdictHigh).toBe('fine');
    expect(w?.code === 'below_rated_load' && w.headroomDbHigh).toBeCloseTo(17.847, 2);
  });

  it('a range inside one band keeps its verdict and says so (info)', () => {
    const iem: HeadphoneSpec = { impedanceOhm: 32, sensitivity: { value: 110, unit: 'dB/mW' }, driver: 'dynamic' };
    const r = unwrap(evaluateMatch(iem, ratedAt300));
    expect(r.verdict).toBe('fine');
    expect(r.warnings.find((x) => x.code === 'below_rated_load')?.severity).toBe('info');
  });

  it('a stated current limit settles it: the rated voltage held, capped by the limit, no range', () => {
    const r = unwrap(evaluateMatch(planar32, { ...ratedAt300, maxCurrentMa: 100 }));
    // min(11.0905 V, 100 mA × 32 Ω = 3.2 V) = 3.2 V → 106.9485 + 20·log10(3.2) = 106.9485 + 10.103 = 117.052
    expect(r.verdict).toBe('fine');
    expect(r.limitedBy).toBe('current');
    expect(r.headroomDb).toBeCloseTo(7.052, 2);
    expect(codes(r.warnings)).not.toContain('below_rated_load');
  });

  it('at or above the rated load there is no range', () => {
    const r = unwrap(evaluateMatch({ ...planar32, impedanceOhm: 300 }, ratedAt300));
    expect(codes(r.warnings)).not.toContain('below_rated_load');
  });
});

describe('verdict band edges through evaluateMatch', () => {
  // S_V 110 dB/V on 1 V with 0 Ω: max SPL = 110 + 20·log10(1) = 110 exactly
  const hp: HeadphoneSpec = { impedanceOhm: 32, sensitivity: { value: 110, unit: 'dB/V' } };
  const src: SourceSpec = { voltages: [{ vrms: 1 }], outputImpedanceOhm: 0 };
  const at = (targetSpl: number) => unwrap(evaluateMatch(hp, src, { targetSpl }));
  it('headroom exactly 0 → fine', () => {
    expect(at(110).headroomDb).toBe(0);
    expect(at(110).verdict).toBe('fine');
  });
  it('just below 0 → marginal', () => {
    expect(at(110.01).headroomDb).toBeCloseTo(-0.01, 9);
    expect(at(110.01).verdict).toBe('marginal');
  });
  it('exactly −6 → marginal', () => {
    expect(at(116).headroomDb).toBe(-6);
    expect(at(116).verdict).toBe('marginal');
  });
  it('just below −6 → needs_amp', () => {
    expect(at(116.01).verdict).toBe('needs_amp');
  });
});

describe('unknown and missing figures', () => {
  it('source with no level figure → unknown', () => {
    const r = unwrap(evaluateMatch(hd650, { outputImpedanceOhm: 10, noiseUv: 5 }));
    expect(r.verdict).toBe('unknown');
    expect(r.missing).toEqual(['source_output_level']);
    expect(r.available).toBeNull();
    expect(r.headroomDb).toBeNull();
    expect(r.limitedBy).toBeNull();
    expect(r.required?.vrms).toBeCloseTo(2.2387, 3);
  });
  it('empty source → unknown', () => {
    expect(unwrap(evaluateMatch(hd650, {})).verdict).toBe('unknown');
  });
  it('headphone without sensitivity → unknown, source side still reported', () => {
    const r = unwrap(evaluateMatch({ impedanceOhm: 300 }, { voltages: [{ vrms: 2 }], outputImpedanceOhm: 50 }));
    expect(r.verdict).toBe('unknown');
    expect(r.missing).toEqual(['headphone_sensitivity']);
    expect(r.required).toBeNull();
    // 2·300/350 = 1.714286 V
    expect(r.available?.vrms).toBeCloseTo(1.714286, 5);
    expect(codes(r.warnings)).toContain('output_impedance_high');
  });
  it('both missing', () => {
    expect(unwrap(evaluateMatch({ impedanceOhm: 300 }, {})).missing).toEqual([
      'headphone_sensitivity',
      'source_output_level',
    ]);
  });
  it('ambiguous sensitivity on an unknown source stays unknown', () => {
    expect(unwrap(evaluateMatch(hd600Ambiguous, {})).verdict).toBe('unknown');
  });
});

describe('gain modes', () => {
  // IEM: 120 dB/V, 32 Ω. Low gain 0.5 V (noise 1 µV), high gain 4 V (noise 5 µV), 1 Ω.
  const iem: HeadphoneSpec = {
    impedanceOhm: 32,
    sensitivity: { value: 120, unit: 'dB/V' },
    driver: 'balanced-armature',
  };
  const dap: SourceSpec = {
    outputImpedanceOhm: 0,
    gainModes: [
      { name: 'high', voltages: [{ vrms: 4 }], noiseUv: 5 },
      { name: 'low', voltages: [{ vrms: 0.5 }], noiseUv: 1 },
    ],
  };
  it('reports the lowest gain that is still fine', () => {
    // low: 120 + 20·log10(0.5) − 110 = +3.9794 (fine); high: 120 + 12.0412 − 110 = +22.0412
    const r = unwrap(evaluateMatch(iem, dap));
    expect(r.gainMode).toBe('low');
    expect(r.headroomDb).toBeCloseTo(3.9794, 3);
    expect(r.gainModes.map((g) => g.name)).toEqual(['high', 'low']);
    expect(r.gainModes[0]?.headroomDb).toBeCloseTo(22.0412, 3);
    // low gain: noise 120 + 20·log10(1e-6) = 0 dB SPL; max 113.98 − 80 = 33.98 < 40 → no warnings
    expect(r.warnings.filter((w) => w.severity === 'warning')).toEqual([]);
  });
  it('when no mode is fine, reports the one with most headroom', () => {
    // target 130: low −16.02, high +2.04 → high; target 135 is not allowed, so use a quieter IEM
    const quiet: HeadphoneSpec = { impedanceOhm: 32, sensitivity: { value: 100, unit: 'dB/V' } };
    // low: 100 − 6.0206 − 110 = −16.0206; high: 100 + 12.0412 − 110 = +2.0412 → high is fine anyway
    expect(unwrap(evaluateMatch(quiet, dap)).gainMode).toBe('high');
    // target 115: high −2.9588 (marginal), low −21.02 → high
    const r = unwrap(evaluateMatch(quiet, dap, { targetSpl: 115 }));
    expect(r.gainMode).toBe('high');
    expect(r.verdict).toBe('marginal');
  });
});

describe('several outputs', () => {
  const se = { id: 'se', spec: { voltages: [{ vrms: 2 }], outputImpedanceOhm: 1 } };
  const bal = { id: 'bal', balanced: true, spec: { voltages: [{ vrms: 4 }], outputImpedanceOhm: 2 } };
  it('HD 650: balanced wins (fine vs marginal)', () => {
    // SE: 2·300/301 → 103 + 5.9917 − 110 = −1.0083 (marginal); BAL: 4·300/302 → +4.9835 (fine)
    const r = unwrap(evaluateOutputs(hd650, [se, bal]));
    expect(r.best.id).toBe('bal');
    expect(r.best.balanced).toBe(true);
    expect(r.outputs.map((o) => o.result.verdict)).toEqual(['marginal', 'fine']);
    expect(r.outputs[1]?.result.headroomDb).toBeCloseTo(4.9835, 3);
  });
  it('sensitive IEM: the single-ended output wins (fine without too much gain)', () => {
    // 120 dB/V, 32 Ω. SE 1 V/1 Ω: 32/33 → 119.7327 (39.73 dB above 80: no warning)
    // BAL 4 V/2 Ω: 4·32/34 = 3.7647 V → 131.5146: 51.51 dB above 80 → too_much_gain
    const iem: HeadphoneSpec = { impedanceOhm: 32, sensitivity: { value: 120, unit: 'dB/V' } };
    const r = unwrap(
      evaluateOutputs(iem, [bal, { id: 'se', spec: { voltages: [{ vrms: 1 }], outputImpedanceOhm: 1 } }]),
    );
    expect(r.best.id).toBe('se');
    expect(codes(r.outputs[0]?.result.warnings ?? [])).toContain('too_much_gain');
  });
  it('reports invalid outputs by id', () => {
    const r = evaluateOutputs(hd650, [se, { id: 'broken', spec: { outputImpedanceOhm: -1 } }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(texts(r.problems)[0]).toMatch(/^Output "broken": Output impedance .*-1/);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ code: 'not_a_number', field: { name: 'output_impedance' } });
  });
});
