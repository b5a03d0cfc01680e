/** /help — what the bot can do, generated from the command modules themselves (their options and `help` lines). */
import { EmbedBuilder, MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { AnyCommand, SlashCommand } from '../src/discord/command.js';
import { NO_MENTIONS } from '../src/discord/reply.js';

type OptionJson = { name: string; type: number; required?: boolean };
/** Discord option types: 1 subcommand, 2 subcommand group. */
const SUBCOMMAND_TYPES = new Set([1, 2]);

/** The usage part of a help line: the command in bold with its subcommands or required options in code. */
function usage(c: AnyCommand): string {
  const json = c.data.toJSON() as { type?: number; name: string; options?: OptionJson[] };
  if (json.type === 3) return `**${json.name}**`;
  const options = json.options ?? [];
  const subs = options.filter((o) => SUBCOMMAND_TYPES.has(o.type)).map((o) => `\`${o.name}\``);
  const required = options.filter((o) => !SUBCOMMAND_TYPES.has(o.type) && o.required).map((o) => `\`${o.name}\``);
  return [`**/${json.name}**`, subs.join(' · '), required.join(' ')].filter(Boolean).join(' ');
}

/** The help text for these commands: one line each (those with a `help` line), then the shared options. */
export function helpText(commands: readonly AnyCommand[]): string {
  return [
    'I answer audio-gear questions: headphones, audio interfaces, amps, DACs, cables and connections.',
    '',
    ...commands.filter((c) => c.help).map((c) => `${usage(c)} — ${c.help}`),
    '',
    'Every command has `hide` (only you see the answer) and `mention` (ping one person with it). Mention me with a ' +
      'question and I’ll answer in the channel.',
  ].join('\n');
}

const command: SlashCommand = {
  order: 50,
  data: new SlashCommandBuilder()
    .setName('help')
    .setDescription('What Headroom can do, with examples')
    .addBooleanOption((o) => o.setName('hide').setDescription('Only you see the answer')),
  async execute(interaction, ctx) {
    const hide = interaction.options.getBoolean('hide') ?? true;
    await interaction.reply({
      embeds: [
        new EmbedBuilder()
          .setTitle('Headroom — audio-gear answers')
          .setDescription(helpText(ctx.commands))
          .setColor(0x5865f2),
      ],
      allowedMentions: NO_MENTIONS,
      ...(hide ? { flags: MessageFlags.Ephemeral } : {}),
    });
  },
};

export default command;
