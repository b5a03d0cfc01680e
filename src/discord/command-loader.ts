/**
 * Finds the command modules in a folder (commands/): every file but index is one command, its default export, and so
 * is the index of a sub-folder (a command split into modules, commands/kb/). Adding a command is adding a file; its
 * place in registration and in /help comes from its `order` (then its name).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnyCommand, MessageCommand, SlashCommand } from './command.js';

export interface LoadedCommands {
  slash: SlashCommand[];
  message: MessageCommand[];
}

const MODULE = /^(?!index\.)[\w-]+\.(?:ts|js)$/;
/** Discord's type for a message context-menu command. */
const MESSAGE_COMMAND = 3;

/** A command too large for one file is a folder whose index is the command (commands/kb/index.ts). */
function commandFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && MODULE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(entry.name);
    else if (entry.isDirectory()) {
      const index = readdirSync(join(dir, entry.name)).find((f) => /^index\.(?:ts|js)$/.test(f));
      if (index) out.push(join(entry.name, index));
    }
  }
  return out.sort();
}

export async function loadCommands(dir: string): Promise<LoadedCommands> {
  const files = commandFiles(dir);
  const commands: AnyCommand[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default?: AnyCommand };
    const command = mod.default;
    if (!command?.data || typeof command.execute !== 'function') {
      throw new Error(`${file} in ${dir} has no command as its default export (data and execute)`);
    }
    commands.push(command);
  }
  commands.sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.data.name.localeCompare(b.data.name));
  const isMessage = (c: AnyCommand): c is MessageCommand => c.data.toJSON().type === MESSAGE_COMMAND;
  return { slash: commands.filter((c): c is SlashCommand => !isMessage(c)), message: commands.filter(isMessage) };
}
