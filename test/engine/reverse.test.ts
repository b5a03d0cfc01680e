import { describe, expect, it } from 'vitest';
import { rankHeadphonesFor, rankSourcesFor, type MultiOutputSource, type SourceSpec } from '../../src/engine/index.js';
import { texts, unwrap } from './helpers.js';
import { desktop, hd600Ambiguous, hd650, m50x, macbook, phone, scarlett, sundara } from './fixtures.js';

describe('which sources drive this headphone', () => {
  const dap: MultiOutputSource = {
    outputs: [
      { id: 'se', spec: { voltages: [{ vrms: 2 }], outputImpedanceOhm: 1 } },
      { id: 'bal', balanced: true, spec: { voltages: [{ vrms: 4 }], outputImpedanceOhm: 2 } },
    ],
  };
  const items: { id: string; spec: SourceSpec | MultiOutputSource }[] = [
    { id: 'phone', spec: phone },
    { id: 'scarlett', spec: scarlett },
    { id: 'desktop', spec: desktop },
    { id: 'macbook', spec: macbook },
    { id: 'dap', spec: dap },
    { id: 'broken', spec: { outputImpedanceOhm: -1 } },
  ];
  const r = unwrap(rankSourcesFor(hd650, items));
  it('ranks by headroom, highest first', () => {
    // HD 650 (103 dB/V, 300 Ω) at 110 dB:
    // desktop 7·300/300.5 → 103 + 16.8875 − 110 = +9.8875
    // dap balanced 4·300/302 → +4.9835 (best output)
    // macbook 3 V → 103 + 9.5424 − 110 = +2.5424
    // scarlett 2.857738·300/350 = 2.449490 V → 103 + 7.7815 − 110 = +0.7815
    // phone 300/301 → −7.0289
    expect(r.ranked.map((x) => x.id)).toEqual(['desktop', 'dap', 'macbook', 'scarlett', 'phone']);
    expect(r.ranked.map((x) => x.headroomDb)).toEqual([
      expect.closeTo(9.8875, 3),
      expect.closeTo(4.9835, 3),
      expect.closeTo(2.5424, 3),
      expect.closeTo(0.7815, 3),
      expect.closeTo(-7.0289, 3),
    ]);
    expect(r.ranked[1]?.outputId).toBe('bal');
  });
  it('lists the ones that drive it', () => {
    expect(r.drives.map((x) => x.id)).toEqual(['desktop', 'dap', 'macbook', 'scarlett']);
  });
  it('reports invalid items instead of failing', () => {
    expect(r.invalid.map((x) => ({ id: x.id, problems: texts(x.problems) }))).toEqual([
      { id: 'broken', problems: ['Output impedance must be a finite number 0 Ω or more; got -1.'] },
    ]);
    expect(r.invalid[0]?.problems[0]).toMatchObject({ code: 'not_a_number', sign: 'zero_or_more' });
  });
});

describe('which headphones this source drives', () => {
  const items = [
    { id: 'hd650', spec: hd650 },
    { id: 'sundara', spec: sundara },
    { id: 'm50x', spec: m50x },
    { id: 'hd600', spec: hd600Ambiguous },
    { id: 'nothing-known', spec: { impedanceOhm: 80 } },
  ];
  it('Scarlett 2i2 4th Gen', () => {
    // m50x: the ratings' ceiling into 38 Ω, 1.086285 V (see match.test.ts) → 113.2022 + 0.7188 − 110 = +3.9210
    // hd650: +0.7815; sundara: −3.5811 (marginal)
    // hd600 "97 dB": per mW 102.2288 + 7.7815 − 110 = +0.0103 (fine), per V 97 + 7.7815 − 110 = −5.2185 (marginal)
    //   → depends, reported headroom −5.2185 (conservative)
    // nothing-known: no sensitivity → unknown, last
    const r = unwrap(rankHeadphonesFor(scarlett, items));
    expect(r.ranked.map((x) => x.id)).toEqual(['m50x', 'hd650', 'sundara', 'hd600', 'nothing-known']);
    expect(r.ranked[0]?.headroomDb).toBeCloseTo(3.921, 3);
    expect(r.ranked[3]?.verdict).toBe('depends');
    expect(r.ranked[3]?.headroomDb).toBeCloseTo(-5.2185, 3);
    expect(r.ranked[4]?.verdict).toBe('unknown');
    expect(r.drives.map((x) => x.id)).toEqual(['m50x', 'hd650']);
  });
  it("minVerdict 'marginal' widens the list (but never includes depends)", () => {
    const r = unwrap(rankHeadphonesFor(scarlett, items, { minVerdict: 'marginal' }));
    expect(r.drives.map((x) => x.id)).toEqual(['m50x', 'hd650', 'sundara']);
  });
  it('honours the target and flags invalid headphones', () => {
    const r = unwrap(
      rankHeadphonesFor(
        macbook,
        [
          { id: 'hd650', spec: hd650 },
          { id: 'bad', spec: { impedanceOhm: 0 } },
        ],
        { targetSpl: 105 },
      ),
    );
    // 103 + 9.5424 − 105 = +7.5424
    expect(r.ranked[0]?.headroomDb).toBeCloseTo(7.5424, 3);
    expect(r.invalid[0]?.id).toBe('bad');
  });
  it('a multi-output source uses its best output per headphone', () => {
    const r = unwrap(
      rankHeadphonesFor(
        {
          outputs: [
            { id: 'se', spec: phone },
            { id: 'bal', spec: desktop },
          ],
        },
        [{ id: 'hd650', spec: hd650 }],
      ),
    );
    expect(r.ranked[0]?.outputId).toBe('bal');
  });
  it('empty lists are fine', () => {
    expect(unwrap(rankHeadphonesFor(scarlett, []))).toEqual({ ranked: [], drives: [], invalid: [] });
  });
});
