/**
 * "Validation = computability": every catalogue device goes through the same conversion and engine checks as a real
 * answer, against reference partners, so a device the engine would reject fails `npm run validate`, not a user.
 */
import {
  evaluateOutputs,
  validateHeadphone,
  validateSource,
  within,
  type Problem,
  type HeadphoneSpec,
  type SourceOutput,
} from '../engine/index.js';
import type { KnownDevice } from '../knowledge/index.js';
import type { KnowledgeProblem } from '../knowledge/index.js';
import { headphoneSpec, sourceOutputs } from './device-specs.js';
import { problemText } from './problem-text.js';

/** A well-specified source: 7 Vrms unloaded behind 0.5 Ω (a typical desktop amp). */
export const REFERENCE_SOURCE: SourceOutput[] = [
  { id: 'reference amp', spec: { voltages: [{ vrms: 7 }], outputImpedanceOhm: 0.5 } },
];
/** Reference headphones: a 300 Ω dynamic at 103 dB/V and a 32 Ω IEM at 110 dB/V. */
export const REFERENCE_HEADPHONES: HeadphoneSpec[] = [
  { impedanceOhm: 300, sensitivity: { value: 103, unit: 'dB/V' }, driver: 'dynamic', form: 'over-ear' },
  { impedanceOhm: 32, sensitivity: { value: 110, unit: 'dB/V' }, driver: 'dynamic', form: 'iem' },
];

/** Problems that would make the engine refuse a device (empty when every device computes). */
export function computabilityProblems(devices: readonly KnownDevice[]): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const report = (d: KnownDevice, refused: readonly Problem[]) => {
    for (const p of refused)
      problems.push({ file: d.file, field: d.id, message: `the engine rejects it: ${problemText(p)}` });
  };
  for (const d of devices) {
    if (d.type === 'headphone') {
      const built = headphoneSpec(d);
      if (!built) continue; // known by name only: answered with a class estimate
      const errors = validateHeadphone(built.spec);
      if (errors.length) report(d, errors);
      else {
        const r = evaluateOutputs(built.spec, REFERENCE_SOURCE);
        if (!r.ok) report(d, r.problems);
      }
    } else {
      const { source } = sourceOutputs(d);
      const errors = source.outputs.flatMap((o) => within({ kind: 'member', id: o.id }, validateSource(o.spec)));
      if (errors.length) report(d, errors);
      else
        for (const hp of REFERENCE_HEADPHONES) {
          const r = evaluateOutputs(hp, source.outputs);
          if (!r.ok) report(d, r.problems);
        }
    }
  }
  return problems;
}
