/**
 * /kb import — reads an export file, checks every entry like a built-in file, and shows a preview; nothing is
 * written until the "Import" button ('kbimp:' + the pending import's id) is pressed, and then all or nothing.
 */
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, MessageFlags } from 'discord.js';
import { clamp } from '../../src/discord/limits.js';
import { knowledgeProblem } from '../../src/storage/entry-knowledge.js';
import { MAX_IMPORT_BYTES, parseExport } from '../../src/storage/export-format.js';
import { planImport } from '../../src/storage/import-plan.js';
import { actor, ephemeral, inServer } from './shared.js';
import type { KbSubcommand } from './subcommand.js';

const IMPORT_BUTTON = 'kbimp:';
/** Knob: how long the file download may take. */
const FETCH_TIMEOUT_MS = 10_000;
/** A reply's content stays under Discord's 2,000 characters. */
const REPLY_CHARS = 1900;

async function download(url: string): Promise<string | null> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    return res.ok ? await res.text() : null;
  } catch {
    return null;
  }
}

const importEntries: KbSubcommand = {
  name: 'import',
  description: 'Import entries from an export file (preview first)',
  options: (s) =>
    s.addAttachmentOption((o) => o.setName('file').setDescription('A JSON file from /kb export').setRequired(true)),
  async run(interaction, ctx, guildId) {
    const file = interaction.options.getAttachment('file', true);
    if (file.size > MAX_IMPORT_BYTES)
      return ephemeral(interaction, 'That file is larger than 1 MB; an export of this bot is much smaller.');
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const say = (content: string) => interaction.editReply({ content: clamp(content, REPLY_CHARS) });
    const text = await download(file.url);
    const read = text === null ? ({ ok: false, reason: 'not_json' } as const) : parseExport(text);
    if (!read.ok)
      return say(
        read.reason === 'not_json'
          ? 'I could not read that file as JSON. Use a file made by `/kb export`.'
          : `That file is not a valid export: ${read.problems.join('; ')}. Nothing was imported.`,
      );
    const problems = read.value
      .map((e, i) => [i, knowledgeProblem(e.input, ctx.brains.base.knowledge)] as const)
      .filter(([, p]) => p);
    if (problems.length)
      return say(
        `Nothing was imported: ${problems
          .slice(0, 5)
          .map(([i, p]) => `entry ${i + 1}: ${p}`)
          .join('; ')}.`,
      );
    const existing = await ctx.repo.listEntries(guildId, { includeDeleted: true });
    const { items, added, changed } = planImport(existing, read.value);
    const pending = await ctx.repo.savePendingImport(guildId, items);
    const confirm = new ButtonBuilder()
      .setCustomId(`${IMPORT_BUTTON}${pending}`)
      .setLabel(`Import (${added} new, ${changed} changed)`)
      .setStyle(ButtonStyle.Primary);
    return interaction.editReply({
      content:
        `Preview: **${added}** new entr${added === 1 ? 'y' : 'ies'}, **${changed}** changed, ` +
        `${items.length - added - changed} unchanged. Nothing is written until you confirm.`,
      components: [new ActionRowBuilder<ButtonBuilder>().addComponents(confirm)],
    });
  },
  buttons: {
    [IMPORT_BUTTON]: (interaction, payload, ctx) =>
      inServer(interaction, async (guildId) => {
        const items = /^\d+$/.test(payload) ? await ctx.repo.takePendingImport(guildId, Number(payload)) : null;
        if (!items)
          return ephemeral(interaction, 'This import was already applied or has expired. Run `/kb import` again.');
        const result = await ctx.repo.importEntries(guildId, items, actor(interaction));
        await interaction.update({
          content: `Imported: ${result.added} new, ${result.changed} changed.`,
          components: [],
        });
      }),
  },
};

export default importEntries;
