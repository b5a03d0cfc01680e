/**
 * Button state lives in the custom id (≤ 100 characters), not in memory, so buttons keep working after a restart.
 *   faq:<topic-id>            show a topic
 *   math:<json>               show the math of a match (device ids or raw figures, target)
 *   nwia:<topic-or-kind>      "Not what I asked"
 *   rephrase:<topic-or-kind>  open the "ask it differently" modal (and its submission)
 */
import type { MatchRequest } from '../answer/match-request.js';

export const CUSTOM_ID_MAX = 100;

export type ButtonAction =
  | { kind: 'faq'; id: string }
  | { kind: 'math'; request: MatchRequest }
  | { kind: 'nwia'; answered: string }
  | { kind: 'rephrase'; answered: string };

/** Short keys keep the JSON small. */
const SHORT: Record<string, keyof MatchRequest> = { h: 'headphone', s: 'source', z: 'impedanceOhm', d: 'driver', t: 'targetSpl' };

export function encodeButton(action: ButtonAction): string | null {
  let id: string;
  switch (action.kind) {
    case 'faq':
      id = `faq:${action.id}`;
      break;
    case 'nwia':
    case 'rephrase':
      id = `${action.kind}:${action.answered}`;
      break;
    case 'math': {
      const r = action.request;
      const o: Record<string, unknown> = {};
      for (const [k, full] of Object.entries(SHORT)) if (r[full] !== undefined) o[k] = r[full];
      if (r.sensitivity) o.n = [r.sensitivity.value, r.sensitivity.unit];
      if (r.sourceSpec) o.x = r.sourceSpec;
      id = `math:${JSON.stringify(o)}`;
      break;
    }
  }
  return id.length <= CUSTOM_ID_MAX ? id : null;
}

export function decodeButton(customId: string): ButtonAction | null {
  const [kind, ...rest] = customId.split(':');
  const payload = rest.join(':');
  if (kind === 'faq' && /^[a-z0-9-]{1,90}$/.test(payload)) return { kind, id: payload };
  if ((kind === 'nwia' || kind === 'rephrase') && payload.length <= 90) return { kind, answered: payload };
  if (kind === 'math') {
    try {
      const o = JSON.parse(payload) as Record<string, unknown>;
      const request: MatchRequest = {};
      for (const [k, full] of Object.entries(SHORT)) if (o[k] !== undefined) (request as Record<string, unknown>)[full] = o[k];
      if (Array.isArray(o.n)) request.sensitivity = { value: Number(o.n[0]), unit: o.n[1] as 'dB/mW' };
      if (o.x && typeof o.x === 'object') request.sourceSpec = o.x as MatchRequest['sourceSpec'];
      return { kind, request };
    } catch {
      return null;
    }
  }
  return null;
}
