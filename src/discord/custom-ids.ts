/**
 * Button state lives in the custom id (≤ 100 characters), not in memory, so buttons keep working after a restart.
 *   faq:<topic-id>            show a topic
 *   math:<json>               show the math of a match (device ids or raw figures, target)
 *   nwia:<topic-or-kind>[:<topic>,<topic>…]  "Not what I asked", with the topics ranked next for the question (as
 *                             many as fit), so the reply needs nothing from the message it was pressed on
 *   rephrase:<topic-or-kind>  open the "ask it differently" modal (and its submission)
 */
import { z } from 'zod';
import type { MatchRequest } from '../answer/types.js';

export const CUSTOM_ID_MAX = 100;
/** A topic id as the knowledge schema allows it. */
const TOPIC_ID = /^[a-z0-9-]{1,90}$/;
/** What an answer was: a topic id or an answer kind ("match", "device"…). */
const ANSWERED = /^[a-z0-9_-]{1,90}$/;

export type ButtonAction =
  | { kind: 'faq'; id: string }
  | { kind: 'math'; request: MatchRequest }
  | { kind: 'nwia'; answered: string; alternatives: string[] }
  | { kind: 'rephrase'; answered: string };

/** Short keys keep the JSON small. */
const SHORT: Record<string, keyof MatchRequest> = {
  h: 'headphone',
  s: 'source',
  z: 'impedanceOhm',
  d: 'driver',
  t: 'targetSpl',
};

export function encodeButton(action: ButtonAction): string | null {
  let id: string;
  switch (action.kind) {
    case 'faq':
      id = `faq:${action.id}`;
      break;
    case 'nwia': {
      id = `nwia:${action.answered}`;
      const fitting: string[] = [];
      for (const alt of action.alternatives.filter((a) => TOPIC_ID.test(a))) {
        const next = `${id}:${[...fitting, alt].join(',')}`;
        if (next.length > CUSTOM_ID_MAX) break;
        fitting.push(alt);
      }
      if (fitting.length) id = `${id}:${fitting.join(',')}`;
      break;
    }
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

const figure = z.number().finite();
const name = z.string().min(1).max(90);
/** The raw source figures a math button can carry (what free text and /match options produce). */
const SOURCE_FIGURES = z
  .object({
    voltages: z
      .array(
        z
          .object({
            vrms: figure.optional(),
            dbu: figure.optional(),
            dbv: figure.optional(),
            loadOhm: figure.optional(),
          })
          .strict(),
      )
      .max(8)
      .optional(),
    outputImpedanceOhm: figure.optional(),
    maxCurrentMa: figure.optional(),
    powerRatings: z
      .array(z.object({ mw: figure, loadOhm: figure }).strict())
      .max(8)
      .optional(),
    noiseUv: figure.optional(),
  })
  .strict();
/** The JSON of a `math:` custom id, with the short keys of SHORT. */
const MATH_PAYLOAD = z
  .object({
    h: name.optional(),
    s: name.optional(),
    z: figure.optional(),
    d: z.enum(['dynamic', 'planar', 'balanced-armature', 'electrostatic', 'hybrid']).optional(),
    t: figure.optional(),
    n: z.tuple([figure, z.enum(['dB/mW', 'dB/V', 'unknown'])]).optional(),
    x: SOURCE_FIGURES.optional(),
  })
  .strict();

export function decodeButton(customId: string): ButtonAction | null {
  const [kind, ...rest] = customId.split(':');
  const payload = rest.join(':');
  if (kind === 'faq' && TOPIC_ID.test(payload)) return { kind, id: payload };
  if (kind === 'rephrase' && ANSWERED.test(payload)) return { kind, answered: payload };
  if (kind === 'nwia') {
    const [answered = '', alternatives = ''] = rest;
    if (!ANSWERED.test(answered) || rest.length > 2) return null;
    const alts = alternatives ? alternatives.split(',') : [];
    if (!alts.every((a) => TOPIC_ID.test(a))) return null;
    return { kind, answered, alternatives: alts };
  }
  if (kind === 'math') {
    let json: unknown;
    try {
      json = JSON.parse(payload);
    } catch {
      return null;
    }
    // Anyone can send any custom id: the payload is checked field by field before the engine sees it.
    const parsed = MATH_PAYLOAD.safeParse(json);
    if (!parsed.success) return null;
    const o = parsed.data;
    const request: MatchRequest = {};
    if (o.h !== undefined) request.headphone = o.h;
    if (o.s !== undefined) request.source = o.s;
    if (o.z !== undefined) request.impedanceOhm = o.z;
    if (o.d !== undefined) request.driver = o.d;
    if (o.t !== undefined) request.targetSpl = o.t;
    if (o.n) request.sensitivity = { value: o.n[0], unit: o.n[1] };
    if (o.x) request.sourceSpec = o.x;
    return { kind, request };
  }
  return null;
}
