import { describe, expect, it } from 'vitest';
import {
  dbMwToDbV,
  dbVToDbMw,
  dbuToVrms,
  dbvToVrms,
  vrmsToDbu,
  vrmsToDbv,
  vppToVrms,
  vpkToVrms,
  mwToVrms,
  vrmsToMw,
  vrmsToMa,
  unitOffsetDb,
  splAtVoltage,
  voltageForSpl,
} from '../../src/engine/index.js';

describe('sensitivity conversions', () => {
  it('HD 558: 99 dB/mW at 50 Ω is 112 dB/V (Sennheiser lists both)', () => {
    // 10·log10(1000/50) = 10·log10(20) = 13.0103 → 99 + 13.0103 = 112.0103
    expect(dbMwToDbV(99, 50)).toBeCloseTo(112.0103, 3);
    expect(dbVToDbMw(112, 50)).toBeCloseTo(98.9897, 3);
  });
  it('HD 600 97 dB/mW at 300 Ω → 102.23 dB/V', () => {
    // 10·log10(1000/300) = 10·log10(3.3333) = 5.2288 → 102.2288
    expect(dbMwToDbV(97, 300)).toBeCloseTo(102.2288, 3);
  });
  it('ATH-M50x 99 dB/mW at 38 Ω → 113.2 dB/V', () => {
    // 1000/38 = 26.316 → 10·log10 = 14.2022 → 113.2022
    expect(dbMwToDbV(99, 38)).toBeCloseTo(113.2022, 3);
  });
  it('offset is 0 at 1 kΩ and the conversions invert each other', () => {
    expect(unitOffsetDb(1000)).toBe(0);
    // 600 Ω: 10·log10(1.6667) = 2.2185
    expect(unitOffsetDb(600)).toBeCloseTo(2.2185, 3);
    expect(dbVToDbMw(dbMwToDbV(93.5, 16), 16)).toBeCloseTo(93.5, 10);
  });
  it('does not use a natural log (the 6.8 dB calculator bug at 300 Ω)', () => {
    // ln(1000/300) = 1.204 → 10·ln = 12.04, vs the right 5.23: differ by 6.8 dB
    expect(unitOffsetDb(300)).not.toBeCloseTo(12.04, 1);
  });
});

describe('levels', () => {
  it('dBu → Vrms', () => {
    // 0 dBu = √0.6 = 0.774597 V
    expect(dbuToVrms(0)).toBeCloseTo(0.774597, 5);
    // +4 dBu = 0.774597·10^(0.2) = 0.774597·1.584893 = 1.227653
    expect(dbuToVrms(4)).toBeCloseTo(1.22765, 4);
    // +10 dBu = 0.774597·3.162278 = 2.449490 (Scarlett 2i2 4th Gen into 300 Ω)
    expect(dbuToVrms(10)).toBeCloseTo(2.44949, 4);
    // +2.5 dBu = 0.774597·1.333521 = 1.032941
    expect(dbuToVrms(2.5)).toBeCloseTo(1.03294, 4);
    // +13 dBu = 0.774597·4.466836 = 3.460
    expect(dbuToVrms(13)).toBeCloseTo(3.46, 3);
    expect(vrmsToDbu(dbuToVrms(7.3))).toBeCloseTo(7.3, 10);
  });
  it('dBV → Vrms', () => {
    expect(dbvToVrms(0)).toBe(1);
    // −2 dBV = 10^(−0.1) = 0.794328
    expect(dbvToVrms(-2)).toBeCloseTo(0.794328, 5);
    // 20·log10(2) = 6.0206
    expect(vrmsToDbv(2)).toBeCloseTo(6.0206, 4);
  });
  it('Vpp and Vpk of a sine', () => {
    // 3 Vpp / (2·1.414214) = 3 / 2.828427 = 1.060660
    expect(vppToVrms(3)).toBeCloseTo(1.06066, 5);
    // 4 Vpk / 1.414214 = 2.828427
    expect(vpkToVrms(4)).toBeCloseTo(2.828427, 5);
  });
  it('power, voltage and current', () => {
    // √(32·32/1000) = √1.024 = 1.011929
    expect(mwToVrms(32, 32)).toBeCloseTo(1.011929, 5);
    // 1000·2²/300 = 13.333 mW
    expect(vrmsToMw(2, 300)).toBeCloseTo(13.3333, 3);
    // 1000·2/300 = 6.6667 mA
    expect(vrmsToMa(2, 300)).toBeCloseTo(6.6667, 3);
  });
  it('SPL from voltage and back', () => {
    // 102 + 20·log10(2) = 102 + 6.0206 = 108.0206
    expect(splAtVoltage(102, 2)).toBeCloseTo(108.0206, 3);
    // 10^((110 − 103)/20) = 10^0.35 = 2.238721
    expect(voltageForSpl(103, 110)).toBeCloseTo(2.238721, 5);
  });
});
