/**
 * /match headphones:<autocomplete> source:<autocomplete> [target] — the engine's verdict with the numbers.
 * Both options also take raw figures: "250 ohm 96 dB/mW", "1.2 Vrms 10 ohm", "300 mW @ 32 ohm".
 */
import { SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.js';
import { deviceChoices } from '../src/discord/device-choices.js';
import { matchRequestFromOptions } from '../src/discord/match-options.js';
import { addChartOption, addCommonOptions } from '../src/discord/options.js';
import { commonOptions, countAnswer, replyWith } from '../src/discord/reply.js';
import { settingsOrDefaults } from '../src/discord/store-down.js';

const command: SlashCommand = {
  order: 40,
  help:
    'can this source drive these headphones? Verdict, numbers and the math. ' +
    'Raw figures work too: `250 ohm 96 dB/mW` on `1.2 Vrms 10 ohm`',
  data: addCommonOptions(
    addChartOption(
      new SlashCommandBuilder()
        .setName('match')
        .setDescription('Can this source drive these headphones? Verdict, numbers and the math')
        .addStringOption((o) =>
          o
            .setName('headphones')
            .setDescription('Headphones by name, or "250 ohm 96 dB/mW"')
            .setRequired(true)
            .setAutocomplete(true)
            .setMaxLength(200),
        )
        .addStringOption((o) =>
          o
            .setName('source')
            .setDescription('Interface, dongle, laptop, amp… or "1.2 Vrms 10 ohm"')
            .setRequired(true)
            .setAutocomplete(true)
            .setMaxLength(200),
        )
        .addIntegerOption((o) =>
          o
            .setName('target')
            .setDescription('Peak level to reach (default 110 dB SPL)')
            .addChoices(
              { name: '105 dB SPL (quiet listening)', value: 105 },
              { name: '110 dB SPL (typical)', value: 110 },
              { name: '115 dB SPL (loud)', value: 115 },
            ),
        ),
    ),
  ),
  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    await interaction.respond(
      deviceChoices(
        await ctx.brains.for(interaction.guildId),
        focused.value,
        focused.name === 'source' ? 'source' : 'headphone',
      ),
    );
  },
  async execute(interaction, ctx) {
    const options = commonOptions(interaction, ctx);
    const headphones = interaction.options.getString('headphones', true);
    const source = interaction.options.getString('source', true);
    const target =
      interaction.options.getInteger('target') ??
      (await settingsOrDefaults(ctx.repo, interaction.guildId, ctx.logger))?.targetSpl ??
      undefined;
    const request = matchRequestFromOptions(await ctx.brains.for(interaction.guildId), headphones, source, target);
    const answer = (await ctx.brains.for(interaction.guildId)).match(request);
    countAnswer(ctx, answer, `${headphones} on ${source}`, interaction.guildId);
    await replyWith(interaction, answer, options);
  },
};

export default command;
