/**
 * /kb stats — this server's most asked topics, "Not what I asked" counts and the recent questions the bot could not
 * answer, each with an "add this" button ('kbgap:' + the question's id) that opens the /kb add form pre-filled.
 */
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, MessageFlags } from 'discord.js';
import { entryModal } from '../../src/discord/entry-modal.js';
import { clamp } from '../../src/discord/limits.js';
import { NO_MENTIONS } from '../../src/discord/reply.js';
import { ADD_MODAL } from './add.js';
import { inServer } from './shared.js';
import type { KbSubcommand } from './subcommand.js';

const GAP_BUTTON = 'kbgap:';
/** Knob: rows per list (and "add this" buttons: at most five fit in one row). */
const ROWS = 5;
/** An embed field's value holds at most 1,024 characters. */
const FIELD_CHARS = 1024;

const counts = (rows: readonly { count: number; key: string }[]) =>
  clamp(rows.map((t) => `${t.count}× ${t.key}`).join('\n') || '—', FIELD_CHARS);

const stats: KbSubcommand = {
  name: 'stats',
  description: 'Most asked topics, "Not what I asked" counts and unanswered questions',
  async run(interaction, ctx, guildId) {
    // questions asked a moment ago are still queued (written off the answer path): write them first
    ctx.questions.flush();
    const s = await ctx.repo.stats(guildId, ROWS);
    const embed = new EmbedBuilder().setTitle('This server’s questions').addFields(
      { name: 'Most asked', value: counts(s.topAsked) },
      { name: '“Not what I asked”', value: counts(s.notWhatIAsked) },
      {
        name: 'Recent questions I could not answer',
        value: clamp(s.gaps.map((g, i) => `${i + 1}. ${g.question}`).join('\n') || '—', FIELD_CHARS),
      },
    );
    const buttons = s.gaps.map((g, i) =>
      new ButtonBuilder()
        .setCustomId(`${GAP_BUTTON}${g.id}`)
        .setLabel(`Add answer for ${i + 1}`)
        .setStyle(ButtonStyle.Secondary),
    );
    await interaction.reply({
      embeds: [embed],
      components: buttons.length ? [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)] : [],
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  },
  buttons: {
    [GAP_BUTTON]: (interaction, payload, ctx) =>
      inServer(interaction, async (guildId) => {
        const question = /^\d+$/.test(payload) ? await ctx.repo.gap(guildId, Number(payload)) : null;
        await interaction.showModal(
          entryModal(ADD_MODAL, 'Add an answer', question ? { title: question.slice(0, 100) } : {}),
        );
      }),
  },
};

export default stats;
