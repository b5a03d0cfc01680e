/**
 * Input validation. Every function returns a list of plain-English error messages naming the offending value;
 * an empty list means valid. Inputs are checked at run time (they may come from JSON or user text).
 */
import type { HeadphoneSpec, SourceSpec } from './types.js';
import { fmt, show } from '../format.js';
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
function checkOhms(label: string, v: unknown, errors: string[], allowZero = false): void {
  if (!isNum(v) || (allowZero ? v < 0 : v <= 0)) {
    const need = allowZero ? '0 Ω or more' : 'greater than 0 Ω';
    errors.push(`${label} must be a finite number ${need}; got ${show(v)}.`);
  } else if (!allowZero && v < MIN_IMPEDANCE_OHM) {
    errors.push(`${label} of ${fmt(v)} Ω is below ${MIN_IMPEDANCE_OHM} Ω, which is not plausible.`);
  } else if (v > MAX_IMPEDANCE_OHM) {
    errors.push(`${label} of ${fmt(v)} Ω is above 100 kΩ, which is not plausible.`);
  }
}

function checkPositive(label: string, v: unknown, unit: string, errors: string[], max?: number, min?: number): void {
  if (!isNum(v) || v <= 0) errors.push(`${label} must be a finite number greater than 0 ${unit}; got ${show(v)}.`);
  else if (max !== undefined && v > max)
    errors.push(`${label} of ${fmt(v)} ${unit} is above ${fmt(max)} ${unit}, which is not plausible.`);
  else if (min !== undefined && v < min)
    errors.push(`${label} of ${fmt(v)} ${unit} is below ${fmt(min)} ${unit}, which is not plausible.`);
}

export function validateHeadphone(hp: HeadphoneSpec): string[] {
  const errors: string[] = [];
  if (hp === null || typeof hp !== 'object') return [`Headphone spec must be an object; got ${show(hp)}.`];
  checkOhms('Headphone impedance', hp.impedanceOhm, errors);
  if (hp.impedanceMinOhm !== undefined) checkOhms('Minimum headphone impedance', hp.impedanceMinOhm, errors);
  if (hp.impedanceMaxOhm !== undefined) checkOhms('Maximum headphone impedance', hp.impedanceMaxOhm, errors);
  if (errors.length === 0) {
    // The range only needs to be a range: a measured curve often sits above or below a rounded nominal figure, and
    // the response-deviation check widens it to include the nominal (warnings.ts).
    const min = hp.impedanceMinOhm;
    const max = hp.impedanceMaxOhm;
    if (min !== undefined && max !== undefined && min > max) {
      errors.push(`Minimum impedance ${fmt(min)} Ω is greater than maximum impedance ${fmt(max)} Ω.`);
    }
  }
  const s = hp.sensitivity as unknown;
  if (s !== undefined) {
    if (s === null || typeof s !== 'object') {
      errors.push(`Sensitivity must be an object with value and unit; got ${show(s)}.`);
    } else {
      const { value, unit } = s as { value: unknown; unit: unknown };
      if (!isNum(value)) errors.push(`Sensitivity must be a finite number of dB; got ${show(value)}.`);
      else if (value < SENSITIVITY_MIN_DB || value > SENSITIVITY_MAX_DB) {
        errors.push(
          `Sensitivity ${fmt(value)} dB is outside the plausible ${SENSITIVITY_MIN_DB}–${SENSITIVITY_MAX_DB} dB range.`,
        );
      }
      if (!(SENSITIVITY_UNITS as readonly unknown[]).includes(unit)) {
        errors.push(`Unknown sensitivity unit ${show(unit)}; use "dB/mW", "dB/V" or "unknown".`);
      }
    }
  }
  if (hp.driver !== undefined && !(DRIVER_TYPES as readonly unknown[]).includes(hp.driver)) {
    errors.push(`Unknown driver type ${show(hp.driver)}; use ${DRIVER_TYPES.join(', ')}.`);
  }
  if (hp.form !== undefined && !(HEADPHONE_FORMS as readonly unknown[]).includes(hp.form)) {
    errors.push(`Unknown headphone form ${show(hp.form)}; use ${HEADPHONE_FORMS.join(', ')}.`);
  }
  if (hp.maxPowerMw !== undefined)
    checkPositive('Maximum power handling', hp.maxPowerMw, 'mW', errors, 1_000_000, 0.001);
  return errors;
}

export function validateTarget(targetSpl: unknown): string[] {
  if (!isNum(targetSpl)) return [`Target level must be a finite number of dB SPL; got ${show(targetSpl)}.`];
  if (targetSpl < TARGET_MIN_SPL || targetSpl > TARGET_MAX_SPL) {
    return [
      `Target level ${fmt(targetSpl)} dB SPL is outside the accepted ${TARGET_MIN_SPL}–${TARGET_MAX_SPL} dB SPL range.`,
    ];
  }
  return [];
}

/** An optional list of objects: a non-list or a non-object item is reported; each object item goes to `check`. */
function eachObject(
  list: unknown,
  listLabel: string,
  itemLabel: (i: number) => string,
  errors: string[],
  check: (item: Record<string, unknown>, label: string, i: number) => void,
): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    errors.push(`${listLabel} must be a list; got ${show(list)}.`);
    return;
  }
  list.forEach((raw: unknown, i: number) => {
    const label = itemLabel(i);
    if (raw === null || typeof raw !== 'object') errors.push(`${label} must be an object; got ${show(raw)}.`);
    else check(raw as Record<string, unknown>, label, i);
  });
}

function validateFiguresFields(f: Record<string, unknown>, where: string, errors: string[]): void {
  const p = where ? `${where}: ` : '';
  eachObject(
    f.voltages,
    `${p}voltages`,
    (i) => `${p}Voltage rating ${i + 1}`,
    errors,
    (v, label) => {
      if (v.vrms === undefined && v.dbu === undefined && v.dbv === undefined) {
        errors.push(`${label} has no value; give vrms, dbu or dbv.`);
      }
      if (v.vrms !== undefined) {
        checkPositive(`${label} (Vrms)`, v.vrms, 'Vrms', errors, MAX_LEVEL_VRMS);
        if (isNum(v.vrms) && v.vrms > 0 && v.vrms < MIN_LEVEL_VRMS) {
          errors.push(`${label} of ${fmt(v.vrms)} Vrms is below ${MIN_LEVEL_VRMS} Vrms, which is not plausible.`);
        }
      }
      for (const key of ['dbu', 'dbv'] as const) {
        const x = v[key];
        if (x === undefined) continue;
        if (!isNum(x))
          errors.push(`${label} (${key === 'dbu' ? 'dBu' : 'dBV'}) must be a finite number; got ${show(x)}.`);
        else {
          const vrms = key === 'dbu' ? dbuToVrms(x) : dbvToVrms(x);
          if (vrms > MAX_LEVEL_VRMS || vrms < MIN_LEVEL_VRMS) {
            errors.push(
              `${label} of ${fmt(x)} ${key === 'dbu' ? 'dBu' : 'dBV'} is ${fmt(vrms)} Vrms, which is not plausible.`,
            );
          }
        }
      }
      if (v.loadOhm !== undefined) checkOhms(`${label} load`, v.loadOhm, errors);
    },
  );
  eachObject(
    f.powerRatings,
    `${p}powerRatings`,
    (i) => `${p}Power rating ${i + 1}`,
    errors,
    (r, label) => {
      checkPositive(`${label} power`, r.mw, 'mW', errors, 1_000_000, 0.001);
      checkOhms(`${label} load`, r.loadOhm, errors);
    },
  );
  if (f.outputImpedanceOhm !== undefined) checkOhms(`${p}Output impedance`, f.outputImpedanceOhm, errors, true);
  if (f.maxCurrentMa !== undefined) checkPositive(`${p}Current limit`, f.maxCurrentMa, 'mA', errors, 1_000_000, 0.01);
  if (f.noiseUv !== undefined) checkPositive(`${p}Output noise`, f.noiseUv, 'µV', errors, 1_000_000, 0.001);
}

/** Problems already found, by the spec object (device specs are built once and never changed). */
const checked = new WeakMap<SourceSpec, readonly string[]>();

export function validateSource(src: SourceSpec): readonly string[] {
  if (src === null || typeof src !== 'object') return [`Source spec must be an object; got ${show(src)}.`];
  const known = checked.get(src);
  if (known) return known;
  const errors = validateSourceFresh(src);
  checked.set(src, Object.freeze(errors));
  return errors;
}

function validateSourceFresh(src: SourceSpec): string[] {
  const errors: string[] = [];
  validateFiguresFields(src as unknown as Record<string, unknown>, '', errors);
  eachObject(
    src.gainModes as unknown,
    'gainModes',
    (i) => `Gain mode ${i + 1}`,
    errors,
    (m, label) => {
      const name = typeof m.name === 'string' && m.name.trim() !== '' ? m.name : null;
      if (name === null) errors.push(`${label} needs a name; got ${show(m.name)}.`);
      const where = name !== null ? `Gain mode ${JSON.stringify(name)}` : label;
      validateFiguresFields(m, where, errors);
      const r = m.loadRangeOhm as unknown;
      if (r !== undefined) {
        if (r === null || typeof r !== 'object')
          errors.push(`${where}: loadRangeOhm must be an object; got ${show(r)}.`);
        else {
          const { min, max } = r as { min?: unknown; max?: unknown };
          if (min !== undefined) checkOhms(`${where}: load range minimum`, min, errors, true);
          if (max !== undefined) checkOhms(`${where}: load range maximum`, max, errors);
          if (isNum(min) && isNum(max) && min >= max) {
            errors.push(`${where}: load range minimum ${fmt(min)} Ω is not below its maximum ${fmt(max)} Ω.`);
          }
        }
      }
    },
  );
  if (errors.length > 0) return errors;
  // Cross-figure contradictions, per figure set (base and each mode).
  for (const set of allFigureSets(src)) {
    const built = buildSourceModel(set.figures);
    if (!built.ok) {
      for (const e of built.errors) errors.push(set.name !== null ? `Gain mode ${JSON.stringify(set.name)}: ${e}` : e);
    }
  }
  return [...new Set(errors)];
}

export function validateMatchInput(hp: HeadphoneSpec, src: SourceSpec, targetSpl: unknown): string[] {
  return [...validateHeadphone(hp), ...validateSource(src), ...validateTarget(targetSpl)];
}
