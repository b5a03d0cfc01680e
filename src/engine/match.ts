/**
 * Evaluate one headphone on one source output: limits, headroom, verdict, warnings.
 *
 * - Unknown sensitivity unit: both readings are evaluated. Same verdict → that verdict with the conservative
 *   (lower-headroom) numbers plus an info warning 'sensitivity_unit_unknown'; different verdicts → 'depends' plus
 *   'ambiguous_sensitivity' (numbers still the conservative reading's; both readings under `readings`).
 * - Gain modes: every mode that applies to the load is evaluated. The mode reported is the lowest-headroom mode that
 *   is still 'fine' (the right gain: least hiss and excess gain), else the mode with the most headroom.
 * - Several outputs (SE/balanced): evaluateOutputs picks the best (see pickBestOutput).
 */
import type {
  BelowRatedLoadWarning,
  Delivery,
  Derived,
  EngineResult,
  GainModeOutcome,
  HeadphoneSpec,
  KnownSensitivityUnit,
  MatchOptions,
  MatchResult,
  MissingFigure,
  OutputOutcome,
  OutputsResult,
  Reading,
  SourceModel,
  SourceOutput,
  SourceSpec,
  Verdict,
  Warning,
} from './types.js';
import { AVERAGE_BELOW_PEAK_DB, DEFAULT_TARGET_SPL, requirementsAt, sensitivityReadings } from './headphone.js';
import { buildSourceModel, deliverInto, figuresForLoad, hasLevel, hasSelectableGain } from './source-model.js';
import { dbBetween, splAtVoltage, unitOffsetDb } from './units.js';
import { VERDICT_RANK, bandOf, verdictForHeadroom } from './verdict.js';
import { collectWarnings, noiseSpl, outputImpedanceWarning, powerHandlingWarning } from './warnings.js';
import { outputProblems, validateHeadphone, validateMatchInput, validateTarget } from './validate.js';
import { guardFinite } from './finite.js';

const EMPTY_MODEL: SourceModel = {
  vocVrms: null,
  vocBasis: null,
  zOutOhm: 0,
  zOutBasis: 'assumed_zero',
  iMaxMa: null,
  iMaxBasis: null,
  noiseUv: null,
  points: [],
};

/** Model of already-validated figures (a contradiction here would have been rejected by validateSource). */
function modelOf(figures: Parameters<typeof buildSourceModel>[0]): SourceModel {
  const built = buildSourceModel(figures);
  return built.ok ? built.model : EMPTY_MODEL;
}

interface ModeOutcome {
  name: string | null;
  model: SourceModel;
  delivery: Delivery | null;
  maxSpl: number | null;
  headroomDb: number | null;
  verdict: Verdict;
  warnings: Warning[];
}

function baseDerived(hp: HeadphoneSpec, targetSpl: number): Derived {
  return {
    impedanceOhm: hp.impedanceOhm,
    targetSpl,
    sensitivityValue: hp.sensitivity?.value ?? null,
    sensitivityGivenUnit: hp.sensitivity?.unit ?? null,
    sensitivityUnitUsed: null,
    sensitivityDbV: null,
    sensitivityDbMw: null,
    unitOffsetDb: unitOffsetDb(hp.impedanceOhm),
    vReqVrms: null,
    pReqMw: null,
    iReqMa: null,
    vocVrms: null,
    vocBasis: null,
    zOutOhm: null,
    zOutBasis: null,
    iMaxMa: null,
    iMaxBasis: null,
    theveninVrms: null,
    ceilingVrms: null,
    ceilingFrom: [],
    currentCapVrms: null,
    vLoadBasis: null,
    vLoadVrms: null,
    pLoadMw: null,
    iLoadMa: null,
    maxSpl: null,
    headroomDb: null,
    noiseUv: null,
    noiseSpl: null,
    gainMode: null,
  };
}

function withSource(d: Derived, o: { name: string | null; model: SourceModel; delivery: Delivery | null }): Derived {
  const m = o.model;
  const known = hasLevel(m);
  return {
    ...d,
    vocVrms: m.vocVrms,
    vocBasis: m.vocBasis,
    zOutOhm: known ? m.zOutOhm : null,
    zOutBasis: known ? m.zOutBasis : null,
    iMaxMa: m.iMaxMa,
    iMaxBasis: m.iMaxBasis,
    theveninVrms: o.delivery?.theveninVrms ?? null,
    ceilingVrms: o.delivery?.ceilingVrms ?? null,
    ceilingFrom: o.delivery?.ceilingFrom ?? [],
    currentCapVrms: o.delivery?.currentCapVrms ?? null,
    vLoadBasis: o.delivery?.basis ?? null,
    vLoadVrms: o.delivery?.vrms ?? null,
    pLoadMw: o.delivery?.mw ?? null,
    iLoadMa: o.delivery?.ma ?? null,
    noiseUv: m.noiseUv,
    gainMode: o.name,
  };
}

/** The mode to report: the lowest-headroom 'fine' mode, else the highest headroom (unknown last). */
function pickMode(outcomes: ModeOutcome[]): ModeOutcome {
  const fine = outcomes.filter((o) => o.verdict === 'fine');
  if (fine.length > 0) return fine.reduce((a, b) => ((b.headroomDb ?? 0) < (a.headroomDb ?? 0) ? b : a));
  return outcomes.reduce((a, b) => {
    if (a.headroomDb === null) return b.headroomDb === null ? a : b;
    if (b.headroomDb === null) return a;
    return b.headroomDb > a.headroomDb ? b : a;
  });
}

/**
 * The bound on a level read below every rated load (see Delivery.unratedLoad): both readings' headroom and verdict;
 * 'warning' severity when they differ, so the verdict becomes 'depends' rather than a guess either way.
 */
function belowRatedLoad(delivery: Delivery, loadOhm: number, headroomDb: number): BelowRatedLoadWarning | null {
  const bound = delivery.unratedLoad;
  if (!bound) return null;
  const headroomDbHigh = headroomDb + dbBetween(bound.heldVoltageVrms, delivery.vrms);
  const verdictLow = verdictForHeadroom(headroomDb);
  const verdictHigh = verdictForHeadroom(headroomDbHigh);
  return {
    code: 'below_rated_load',
    severity: verdictLow === verdictHigh ? 'info' : 'warning',
    loadOhm,
    ratedLoadOhm: bound.ratedLoadOhm,
    headroomDbLow: headroomDb,
    headroomDbHigh,
    verdictLow,
    verdictHigh,
  };
}

/** Evaluate one sensitivity reading against a (validated) source. */
export function evaluateReading(
  hp: HeadphoneSpec,
  unit: KnownSensitivityUnit,
  src: SourceSpec,
  targetSpl: number,
): Reading {
  const value = hp.sensitivity?.value ?? 0;
  const ambiguous = hp.sensitivity?.unit === 'unknown';
  const req = requirementsAt(value, unit, hp.impedanceOhm, targetSpl, ambiguous);
  const selectable = hasSelectableGain(src);
  const outcomes: ModeOutcome[] = figuresForLoad(src, hp.impedanceOhm).map(({ name, figures }) => {
    const model = modelOf(figures);
    const delivery = deliverInto(model, hp.impedanceOhm);
    const maxSpl = delivery ? splAtVoltage(req.sensitivityDbV, delivery.vrms) : null;
    const headroomDb = maxSpl !== null ? maxSpl - targetSpl : null;
    const warnings = collectWarnings(hp, req.sensitivityDbV, model, delivery, selectable);
    const unrated = delivery && headroomDb !== null ? belowRatedLoad(delivery, hp.impedanceOhm, headroomDb) : null;
    if (unrated) warnings.unshift(unrated);
    const verdict: Verdict =
      headroomDb === null ? 'unknown' : unrated?.severity === 'warning' ? 'depends' : verdictForHeadroom(headroomDb);
    return { name, model, delivery, maxSpl, headroomDb, verdict, warnings };
  });
  const chosen = pickMode(outcomes);
  const gainModes: GainModeOutcome[] = outcomes
    .filter((o) => o.name !== null)
    .map((o) => ({
      name: o.name as string,
      verdict: o.verdict,
      band: bandOf(o.verdict, o.headroomDb),
      headroomDb: o.headroomDb,
      maxSpl: o.maxSpl,
      availableVrms: o.delivery?.vrms ?? null,
    }));
  const derived: Derived = {
    ...withSource(baseDerived(hp, targetSpl), chosen),
    sensitivityUnitUsed: unit,
    sensitivityDbV: req.sensitivityDbV,
    sensitivityDbMw: req.sensitivityDbMw,
    vReqVrms: req.vrms,
    pReqMw: req.mw,
    iReqMa: req.ma,
    maxSpl: chosen.maxSpl,
    headroomDb: chosen.headroomDb,
    noiseSpl: chosen.model.noiseUv !== null ? noiseSpl(req.sensitivityDbV, chosen.model.noiseUv) : null,
  };
  return {
    unit,
    verdict: chosen.verdict,
    band: bandOf(chosen.verdict, chosen.headroomDb),
    maxSpl: chosen.maxSpl,
    headroomDb: chosen.headroomDb,
    required: { vrms: req.vrms, mw: req.mw, ma: req.ma },
    available: chosen.delivery ? { vrms: chosen.delivery.vrms, mw: chosen.delivery.mw, ma: chosen.delivery.ma } : null,
    limitedBy: chosen.delivery?.limitedBy ?? null,
    warnings: chosen.warnings,
    derived,
    gainMode: chosen.name,
    gainModes,
  };
}

function missingFor(hasSensitivity: boolean, hasLevel: boolean): MissingFigure[] {
  const m: MissingFigure[] = [];
  if (!hasSensitivity) m.push('headphone_sensitivity');
  if (!hasLevel) m.push('source_output_level');
  return m;
}

function fromReading(r: Reading, targetSpl: number): MatchResult {
  return {
    verdict: r.verdict,
    band: r.band,
    targetSpl,
    averageSpl: targetSpl - AVERAGE_BELOW_PEAK_DB,
    maxSpl: r.maxSpl,
    headroomDb: r.headroomDb,
    required: r.required,
    available: r.available,
    limitedBy: r.limitedBy,
    warnings: r.warnings,
    derived: r.derived,
    gainMode: r.gainMode,
    gainModes: r.gainModes,
    sensitivityAmbiguous: false,
    missing: missingFor(true, r.available !== null),
  };
}

/** The reading with less headroom (or, with no source level, the more demanding requirement). */
function conservativeOf(a: Reading, b: Reading): Reading {
  if (a.headroomDb !== null && b.headroomDb !== null) return b.headroomDb < a.headroomDb ? b : a;
  return b.required.vrms > a.required.vrms ? b : a;
}

function combineReadings(readings: [Reading, Reading], targetSpl: number, sensitivityValue: number): MatchResult {
  const [mw, v] = readings;
  const cons = conservativeOf(mw, v);
  const other = cons === mw ? v : mw;
  const same = mw.verdict === v.verdict;
  const head: Warning = same
    ? {
        code: 'sensitivity_unit_unknown',
        severity: 'info',
        sensitivityValue,
        verdict: mw.verdict,
        headroomDbMw: mw.headroomDb,
        headroomDbV: v.headroomDb,
        reportedUnit: cons.unit,
      }
    : {
        code: 'ambiguous_sensitivity',
        severity: 'warning',
        sensitivityValue,
        verdictDbMw: mw.verdict,
        verdictDbV: v.verdict,
        headroomDbMw: mw.headroomDb,
        headroomDbV: v.headroomDb,
      };
  const consCodes = new Set(cons.warnings.map((w) => w.code));
  const warnings: Warning[] = [
    head,
    ...cons.warnings.map((w) => ({ ...w, reading: cons.unit })),
    ...other.warnings.filter((w) => !consCodes.has(w.code)).map((w) => ({ ...w, reading: other.unit })),
  ];
  return {
    ...fromReading(cons, targetSpl),
    verdict: same ? mw.verdict : 'depends',
    band: same ? cons.band : 'depends',
    warnings,
    sensitivityAmbiguous: true,
    readings: [mw, v],
  };
}

/** Headphone without sensitivity: verdict 'unknown'; source-side numbers and warnings still reported. */
function withoutSensitivity(hp: HeadphoneSpec, src: SourceSpec, targetSpl: number): MatchResult {
  const sets = figuresForLoad(src, hp.impedanceOhm).map(({ name, figures }) => {
    const model = modelOf(figures);
    return { name, model, delivery: deliverInto(model, hp.impedanceOhm) };
  });
  const chosen = sets.reduce((a, b) => ((b.delivery?.vrms ?? -1) > (a.delivery?.vrms ?? -1) ? b : a));
  const warnings: Warning[] = [];
  if (hp.driver === 'electrostatic') warnings.push({ code: 'electrostatic_needs_energizer', severity: 'warning' });
  const z = outputImpedanceWarning(hp, chosen.model);
  if (z) warnings.push(z);
  if (chosen.delivery) {
    const ph = powerHandlingWarning(hp, chosen.delivery.mw);
    if (ph) warnings.push(ph);
  }
  return {
    verdict: 'unknown',
    band: 'unknown',
    targetSpl,
    averageSpl: targetSpl - AVERAGE_BELOW_PEAK_DB,
    maxSpl: null,
    headroomDb: null,
    required: null,
    available: chosen.delivery ? { vrms: chosen.delivery.vrms, mw: chosen.delivery.mw, ma: chosen.delivery.ma } : null,
    limitedBy: chosen.delivery?.limitedBy ?? null,
    warnings,
    derived: withSource(baseDerived(hp, targetSpl), chosen),
    gainMode: chosen.name,
    gainModes: [],
    sensitivityAmbiguous: false,
    missing: missingFor(false, chosen.delivery !== null),
  };
}

/** Evaluate validated inputs (no validation here). */
export function matchValidated(hp: HeadphoneSpec, src: SourceSpec, targetSpl: number): MatchResult {
  const units = sensitivityReadings(hp);
  const [first, second] = units;
  if (first === undefined || !hp.sensitivity) return withoutSensitivity(hp, src, targetSpl);
  const r1 = evaluateReading(hp, first, src, targetSpl);
  if (second === undefined) return fromReading(r1, targetSpl);
  const r2 = evaluateReading(hp, second, src, targetSpl);
  return combineReadings([r1, r2], targetSpl, hp.sensitivity.value);
}

/** Evaluate one headphone on one source output. */
export function evaluateMatch(hp: HeadphoneSpec, src: SourceSpec, opts: MatchOptions = {}): EngineResult<MatchResult> {
  const targetSpl = opts.targetSpl ?? DEFAULT_TARGET_SPL;
  const problems = validateMatchInput(hp, src, targetSpl);
  if (problems.length > 0) return { ok: false, problems };
  return guardFinite(matchValidated(hp, src, targetSpl));
}

/** Count of real (non-info) warnings. */
function seriousWarnings(r: MatchResult): number {
  return r.warnings.filter((w) => w.severity === 'warning').length;
}

const isFullSize = (hp: HeadphoneSpec | undefined) =>
  hp?.form !== undefined && hp.form !== 'iem' && hp.form !== 'earbud';
const isInEar = (hp: HeadphoneSpec | undefined) => hp?.form === 'iem' || hp?.form === 'earbud';

/**
 * Order of outputs, best first:
 * 1. the better verdict (fine, marginal, depends, needs_amp, unknown);
 * 2. full-size headphones use a main phones output before an IEM output, in-ear ones an IEM output before a main
 *    one (quieter, lower noise);
 * 3. between 'fine' outputs: fewer warnings, then an unbalanced output before a balanced one (no new cable);
 * 4. then more headroom; then input order.
 */
export function compareOutcomes(a: OutputOutcome, b: OutputOutcome, hp?: HeadphoneSpec): number {
  const ra = a.result;
  const rb = b.result;
  const rank = VERDICT_RANK[ra.verdict] - VERDICT_RANK[rb.verdict];
  if (rank !== 0) return rank;
  const iem = Number(a.iem ?? false) - Number(b.iem ?? false);
  if (iem !== 0 && isFullSize(hp)) return iem;
  if (iem !== 0 && isInEar(hp) && ra.verdict === 'fine') return -iem;
  if (ra.verdict === 'fine') {
    const w = seriousWarnings(ra) - seriousWarnings(rb);
    if (w !== 0) return w;
    const bal = Number(a.balanced) - Number(b.balanced);
    if (bal !== 0) return bal;
  }
  return (rb.headroomDb ?? -Infinity) - (ra.headroomDb ?? -Infinity) || 0;
}

export function pickBestOutput(outcomes: OutputOutcome[], hp?: HeadphoneSpec): OutputOutcome | null {
  if (outcomes.length === 0) return null;
  return [...outcomes].sort((a, b) => compareOutcomes(a, b, hp))[0] ?? null;
}

/**
 * Every output of a (validated) source evaluated, the best picked (compareOutcomes); a balanced best output carries
 * the "needs a balanced cable" note.
 */
export function outputsValidated(hp: HeadphoneSpec, outputs: SourceOutput[], targetSpl: number): OutputsResult {
  const results: OutputOutcome[] = outputs.map((o) => ({
    id: o.id,
    balanced: o.balanced ?? false,
    iem: o.iem ?? false,
    result: matchValidated(hp, o.spec, targetSpl),
  }));
  const picked = pickBestOutput(results, hp) as OutputOutcome;
  if (!picked.balanced) return { best: picked, outputs: results };
  const cable: Warning = { code: 'balanced_cable_needed', severity: 'info', outputId: picked.id };
  const best: OutputOutcome = { ...picked, result: { ...picked.result, warnings: [...picked.result.warnings, cable] } };
  return { best, outputs: results.map((o) => (o === picked ? best : o)) };
}

/** Evaluate each output of a multi-output source (e.g. 3.5 mm SE and 4.4 mm balanced) and pick the best. */
export function evaluateOutputs(
  hp: HeadphoneSpec,
  outputs: SourceOutput[],
  opts: MatchOptions = {},
): EngineResult<OutputsResult> {
  const targetSpl = opts.targetSpl ?? DEFAULT_TARGET_SPL;
  const problems = [
    ...validateHeadphone(hp),
    ...validateTarget(targetSpl),
    ...outputProblems(Array.isArray(outputs) ? outputs : []),
  ];
  if (problems.length > 0) return { ok: false, problems };
  return guardFinite(outputsValidated(hp, outputs, targetSpl));
}
