/** "Which is easier to drive, X or Y?": what each headphone needs for the same peak level, side by side. */
import { requirementsFor, type Requirements } from '../engine/index.js';
import type { HeadphoneDevice, KnownDevice, Topic } from '../knowledge/index.js';
import { deviceRef } from './device-answer.js';
import { headphoneSpec } from './device-specs.js';
import { dB, mA, mW, V } from '../format.js';
import type { CompareAnswer, NoneAnswer, Headline } from './types.js';
import { failure } from './match-answer.js';

/**
 * What a headphone needs, by the evidence policy of device-specs.ts (a measurement settles a unit-less maker figure
 * or overrides one it contradicts); when the unit is still unknown, the more demanding reading.
 */
function demanding(
  d: HeadphoneDevice,
  target: number,
): (Requirements & { ambiguous: boolean; measured: boolean }) | null {
  const built = headphoneSpec(d);
  const sens = built?.spec.sensitivity;
  if (!built || !sens) return null;
  const r = requirementsFor(built.spec, target);
  if (!r) return null;
  const kind = built.sensitivityChoice?.kind;
  return {
    ...r,
    ambiguous: sens.unit === 'unknown',
    measured: kind === 'measurement-over-maker' || kind === 'unit-settled',
  };
}

export function compareHeadphones(
  devices: (KnownDevice & HeadphoneDevice)[],
  target: number,
  topics: ReadonlyMap<string, Topic>,
): CompareAnswer | NoneAnswer {
  const items = devices.slice(0, 4).map((d) => ({ d, req: demanding(d, target) }));
  const missing = items.filter((i) => !i.req).map((i) => `${i.d.brand} ${i.d.model}`);
  if (missing.length)
    return failure([
      `I have no sourced sensitivity for ${missing.join(' and ')}, so I can't compare how hard they are to drive.`,
    ]);
  const rows = items.map((i) => ({
    device: deviceRef(i.d),
    vrms: i.req!.vrms,
    mw: i.req!.mw,
    ma: i.req!.ma,
    sensitivityDbV: i.req!.sensitivityDbV,
    impedanceOhm: headphoneSpec(i.d)!.spec.impedanceOhm,
    ambiguous: i.req!.ambiguous,
  }));
  const byVoltage = [...rows].sort((a, b) => a.vrms - b.vrms);
  const easy = byVoltage[0]!;
  const hard = byVoltage[byVoltage.length - 1]!;
  const gap = 20 * Math.log10(hard.vrms / easy.vrms);
  const notes: string[] = [];
  if (easy.ma > hard.ma * 1.5)
    notes.push(
      `The ${easy.device.name} needs less voltage but more current (${mA(easy.ma)} vs ${mA(hard.ma)}): weak phone ` +
        `outputs can run out of current before voltage.`,
    );
  if (rows.some((r) => r.ambiguous))
    notes.push('A sensitivity printed without its unit was read the more demanding way.');
  const measuredNames = items.filter((i) => i.req!.measured).map((i) => `${i.d.brand} ${i.d.model}`);
  if (measuredNames.length)
    notes.push(
      `For the ${measuredNames.join(' and ')} a measurement decided the sensitivity (the maker's figure has no unit, ` +
        `or disagrees with it by more than 3 dB).`,
    );
  const headline: Headline =
    gap < 1
      ? {
          lead: 'They are about equally easy to drive',
          detail:
            `(within ${dB(gap)}): ${rows.map((r) => `${r.device.name} ${V(r.vrms)}`).join(' vs ')} for ${target} ` +
            'dB SPL peaks.',
        }
      : {
          lead: `The ${easy.device.name} is easier to drive.`,
          detail:
            `For ${target} dB SPL peaks it needs ${V(easy.vrms)} (${mW(easy.mw)}) vs ${V(hard.vrms)} ` +
            `(${mW(hard.mw)}) for the ${hard.device.name} — ${dB(gap)} less voltage.`,
        };
  return {
    kind: 'match',
    mode: 'compare',
    targetSpl: target,
    rows,
    headline,
    notes,
    readMore: ['sensitivity-explained', 'impedance-explained']
      .map((id) => topics.get(id))
      .filter((t): t is Topic => Boolean(t))
      .map((t) => ({ id: t.id, title: t.title })),
    confidence: 0.85,
  };
}
