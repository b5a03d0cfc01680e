import { describe, expect, it } from 'vitest';
import {
  buildSourceModel,
  deliverInto,
  translatePowerRating,
  figuresForLoad,
  type SourceModel,
  type SourceSpec,
} from '../../src/engine/index.js';
import { texts } from './helpers.js';

function model(spec: SourceSpec): SourceModel {
  const b = buildSourceModel(spec);
  if (!b.ok) throw new Error(texts(b.problems).join(' | '));
  return b.model;
}

/** Scarlett 2i2 4th Gen headphone out as quoted: +2.5 dBu into 33 Ω, +10 dBu into 300 Ω. */
const scarlettVoltages = {
  voltages: [
    { dbu: 2.5, loadOhm: 33 },
    { dbu: 10, loadOhm: 300 },
  ],
};

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
    expect(m.vocBasis).toBeNull();
    expect(m.points[0]?.basis).toBe('power_rating');
    expect(m.zOutBasis).toBe('assumed_zero');
    expect(m.iMaxBasis).toBe('lowest_rated_load');
    expect(m.iMaxMa).toBeCloseTo(31.623, 3);
  });
});

describe('ratings at several loads: a voltage ceiling per load, never a fitted output impedance', () => {
  // Maximum ratings at two loads mark where the output clips or runs out of current at each load
  // (shared/notes/amp-matching.md, corrected): no Z_out is fitted to them.
  it('Scarlett 2i2 4th Gen (+2.5 dBu into 33 Ω, +10 dBu into 300 Ω, no Z_out): ceilings, not 61 Ω', () => {
    // V1 = 0.7746·10^(2.5/20) = 1.032941 V @ 33 Ω, V2 = 0.7746·10^(10/20) = 2.449490 V @ 300 Ω
    const m = model(scarlettVoltages);
    expect(m.zOutOhm).toBe(0);
    expect(m.zOutBasis).toBe('assumed_zero');
    expect(m.vocVrms).toBeNull();
    // below the lowest rated load the current stays at V1/R1 = 1032.941/33 = 31.301 mA
    expect(m.iMaxMa).toBeCloseTo(31.301, 3);
    expect(m.iMaxBasis).toBe('lowest_rated_load');
    expect(deliverInto(m, 33)?.vrms).toBeCloseTo(1.032941, 5);
    expect(deliverInto(m, 33)?.basis).toBe('rated_point');
    expect(deliverInto(m, 300)?.vrms).toBeCloseTo(2.44949, 5);
    // between: k = ln(2.449490/1.032941)/ln(300/33) = 0.863470/2.207275 = 0.391193
    // 80 Ω: 1.032941·(80/33)^0.391193 = 1.460558 V; 38 Ω: 1.032941·(38/33)^0.391193 = 1.091551 V
    const d80 = deliverInto(m, 80);
    expect(d80?.vrms).toBeCloseTo(1.460558, 5);
    expect(d80?.basis).toBe('interpolated');
    expect(d80?.ceilingFrom.map((p) => p.loadOhm)).toEqual([33, 300]);
    expect(deliverInto(m, 38)?.vrms).toBeCloseTo(1.091551, 5);
    // 16 Ω: 31.301 mA · 16 Ω = 0.500820 V, current limited (no power extrapolated below the rated load)
    const d16 = deliverInto(m, 16);
    expect(d16?.vrms).toBeCloseTo(0.50082, 5);
    expect(d16?.limitedBy).toBe('current');
    expect(d16?.basis).toBe('below_lowest_rating');
    // 600 Ω: held at the 300 Ω ceiling, 2.449490 V
    expect(deliverInto(m, 600)?.vrms).toBeCloseTo(2.44949, 5);
    expect(deliverInto(m, 600)?.basis).toBe('above_highest_rating');
  });

  it('voltages and power ratings together: the lowest figure per load', () => {
    // 32 mW @ 33 → √1.056 = 1.027619 V (< 1.032941); 22 mW @ 300 → √6.6 = 2.569047 V (> 2.449490)
    const m = model({
      ...scarlettVoltages,
      powerRatings: [
        { mw: 32, loadOhm: 33 },
        { mw: 22, loadOhm: 300 },
      ],
    });
    expect(m.points).toHaveLength(2);
    expect(m.points[0]?.vrms).toBeCloseTo(1.027619, 5);
    expect(m.points[0]?.basis).toBe('power_rating');
    expect(m.points[1]?.vrms).toBeCloseTo(2.44949, 5);
    expect(m.zOutBasis).toBe('assumed_zero');
  });

  it('with the stated 50 Ω: V_oc from the 300 Ω rating, and the ceilings still bind', () => {
    // V_oc = 2.449490·(300 + 50)/300 = 2.857738 V
    const m = model({ ...scarlettVoltages, outputImpedanceOhm: 50 });
    expect(m.vocVrms).toBeCloseTo(2.857738, 5);
    expect(m.vocBasis).toBe('rating_plus_zout');
    expect(m.zOutBasis).toBe('given');
    // 33 Ω: divider 2.857738·33/83 = 1.136209 V, ceiling 1.032941 V → the rating binds
    expect(deliverInto(m, 33)?.theveninVrms).toBeCloseTo(1.136209, 5);
    expect(deliverInto(m, 33)?.vrms).toBeCloseTo(1.032941, 5);
    // 80 Ω: divider 2.857738·80/130 = 1.758608 V, interpolated ceiling 1.460558 V → ceiling
    expect(deliverInto(m, 80)?.vrms).toBeCloseTo(1.460558, 5);
    // 600 Ω: divider 2.857738·600/650 = 2.637912 V; ceiling above 300 Ω rises towards V_oc only when an unloaded
    // maximum is given, so it stays at 2.449490 V
    expect(deliverInto(m, 600)?.vrms).toBeCloseTo(2.44949, 5);
  });

  it('ratings far apart (20 mW @ 33 Ω, 150 mW @ 300 Ω): interpolated, power-limited between them', () => {
    // V1 = √0.66 = 0.812404 V, V2 = √45 = 6.708204 V; k = ln(8.257231)/ln(9.090909) = 0.956423
    // 100 Ω: 0.812404·(100/33)^0.956423 = 2.345721 V
    const m = model({
      powerRatings: [
        { mw: 20, loadOhm: 33 },
        { mw: 150, loadOhm: 300 },
      ],
    });
    const d = deliverInto(m, 100);
    expect(d?.vrms).toBeCloseTo(2.345721, 5);
    expect(d?.limitedBy).toBe('power');
    // below 33 Ω: 24.618 mA
    expect(m.iMaxMa).toBeCloseTo(24.618, 3);
    expect(deliverInto(m, 16)?.vrms).toBeCloseTo(0.393893, 5);
  });

  it('a rating that falls at the higher load (100 mW @ 32 Ω, 5 mW @ 300 Ω) still reads as two ceilings', () => {
    // V1 = √3.2 = 1.788854 V, V2 = √1.5 = 1.224745 V; k = ln(0.684653)/ln(9.375) = −0.169274
    // 100 Ω: 1.788854·(100/32)^−0.169274 = 1.475060 V
    const m = model({
      powerRatings: [
        { mw: 100, loadOhm: 32 },
        { mw: 5, loadOhm: 300 },
      ],
    });
    expect(deliverInto(m, 100)?.vrms).toBeCloseTo(1.47506, 5);
    expect(deliverInto(m, 600)?.vrms).toBeCloseTo(1.224745, 5);
  });

  it(
    'an unloaded maximum and one loaded figure: no Z_out inferred; the ceiling rises towards V_oc above the ' +
      'rating',
    () => {
      // 2 V open, 1.5 V into 30 Ω. Not a Z_out of 30·(2/1.5 − 1) = 10 Ω: a maximum into a load is not a divider.
      const m = model({ voltages: [{ vrms: 2 }, { vrms: 1.5, loadOhm: 30 }] });
      expect(m.zOutOhm).toBe(0);
      expect(m.zOutBasis).toBe('assumed_zero');
      expect(m.vocVrms).toBe(2);
      expect(deliverInto(m, 30)?.vrms).toBeCloseTo(1.5, 10);
      // above: Zs = 30·(2/1.5 − 1) = 10 Ω shapes the ceiling only: 2·300/310 = 1.935484 V
      expect(deliverInto(m, 300)?.vrms).toBeCloseTo(1.935484, 5);
      // below: 50 mA · 15 Ω = 0.75 V
      expect(deliverInto(m, 15)?.vrms).toBeCloseTo(0.75, 10);
      expect(deliverInto(m, 15)?.limitedBy).toBe('current');
    },
  );

  it('a stated current limit caps every load, and the lower limit wins', () => {
    const m = model({ ...scarlettVoltages, outputImpedanceOhm: 50, maxCurrentMa: 20 });
    expect(m.iMaxMa).toBe(20);
    expect(m.iMaxBasis).toBe('given');
    // 33 Ω: 20 mA · 33 Ω = 0.66 V < 1.032941 V
    expect(deliverInto(m, 33)?.vrms).toBeCloseTo(0.66, 10);
    expect(deliverInto(m, 33)?.basis).toBe('current_limit');
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
