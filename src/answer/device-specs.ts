/**
 * Turns sourced device facts into the engine's inputs by one evidence policy (README "Evidence policy"), and says
 * which figures were used and why:
 * - bases rank measured > maker > maker-quoted > second-hand for what a source does into a load, and
 *   maker > maker-quoted > measured > second-hand for a headphone's nominal impedance;
 * - headphone sensitivity: the maker's figure (what people compare) unless a measurement disagrees by more than
 *   3 dB — then the verdict follows the measurement and the answer shows both; a measurement settles a maker figure
 *   printed without its unit (or printed per mW and per V with the same number); no maker figure → the measurement;
 * - a source output's levels and power ratings come from the best basis present; a lower basis adds figures only at
 *   loads the best one does not cover, and only when the result stays consistent.
 */
import {
  buildSourceModel,
  type GainMode,
  type HeadphoneSpec,
  type MultiOutputSource,
  type SensitivityUnit,
  type SourceOutput as EngineOutput,
  type SourceSpec,
  type VoltageRating,
} from '../engine/index.js';
import type { Basis, HeadphoneDevice, SourceDevice, SourceOutput } from '../knowledge/index.js';

export interface CitedFigure {
  what: string;
  value: string;
  url: string;
  basis: Basis;
  /** Who measured (measured figures). */
  by?: string;
  /** The transcription the figure was read through. */
  via?: string;
}

/** Maker and measured sensitivity more than this far apart: the verdict follows the measurement. */
export const SENSITIVITY_CONFLICT_DB = 3;

/** How the sensitivity the engine uses was chosen. */
export type SensitivityChoice =
  | { kind: 'maker'; basis: Basis; measuredDbV?: number }
  | { kind: 'unit-settled'; basis: Basis; unit: 'dB/mW' | 'dB/V'; measuredDbV: number }
  | { kind: 'measurement-over-maker'; makerDbV: number[]; measuredDbV: number; gapDb: number }
  | { kind: 'measured' }
  | { kind: 'second-hand' };

export interface HeadphoneFacts {
  spec: HeadphoneSpec;
  cited: CitedFigure[];
  sensitivityChoice: SensitivityChoice | null;
}

type Sourced = { url: string; basis: Basis; by?: string | undefined; via?: string | undefined };

const HEADPHONE_NOMINAL_ORDER: Basis[] = ['maker', 'maker-quoted', 'measured', 'second-hand'];
const SOURCE_ORDER: Basis[] = ['measured', 'maker', 'maker-quoted', 'second-hand'];

/** The figures of the best basis present, in `order`. */
export function bestBasis<T extends { basis: Basis }>(figs: readonly T[] | undefined, order: readonly Basis[]): T[] {
  const list = figs ?? [];
  for (const b of order) {
    const of = list.filter((f) => f.basis === b);
    if (of.length) return of;
  }
  return [];
}

function cite(what: string, value: string, f: Sourced): CitedFigure {
  return { what, value, url: f.url, basis: f.basis, ...(f.by ? { by: f.by } : {}), ...(f.via ? { via: f.via } : {}) };
}

const isMaker = (b: Basis) => b === 'maker' || b === 'maker-quoted';
const perLabel = (per: 'mW' | 'V' | 'unknown') => (per === 'unknown' ? 'dB' : `dB/${per}`);
const toDbV = (db: number, per: 'mW' | 'V', ohms: number) => (per === 'V' ? db : db + 10 * Math.log10(1000 / ohms));
const round1 = (x: number) => Math.round(x * 10) / 10;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

type SensitivityFigure = HeadphoneDevice['sensitivity'][number];

/** Picks the sensitivity the engine uses, by the evidence policy; null when the device has none. */
function chooseSensitivity(
  figs: readonly SensitivityFigure[],
  ohms: number,
  cited: CitedFigure[],
): { value: number; unit: SensitivityUnit; choice: SensitivityChoice } | null {
  const makers = bestBasis(
    figs.filter((f) => isMaker(f.basis)),
    ['maker', 'maker-quoted'],
  );
  const measured = figs.filter((f) => f.basis === 'measured' && f.per !== 'unknown');
  const measuredDbV = measured.length ? median(measured.map((f) => toDbV(f.db, f.per as 'mW' | 'V', ohms))) : null;
  const nearestMeasured = (dbV: number) =>
    measured.reduce((a, b) =>
      Math.abs(toDbV(b.db, b.per as 'mW' | 'V', ohms) - dbV) < Math.abs(toDbV(a.db, a.per as 'mW' | 'V', ohms) - dbV)
        ? b
        : a,
    );
  const citeMeasured = (label: string) => {
    if (measuredDbV === null) return;
    const m = nearestMeasured(measuredDbV);
    cited.push(cite(label, `${m.db} ${perLabel(m.per)}`, m));
  };
  const first = makers[0];
  if (first) {
    const twin = makers.find((s) => s !== first && Math.abs(s.db - first.db) < 0.05 && s.per !== first.per);
    const unknownUnit = first.per === 'unknown' || Boolean(twin);
    const readings: ('mW' | 'V')[] = unknownUnit ? ['mW', 'V'] : [first.per as 'mW' | 'V'];
    cited.push(cite('sensitivity (maker)', `${first.db} ${perLabel(first.per)}`, first));
    if (twin) cited.push(cite('sensitivity (maker, other reference)', `${twin.db} ${perLabel(twin.per)}`, twin));
    if (measuredDbV === null) {
      const unit: SensitivityUnit = unknownUnit ? 'unknown' : first.per === 'mW' ? 'dB/mW' : 'dB/V';
      return { value: first.db, unit, choice: { kind: 'maker', basis: first.basis } };
    }
    const byGap = readings
      .map((per) => ({ per, gap: Math.abs(toDbV(first.db, per, ohms) - measuredDbV) }))
      .sort((a, b) => a.gap - b.gap);
    const nearest = byGap[0] as { per: 'mW' | 'V'; gap: number };
    if (nearest.gap <= SENSITIVITY_CONFLICT_DB) {
      const unit = nearest.per === 'mW' ? 'dB/mW' : 'dB/V';
      if (unknownUnit) {
        citeMeasured('sensitivity (measured, settles the unit)');
        return { value: first.db, unit, choice: { kind: 'unit-settled', basis: first.basis, unit, measuredDbV } };
      }
      citeMeasured('sensitivity (measured, agrees)');
      return { value: first.db, unit, choice: { kind: 'maker', basis: first.basis, measuredDbV } };
    }
    citeMeasured('sensitivity (measured, used)');
    const makerDbV = readings.map((per) => round1(toDbV(first.db, per, ohms)));
    return {
      value: round1(measuredDbV),
      unit: 'dB/V',
      choice: { kind: 'measurement-over-maker', makerDbV, measuredDbV, gapDb: nearest.gap },
    };
  }
  if (measuredDbV !== null) {
    citeMeasured('sensitivity (measured)');
    return { value: round1(measuredDbV), unit: 'dB/V', choice: { kind: 'measured' } };
  }
  const other = figs.find((f) => f.basis === 'second-hand') ?? figs[0];
  if (!other) return null;
  cited.push(cite('sensitivity (second-hand)', `${other.db} ${perLabel(other.per)}`, other));
  const unit: SensitivityUnit = other.per === 'unknown' ? 'unknown' : other.per === 'mW' ? 'dB/mW' : 'dB/V';
  return { value: other.db, unit, choice: { kind: 'second-hand' } };
}

/** The engine's view of a headphone, with the figures used; null when no impedance is sourced (name-only device). */
export function headphoneSpec(d: HeadphoneDevice): HeadphoneFacts | null {
  const imp = bestBasis(d.impedance, HEADPHONE_NOMINAL_ORDER)[0];
  if (!imp) return null;
  const cited: CitedFigure[] = [cite('impedance', `${imp.ohms} Ω`, imp)];
  const spec: HeadphoneSpec = { impedanceOhm: imp.ohms, driver: d.driver, form: d.form };
  const sens = chooseSensitivity(d.sensitivity, imp.ohms, cited);
  if (sens) spec.sensitivity = { value: sens.value, unit: sens.unit };
  const range = bestBasis(d.impedanceRange, ['measured', 'maker', 'maker-quoted', 'second-hand'])[0];
  if (range) {
    spec.impedanceMinOhm = range.minOhms;
    spec.impedanceMaxOhm = range.maxOhms;
    cited.push(cite('impedance range', `${range.minOhms}–${range.maxOhms} Ω`, range));
  }
  const power = bestBasis(d.maxPower, HEADPHONE_NOMINAL_ORDER)[0];
  if (power) {
    spec.maxPowerMw = power.mw;
    cited.push(cite('power handling', `${power.mw} mW`, power));
  }
  return { spec, cited, sensitivityChoice: sens?.choice ?? null };
}

type LevelFigure = SourceOutput['level'][number];
type PowerFigure = SourceOutput['power'][number];

const loadOf = (f: LevelFigure | PowerFigure) => ('loadOhms' in f ? f.loadOhms : undefined);

/**
 * The level and power figures the engine gets: every figure of the best basis present, plus figures of lower bases
 * at loads the best basis does not reach (below its lowest or above its highest rated load, or an unloaded maximum
 * when it has none) — evidence pooled only where it adds coverage, and only when the result is consistent.
 */
function ratedFigures(o: SourceOutput): { levels: LevelFigure[]; powers: PowerFigure[] } {
  const all: (LevelFigure | PowerFigure)[] = [...o.level, ...o.power];
  const primary = bestBasis(all, SOURCE_ORDER)[0]?.basis;
  const chosen = all.filter((f) => f.basis === primary);
  const loads = chosen.map(loadOf).filter((x): x is number => x !== undefined);
  const hasOpen = chosen.some((f) => loadOf(f) === undefined);
  const lo = Math.min(...loads);
  const hi = Math.max(...loads);
  const extra = SOURCE_ORDER.filter((b) => b !== primary).flatMap((b) =>
    all.filter((f) => {
      if (f.basis !== b) return false;
      const load = loadOf(f);
      if (load === undefined) return !hasOpen;
      return loads.length === 0 || load < lo * 0.99 || load > hi * 1.01;
    }),
  );
  const split = (figs: (LevelFigure | PowerFigure)[]) => ({
    levels: figs.filter((f): f is LevelFigure => 'unit' in f),
    powers: figs.filter((f): f is PowerFigure => 'mw' in f),
  });
  if (extra.length > 0) {
    const pooled = split([...chosen, ...extra]);
    if (buildSourceModel(ratingsSpec(pooled.levels, pooled.powers)).ok) return pooled;
  }
  return split(chosen);
}

function ratingsSpec(levels: LevelFigure[], powers: PowerFigure[]): SourceSpec {
  const spec: SourceSpec = {};
  if (levels.length) {
    spec.voltages = levels.map((f): VoltageRating => {
      const v: VoltageRating =
        f.unit === 'Vrms' ? { vrms: f.value } : f.unit === 'dBu' ? { dbu: f.value } : { dbv: f.value };
      if (f.loadOhms !== undefined) v.loadOhm = f.loadOhms;
      return v;
    });
  }
  if (powers.length) spec.powerRatings = powers.map((f) => ({ mw: f.mw, loadOhm: f.loadOhms }));
  return spec;
}

function outputFigures(o: SourceOutput, cited: CitedFigure[]): SourceSpec {
  const { levels, powers } = ratedFigures(o);
  const spec: SourceSpec = ratingsSpec(levels, powers);
  for (const f of levels) {
    const load = f.loadOhms ? ` into ${f.loadOhms} Ω` : ' unloaded';
    const sign = f.unit !== 'Vrms' && f.value >= 0 ? '+' : '';
    cited.push(cite(`${o.name}: max level`, `${sign}${f.value} ${f.unit}${load}`, f));
  }
  for (const f of powers) cited.push(cite(`${o.name}: power`, `${f.mw} mW into ${f.loadOhms} Ω`, f));
  const zout = bestBasis(o.outputImpedance, SOURCE_ORDER)[0];
  if (zout) {
    spec.outputImpedanceOhm = zout.ohms;
    cited.push(cite(`${o.name}: output impedance`, `${zout.ohms} Ω`, zout));
  }
  const current = bestBasis(o.maxCurrent, SOURCE_ORDER)[0];
  if (current) {
    spec.maxCurrentMa = current.ma;
    cited.push(cite(`${o.name}: current limit`, `${current.ma} mA`, current));
  }
  const noise = bestBasis(o.noise, SOURCE_ORDER)[0];
  if (noise) {
    spec.noiseUv = noise.uv;
    cited.push(cite(`${o.name}: output noise`, `${noise.uv} µV`, noise));
  }
  return spec;
}

/** An output meant for IEMs, by its name ("IEM out (3.5 mm)"). */
const isIemOutput = (o: SourceOutput) => /\biem\b/i.test(o.name);

/**
 * A source's outputs for the engine. Outputs that switch with the load (loadRangeOhms) become gain modes of one
 * output; every other output is evaluated on its own and the engine picks the best.
 */
export function sourceOutputs(d: SourceDevice): { source: MultiOutputSource; cited: CitedFigure[] } {
  const cited: CitedFigure[] = [];
  const automatic = d.outputs.filter((o) => o.loadRangeOhms);
  const outputs: EngineOutput[] = d.outputs
    .filter((o) => !o.loadRangeOhms)
    .map((o) => {
      const spec = outputFigures(o, cited);
      if (o.gain) spec.hasGainSettings = true;
      return { id: o.name, balanced: o.balanced, iem: isIemOutput(o), spec };
    });
  const head = automatic[0];
  if (head) {
    const gainModes: GainMode[] = automatic.map((o) => {
      const mode: GainMode = { name: o.name, ...outputFigures(o, cited) };
      const range = o.loadRangeOhms ?? {};
      mode.loadRangeOhm = {
        ...(range.min !== undefined ? { min: range.min } : {}),
        ...(range.max !== undefined ? { max: range.max } : {}),
      };
      return mode;
    });
    outputs.push({ id: automatic.map((o) => o.name).join(' / '), balanced: head.balanced, spec: { gainModes } });
  }
  return { source: { outputs }, cited };
}

/** True when no output of the source carries a level, power, impedance, current or noise figure. */
export function hasNoFigures(d: SourceDevice): boolean {
  return d.outputs.every(
    (o) =>
      o.level.length +
        o.power.length +
        o.outputImpedance.length +
        (o.maxCurrent?.length ?? 0) +
        (o.noise?.length ?? 0) ===
      0,
  );
}
