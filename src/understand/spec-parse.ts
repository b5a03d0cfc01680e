/**
 * Parsers for the spec strings users and CLI flags type: sensitivity, impedance, level, power rating, current,
 * voltage-at-a-load, noise. Pure; each returns `{ ok: true, value } | { ok: false, error }` with a plain-English
 * error that quotes the input.
 */
import type { PowerRating, SensitivityUnit } from '../engine/types.js';
import { dbuToVrms, dbvToVrms, vpkToVrms, vppToVrms } from '../engine/units.js';
import { RANGES } from '../ranges.js';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

const NUM = String.raw`([+-]?(?:\d+(?:\.\d+)?|\.\d+))`;
const MAX_OHM = RANGES.impedanceOhm.max;
const MAX_VRMS = RANGES.levelVrms.max;
const SENS_MIN = RANGES.sensitivityDb.min;
const SENS_MAX = RANGES.sensitivityDb.max;

/** Lower-case, unify Ω/µ/minus signs and whitespace. Ω (U+03A9) and the ohm sign (U+2126) both become "ω". */
export function normaliseSpecText(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/\u2126/g, '\u03a9')
    .toLowerCase()
    .replace(/[\u00b5\u03bc]/g, 'u')
    .replace(/[\u2212\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

const fail = <T>(error: string): ParseResult<T> => ({ ok: false, error });
/** The input quoted for a message, cut to a readable length. */
const quote = (input: string) => JSON.stringify(input.length > 40 ? `${input.slice(0, 37)}…` : input);
/** The refusal for a number too long to mean anything. */
const tooLargeError = <T>(input: string): ParseResult<T> =>
  fail(`${quote(input)} is too large a number to be a figure.`);
const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });

function leadingNumber(s: string): { n: number; rest: string } | null {
  const m = new RegExp(`^${NUM}\\s*(.*)$`).exec(s);
  if (!m || m[1] === undefined) return null;
  const n = Number(m[1]);
  if (!Number.isFinite(n)) return null;
  return { n, rest: (m[2] ?? '').trim() };
}

/** A number too long to mean anything (310+ digits overflow to Infinity; 16+ lose their digits). */
export function tooLarge(input: string): boolean {
  return /\d{16,}/.test(input.replace(/[\s,_]/g, ''));
}

/** Trailing test-frequency notes: "@ 1 kHz", "at 500 Hz", "(1kHz)". */
function stripFrequency(rest: string): string {
  return rest.replace(/\s*\(?\s*(?:@|at)?\s*\d+(?:\.\d+)?\s*k?hz\s*\)?\s*$/, '').trim();
}

// ------------------------------------------------------------------ sensitivity

export interface ParsedSensitivity {
  value: number;
  unit: SensitivityUnit;
  /** Set when "102 dBV" was read as dB SPL per volt (a level in dBV that high would be absurd). */
  note?: 'dBV_read_as_per_volt';
}

/**
 * "97 dB/mW", "97db spl/mw", "97 dB SPL/mW", "97 dB @ 1 mW", "102 dB/V", "102 dB SPL/Vrms", "102dBV" (read as per
 * volt, flagged), "97 dB" or "97" (unit unknown → evaluated both ways). Value must be 70–140 dB.
 */
export function parseSensitivity(input: string): ParseResult<ParsedSensitivity> {
  if (tooLarge(input)) return tooLargeError(input);
  const s = normaliseSpecText(input);
  const lead = leadingNumber(s);
  if (!lead) return fail(`Can't read ${quote(input)} as a sensitivity; try "97 dB/mW" or "102 dB/V".`);
  const rest = stripFrequency(lead.rest);
  let unit: SensitivityUnit;
  let note: ParsedSensitivity['note'];
  const per = String.raw`^db\s*(?:spl)?\s*(?:\/|per|@|at|re)\s*1?\s*`;
  if (rest === '' || /^db\s*(?:spl)?$/.test(rest)) unit = 'unknown';
  else if (new RegExp(`${per}mw$`).test(rest)) unit = 'dB/mW';
  else if (new RegExp(`${per}v\\s*(?:rms)?$`).test(rest)) unit = 'dB/V';
  else if (/^dbv$/.test(rest) || /^db\s*spl\s*v$/.test(rest)) {
    unit = 'dB/V';
    note = 'dBV_read_as_per_volt';
  } else if (/^db\s*(?:spl)?\s*(?:\/|per|@|at|re)/.test(rest)) {
    return fail(`Unknown sensitivity unit in ${quote(input)}; use dB/mW (per milliwatt) or dB/V (per volt).`);
  } else return fail(`Can't read ${quote(input)} as a sensitivity; try "97 dB/mW" or "102 dB/V".`);
  if (lead.n < SENS_MIN || lead.n > SENS_MAX) {
    return fail(
      `Sensitivity ${lead.n} dB in ${quote(input)} is outside the plausible ${SENS_MIN}–${SENS_MAX} dB range.`,
    );
  }
  return ok(note ? { value: lead.n, unit, note } : { value: lead.n, unit });
}

// ------------------------------------------------------------------ impedance

/** Ohms from "250", "250 ohm", "250Ω", "250-ohm", "250ohms", "32 Ohm", "1k", "1 kohm", "1.2 kΩ". */
export function parseImpedance(input: string): ParseResult<number> {
  if (tooLarge(input)) return tooLargeError(input);
  const s = normaliseSpecText(input);
  const lead = leadingNumber(s);
  if (!lead) return fail(`Can't read ${quote(input)} as an impedance; try "250 ohm" or "32 Ω".`);
  const m = /^-?\s*(k)?\s*(?:ω|ohms?|r)?$/.exec(lead.rest);
  if (!m) return fail(`Can't read ${quote(input)} as an impedance; try "250 ohm" or "32 Ω".`);
  const ohms = lead.n * (m[1] ? 1000 : 1);
  if (!(ohms > 0)) return fail(`Impedance must be greater than 0 Ω; got ${quote(input)}.`);
  if (ohms > MAX_OHM) return fail(`Impedance ${ohms} Ω in ${quote(input)} is above 100 kΩ, which is not plausible.`);
  return ok(ohms);
}

// ------------------------------------------------------------------ level

export type LevelUnit = 'Vrms' | 'mVrms' | 'dBu' | 'dBV' | 'Vpp' | 'Vpk';

export interface ParsedLevel {
  vrms: number;
  given: { value: number; unit: LevelUnit };
}

/**
 * Vrms from "1.2 Vrms", "1.2V", "1200 mV", "+13 dBu", "13dBu", "-2 dBV", "3 Vpp" (sine: Vpp/(2√2)),
 * "4 Vpk" / "4 Vp" / "4 V peak" (sine: Vpk/√2).
 */
export function parseLevel(input: string): ParseResult<ParsedLevel> {
  if (tooLarge(input)) return tooLargeError(input);
  const s = normaliseSpecText(input);
  const lead = leadingNumber(s);
  const hint = `try "1.2 Vrms", "+13 dBu" or "-2 dBV"`;
  if (!lead) return fail(`Can't read ${quote(input)} as an output level; ${hint}.`);
  const rest = lead.rest.replace(/[()]/g, '').trim();
  let unit: LevelUnit;
  let vrms: number;
  if (rest === 'dbu') {
    unit = 'dBu';
    vrms = dbuToVrms(lead.n);
  } else if (rest === 'dbv') {
    unit = 'dBV';
    vrms = dbvToVrms(lead.n);
  } else {
    const m = /^(m)?v(?:olts?)?\s*(rms|pp|p-p|peak-to-peak|peak to peak|pk|p|peak|pk-pk)?$/.exec(rest);
    if (!m) return fail(`Can't read ${quote(input)} as an output level; ${hint}.`);
    const milli = m[1] === 'm';
    const kind = m[2];
    const v = milli ? lead.n / 1000 : lead.n;
    if (kind === 'pp' || kind === 'p-p' || kind === 'peak-to-peak' || kind === 'peak to peak' || kind === 'pk-pk') {
      unit = 'Vpp';
      vrms = vppToVrms(v);
    } else if (kind === 'pk' || kind === 'p' || kind === 'peak') {
      unit = 'Vpk';
      vrms = vpkToVrms(v);
    } else {
      unit = milli ? 'mVrms' : 'Vrms';
      vrms = v;
    }
    if (!(lead.n > 0)) return fail(`An output voltage must be greater than 0; got ${quote(input)}.`);
  }
  if (!Number.isFinite(vrms))
    return fail(`${quote(input)} is too large to be an output level (more than ${MAX_VRMS} Vrms).`);
  if (vrms > MAX_VRMS) {
    const extra = unit === 'dBV' ? ' (did you mean a sensitivity in dB SPL/V?)' : '';
    return fail(
      `${quote(input)} is ${Number(vrms.toPrecision(4))} Vrms, which is not a plausible output level${extra}.`,
    );
  }
  return ok({ vrms, given: { value: lead.n, unit } });
}

// ------------------------------------------------------------------ power rating

/** "300 mW @ 32 Ω", "300mW@32ohm", "30mW into 32 ohms", "1.5 W @ 32 Ω", "32 mW at 33 ohms". */
export function parsePowerRating(input: string): ParseResult<PowerRating> {
  if (tooLarge(input)) return tooLargeError(input);
  const s = normaliseSpecText(input).replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();
  const re = new RegExp(
    String.raw`^${NUM}\s*(m)?w(?:atts?)?(?:\s*rms)?\s*(?:@|at|into|on|\/|per)?\s*${NUM}\s*-?\s*(k)?\s*(?:ω|ohms?|r)?$`,
  );
  const m = re.exec(s);
  if (!m || m[1] === undefined || m[3] === undefined) {
    return fail(`Can't read ${quote(input)} as a power rating; try "32 mW @ 33 Ω" or "1.5 W into 32 ohms".`);
  }
  const mw = Number(m[1]) * (m[2] ? 1 : 1000);
  const loadOhm = Number(m[3]) * (m[4] ? 1000 : 1);
  if (!(mw > 0)) return fail(`Power in ${quote(input)} must be greater than 0.`);
  if (!(loadOhm > 0) || loadOhm > MAX_OHM) return fail(`Load in ${quote(input)} must be between 0 and 100 kΩ.`);
  return ok({ mw, loadOhm });
}

// ------------------------------------------------------------------ current

/** mA from "100 mA", "100mA rms", "0.1 A". */
export function parseCurrent(input: string): ParseResult<number> {
  if (tooLarge(input)) return tooLargeError(input);
  const s = normaliseSpecText(input);
  const lead = leadingNumber(s);
  const m = lead ? /^(m)?a(?:mps?)?(?:\s*rms)?$/.exec(lead.rest) : null;
  if (!lead || !m) return fail(`Can't read ${quote(input)} as a current; try "100 mA".`);
  const ma = lead.n * (m[1] ? 1 : 1000);
  if (!(ma > 0)) return fail(`A current limit must be greater than 0 mA; got ${quote(input)}.`);
  return ok(ma);
}

// ------------------------------------------------------------------ voltage at a load

export interface ParsedVoltageRating {
  vrms: number;
  /** Undefined = open circuit / unloaded. */
  loadOhm?: number;
  given: ParsedLevel['given'];
}

/** "+10 dBu into 300 Ω", "2.45 V @ 300 ohm", "1.03 Vrms at 33Ω", or a bare level ("2 Vrms", unloaded). */
export function parseVoltageRating(input: string): ParseResult<ParsedVoltageRating> {
  if (tooLarge(input)) return tooLargeError(input);
  const s = normaliseSpecText(input)
    .replace(/\(?\s*(?:open[- ]circuit|unloaded|no load)\s*\)?/g, '')
    .trim();
  const parts = s.split(/\s*(?:@|\binto\b|\bat\b)\s*/);
  if (parts.length > 2) return fail(`Can't read ${quote(input)} as a voltage rating; try "+10 dBu into 300 Ω".`);
  const level = parseLevel(parts[0] ?? '');
  if (!level.ok) return level;
  if (parts.length === 1) return ok({ vrms: level.value.vrms, given: level.value.given });
  const load = parseImpedance(parts[1] ?? '');
  if (!load.ok) return fail(`Can't read the load in ${quote(input)}: ${load.error}`);
  return ok({ vrms: level.value.vrms, loadOhm: load.value, given: level.value.given });
}

// ------------------------------------------------------------------ noise

/** µV from "3 µV", "3uV", "0.003 mV", "-110 dBV" (→ 3.16 µV), "-108 dBu". */
export function parseNoise(input: string): ParseResult<number> {
  if (tooLarge(input)) return tooLargeError(input);
  const s = normaliseSpecText(input);
  const lead = leadingNumber(s);
  if (!lead) return fail(`Can't read ${quote(input)} as a noise level; try "3 µV".`);
  let uv: number | null = null;
  if (lead.rest === 'dbv') uv = dbvToVrms(lead.n) * 1e6;
  else if (lead.rest === 'dbu') uv = dbuToVrms(lead.n) * 1e6;
  else {
    const m = /^(u|n|m)?v(?:\s*rms)?$/.exec(lead.rest);
    if (m) uv = lead.n * (m[1] === 'u' ? 1 : m[1] === 'n' ? 1e-3 : m[1] === 'm' ? 1e3 : 1e6);
  }
  if (uv === null) return fail(`Can't read ${quote(input)} as a noise level; try "3 µV".`);
  if (!(uv > 0) || !Number.isFinite(uv)) return fail(`A noise level must be greater than 0; got ${quote(input)}.`);
  return ok(uv);
}
