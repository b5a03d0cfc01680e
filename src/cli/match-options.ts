/** Turns `match` flags into a MatchRequest, with one clear message per bad value. */
import type { DriverType, SourceSpec, VoltageRating } from '../engine/index.js';
import type { MatchRequest } from '../answer/types.js';
import {
  parseCurrent,
  parseImpedance,
  parseLevel,
  parsePowerRating,
  parseSensitivity,
  parseVoltageRating,
} from '../understand/spec-parse.js';
import { TARGET_PRESETS } from '../engine/index.js';
import { inRange, RANGES, rangeText } from '../ranges.js';

export interface MatchFlags {
  headphone?: string;
  impedance?: string;
  sensitivity?: string;
  driver?: string;
  source?: string;
  sourceVrms?: string;
  sourceDbu?: string;
  sourceLevel?: string[];
  sourceImpedance?: string;
  sourceMaxMa?: string;
  sourcePower?: string[];
  target?: string;
}

const DRIVERS: readonly DriverType[] = ['dynamic', 'planar', 'balanced-armature', 'electrostatic', 'hybrid'];

export function matchRequestFromFlags(f: MatchFlags): { request: MatchRequest; errors: string[] } {
  const errors: string[] = [];
  const request: MatchRequest = {};
  const take = <T>(flag: string, r: { ok: true; value: T } | { ok: false; error: string }): T | undefined => {
    if (r.ok) return r.value;
    errors.push(`${flag}: ${r.error}`);
    return undefined;
  };
  if (f.headphone) request.headphone = f.headphone;
  if (f.impedance !== undefined) request.impedanceOhm = take('--impedance', parseImpedance(f.impedance));
  if (f.sensitivity !== undefined) {
    const s = take('--sensitivity', parseSensitivity(f.sensitivity));
    if (s) request.sensitivity = { value: s.value, unit: s.unit };
  }
  if (f.driver !== undefined) {
    const d = f.driver
      .toLowerCase()
      .replace(/^ba$/, 'balanced-armature')
      .replace(/^planar[- ]magnetic$/, 'planar') as DriverType;
    if (DRIVERS.includes(d)) request.driver = d;
    else errors.push(`--driver: "${f.driver}" is not one of ${DRIVERS.join(', ')}`);
  }
  if (f.headphone && (f.impedance !== undefined || f.sensitivity !== undefined))
    errors.push('give either --headphone or --impedance/--sensitivity, not both');
  if (f.sensitivity !== undefined && f.impedance === undefined && !f.headphone)
    errors.push('--sensitivity needs --impedance too');

  if (f.source) request.source = f.source;
  const spec: SourceSpec = {};
  const voltages: VoltageRating[] = [];
  if (f.sourceVrms !== undefined) {
    const l = take('--source-vrms', parseLevel(/[a-z]/i.test(f.sourceVrms) ? f.sourceVrms : `${f.sourceVrms} Vrms`));
    if (l) voltages.push({ vrms: l.vrms });
  }
  if (f.sourceDbu !== undefined) {
    const l = take('--source-dbu', parseLevel(/[a-z]/i.test(f.sourceDbu) ? f.sourceDbu : `${f.sourceDbu} dBu`));
    if (l) voltages.push({ vrms: l.vrms });
  }
  for (const text of f.sourceLevel ?? []) {
    const l = take('--source-level', parseVoltageRating(text));
    if (l) voltages.push(l.loadOhm !== undefined ? { vrms: l.vrms, loadOhm: l.loadOhm } : { vrms: l.vrms });
  }
  if (voltages.length) spec.voltages = voltages;
  if (f.sourceImpedance !== undefined) {
    const z = /^\s*0+(?:\.0*)?\s*(?:ohms?|Ω)?\s*$/i.test(f.sourceImpedance)
      ? 0
      : take('--source-impedance', parseImpedance(f.sourceImpedance));
    if (z !== undefined) spec.outputImpedanceOhm = z;
  }
  if (f.sourceMaxMa !== undefined) {
    const i = take(
      '--source-max-ma',
      parseCurrent(/[a-z]/i.test(f.sourceMaxMa) ? f.sourceMaxMa : `${f.sourceMaxMa} mA`),
    );
    if (i !== undefined) spec.maxCurrentMa = i;
  }
  const powers = (f.sourcePower ?? [])
    .map((p) => take('--source-power', parsePowerRating(p)))
    .filter((p) => p !== undefined);
  if (powers.length) spec.powerRatings = powers;
  if (Object.keys(spec).length) {
    if (f.source) errors.push('give either --source or --source-* figures, not both');
    request.sourceSpec = spec;
  }
  if (f.target !== undefined) {
    const t = parseTarget(f.target);
    if (t.ok) request.targetSpl = t.value;
    else errors.push(t.error);
  }
  if (!f.headphone && f.impedance === undefined)
    errors.push('say which headphones: --headphone "<name>" or --impedance <Ω> [--sensitivity "<n> dB/mW"]');
  return { request, errors };
}

const PRESETS = `${TARGET_PRESETS.quiet} (quiet), ${TARGET_PRESETS.default} (default) or ${TARGET_PRESETS.loud} (loud)`;
/** The --target option's help: the presets and the accepted range. */
export const TARGET_HELP = `peak level to reach: ${PRESETS}; ${rangeText(RANGES.targetSpl)} accepted`;

/** A --target value ("110", "110 dB", "110 dB SPL"): a peak target in the accepted range, or what is wrong. */
export function parseTarget(raw: string): { ok: true; value: number } | { ok: false; error: string } {
  const t = Number(raw.replace(/\s*db(?:\s*spl)?\s*$/i, ''));
  if (!raw.trim() || !Number.isFinite(t))
    return { ok: false, error: `--target: "${raw}" is not a number of dB SPL (try ${PRESETS})` };
  if (!inRange(t, RANGES.targetSpl))
    return { ok: false, error: `--target: ${t} dB SPL is outside ${rangeText(RANGES.targetSpl)} dB` };
  return { ok: true, value: t };
}
