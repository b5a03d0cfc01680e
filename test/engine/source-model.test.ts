import { describe, expect, it } from 'vitest';
import {
  buildSourceModel,
  deliverInto,
  translatePowerRating,
  figuresForLoad,
  type SourceModel,
  type SourceSpec,
} from '../../src/engine/index.js';

function model(spec: SourceSpec): SourceModel {
  const b = buildSourceModel(spec);
  if (!b.ok) throw new Error(b.errors.join(' | '));
  return b.model;
}

/** Scarlett 2i2 4th Gen headphone out as quoted: +2.5 dBu into 33 Ω, +10 dBu into 300 Ω. */
const scarlettVoltages = { voltages: [{ dbu: 2.5, loadOhm: 33 }, { dbu: 10, loadOhm: 300 }] };

describe('Thevenin divider', () => {
  it('V_L = V_oc · Z/(Z + Z_out)', () => {
    const m = model({ voltages: [{ vrms: 2 }], outputImpedanceOhm: 10 });
    // 2 · 30/(30 + 10) = 1.5 V
    expect(deliverInto(m, 30)?.vrms).toBeCloseTo(1.5, 10);
    // 2 · 300/310 = 1.935484 V; 1000·1.935484²/300 = 12.487 mW; 1935.484/300 = 6.4516 mA
    const d = deliverInto(m, 300);
    expect(d?.vrms).toBeCloseTo(1.935484, 5);
    expect(d?.mw).toBeCloseTo(12.487, 2);
    expect(d?.ma).toBeCloseTo(6.4516, 3);
    expect(d?.limitedBy).toBe('voltage');
  });
  it('a source with no level figure delivers nothing known', () => {
    const m = model({ outputImpedanceOhm: 1, noiseUv: 2 });
    expect(m.vocVrms).toBeNull();
    expect(deliverInto(m, 32)).toBeNull();
  });
  it('open-circuit voltage in dBu', () => {
    // +13 dBu = 3.4600 Vrms, 0 Ω given
    const m = model({ voltages: [{ dbu: 13 }], outputImpedanceOhm: 0 });
    expect(m.vocVrms).toBeCloseTo(3.46, 3);
    expect(m.zOutBasis).toBe('given');
  });
});

describe('current-limited low-impedance loads', () => {
  const m = model({ voltages: [{ vrms: 7 }], outputImpedanceOhm: 0.5, maxCurrentMa: 100 });
  it('caps at I_max · Z into 16 Ω', () => {
    // Thevenin 7·16/16.5 = 6.7879 V but 100 mA · 16 Ω = 1.6 V → 1.6 V; 1000·1.6²/16 = 160 mW
    const d = deliverInto(m, 16);
    expect(d?.theveninVrms).toBeCloseTo(6.7879, 3);
    expect(d?.currentCapVrms).toBeCloseTo(1.6, 10);
    expect(d?.vrms).toBeCloseTo(1.6, 10);
    expect(d?.mw).toBeCloseTo(160, 6);
    expect(d?.limitedBy).toBe('current');
  });
  it('is voltage limited into 300 Ω', () => {
    // 7·300/300.5 = 6.98835 V < 0.1·300 = 30 V
    const d = deliverInto(m, 300);
    expect(d?.vrms).toBeCloseTo(6.98835, 4);
    expect(d?.limitedBy).toBe('voltage');
  });
});

describe('power-spec translation (one rating, conservative)', () => {
  // 32 mW @ 32 Ω: V_ref = √(32·32/1000) = 1.011929 V, I_ref = 1011.929/32 = 31.623 mA
  it('above the rated load: voltage-limited at V_ref', () => {
    // 300 Ω: 1000·1.011929²/300 = 1000·1.024/300 = 3.4133 mW
    const t = translatePowerRating({ mw: 32, loadOhm: 32 }, 300);
    expect(t.vrms).toBeCloseTo(1.011929, 5);
    expect(t.mw).toBeCloseTo(3.4133, 3);
    expect(t.limitedBy).toBe('power');
  });
  it('below the rated load: current-capped at I_ref', () => {
    // 16 Ω: I²R = 0.031623²·16·1000 = 16 mW (half the rated power); V = 0.031623·16 = 0.50596 V
    const t = translatePowerRating({ mw: 32, loadOhm: 32 }, 16);
    expect(t.mw).toBeCloseTo(16, 6);
    expect(t.vrms).toBeCloseTo(0.50596, 4);
    expect(t.limitedBy).toBe('current');
  });
  it('at the rated load gives the rating back', () => {
    expect(translatePowerRating({ mw: 32, loadOhm: 32 }, 32).mw).toBeCloseTo(32, 8);
  });
  it('1.5 W @ 32 Ω to 300 Ω', () => {
    // V = √(1500·32/1000) = √48 = 6.9282 V; 1000·48/300 = 160 mW
    expect(translatePowerRating({ mw: 1500, loadOhm: 32 }, 300).mw).toBeCloseTo(160, 6);
  });
  it('the model records the assumption', () => {
    const m = model({ powerRatings: [{ mw: 32, loadOhm: 32 }] });
    expect(m.vocBasis).toBe('power_rating');
    expect(m.zOutBasis).toBe('assumed_zero');
    expect(m.iMaxBasis).toBe('rating_cap');
    expect(m.iMaxMa).toBeCloseTo(31.623, 3);
  });
});

describe('two-load inference', () => {
  it('Scarlett 2i2 4th Gen (no Z_out given): fits ≈61 Ω', () => {
    // V1 = 1.032941 V @ 33 Ω, V2 = 2.449490 V @ 300 Ω
    // Z_out = (2.449490 − 1.032941)/(1.032941/33 − 2.449490/300) = 1.416549/(0.031301 − 0.008165) = 61.226 Ω
    // V_oc = 2.449490·(300 + 61.226)/300 = 2.94940 V
    const m = model(scarlettVoltages);
    expect(m.zOutOhm).toBeCloseTo(61.226, 2);
    expect(m.zOutBasis).toBe('inferred_two_load');
    expect(m.vocVrms).toBeCloseTo(2.9494, 3);
    expect(m.iMaxMa).toBeNull();
    expect(m.inference?.outcome).toBe('output_impedance');
    expect(m.inference?.fittedZOutOhm).toBeCloseTo(61.226, 2);
    // reproduces both ratings: 2.9494·33/94.226 = 1.03294 V
    expect(deliverInto(m, 33)?.vrms).toBeCloseTo(1.03294, 4);
    expect(deliverInto(m, 300)?.vrms).toBeCloseTo(2.44949, 4);
    // 38 Ω: 2.9494·38/99.226 = 1.12951 V
    expect(deliverInto(m, 38)?.vrms).toBeCloseTo(1.12951, 4);
  });

  it('Scarlett with power ratings too (32 mW @ 33 Ω, 22 mW @ 300 Ω): lowest figure per load, still ≈61–62 Ω', () => {
    // 32 mW @ 33 → √1.056 = 1.027619 V (< 1.032941); 22 mW @ 300 → √6.6 = 2.569047 V (> 2.449490)
    // Z = (2.449490 − 1.027619)/(1.027619/33 − 2.449490/300) = 1.421871/(0.031140 − 0.008165) = 61.888 Ω
    const m = model({ ...scarlettVoltages, powerRatings: [{ mw: 32, loadOhm: 33 }, { mw: 22, loadOhm: 300 }] });
    expect(m.zOutOhm).toBeCloseTo(61.888, 2);
    expect(m.points).toHaveLength(2);
  });

  it('Scarlett with the stated 50 Ω: the 33 Ω figure is current limited ≈31 mA', () => {
    // V_oc = 2.449490·(300 + 50)/300 = 2.857738 V; predicted into 33 Ω: 2.857738·33/83 = 1.136209 V
    // actual 1.032941 V is 0.83 dB lower → current limited: I_max = 1032.941/33 = 31.301 mA
    const m = model({ ...scarlettVoltages, outputImpedanceOhm: 50 });
    expect(m.vocVrms).toBeCloseTo(2.857738, 5);
    expect(m.iMaxMa).toBeCloseTo(31.301, 3);
    expect(m.iMaxBasis).toBe('inferred_below_prediction');
    // 16 Ω: Thevenin 2.857738·16/66 = 0.69278 V vs 31.301 mA·16 Ω = 0.50082 V → current
    const d16 = deliverInto(m, 16);
    expect(d16?.vrms).toBeCloseTo(0.50082, 4);
    expect(d16?.limitedBy).toBe('current');
    // 80 Ω: Thevenin 2.857738·80/130 = 1.758608 V < 2.5041 V cap → voltage
    expect(deliverInto(m, 80)?.vrms).toBeCloseTo(1.758608, 5);
    expect(deliverInto(m, 80)?.limitedBy).toBe('voltage');
  });

  it('an absurd fit means the low-load figure is current limited', () => {
    // 20 mW @ 33 Ω → V1 = √0.66 = 0.812404 V, 24.618 mA; 150 mW @ 300 Ω → V2 = √45 = 6.708204 V, 22.361 mA
    // Z = (6.708204 − 0.812404)/(0.024618 − 0.022361) ≈ 2612 Ω > 150 Ω → I_max = 24.618 mA, V_oc = 6.708204 V
    const m = model({ powerRatings: [{ mw: 20, loadOhm: 33 }, { mw: 150, loadOhm: 300 }] });
    expect(m.inference?.outcome).toBe('current_limited');
    expect(m.inference?.fittedZOutOhm).toBeCloseTo(2611.5, 0);
    expect(m.iMaxMa).toBeCloseTo(24.618, 3);
    expect(m.iMaxBasis).toBe('inferred_two_load');
    expect(m.vocVrms).toBeCloseTo(6.708204, 5);
    expect(m.zOutBasis).toBe('assumed_zero');
    // reproduces the 33 Ω figure: 24.618 mA · 33 Ω = 0.812404 V
    expect(deliverInto(m, 33)?.vrms).toBeCloseTo(0.812404, 5);
    expect(deliverInto(m, 33)?.limitedBy).toBe('current');
    expect(deliverInto(m, 300)?.limitedBy).toBe('power');
  });

  it('a negative fit (voltage falls at the higher load) is read as current limited too', () => {
    // 100 mW @ 32 Ω → 1.788854 V, 55.902 mA; 5 mW @ 300 Ω → 1.224745 V
    // Z = (1.224745 − 1.788854)/(0.055902 − 0.004082) = −10.886 Ω → I_max = 55.902 mA, V_oc = 1.224745 V
    const m = model({ powerRatings: [{ mw: 100, loadOhm: 32 }, { mw: 5, loadOhm: 300 }] });
    expect(m.inference?.fittedZOutOhm).toBeCloseTo(-10.886, 2);
    expect(m.inference?.outcome).toBe('current_limited');
    expect(m.iMaxMa).toBeCloseTo(55.902, 2);
    expect(m.vocVrms).toBeCloseTo(1.224745, 5);
  });

  it('open-circuit voltage plus one loaded figure infers Z_out', () => {
    // 2 V open, 1.5 V into 30 Ω → Z_out = 30·(2/1.5 − 1) = 10 Ω
    const m = model({ voltages: [{ vrms: 2 }, { vrms: 1.5, loadOhm: 30 }] });
    expect(m.zOutOhm).toBeCloseTo(10, 10);
    expect(m.zOutBasis).toBe('inferred_open_vs_loaded');
  });

  it('a third, lower-load figure below the fitted prediction sets a current limit', () => {
    // Fit from 33/300 Ω as above (Z = 61.226, V_oc = 2.9494); add 0.55 V into 16 Ω (34.375 mA)
    // predicted into 16 Ω: 2.9494·16/77.226 = 0.61107 V; 20·log10(0.55/0.61107) = −0.92 dB → I_max = 550/16 = 34.375 mA
    const m = model({ voltages: [...scarlettVoltages.voltages, { vrms: 0.55, loadOhm: 16 }] });
    expect(m.zOutOhm).toBeCloseTo(61.226, 2);
    expect(m.iMaxMa).toBeCloseTo(34.375, 6);
    expect(m.iMaxBasis).toBe('inferred_below_prediction');
  });

  it('an explicit current limit lower than the inferred one wins', () => {
    const m = model({ ...scarlettVoltages, outputImpedanceOhm: 50, maxCurrentMa: 20 });
    expect(m.iMaxMa).toBe(20);
    expect(m.iMaxBasis).toBe('given');
  });
});

describe('gain modes', () => {
  // MacBook (Apple HT212856): up to 1.25 Vrms below 150 Ω, up to 3 Vrms from 150 Ω to 1 kΩ
  const macbook: SourceSpec = {
    gainModes: [
      { name: 'low-impedance', loadRangeOhm: { max: 150 }, voltages: [{ vrms: 1.25 }] },
      { name: 'high-impedance', loadRangeOhm: { min: 150, max: 1000 }, voltages: [{ vrms: 3 }] },
    ],
  };
  it('picks the mode by load', () => {
    expect(figuresForLoad(macbook, 32).map((s) => s.name)).toEqual(['low-impedance']);
    expect(figuresForLoad(macbook, 149.9).map((s) => s.name)).toEqual(['low-impedance']);
    expect(figuresForLoad(macbook, 150).map((s) => s.name)).toEqual(['high-impedance']);
    expect(figuresForLoad(macbook, 300).map((s) => s.name)).toEqual(['high-impedance']);
    // no mode above 1 kΩ: base figures (none) → unknown level
    expect(figuresForLoad(macbook, 2000).map((s) => s.name)).toEqual([null]);
  });
  it('mode figures override the base', () => {
    const spec: SourceSpec = {
      outputImpedanceOhm: 1,
      noiseUv: 2,
      voltages: [{ vrms: 1 }],
      gainModes: [{ name: 'high', voltages: [{ vrms: 4 }], noiseUv: 6 }, { name: 'low' }],
    };
    const sets = figuresForLoad(spec, 32);
    expect(sets[0]?.figures).toEqual({ voltages: [{ vrms: 4 }], outputImpedanceOhm: 1, noiseUv: 6 });
    expect(sets[1]?.figures).toEqual({ voltages: [{ vrms: 1 }], outputImpedanceOhm: 1, noiseUv: 2 });
  });
});
