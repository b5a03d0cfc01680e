/** /kb hide — a built-in FAQ topic stops answering in this server (an entry of kind 'hide'; restorable). */
import { addEntry } from './shared.js';
import type { KbSubcommand } from './subcommand.js';

const hide: KbSubcommand = {
  name: 'hide',
  description: 'Hide a built-in FAQ topic in this server',
  options: (s) =>
    s.addStringOption((o) =>
      o.setName('topic').setDescription('Built-in topic').setRequired(true).setAutocomplete(true),
    ),
  run: (interaction, ctx, guildId) =>
    addEntry(
      interaction,
      { kind: 'hide', replaces: interaction.options.getString('topic', true), title: 'Hidden in this server' },
      ctx,
      guildId,
    ),
};

export default hide;
