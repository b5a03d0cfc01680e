/**
 * Types shared by the matching engine. The engine is pure: numbers in, numbers out.
 * No prose is produced here — warnings are machine-readable codes with their numbers.
 */
import type { Problem } from './problems.js';

/** Unit a headphone sensitivity figure was printed in. 'unknown' = "97 dB" with no reference: evaluated both ways. */
export type SensitivityUnit = 'dB/mW' | 'dB/V' | 'unknown';
/** A sensitivity unit that is actually known (one reading of an ambiguous figure). */
export type KnownSensitivityUnit = Exclude<SensitivityUnit, 'unknown'>;

export type DriverType = 'dynamic' | 'planar' | 'balanced-armature' | 'electrostatic' | 'hybrid';

export interface Sensitivity {
  value: number;
  unit: SensitivityUnit;
}

export interface HeadphoneSpec {
  /** Nominal impedance in ohms. */
  impedanceOhm: number;
  /** Missing sensitivity → verdict 'unknown' (use evaluateImpedanceOnly for a range answer). */
  sensitivity?: Sensitivity;
  impedanceMinOhm?: number;
  impedanceMaxOhm?: number;
  driver?: DriverType;
  /** Maximum power handling (mW) — NOT the power required. */
  maxPowerMw?: number;
  /** Full-size headphones prefer a source's main phones output over its IEM output. */
  form?: HeadphoneForm;
}

export type HeadphoneForm = 'over-ear' | 'on-ear' | 'iem' | 'earbud' | 'headset';

/** "32 mW @ 33 Ω". */
export interface PowerRating {
  mw: number;
  loadOhm: number;
}

/**
 * A maximum output level. Give it in one or more of vrms / dbu / dbv (if several, they must agree within 1 dB).
 * loadOhm undefined = open circuit / unloaded (the Thevenin V_oc); defined = a loaded voltage ("+10 dBu into 300 Ω").
 */
export interface VoltageRating {
  vrms?: number;
  dbu?: number;
  dbv?: number;
  loadOhm?: number;
}

/** Fields a gain mode may override. */
export interface SourceFigures {
  voltages?: VoltageRating[];
  outputImpedanceOhm?: number;
  /** Output current limit, mA rms. */
  maxCurrentMa?: number;
  powerRatings?: PowerRating[];
  /** Output noise floor, µV (unweighted or A-weighted as printed). */
  noiseUv?: number;
}

/**
 * A named gain mode. Fields given here replace the base figures (voltages / powerRatings replace the whole list).
 * loadRangeOhm makes the mode automatic: it applies only to loads with min ≤ Z < max
 * (e.g. a MacBook switches to 3 Vrms for 150 Ω–1 kΩ). A mode without loadRangeOhm is user-selectable.
 */
export interface GainMode extends SourceFigures {
  name: string;
  loadRangeOhm?: { min?: number; max?: number };
}

/** One output of a source (the caller passes one output at a time; see evaluateOutputs for several). */
export interface SourceSpec extends SourceFigures {
  gainModes?: GainMode[];
  /** The figures are for one of several gain settings (a switch the figures do not cover): a lower one exists. */
  hasGainSettings?: boolean;
}

/** One output of a multi-output source ("3.5 mm SE", "4.4 mm balanced"). */
export interface SourceOutput {
  id: string;
  balanced?: boolean;
  /** An output meant for IEMs (low level, low noise): full-size headphones use it only when it is clearly better. */
  iem?: boolean;
  spec: SourceSpec;
}

/** A source with several outputs: evaluated output by output, best one picked. */
export interface MultiOutputSource {
  outputs: SourceOutput[];
}

export type Verdict = 'fine' | 'marginal' | 'needs_amp' | 'depends' | 'unknown';
/**
 * The wording band inside a verdict: needs_amp splits into moderate_only (−12…−6 dB: fine for moderate listening, an
 * amp for loud peaks) and needs_amp (below −12 dB).
 */
export type VerdictBand = 'fine' | 'marginal' | 'moderate_only' | 'needs_amp' | 'depends' | 'unknown';
export type LimitKind = 'voltage' | 'current' | 'power';

/** Every entry point's result: the computed value, or what is wrong with the input (problems.ts, never English). */
export type EngineResult<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export interface MatchOptions {
  /** Peak SPL target, dB SPL. Default 110 (NwAvGuy); 105 quiet, 115 loud; any 60–130 accepted. */
  targetSpl?: number;
}

/** What a headphone needs at the target, for one sensitivity reading. */
export interface Requirements {
  vrms: number;
  mw: number;
  ma: number;
  sensitivityDbV: number;
  sensitivityDbMw: number;
  /** The unit the numbers were computed with. */
  unitUsed: KnownSensitivityUnit;
  /** True when the headphone's unit is unknown and this is one of two readings. */
  ambiguous: boolean;
}

// ---------------------------------------------------------------- warnings

export type Severity = 'warning' | 'info';

interface WarningBase {
  severity: Severity;
  /** Set on warnings lifted from one reading of an ambiguous sensitivity. */
  reading?: KnownSensitivityUnit;
}

export interface OutputImpedanceHighWarning extends WarningBase {
  code: 'output_impedance_high';
  zOutOhm: number;
  impedanceOhm: number;
  /** Z_out / Z_hp (rule of thumb: at most 1/8 = 0.125). */
  ratio: number;
  /** Z_hp / Z_out (rule of thumb: at least 8). */
  dampingFactor: number;
  /** Z_hp / 8: the largest output impedance the rule allows. */
  ruleLimitOhm: number;
  /** Frequency-response deviation Δ (dB) when min/max impedance are known. */
  responseDeviationDb?: number;
  impedanceMinOhm?: number;
  impedanceMaxOhm?: number;
  /** Planars have flat impedance: a high Z_out costs level, barely changes tone. */
  planarBarelyCares: boolean;
  /** The headphone's driver type, when known (multi-driver IEMs are the most sensitive to Z_out). */
  driver?: DriverType;
}

export interface HissRiskWarning extends WarningBase {
  code: 'hiss_risk';
  noiseUv: number;
  /** N_SPL = S_V + 20·log10(V_noise). */
  noiseSpl: number;
  thresholdSpl: number;
}

export interface TooMuchGainWarning extends WarningBase {
  code: 'too_much_gain';
  /** The average level taken as normal listening (dB SPL). */
  normalListeningSpl: number;
  /** Voltage needed for normal listening. */
  normalListeningVrms: number;
  availableVrms: number;
  /** How far below full volume normal listening sits: maxSpl − normalListeningSpl. */
  attenuationDb: number;
  thresholdDb: number;
  /** attenuationDb − thresholdDb. */
  excessDb: number;
  /** True when the source has a user-selectable gain mode (already the lowest that suffices, see match.ts). */
  selectableGain: boolean;
}

/** Very sensitive headphones on an output whose noise is not known: hiss cannot be ruled out. */
export interface HissUnknownWarning extends WarningBase {
  code: 'hiss_unknown_noise';
  sensitivityDbV: number;
  thresholdDbV: number;
}

/** The best output is balanced: it needs a balanced cable (and headphones with a detachable cable). */
export interface BalancedCableWarning extends WarningBase {
  code: 'balanced_cable_needed';
  outputId: string;
}

export interface PowerHandlingExceededWarning extends WarningBase {
  code: 'power_handling_exceeded';
  availableMw: number;
  maxPowerMw: number;
  excessDb: number;
}

export interface AmbiguousSensitivityWarning extends WarningBase {
  code: 'ambiguous_sensitivity';
  sensitivityValue: number;
  verdictDbMw: Verdict;
  verdictDbV: Verdict;
  headroomDbMw: number | null;
  headroomDbV: number | null;
}

/** Info: unit unknown but both readings agree on the verdict (conservative numbers reported). */
export interface SensitivityUnitUnknownWarning extends WarningBase {
  code: 'sensitivity_unit_unknown';
  sensitivityValue: number;
  verdict: Verdict;
  headroomDbMw: number | null;
  headroomDbV: number | null;
  /** The reading whose numbers are reported (the lower headroom). */
  reportedUnit: KnownSensitivityUnit;
}

/** Info: no output impedance given or inferable; 0 Ω assumed. */
export interface OutputImpedanceUnknownWarning extends WarningBase {
  code: 'output_impedance_unknown';
  assumedOhm: number;
}

/**
 * The figures describe something no headphone output does (≥ 150 dB SPL at full volume, or ≥ 10 W into the
 * headphones): most likely a typo, a speaker amplifier's rating, or the wrong unit. The numbers are still shown.
 */
export interface ImplausibleFiguresWarning extends WarningBase {
  code: 'implausible_figures';
  maxSpl: number;
  availableMw: number;
  maxSplLimit: number;
  powerLimitMw: number;
}

/**
 * The headphone's load is below every rated load and no current limit is published: the level lies between the
 * held-current reading (reported) and the held-voltage reading. Severity 'warning' when the verdict differs between
 * the two (the result is then 'depends'), 'info' when both agree.
 */
export interface BelowRatedLoadWarning extends WarningBase {
  code: 'below_rated_load';
  loadOhm: number;
  ratedLoadOhm: number;
  headroomDbLow: number;
  headroomDbHigh: number;
  verdictLow: Verdict;
  verdictHigh: Verdict;
}

/** Electrostatic headphones need a dedicated energizer, not a headphone output. */
export interface ElectrostaticWarning extends WarningBase {
  code: 'electrostatic_needs_energizer';
}

export type Warning =
  | OutputImpedanceHighWarning
  | HissRiskWarning
  | TooMuchGainWarning
  | PowerHandlingExceededWarning
  | AmbiguousSensitivityWarning
  | SensitivityUnitUnknownWarning
  | OutputImpedanceUnknownWarning
  | ElectrostaticWarning
  | ImplausibleFiguresWarning
  | HissUnknownWarning
  | BalancedCableWarning
  | BelowRatedLoadWarning;

export type WarningCode = Warning['code'];

// ---------------------------------------------------------------- source model

/** Where a loaded point came from. */
export type VoltageBasis = 'open_circuit' | 'loaded_voltage' | 'power_rating';
/** open_circuit: an unloaded maximum as given; rating_plus_zout: from the highest-load rating and the stated Z_out. */
export type VocBasis = 'open_circuit' | 'rating_plus_zout';
/** given: stated or measured; assumed_zero: not known, 0 Ω used (never fitted to maximum ratings). */
export type ZOutBasis = 'given' | 'assumed_zero';
/** given: a stated current limit; lowest_rated_load: the lowest rated load's current, held below that load. */
export type CurrentBasis = 'given' | 'lowest_rated_load';
/** How the voltage into a load was found (see source-model.ts). */
export type CeilingBasis = 'rated_point' | 'interpolated' | 'below_lowest_rating' | 'above_highest_rating';
export type DeliveryBasis = 'thevenin' | 'current_limit' | CeilingBasis;

/** A rated output figure, normalised to Vrms into a load: the voltage ceiling at that load. */
export interface LoadedPoint {
  vrms: number;
  loadOhm: number;
  basis: 'loaded_voltage' | 'power_rating';
}

/** A source output normalised into an unloaded maximum behind Z_out, ceilings at rated loads, and a current limit. */
export interface SourceModel {
  /** Unloaded maximum Vrms; null when neither given nor derivable. */
  vocVrms: number | null;
  vocBasis: VocBasis | null;
  /** Output impedance used (0 when unknown). */
  zOutOhm: number;
  zOutBasis: ZOutBasis;
  /** Current limit, mA rms: a stated one, or the lowest rated load's current (applied below that load). */
  iMaxMa: number | null;
  iMaxBasis: CurrentBasis | null;
  noiseUv: number | null;
  /** Voltage ceilings at rated loads, ascending by load (the lowest figure per load). */
  points: LoadedPoint[];
}

/** What the source delivers into one load. */
export interface Delivery {
  vrms: number;
  mw: number;
  ma: number;
  /** V_oc·Z/(Z+Z_out); null when no unloaded maximum is known. */
  theveninVrms: number | null;
  /** The ratings' ceiling at this load; null without ratings. */
  ceilingVrms: number | null;
  /** The rated points the ceiling was read from. */
  ceilingFrom: LoadedPoint[];
  /** I_max·Z for a stated current limit (null when none). */
  currentCapVrms: number | null;
  /** Which of the limits binds. */
  basis: DeliveryBasis;
  limitedBy: LimitKind;
  /**
   * Set when the load is below the lowest rated load, no current limit is stated and the held current binds: the
   * level is then only bounded — at least the held current (`vrms`), at most the lowest rating's voltage held into
   * this load (`heldVoltageVrms`, itself capped by V_oc·Z/(Z+Z_out)).
   */
  unratedLoad?: { ratedLoadOhm: number; heldVoltageVrms: number };
}

// ---------------------------------------------------------------- results

/** Intermediate numbers for a "show the math" layer. Null = not applicable / unknown. */
export interface Derived {
  impedanceOhm: number;
  targetSpl: number;
  sensitivityValue: number | null;
  sensitivityGivenUnit: SensitivityUnit | null;
  sensitivityUnitUsed: KnownSensitivityUnit | null;
  /** S_V used (dB SPL/V). */
  sensitivityDbV: number | null;
  /** S_mW used (dB SPL/mW). */
  sensitivityDbMw: number | null;
  /** 10·log10(1000/Z): the dB/mW → dB/V offset at this impedance. */
  unitOffsetDb: number;
  vReqVrms: number | null;
  pReqMw: number | null;
  iReqMa: number | null;
  vocVrms: number | null;
  vocBasis: VocBasis | null;
  zOutOhm: number | null;
  zOutBasis: ZOutBasis | null;
  iMaxMa: number | null;
  iMaxBasis: CurrentBasis | null;
  theveninVrms: number | null;
  ceilingVrms: number | null;
  ceilingFrom: LoadedPoint[];
  currentCapVrms: number | null;
  /**
   * How V_L was found: the divider, a rating's ceiling (at, between, below or above rated loads) or a current limit.
   */
  vLoadBasis: DeliveryBasis | null;
  /** V_L: voltage into this load. */
  vLoadVrms: number | null;
  pLoadMw: number | null;
  iLoadMa: number | null;
  maxSpl: number | null;
  headroomDb: number | null;
  noiseUv: number | null;
  noiseSpl: number | null;
  gainMode: string | null;
}

export interface GainModeOutcome {
  name: string;
  verdict: Verdict;
  band: VerdictBand;
  headroomDb: number | null;
  maxSpl: number | null;
  availableVrms: number | null;
}

/** Voltage, power and current at the headphones. */
export interface DriveFigures {
  vrms: number;
  mw: number;
  ma: number;
}

/** The evaluation of one sensitivity reading. */
export interface Reading {
  unit: KnownSensitivityUnit;
  verdict: Verdict;
  band: VerdictBand;
  maxSpl: number | null;
  headroomDb: number | null;
  required: DriveFigures;
  available: DriveFigures | null;
  limitedBy: LimitKind | null;
  warnings: Warning[];
  derived: Derived;
  /** The gain mode whose numbers are reported (null when the source has no modes). */
  gainMode: string | null;
  gainModes: GainModeOutcome[];
}

/** Figures missing for a definite answer. */
export type MissingFigure = 'headphone_sensitivity' | 'source_output_level';

export interface MatchResult {
  verdict: Verdict;
  band: VerdictBand;
  targetSpl: number;
  /** ≈ target − 15 dB: average level for context. */
  averageSpl: number;
  maxSpl: number | null;
  headroomDb: number | null;
  required: DriveFigures | null;
  /** Into this load, at full volume. */
  available: DriveFigures | null;
  limitedBy: LimitKind | null;
  warnings: Warning[];
  derived: Derived;
  gainMode: string | null;
  gainModes: GainModeOutcome[];
  /** True when the sensitivity unit is unknown; `readings` then holds both evaluations. */
  sensitivityAmbiguous: boolean;
  readings?: Reading[];
  missing: MissingFigure[];
}

export interface OutputOutcome {
  id: string;
  balanced: boolean;
  iem?: boolean;
  result: MatchResult;
}

export interface OutputsResult {
  best: OutputOutcome;
  outputs: OutputOutcome[];
}
