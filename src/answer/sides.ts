/**
 * The two sides of a drive check, from catalogue devices: the engine's figures with their citations — or, for a
 * device known by name only, the class it is estimated from; and for a phone without a jack, the adapter it uses.
 */
import { sensitivityIn, type HeadphoneSpec, type MultiOutputSource } from '../engine/index.js';
import type { HeadphoneDevice, KnownDevice, SourceDevice } from '../knowledge/index.js';
import { deviceName } from '../search/device-docs.js';
import { CLASS_WORDS, headphoneGroup, type HeadphoneMember, type SourceClassUse } from './classes.js';
import type { AnswerContext } from './context.js';
import { headphoneSpec, sourceOutputs, type CitedFigure, type SensitivityChoice } from './device-specs.js';

/** A headphone estimated from the sourced headphones built like it. */
export interface HeadphoneEstimate {
  /** "full-size dynamic ≥100 Ω". */
  group: string;
  /** One case per member: the member's sensitivity applied to this headphone's impedance when that is known. */
  members: { id: string; name: string; spec: HeadphoneSpec }[];
  /** How many sourced headphones the group has (more than `members` when a sample was read). */
  total: number;
  /** Which of this headphone's figures are missing. */
  missing: ('impedance' | 'sensitivity')[];
}

export interface HeadphoneSide {
  device?: KnownDevice & HeadphoneDevice;
  spec: HeadphoneSpec;
  label: string;
  cited: CitedFigure[];
  notes?: string[];
  /** How the sensitivity was chosen (device headphones only). */
  sensitivityChoice?: SensitivityChoice | null;
  estimate?: HeadphoneEstimate;
}

export interface SourceSide {
  device?: KnownDevice & SourceDevice;
  source: MultiOutputSource;
  label: string;
  cited: CitedFigure[];
  notes?: string[];
  /** A source known by name only: estimated from the sourced members of its class. */
  estimate?: SourceClassUse;
}

/** The members' sensitivities as cases for a headphone whose impedance is known but whose sensitivity is not. */
function atImpedance(
  d: HeadphoneDevice,
  impedanceOhm: number,
  members: HeadphoneMember[],
): HeadphoneEstimate['members'] {
  return members.flatMap((m) => {
    const s = m.spec.sensitivity;
    if (!s || s.unit === 'unknown') return [];
    const dbMw = sensitivityIn(s.value, s.unit, m.spec.impedanceOhm).dbMw;
    const spec: HeadphoneSpec = {
      impedanceOhm,
      sensitivity: { value: dbMw, unit: 'dB/mW' },
      driver: d.driver,
      form: d.form,
    };
    return [{ id: m.device.id, name: deviceName(m.device), spec }];
  });
}

export function headphoneSide(d: KnownDevice & HeadphoneDevice, ctx: AnswerContext): HeadphoneSide | { error: string } {
  const label = deviceName(d);
  const built = headphoneSpec(d);
  if (built?.spec.sensitivity)
    return { device: d, spec: built.spec, label, cited: built.cited, sensitivityChoice: built.sensitivityChoice };
  const impedance = built?.spec.impedanceOhm;
  const like = ctx.classes.headphonesLike(d, impedance);
  const members =
    impedance !== undefined
      ? atImpedance(d, impedance, like.members)
      : like.members.map((m) => ({ id: m.device.id, name: deviceName(m.device), spec: m.spec }));
  const missing: HeadphoneEstimate['missing'] =
    impedance === undefined ? ['impedance', 'sensitivity'] : ['sensitivity'];
  if (members.length === 0) {
    return {
      error:
        `I have no sourced ${missing.join(' or ')} for the ${label}, and no sourced headphones built like it to ` +
        `estimate from.`,
    };
  }
  const spec: HeadphoneSpec = built?.spec ?? { impedanceOhm: 32, driver: d.driver, form: d.form };
  return {
    device: d,
    spec,
    label,
    cited: built?.cited ?? [],
    estimate: { group: headphoneGroup(d, impedance), members, total: Math.max(members.length, like.total), missing },
  };
}

export function sourceSide(d: KnownDevice & SourceDevice, ctx: AnswerContext): SourceSide {
  const via = d.headphonesVia ? ctx.finder.byId(d.headphonesVia) : undefined;
  if (via && via.type === 'source') {
    const side = sourceSide(via, ctx);
    const note =
      `The ${deviceName(d)} has no headphone jack: wired headphones go through an adapter, so this uses ` +
      `the ${deviceName(via)}.`;
    const short = deviceName(d).replace(/\s*\(.*\)$/, '');
    return { ...side, label: `${deviceName(via)} on the ${short}`, notes: [note, ...(side.notes ?? [])] };
  }
  const built = sourceOutputs(d);
  const side: SourceSide = { device: d, source: built.source, label: deviceName(d), cited: built.cited };
  const own = ctx.classes.membersOf(d.class).some((m) => m.device.id === d.id);
  if (own) return side;
  const use = ctx.classes.use(d.class);
  if (!use) {
    return {
      ...side,
      notes: [
        `No sourced ${CLASS_WORDS[d.class].one} has published figures yet, so I can't estimate the ${deviceName(d)}.`,
      ],
    };
  }
  return { ...side, estimate: use };
}
