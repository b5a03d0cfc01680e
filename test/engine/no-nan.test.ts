import { describe, expect, it } from 'vitest';
import {
  evaluateImpedanceOnly,
  evaluateMatch,
  evaluateOutputs,
  findNonFinite,
  rankHeadphonesFor,
  rankSourcesFor,
  DRIVER_TYPES,
  type HeadphoneSpec,
  type SensitivityUnit,
  type SourceSpec,
} from '../../src/engine/index.js';
import { desktop, macbook, phone, scarlett } from './fixtures.js';

/** Every number reachable from `v`, with its path. Written here independently of the engine's own guard. */
function numbers(v: unknown, path = '$', out: [string, number][] = []): [string, number][] {
  if (typeof v === 'number') out.push([path, v]);
  else if (Array.isArray(v)) {
    v.forEach((x, i) => {
      numbers(x, `${path}[${i}]`, out);
    });
  } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) numbers(x, `${path}.${k}`, out);
  return out;
}
function expectAllFinite(v: unknown): void {
  const bad = numbers(v).filter(([, n]) => !Number.isFinite(n));
  expect(bad).toEqual([]);
}

const impedances = [1, 8, 16, 32, 300, 600, 100_000];
const sensitivities = [70, 97, 140];
const units: SensitivityUnit[] = ['dB/mW', 'dB/V', 'unknown'];
const targets = [60, 110, 130];
const sources: SourceSpec[] = [
  {},
  phone,
  desktop,
  macbook,
  scarlett,
  { voltages: [{ vrms: 0.001 }], outputImpedanceOhm: 100_000, noiseUv: 0.001 },
  { voltages: [{ vrms: 1000 }], outputImpedanceOhm: 0, maxCurrentMa: 0.01, noiseUv: 1_000_000 },
  { powerRatings: [{ mw: 0.001, loadOhm: 100_000 }] },
  {
    powerRatings: [
      { mw: 1_000_000, loadOhm: 1 },
      { mw: 1, loadOhm: 100_000 },
    ],
  },
  {
    powerRatings: [
      { mw: 20, loadOhm: 33 },
      { mw: 150, loadOhm: 300 },
    ],
  },
  { voltages: [{ dbu: -57 }, { dbv: -60, loadOhm: 1 }] },
  { outputImpedanceOhm: 5, noiseUv: 3 },
];

describe('no NaN or Infinity in any result', () => {
  it('evaluateMatch over a grid of extreme but valid inputs', () => {
    let n = 0;
    for (const impedanceOhm of impedances)
      for (const value of sensitivities)
        for (const unit of units)
          for (const targetSpl of targets)
            for (const src of sources) {
              const hp: HeadphoneSpec = {
                impedanceOhm,
                sensitivity: { value, unit },
                impedanceMinOhm: impedanceOhm,
                impedanceMaxOhm: impedanceOhm,
                maxPowerMw: 0.001,
                driver: 'planar',
              };
              const r = evaluateMatch(hp, src, { targetSpl });
              expect(r.ok).toBe(true);
              expectAllFinite(r);
              n++;
            }
    expect(n).toBe(7 * 3 * 3 * 3 * sources.length);
  });
  it('headphone without sensitivity', () => {
    for (const src of sources) expectAllFinite(evaluateMatch({ impedanceOhm: 1 }, src));
  });
  it('impedance-only for every driver, impedance and target', () => {
    for (const driver of DRIVER_TYPES)
      for (const z of impedances)
        for (const targetSpl of targets) {
          const r = evaluateImpedanceOnly(z, { driver, targetSpl });
          expect(r.ok).toBe(true);
          expectAllFinite(r);
        }
  });
  it('outputs and reverse queries', () => {
    const hp: HeadphoneSpec = { impedanceOhm: 32, sensitivity: { value: 100, unit: 'unknown' } };
    expectAllFinite(
      evaluateOutputs(
        hp,
        sources.map((spec, i) => ({ id: `o${i}`, spec })),
      ),
    );
    expectAllFinite(
      rankSourcesFor(
        hp,
        sources.map((spec, i) => ({ id: `s${i}`, spec })),
      ),
    );
    expectAllFinite(
      rankHeadphonesFor(
        scarlett,
        impedances.map((z) => ({ id: `h${z}`, spec: { impedanceOhm: z, sensitivity: { value: 140, unit: 'dB/mW' } } })),
      ),
    );
  });
  it('bad inputs give errors, never numbers that are not finite', () => {
    const bad: HeadphoneSpec[] = [
      { impedanceOhm: NaN, sensitivity: { value: 97, unit: 'dB/mW' } },
      { impedanceOhm: Infinity, sensitivity: { value: 97, unit: 'dB/mW' } },
      { impedanceOhm: 1e-300, sensitivity: { value: 97, unit: 'dB/mW' } },
      { impedanceOhm: 32, sensitivity: { value: Infinity, unit: 'dB/mW' } },
    ];
    for (const hp of bad) {
      const r = evaluateMatch(hp, phone);
      expect(r.ok).toBe(false);
      expectAllFinite(r);
    }
    const badSources: SourceSpec[] = [
      { voltages: [{ vrms: 5e-324 }] },
      { voltages: [{ dbu: -1e6 }] },
      { powerRatings: [{ mw: 5e-324, loadOhm: 32 }] },
      { voltages: [{ vrms: 1 }], maxCurrentMa: 5e-324 },
      { voltages: [{ vrms: 1 }], noiseUv: 5e-324 },
      { voltages: [{ vrms: Infinity }] },
    ];
    for (const src of badSources) {
      const r = evaluateMatch({ impedanceOhm: 32, sensitivity: { value: 100, unit: 'dB/V' } }, src);
      expect(r.ok).toBe(false);
    }
  });
  it("the engine's own guard finds non-finite numbers", () => {
    expect(findNonFinite({ a: [1, { b: NaN }] })).toBe('result.a[1].b');
    expect(findNonFinite({ a: [1, { b: 2 }], c: null })).toBeNull();
  });
});
