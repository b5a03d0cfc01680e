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
    const t = Number(f.target.replace(/\s*db(?:\s*spl)?\s*$/i, ''));
    if (!Number.isFinite(t)) errors.push(`--target: "${f.target}" is not a number of dB SPL (try 105, 110 or 115)`);
    else if (t < 60 || t > 130) errors.push(`--target: ${t} dB SPL is outside 60–130 dB`);
    else request.targetSpl = t;
  }
  if (!f.headphone && f.impedance === undefined)
    errors.push('say which headphones: --headphone "<name>" or --impedance <Ω> [--sensitivity "<n> dB/mW"]');
  return { request, errors };
}
