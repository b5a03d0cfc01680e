/**
 * Every command module in this folder, found by file (src/discord/command-loader.ts): adding a command is adding
 * one file here — registration, routing and /help pick it up.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCommands } from '../src/discord/command-loader.js';

const loaded = await loadCommands(dirname(fileURLToPath(import.meta.url)));

export const slashCommands = loaded.slash;
export const messageCommands = loaded.message;

/** The JSON definitions sent to Discord. */
export function commandDefinitions() {
  return [...slashCommands, ...messageCommands].map((c) => c.data.toJSON());
}
