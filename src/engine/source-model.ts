/**
 * Normalises a source's figures into what it can deliver at full volume into any load. The model (README "Source
 * model"):
 *
 * - **Output impedance** Z_out comes only from a stated or measured figure (`outputImpedanceOhm`). It is never fitted
 *   to maximum ratings: a maximum at two loads marks where the output clips or runs out of current at each load, not
 *   two points on one Thevenin line. Unknown Z_out is taken as 0 Ω and said so (`zOutBasis: 'assumed_zero'`).
 * - **Unloaded maximum** V_oc: an open-circuit level as given (a level into 10 kΩ or more counts as one); or, with a
 * stated Z_out, derived from the highest-load
 *   rating, V_oc = V·(R + Z_out)/R. Into a load it becomes V_oc·Z/(Z + Z_out).
 * - **Ratings at loads** — power "P @ R" (V = √(P·R)) and loaded levels "+10 dBu into 300 Ω" — are a voltage ceiling
 *   at each rated load. Between two rated loads the ceiling is interpolated on a log–log line, V = V1·(Z/R1)^k with
 *   k = ln(V2/V1)/ln(R2/R1) (a straight line between the two points on a plot of level against load). Below the
 *   lowest rated load the current stays capped at the lowest load's I = V1/R1 (power is never extrapolated
 *   downward) — a floor: the answer also reads the rated voltage held and says 'depends' when the two readings
 *   disagree; with a stated current limit the rated voltage is held and the limit caps it. Above the highest rated
 *   load the ceiling rises from that rating towards V_oc when an unloaded maximum is known (V_oc·Z/(Z + Zs),
 *   Zs = R·(V_oc/V − 1), a shape for the ceiling only, never reported as Z_out), and stays at the rating's voltage
 *   otherwise.
 * - **Current limit**: a stated I_max caps every load (V ≤ I_max·Z).
 *
 * What reaches the load is the lowest of these: V_L = min(V_oc·Z/(Z + Z_out), ceiling(Z), I_max·Z). Every figure
 * says how it was derived (`*Basis`), so the answer can show the step.
 */
import type {
  CeilingBasis,
  CurrentBasis,
  Delivery,
  GainMode,
  LimitKind,
  LoadedPoint,
  SourceFigures,
  SourceModel,
  SourceSpec,
  VocBasis,
  VoltageRating,
  ZOutBasis,
} from './types.js';
import { dbuToVrms, dbvToVrms, dbBetween, mwToVrms, vrmsToMa, vrmsToMw, maToVrms } from './units.js';
import { fmt } from '../format.js';
import type { Problem } from './problems.js';

/**
 * A level "into" a load this high is an unloaded level: 10 kΩ and up is a line input or a meter, which draws no
 * current worth speaking of, so it says nothing about a current limit.
 */
export const UNLOADED_FROM_OHM = 10_000;
/** Two figures for the same thing disagreeing by more than this are contradictory. */
export const AGREEMENT_TOLERANCE_DB = 1;
/** Loads within this relative distance are the same load. */
export const SAME_LOAD_TOLERANCE = 0.01;

interface LabelledPoint extends LoadedPoint {
  label: string;
}

export interface VoltageForm {
  label: string;
  vrms: number;
}

/** "+13 dBu (3.46 Vrms)", or just "2 Vrms" when the label already is in Vrms. */
function describeForm(f: VoltageForm): string {
  return f.label.endsWith('Vrms') ? f.label : `${f.label} (${fmt(f.vrms)} Vrms)`;
}

/** Every form a voltage rating was given in, as Vrms. */
export function voltageForms(r: VoltageRating): VoltageForm[] {
  const forms: VoltageForm[] = [];
  if (r.vrms !== undefined) forms.push({ label: `${fmt(r.vrms)} Vrms`, vrms: r.vrms });
  if (r.dbu !== undefined) forms.push({ label: `${r.dbu >= 0 ? '+' : ''}${fmt(r.dbu)} dBu`, vrms: dbuToVrms(r.dbu) });
  if (r.dbv !== undefined) forms.push({ label: `${r.dbv >= 0 ? '+' : ''}${fmt(r.dbv)} dBV`, vrms: dbvToVrms(r.dbv) });
  return forms;
}

/** Vrms of a voltage rating (the lowest of its forms); null when it has no form. */
export function ratingVrms(r: VoltageRating): number | null {
  const forms = voltageForms(r);
  if (forms.length === 0) return null;
  return Math.min(...forms.map((f) => f.vrms));
}

/** "100 mW @ 32 Ω (1.789 Vrms)", "+1 dBu into 32 Ω (0.8691 Vrms)", "1 Vrms into 32 Ω". */
function describePoint(p: LabelledPoint): string {
  return /^\S+ Vrms into /.test(p.label) ? p.label : `${p.label} (${fmt(p.vrms)} Vrms)`;
}

function spreadDb(values: number[]): number {
  return dbBetween(Math.max(...values), Math.min(...values));
}

export type BuildModelResult = { ok: true; model: SourceModel } | { ok: false; problems: Problem[] };

/** Open-circuit levels and loaded points of a figure set, with form contradictions reported. */
function collectLevels(f: SourceFigures, problems: Problem[]): { open: VoltageForm[]; raw: LabelledPoint[] } {
  const open: VoltageForm[] = [];
  const raw: LabelledPoint[] = [];
  for (const v of f.voltages ?? []) {
    const forms = voltageForms(v);
    if (forms.length === 0) continue;
    const spread = spreadDb(forms.map((x) => x.vrms));
    if (forms.length > 1 && spread > AGREEMENT_TOLERANCE_DB) {
      const given = forms.map(describeForm).join(' and ');
      problems.push({ code: 'forms_disagree', given, spreadDb: spread, toleranceDb: AGREEMENT_TOLERANCE_DB });
      continue;
    }
    const vrms = Math.min(...forms.map((x) => x.vrms));
    const first = forms[0] as VoltageForm;
    if (v.loadOhm === undefined || v.loadOhm >= UNLOADED_FROM_OHM) open.push({ label: first.label, vrms });
    else
      raw.push({ vrms, loadOhm: v.loadOhm, basis: 'loaded_voltage', label: `${first.label} into ${fmt(v.loadOhm)} Ω` });
  }
  for (const p of f.powerRatings ?? []) {
    const label = `${fmt(p.mw)} mW @ ${fmt(p.loadOhm)} Ω`;
    raw.push({ vrms: mwToVrms(p.mw, p.loadOhm), loadOhm: p.loadOhm, basis: 'power_rating', label });
  }
  return { open, raw };
}

/** Ratings grouped by load (within 1 %), ascending; each group must agree within 1 dB and keeps its lowest figure. */
function mergeByLoad(raw: LabelledPoint[], problems: Problem[]): LabelledPoint[] {
  const sorted = [...raw].sort((a, b) => a.loadOhm - b.loadOhm);
  const groups: LabelledPoint[][] = [];
  for (const p of sorted) {
    const g = groups[groups.length - 1];
    const head = g?.[0];
    if (g && head && Math.abs(p.loadOhm - head.loadOhm) <= SAME_LOAD_TOLERANCE * head.loadOhm) g.push(p);
    else groups.push([p]);
  }
  return groups.map((g) => {
    const spread = spreadDb(g.map((p) => p.vrms));
    if (g.length > 1 && spread > AGREEMENT_TOLERANCE_DB) {
      problems.push({ code: 'ratings_disagree', ratings: g.map(describePoint).join(' vs '), spreadDb: spread });
    }
    return g.reduce((a, b) => (b.vrms < a.vrms ? b : a));
  });
}

/**
 * Build the model of one set of source figures. Assumes field-level validity (positive finite numbers); reports
 * cross-figure contradictions as errors.
 */
/**
 * Models already built, by the figures object they came from. Device figures are built once and never changed, so a
 * class estimate over many members builds each member's model once, not once per question. Callers treat both the
 * figures and the model as immutable.
 */
const built = new WeakMap<SourceFigures, BuildModelResult>();

export function buildSourceModel(f: SourceFigures): BuildModelResult {
  const known = built.get(f);
  if (known) return known;
  const result = buildSourceModelFresh(f);
  built.set(f, result);
  return result;
}

function buildSourceModelFresh(f: SourceFigures): BuildModelResult {
  const problems: Problem[] = [];
  const { open, raw } = collectLevels(f, problems);
  const openSpread = open.length > 1 ? spreadDb(open.map((x) => x.vrms)) : 0;
  if (openSpread > AGREEMENT_TOLERANCE_DB) {
    const given = open.map(describeForm).join(' and ');
    problems.push({ code: 'open_levels_disagree', given, spreadDb: openSpread, toleranceDb: AGREEMENT_TOLERANCE_DB });
  }
  const points = mergeByLoad(raw, problems);
  const openVrms = open.length > 0 ? Math.min(...open.map((x) => x.vrms)) : null;
  const zOutGiven = f.outputImpedanceOhm;
  for (const p of points) {
    // A loaded figure can never exceed what the unloaded maximum delivers into that load.
    if (openVrms === null) continue;
    const possible = zOutGiven !== undefined ? (openVrms * p.loadOhm) / (p.loadOhm + zOutGiven) : openVrms;
    if (dbBetween(p.vrms, possible) > AGREEMENT_TOLERANCE_DB) {
      problems.push({
        code: 'rating_exceeds_unloaded',
        rating: p.label,
        vrms: p.vrms,
        openVrms,
        zOutOhm: zOutGiven ?? null,
        loadOhm: p.loadOhm,
        possibleVrms: possible,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const top = points[points.length - 1];
  let vocVrms: number | null = openVrms;
  let vocBasis: VocBasis | null = openVrms !== null ? 'open_circuit' : null;
  if (vocVrms === null && top && zOutGiven !== undefined) {
    vocVrms = (top.vrms * (top.loadOhm + zOutGiven)) / top.loadOhm;
    vocBasis = 'rating_plus_zout';
  }
  const zOutBasis: ZOutBasis = zOutGiven !== undefined ? 'given' : 'assumed_zero';
  const lowest = points[0];
  let iMaxMa: number | null = null;
  let iMaxBasis: CurrentBasis | null = null;
  if (f.maxCurrentMa !== undefined) {
    iMaxMa = f.maxCurrentMa;
    iMaxBasis = 'given';
  } else if (lowest) {
    iMaxMa = vrmsToMa(lowest.vrms, lowest.loadOhm);
    iMaxBasis = 'lowest_rated_load';
  }
  return {
    ok: true,
    model: {
      vocVrms,
      vocBasis,
      zOutOhm: zOutGiven ?? 0,
      zOutBasis,
      iMaxMa,
      iMaxBasis,
      noiseUv: f.noiseUv ?? null,
      points: points.map(({ vrms, loadOhm, basis }) => ({ vrms, loadOhm, basis })),
    },
  };
}

/** True when the model has any level figure (an unloaded maximum or a rating). */
export function hasLevel(model: SourceModel): boolean {
  return model.vocVrms !== null || model.points.length > 0;
}

interface Ceiling {
  vrms: number;
  basis: CeilingBasis;
  limitedBy: LimitKind;
  /** The rated points the ceiling was read from (one or two). */
  from: LoadedPoint[];
}

const sameLoad = (a: number, b: number) => Math.abs(a - b) <= SAME_LOAD_TOLERANCE * b;
const kindOf = (p: LoadedPoint): LimitKind => (p.basis === 'power_rating' ? 'power' : 'voltage');

/** The voltage ceiling the ratings set at `loadOhm` (null when there are no ratings). */
export function ceilingAt(model: SourceModel, loadOhm: number): Ceiling | null {
  const pts = model.points;
  const first = pts[0];
  const last = pts[pts.length - 1];
  if (!first || !last) return null;
  const exact = pts.find((p) => sameLoad(loadOhm, p.loadOhm));
  if (exact) return { vrms: exact.vrms, basis: 'rated_point', limitedBy: kindOf(exact), from: [exact] };
  if (loadOhm < first.loadOhm) {
    // With a stated current limit the rated voltage is held and the limit caps it (deliverInto); without one the
    // rated current is held, a floor (see unratedLoadBound).
    if (model.iMaxBasis === 'given')
      return { vrms: first.vrms, basis: 'below_lowest_rating', limitedBy: 'voltage', from: [first] };
    const vrms = maToVrms(vrmsToMa(first.vrms, first.loadOhm), loadOhm);
    return { vrms, basis: 'below_lowest_rating', limitedBy: 'current', from: [first] };
  }
  if (loadOhm > last.loadOhm) {
    const voc = model.vocBasis === 'open_circuit' ? model.vocVrms : null;
    if (voc !== null && voc > last.vrms) {
      const zShape = last.loadOhm * (voc / last.vrms - 1);
      const vrms = (voc * loadOhm) / (loadOhm + zShape);
      return { vrms, basis: 'above_highest_rating', limitedBy: 'voltage', from: [last] };
    }
    return { vrms: last.vrms, basis: 'above_highest_rating', limitedBy: kindOf(last), from: [last] };
  }
  const hi = pts.findIndex((p) => p.loadOhm > loadOhm);
  const a = pts[hi - 1] as LoadedPoint;
  const b = pts[hi] as LoadedPoint;
  const k = Math.log(b.vrms / a.vrms) / Math.log(b.loadOhm / a.loadOhm);
  const vrms = a.vrms * (loadOhm / a.loadOhm) ** k;
  const limitedBy: LimitKind = a.basis === 'power_rating' && b.basis === 'power_rating' ? 'power' : 'voltage';
  return { vrms, basis: 'interpolated', limitedBy, from: [a, b] };
}

/**
 * What the model delivers into `loadOhm` at full volume; null when the source has no level figure.
 * limitedBy: 'current' when a current limit binds; 'power' when a power rating's ceiling binds; else 'voltage'.
 */
export function deliverInto(model: SourceModel, loadOhm: number): Delivery | null {
  if (!hasLevel(model)) return null;
  const theveninVrms = model.vocVrms !== null ? (model.vocVrms * loadOhm) / (loadOhm + model.zOutOhm) : null;
  const ceiling = ceilingAt(model, loadOhm);
  const currentCapVrms = model.iMaxBasis === 'given' && model.iMaxMa !== null ? maToVrms(model.iMaxMa, loadOhm) : null;
  const options: { vrms: number; basis: Delivery['basis']; limitedBy: LimitKind }[] = [];
  if (theveninVrms !== null) options.push({ vrms: theveninVrms, basis: 'thevenin', limitedBy: 'voltage' });
  if (ceiling) options.push({ vrms: ceiling.vrms, basis: ceiling.basis, limitedBy: ceiling.limitedBy });
  if (currentCapVrms !== null) options.push({ vrms: currentCapVrms, basis: 'current_limit', limitedBy: 'current' });
  const bind = options.reduce((x, y) => (y.vrms < x.vrms ? y : x));
  const vrms = bind.vrms;
  const unrated = unratedLoadBound(ceiling, bind.basis, [theveninVrms, currentCapVrms]);
  return {
    ...(unrated ? { unratedLoad: unrated } : {}),
    vrms,
    mw: vrmsToMw(vrms, loadOhm),
    ma: vrmsToMa(vrms, loadOhm),
    theveninVrms,
    ceilingVrms: ceiling?.vrms ?? null,
    ceilingFrom: ceiling?.from ?? [],
    currentCapVrms,
    basis: bind.basis,
    limitedBy: bind.limitedBy,
  };
}

/**
 * Below the lowest rated load with no stated current limit, the held current is a floor, not a figure: an output
 * that was voltage-limited at its rated load may hold that voltage into a lower one. The upper bound is the rated
 * voltage held (capped by the Thevenin level and a stated current limit); null when the held current does not bind.
 */
function unratedLoadBound(
  ceiling: Ceiling | null,
  bindBasis: Delivery['basis'],
  otherCapsVrms: (number | null)[],
): { ratedLoadOhm: number; heldVoltageVrms: number } | null {
  const rated = ceiling?.from[0];
  if (!ceiling || !rated || ceiling.basis !== 'below_lowest_rating' || bindBasis !== 'below_lowest_rating') return null;
  const held = Math.min(rated.vrms, ...otherCapsVrms.map((v) => v ?? Number.POSITIVE_INFINITY));
  if (held <= ceiling.vrms) return null;
  return { ratedLoadOhm: rated.loadOhm, heldVoltageVrms: held };
}

/** Translate a power rating to another load via the model (voltage-limited above, current-capped below). */
export function translatePowerRating(
  rating: { mw: number; loadOhm: number },
  toLoadOhm: number,
): { mw: number; vrms: number; limitedBy: LimitKind } {
  const built = buildSourceModel({ powerRatings: [rating] });
  if (!built.ok) return { mw: 0, vrms: 0, limitedBy: 'power' };
  const d = deliverInto(built.model, toLoadOhm);
  return d ? { mw: d.mw, vrms: d.vrms, limitedBy: d.limitedBy } : { mw: 0, vrms: 0, limitedBy: 'power' };
}

/** A gain mode applies to a load when min ≤ Z < max (missing bounds are open). */
export function modeAppliesTo(mode: GainMode, loadOhm: number): boolean {
  const r = mode.loadRangeOhm;
  if (!r) return true;
  if (r.min !== undefined && loadOhm < r.min) return false;
  if (r.max !== undefined && loadOhm >= r.max) return false;
  return true;
}

/** The base figures with a mode's figures laid over them. */
export function mergeMode(base: SourceFigures, mode: GainMode): SourceFigures {
  const out: SourceFigures = {};
  const voltages = mode.voltages ?? base.voltages;
  const powerRatings = mode.powerRatings ?? base.powerRatings;
  const outputImpedanceOhm = mode.outputImpedanceOhm ?? base.outputImpedanceOhm;
  const maxCurrentMa = mode.maxCurrentMa ?? base.maxCurrentMa;
  const noiseUv = mode.noiseUv ?? base.noiseUv;
  if (voltages !== undefined) out.voltages = voltages;
  if (powerRatings !== undefined) out.powerRatings = powerRatings;
  if (outputImpedanceOhm !== undefined) out.outputImpedanceOhm = outputImpedanceOhm;
  if (maxCurrentMa !== undefined) out.maxCurrentMa = maxCurrentMa;
  if (noiseUv !== undefined) out.noiseUv = noiseUv;
  return out;
}

function baseFigures(spec: SourceSpec): SourceFigures {
  return mergeMode(spec, { name: '' });
}

/**
 * The figure sets to evaluate for a load: one per applicable gain mode, or the base figures (name null) when the
 * source has no modes or none applies to this load.
 */
export function figuresForLoad(spec: SourceSpec, loadOhm: number): { name: string | null; figures: SourceFigures }[] {
  const modes = (spec.gainModes ?? []).filter((m) => modeAppliesTo(m, loadOhm));
  if (modes.length === 0) return [{ name: null, figures: baseFigures(spec) }];
  return modes.map((m) => ({ name: m.name, figures: mergeMode(spec, m) }));
}

/** Every figure set a source can present (base plus each mode), for validation. */
export function allFigureSets(spec: SourceSpec): { name: string | null; figures: SourceFigures }[] {
  const sets: { name: string | null; figures: SourceFigures }[] = [{ name: null, figures: baseFigures(spec) }];
  for (const m of spec.gainModes ?? []) sets.push({ name: m.name, figures: mergeMode(spec, m) });
  return sets;
}

/** True when a source has user-selectable gain modes (modes without a load range). */
export function hasSelectableGain(spec: SourceSpec): boolean {
  return spec.hasGainSettings === true || (spec.gainModes ?? []).some((m) => !m.loadRangeOhm);
}
