/** /faq topic:<autocomplete> — one FAQ topic; autocomplete ranks topics for what is typed. */
import { SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.js';
import { choice } from '../src/discord/limits.js';
import { addCommonOptions } from '../src/discord/options.js';
import { commonOptions, countAnswer, replyWith } from '../src/discord/reply.js';

const command: SlashCommand = {
  order: 20,
  help: 'browse the FAQ (start typing for suggestions)',
  data: addCommonOptions(
    new SlashCommandBuilder()
      .setName('faq')
      .setDescription('Show an FAQ topic')
      .addStringOption((o) =>
        o
          .setName('topic')
          .setDescription('Start typing a question or a keyword')
          .setRequired(true)
          .setAutocomplete(true)
          .setMaxLength(200),
      ),
  ),
  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused();
    const topics = (await ctx.brains.for(interaction.guildId)).completeTopics(typed, 25);
    await interaction.respond(topics.map((t) => choice(t.title, t.id)));
  },
  async execute(interaction, ctx) {
    const { hide, mention, heldMention } = commonOptions(interaction, ctx);
    // Autocompleted values are free text: the handler looks them up again.
    const topic = interaction.options.getString('topic', true);
    const answer = (await ctx.brains.for(interaction.guildId)).faq(topic);
    countAnswer(ctx, answer, topic, interaction.guildId);
    await replyWith(interaction, answer, {
      hide,
      mention,
      heldMention,
      asked: (await ctx.brains.for(interaction.guildId)).topics.has(topic) ? undefined : topic,
    });
  },
};

export default command;
