/**
 * What a headphone needs at a target SPL: V_req = 10^((T − S_V)/20), P_req = 10^((T − S_mW)/10), I_req = V_req/Z.
 */
import type { HeadphoneSpec, KnownSensitivityUnit, Requirements } from './types.js';
import { dbMwToDbV, dbVToDbMw, dbToPowerRatio, vrmsToMa, voltageForSpl } from './units.js';
import { RANGES } from '../ranges.js';

/** Default peak target (NwAvGuy "More Power?"): 110 dB SPL peaks. */
export const DEFAULT_TARGET_SPL = 110;
/** Offered presets: quiet listeners / compressed music, default, loud / high dynamic range. */
export const TARGET_PRESETS = { quiet: 105, default: 110, loud: 115 } as const;
/** Accepted target range (dB SPL). */
export const TARGET_MIN_SPL = RANGES.targetSpl.min;
export const TARGET_MAX_SPL = RANGES.targetSpl.max;
/** Average listening sits roughly this far below the peaks (Benchmark: peaks 12–20 dB above average). */
export const AVERAGE_BELOW_PEAK_DB = 15;

/** Both forms of a sensitivity figure read in `unit`. */
export function sensitivityIn(
  value: number,
  unit: KnownSensitivityUnit,
  impedanceOhm: number,
): { dbV: number; dbMw: number } {
  return unit === 'dB/V'
    ? { dbV: value, dbMw: dbVToDbMw(value, impedanceOhm) }
    : { dbV: dbMwToDbV(value, impedanceOhm), dbMw: value };
}

/** The readings to evaluate: one for a known unit, both for 'unknown'. Empty when sensitivity is missing. */
export function sensitivityReadings(hp: HeadphoneSpec): KnownSensitivityUnit[] {
  if (!hp.sensitivity) return [];
  return hp.sensitivity.unit === 'unknown' ? ['dB/mW', 'dB/V'] : [hp.sensitivity.unit];
}

/** Requirements at `targetSpl` for a sensitivity `value` read in `unit`. */
export function requirementsAt(
  value: number,
  unit: KnownSensitivityUnit,
  impedanceOhm: number,
  targetSpl: number,
  ambiguous = false,
): Requirements {
  const s = sensitivityIn(value, unit, impedanceOhm);
  const vrms = voltageForSpl(s.dbV, targetSpl);
  return {
    vrms,
    mw: dbToPowerRatio(targetSpl - s.dbMw),
    ma: vrmsToMa(vrms, impedanceOhm),
    sensitivityDbV: s.dbV,
    sensitivityDbMw: s.dbMw,
    unitUsed: unit,
    ambiguous,
  };
}

/**
 * Requirements of a headphone at `targetSpl` (default 110). Null when sensitivity is missing.
 * For an unknown unit, `readAs` picks a reading; without it the more demanding reading (higher V_req) is returned.
 * Inputs are assumed valid (see validateHeadphone).
 */
export function requirementsFor(
  hp: HeadphoneSpec,
  targetSpl: number = DEFAULT_TARGET_SPL,
  readAs?: KnownSensitivityUnit,
): Requirements | null {
  const readings = sensitivityReadings(hp);
  if (!hp.sensitivity || readings.length === 0) return null;
  const ambiguous = readings.length > 1;
  const value = hp.sensitivity.value;
  if (readAs && ambiguous) return requirementsAt(value, readAs, hp.impedanceOhm, targetSpl, true);
  const all = readings.map((u) => requirementsAt(value, u, hp.impedanceOhm, targetSpl, ambiguous));
  return all.reduce((a, b) => (b.vrms > a.vrms ? b : a));
}
