/** /kb export — this server's entries as a JSON file (the format lives in src/storage/export-format.ts). */
import { AttachmentBuilder, MessageFlags } from 'discord.js';
import { NO_MENTIONS } from '../../src/discord/reply.js';
import { exportJson } from '../../src/storage/export-format.js';
import type { KbSubcommand } from './subcommand.js';

const exportEntries: KbSubcommand = {
  name: 'export',
  description: "Download this server's entries as JSON",
  async run(interaction, ctx, guildId) {
    const entries = await ctx.repo.listEntries(guildId);
    const file = new AttachmentBuilder(Buffer.from(exportJson(entries, guildId), 'utf8'), {
      name: `headroom-${guildId}-entries.json`,
    });
    await interaction.reply({
      content: `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} exported.`,
      files: [file],
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  },
};

export default exportEntries;
