/**
 * A drive-check request from any surface (CLI flags, slash-command options, extracted entities), resolved to an Answer.
 */
import { DEFAULT_TARGET_SPL, type DriverType, type Sensitivity, type SourceSpec } from '../engine/index.js';
import type { HeadphoneDevice, KnownDevice, SourceDevice } from '../knowledge/index.js';
import { deviceName } from '../search/device-docs.js';
import { deviceAnswer } from './device-answer.js';
import { failure, impedanceOnlyMatch, pairMatch } from './match-answer.js';
import { headphoneSide, sourceSide, type HeadphoneSide, type SourceSide } from './sides.js';
import type { AnswerContext } from './context.js';
import { sourcesTable } from './sources-table.js';
import { whichVariant } from './which-variant.js';
import { sourceClassIn } from '../understand/intent.js';
import type { Answer, MatchRequest } from './types.js';
import { ohm, V } from '../format.js';

const hasFigures = (s: SourceSpec | undefined) =>
  Boolean(
    s &&
      (s.voltages?.length ||
        s.powerRatings?.length ||
        s.outputImpedanceOhm !== undefined ||
        s.maxCurrentMa !== undefined),
  );

/** "You didn't say which variant": the note added when a family name was resolved to its usual variant. */
export function variantNote(kind: string, chosen: KnownDevice, variants: KnownDevice[]): string[] {
  const others = variants.filter((v) => v !== chosen);
  if (others.length === 0) return [];
  return [
    `You didn't say which ${kind} variant; I used the ${deviceName(chosen)}. Others: ` +
      `${others.map(deviceName).join(', ')}.`,
  ];
}

export function rawSourceLabel(s: SourceSpec): string {
  const parts: string[] = [];
  for (const v of s.voltages ?? []) {
    const level =
      v.vrms !== undefined ? V(v.vrms) : v.dbu !== undefined ? `${v.dbu >= 0 ? '+' : ''}${v.dbu} dBu` : `${v.dbv} dBV`;
    parts.push(`${level}${v.loadOhm ? ` into ${ohm(v.loadOhm)}` : ''}`);
  }
  for (const p of s.powerRatings ?? []) parts.push(`${p.mw} mW @ ${ohm(p.loadOhm)}`);
  if (s.outputImpedanceOhm !== undefined) parts.push(`${ohm(s.outputImpedanceOhm)} output impedance`);
  if (s.maxCurrentMa !== undefined) parts.push(`${s.maxCurrentMa} mA max`);
  return parts.length ? `source (${parts.join(', ')})` : 'source';
}

export function rawHeadphoneLabel(
  impedanceOhm: number,
  sensitivity: Sensitivity | undefined,
  driver?: DriverType,
): string {
  const sens = sensitivity ? `, ${sensitivity.value} ${sensitivity.unit === 'unknown' ? 'dB' : sensitivity.unit}` : '';
  return `${ohm(impedanceOhm)}${sens}${driver && driver !== 'dynamic' ? ` ${driver}` : ''} headphones`;
}

export function resolveMatch(req: MatchRequest, ctx: AnswerContext): Answer {
  const { finder, topics } = ctx;
  const target = req.targetSpl ?? DEFAULT_TARGET_SPL;
  let headphone: HeadphoneSide | null = null;
  if (req.headphone) {
    const r = finder.resolve(req.headphone, 'headphone');
    if (r.status !== 'found') return deviceAnswer(r, req.headphone);
    const side = headphoneSide(r.device as KnownDevice & HeadphoneDevice, ctx);
    if ('error' in side) return failure([side.error]);
    headphone = { ...side, notes: r.assumedVariant ? variantNote('headphone', r.device, r.variants) : [] };
  } else if (req.impedanceOhm !== undefined && req.sensitivity) {
    const spec = {
      impedanceOhm: req.impedanceOhm,
      sensitivity: req.sensitivity,
      ...(req.driver ? { driver: req.driver } : {}),
    };
    headphone = { spec, label: rawHeadphoneLabel(req.impedanceOhm, req.sensitivity, req.driver), cited: [] };
  }

  let source: SourceSide | null = null;
  if (req.source) {
    const r = finder.resolve(req.source, 'source');
    const sourceClass = r.status === 'none' ? sourceClassIn(req.source) : undefined;
    const classUse = sourceClass ? ctx.classes.use(sourceClass.id) : null;
    if (r.status !== 'found' && !(sourceClass && classUse)) return deviceAnswer(r, req.source);
    if (r.status === 'found') {
      const side = sourceSide(r.device as KnownDevice & SourceDevice, ctx);
      source = {
        ...side,
        notes: [...(r.assumedVariant ? variantNote('source', r.device, r.variants) : []), ...(side.notes ?? [])],
      };
    } else if (sourceClass && classUse) {
      // "phone", "laptop", "android": a kind of source — the range of its class's sourced members.
      source = {
        source: { outputs: [] },
        label: sourceClass.label.replace(/^an? /, ''),
        cited: [],
        estimate: classUse,
      };
    }
  } else if (hasFigures(req.sourceSpec)) {
    source = {
      source: { outputs: [{ id: 'output', spec: req.sourceSpec! }] },
      label: rawSourceLabel(req.sourceSpec!),
      cited: [],
    };
  }

  if (!headphone && req.impedanceOhm !== undefined) {
    // Impedance only: typical sensitivities for that impedance, against typical sources (or the one named).
    const answer = impedanceOnlyMatch(req.impedanceOhm, req.driver, target, topics);
    if (answer.kind === 'match' && source)
      answer.assumptions.unshift(
        `Your source was not used for the table: without the headphones' sensitivity, only typical sources are ` +
          `compared. Name the headphones or give their sensitivity.`,
      );
    return answer;
  }
  if (!headphone)
    return failure([
      'Name the headphones (e.g. "HD 600") or give their impedance and sensitivity (e.g. "300 ohm 97 dB/mW").',
    ]);
  if (!source) return sourcesTable(headphone, ctx, target, 1);
  const ask = askWhich(req, ctx);
  if (ask) return ask;
  const answer = pairMatch(headphone, source, target, topics);
  if (answer.kind === 'match' && answer.mode === 'pair') answer.request = requestFor(headphone, source, target);
  return answer;
}

/** A family name without its variant: "Beyerdynamic DT 770 Pro 250 Ω" → "Beyerdynamic DT 770 Pro". */
export function familyName(d: KnownDevice): string {
  return d.variant
    ? deviceName(d)
        .replace(d.variant, '')
        .replace(/\s*\(\s*\)|\s+$/g, '')
        .trim()
    : deviceName(d);
}

/** When a name was resolved to its family's usual variant and the variants would get different verdicts: which one? */
function askWhich(req: MatchRequest, ctx: AnswerContext): Answer | null {
  for (const [field, type] of [
    ['headphone', 'headphone'],
    ['source', 'source'],
  ] as const) {
    const name = req[field];
    if (!name) continue;
    const r = ctx.finder.resolve(name, type);
    if (r.status !== 'found' || !r.assumedVariant) continue;
    const which = whichVariant(
      familyName(r.device),
      r.variants,
      (d) => resolveMatch({ ...req, [field]: d.id }, ctx),
      (d) => d.id,
    );
    if (which) return which;
  }
  return null;
}

/** The request that reproduces a match: device ids where devices were used, raw figures otherwise. */
export function requestFor(hp: HeadphoneSide, src: SourceSide, targetSpl: number): MatchRequest {
  const r: MatchRequest = { targetSpl };
  if (hp.device) r.headphone = hp.device.id;
  else {
    r.impedanceOhm = hp.spec.impedanceOhm;
    if (hp.spec.sensitivity) r.sensitivity = hp.spec.sensitivity;
    if (hp.spec.driver) r.driver = hp.spec.driver;
  }
  if (src.device) r.source = src.device.id;
  else if (src.source.outputs[0]) r.sourceSpec = src.source.outputs[0].spec;
  return r;
}
