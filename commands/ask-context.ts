/** "Ask Headroom" message context-menu command: answers the selected message (works without Message Content). */
import { ApplicationCommandType, ContextMenuCommandBuilder } from 'discord.js';
import type { MessageCommand } from '../src/discord/command.js';
import { countAnswer, replyWith } from '../src/discord/reply.js';

const command: MessageCommand = {
  order: 80,
  help: "right-click a message → Apps → Ask Headroom, to answer someone else's question",
  data: new ContextMenuCommandBuilder().setName('Ask Headroom').setType(ApplicationCommandType.Message),
  async execute(interaction, ctx) {
    const text = interaction.targetMessage.content.trim();
    if (!text) {
      await interaction.reply({
        content: 'That message has no text I can read.',
        flags: 64,
        allowedMentions: { parse: [] },
      });
      return;
    }
    // Acknowledge first, like /ask: a long message must never miss Discord's 3-second deadline.
    await interaction.deferReply();
    const answer = (await ctx.brains.for(interaction.guildId)).ask(text);
    countAnswer(ctx, answer, text, interaction.guildId);
    await replyWith(interaction, answer, { asked: text, logger: ctx.logger });
  },
};

export default command;
