/** Hearing safety: how long an average level is safe per day, by NIOSH's recommended exposure limit. */

/** NIOSH's recommended exposure limit: 85 dB(A) for 8 hours a day, halving with every 3 dB more. */
export const SAFE_LEVEL_DBA = 85;
export const SAFE_HOURS_AT_LIMIT = 8;
export const EXCHANGE_RATE_DB = 3;

/** Minutes a day at an average level before the NIOSH limit is reached. */
export function safeMinutesAt(averageDb: number): number {
  return 60 * SAFE_HOURS_AT_LIMIT * 2 ** (-(averageDb - SAFE_LEVEL_DBA) / EXCHANGE_RATE_DB);
}

/**
 * One line on hearing safety: the average level that goes with the loudest peaks this pairing is asked to reach
 * (the target, or full volume when that is lower), against NIOSH's limit.
 */
export function safetyLine(maxSpl: number, targetSpl: number, averageBelowPeakDb: number): string {
  const peak = Math.min(maxSpl, targetSpl);
  const average = Math.round(peak - averageBelowPeakDb);
  if (average <= SAFE_LEVEL_DBA) {
    return (
      `Hearing: about ${average} dB average at ${Math.round(peak)} dB peaks is within NIOSH's limit (85 dB for ` +
      `8 hours a day).`
    );
  }
  const minutes = safeMinutesAt(average);
  const time = minutes >= 120 ? `about ${Math.round(minutes / 60)} hours` : `about ${Math.round(minutes)} minutes`;
  return (
    `Hearing: about ${average} dB average at ${Math.round(peak)} dB peaks is safe for ${time} a day (NIOSH: 85 ` +
    `dB for 8 hours, halving with every 3 dB more); keep long sessions quieter.`
  );
}
