/**
 * /match options are names (usually device ids from autocomplete) or raw figures typed by hand
 * ("250 ohm 96 dB/mW", "1.2 Vrms 10 ohm output impedance", "300 mW @ 32 ohm").
 */
import type { Brain } from '../answer/brain.js';
import type { MatchRequest } from '../answer/match-request.js';
import type { SourceSpec } from '../engine/index.js';
import { extractEntities } from '../understand/entities.js';

export function matchRequestFromOptions(brain: Brain, headphones: string, source: string, target?: number): MatchRequest {
  const request: MatchRequest = target ? { targetSpl: target } : {};
  const hpFigures = extractEntities(headphones);
  if (hpFigures.impedancesOhm.length && brain.devices.resolve(headphones, 'headphone').status !== 'found') {
    request.impedanceOhm = hpFigures.impedancesOhm[0]!;
    if (hpFigures.sensitivities[0]) request.sensitivity = hpFigures.sensitivities[0];
    if (hpFigures.driver) request.driver = hpFigures.driver;
  } else request.headphone = headphones;

  const src = extractEntities(source);
  const spec: SourceSpec = {};
  if (src.levels.length) spec.voltages = src.levels;
  if (src.powers.length) spec.powerRatings = src.powers;
  // A bare "10 ohm" next to a level is the output impedance.
  const zOut = src.outputImpedanceOhm ?? (spec.voltages || spec.powerRatings ? src.impedancesOhm[0] : undefined);
  if (zOut !== undefined) spec.outputImpedanceOhm = zOut;
  if (src.currentMa !== undefined) spec.maxCurrentMa = src.currentMa;
  if ((spec.voltages || spec.powerRatings) && brain.devices.resolve(source, 'source').status !== 'found') request.sourceSpec = spec;
  else request.source = source;
  return request;
}
