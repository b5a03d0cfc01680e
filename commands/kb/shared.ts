/** What the /kb subcommands share: private replies, validation, the entry option, the error translation. */
import { MessageFlags, type ChatInputCommandInteraction, type RepliableInteraction } from 'discord.js';
import type { SlashCommandSubcommandBuilder } from 'discord.js';
import type { CommandContext } from '../../src/discord/command.js';
import { clamp, EMBED_LIMITS } from '../../src/discord/limits.js';
import { NO_MENTIONS } from '../../src/discord/reply.js';
import { entryLabel, knowledgeProblem } from '../../src/storage/entry-knowledge.js';
import { type EntryInput, parseEntryInput } from '../../src/storage/entry-schema.js';
import { ConflictError, NotFoundError } from '../../src/storage/repository.js';

/** A private reply (or follow-up, once the interaction was answered). */
export async function ephemeral(i: RepliableInteraction, content: string): Promise<void> {
  const payload = {
    content: clamp(content, EMBED_LIMITS.messageContent),
    flags: MessageFlags.Ephemeral as const,
    allowedMentions: NO_MENTIONS,
  };
  if (i.deferred || i.replied) await i.followUp(payload);
  else await i.reply(payload);
}

/** Validates an entry like a built-in file: its shape, then its fit with the built-in knowledge. */
export function validateEntry(
  raw: unknown,
  ctx: CommandContext,
): { ok: true; input: EntryInput } | { ok: false; error: string } {
  const parsed = parseEntryInput(raw);
  if (!parsed.ok) return parsed;
  const problem = knowledgeProblem(parsed.value, ctx.brains.base.knowledge);
  return problem ? { ok: false, error: problem } : { ok: true, input: parsed.value };
}

/** The entry picked in the `entry` option ("#12 …" from autocomplete, or a bare id); null when it is not one. */
export function entryId(interaction: ChatInputCommandInteraction): number | null {
  const raw = interaction.options.getString('entry', true).replace(/^#/, '').split(/\s/)[0]!;
  return /^\d{1,12}$/.test(raw) ? Number(raw) : null;
}

/** The `entry` option (autocompleted from this server's entries) for subcommands that act on one entry. */
export const entryOption = (s: SlashCommandSubcommandBuilder) =>
  s.addStringOption((o) => o.setName('entry').setDescription('Entry').setRequired(true).setAutocomplete(true));

/** "a, b ,c" → ["a", "b", "c"]. */
export const splitAliases = (raw: string | null) =>
  (raw ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);

/** Who made a change, as history shows it. */
export const actor = (i: RepliableInteraction) => `${i.user.username} (${i.user.id})`;

/** Runs a /kb handler in the server, turning a conflict or a missing entry into a clear private message. */
export async function inServer(
  interaction: RepliableInteraction,
  run: (guildId: string) => Promise<unknown>,
): Promise<void> {
  // 'guild' and 'editor' are checked by the router before any handler of this command runs (requires, index.ts).
  try {
    await run(interaction.guildId!);
  } catch (err) {
    if (err instanceof ConflictError)
      return ephemeral(
        interaction,
        `Someone else saved entry #${err.current.id} since you opened it (it is now at version ` +
          `${err.current.version}, by ${err.current.updatedBy}). Nothing was overwritten: open \`/kb edit\` again to ` +
          `see their version.`,
      );
    if (err instanceof NotFoundError)
      return ephemeral(interaction, `${err.message[0]!.toUpperCase()}${err.message.slice(1)}.`);
    throw err;
  }
}

/** Validates and writes a new entry; the reply confirms only after the commit. */
export async function addEntry(
  interaction: RepliableInteraction,
  raw: unknown,
  ctx: CommandContext,
  guildId: string,
): Promise<void> {
  const v = validateEntry(raw, ctx);
  if (!v.ok) return ephemeral(interaction, `Not saved: ${v.error}.`);
  const entry = await ctx.repo.addEntry(guildId, v.input, actor(interaction));
  await ephemeral(
    interaction,
    `Saved as entry **#${entry.id}** (${entryLabel(entry)}). It answers in this server from now on.`,
  );
}
