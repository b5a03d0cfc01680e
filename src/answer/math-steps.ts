/** "Show the math": each step as the formula with the numbers substituted, built from the engine's derived values. */
import type { Derived, MatchResult } from '../engine/index.js';
import { dB, mA, mW, num, ohm, spl, V } from '../format.js';
import type { MathStep } from './types.js';

const ZOUT_BASIS = {
  given: 'as stated or measured',
  assumed_zero: 'not published, taken as 0 Ω — never fitted to maximum ratings',
} as const;
const VOC_BASIS = {
  open_circuit: 'unloaded maximum as specified',
  rating_plus_zout: 'from the highest-load rating and Z_out',
} as const;

/** The ceiling step: how the ratings limit this load. */
function ceilingStep(d: Derived, Z: number): string | null {
  if (d.ceilingVrms === null) return null;
  const [a, b] = d.ceilingFrom;
  if (!a) return null;
  switch (d.vLoadBasis === 'thevenin' || d.vLoadBasis === 'current_limit' ? ceilingKind(d, Z) : d.vLoadBasis) {
    case 'rated_point':
      return `rated ceiling at ${ohm(a.loadOhm)}: ${V(a.vrms)}`;
    case 'below_lowest_rating':
      if (d.iMaxBasis === 'given')
        return `below the lowest rated load (${ohm(a.loadOhm)}) its ${V(a.vrms)} is held, up to the current limit`;
      return (
        `below the lowest rated load, at least its current is held (a floor): V/R = ${V(a.vrms)}/${ohm(a.loadOhm)} = ` +
        `${mA((1000 * a.vrms) / a.loadOhm)}: ${mA((1000 * a.vrms) / a.loadOhm)} × ${ohm(Z)} = ${V(d.ceilingVrms)}`
      );
    case 'above_highest_rating':
      return d.ceilingVrms > a.vrms * 1.0001
        ? `above the highest rated load (${V(a.vrms)} into ${ohm(a.loadOhm)}) the ceiling rises towards the unloaded ` +
            `maximum: ${V(d.ceilingVrms)}`
        : `above the highest rated load the ceiling stays at ${V(a.vrms)} (${ohm(a.loadOhm)} rating)`;
    case 'interpolated': {
      if (!b) return null;
      const k = Math.log(b.vrms / a.vrms) / Math.log(b.loadOhm / a.loadOhm);
      return (
        `ceiling between the ${ohm(a.loadOhm)} and ${ohm(b.loadOhm)} ratings: V1·(Z/R1)^k, k = ` +
        `ln(${num(b.vrms, 3)}/${num(a.vrms, 3)})/ln(${num(b.loadOhm)}/${num(a.loadOhm)}) = ${num(k, 3)} → ` +
        `${num(a.vrms, 3)} × (${num(Z)}/${num(a.loadOhm)})^${num(k, 3)} = ${V(d.ceilingVrms)}`
      );
    }
    default:
      return null;
  }
}

/** Which ceiling segment a load falls in (for loads where the divider or current limit bound instead). */
function ceilingKind(
  d: Derived,
  Z: number,
): 'rated_point' | 'below_lowest_rating' | 'above_highest_rating' | 'interpolated' {
  const [a, b] = d.ceilingFrom;
  if (b) return 'interpolated';
  if (a && Math.abs(a.loadOhm - Z) <= 0.01 * a.loadOhm) return 'rated_point';
  return a && Z < a.loadOhm ? 'below_lowest_rating' : 'above_highest_rating';
}

/** A result inside a step (the surfaces emphasise it). */
const R = (result: string) => ({ result });

export function mathSteps(r: MatchResult): MathStep[] {
  const d: Derived = r.derived;
  const steps: MathStep[] = [];
  if (d.sensitivityDbV === null || d.sensitivityDbMw === null)
    return [['The headphone sensitivity is not known, so the level cannot be computed.']];
  const Z = d.impedanceOhm;
  if (d.sensitivityUnitUsed === 'dB/mW') {
    steps.push([
      `Sensitivity per volt: S_V = S_mW + 10·log10(1000/Z) = ${num(d.sensitivityDbMw, 1)} + 10·log10(1000/${num(Z)}) ` +
        `= ${num(d.sensitivityDbMw, 1)} + ${num(d.unitOffsetDb, 2)} = `,
      R(`${num(d.sensitivityDbV, 1)} dB SPL/V`),
    ]);
  } else {
    steps.push([
      `Sensitivity per mW: S_mW = S_V − 10·log10(1000/Z) = ${num(d.sensitivityDbV, 1)} − ${num(d.unitOffsetDb, 2)} = `,
      R(`${num(d.sensitivityDbMw, 1)} dB SPL/mW`),
    ]);
  }
  if (d.vReqVrms !== null && d.pReqMw !== null && d.iReqMa !== null) {
    steps.push([
      `Voltage for ${d.targetSpl} dB peaks: V = 10^((T − S_V)/20) = 10^((${d.targetSpl} − ` +
        `${num(d.sensitivityDbV, 1)})/20) = `,
      R(V(d.vReqVrms)),
    ]);
    steps.push([
      `Power and current: P = V²/Z = ${num(d.vReqVrms, 3)}² / ${num(Z)} Ω = `,
      R(mW(d.pReqMw)),
      '; I = V/Z = ',
      R(mA(d.iReqMa)),
    ]);
  }
  if (d.vLoadVrms !== null) {
    const src: string[] = [];
    if (d.vocVrms !== null) src.push(`V_oc = ${V(d.vocVrms)} (${d.vocBasis ? VOC_BASIS[d.vocBasis] : 'given'})`);
    if (d.zOutOhm !== null) src.push(`Z_out = ${ohm(d.zOutOhm)} (${d.zOutBasis ? ZOUT_BASIS[d.zOutBasis] : 'given'})`);
    if (d.iMaxMa !== null && d.iMaxBasis === 'given') src.push(`I_max = ${mA(d.iMaxMa)} (stated)`);
    if (src.length) steps.push([`Source${d.gainMode ? ` (${d.gainMode})` : ''}: ${src.join(', ')}`]);
    const limits: string[] = [];
    if (d.theveninVrms !== null && d.vocVrms !== null) {
      limits.push(
        `divider V_oc·Z/(Z+Z_out) = ${num(d.vocVrms, 3)} × ${num(Z)}/(${num(Z)} + ${num(d.zOutOhm ?? 0)}) = ` +
          `${V(d.theveninVrms)}`,
      );
    }
    const ceiling = ceilingStep(d, Z);
    if (ceiling) limits.push(ceiling);
    if (d.currentCapVrms !== null && d.iMaxMa !== null)
      limits.push(`current limit I_max·Z = ${mA(d.iMaxMa)} × ${ohm(Z)} = ${V(d.currentCapVrms)}`);
    const power = d.pLoadMw !== null ? ` (${mW(d.pLoadMw)})` : '';
    steps.push([
      `Into this load (${ohm(Z)}): ${limits.join('; ')} → the lowest binds: `,
      R(`V_L = ${V(d.vLoadVrms)}`),
      power,
    ]);
    if (d.maxSpl !== null && d.headroomDb !== null) {
      steps.push([
        `Max level: S_V + 20·log10(V_L) = ${num(d.sensitivityDbV, 1)} + 20·log10(${num(d.vLoadVrms, 3)}) = `,
        R(spl(d.maxSpl)),
      ]);
      steps.push([
        `Headroom = max − target = ${num(d.maxSpl, 1)} − ${d.targetSpl} = `,
        R(dB(d.headroomDb)),
        ' (fine ≥ 0 dB; marginal down to −6 dB; moderate listening only down to −12 dB; below that an amp is needed)',
      ]);
    }
  }
  return steps;
}
