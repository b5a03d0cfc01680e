/** /config — a server's chat-answer channels, confidence threshold, cooldown, default target level and editor role. */
import { ChannelType, EmbedBuilder, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.js';
import { DEFAULT_TARGET_SPL } from '../src/engine/index.js';
import { NO_MENTIONS } from '../src/discord/reply.js';
import type { GuildSettings } from '../src/storage/repository.js';

function describe(s: GuildSettings): string {
  const channels = s.chatChannels.map((c) => `<#${c}>`).join(', ');
  return [
    `Chat-answer channels: ${channels || 'none (answers only when mentioned)'}`,
    `Confidence threshold: ${s.confidence ?? 'default'}`,
    `Cooldown: ${s.cooldownSeconds !== null ? `${s.cooldownSeconds} s` : 'default'}`,
    `Default target level: ${s.targetSpl ?? DEFAULT_TARGET_SPL} dB SPL${s.targetSpl === null ? ' (default)' : ''}`,
    `Editor role: ${s.editorRoleId ? `<@&${s.editorRoleId}>` : 'none (Manage Server only)'}`,
  ].join('\n');
}

const command: SlashCommand = {
  order: 70,
  help: 'moderators: chat-answer channels, confidence, cooldown, default target level and the editor role',
  data: new SlashCommandBuilder()
    .setName('config')
    .setDescription("This server's Headroom settings")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(0)
    .addSubcommand((s) => s.setName('show').setDescription('Show the settings'))
    .addSubcommand((s) =>
      s
        .setName('chat-channel')
        .setDescription('Answer questions in a channel without being mentioned (needs the Message Content intent)')
        .addChannelOption((o) =>
          o
            .setName('channel')
            .setDescription('Channel')
            .setRequired(true)
            .addChannelTypes(ChannelType.GuildText, ChannelType.PublicThread, ChannelType.GuildForum),
        )
        .addBooleanOption((o) => o.setName('enabled').setDescription('On or off').setRequired(true)),
    )
    .addSubcommand((s) =>
      s
        .setName('set')
        .setDescription('Change thresholds and defaults')
        .addNumberOption((o) =>
          o
            .setName('confidence')
            .setDescription('Minimum confidence for unprompted answers (0–1)')
            .setMinValue(0)
            .setMaxValue(1),
        )
        .addIntegerOption((o) =>
          o
            .setName('cooldown')
            .setDescription('Seconds between answers per user and channel')
            .setMinValue(0)
            .setMaxValue(3600),
        )
        .addIntegerOption((o) =>
          o
            .setName('target')
            .setDescription('Default peak level for drive checks')
            .addChoices(
              { name: '105 dB SPL', value: 105 },
              { name: '110 dB SPL', value: 110 },
              { name: '115 dB SPL', value: 115 },
            ),
        )
        .addRoleOption((o) =>
          o.setName('editor_role').setDescription('Role that may edit knowledge besides Manage Server'),
        ),
    ),
  requires: ['guild', 'editor'],
  async execute(interaction, ctx) {
    const guildId = interaction.guildId!;
    const sub = interaction.options.getSubcommand();
    let settings = await ctx.repo.getSettings(guildId);
    if (sub === 'chat-channel') {
      const channel = interaction.options.getChannel('channel', true).id;
      const enabled = interaction.options.getBoolean('enabled', true);
      const chatChannels = enabled
        ? [...new Set([...settings.chatChannels, channel])]
        : settings.chatChannels.filter((c) => c !== channel);
      settings = await ctx.repo.updateSettings(guildId, { chatChannels });
    } else if (sub === 'set') {
      const patch: Partial<GuildSettings> = {};
      const confidence = interaction.options.getNumber('confidence');
      const cooldown = interaction.options.getInteger('cooldown');
      const target = interaction.options.getInteger('target');
      const role = interaction.options.getRole('editor_role');
      if (confidence !== null) patch.confidence = confidence;
      if (cooldown !== null) patch.cooldownSeconds = cooldown;
      if (target !== null) patch.targetSpl = target;
      if (role) patch.editorRoleId = role.id;
      settings = await ctx.repo.updateSettings(guildId, patch);
    }
    await interaction.reply({
      embeds: [new EmbedBuilder().setTitle('Headroom settings').setDescription(describe(settings))],
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  },
};

export default command;
