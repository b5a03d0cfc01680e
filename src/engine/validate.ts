/**
 * Input validation. Every function returns a list of problems (codes with the field, the place and the offending
 * value; src/answer/problem-text.ts words them); an empty list means valid. Inputs are checked at run time (they may
 * come from JSON or user text).
 */
import type { HeadphoneSpec, SourceSpec } from './types.js';
import { show } from '../format.js';
import { type Field, type FieldName, type Place, type Problem, within } from './problems.js';
import { allFigureSets, buildSourceModel } from './source-model.js';
import { TARGET_MAX_SPL, TARGET_MIN_SPL } from './headphone.js';
import { dbuToVrms, dbvToVrms } from './units.js';
import { RANGES } from '../ranges.js';

// The ranges live in src/ranges.ts (shared with the parsers, schemas and commands); these names are the engine's.
export const MAX_IMPEDANCE_OHM = RANGES.impedanceOhm.max;
export const MIN_IMPEDANCE_OHM = RANGES.impedanceOhm.min;
export const SENSITIVITY_MIN_DB = RANGES.sensitivityDb.min;
export const SENSITIVITY_MAX_DB = RANGES.sensitivityDb.max;
export const MIN_LEVEL_VRMS = RANGES.levelVrms.min;
export const MAX_LEVEL_VRMS = RANGES.levelVrms.max;
export const SENSITIVITY_UNITS = ['dB/mW', 'dB/V', 'unknown'] as const;
export const DRIVER_TYPES = ['dynamic', 'planar', 'balanced-armature', 'electrostatic', 'hybrid'] as const;
export const HEADPHONE_FORMS = ['over-ear', 'on-ear', 'iem', 'earbud', 'headset'] as const;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A resistance-like figure: finite, > 0 (or ≥ 0 when allowZero), at least 1 Ω unless allowZero, at most 100 kΩ. */
function checkOhms(field: Field, v: unknown, problems: Problem[], allowZero = false): void {
  if (!isNum(v) || (allowZero ? v < 0 : v <= 0)) {
    problems.push({
      code: 'not_a_number',
      field,
      got: show(v),
      unit: 'Ω',
      sign: allowZero ? 'zero_or_more' : 'positive',
    });
  } else if (!allowZero && v < MIN_IMPEDANCE_OHM) {
    problems.push({ code: 'not_plausible', field, value: v, unit: 'Ω', bound: 'below', limit: MIN_IMPEDANCE_OHM });
  } else if (v > MAX_IMPEDANCE_OHM) {
    problems.push({ code: 'not_plausible', field, value: v, unit: 'Ω', bound: 'above', limit: MAX_IMPEDANCE_OHM });
  }
}

function checkPositive(field: Field, v: unknown, unit: string, problems: Problem[], max?: number, min?: number): void {
  if (!isNum(v) || v <= 0) problems.push({ code: 'not_a_number', field, got: show(v), unit, sign: 'positive' });
  else if (max !== undefined && v > max)
    problems.push({ code: 'not_plausible', field, value: v, unit, bound: 'above', limit: max });
  else if (min !== undefined && v < min)
    problems.push({ code: 'not_plausible', field, value: v, unit, bound: 'below', limit: min });
}

const HP_FIELD = { name: 'headphone' } as const;

export function validateHeadphone(hp: HeadphoneSpec): Problem[] {
  const problems: Problem[] = [];
  if (hp === null || typeof hp !== 'object') return [{ code: 'not_an_object', field: HP_FIELD, got: show(hp) }];
  checkOhms({ name: 'impedance' }, hp.impedanceOhm, problems);
  if (hp.impedanceMinOhm !== undefined) checkOhms({ name: 'impedance_min' }, hp.impedanceMinOhm, problems);
  if (hp.impedanceMaxOhm !== undefined) checkOhms({ name: 'impedance_max' }, hp.impedanceMaxOhm, problems);
  if (problems.length === 0) {
    // The range only needs to be a range: a measured curve often sits above or below a rounded nominal figure, and
    // the response-deviation check widens it to include the nominal (warnings.ts).
    const min = hp.impedanceMinOhm;
    const max = hp.impedanceMaxOhm;
    if (min !== undefined && max !== undefined && min > max)
      problems.push({ code: 'min_above_max', field: { name: 'impedance_range' }, min, max });
  }
  const s = hp.sensitivity as unknown;
  if (s !== undefined) {
    if (s === null || typeof s !== 'object') {
      problems.push({ code: 'not_an_object', field: { name: 'sensitivity' }, got: show(s) });
    } else {
      const { value, unit } = s as { value: unknown; unit: unknown };
      if (!isNum(value))
        problems.push({ code: 'not_a_number', field: { name: 'sensitivity' }, got: show(value), unit: 'dB' });
      else if (value < SENSITIVITY_MIN_DB || value > SENSITIVITY_MAX_DB) {
        problems.push({
          code: 'out_of_range',
          field: { name: 'sensitivity' },
          value,
          unit: 'dB',
          min: SENSITIVITY_MIN_DB,
          max: SENSITIVITY_MAX_DB,
          range: 'plausible',
        });
      }
      if (!(SENSITIVITY_UNITS as readonly unknown[]).includes(unit))
        problems.push({
          code: 'unknown_choice',
          field: { name: 'sensitivity_unit' },
          got: show(unit),
          choices: SENSITIVITY_UNITS,
        });
    }
  }
  if (hp.driver !== undefined && !(DRIVER_TYPES as readonly unknown[]).includes(hp.driver))
    problems.push({ code: 'unknown_choice', field: { name: 'driver' }, got: show(hp.driver), choices: DRIVER_TYPES });
  if (hp.form !== undefined && !(HEADPHONE_FORMS as readonly unknown[]).includes(hp.form))
    problems.push({ code: 'unknown_choice', field: { name: 'form' }, got: show(hp.form), choices: HEADPHONE_FORMS });
  if (hp.maxPowerMw !== undefined)
    checkPositive({ name: 'max_power' }, hp.maxPowerMw, 'mW', problems, 1_000_000, 0.001);
  return problems;
}

export function validateTarget(targetSpl: unknown): Problem[] {
  const field = { name: 'target' } as const;
  if (!isNum(targetSpl)) return [{ code: 'not_a_number', field, got: show(targetSpl), unit: 'dB SPL' }];
  if (targetSpl < TARGET_MIN_SPL || targetSpl > TARGET_MAX_SPL) {
    return [
      {
        code: 'out_of_range',
        field,
        value: targetSpl,
        unit: 'dB SPL',
        min: TARGET_MIN_SPL,
        max: TARGET_MAX_SPL,
        range: 'accepted',
      },
    ];
  }
  return [];
}

/** An optional list of objects: a non-list or a non-object item is reported; each object item goes to `check`. */
function eachObject(
  list: unknown,
  listField: FieldName,
  itemField: FieldName,
  problems: Problem[],
  check: (item: Record<string, unknown>, index: number) => void,
): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    problems.push({ code: 'not_a_list', field: { name: listField }, got: show(list) });
    return;
  }
  list.forEach((raw: unknown, index: number) => {
    if (raw === null || typeof raw !== 'object')
      problems.push({ code: 'not_an_object', field: { name: itemField, index }, got: show(raw) });
    else check(raw as Record<string, unknown>, index);
  });
}

function validateFiguresFields(f: Record<string, unknown>, problems: Problem[]): void {
  eachObject(f.voltages, 'voltages', 'voltage', problems, (v, index) => {
    if (v.vrms === undefined && v.dbu === undefined && v.dbv === undefined)
      problems.push({ code: 'no_value', field: { name: 'voltage', index } });
    if (v.vrms !== undefined) {
      checkPositive({ name: 'voltage_vrms', index }, v.vrms, 'Vrms', problems, MAX_LEVEL_VRMS);
      if (isNum(v.vrms) && v.vrms > 0 && v.vrms < MIN_LEVEL_VRMS) {
        problems.push({
          code: 'not_plausible',
          field: { name: 'voltage', index },
          value: v.vrms,
          unit: 'Vrms',
          bound: 'below',
          limit: MIN_LEVEL_VRMS,
        });
      }
    }
    for (const key of ['dbu', 'dbv'] as const) {
      const x = v[key];
      if (x === undefined) continue;
      const unit = key === 'dbu' ? 'dBu' : 'dBV';
      if (!isNum(x)) problems.push({ code: 'not_a_number', field: { name: `voltage_${key}`, index }, got: show(x) });
      else {
        const vrms = key === 'dbu' ? dbuToVrms(x) : dbvToVrms(x);
        if (vrms > MAX_LEVEL_VRMS || vrms < MIN_LEVEL_VRMS)
          problems.push({ code: 'level_not_plausible', field: { name: 'voltage', index }, value: x, unit, vrms });
      }
    }
    if (v.loadOhm !== undefined) checkOhms({ name: 'voltage_load', index }, v.loadOhm, problems);
  });
  eachObject(f.powerRatings, 'power_ratings', 'power_rating', problems, (r, index) => {
    checkPositive({ name: 'power_mw', index }, r.mw, 'mW', problems, 1_000_000, 0.001);
    checkOhms({ name: 'power_load', index }, r.loadOhm, problems);
  });
  if (f.outputImpedanceOhm !== undefined) checkOhms({ name: 'output_impedance' }, f.outputImpedanceOhm, problems, true);
  if (f.maxCurrentMa !== undefined)
    checkPositive({ name: 'current_limit' }, f.maxCurrentMa, 'mA', problems, 1_000_000, 0.01);
  if (f.noiseUv !== undefined) checkPositive({ name: 'noise' }, f.noiseUv, 'µV', problems, 1_000_000, 0.001);
}

/** Problems already found, by the spec object (device specs are built once and never changed). */
const checked = new WeakMap<SourceSpec, readonly Problem[]>();

export function validateSource(src: SourceSpec): readonly Problem[] {
  if (src === null || typeof src !== 'object')
    return [{ code: 'not_an_object', field: { name: 'source' }, got: show(src) }];
  const known = checked.get(src);
  if (known) return known;
  const problems = validateSourceFresh(src);
  checked.set(src, Object.freeze(problems));
  return problems;
}

function validateSourceFresh(src: SourceSpec): Problem[] {
  const problems: Problem[] = [];
  validateFiguresFields(src as unknown as Record<string, unknown>, problems);
  eachObject(src.gainModes as unknown, 'gain_modes', 'gain_mode', problems, (m, index) => {
    const name = typeof m.name === 'string' && m.name.trim() !== '' ? m.name : null;
    if (name === null) problems.push({ code: 'needs_name', field: { name: 'gain_mode', index }, got: show(m.name) });
    const place: Place = name !== null ? { kind: 'gain_mode', name } : { kind: 'gain_mode_at', index };
    const inMode: Problem[] = [];
    validateFiguresFields(m, inMode);
    const r = m.loadRangeOhm as unknown;
    if (r !== undefined) {
      if (r === null || typeof r !== 'object')
        inMode.push({ code: 'not_an_object', field: { name: 'load_range' }, got: show(r) });
      else {
        const { min, max } = r as { min?: unknown; max?: unknown };
        if (min !== undefined) checkOhms({ name: 'load_range_min' }, min, inMode, true);
        if (max !== undefined) checkOhms({ name: 'load_range_max' }, max, inMode);
        if (isNum(min) && isNum(max) && min >= max)
          inMode.push({ code: 'min_above_max', field: { name: 'load_range' }, min, max });
      }
    }
    problems.push(...within(place, inMode));
  });
  if (problems.length > 0) return problems;
  // Cross-figure contradictions, per figure set (base and each mode).
  const seen = new Set<string>();
  for (const set of allFigureSets(src)) {
    const built = buildSourceModel(set.figures);
    if (built.ok) continue;
    const found = set.name !== null ? within({ kind: 'gain_mode', name: set.name }, built.problems) : built.problems;
    for (const p of found) {
      const key = JSON.stringify(p);
      if (!seen.has(key)) problems.push(p);
      seen.add(key);
    }
  }
  return problems;
}

export function validateMatchInput(hp: HeadphoneSpec, src: SourceSpec, targetSpl: unknown): Problem[] {
  return [...validateHeadphone(hp), ...validateSource(src), ...validateTarget(targetSpl)];
}

/** The problems of a source's outputs, each under its output's name (none at all is a problem too). */
export function outputProblems(outputs: readonly { id: string; spec: SourceSpec }[]): Problem[] {
  if (outputs.length === 0) return [{ code: 'no_outputs' }];
  return outputs.flatMap((o) => within({ kind: 'output', id: o.id }, validateSource(o.spec)));
}
