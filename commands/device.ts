/** /device name:<autocomplete> — a device card with every figure and its source. */
import { SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.js';
import { deviceChoices } from '../src/discord/device-choices.js';
import { addCommonOptions } from '../src/discord/options.js';
import { commonOptions, replyWith } from '../src/discord/reply.js';

const command: SlashCommand = {
  order: 30,
  help: 'a headphone or source with its figures and where each comes from',
  data: addCommonOptions(
    new SlashCommandBuilder()
      .setName('device')
      .setDescription('Show a headphone or source with its figures and sources')
      .addStringOption((o) =>
        o
          .setName('name')
          .setDescription('Headphones, interface, dongle or amp')
          .setRequired(true)
          .setAutocomplete(true)
          .setMaxLength(200),
      ),
  ),
  async autocomplete(interaction, ctx) {
    await interaction.respond(
      deviceChoices(await ctx.brains.for(interaction.guildId), interaction.options.getFocused()),
    );
  },
  async execute(interaction, ctx) {
    const { hide, mention, heldMention } = commonOptions(interaction, ctx);
    const name = interaction.options.getString('name', true);
    await replyWith(interaction, (await ctx.brains.for(interaction.guildId)).device(name), {
      hide,
      mention,
      heldMention,
    });
  },
};

export default command;
