/** Discord's way of saying how to run something: slash commands with their options. */
import type { Syntax } from '../render/syntax.js';

export const DISCORD_SYNTAX: Syntax = {
  match: (e) => `\`/match headphones:${e.headphone} source:${e.source}\``,
  help: () => '`/help`',
  command: (name) => `\`/${name}\``,
};
