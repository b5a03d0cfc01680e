/**
 * One range per figure (src/ranges.ts): the engine, the free-text parser, the entry schema and the /kb options all
 * accept the same sensitivities and impedances — the edge in, one step past it out, everywhere.
 */
import { describe, expect, it } from 'vitest';
import kb from '../../commands/kb/index.js';
import { validateHeadphone } from '../../src/engine/index.js';
import { RANGES, rangeText } from '../../src/ranges.js';
import { Brain } from '../../src/answer/brain.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { parseEntryInput } from '../../src/storage/entry-schema.js';
import { extractEntities } from '../../src/understand/entities.js';
import { parseSensitivity } from '../../src/understand/spec-parse.js';

const entry = (sensitivityDb: number, impedanceOhm = 32) =>
  parseEntryInput({
    kind: 'headphone',
    title: 'Acme One',
    impedanceOhm,
    sensitivityDb,
    sensitivityPer: 'mW',
    sourceUrl: 'https://example.com/acme-one',
  }).ok;
const engine = (value: number, impedanceOhm = 32) =>
  validateHeadphone({ impedanceOhm, sensitivity: { value, unit: 'dB/mW' } }).length === 0;
const parsed = (value: number) => parseSensitivity(`${value} dB/mW`).ok;
const extracted = (value: number) => extractEntities(`${value} dB/mW headphones`).sensitivities.length === 1;
const brain = new Brain(loadKnowledge());

describe('the sensitivity range is the same everywhere', () => {
  const { min, max } = RANGES.sensitivityDb;
  it.each([
    ['engine', engine],
    ['parser', parsed],
    ['entry schema', (v: number) => entry(v)],
  ])('%s', (_name, accepts) => {
    expect([accepts(min), accepts(max)]).toEqual([true, true]);
    expect([accepts(min - 1), accepts(max + 1)]).toEqual([false, false]);
  });

  it('and the /kb add-headphone options say it to Discord', () => {
    const json = kb.data.toJSON() as {
      options: { name: string; options?: { name: string; min_value?: number; max_value?: number }[] }[];
    };
    const options = json.options.find((o) => o.name === 'add-headphone')!.options!;
    expect(options.find((o) => o.name === 'sensitivity')).toMatchObject({ min_value: min, max_value: max });
    const imp = options.find((o) => o.name === 'impedance');
    expect(imp).toMatchObject({ min_value: RANGES.impedanceOhm.min, max_value: RANGES.impedanceOhm.max });
  });
});

describe('free text', () => {
  it('reads a sensitivity a little past the range, so the engine answers with the range instead of ignoring it', () => {
    const { min, max } = RANGES.sensitivityReadDb;
    expect([extracted(min), extracted(max), extracted(min - 1), extracted(max + 1)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    const a = brain.ask(`${RANGES.sensitivityDb.max + 5} dB/mW 32 ohm headphones on a 1 Vrms output`);
    expect(a.kind).toBe('none');
    expect(a.kind === 'none' && a.reason).toMatch(
      new RegExp(`outside the plausible ${rangeText(RANGES.sensitivityDb)} dB`),
    );
  });
});

describe('the impedance range too', () => {
  const { min, max } = RANGES.impedanceOhm;
  it('engine and entry schema agree at both edges', () => {
    for (const accepts of [(z: number) => engine(100, z), (z: number) => entry(100, z)]) {
      expect([accepts(min), accepts(max)]).toEqual([true, true]);
      expect([accepts(min - 0.5), accepts(max + 1)]).toEqual([false, false]);
    }
  });
});
