/**
 * Adding a command is one file: a new module beside the others is registered, routed and listed in /help with no
 * other change. The folder is a copy of commands/ beside it (so the modules' relative imports resolve) plus one new
 * file.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { helpText } from '../../commands/help.js';
import { loadCommands } from '../../src/discord/command-loader.js';
import { PROJECT_ROOT } from '../../src/paths.js';

const dir = mkdtempSync(join(PROJECT_ROOT, '.tmp-commands-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PING = `import { SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.js';

const command: SlashCommand = {
  order: 45,
  help: 'checks that I am awake',
  data: new SlashCommandBuilder().setName('ping').setDescription('Is the bot awake?'),
  async execute(interaction) {
    await interaction.reply({ content: 'pong', allowedMentions: { parse: [] } });
  },
};

export default command;
`;

describe('command modules are found by file', () => {
  it('a new file is registered and listed in /help, in its order', async () => {
    // a copy of commands/ with its sub-folders (/kb is a folder of subcommand modules)
    cpSync(join(PROJECT_ROOT, 'commands'), dir, { recursive: true });
    writeFileSync(join(dir, 'ping.ts'), PING);
    const loaded = await loadCommands(dir);
    const names = loaded.slash.map((c) => c.data.name);
    expect(names).toEqual(['ask', 'faq', 'device', 'match', 'ping', 'help', 'kb', 'config']);
    expect(loaded.message.map((c) => c.data.name)).toEqual(['Ask Headroom']);
    const help = helpText([...loaded.slash, ...loaded.message]);
    expect(help).toMatch(/\*\*\/ping\*\* — checks that I am awake/);
    expect(help).toMatch(/\*\*\/kb\*\* `add` · `add-headphone`/);
  });

  it('a file without a command is a clear error', async () => {
    writeFileSync(join(dir, 'broken.ts'), 'export const nothing = 1;\n');
    await expect(loadCommands(dir)).rejects.toThrow(/broken\.ts .* has no command as its default export/);
    rmSync(join(dir, 'broken.ts'));
  });
});
