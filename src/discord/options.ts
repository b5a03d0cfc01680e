/** Options every answer command shares: hide (ephemeral) and mention (ping one user, nobody else). */
import type { SlashCommandBuilder, SlashCommandOptionsOnlyBuilder } from 'discord.js';

export function addCommonOptions<T extends SlashCommandBuilder | SlashCommandOptionsOnlyBuilder>(b: T): T {
  b.addBooleanOption((o) => o.setName('hide').setDescription('Only you see the answer'));
  b.addUserOption((o) => o.setName('mention').setDescription('Ping one person with the answer'));
  return b;
}

/** `chart` on the commands that answer drive checks: the headroom chart attached as the embed's image (default on). */
export function addChartOption<T extends SlashCommandBuilder | SlashCommandOptionsOnlyBuilder>(b: T): T {
  b.addBooleanOption((o) =>
    o.setName('chart').setDescription('Attach the headroom chart to drive checks (default: yes)'),
  );
  return b;
}
