/**
 * Public API of the matching engine: pure functions, numbers in, numbers out.
 * Main entry points return `{ ok: true, value } | { ok: false, problems }` (codes, worded by src/answer) and never
 * a NaN or Infinity.
 */
export type * from './types.js';

export {
  DEFAULT_TARGET_SPL,
  TARGET_PRESETS,
  TARGET_MIN_SPL,
  TARGET_MAX_SPL,
  AVERAGE_BELOW_PEAK_DB,
  requirementsFor,
  requirementsAt,
  sensitivityIn,
  sensitivityReadings,
} from './headphone.js';

// matchValidated / evaluateReading skip validation and stay internal (match.ts).
export { evaluateMatch, evaluateOutputs, pickBestOutput, compareOutcomes, outputsValidated } from './match.js';

export {
  evaluateImpedanceOnly,
  typicalSensitivityRange,
  TYPICAL_SENSITIVITY_DB_MW,
  DYNAMIC_HIGH_IMPEDANCE_FROM_OHM,
  SOURCE_CLASSES,
} from './impedance-only.js';
export type {
  ImpedanceOnlyResult,
  ImpedanceOnlyCell,
  ImpedanceOnlySource,
  ImpedanceOnlyOptions,
  SensitivityRange,
  SensitivityPoint,
  SourceClass,
} from './impedance-only.js';

export { rankSourcesFor, rankHeadphonesFor, rankItems, compareByHeadroom } from './reverse.js';
export { evaluateEstimate, TRIM_FRACTION, TRIM_FROM_MEMBERS } from './estimate.js';
export type { EstimateCase, EstimateMember, EstimateResult } from './estimate.js';
export type { RankItem, Ranked, RankResult, RankOptions } from './reverse.js';

export {
  buildSourceModel,
  deliverInto,
  translatePowerRating,
  figuresForLoad,
  modeAppliesTo,
  mergeMode,
  ratingVrms,
  voltageForms,
  ceilingAt,
  hasLevel,
  hasSelectableGain,
  AGREEMENT_TOLERANCE_DB,
} from './source-model.js';
export type { BuildModelResult } from './source-model.js';

export {
  verdictForHeadroom,
  combineVerdicts,
  VERDICT_RANK,
  FINE_MIN_HEADROOM_DB,
  MARGINAL_MIN_HEADROOM_DB,
  MODERATE_MIN_HEADROOM_DB,
  bandForHeadroom,
  bandOf,
} from './verdict.js';

export {
  collectWarnings,
  implausibleWarning,
  PLAUSIBLE,
  responseDeviationDb,
  noiseSpl,
  ZOUT_RULE_DIVISOR,
  HISS_THRESHOLD_SPL,
  HISS_CAUTION_SENSITIVITY_DBV,
  NORMAL_LISTENING_SPL,
  TOO_MUCH_GAIN_THRESHOLD_DB,
} from './warnings.js';

export {
  validateHeadphone,
  validateSource,
  validateTarget,
  validateMatchInput,
  MAX_IMPEDANCE_OHM,
  MIN_IMPEDANCE_OHM,
  MIN_LEVEL_VRMS,
  MAX_LEVEL_VRMS,
  SENSITIVITY_MIN_DB,
  SENSITIVITY_MAX_DB,
  SENSITIVITY_UNITS,
  DRIVER_TYPES,
} from './validate.js';

export { findNonFinite } from './finite.js';

export * from './units.js';
export type { Field, FieldName, Place, Problem, ProblemCode } from './problems.js';
export { within } from './problems.js';
