/** /kb add-headphone — headphones with their impedance and sensitivity, and the page the figures come from. */
import { RANGES } from '../../src/ranges.js';
import { addEntry, splitAliases } from './shared.js';
import type { KbSubcommand } from './subcommand.js';

const addHeadphone: KbSubcommand = {
  name: 'add-headphone',
  description: 'Add headphones with their specs',
  options: (s) =>
    s
      .addStringOption((o) => o.setName('name').setDescription('Brand and model').setRequired(true).setMaxLength(80))
      .addNumberOption((o) =>
        o
          .setName('impedance')
          .setDescription('Impedance in ohms')
          .setRequired(true)
          .setMinValue(RANGES.impedanceOhm.min)
          .setMaxValue(RANGES.impedanceOhm.max),
      )
      .addNumberOption((o) =>
        o
          .setName('sensitivity')
          .setDescription('Sensitivity in dB SPL')
          .setRequired(true)
          .setMinValue(RANGES.sensitivityDb.min)
          .setMaxValue(RANGES.sensitivityDb.max),
      )
      .addStringOption((o) =>
        o
          .setName('unit')
          .setDescription('Sensitivity per mW or per V')
          .setRequired(true)
          .addChoices(
            { name: 'dB/mW', value: 'mW' },
            { name: 'dB/V', value: 'V' },
            { name: 'not stated', value: 'unknown' },
          ),
      )
      .addStringOption((o) =>
        o.setName('source_url').setDescription('Page the figures come from').setRequired(true).setMaxLength(500),
      )
      .addStringOption((o) => o.setName('aliases').setDescription('Other names, comma separated').setMaxLength(500)),
  run: (interaction, ctx, guildId) =>
    addEntry(
      interaction,
      {
        kind: 'headphone',
        title: interaction.options.getString('name', true),
        impedanceOhm: interaction.options.getNumber('impedance', true),
        sensitivityDb: interaction.options.getNumber('sensitivity', true),
        sensitivityPer: interaction.options.getString('unit', true),
        sourceUrl: interaction.options.getString('source_url', true),
        aliases: splitAliases(interaction.options.getString('aliases')),
      },
      ctx,
      guildId,
    ),
};

export default addHeadphone;
