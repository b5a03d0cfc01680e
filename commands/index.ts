/** Every command module, in the order they are registered. */
import ask from './ask.js';
import askContext from './ask-context.js';
import device from './device.js';
import faq from './faq.js';
import help from './help.js';
import kb from './kb.js';
import config from './config.js';
import match from './match.js';
import type { MessageCommand, SlashCommand } from '../src/discord/command.js';

export const slashCommands: SlashCommand[] = [ask, faq, device, match, help, kb, config];
export const messageCommands: MessageCommand[] = [askContext];

/** The JSON definitions sent to Discord. */
export function commandDefinitions() {
  return [...slashCommands, ...messageCommands].map((c) => c.data.toJSON());
}
