/**
 * Validation = computability: every catalogue device goes through the engine, and `npm run validate` fails on a
 * device the engine would reject even when its file passes the schema.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computabilityProblems, REFERENCE_HEADPHONES, REFERENCE_SOURCE } from '../../src/answer/computability.js';
import { headphoneSpec, sourceOutputs } from '../../src/answer/device-specs.js';
import { evaluateOutputs } from '../../src/engine/index.js';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from '../../src/knowledge/index.js';
import { PROJECT_ROOT as ROOT } from '../../src/paths.js';
import { problemsText } from '../../src/answer/problem-text.js';

const knowledge = loadKnowledge();
const headphones = knowledge.devices.filter((d) => d.type === 'headphone');
const sources = knowledge.devices.filter((d) => d.type === 'source');

describe('every catalogue device computes', () => {
  it('has no computability problem', () => {
    expect(computabilityProblems(knowledge.devices)).toEqual([]);
  });

  it(
    'every headphone with figures gets a verdict on a well-specified source, and every source on reference ' +
      'headphones',
    () => {
      const verdicts = new Set<string>();
      for (const d of headphones) {
        const built = headphoneSpec(d);
        if (!built) continue;
        const r = evaluateOutputs(built.spec, REFERENCE_SOURCE);
        expect(r.ok, `${d.id}: ${r.ok ? '' : problemsText(r.problems)}`).toBe(true);
        if (r.ok) verdicts.add(r.value.best.result.verdict);
      }
      for (const d of sources) {
        const { source } = sourceOutputs(d);
        for (const hp of REFERENCE_HEADPHONES) {
          const r = evaluateOutputs(hp, source.outputs);
          expect(r.ok, `${d.id}: ${r.ok ? '' : problemsText(r.problems)}`).toBe(true);
        }
      }
      expect(verdicts.has('fine')).toBe(true);
    },
  );

  it('every headphone on every source: a result, never a throw', () => {
    const hps = headphones.map((d) => headphoneSpec(d)).filter((b) => b !== null);
    const srcs = sources.map((d) => sourceOutputs(d).source.outputs);
    let computed = 0;
    for (const hp of hps) {
      for (const outputs of srcs) {
        const r = evaluateOutputs(hp.spec, outputs);
        expect(r.ok).toBe(true);
        computed++;
      }
    }
    expect(computed).toBe(hps.length * srcs.length);
  });
});

describe('npm run validate', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const run = (dir: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/validate.ts'), dir], {
      encoding: 'utf8',
      cwd: ROOT,
    });

  it('passes on the real knowledge', () => {
    const r = run(DEFAULT_KNOWLEDGE_DIR);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/every device computes/);
  });

  it('fails on a device whose figures pass the schema but the engine rejects', () => {
    const dir = mkdtempSync(join(tmpdir(), 'headroom-computable-'));
    dirs.push(dir);
    cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
    const url = 'https://example.com/spec';
    // 2 Vrms into 32 Ω from an output whose unloaded maximum is 1 Vrms: impossible, but each figure is valid alone.
    writeFileSync(
      join(dir, 'devices', 'sources', 'zz-broken.yaml'),
      [
        'devices:',
        '- id: broken-amp',
        '  type: source',
        '  brand: Test',
        '  model: Broken Amp',
        '  category: desktop-amp',
        '  class: desktop-amp',
        '  outputs:',
        '  - name: Headphone out',
        '    level:',
        `    - { value: 1, unit: Vrms, url: '${url}', basis: maker }`,
        `    - { value: 2, unit: Vrms, loadOhms: 32, url: '${url}', basis: maker }`,
      ].join('\n'),
    );
    const r = run(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/broken-amp: the engine rejects it: .*Loaded rating 2 Vrms into 32 Ω/);
  });
});
