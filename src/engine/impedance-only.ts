/**
 * Impedance-only questions ("do I need an amp for 250-ohm headphones?"): the sensitivity is unknown, so evaluate a
 * documented typical range of sensitivities for that impedance and driver type against documented source classes.
 * Verdict: the shared verdict when every cell of the table agrees, else 'depends'.
 */
import type {
  DriveFigures,
  DriverType,
  EngineResult,
  MatchResult,
  SourceModel,
  SourceOutput,
  SourceSpec,
  Verdict,
  WarningCode,
} from './types.js';
import { AVERAGE_BELOW_PEAK_DB, DEFAULT_TARGET_SPL } from './headphone.js';
import { buildSourceModel } from './source-model.js';
import { dbMwToDbV } from './units.js';
import { combineVerdicts } from './verdict.js';
import { matchValidated } from './match.js';
import { evaluateEstimate } from './estimate.js';
import { DRIVER_TYPES, validateHeadphone, validateSource, validateTarget } from './validate.js';
import { show } from '../format.js';
import { guardFinite } from './finite.js';
import { type Problem, within } from './problems.js';

export interface SensitivityRange {
  /** Least sensitive plausible figure (dB SPL/mW at ~1 kHz). */
  low: number;
  typical: number;
  high: number;
  unit: 'dB/mW';
  /** Which bucket was used (driver and impedance band). */
  basis: string;
}

/**
 * Typical sensitivity ranges (dB SPL/mW, ~1 kHz), chosen from common published specs:
 * - Dynamic, ≥ 100 Ω (high-impedance over-ears): 90 / 97 / 105 — e.g. DT 880 600 Ω 96, HD 600 97 (per mW reading),
 *   DT 770 Pro 250 Ω 96, DT 1990 102.
 * - Dynamic, < 100 Ω (portable / studio closed-backs, dynamic IEMs): 92 / 100 / 110 — e.g. K701 ≈ 93,
 *   ATH-M50x 99, MDR-7506 106, dynamic IEMs 105–115.
 * - Planar magnetic: 85 / 93 / 103 — e.g. HE-6 ≈ 83.5 (below the range: the outlier), Arya ≈ 90, HE400se ≈ 91,
 *   Sundara ≈ 91.5 measured (94 spec), LCD-2 ≈ 94.5, LCD-X ≈ 103.
 * - Balanced-armature IEMs: 100 / 110 / 120.
 * - Hybrid IEMs (BA + dynamic): 100 / 108 / 118.
 * Electrostatics have no headphone-output sensitivity: they need an energizer (handled separately).
 */
export const TYPICAL_SENSITIVITY_DB_MW = {
  dynamicHighImpedance: { low: 90, typical: 97, high: 105 },
  dynamicLowImpedance: { low: 92, typical: 100, high: 110 },
  planar: { low: 85, typical: 93, high: 103 },
  balancedArmature: { low: 100, typical: 110, high: 120 },
  hybrid: { low: 100, typical: 108, high: 118 },
} as const;

/** Boundary between the two dynamic buckets (Ω). */
export const DYNAMIC_HIGH_IMPEDANCE_FROM_OHM = 100;

export function typicalSensitivityRange(
  impedanceOhm: number,
  driver: Exclude<DriverType, 'electrostatic'>,
): SensitivityRange {
  const pick = (r: { low: number; typical: number; high: number }, basis: string): SensitivityRange => ({
    ...r,
    unit: 'dB/mW',
    basis,
  });
  switch (driver) {
    case 'planar':
      return pick(TYPICAL_SENSITIVITY_DB_MW.planar, 'planar');
    case 'balanced-armature':
      return pick(TYPICAL_SENSITIVITY_DB_MW.balancedArmature, 'balanced-armature');
    case 'hybrid':
      return pick(TYPICAL_SENSITIVITY_DB_MW.hybrid, 'hybrid');
    case 'dynamic':
      return impedanceOhm >= DYNAMIC_HIGH_IMPEDANCE_FROM_OHM
        ? pick(TYPICAL_SENSITIVITY_DB_MW.dynamicHighImpedance, 'dynamic, 100 Ω and above')
        : pick(TYPICAL_SENSITIVITY_DB_MW.dynamicLowImpedance, 'dynamic, below 100 Ω');
  }
}

export interface SourceClass {
  id: string;
  /** Short machine label; display text is built elsewhere. */
  label: string;
  /** A single representative output (used when `members` is absent). */
  spec: SourceSpec;
  /** Where the figures come from. */
  basis: string;
  /** The sourced devices of the class: each cell is then the range over all of them (see estimate.ts). */
  members?: { id: string; outputs: SourceOutput[] }[];
}

/**
 * Typical source classes (one output each):
 * - phone_dongle: ≈1.0 Vrms open circuit, 1 Ω (Apple USB-C adapter, US model, measured ≈1.0 Vrms; sub-ohm to ~1 Ω
 *   output impedance is typical of dongles). No current limit assumed.
 * - laptop: ≈1.0 Vrms, 5 Ω (generic laptop/motherboard jack: about 1 Vrms, output impedance a few ohms to ~10 Ω).
 *   (A 2021+ MacBook does better: 1.25 Vrms below 150 Ω, 3 Vrms from 150 Ω to 1 kΩ — model it as a source with
 *   load-switched gain modes.)
 * - budget_interface: Scarlett 2i2 4th Gen headphone output as quoted: +2.5 dBu into 33 Ω, +10 dBu (2.45 V) into
 *   300 Ω, 50 Ω output impedance → V_oc ≈ 2.86 Vrms with a ≈31 mA current limit at low loads.
 * - desktop_amp: ≈7 Vrms, 0.5 Ω (solid-state desktop headphone amp on high gain; Benchmark HPA2 is 6 Vrms,
 *   < 0.1 Ω). No current limit assumed.
 */
export const SOURCE_CLASSES: readonly SourceClass[] = [
  {
    id: 'phone_dongle',
    label: 'phone/dongle',
    spec: { voltages: [{ vrms: 1.0 }], outputImpedanceOhm: 1 },
    basis: '≈1.0 Vrms, ≈1 Ω',
  },
  {
    id: 'laptop',
    label: 'laptop',
    spec: { voltages: [{ vrms: 1.0 }], outputImpedanceOhm: 5 },
    basis: '≈1.0 Vrms, ≈5 Ω',
  },
  {
    id: 'budget_interface',
    label: 'budget interface',
    spec: {
      voltages: [
        { dbu: 2.5, loadOhm: 33 },
        { dbu: 10, loadOhm: 300 },
      ],
      outputImpedanceOhm: 50,
    },
    basis: '+2.5 dBu @ 33 Ω, +10 dBu @ 300 Ω, 50 Ω (Scarlett 2i2 4th Gen as quoted)',
  },
  {
    id: 'desktop_amp',
    label: 'desktop amp',
    spec: { voltages: [{ vrms: 7 }], outputImpedanceOhm: 0.5 },
    basis: '≈7 Vrms, 0.5 Ω',
  },
];

export type SensitivityPoint = 'low' | 'typical' | 'high';

export interface ImpedanceOnlyCell {
  sourceClass: string;
  point: SensitivityPoint;
  sensitivityDbMw: number;
  sensitivityDbV: number;
  verdict: Verdict;
  /** Headroom (the low end of the class's range when the class has several members). */
  headroomDb: number | null;
  /** The high end of the class's range (equal to headroomDb for a single representative output). */
  headroomHighDb: number | null;
  maxSpl: number | null;
  availableVrms: number | null;
  limitedBy: MatchResult['limitedBy'];
  warningCodes: WarningCode[];
}

export interface ImpedanceOnlySource {
  id: string;
  label: string;
  basis: string;
  spec: SourceSpec;
  /** The normalised figures used: V_oc, Z_out, I_max. */
  vocVrms: number | null;
  zOutOhm: number;
  iMaxMa: number | null;
  /** Shared verdict across the sensitivity range, else 'depends'. */
  verdict: Verdict;
  headroomMinDb: number | null;
  headroomMaxDb: number | null;
}

export interface ImpedanceOnlyResult {
  verdict: Verdict;
  impedanceOhm: number;
  driver: DriverType;
  targetSpl: number;
  averageSpl: number;
  sensitivityRange: SensitivityRange | null;
  /** Requirements at the low (most demanding) and high sensitivity ends. */
  required: { atLow: DriveFigures; atHigh: DriveFigures } | null;
  sources: ImpedanceOnlySource[];
  /** Source class × sensitivity point. */
  table: ImpedanceOnlyCell[];
  /** Every warning code that appears in any cell (or electrostatic_needs_energizer). */
  warningCodes: WarningCode[];
}

export interface ImpedanceOnlyOptions {
  driver?: DriverType;
  targetSpl?: number;
  /** Replace the default source classes (e.g. the asker's own source). */
  sources?: readonly SourceClass[];
}

function modelFigures(spec: SourceSpec): Pick<SourceModel, 'vocVrms' | 'zOutOhm' | 'iMaxMa'> {
  const built = buildSourceModel(spec);
  return built.ok
    ? { vocVrms: built.model.vocVrms, zOutOhm: built.model.zOutOhm, iMaxMa: built.model.iMaxMa }
    : { vocVrms: null, zOutOhm: 0, iMaxMa: null };
}

export function evaluateImpedanceOnly(
  impedanceOhm: number,
  opts: ImpedanceOnlyOptions = {},
): EngineResult<ImpedanceOnlyResult> {
  const targetSpl = opts.targetSpl ?? DEFAULT_TARGET_SPL;
  const driver: DriverType = opts.driver ?? 'dynamic';
  const sources = opts.sources ?? SOURCE_CLASSES;
  const problems: Problem[] = [...validateHeadphone({ impedanceOhm }), ...validateTarget(targetSpl)];
  if (!(DRIVER_TYPES as readonly unknown[]).includes(driver))
    problems.push({ code: 'unknown_choice', field: { name: 'driver' }, got: show(driver), choices: DRIVER_TYPES });
  if (!Array.isArray(sources) || sources.length === 0) problems.push({ code: 'no_sources' });
  else
    for (const s of sources) {
      problems.push(...within({ kind: 'source', id: s.id }, validateSource(s.spec)));
      for (const m of s.members ?? [])
        for (const o of m.outputs) problems.push(...within({ kind: 'source', id: m.id }, validateSource(o.spec)));
    }
  if (problems.length > 0) return { ok: false, problems };

  const base = { impedanceOhm, targetSpl, averageSpl: targetSpl - AVERAGE_BELOW_PEAK_DB, driver };
  if (driver === 'electrostatic') {
    return guardFinite<ImpedanceOnlyResult>({
      ...base,
      verdict: 'needs_amp',
      sensitivityRange: null,
      required: null,
      sources: sources.map((s) => ({
        id: s.id,
        label: s.label,
        basis: s.basis,
        spec: s.spec,
        ...modelFigures(s.spec),
        verdict: 'needs_amp',
        headroomMinDb: null,
        headroomMaxDb: null,
      })),
      table: [],
      warningCodes: ['electrostatic_needs_energizer'],
    });
  }

  const range = typicalSensitivityRange(impedanceOhm, driver);
  const points: SensitivityPoint[] = ['low', 'typical', 'high'];
  const table: ImpedanceOnlyCell[] = [];
  const outSources: ImpedanceOnlySource[] = [];
  let atLow: DriveFigures | null = null;
  let atHigh: DriveFigures | null = null;
  for (const s of sources) {
    const cells: ImpedanceOnlyCell[] = [];
    for (const point of points) {
      const sensitivityDbMw = range[point];
      const headphone = { impedanceOhm, driver, sensitivity: { value: sensitivityDbMw, unit: 'dB/mW' as const } };
      const r = matchValidated(headphone, s.spec, targetSpl);
      if (point === 'low' && r.required) atLow = r.required;
      if (point === 'high' && r.required) atHigh = r.required;
      const cell: ImpedanceOnlyCell = {
        sourceClass: s.id,
        point,
        sensitivityDbMw,
        sensitivityDbV: dbMwToDbV(sensitivityDbMw, impedanceOhm),
        verdict: r.verdict,
        headroomDb: r.headroomDb,
        headroomHighDb: r.headroomDb,
        maxSpl: r.maxSpl,
        availableVrms: r.available?.vrms ?? null,
        limitedBy: r.limitedBy,
        warningCodes: [...new Set(r.warnings.map((w) => w.code))],
      };
      if (s.members && s.members.length > 0) {
        // The class's sourced members: the cell becomes their range.
        const members: { id: string; outputs: SourceOutput[] }[] = s.members;
        const cases = members.map((m) => ({ id: m.id, headphone, outputs: m.outputs }));
        const est = evaluateEstimate(cases, { targetSpl });
        if (est.ok) {
          cell.verdict = est.value.verdict;
          cell.headroomDb = est.value.low?.headroomDb ?? null;
          cell.headroomHighDb = est.value.high?.headroomDb ?? null;
          cell.maxSpl = est.value.low?.maxSpl ?? null;
          cell.availableVrms = est.value.low?.vrms ?? null;
          cell.limitedBy = null;
          cell.warningCodes = [];
        }
      }
      cells.push(cell);
    }
    const hs = cells.flatMap((c) => [c.headroomDb, c.headroomHighDb]).filter((h): h is number => h !== null);
    outSources.push({
      id: s.id,
      label: s.label,
      basis: s.basis,
      spec: s.spec,
      ...modelFigures(s.spec),
      verdict: combineVerdicts(cells.map((c) => c.verdict)),
      headroomMinDb: hs.length > 0 ? Math.min(...hs) : null,
      headroomMaxDb: hs.length > 0 ? Math.max(...hs) : null,
    });
    table.push(...cells);
  }
  const known = table.filter((c) => c.verdict !== 'unknown');
  const verdict = known.length === 0 ? 'unknown' : combineVerdicts(table.map((c) => c.verdict));
  return guardFinite<ImpedanceOnlyResult>({
    ...base,
    verdict,
    sensitivityRange: range,
    required: atLow && atHigh ? { atLow, atHigh } : null,
    sources: outSources,
    table,
    warningCodes: [...new Set(table.flatMap((c) => c.warningCodes))],
  });
}
