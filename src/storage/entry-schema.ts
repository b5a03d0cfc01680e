/**
 * What a moderator may type for a server entry, validated with zod before anything reaches the database:
 * lengths within Discord's limits, http(s) URLs, numeric ranges, and nothing that could ping or deceive
 * (entry-text-safety.ts).
 */
import { z } from 'zod';
import { EMBED_LIMITS } from '../knowledge/limits.js';
import { KEBAB_ID } from '../knowledge/faq-schema.js';
import { unsafeText } from './entry-text-safety.js';
import { RANGES, rangeText } from '../ranges.js';

const text = (what: string, min: number, max: number) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(min, `${what} must be at least ${min} characters`)
    .max(max, `${what} must be at most ${max} characters`)
    .superRefine((s, ctx) => {
      const problem = unsafeText(s, what);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
const url = z
  .url({ protocol: /^https?$/, error: 'the source must be an http(s) URL, like https://example.com/spec' })
  .max(500)
  .refine((u) => !unsafeText(u, 'The source'), {
    message: 'the source must be a plain http(s) page, not an invite link',
  });

export const FaqEntryInput = z.strictObject({
  kind: z.literal('faq'),
  title: text('The question', 3, EMBED_LIMITS.choiceName),
  aliases: z
    .array(text('An alias', 2, EMBED_LIMITS.choiceName))
    .max(20, 'at most 20 aliases')
    .default([]),
  body: text('The answer', 1, EMBED_LIMITS.description),
  sourceUrl: url.optional(),
  /** A built-in topic id this entry replaces in this server. */
  replaces: z.string().regex(KEBAB_ID, 'must be a topic id like "do-i-need-an-amp"').optional(),
});

export const HideEntryInput = z.strictObject({
  kind: z.literal('hide'),
  /** The built-in topic hidden in this server. */
  replaces: z.string().regex(KEBAB_ID, 'must be a topic id like "do-i-need-an-amp"'),
  title: text('The reason', 1, 100).default('Hidden in this server'),
});

export const HeadphoneEntryInput = z.strictObject({
  kind: z.literal('headphone'),
  title: text('The name', 2, 80),
  aliases: z
    .array(text('An alias', 2, 100))
    .max(20)
    .default([]),
  impedanceOhm: z
    .number({ error: 'impedance must be a number of ohms' })
    .finite()
    .min(RANGES.impedanceOhm.min, `impedance must be at least ${RANGES.impedanceOhm.min} Ω`)
    .max(RANGES.impedanceOhm.max, 'impedance must be at most 100 kΩ'),
  sensitivityDb: z
    .number({ error: 'sensitivity must be a number' })
    .finite()
    .min(RANGES.sensitivityDb.min, `sensitivity must be ${rangeText(RANGES.sensitivityDb)} dB`)
    .max(RANGES.sensitivityDb.max, `sensitivity must be ${rangeText(RANGES.sensitivityDb)} dB`),
  sensitivityPer: z.enum(['mW', 'V', 'unknown'], { error: 'the unit must be mW, V or unknown' }),
  driver: z.enum(['dynamic', 'planar', 'balanced-armature', 'hybrid', 'electrostatic']).default('dynamic'),
  sourceUrl: url,
});

export const SourceEntryInput = z
  .strictObject({
    kind: z.literal('source'),
    title: text('The name', 2, 80),
    aliases: z
      .array(text('An alias', 2, 100))
      .max(20)
      .default([]),
    vrms: z
      .number()
      .finite()
      .gt(0, 'the level must be above 0 V')
      .max(RANGES.entryLevelVrms.max, `the level must be at most ${RANGES.entryLevelVrms.max} Vrms`)
      .optional(),
    dbu: z
      .number()
      .finite()
      .min(RANGES.entryLevelDbu.min, 'dBu must be −40…+40')
      .max(RANGES.entryLevelDbu.max, 'dBu must be −40…+40')
      .optional(),
    outputImpedanceOhm: z
      .number()
      .finite()
      .min(RANGES.outputImpedanceOhm.min, 'output impedance cannot be negative')
      .max(RANGES.outputImpedanceOhm.max, `output impedance must be at most ${RANGES.outputImpedanceOhm.max} Ω`)
      .optional(),
    powerMw: z.number().finite().gt(0).max(100_000).optional(),
    powerLoadOhm: z.number().finite().min(RANGES.impedanceOhm.min).max(RANGES.impedanceOhm.max).optional(),
    sourceUrl: url,
  })
  .refine((s) => s.vrms !== undefined || s.dbu !== undefined || s.powerMw !== undefined, {
    message: 'give the maximum output level (Vrms or dBu) or a power rating',
    path: ['vrms'],
  })
  .refine((s) => (s.powerMw === undefined) === (s.powerLoadOhm === undefined), {
    message: 'a power rating needs both the mW and the load in Ω',
    path: ['powerLoadOhm'],
  });

export const EntryInput = z.union([FaqEntryInput, HideEntryInput, HeadphoneEntryInput, SourceEntryInput]);
export type EntryInput = z.infer<typeof EntryInput>;

/** Turns zod issues into one friendly line. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .map((i) => i.message)
    .filter((m, k, all) => all.indexOf(m) === k)
    .join('; ');
}

export function parseEntryInput(raw: unknown): { ok: true; value: EntryInput } | { ok: false; error: string } {
  const kind = typeof raw === 'object' && raw && 'kind' in raw ? (raw as { kind: unknown }).kind : undefined;
  const schema =
    kind === 'faq'
      ? FaqEntryInput
      : kind === 'hide'
        ? HideEntryInput
        : kind === 'headphone'
          ? HeadphoneEntryInput
          : kind === 'source'
            ? SourceEntryInput
            : null;
  if (!schema) return { ok: false, error: 'unknown entry kind (faq, hide, headphone or source)' };
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data as EntryInput }
    : { ok: false, error: describeIssues(parsed.error.issues) };
}
