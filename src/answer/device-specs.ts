/**
 * Turns sourced device facts into the engine's inputs. Where a device has several readings of a figure, one rule
 * picks what the engine gets, and the answer cites exactly the figures used:
 * - headphones: the maker's figures first (that is what people compare), measurements when the maker gives none;
 *   two maker sensitivities with the same number but different references ("97 dB/mW" vs "97 dB/V") make the
 *   unit ambiguous, and the engine then evaluates both readings;
 * - sources: measurements first (they show what the output really does into a load), the maker's figures otherwise;
 *   levels and power ratings are taken from one basis at a time so that a spec and a measurement do not contradict.
 */
import type { HeadphoneSpec, MultiOutputSource, SensitivityUnit, SourceOutput as EngineOutput, SourceSpec, VoltageRating, GainMode } from '../engine/index.js';
import type { HeadphoneDevice, SourceDevice, SourceOutput } from '../knowledge/index.js';

export interface CitedFigure {
  what: string;
  value: string;
  url: string;
  basis: 'manufacturer' | 'measurement';
}

const byBasis = <T extends { basis: 'manufacturer' | 'measurement' }>(figs: readonly T[] | undefined, first: 'manufacturer' | 'measurement'): T[] => {
  const list = figs ?? [];
  const preferred = list.filter((f) => f.basis === first);
  return preferred.length ? preferred : list.filter((f) => f.basis !== first);
};

export function headphoneSpec(d: HeadphoneDevice): { spec: HeadphoneSpec; cited: CitedFigure[] } | null {
  const imp = byBasis(d.impedance, 'manufacturer')[0];
  if (!imp) return null;
  const cited: CitedFigure[] = [{ what: 'impedance', value: `${imp.ohms} Ω`, url: imp.url, basis: imp.basis }];
  const spec: HeadphoneSpec = { impedanceOhm: imp.ohms, driver: d.driver === 'balanced-armature' ? 'balanced-armature' : d.driver };
  const sens = byBasis(d.sensitivity, 'manufacturer');
  const first = sens[0];
  if (first) {
    let unit: SensitivityUnit = first.per === 'mW' ? 'dB/mW' : first.per === 'V' ? 'dB/V' : 'unknown';
    const conflicting = sens.find((s) => s !== first && Math.abs(s.db - first.db) < 0.05 && s.per !== first.per);
    if (conflicting) unit = 'unknown';
    spec.sensitivity = { value: first.db, unit };
    cited.push({ what: 'sensitivity', value: `${first.db} ${first.per === 'unknown' ? 'dB' : `dB/${first.per}`}`, url: first.url, basis: first.basis });
    if (conflicting) cited.push({ what: 'sensitivity (conflicting reference)', value: `${conflicting.db} dB/${conflicting.per}`, url: conflicting.url, basis: conflicting.basis });
  }
  const range = d.impedanceRange?.[0];
  if (range) {
    spec.impedanceMinOhm = range.minOhms;
    spec.impedanceMaxOhm = range.maxOhms;
    cited.push({ what: 'impedance range', value: `${range.minOhms}–${range.maxOhms} Ω`, url: range.url, basis: range.basis });
  }
  const power = d.maxPower?.[0];
  if (power) {
    spec.maxPowerMw = power.mw;
    cited.push({ what: 'power handling', value: `${power.mw} mW`, url: power.url, basis: power.basis });
  }
  return { spec, cited };
}

function outputFigures(o: SourceOutput, cited: CitedFigure[]): SourceSpec {
  const spec: SourceSpec = {};
  // One basis for levels and power together, so the engine never sees a spec and a measurement that disagree.
  const basis = [...o.level, ...o.power].some((f) => f.basis === 'measurement') ? 'measurement' : 'manufacturer';
  const levels = o.level.filter((f) => f.basis === basis);
  const powers = o.power.filter((f) => f.basis === basis);
  if (levels.length) {
    spec.voltages = levels.map((f): VoltageRating => {
      const v: VoltageRating = f.unit === 'Vrms' ? { vrms: f.value } : f.unit === 'dBu' ? { dbu: f.value } : { dbv: f.value };
      if (f.loadOhms !== undefined) v.loadOhm = f.loadOhms;
      return v;
    });
    for (const f of levels) cited.push({ what: `${o.name}: max level`, value: `${f.value} ${f.unit}${f.loadOhms ? ` into ${f.loadOhms} Ω` : ''}`, url: f.url, basis: f.basis });
  }
  if (powers.length) {
    spec.powerRatings = powers.map((f) => ({ mw: f.mw, loadOhm: f.loadOhms }));
    for (const f of powers) cited.push({ what: `${o.name}: power`, value: `${f.mw} mW into ${f.loadOhms} Ω`, url: f.url, basis: f.basis });
  }
  const zout = byBasis(o.outputImpedance, 'measurement')[0];
  if (zout) {
    spec.outputImpedanceOhm = zout.ohms;
    cited.push({ what: `${o.name}: output impedance`, value: `${zout.ohms} Ω`, url: zout.url, basis: zout.basis });
  }
  const current = byBasis(o.maxCurrent, 'measurement')[0];
  if (current) {
    spec.maxCurrentMa = current.ma;
    cited.push({ what: `${o.name}: current limit`, value: `${current.ma} mA`, url: current.url, basis: current.basis });
  }
  const noise = byBasis(o.noise, 'measurement')[0];
  if (noise) {
    spec.noiseUv = noise.uv;
    cited.push({ what: `${o.name}: output noise`, value: `${noise.uv} µV`, url: noise.url, basis: noise.basis });
  }
  return spec;
}

/**
 * A source's outputs for the engine. Outputs that switch with the load (loadRangeOhms) become gain modes of one
 * output; every other output is evaluated on its own and the engine picks the best.
 */
export function sourceOutputs(d: SourceDevice): { source: MultiOutputSource; cited: CitedFigure[] } {
  const cited: CitedFigure[] = [];
  const automatic = d.outputs.filter((o) => o.loadRangeOhms);
  const outputs: EngineOutput[] = d.outputs
    .filter((o) => !o.loadRangeOhms)
    .map((o) => ({ id: o.name, balanced: o.balanced, spec: outputFigures(o, cited) }));
  if (automatic.length) {
    const gainModes: GainMode[] = automatic.map((o) => {
      const mode: GainMode = { name: o.name, ...outputFigures(o, cited) };
      const range = o.loadRangeOhms!;
      mode.loadRangeOhm = { ...(range.min !== undefined ? { min: range.min } : {}), ...(range.max !== undefined ? { max: range.max } : {}) };
      return mode;
    });
    outputs.push({ id: automatic.map((o) => o.name).join(' / '), balanced: automatic[0]!.balanced, spec: { gainModes } });
  }
  return { source: { outputs }, cited };
}
