/** "Show the math": each step as the formula with the numbers substituted, built from the engine's derived values. */
import type { Derived, MatchResult } from '../engine/index.js';
import { dB, mA, mW, num, ohm, V } from './format.js';

const ZOUT_BASIS = { given: 'as specified', inferred_two_load: 'inferred from two loaded ratings', inferred_open_vs_loaded: 'inferred from unloaded vs loaded level', assumed_zero: 'unknown, taken as 0 Ω' } as const;
const VOC_BASIS = { open_circuit: 'unloaded level as specified', loaded_voltage: 'from the loaded level', power_rating: 'from the power rating' } as const;

export function mathSteps(r: MatchResult): string[] {
  const d: Derived = r.derived;
  const steps: string[] = [];
  if (d.sensitivityDbV === null || d.sensitivityDbMw === null) return ['The headphone sensitivity is not known, so the level cannot be computed.'];
  const Z = d.impedanceOhm;
  if (d.sensitivityUnitUsed === 'dB/mW') {
    steps.push(`Sensitivity per volt: S_V = S_mW + 10·log10(1000/Z) = ${num(d.sensitivityDbMw, 1)} + 10·log10(1000/${num(Z)}) = ${num(d.sensitivityDbMw, 1)} + ${num(d.unitOffsetDb, 2)} = **${num(d.sensitivityDbV, 1)} dB SPL/V**`);
  } else {
    steps.push(`Sensitivity per mW: S_mW = S_V − 10·log10(1000/Z) = ${num(d.sensitivityDbV, 1)} − ${num(d.unitOffsetDb, 2)} = **${num(d.sensitivityDbMw, 1)} dB SPL/mW**`);
  }
  if (d.vReqVrms !== null && d.pReqMw !== null && d.iReqMa !== null) {
    steps.push(`Voltage for ${d.targetSpl} dB peaks: V = 10^((T − S_V)/20) = 10^((${d.targetSpl} − ${num(d.sensitivityDbV, 1)})/20) = **${V(d.vReqVrms)}**`);
    steps.push(`Power and current: P = V²/Z = ${num(d.vReqVrms, 3)}² / ${num(Z)} Ω = **${mW(d.pReqMw)}**; I = V/Z = **${mA(d.iReqMa)}**`);
  }
  if (d.vocVrms !== null) {
    const src = [`V_oc = ${V(d.vocVrms)} (${d.vocBasis ? VOC_BASIS[d.vocBasis] : 'given'})`];
    if (d.zOutOhm !== null) src.push(`Z_out = ${ohm(d.zOutOhm)} (${d.zOutBasis ? ZOUT_BASIS[d.zOutBasis] : 'given'})`);
    if (d.iMaxMa !== null) src.push(`I_max = ${mA(d.iMaxMa)}`);
    steps.push(`Source${d.gainMode ? ` (${d.gainMode})` : ''}: ${src.join(', ')}`);
    if (d.inference) {
      const inf = d.inference;
      steps.push(
        inf.outcome === 'output_impedance' && inf.fittedZOutOhm !== null
          ? `Two ratings (${V(inf.lowVrms)} into ${ohm(inf.lowLoadOhm)}, ${V(inf.highVrms)} into ${ohm(inf.highLoadOhm)}): Z_out = (V2 − V1)/(V1/R1 − V2/R2) = ${ohm(inf.fittedZOutOhm)}`
          : `Two ratings (${V(inf.lowVrms)} into ${ohm(inf.lowLoadOhm)}, ${V(inf.highVrms)} into ${ohm(inf.highLoadOhm)}) do not fit an output impedance, so the low-load figure is current-limited: I_max = V1/R1 = ${inf.currentLimitMa !== null ? mA(inf.currentLimitMa) : '?'}`,
      );
    }
    if (d.theveninVrms !== null && d.vLoadVrms !== null) {
      const divider = `V_oc·Z/(Z+Z_out) = ${num(d.vocVrms, 3)} × ${num(Z)}/(${num(Z)} + ${num(d.zOutOhm ?? 0)}) = ${V(d.theveninVrms)}`;
      const cap = d.currentCapVrms !== null ? `; current cap I_max·Z = ${V(d.currentCapVrms)}` : '';
      steps.push(`Into this load: ${divider}${cap} → **V_L = ${V(d.vLoadVrms)}**${d.pLoadMw !== null ? ` (${mW(d.pLoadMw)})` : ''}`);
    }
    if (d.maxSpl !== null && d.vLoadVrms !== null && d.headroomDb !== null) {
      steps.push(`Max level: S_V + 20·log10(V_L) = ${num(d.sensitivityDbV, 1)} + 20·log10(${num(d.vLoadVrms, 3)}) = **${num(d.maxSpl, 1)} dB SPL**`);
      steps.push(`Headroom = max − target = ${num(d.maxSpl, 1)} − ${d.targetSpl} = **${dB(d.headroomDb)}** (fine ≥ 0 dB; marginal down to −6 dB; below that an amp is needed)`);
    }
  }
  return steps;
}
