/**
 * Warnings: machine-readable codes with their numbers. Human text is built elsewhere.
 */
import type {
  ImplausibleFiguresWarning,
  Delivery,
  HeadphoneSpec,
  HissRiskWarning,
  HissUnknownWarning,
  OutputImpedanceHighWarning,
  PowerHandlingExceededWarning,
  SourceModel,
  TooMuchGainWarning,
  Warning,
} from './types.js';
import { powerRatioToDb, splAtVoltage, voltageForSpl, voltageRatioToDb } from './units.js';

/** NwAvGuy's rule of thumb: Z_out ≤ Z_hp / 8. */
export const ZOUT_RULE_DIVISOR = 8;

/**
 * Noise above this many dB SPL is worth mentioning. No authoritative audibility threshold exists; ~10 dB SPL is
 * where hiss starts to be reported in a quiet room.
 */
export const HISS_THRESHOLD_SPL = 10;

/**
 * Too much gain: normal listening is taken as an AVERAGE of 80 dB SPL (the upper end of the usual 75–80 dB
 * "normal listening" range; a different figure from the loud-listener average target − 15 reported as averageSpl).
 * When that level needs more than 45 dB of attenuation below full output (max SPL > 125 dB SPL), an analogue volume
 * control sits in its first few degrees, where channel imbalance and coarse control appear. Classic desktop pairings
 * (an HD 600 or HD 650 on a Magni or an RME, 120–125 dB SPL at full volume) stay below it; sensitive IEMs on desktop
 * amps (130 dB SPL and more) do not.
 */
export const NORMAL_LISTENING_SPL = 80;
export const TOO_MUCH_GAIN_THRESHOLD_DB = 45;

/**
 * Headphones at least this sensitive (dB SPL/V) can hiss on an ordinary output: 5 µV of noise, a good but not
 * exceptional figure, is ≈ 9 dB SPL in a 115 dB/V IEM (N = S_V + 20·log10(V_noise)). Used when the output's noise is
 * not known.
 */
export const HISS_CAUTION_SENSITIVITY_DBV = 115;

/** Δ = 20·log10[(Zmax/(Zmax+Zo)) / (Zmin/(Zmin+Zo))] (NwAvGuy). */
export function responseDeviationDb(zMinOhm: number, zMaxOhm: number, zOutOhm: number): number {
  return voltageRatioToDb(zMaxOhm / (zMaxOhm + zOutOhm) / (zMinOhm / (zMinOhm + zOutOhm)));
}

/** N_SPL = S_V + 20·log10(V_noise). */
export function noiseSpl(sensitivityDbV: number, noiseUv: number): number {
  return splAtVoltage(sensitivityDbV, noiseUv * 1e-6);
}

/**
 * A frequency-response shift at least this large (dB) across the headphone's impedance swing is worth a warning; a
 * smaller one is reported as information (the 1/8 rule is exceeded, but the tone barely changes).
 */
export const AUDIBLE_RESPONSE_SHIFT_DB = 1;

/**
 * Output impedance above 1/8 of the headphone's. Severity follows what it does to the sound: with a known impedance
 * curve, a warning when the response shifts by ≥ 1 dB; without one, a warning for balanced-armature and hybrid IEMs
 * (multi-driver crossovers swing widely) and information for dynamic drivers (one bass-resonance peak) and planars
 * (flat impedance: level, not tone).
 */
export function outputImpedanceWarning(hp: HeadphoneSpec, model: SourceModel): OutputImpedanceHighWarning | null {
  const zOut = model.zOutOhm;
  if (model.zOutBasis === 'assumed_zero' || !(zOut > 0)) return null;
  const ruleLimitOhm = hp.impedanceOhm / ZOUT_RULE_DIVISOR;
  if (!(zOut > ruleLimitOhm)) return null;
  const w: OutputImpedanceHighWarning = {
    code: 'output_impedance_high',
    severity: 'info',
    zOutOhm: zOut,
    impedanceOhm: hp.impedanceOhm,
    ratio: zOut / hp.impedanceOhm,
    dampingFactor: hp.impedanceOhm / zOut,
    ruleLimitOhm,
    planarBarelyCares: hp.driver === 'planar',
    ...(hp.driver ? { driver: hp.driver } : {}),
  };
  if (hp.impedanceMinOhm !== undefined || hp.impedanceMaxOhm !== undefined) {
    const zMin = Math.min(hp.impedanceMinOhm ?? hp.impedanceOhm, hp.impedanceOhm);
    const zMax = Math.max(hp.impedanceMaxOhm ?? hp.impedanceOhm, hp.impedanceOhm);
    w.impedanceMinOhm = zMin;
    w.impedanceMaxOhm = zMax;
    w.responseDeviationDb = responseDeviationDb(zMin, zMax, zOut);
    if (w.responseDeviationDb >= AUDIBLE_RESPONSE_SHIFT_DB) w.severity = 'warning';
  } else if (hp.driver === 'balanced-armature' || hp.driver === 'hybrid') {
    w.severity = 'warning';
  }
  return w;
}

export function hissWarning(sensitivityDbV: number, noiseUv: number | null): HissRiskWarning | null {
  if (noiseUv === null || !(noiseUv > 0)) return null;
  const n = noiseSpl(sensitivityDbV, noiseUv);
  if (!(n > HISS_THRESHOLD_SPL)) return null;
  return { code: 'hiss_risk', severity: 'warning', noiseUv, noiseSpl: n, thresholdSpl: HISS_THRESHOLD_SPL };
}

export function hissUnknownWarning(sensitivityDbV: number, noiseUv: number | null): HissUnknownWarning | null {
  if (noiseUv !== null || sensitivityDbV < HISS_CAUTION_SENSITIVITY_DBV) return null;
  return { code: 'hiss_unknown_noise', severity: 'info', sensitivityDbV, thresholdDbV: HISS_CAUTION_SENSITIVITY_DBV };
}

export function tooMuchGainWarning(
  sensitivityDbV: number,
  availableVrms: number,
  selectableGain: boolean,
): TooMuchGainWarning | null {
  const normalListeningVrms = voltageForSpl(sensitivityDbV, NORMAL_LISTENING_SPL);
  const attenuationDb = voltageRatioToDb(availableVrms / normalListeningVrms);
  if (!(attenuationDb > TOO_MUCH_GAIN_THRESHOLD_DB)) return null;
  return {
    code: 'too_much_gain',
    severity: 'warning',
    normalListeningSpl: NORMAL_LISTENING_SPL,
    normalListeningVrms,
    availableVrms,
    attenuationDb,
    thresholdDb: TOO_MUCH_GAIN_THRESHOLD_DB,
    excessDb: attenuationDb - TOO_MUCH_GAIN_THRESHOLD_DB,
    selectableGain,
  };
}

/**
 * Knobs: beyond these, figures someone typed in are flagged as implausible for headphones (ImplausibleFiguresWarning).
 * Applied by the answer layer to raw source figures only: a real amp with real figures into very sensitive IEMs can
 * exceed 150 dB SPL, and there the too-much-gain warning is the right one.
 */
export const PLAUSIBLE = { maxSpl: 150, powerMw: 10_000 } as const;

export function implausibleWarning(maxSpl: number | null, availableMw: number): ImplausibleFiguresWarning | null {
  if (!((maxSpl ?? 0) >= PLAUSIBLE.maxSpl || availableMw >= PLAUSIBLE.powerMw)) return null;
  return {
    code: 'implausible_figures',
    severity: 'warning',
    maxSpl: maxSpl ?? Number.NaN,
    availableMw,
    maxSplLimit: PLAUSIBLE.maxSpl,
    powerLimitMw: PLAUSIBLE.powerMw,
  };
}

export function powerHandlingWarning(hp: HeadphoneSpec, availableMw: number): PowerHandlingExceededWarning | null {
  if (hp.maxPowerMw === undefined || !(availableMw > hp.maxPowerMw)) return null;
  return {
    code: 'power_handling_exceeded',
    severity: 'warning',
    availableMw,
    maxPowerMw: hp.maxPowerMw,
    excessDb: powerRatioToDb(availableMw / hp.maxPowerMw),
  };
}

/** Every warning for one pairing and one sensitivity reading. */
export function collectWarnings(
  hp: HeadphoneSpec,
  sensitivityDbV: number,
  model: SourceModel,
  delivery: Delivery | null,
  selectableGain = false,
): Warning[] {
  const out: Warning[] = [];
  if (hp.driver === 'electrostatic') out.push({ code: 'electrostatic_needs_energizer', severity: 'warning' });
  const z = outputImpedanceWarning(hp, model);
  if (z) out.push(z);
  const hiss =
    hissWarning(sensitivityDbV, model.noiseUv) ?? (delivery ? hissUnknownWarning(sensitivityDbV, model.noiseUv) : null);
  if (hiss) out.push(hiss);
  if (delivery) {
    const gain = tooMuchGainWarning(sensitivityDbV, delivery.vrms, selectableGain);
    if (gain) out.push(gain);
    const ph = powerHandlingWarning(hp, delivery.mw);
    if (ph) out.push(ph);
  }
  if (model.zOutBasis === 'assumed_zero' && delivery !== null) {
    out.push({ code: 'output_impedance_unknown', severity: 'info', assumedOhm: 0 });
  }
  return out;
}
