/** zod schema for knowledge/lexicon.yaml: synonyms, multi-word phrases and concept groups (see the file's header). */
import { z } from 'zod';

const word = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9+./-]*$/, 'lower-case words, no spaces');

export const LexiconFile = z.strictObject({
  synonyms: z.record(word, z.array(word).min(1)).default({}),
  phrases: z
    .array(
      z.strictObject({
        say: z
          .string()
          .trim()
          .min(3)
          .max(60)
          .regex(/^[a-z0-9 ./-]+$/, 'lower-case words separated by spaces'),
        as: z
          .string()
          .trim()
          .min(1)
          .max(60)
          .regex(/^[a-z0-9 +./-]+$/, 'lower-case words separated by spaces'),
      }),
    )
    .default([]),
  groups: z
    .record(z.string().regex(/^[a-z]+$/, 'group names are lower-case letters'), z.array(word).min(2))
    .default({}),
});
export type LexiconData = z.infer<typeof LexiconFile>;

export const EMPTY_LEXICON_DATA: LexiconData = { synonyms: {}, phrases: [], groups: {} };
