/** /ask question:<text> — the full ask pipeline (FAQ, devices, drive checks), answered as an embed. */
import { SlashCommandBuilder, MessageFlags } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.js';
import { commonOptions, countAnswer, replyWith } from '../src/discord/reply.js';
import { addChartOption, addCommonOptions } from '../src/discord/options.js';

export const MAX_QUESTION = 1000;

const command: SlashCommand = {
  order: 10,
  help: 'anything, e.g. *do I need an amp for 250 ohm headphones?* or *hd600 on iphone dongle loud enough?*',
  data: addCommonOptions(
    addChartOption(
      new SlashCommandBuilder()
        .setName('ask')
        .setDescription('Ask anything about headphones, interfaces, amps and connections')
        .addStringOption((o) =>
          o
            .setName('question')
            .setDescription('Your question, as you would ask a person')
            .setRequired(true)
            .setMaxLength(MAX_QUESTION),
        ),
    ),
  ),
  async execute(interaction, ctx) {
    const options = commonOptions(interaction, ctx);
    const { hide } = options;
    const question = interaction.options.getString('question', true).trim();
    // The open-ended path: acknowledge first so a large knowledge base can never miss Discord's 3-second deadline.
    await interaction.deferReply(hide ? { flags: MessageFlags.Ephemeral } : {});
    const answer = (await ctx.brains.for(interaction.guildId)).ask(question);
    countAnswer(ctx, answer, question, interaction.guildId);
    await replyWith(interaction, answer, { ...options, asked: question });
  },
};

export default command;
