/**
 * Numbers with units in free text, in every common spelling: impedances (250 ohm, 250Ω, 250-ohm, 32 Ohm),
 * sensitivities (97 dB/mW, 97db spl/mw, 102 dB/V), levels (1.2 Vrms, +13 dBu, 2.45 V into 300 Ω), power ratings
 * (300 mW @ 32 Ω, 30mW into 32 ohms), output impedance (10 ohm output impedance), currents (100 mA), target levels.
 */
import type { DriverType, PowerRating, Sensitivity, SourceSpec, VoltageRating } from '../engine/index.js';
import { dbuToVrms, dbvToVrms } from '../engine/units.js';
import { normaliseSpecText } from './spec-parse.js';
import { inRange, RANGES } from '../ranges.js';

export interface Entities {
  impedancesOhm: number[];
  sensitivities: Sensitivity[];
  levels: VoltageRating[];
  powers: PowerRating[];
  outputImpedanceOhm?: number;
  currentMa?: number;
  targetSpl?: number;
  driver?: DriverType;
}

/**
 * A number: only where one starts (not inside a longer run of digits) and of a sane length. Unanchored, a regex
 * starting with \d+ retries at every digit of a long run — O(n²) on "999…9" (4,000 digits ≈ 0.4 s).
 */
const N = String.raw`(?<![\d.])(\d{1,9}(?:\.\d{1,6})?)`;
const OHM = String.raw`\s*-?\s*(k)?\s*(?:ω|ohms?\b|ohm|r\b)`;

interface Span {
  start: number;
  end: number;
}

export function extractEntities(input: string): Entities {
  const text = normaliseSpecText(input).replace(/(\d),(\d{3})\b/g, '$1$2');
  const used: Span[] = [];
  const free = (m: RegExpExecArray) => !used.some((u) => m.index < u.end && m.index + m[0].length > u.start);
  const take = (m: RegExpExecArray) => used.push({ start: m.index, end: m.index + m[0].length });
  const all = (re: RegExp) => [...text.matchAll(re)].filter((m) => free(m as RegExpExecArray)) as RegExpExecArray[];
  const out: Entities = { impedancesOhm: [], sensitivities: [], levels: [], powers: [] };

  // Power ratings: "300 mW @ 32 Ω", "30mW into 32 ohms", "300mW or more (32ohms)", "1.5 W at 32 ohm".
  for (const m of all(
    new RegExp(
      String.raw`${N}\s*(m)?w(?:atts?)?\b(?:\s*rms)?[^\d\n]{0,14}?` +
        String.raw`(?:@|\bat\b|\binto\b|\bon\b|\/|\(|\bper\b)\s*${N}${OHM}`,
      'g',
    ),
  )) {
    const mw = Number(m[1]) * (m[2] ? 1 : 1000);
    const load = Number(m[3]) * (m[4] ? 1000 : 1);
    if (mw > 0 && load > 0) {
      out.powers.push({ mw, loadOhm: load });
      take(m);
    }
  }
  // Sensitivity with its reference: "97 dB/mW", "97db spl/mw", "102 dB/V", "97 dB SPL per mW", "102dBV".
  for (const m of all(new RegExp(String.raw`${N}\s*db\s*(?:spl)?\s*(?:\/|per|@\s*1\s*)\s*(mw|vrms|v)\b`, 'g'))) {
    const value = Number(m[1]);
    if (inRange(value, RANGES.sensitivityReadDb)) {
      out.sensitivities.push({ value, unit: m[2] === 'mw' ? 'dB/mW' : 'dB/V' });
      take(m);
    }
  }
  // Reference in brackets after the number: "105 dB (1 kHz, 1 Vrms)", "97 dB SPL @ 1 kHz/1 mW".
  for (const m of all(
    new RegExp(
      String.raw`${N}\s*db(?:\s*spl)?\s*[(@,]?[^()\n\d]{0,4}(?:1\s*khz\s*[,/]?\s*)?\b1\s*(mw|vrms|v)\b\)?`,
      'g',
    ),
  )) {
    const value = Number(m[1]);
    if (inRange(value, RANGES.sensitivityReadDb)) {
      out.sensitivities.push({ value, unit: m[2] === 'mw' ? 'dB/mW' : 'dB/V' });
      take(m);
    }
  }
  for (const m of all(new RegExp(String.raw`${N}\s*dbv\b`, 'g'))) {
    if (inRange(Number(m[1]), RANGES.sensitivityReadDb)) {
      out.sensitivities.push({ value: Number(m[1]), unit: 'dB/V' });
      take(m);
    }
  }
  // "sensitivity of 97 dB" / "97 dB sensitivity": unit unknown.
  for (const m of all(
    new RegExp(
      String.raw`sensitivity\D{0,12}${N}\s*db\b(?!\s*(?:spl\s*)?(?:peak|target))|${N}\s*db(?:\s*spl)?\s*sensitivity`,
      'g',
    ),
  )) {
    const value = Number(m[1] ?? m[2]);
    if (inRange(value, RANGES.sensitivityDb)) {
      out.sensitivities.push({ value, unit: 'unknown' });
      take(m);
    }
  }
  // Output impedance: "10 ohm output impedance", "output impedance of 10 ohms", "Zout 2 Ω".
  for (const m of all(
    new RegExp(
      String.raw`${N}${OHM}\s*(?:of\s*)?(?:output impedance|output resistance|zout|z out)|` +
        String.raw`(?:output impedance|zout|z out)\s*(?:of|is|=|:)?\s*(?:about|around|~)?\s*${N}${OHM}`,
      'g',
    ),
  )) {
    out.outputImpedanceOhm = Number(m[1] ?? m[3]) * (m[2] || m[4] ? 1000 : 1);
    take(m);
  }
  // Levels: "1.2 Vrms", "+13 dBu", "-2 dBV", "2.45 V into 300 Ω".
  for (const m of all(
    new RegExp(
      String.raw`(?<![\d.])([+-]?\d{1,9}(?:\.\d{1,6})?)\s*(vrms|v\s*rms|mv|dbu|dbv|volts?|v)\b` +
        String.raw`(?:\s*(?:@|\bat\b|\binto\b)\s*${N}${OHM})?`,
      'g',
    ),
  )) {
    const n = Number(m[1]);
    const unit = m[2]!.replace(/\s/g, '').replace(/^volts?$/, 'v');
    const vrms = unit === 'dbu' ? dbuToVrms(n) : unit === 'dbv' ? dbvToVrms(n) : unit === 'mv' ? n / 1000 : n;
    // Up to 1,000 V is read (an implausible level is flagged by the engine, not silently dropped).
    if (!(vrms > 0 && vrms <= 1000)) continue;
    const level: VoltageRating = { vrms };
    if (m[3]) level.loadOhm = Number(m[3]) * (m[4] ? 1000 : 1);
    out.levels.push(level);
    take(m);
  }
  for (const m of all(/(?<![\d.])(\d{1,9}(?:\.\d{1,6})?)\s*ma\b/g)) {
    out.currentMa = Number(m[1]);
    take(m);
  }
  // Impedances: "250 ohm", "250Ω", "250-ohm", "250ohms", "1k ohm".
  for (const m of all(new RegExp(`${N}${OHM}`, 'g'))) {
    const z = Number(m[1]) * (m[2] ? 1000 : 1);
    if (z >= 1 && z <= 100_000) out.impedancesOhm.push(z);
    take(m);
  }
  const target = /\b(\d{2,3})\s*db\s*(?:spl)?\s*(?:peaks?|target|max)\b/.exec(text);
  if (target && inRange(Number(target[1]), RANGES.targetSpl)) out.targetSpl = Number(target[1]);
  if (/\bplanar/.test(text)) out.driver = 'planar';
  else if (/\bbalanced[- ]armature|\bba\s+iems?\b/.test(text)) out.driver = 'balanced-armature';
  else if (/\belectrostat/.test(text)) out.driver = 'electrostatic';
  return out;
}

/**
 * The source figures in what was extracted, or null when there is no level or power rating to drive anything.
 * `bareImpedanceIsOutputImpedance`: in a field that only describes a source ("1.2 Vrms 10 ohm"), a plain
 * impedance is the output impedance; in a whole question it belongs to the headphones.
 */
export function sourceSpecFrom(
  e: Entities,
  opts: { bareImpedanceIsOutputImpedance?: boolean } = {},
): SourceSpec | null {
  if (!e.levels.length && !e.powers.length) return null;
  const spec: SourceSpec = {};
  if (e.levels.length) spec.voltages = e.levels;
  if (e.powers.length) spec.powerRatings = e.powers;
  const zOut = e.outputImpedanceOhm ?? (opts.bareImpedanceIsOutputImpedance ? e.impedancesOhm[0] : undefined);
  if (zOut !== undefined) spec.outputImpedanceOhm = zOut;
  if (e.currentMa !== undefined) spec.maxCurrentMa = e.currentMa;
  return spec;
}
