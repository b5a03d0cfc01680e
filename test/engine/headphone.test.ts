import { describe, expect, it } from 'vitest';
import { requirementsAt, requirementsFor, type HeadphoneSpec } from '../../src/engine/index.js';

describe('requirements at the target (note: worked numbers)', () => {
  it('HD 600, 300 Ω, 97 read per mW (S_V = 97 + 5.2288 = 102.2288)', () => {
    // 105: 10^((105 − 102.2288)/20) = 10^0.138561 = 1.3758 V; 10^((105 − 97)/10) = 10^0.8 = 6.3096 mW
    const r105 = requirementsAt(97, 'dB/mW', 300, 105);
    expect(r105.sensitivityDbV).toBeCloseTo(102.2288, 3);
    expect(r105.vrms).toBeCloseTo(1.3758, 3);
    expect(r105.mw).toBeCloseTo(6.3096, 3);
    // 110: 10^(7.7712/20) = 10^0.38856 = 2.4466 V; 10^1.3 = 19.953 mW; 2446.6/300 = 8.155 mA
    const r110 = requirementsAt(97, 'dB/mW', 300, 110);
    expect(r110.vrms).toBeCloseTo(2.4466, 3);
    expect(r110.mw).toBeCloseTo(19.953, 2);
    expect(r110.ma).toBeCloseTo(8.155, 2);
    // 115: 10^(12.7712/20) = 4.3507 V; 10^1.8 = 63.096 mW
    const r115 = requirementsAt(97, 'dB/mW', 300, 115);
    expect(r115.vrms).toBeCloseTo(4.3507, 3);
    expect(r115.mw).toBeCloseTo(63.096, 2);
  });

  it('HD 600 if 97 dB per volt', () => {
    // 105: 10^(8/20) = 2.5119 V
    expect(requirementsAt(97, 'dB/V', 300, 105).vrms).toBeCloseTo(2.5119, 3);
    // 110: 10^(13/20) = 4.4668 V; 1000·4.4668²/300 = 1000·19.953/300 = 66.51 mW
    const r = requirementsAt(97, 'dB/V', 300, 110);
    expect(r.vrms).toBeCloseTo(4.4668, 3);
    expect(r.mw).toBeCloseTo(66.51, 1);
    expect(r.sensitivityDbMw).toBeCloseTo(91.7712, 3); // 97 − 5.2288
    // 115: 10^(18/20) = 7.9433 V; 1000·63.096/300 = 210.32 mW
    const r115 = requirementsAt(97, 'dB/V', 300, 115);
    expect(r115.vrms).toBeCloseTo(7.9433, 3);
    expect(r115.mw).toBeCloseTo(210.32, 1);
  });

  it('HD 650, 300 Ω, 103 dB/V', () => {
    // 105: 10^(2/20) = 1.2589 V; 110: 10^(7/20) = 2.2387 V, 1000·5.0119/300 = 16.706 mW; 115: 10^(12/20) = 3.9811 V
    expect(requirementsAt(103, 'dB/V', 300, 105).vrms).toBeCloseTo(1.2589, 3);
    const r = requirementsAt(103, 'dB/V', 300, 110);
    expect(r.vrms).toBeCloseTo(2.2387, 3);
    expect(r.mw).toBeCloseTo(16.706, 2);
    expect(requirementsAt(103, 'dB/V', 300, 115).vrms).toBeCloseTo(3.9811, 3);
  });

  it('DT 770 Pro 250 Ω, 96 dB/mW (S_V = 96 + 10·log10(4) = 102.0206)', () => {
    // 105: 10^((105 − 102.0206)/20) = 10^0.14897 = 1.4092 V
    expect(requirementsAt(96, 'dB/mW', 250, 105).vrms).toBeCloseTo(1.4092, 3);
    // 110: 10^0.39897 = 2.5059 V; 10^1.4 = 25.119 mW; 2505.9/250 = 10.024 mA
    const r = requirementsAt(96, 'dB/mW', 250, 110);
    expect(r.sensitivityDbV).toBeCloseTo(102.0206, 3);
    expect(r.vrms).toBeCloseTo(2.5059, 3);
    expect(r.mw).toBeCloseTo(25.119, 2);
    expect(r.ma).toBeCloseTo(10.024, 2);
    // 115: 10^0.64897 = 4.4563 V; 10^1.9 = 79.433 mW
    const r115 = requirementsAt(96, 'dB/mW', 250, 115);
    expect(r115.vrms).toBeCloseTo(4.4563, 3);
    expect(r115.mw).toBeCloseTo(79.433, 2);
  });

  it('Sundara, measured 105.7 dB/V at 38 Ω', () => {
    // 105: 10^(−0.7/20) = 0.9226 V; 110: 10^(4.3/20) = 1.6406 V, 1000·2.6915/38 = 70.83 mW, 1640.6/38 = 43.17 mA
    expect(requirementsAt(105.7, 'dB/V', 38, 105).vrms).toBeCloseTo(0.9226, 3);
    const r = requirementsAt(105.7, 'dB/V', 38, 110);
    expect(r.vrms).toBeCloseTo(1.6406, 3);
    expect(r.mw).toBeCloseTo(70.83, 1);
    expect(r.ma).toBeCloseTo(43.17, 1);
    // 115: 10^(9.3/20) = 2.9174 V
    expect(requirementsAt(105.7, 'dB/V', 38, 115).vrms).toBeCloseTo(2.9174, 3);
  });

  it('ATH-M50x, 38 Ω, 99 dB/mW (S_V = 113.2022)', () => {
    // 105: 10^(−8.2022/20) = 0.3889 V
    expect(requirementsAt(99, 'dB/mW', 38, 105).vrms).toBeCloseTo(0.3889, 3);
    // 110: 10^(−3.2022/20) = 0.6917 V; 10^1.1 = 12.589 mW; 691.7/38 = 18.20 mA
    const r = requirementsAt(99, 'dB/mW', 38, 110);
    expect(r.vrms).toBeCloseTo(0.6917, 3);
    expect(r.mw).toBeCloseTo(12.589, 2);
    expect(r.ma).toBeCloseTo(18.2, 1);
    // 115: 10^(1.7978/20) = 1.2300 V
    expect(requirementsAt(99, 'dB/mW', 38, 115).vrms).toBeCloseTo(1.23, 3);
  });

  it("xnor's measured regression rows at 110 dB", () => {
    // ATH-M50 115 dB/V 38 Ω: 10^(−5/20) = 0.56234 V; 562.34/38 = 14.798 mA; 1000·0.31623/38 = 8.322 mW
    const m50 = requirementsAt(115, 'dB/V', 38, 110);
    expect(m50.vrms).toBeCloseTo(0.562, 3);
    expect(m50.ma).toBeCloseTo(14.8, 1);
    expect(m50.mw).toBeCloseTo(8.32, 2);
    // K701 105 dB/V 65 Ω: 10^(5/20) = 1.77828 V; 1778.28/65 = 27.36 mA; 1000·3.16228/65 = 48.65 mW
    const k701 = requirementsAt(105, 'dB/V', 65, 110);
    expect(k701.vrms).toBeCloseTo(1.778, 3);
    expect(k701.ma).toBeCloseTo(27.4, 1);
    expect(k701.mw).toBeCloseTo(48.7, 1);
    // LCD-2 108 dB/V 45 Ω: 10^(2/20) = 1.25893 V; 1258.93/45 = 27.98 mA; 1000·1.58489/45 = 35.22 mW
    const lcd2 = requirementsAt(108, 'dB/V', 45, 110);
    expect(lcd2.vrms).toBeCloseTo(1.259, 3);
    expect(lcd2.ma).toBeCloseTo(28.0, 1);
    expect(lcd2.mw).toBeCloseTo(35.2, 1);
  });
});

describe('requirementsFor', () => {
  const hd600Unknown: HeadphoneSpec = { impedanceOhm: 300, sensitivity: { value: 97, unit: 'unknown' } };
  it('defaults to 110 dB and returns the more demanding reading for an unknown unit', () => {
    const r = requirementsFor(hd600Unknown);
    // per-volt reading needs 4.4668 V vs 2.4466 V per mW
    expect(r?.unitUsed).toBe('dB/V');
    expect(r?.ambiguous).toBe(true);
    expect(r?.vrms).toBeCloseTo(4.4668, 3);
  });
  it('readAs picks a reading', () => {
    expect(requirementsFor(hd600Unknown, 110, 'dB/mW')?.vrms).toBeCloseTo(2.4466, 3);
  });
  it('returns null without sensitivity', () => {
    expect(requirementsFor({ impedanceOhm: 300 })).toBeNull();
  });
  it('honours other targets', () => {
    // 103 dB/V, target 90: 10^(−13/20) = 0.22387 V
    expect(requirementsFor({ impedanceOhm: 300, sensitivity: { value: 103, unit: 'dB/V' } }, 90)?.vrms).toBeCloseTo(
      0.22387,
      4,
    );
  });
});
