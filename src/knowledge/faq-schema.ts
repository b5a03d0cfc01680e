/**
 * zod schema for one FAQ topic file (knowledge/faq/<id>.md: YAML front matter + Markdown answer).
 */
import { z } from 'zod';
import { EMBED_LIMITS } from './limits.js';

export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const TopicFrontMatter = z.strictObject({
  id: z.string().regex(KEBAB_ID, 'must be kebab-case: lower-case letters, digits and single hyphens'),
  title: z
    .string()
    .trim()
    .min(3)
    .max(
      EMBED_LIMITS.choiceName,
      `must be at most ${EMBED_LIMITS.choiceName} characters (it is shown as an autocomplete choice)`,
    ),
  aliases: z.array(z.string().trim().min(2).max(EMBED_LIMITS.choiceName)).default([]),
  /**
   * Questions as people ask them — short, long, chat style, typos — that this topic answers. Separate from aliases
   * (which are also autocomplete keys): the ranker learns from them. Never copied from an evaluation set.
   */
  examples: z.array(z.string().trim().min(3).max(600)).default([]),
  tags: z.array(z.string().regex(/^[a-z0-9-]+$/, 'tags are lower-case words')).default([]),
  related: z.array(z.string().regex(KEBAB_ID, 'related ids are kebab-case')).default([]),
  sources: z.array(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })).optional(),
  /** Shown first in autocomplete when nothing is typed (like the discord.js bot's hoisted tags). */
  hoisted: z.boolean().optional(),
});
export type TopicFrontMatter = z.infer<typeof TopicFrontMatter>;

/**
 * Commands an answer may name as `{match}`: each surface writes them in its own syntax (`/match` on Discord,
 * `headroom match` on the command line), so knowledge never carries one surface's syntax.
 */
export const KNOWLEDGE_COMMANDS = ['match', 'device', 'faq', 'ask'] as const;
export type KnowledgeCommand = (typeof KNOWLEDGE_COMMANDS)[number];

export const TopicBody = z
  .string()
  .trim()
  .min(1, 'the answer is empty')
  .max(EMBED_LIMITS.description, `the answer must fit one embed description (${EMBED_LIMITS.description} characters)`)
  .refine((body) => !/`\/[a-z]+/.test(body), {
    message: 'write a command as {match} (each surface fills in its own syntax), not as `/match`',
  })
  .refine(
    (body) =>
      [...body.matchAll(/\{([a-z]+)\}/g)].every((m) => (KNOWLEDGE_COMMANDS as readonly string[]).includes(m[1]!)),
    {
      message: `a {command} in an answer must be one of ${KNOWLEDGE_COMMANDS.map((c) => `{${c}}`).join(', ')}`,
    },
  );

export interface Topic extends TopicFrontMatter {
  body: string;
  /** Path relative to the knowledge root, for error messages. */
  file: string;
}
