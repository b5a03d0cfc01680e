import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Brain } from '../../src/answer/brain.js';
import { answerToJson } from '../../src/cli/json.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { mathStepMarkdown } from '../../src/render/headline.js';

const brain = new Brain(loadKnowledge());
const root = new URL('../../', import.meta.url).pathname;
const cli = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });

function walkNumbers(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => walkNumbers(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => walkNumbers(v, `${path}.${k}`));
  return [];
}

function matchOf(answer: ReturnType<Brain['match']>) {
  const json = answerToJson(answer);
  expect(json.kind, json.text).toBe('match');
  expect(walkNumbers(json)).toEqual([]);
  return json.match as {
    verdict: string;
    headphone: { id: string; name: string } | null;
    source: { id: string; name: string } | null;
    headroomDb: number | null;
    required: { vrms: number; mw: number; ma: number };
    available: { vrms: number; mw: number } | null;
    limitedBy: string | null;
    warnings: { code: string }[];
    targetSpl: number;
    maxSpl: number | null;
  };
}

describe('drive checks with raw figures', () => {
  it('32 Ω 100 dB/mW on a 1 Vrms output is fine (hand-checked: S_V = 114.9 dB/V, 0.57 V needed)', () => {
    const m = matchOf(
      brain.match({
        impedanceOhm: 32,
        sensitivity: { value: 100, unit: 'dB/mW' },
        sourceSpec: { voltages: [{ vrms: 1 }] },
      }),
    );
    expect(m.verdict).toBe('fine');
    expect(m.required.vrms).toBeCloseTo(0.5657, 3); // 10^((110 − 114.95)/20)
    expect(m.headroomDb).toBeCloseTo(4.95, 1); // 20·log10(1/0.5657)
    expect(m.headphone).toBeNull();
  });

  it('600 Ω 96 dB/mW on 1.2 Vrms behind 10 Ω needs an amp (−9.8 dB)', () => {
    const m = matchOf(
      brain.match({
        impedanceOhm: 600,
        sensitivity: { value: 96, unit: 'dB/mW' },
        sourceSpec: { voltages: [{ vrms: 1.2 }], outputImpedanceOhm: 10 },
      }),
    );
    // S_V = 96 + 10·log10(1000/600) = 98.22; V_L = 1.2·600/610 = 1.180 V; max = 98.22 + 1.44 = 99.66 → −10.3 dB
    expect(m.verdict).toBe('needs_amp');
    expect(m.headroomDb!).toBeCloseTo(-10.34, 1);
    expect(m.limitedBy).toBe('voltage');
  });

  it('a "97 dB" sensitivity with no unit is evaluated both ways', () => {
    const a = brain.match({
      impedanceOhm: 300,
      sensitivity: { value: 97, unit: 'unknown' },
      sourceSpec: { voltages: [{ vrms: 3 }] },
    });
    const m = matchOf(a);
    // per mW: S_V 102.2 → 3 V gives 111.8 dB (fine); per V: 97 + 9.5 = 106.5 dB (marginal): the verdict depends
    expect(m.verdict).toBe('depends');
    expect(m.warnings.map((w) => w.code)).toContain('ambiguous_sensitivity');
  });
});

describe('plausibility of typed-in figures', () => {
  it('100 Vrms into 32 Ω (312 W, 152 dB SPL) is computed but flagged first, in the headline too', () => {
    const a = brain.match({
      impedanceOhm: 32,
      sensitivity: { value: 97, unit: 'dB/mW' },
      sourceSpec: { voltages: [{ vrms: 100 }] },
    });
    const m = matchOf(a);
    expect(m.warnings[0]!.code).toBe('implausible_figures');
    expect(answerToJson(a).text).toMatch(/look wrong for headphones/);
    expect(m.maxSpl!).toBeCloseTo(151.9, 1);
  });

  it('"50 W into 32 Ω" is flagged by power even where the level stays under 150 dB', () => {
    const m = matchOf(
      brain.match({
        impedanceOhm: 32,
        sensitivity: { value: 85, unit: 'dB/mW' },
        sourceSpec: { powerRatings: [{ mw: 50_000, loadOhm: 32 }] },
      }),
    );
    expect(m.maxSpl!).toBeLessThan(150);
    expect(m.warnings.map((w) => w.code)).toContain('implausible_figures');
  });

  it('ordinary figures, and a real amp into very sensitive IEMs, are not flagged', () => {
    const plain = matchOf(
      brain.match({
        impedanceOhm: 32,
        sensitivity: { value: 97, unit: 'dB/mW' },
        sourceSpec: { voltages: [{ vrms: 2 }] },
      }),
    );
    expect(plain.warnings.map((w) => w.code)).not.toContain('implausible_figures');
    const real = matchOf(
      brain.match({ impedanceOhm: 16, sensitivity: { value: 125, unit: 'dB/mW' }, source: 'schiit magni 2' }),
    );
    expect(real.maxSpl!).toBeGreaterThan(150); // genuinely that loud: the gain warning speaks, not a typo warning
    expect(real.warnings.map((w) => w.code)).not.toContain('implausible_figures');
    expect(real.warnings.map((w) => w.code)).toContain('too_much_gain');
  });

  it('free text keeps a large level instead of dropping it', () => {
    const { answer } = brain.askDetailed('can a 100 vrms amp drive 32 ohm 97 db/mw headphones?');
    expect(answer.kind).toBe('match');
    expect(answerToJson(answer).text).toMatch(/look wrong for headphones/);
  });
});

describe('drive checks with real devices', () => {
  it.each([
    ['hd600', 'iphone dongle', ['needs_amp']],
    ['ath m50x', 'macbook jack', ['fine']],
    ['he6se', 'macbook jack', ['needs_amp']],
    ['hd650', 'scarlett 2i2 4th gen', ['fine', 'marginal']],
  ])('%s on %s', (hp, src, verdicts) => {
    const m = matchOf(brain.match({ headphone: hp, source: src }));
    expect(verdicts).toContain(m.verdict);
    expect(m.headphone?.id).toBeTruthy();
    expect(m.source?.id).toBeTruthy();
  });

  it('uses the Mac jack high-impedance mode only for loads from 150 Ω', () => {
    const a = brain.match({ headphone: 'hd600', source: 'macbook jack' });
    expect(a.kind === 'match' && a.mode === 'pair' && a.outputName).toMatch(/high-impedance/);
    const b = brain.match({ headphone: 'ath m50x', source: 'macbook jack' });
    expect(b.kind === 'match' && b.mode === 'pair' && b.outputName).toMatch(/under 150/);
  });

  it('cites the page of every figure it used', () => {
    const a = brain.match({ headphone: 'hd650', source: 'scarlett 2i2 4th gen' });
    if (a.kind !== 'match' || a.mode !== 'pair') throw new Error('expected a match');
    expect(a.cited.length).toBeGreaterThanOrEqual(3);
    for (const c of a.cited) expect(c.url).toMatch(/^https?:\/\//);
    expect(a.math.map(mathStepMarkdown).join('\n')).toMatch(/S_V .*= .*dB SPL\/V|S_mW/);
  });

  it('asks which variant when the family name fits variants with different verdicts', () => {
    // DT 770 Pro 32 / 80 / 250 Ω on a Scarlett 2i2 4th Gen: fine / fine / marginal
    const a = brain.match({ headphone: 'dt 770 pro', source: 'scarlett 2i2 4th gen' });
    if (a.kind !== 'clarify') throw new Error(`expected which-variant, got ${a.kind}`);
    expect(a.question).toMatch(/Which Beyerdynamic DT 770 Pro do you have\? It matters here:/);
    expect(a.options.map((o) => o.value).sort()).toEqual([
      'beyerdynamic-dt770-pro-250',
      'beyerdynamic-dt770-pro-32',
      'beyerdynamic-dt770-pro-80',
    ]);
  });

  it('takes the variant the name spells out ("sundara open-back") instead of asking which', () => {
    // open-back Sundara (marginal) vs Sundara Closed-Back (fine) on a 2021+ Mac: the text says which
    const a = brain.match({ headphone: 'sundara open-back', source: 'macbook pro 2021' });
    if (a.kind !== 'match' || a.mode !== 'pair') throw new Error(`expected a pair match, got ${a.kind}`);
    expect(a.headphone?.id).toBe('hifiman-sundara');
    expect(a.notes.join(' ')).not.toMatch(/didn't say which headphone/);
    const plain = brain.match({ headphone: 'sundara', source: 'macbook pro 2021' });
    expect(plain.kind).toBe('clarify');
  });

  it('names the assumed variant when every variant gets the same verdict', () => {
    // any DT 770 Pro on an RME ADI-2 DAC (+22 dBu): fine
    const a = brain.match({ headphone: 'dt 770 pro', source: 'rme-adi-2-dac-fs' });
    if (a.kind !== 'match' || a.mode !== 'pair') throw new Error(`expected a pair match, got ${a.kind}`);
    expect(a.notes.join(' ')).toMatch(/didn't say which headphone variant.*DT 770 Pro (32|80)/);
  });
});

describe('impedance-only questions', () => {
  it('250 Ω: depends, with a table over typical source classes and the figures used', () => {
    const a = brain.match({ impedanceOhm: 250 });
    expect(a.kind).toBe('match');
    if (a.kind !== 'match' || a.mode !== 'impedance-only') throw new Error('expected impedance-only');
    expect(a.result.verdict).toBe('depends');
    expect(a.rows.map((r) => r.source)).toEqual(['Phone / dongle', 'Laptop jack', 'Budget interface', 'Desktop amp']);
    expect(a.rows.every((r) => r.figures.length > 0)).toBe(true);
    expect(a.nameDevices).toEqual({ headphone: 'DT 770 Pro 250', source: 'Scarlett 2i2 4th Gen' });
    expect(answerToJson(a).match).toMatchObject({ verdict: 'depends', headphone: null, source: null });
  });
});

describe('CLI match', () => {
  it('prints the JSON contract with plain unrounded numbers', () => {
    const run = cli([
      'match',
      '--impedance',
      '300',
      '--sensitivity',
      '97 dB/mW',
      '--source-vrms',
      '1.0',
      '--source-impedance',
      '1',
      '--json',
    ]);
    expect(run.status).toBe(0);
    const a = JSON.parse(run.stdout);
    expect(a.kind).toBe('match');
    expect(a.match).toMatchObject({
      verdict: 'needs_amp',
      headphone: null,
      source: null,
      targetSpl: 110,
      limitedBy: 'voltage',
    });
    for (const k of ['maxSpl', 'headroomDb']) expect(typeof a.match[k]).toBe('number');
    for (const k of ['vrms', 'mw', 'ma']) expect(typeof a.match.required[k]).toBe('number');
    expect(typeof a.match.available.vrms).toBe('number');
    expect(a.match.required.vrms).toBeCloseTo(2.4466, 3); // 10^((110 − 102.23)/20)
    expect(String(a.match.required.vrms).length).toBeGreaterThan(5); // unrounded
    // −7.8 dB: still needs_amp, worded for the −12…−6 band
    expect(a.text.split('\n')[0]).toMatch(/^\*\*Fine for moderate listening; for loud peaks, add an amp/);
  });

  it('resolves device names and repeats --source-power', () => {
    const run = cli([
      'match',
      '--headphone',
      'dt770 250',
      '--source-power',
      '32 mW @ 33 ohm',
      '--source-power',
      '22 mW @ 300 ohm',
      '--target',
      '105',
      '--json',
    ]);
    expect(run.status).toBe(0);
    const a = JSON.parse(run.stdout);
    expect(a.match.headphone.id).toBe('beyerdynamic-dt770-pro-250');
    expect(a.match.targetSpl).toBe(105);
  });

  it.each([
    [['--impedance', '0', '--sensitivity', '97 dB/mW', '--source-vrms', '1'], /impedance/i],
    [['--impedance', '-32', '--sensitivity', '97 dB/mW', '--source-vrms', '1'], /impedance/i],
    [['--impedance', '32', '--sensitivity', '150 dB/mW', '--source-vrms', '1'], /70.140|outside/i],
    [['--impedance', '32', '--sensitivity', '97 dB/furlong', '--source-vrms', '1'], /sensitivity/i],
    [['--impedance', '32', '--sensitivity', '97 dB/mW', '--source-vrms', '1', '--target', '200'], /60–130/],
    [['--impedance', '32', '--sensitivity', '97 dB/mW', '--source-vrms', 'loud'], /source-vrms/],
    [
      ['--impedance', '32', '--sensitivity', '97 dB/mW', '--source-vrms', '1', '--source-dbu', '10'],
      /disagree|contradict|agree/i,
    ],
    [['--source-vrms', '1'], /say which headphones/],
  ])('refuses bad input %j with a clear message', (args, message) => {
    const run = cli(['match', ...args, '--json']);
    const out = `${run.stdout}${run.stderr}`;
    expect(out).toMatch(message);
    expect(out).not.toMatch(/NaN|Infinity|at .*\.ts:\d+/);
    // Refused either by the flag parser (2, usage) or by the engine's own checks (1, not answered).
    expect([1, 2]).toContain(run.status);
    if (run.status === 1) expect(JSON.parse(run.stdout).kind).toBe('none');
  });
});

describe('reverse queries on the real data', () => {
  it('lists sources for headphones, best headroom first', () => {
    const r = brain.sourcesFor('hd600');
    if (!r.ok) throw new Error(r.message);
    expect(r.entries.length).toBeGreaterThan(10);
    const h = r.entries.map((e) => e.headroomDb ?? -Infinity);
    expect([...h].sort((a, b) => b - a)).toEqual(h);
    expect(r.entries[0]!.verdict).toBe('fine');
  });

  it('lists headphones a source drives, and IEMs come out fine on a phone output', () => {
    const r = brain.headphonesFor('lightning dongle');
    if (!r.ok) throw new Error(r.message);
    const fine = r.entries.filter((e) => e.verdict === 'fine').map((e) => e.device.id);
    expect(fine.length).toBeGreaterThan(5);
    expect(fine).not.toContain('hifiman-he6se-v2');
  });
});

describe('a source rated only at loads above the headphones', () => {
  it('Sundara on the Magni+ (one second-hand rating, 410 mW at 300 Ω) is "depends", with both readings', () => {
    const a = brain.match({ headphone: 'hifiman-sundara', source: 'schiit-magni-plus' });
    if (a.kind !== 'match' || a.mode !== 'pair') throw new Error(`expected a pair match, got ${a.kind}`);
    expect(a.result.verdict).toBe('depends');
    expect(a.headline.lead).toBe('It depends.');
    const note = a.warnings.find((w) => /rated only down to 300 Ω/.test(w));
    expect(note).toMatch(
      /holding the rated current gives .* headroom, holding the rated voltage .* — marginal to fine/,
    );
    expect(a.math.map(mathStepMarkdown).join('\n')).toMatch(/at least its current is held \(a floor\)/);
  });
});
