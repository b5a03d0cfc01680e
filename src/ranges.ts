/**
 * The plausible range of every figure, in one place: the engine's validation, the free-text parsers, the knowledge
 * and entry schemas, the CLI and the slash-command options all read them here, so a figure one of them accepts the
 * others accept too. A leaf module (imports nothing). Each range is inclusive; `label` words the range in messages.
 */
export interface Range {
  min: number;
  max: number;
}

export const RANGES = {
  /** Headphone impedance or a rated load (Ω): no headphone is under ~8 Ω; 100 kΩ is far past any. */
  impedanceOhm: { min: 1, max: 100_000 },
  /** Sensitivity (dB SPL per mW or per V): the quietest planars ~83 dB/mW, the most sensitive IEMs ~125 dB/mW. */
  sensitivityDb: { min: 70, max: 140 },
  /**
   * What free text reads as a sensitivity when its unit is written ("145 dB/mW"): a little past the plausible range,
   * so such a figure reaches the engine's check and gets its message with the range, rather than being ignored.
   */
  sensitivityReadDb: { min: 60, max: 150 },
  /** The engine's output level (Vrms): below 1 mV (−60 dBV) or above 1 kV is no headphone output. */
  levelVrms: { min: 0.001, max: 1000 },
  /** A moderator's source entry (Vrms, dBu, Ω): a headphone output, not a speaker amp. */
  entryLevelVrms: { min: 0.001, max: 100 },
  entryLevelDbu: { min: -40, max: 40 },
  outputImpedanceOhm: { min: 0, max: 1000 },
  /** Peak target (dB SPL): 105 quiet, 110 the default, 115 loud; anything from 60 to 130 accepted. */
  targetSpl: { min: 60, max: 130 },
} as const satisfies Record<string, Range>;

/** True when `value` lies in the range (inclusive). */
export const inRange = (value: number, r: Range) => value >= r.min && value <= r.max;

/** "70–140" for messages. */
export const rangeText = (r: Range) => `${r.min}–${r.max}`;
