/**
 * How a surface tells people to run something: each surface names its own syntax, the answers only say what to run
 * (an example drive check, the help). Markdown rendering takes one of these.
 */
import type { MatchExample } from '../answer/types.js';
import { KNOWLEDGE_COMMANDS, type KnowledgeCommand } from '../knowledge/faq-schema.js';

export interface Syntax {
  /** How to run a drive check for these devices, as the reader would type it. */
  match(example: MatchExample): string;
  /** How to see what the bot can answer. */
  help(): string;
  /** A command by name, as a reader of this surface would call it ("/match", "headroom match"). */
  command(name: KnowledgeCommand): string;
}

const PLACEHOLDER = new RegExp(`\\{(${KNOWLEDGE_COMMANDS.join('|')})\\}`, 'g');

/** Knowledge text with its `{match}`-style placeholders in this surface's syntax. */
export function fillCommands(text: string, syntax: Syntax): string {
  return text.replace(PLACEHOLDER, (_, name: KnowledgeCommand) => syntax.command(name));
}

/** The command line (`npm run cli -- …`, or the `headroom` binary's own words). */
export const CLI_SYNTAX: Syntax = {
  match: (e) => `\`headroom match --headphone "${e.headphone}" --source "${e.source}"\``,
  help: () => '`headroom --help`',
  command: (name) => `\`headroom ${name}\``,
};

/** The local console (`npm start` without a token): it answers typed questions and knows /help. */
export const CONSOLE_SYNTAX: Syntax = {
  match: (e) => `\`can my ${e.source} drive the ${e.headphone}?\``,
  help: () => '`/help`',
  // the console answers questions; its commands are the CLI's
  command: (name) => `\`headroom ${name}\``,
};

/** The sentence every surface uses to point at a definite drive check. */
export function nameDevicesLine(example: MatchExample, syntax: Syntax): string {
  const run = syntax.match(example);
  const why = 'Impedance alone does not decide it';
  return `${why}: name your exact headphones and source (e.g. ${run}) for a definite answer.`;
}
