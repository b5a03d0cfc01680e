/** /kb add-source — an interface, dongle or amp with its headphone-output figures and their page. */
import { parsePowerRating } from '../../src/understand/spec-parse.js';
import { RANGES } from '../../src/ranges.js';
import { addEntry, ephemeral, splitAliases } from './shared.js';
import type { KbSubcommand } from './subcommand.js';

const addSource: KbSubcommand = {
  name: 'add-source',
  description: 'Add an interface, dongle or amp with its headphone-output specs',
  options: (s) =>
    s
      .addStringOption((o) => o.setName('name').setDescription('Brand and model').setRequired(true).setMaxLength(80))
      .addStringOption((o) =>
        o.setName('source_url').setDescription('Page the figures come from').setRequired(true).setMaxLength(500),
      )
      .addNumberOption((o) =>
        o.setName('vrms').setDescription('Maximum output, Vrms').setMinValue(0.001).setMaxValue(100),
      )
      .addNumberOption((o) =>
        o
          .setName('dbu')
          .setDescription('Maximum output, dBu')
          .setMinValue(RANGES.entryLevelDbu.min)
          .setMaxValue(RANGES.entryLevelDbu.max),
      )
      .addNumberOption((o) =>
        o
          .setName('output_impedance')
          .setDescription('Output impedance, ohms')
          .setMinValue(RANGES.outputImpedanceOhm.min)
          .setMaxValue(RANGES.outputImpedanceOhm.max),
      )
      .addStringOption((o) =>
        o.setName('power').setDescription('Power rating, e.g. "300 mW @ 32 ohm"').setMaxLength(60),
      )
      .addStringOption((o) => o.setName('aliases').setDescription('Other names, comma separated').setMaxLength(500)),
  async run(interaction, ctx, guildId) {
    const power = interaction.options.getString('power');
    const parsedPower = power ? parsePowerRating(power) : null;
    if (parsedPower && !parsedPower.ok) return ephemeral(interaction, `Not saved: ${parsedPower.error}`);
    const num = (name: string) => interaction.options.getNumber(name) ?? undefined;
    const vrms = num('vrms');
    const dbu = num('dbu');
    const outputImpedanceOhm = num('output_impedance');
    return addEntry(
      interaction,
      {
        kind: 'source',
        title: interaction.options.getString('name', true),
        sourceUrl: interaction.options.getString('source_url', true),
        ...(vrms !== undefined ? { vrms } : {}),
        ...(dbu !== undefined ? { dbu } : {}),
        ...(outputImpedanceOhm !== undefined ? { outputImpedanceOhm } : {}),
        ...(parsedPower?.ok ? { powerMw: parsedPower.value.mw, powerLoadOhm: parsedPower.value.loadOhm } : {}),
        aliases: splitAliases(interaction.options.getString('aliases')),
      },
      ctx,
      guildId,
    );
  },
};

export default addSource;
