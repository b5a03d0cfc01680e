/** /kb history — every version of an entry: who, what (a diff against the version before) and when. */
import { EmbedBuilder, MessageFlags } from 'discord.js';
import { clamp, EMBED_LIMITS } from '../../src/discord/limits.js';
import { NO_MENTIONS } from '../../src/discord/reply.js';
import { entryDiff } from '../../src/storage/entry-diff.js';
import { entryId, entryOption, ephemeral } from './shared.js';
import type { KbSubcommand } from './subcommand.js';

/** Knob: characters of one version's diff shown (the embed's description holds 4,096 in all). */
const DIFF_CHARS = 600;

const history: KbSubcommand = {
  name: 'history',
  description: 'Who changed an entry, what and when',
  options: entryOption,
  async run(interaction, ctx, guildId) {
    const id = entryId(interaction);
    const revisions = id !== null ? await ctx.repo.history(guildId, id) : [];
    if (!revisions.length) return ephemeral(interaction, 'No such entry in this server.');
    const lines = revisions.map((r, i) => {
      const diff = entryDiff(i ? revisions[i - 1]!.input : null, r.input).join('\n');
      const when = r.at.replace('T', ' ').slice(0, 16);
      const head = `**v${r.version} ${r.action}** by ${r.actor} at ${when} UTC`;
      return `${head}\n\`\`\`diff\n${diff.slice(0, DIFF_CHARS)}\n\`\`\``;
    });
    const embed = new EmbedBuilder()
      .setTitle(`History of entry #${id}`)
      .setDescription(clamp(lines.join('\n'), EMBED_LIMITS.description));
    await interaction.reply({ embeds: [embed], flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  },
};

export default history;
