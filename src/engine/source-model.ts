/**
 * Normalises any source spec into a Thevenin source (V_oc behind Z_out) plus an optional current limit I_max,
 * and computes what it delivers into a load: V_L = min(V_oc · Z/(Z + Z_out), I_max · Z).
 *
 * How figures combine (all conservative):
 * - Open-circuit voltages (no load) give V_oc directly (several must agree within 1 dB; the lowest is used).
 * - Loaded figures — power ratings "P @ R" (V = √(P·R/1000)) and loaded voltages "+10 dBu into 300 Ω" — are points
 *   (V, R). Points at the same load (within 1 %) must agree within 1 dB; the lowest is kept.
 * - One point, nothing else: voltage-limited at V above R (Z_out assumed 0) and current-capped at I = V/R below R.
 * - Two or more points, no Z_out: fit the two highest loads, Z_out = (V2 − V1)/(V1/R1 − V2/R2). A negative or absurd
 *   (> MAX_PLAUSIBLE_ZOUT_OHM) fit means the low-load figure is current limited: I_max = V1/R1, V_oc = V2.
 * - Given Z_out: V_oc = V·(R + Z_out)/R from the highest-load point (unless V_oc is given).
 * - V_oc given with loaded points: Z_out = R·(V_oc/V − 1) from the highest-load point (absurd → current limited).
 * - Any remaining point that sits more than 0.25 dB below the model's prediction is current limited there:
 *   I_max = min(I_max, V/R). With Z_out known, no extra current cap is applied below a rated load.
 * - An explicitly given current limit is kept (the lower of given and inferred wins).
 */
import type {
  CurrentBasis,
  Delivery,
  GainMode,
  LimitKind,
  LoadedPoint,
  SourceFigures,
  SourceModel,
  SourceSpec,
  TwoLoadInference,
  VoltageBasis,
  VoltageRating,
  ZOutBasis,
} from './types.js';
import { dbuToVrms, dbvToVrms, dbBetween, mwToVrms, vrmsToMa, vrmsToMw, maToVrms } from './units.js';
import { fmt, fmtDb } from './format-number.js';

/** Above this a fitted output impedance is treated as implausible (beyond IEC 61938's 120 Ω, with margin). */
export const MAX_PLAUSIBLE_ZOUT_OHM = 150;
/** Two figures for the same thing disagreeing by more than this are contradictory. */
export const AGREEMENT_TOLERANCE_DB = 1;
/** Loads within this relative distance are the same load. */
export const SAME_LOAD_TOLERANCE = 0.01;
/** A loaded figure this far below the model's prediction is read as current limited. */
export const CURRENT_LIMIT_DETECT_DB = 0.25;

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

export type BuildModelResult = { ok: true; model: SourceModel } | { ok: false; errors: string[] };

/**
 * Build the Thevenin model of one set of source figures. Assumes field-level validity (positive finite numbers);
 * reports cross-figure contradictions as errors.
 */
export function buildSourceModel(f: SourceFigures): BuildModelResult {
  const errors: string[] = [];
  const open: VoltageForm[] = [];
  const raw: LabelledPoint[] = [];

  for (const v of f.voltages ?? []) {
    const forms = voltageForms(v);
    if (forms.length === 0) continue;
    if (forms.length > 1 && spreadDb(forms.map((x) => x.vrms)) > AGREEMENT_TOLERANCE_DB) {
      errors.push(
        `Voltage given as ${forms.map(describeForm).join(' and ')} disagrees by ` +
          `${fmtDb(spreadDb(forms.map((x) => x.vrms)))} dB; the forms must agree within ${AGREEMENT_TOLERANCE_DB} dB.`,
      );
      continue;
    }
    const vrms = Math.min(...forms.map((x) => x.vrms));
    const first = forms[0] as VoltageForm;
    if (v.loadOhm === undefined) open.push({ label: first.label, vrms });
    else raw.push({ vrms, loadOhm: v.loadOhm, basis: 'loaded_voltage', label: `${first.label} into ${fmt(v.loadOhm)} Ω` });
  }
  for (const p of f.powerRatings ?? []) {
    raw.push({ vrms: mwToVrms(p.mw, p.loadOhm), loadOhm: p.loadOhm, basis: 'power_rating', label: `${fmt(p.mw)} mW @ ${fmt(p.loadOhm)} Ω` });
  }

  if (open.length > 1 && spreadDb(open.map((x) => x.vrms)) > AGREEMENT_TOLERANCE_DB) {
    errors.push(
      `Maximum (unloaded) output voltage given as ${open.map(describeForm).join(' and ')}: ` +
        `they disagree by ${fmtDb(spreadDb(open.map((x) => x.vrms)))} dB (more than ${AGREEMENT_TOLERANCE_DB} dB).`,
    );
  }
  const voc0 = open.length > 0 ? Math.min(...open.map((x) => x.vrms)) : null;

  // Merge points at the same load (keep the lowest), sorted by load ascending.
  raw.sort((a, b) => a.loadOhm - b.loadOhm);
  const points: LabelledPoint[] = [];
  const groups: LabelledPoint[][] = [];
  for (const p of raw) {
    const g = groups[groups.length - 1];
    const head = g?.[0];
    if (g && head && Math.abs(p.loadOhm - head.loadOhm) <= SAME_LOAD_TOLERANCE * head.loadOhm) g.push(p);
    else groups.push([p]);
  }
  for (const g of groups) {
    const vs = g.map((p) => p.vrms);
    if (g.length > 1 && spreadDb(vs) > AGREEMENT_TOLERANCE_DB) {
      errors.push(
        `Ratings at the same load disagree by ${fmtDb(spreadDb(vs))} dB: ` +
          `${g.map(describePoint).join(' vs ')}.`,
      );
    }
    points.push(g.reduce((a, b) => (b.vrms < a.vrms ? b : a)));
  }

  // A Thevenin source with a current limit never pushes more current into a higher load.
  for (let i = 0; i + 1 < points.length; i++) {
    const lo = points[i] as LabelledPoint;
    const hi = points[i + 1] as LabelledPoint;
    const iLo = vrmsToMa(lo.vrms, lo.loadOhm);
    const iHi = vrmsToMa(hi.vrms, hi.loadOhm);
    if (iHi > iLo * Math.pow(10, AGREEMENT_TOLERANCE_DB / 20)) {
      errors.push(
        `Ratings ${lo.label} and ${hi.label} contradict each other: the higher load would draw more current ` +
          `(${fmt(iHi)} mA vs ${fmt(iLo)} mA), which implies a negative open-circuit voltage.`,
      );
    }
  }
  if (voc0 !== null) {
    for (const p of points) {
      if (dbBetween(p.vrms, voc0) > AGREEMENT_TOLERANCE_DB) {
        errors.push(
          `Loaded rating ${p.label} (${fmt(p.vrms)} Vrms) exceeds the maximum unloaded voltage ${fmt(voc0)} Vrms; ` +
            `a source cannot deliver more voltage into a load than with no load.`,
        );
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  let vocVrms: number | null = null;
  let vocBasis: VoltageBasis | null = null;
  let zOutOhm = 0;
  let zOutBasis: ZOutBasis = 'assumed_zero';
  let iMaxMa: number | null = f.maxCurrentMa ?? null;
  let iMaxBasis: CurrentBasis | null = f.maxCurrentMa !== undefined ? 'given' : null;
  let inference: TwoLoadInference | null = null;
  /** Points whose figure the model reproduces by construction. */
  const anchors = new Set<LabelledPoint>();

  const capCurrent = (ma: number, basis: CurrentBasis) => {
    if (iMaxMa === null || ma < iMaxMa) {
      iMaxMa = ma;
      iMaxBasis = basis;
    }
  };
  const top = points[points.length - 1];

  if (f.outputImpedanceOhm !== undefined) {
    zOutOhm = f.outputImpedanceOhm;
    zOutBasis = 'given';
    if (voc0 !== null) {
      vocVrms = voc0;
      vocBasis = 'open_circuit';
    } else if (top) {
      vocVrms = (top.vrms * (top.loadOhm + zOutOhm)) / top.loadOhm;
      vocBasis = top.basis;
      anchors.add(top);
    }
  } else if (voc0 !== null) {
    vocVrms = voc0;
    vocBasis = 'open_circuit';
    if (top) {
      const z = top.loadOhm * (voc0 / top.vrms - 1);
      if (z > MAX_PLAUSIBLE_ZOUT_OHM) {
        capCurrent(vrmsToMa(top.vrms, top.loadOhm), 'inferred_below_prediction');
      } else {
        zOutOhm = Math.max(0, z);
        zOutBasis = 'inferred_open_vs_loaded';
      }
      anchors.add(top);
    }
  } else if (points.length >= 2 && top) {
    const low = points[points.length - 2] as LabelledPoint;
    const v1 = low.vrms, r1 = low.loadOhm, v2 = top.vrms, r2 = top.loadOhm;
    const denom = v1 / r1 - v2 / r2;
    const fitted = denom > 0 ? (v2 - v1) / denom : null;
    if (fitted !== null && fitted >= 0 && fitted <= MAX_PLAUSIBLE_ZOUT_OHM) {
      zOutOhm = fitted;
      zOutBasis = 'inferred_two_load';
      vocVrms = (v2 * (r2 + fitted)) / r2;
      inference = { lowLoadOhm: r1, lowVrms: v1, highLoadOhm: r2, highVrms: v2, fittedZOutOhm: fitted, outcome: 'output_impedance', currentLimitMa: null };
    } else {
      const ma = vrmsToMa(v1, r1);
      vocVrms = v2;
      capCurrent(ma, 'inferred_two_load');
      inference = { lowLoadOhm: r1, lowVrms: v1, highLoadOhm: r2, highVrms: v2, fittedZOutOhm: fitted, outcome: 'current_limited', currentLimitMa: ma };
    }
    vocBasis = top.basis;
    anchors.add(top);
    anchors.add(low);
  } else if (top) {
    // One loaded figure only: voltage-limited above its load, current-capped below (conservative).
    vocVrms = top.vrms;
    vocBasis = top.basis;
    capCurrent(vrmsToMa(top.vrms, top.loadOhm), 'rating_cap');
    anchors.add(top);
  }

  if (vocVrms !== null) {
    const voc = vocVrms;
    for (const p of points) {
      if (anchors.has(p)) continue;
      const predicted = (voc * p.loadOhm) / (p.loadOhm + zOutOhm);
      const diff = dbBetween(p.vrms, predicted);
      if (diff < -CURRENT_LIMIT_DETECT_DB) capCurrent(vrmsToMa(p.vrms, p.loadOhm), 'inferred_below_prediction');
      else if (diff > AGREEMENT_TOLERANCE_DB && zOutBasis === 'given' && vocBasis === 'open_circuit') {
        errors.push(
          `Rating ${p.label} is ${fmtDb(diff)} dB more than ${fmt(voc)} Vrms behind ` +
            `${fmt(zOutOhm)} Ω can deliver into ${fmt(p.loadOhm)} Ω (${fmt(predicted)} Vrms).`,
        );
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  return {
    ok: true,
    model: {
      vocVrms,
      vocBasis,
      zOutOhm,
      zOutBasis,
      iMaxMa,
      iMaxBasis,
      noiseUv: f.noiseUv ?? null,
      points: points.map(({ vrms, loadOhm, basis }) => ({ vrms, loadOhm, basis })),
      inference,
    },
  };
}

/**
 * What the model delivers into `loadOhm` at full volume; null when the source has no level figure.
 * limitedBy: 'current' when the current limit binds; otherwise 'power' when V_oc came from a power rating,
 * else 'voltage'.
 */
export function deliverInto(model: SourceModel, loadOhm: number): Delivery | null {
  if (model.vocVrms === null) return null;
  const theveninVrms = (model.vocVrms * loadOhm) / (loadOhm + model.zOutOhm);
  const currentCapVrms = model.iMaxMa !== null ? maToVrms(model.iMaxMa, loadOhm) : null;
  const capped = currentCapVrms !== null && currentCapVrms < theveninVrms;
  const vrms = capped ? currentCapVrms : theveninVrms;
  const limitedBy: LimitKind = capped ? 'current' : model.vocBasis === 'power_rating' ? 'power' : 'voltage';
  return { vrms, mw: vrmsToMw(vrms, loadOhm), ma: vrmsToMa(vrms, loadOhm), theveninVrms, currentCapVrms, limitedBy };
}

/** Translate a power rating to another load via the conservative model (voltage-limited above, current-capped below). */
export function translatePowerRating(rating: { mw: number; loadOhm: number }, toLoadOhm: number): { mw: number; vrms: number; limitedBy: LimitKind } {
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
