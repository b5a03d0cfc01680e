import { describe, expect, it } from 'vitest';
import {
  parseCurrent,
  parseImpedance,
  parseLevel,
  parseNoise,
  parsePowerRating,
  parseSensitivity,
  parseVoltageRating,
  type ParseResult,
} from '../../src/understand/spec-parse.js';

function value<T>(r: ParseResult<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
function error<T>(r: ParseResult<T>): string {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  return r.error;
}

describe('parseSensitivity', () => {
  it.each([
    ['97 dB/mW', 97, 'dB/mW'],
    ['97db spl/mw', 97, 'dB/mW'],
    ['97 dB SPL/mW', 97, 'dB/mW'],
    ['97dBSPL/1mW', 97, 'dB/mW'],
    ['97 dB @ 1 mW', 97, 'dB/mW'],
    ['97 dB per mW', 97, 'dB/mW'],
    ['96 dB/mW @ 500 Hz', 96, 'dB/mW'],
    ['102 dB/V', 102, 'dB/V'],
    ['102 dB SPL/Vrms', 102, 'dB/V'],
    ['102 dB/1V (1 kHz)', 102, 'dB/V'],
    ['97 dB', 97, 'unknown'],
    ['97 dB SPL', 97, 'unknown'],
    ['97', 97, 'unknown'],
    ['105.7 dB/V', 105.7, 'dB/V'],
  ] as const)('%s', (input, v, unit) => {
    expect(value(parseSensitivity(input))).toEqual({ value: v, unit });
  });
  it('"102dBV" is read as per volt, and flagged', () => {
    expect(value(parseSensitivity('102dBV'))).toEqual({ value: 102, unit: 'dB/V', note: 'dBV_read_as_per_volt' });
  });
  it('errors', () => {
    expect(error(parseSensitivity('97 dB/W'))).toMatch(/Unknown sensitivity unit in "97 dB\/W"/);
    expect(error(parseSensitivity('loud'))).toMatch(/Can't read "loud" as a sensitivity/);
    expect(error(parseSensitivity('150 dB/mW'))).toMatch(/150 dB .* outside the plausible 70–140 dB range/);
    expect(error(parseSensitivity('97 ohm'))).toMatch(/Can't read/);
  });
});

describe('parseImpedance', () => {
  it.each([
    ['250', 250],
    ['250 ohm', 250],
    ['250Ω', 250],
    ['250 Ω', 250],
    ['250\u2126', 250], // the ohm sign
    ['250-ohm', 250],
    ['250ohms', 250],
    ['32 Ohm', 32],
    ['1k', 1000],
    ['1 kohm', 1000],
    ['1.2 kΩ', 1200],
    ['47R', 47],
  ] as const)('%s', (input, ohms) => {
    expect(value(parseImpedance(input))).toBe(ohms);
  });
  it('errors', () => {
    expect(error(parseImpedance('0 ohm'))).toMatch(/greater than 0/);
    expect(error(parseImpedance('-32'))).toMatch(/greater than 0/);
    expect(error(parseImpedance('200k'))).toMatch(/above 100 kΩ/);
    expect(error(parseImpedance('32 mW'))).toMatch(/Can't read "32 mW" as an impedance/);
  });
});

describe('parseLevel', () => {
  it.each([
    ['1.2 Vrms', 1.2, 'Vrms'],
    ['1.2V', 1.2, 'Vrms'],
    ['2 V rms', 2, 'Vrms'],
    ['1200 mV', 1.2, 'mVrms'],
    // +13 dBu = 0.774597·10^(13/20) = 0.774597·4.466836 = 3.459996
    ['+13 dBu', 3.459996, 'dBu'],
    ['13dBu', 3.459996, 'dBu'],
    // −2 dBV = 10^(−0.1) = 0.794328
    ['-2 dBV', 0.794328, 'dBV'],
    ['−2 dBV', 0.794328, 'dBV'], // unicode minus
    // 3 Vpp / 2√2 = 1.060660
    ['3 Vpp', 1.06066, 'Vpp'],
    ['3 V p-p', 1.06066, 'Vpp'],
    // 4 Vpk / √2 = 2.828427
    ['4 Vpk', 2.828427, 'Vpk'],
    ['4 Vp', 2.828427, 'Vpk'],
    ['4 V peak', 2.828427, 'Vpk'],
  ] as const)('%s', (input, vrms, unit) => {
    const v = value(parseLevel(input));
    expect(v.vrms).toBeCloseTo(vrms, 5);
    expect(v.given.unit).toBe(unit);
  });
  it('errors', () => {
    expect(error(parseLevel('102 dBV'))).toMatch(/125900 Vrms.*did you mean a sensitivity/);
    expect(error(parseLevel('0 V'))).toMatch(/greater than 0/);
    expect(error(parseLevel('2 A'))).toMatch(/Can't read "2 A" as an output level/);
  });
});

describe('parsePowerRating', () => {
  it.each([
    ['300 mW @ 32 Ω', 300, 32],
    ['300mW@32ohm', 300, 32],
    ['30mW into 32 ohms', 30, 32],
    ['1.5 W @ 32 Ω', 1500, 32],
    ['32 mW at 33 ohms', 32, 33],
    ['22 mW (300 Ω)', 22, 300],
    ['100 mW/16Ω', 100, 16],
  ] as const)('%s', (input, mw, loadOhm) => {
    expect(value(parsePowerRating(input))).toEqual({ mw, loadOhm });
  });
  it('errors', () => {
    expect(error(parsePowerRating('300 mW'))).toMatch(/Can't read "300 mW" as a power rating/);
    expect(error(parsePowerRating('0 mW @ 32 Ω'))).toMatch(/greater than 0/);
    expect(error(parsePowerRating('10 mW @ 0 Ω'))).toMatch(/Load .* between/);
  });
});

describe('parseCurrent', () => {
  it('mA and A', () => {
    expect(value(parseCurrent('100 mA'))).toBe(100);
    expect(value(parseCurrent('100mA rms'))).toBe(100);
    expect(value(parseCurrent('0.25 A'))).toBe(250);
  });
  it('errors', () => {
    expect(error(parseCurrent('0 mA'))).toMatch(/greater than 0 mA/);
    expect(error(parseCurrent('100 mW'))).toMatch(/Can't read "100 mW" as a current/);
  });
});

describe('parseVoltageRating', () => {
  it('loaded and unloaded', () => {
    // +10 dBu = 2.449490 V into 300 Ω
    const a = value(parseVoltageRating('+10 dBu into 300 Ω'));
    expect(a.vrms).toBeCloseTo(2.44949, 5);
    expect(a.loadOhm).toBe(300);
    expect(value(parseVoltageRating('1.03 Vrms at 33Ω')).loadOhm).toBe(33);
    expect(value(parseVoltageRating('2.45 V @ 300 ohm')).vrms).toBe(2.45);
    const open = value(parseVoltageRating('2 Vrms (open circuit)'));
    expect(open.loadOhm).toBeUndefined();
    expect(open.vrms).toBe(2);
  });
  it('errors', () => {
    expect(error(parseVoltageRating('2 V into lots'))).toMatch(/Can't read the load/);
  });
});

describe('parseNoise', () => {
  it('µV, uV, dBV', () => {
    expect(value(parseNoise('3 µV'))).toBe(3);
    expect(value(parseNoise('3 μV'))).toBe(3);
    expect(value(parseNoise('3uV'))).toBe(3);
    expect(value(parseNoise('0.003 mV'))).toBeCloseTo(3, 10);
    // −110 dBV = 10^(−5.5) V = 3.1623 µV
    expect(value(parseNoise('-110 dBV'))).toBeCloseTo(3.1623, 3);
  });
  it('errors', () => {
    expect(error(parseNoise('quiet'))).toMatch(/Can't read "quiet" as a noise level/);
  });
});
