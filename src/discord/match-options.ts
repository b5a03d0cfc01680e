/**
 * /match options are names (usually device ids from autocomplete) or raw figures typed by hand
 * ("250 ohm 96 dB/mW", "1.2 Vrms 10 ohm output impedance", "300 mW @ 32 ohm").
 */
import type { Brain } from '../answer/brain.js';
import type { MatchRequest } from '../answer/types.js';
import { extractEntities, sourceSpecFrom } from '../understand/entities.js';

export function matchRequestFromOptions(
  brain: Brain,
  headphones: string,
  source: string,
  target?: number,
): MatchRequest {
  const request: MatchRequest = target ? { targetSpl: target } : {};
  const hpFigures = extractEntities(headphones);
  if (hpFigures.impedancesOhm.length && brain.devices.resolve(headphones, 'headphone').status !== 'found') {
    request.impedanceOhm = hpFigures.impedancesOhm[0]!;
    if (hpFigures.sensitivities[0]) request.sensitivity = hpFigures.sensitivities[0];
    if (hpFigures.driver) request.driver = hpFigures.driver;
  } else request.headphone = headphones;

  const spec = sourceSpecFrom(extractEntities(source), { bareImpedanceIsOutputImpedance: true });
  if (spec && brain.devices.resolve(source, 'source').status !== 'found') request.sourceSpec = spec;
  else request.source = source;
  return request;
}
