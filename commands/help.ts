/** /help — what the bot can do, with examples. */
import { EmbedBuilder, MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.js';
import { NO_MENTIONS } from '../src/discord/reply.js';

export const HELP_TEXT = [
  'I answer audio-gear questions: headphones, audio interfaces, amps, DACs, cables and connections.',
  '',
  '**/ask** `question` — anything, e.g. *do I need an amp for 250 ohm headphones?* or *hd600 on iphone dongle loud ' +
    'enough?*',
  '**/faq** `topic` — browse the FAQ (start typing for suggestions)',
  '**/device** `name` — a headphone or source with its figures and where each comes from',
  '**/match** `headphones` `source` — can this source drive these headphones? Verdict, numbers and the math. Raw ' +
    'figures work too: `250 ohm 96 dB/mW` on `1.2 Vrms 10 ohm`',
  '**Ask Headroom** — right-click a message → Apps → Ask Headroom, to answer someone else’s question',
  '',
  'Every command has `hide` (only you see the answer) and `mention` (ping one person with it). Mention me with a ' +
    'question and I’ll answer in the channel.',
].join('\n');

const command: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('help')
    .setDescription('What Headroom can do, with examples')
    .addBooleanOption((o) => o.setName('hide').setDescription('Only you see the answer')),
  async execute(interaction) {
    const hide = interaction.options.getBoolean('hide') ?? true;
    await interaction.reply({
      embeds: [
        new EmbedBuilder().setTitle('Headroom — audio-gear answers').setDescription(HELP_TEXT).setColor(0x5865f2),
      ],
      allowedMentions: NO_MENTIONS,
      ...(hide ? { flags: MessageFlags.Ephemeral } : {}),
    });
  },
};

export default command;
